/**
 * Places of concern. Where police.uk has a real map point of the right kind (car parks, parks,
 * shopping areas, bus stations, sports grounds) the place sits on it, with police.uk's
 * "On or near …" label as its address; kinds police.uk lacks (takeaways, hotels, houses, taxi
 * ranks, railway stations) are scattered near real town centres. Names are descriptive, never a
 * real business, and no place carries a house number.
 */
import type { PlaceCategory } from '@lantern/domain';
import { distanceMetres, type PoliceUkPlace, policeUkPlaces, scatterInside } from './geography.ts';
import type { Rng } from './rng.ts';
import type { Town } from './towns.ts';
import type { SynthPlace } from './types.ts';

/** police.uk point-of-interest categories that stand in for our categories. */
const policeUkCategories: Partial<Record<PlaceCategory, readonly string[]>> = {
  park: ['Park/Open Space'],
  car_park: ['Parking Area'],
  shop: ['Shopping Area', 'Supermarket', 'Petrol Station'],
  bus_station: ['Bus/Coach Station'],
  leisure: ['Sports/Recreation Area', 'Nightclub', 'Theatre/Concert Hall'],
};

const descriptors: Record<PlaceCategory, readonly string[]> = {
  takeaway: ['Late-night takeaway', 'Chicken shop', 'Pizza and kebab takeaway', 'Fish and chip shop'],
  hotel: ['Budget hotel', 'Guest house', 'Roadside motel', 'Serviced apartments'],
  park: ['Park', 'Recreation ground', 'Playing fields', 'Skate park'],
  car_park: ['Car park', 'Supermarket car park', 'Retail park car park', 'Multi-storey car park'],
  shop: ['Convenience store', 'Vape shop', 'Shopping precinct', 'Petrol station shop'],
  taxi_rank: ['Taxi rank'],
  house: ['Residential address', 'Flat above shops', 'Terraced house', 'Bedsit'],
  bus_station: ['Bus station'],
  rail_station: ['Railway station'],
  school: ['School grounds'],
  leisure: ['Leisure centre', 'Sports ground', 'Nightclub', 'Amusement arcade'],
  other: ['Underpass', 'Canal towpath', 'Disused building'],
};

const streetFirst = (
  'Elm Oak Ash Beech Willow Station Church Mill Victoria Albert Chapel Forest Meadow Orchard Park Garden ' +
  'Spring Brook Market Bridge Priory Abbey Colliery Pit Hawthorn Holly Laurel Rowan Sycamore Cedar'
).split(' ');
const streetSecond = 'Road Street Close Lane Avenue Drive Way Crescent Grove Walk'.split(' ');

export const placeReasons = {
  cse: [
    'Young people seen being collected by older males',
    'Adults supplying alcohol and vapes to under-18s',
    'Children in care reported visiting late at night',
    'Rooms booked by adults for young people',
    'Free food and lifts offered to young people',
    'Suspected sexual exploitation of children',
  ],
  cce: [
    'Suspected drug supply involving children',
    'Young people seen holding or passing packages',
    'Address linked to county lines activity',
    'Children from out of area seen with older males',
    'Reports of weapons carried by young people',
    'Suspected cuckooing of a vulnerable adult',
  ],
  general: [
    'Missing children repeatedly found here',
    'Anti-social behaviour involving young people',
    'Young people gathering late at night',
    'Reports of underage drinking',
  ],
} as const;

export function inventedStreet(rng: Rng): string {
  return `${rng.pick(streetFirst)} ${rng.pick(streetSecond)}`;
}

export interface PlaceRequest {
  category: PlaceCategory;
  town: Town;
  concernSince: string;
  concernUntil: string | null;
  reasons: string[];
}

export class PlaceFactory {
  /** police.uk points already used, so two places of concern never share one. */
  private readonly usedPoints = new Set<PoliceUkPlace>();

  constructor(private readonly rng: Rng) {}

  create(request: PlaceRequest): SynthPlace {
    const { rng } = this;
    const { town } = request;
    const descriptor = rng.pick(descriptors[request.category]);
    const snap = this.policeUkPoint(request.category, town);
    let location: SynthPlace['location'];
    let address: string;
    if (snap) {
      this.usedPoints.add(snap);
      location = snap.location;
      address = snap.label;
    } else {
      // Takeaways, ranks and stations are central; hotels and houses further out.
      const central = ['takeaway', 'taxi_rank', 'rail_station', 'bus_station', 'shop'].includes(request.category);
      location = scatterInside(rng, town.centre, town.spreadMetres * (central ? 0.35 : 0.9), town.districtCode);
      address = `On or near ${inventedStreet(rng)}`;
    }
    return {
      id: rng.uuid(),
      name: `${descriptor}, ${town.name}`,
      category: request.category,
      address,
      location,
      districtCode: town.districtCode,
      concernSince: request.concernSince,
      concernUntil: request.concernUntil,
      reasons: request.reasons,
    };
  }

  /** An unused police.uk point of a matching kind, preferring ones near the town. */
  private policeUkPoint(category: PlaceCategory, town: Town): PoliceUkPlace | null {
    const kinds = policeUkCategories[category];
    if (!kinds) return null;
    const candidates = policeUkPlaces().filter(
      (place) =>
        place.districtCode === town.districtCode && kinds.includes(place.category) && !this.usedPoints.has(place),
    );
    if (candidates.length === 0) return null;
    const near = candidates
      .map((place) => ({ place, distance: distanceMetres(place.location, town.centre) }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 4);
    return this.rng.pick(near).place;
  }
}
