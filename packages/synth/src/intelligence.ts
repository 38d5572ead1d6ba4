/**
 * Concerns Network intelligence: low-level reports from professionals, graded 3x5x2. Most are
 * written about an exploitation network (who was seen where, in which car, with which children),
 * and each such report yields the links it evidences; the rest are background reports about
 * places and behaviour that feed the hotspot maps.
 */
import type { HandlingCode, IntelligenceCategory, IntelligenceEvaluation, SourceEvaluation } from '@lantern/domain';
import { ageInYears, DAY_MS, HOUR_MS, londonDate, londonWallClockMs } from '@lantern/domain';
import { type Agencies, councilFor } from './agencies.ts';
import { distanceMetres, districtAt, type PoliceUkPlace, policeUkPlaces, scatterInside } from './geography.ts';
import {
  associatePhrase,
  backgroundTemplates,
  capitalise,
  childPhrase,
  handlingConditionTexts,
  placePhrase,
  vehiclePhrase,
} from './intelligence-text.ts';
import { type LinkBuilder, reliabilityFromGrading, type Sighting } from './links.ts';
import type { Network } from './networks.ts';
import { dateBetween, pickChildDistrict, pickTown } from './people.ts';
import type { Period } from './period.ts';
import { type Rng, WeightedTable } from './rng.ts';
import { isoMinute } from './time.ts';
import { allDistrictCodes, districtInfoOf, NOTTINGHAM_CITY, type Town } from './towns.ts';
import type {
  LonLat,
  SynthAgency,
  SynthIntelligenceReport,
  SynthPerson,
  SynthPlace,
  SynthUser,
  SynthVehicle,
} from './types.ts';

const BACKGROUND_REPORTS = 2400;
const sourceTable = new WeightedTable<SourceEvaluation>([
  ['1', 0.2],
  ['2', 0.6],
  ['3', 0.2],
]);
const evaluationTable = new WeightedTable<IntelligenceEvaluation>([
  ['A', 0.08],
  ['B', 0.37],
  ['C', 0.37],
  ['D', 0.13],
  ['E', 0.05],
]);
const hourTable = new WeightedTable<number>(
  [1, 0.7, 0.5, 0.3, 0.2, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.7, 1.8, 2, 2.4, 2.6, 2.8, 2.9, 3, 3, 2.7, 2.1, 1.5].map(
    (weight, hour) => [hour, weight] as const,
  ),
);
const backgroundCategories = new WeightedTable<IntelligenceCategory>([
  ['missing', 0.28],
  ['location_concern', 0.2],
  ['harmful_behaviour', 0.2],
  ['cse', 0.1],
  ['cce', 0.1],
  ['county_lines', 0.04],
  ['trafficking', 0.03],
  ['other', 0.05],
]);

type AgencyRole = 'police' | 'county' | 'council' | 'health' | 'education' | 'charity';
const agencyMix: Record<IntelligenceCategory, readonly (readonly [AgencyRole, number])[]> = {
  cse: [
    ['police', 0.35],
    ['county', 0.18],
    ['council', 0.08],
    ['health', 0.12],
    ['education', 0.17],
    ['charity', 0.1],
  ],
  online: [
    ['police', 0.3],
    ['county', 0.2],
    ['education', 0.35],
    ['charity', 0.15],
  ],
  cce: [
    ['police', 0.4],
    ['county', 0.15],
    ['council', 0.08],
    ['health', 0.07],
    ['education', 0.2],
    ['charity', 0.1],
  ],
  county_lines: [
    ['police', 0.6],
    ['county', 0.15],
    ['council', 0.1],
    ['education', 0.15],
  ],
  trafficking: [
    ['police', 0.6],
    ['county', 0.3],
    ['charity', 0.1],
  ],
  missing: [
    ['police', 0.5],
    ['county', 0.35],
    ['charity', 0.1],
    ['health', 0.05],
  ],
  location_concern: [
    ['council', 0.35],
    ['police', 0.35],
    ['county', 0.1],
    ['charity', 0.1],
    ['education', 0.1],
  ],
  harmful_behaviour: [
    ['education', 0.45],
    ['police', 0.25],
    ['health', 0.1],
    ['county', 0.1],
    ['charity', 0.1],
  ],
  other: [
    ['police', 0.3],
    ['council', 0.3],
    ['county', 0.2],
    ['charity', 0.2],
  ],
};

interface Draft {
  category: IntelligenceCategory;
  body: string;
  occurredAt: number;
  location: LonLat | null;
  sightings: Omit<Sighting, 'sourceType' | 'sourceId' | 'seen' | 'reliability'>[];
}

export interface IntelligenceContext {
  rng: Rng;
  period: Period;
  agencies: Agencies;
  users: SynthUser[];
  networks: Network[];
  places: SynthPlace[];
  links: LinkBuilder;
}

function occurredOn(rng: Rng, date: string): number {
  return londonWallClockMs(date, hourTable.draw(rng) + rng.float());
}

function nearPlace(rng: Rng, place: SynthPlace): LonLat {
  return scatterInside(rng, place.location, 40, place.districtCode);
}

type Pair = Omit<Sighting, 'sourceType' | 'sourceId' | 'seen' | 'reliability'>;
const personTo = (person: SynthPerson, toType: Pair['toType'], toId: string, linkType: string): Pair => ({
  fromType: 'person',
  fromId: person.id,
  toType,
  toId,
  linkType,
});
const vehicleAt = (vehicle: SynthVehicle, place: SynthPlace): Pair => ({
  fromType: 'vehicle',
  fromId: vehicle.id,
  toType: 'place',
  toId: place.id,
  linkType: 'seen_at',
});

interface Focus {
  associate?: SynthPerson;
  vehicle?: Network['vehicles'][number];
}

/** One report about a network on a given date; `focus` makes sure every member is reported on. */
function networkDraft(rng: Rng, network: Network, date: string, focus: Focus): Draft {
  const occurredAt = occurredOn(rng, date);
  const children = network.children.filter((child) => {
    const age = ageInYears(child.person.dateOfBirth, date);
    return age >= 10 && age < 18;
  });
  const child = children.length > 0 && rng.chance(0.8) ? rng.pick(children).person : null;
  const publicPlaces = network.places.filter((place) => place.category !== 'house');
  const place = rng.pick(publicPlaces.length > 0 ? publicPlaces : network.places);
  const driven = focus.vehicle ?? (network.vehicles.length > 0 ? rng.pick(network.vehicles) : null);
  const associate = focus.associate ?? focus.vehicle?.user ?? rng.pick(network.associates);
  const house = network.addresses.get(associate.id) ?? null;
  const cse = network.kind === 'cse';
  const scenario = focus.vehicle
    ? 'vehicle'
    : rng.weighted<string>([
        // A focused associate must appear in the report; the vehicle scenario names only its user.
        ['vehicle', driven && !focus.associate ? 3 : 0],
        ['house', house ? 2.5 : 0],
        ['supply', 2],
        ['contact', child ? 1.2 : 0],
        ['together', network.associates.length > 1 ? 1 : 0],
        ['hotel', cse && place.category === 'hotel' && child ? 2 : 0],
        ['travel', !cse && child ? 1.2 : 0],
      ]);
  const who = child ? childPhrase(child, date) : cse ? 'teenage girls' : 'teenage boys';
  const sightings: Pair[] = [];
  let body: string;
  let category: IntelligenceCategory = cse ? 'cse' : rng.chance(0.35) ? 'county_lines' : 'cce';
  let location: LonLat | null = nearPlace(rng, place);

  switch (scenario) {
    case 'vehicle': {
      if (!driven) throw new Error('vehicle scenario without a vehicle');
      const car = vehiclePhrase(driven.vehicle, rng.chance(0.5));
      body = cse
        ? `Concern that older males are collecting young people from ${placePhrase(place)} in ${car}.`
        : `Young people seen exchanging small packages with the occupants of ${car} at ${placePhrase(place)}.`;
      if (child) body += ` ${capitalise(who)} was seen getting into the vehicle.`;
      sightings.push(
        vehicleAt(driven.vehicle, place),
        personTo(driven.user, 'vehicle', driven.vehicle.id, 'uses_vehicle'),
      );
      if (child) sightings.push(personTo(child, 'vehicle', driven.vehicle.id, 'seen_in_vehicle'));
      if (child) sightings.push(personTo(child, 'place', place.id, 'seen_at'));
      break;
    }
    case 'house': {
      if (!house) throw new Error('house scenario without an address');
      location = nearPlace(rng, house);
      body = cse
        ? `Young people, including ${who}, are reported to be visiting ${placePhrase(house)} late at night; ${associatePhrase(associate)} is believed to live there.`
        : `Information that ${placePhrase(house)} is being used to supply drugs and that children, including ${who}, are running from the address for ${associatePhrase(associate)}.`;
      sightings.push(personTo(associate, 'place', house.id, 'resides_at'));
      if (child) {
        sightings.push(personTo(child, 'place', house.id, 'visits'));
        sightings.push(personTo(child, 'person', associate.id, 'associated_with'));
      }
      break;
    }
    case 'contact': {
      if (!child) throw new Error('contact scenario without a child');
      body = cse
        ? `${capitalise(who)} is believed to be in contact with ${associatePhrase(associate)} via social media; gifts and money have been offered.`
        : `${capitalise(who)} has been seen with ${associatePhrase(associate)} and has new clothes and a phone that cannot be accounted for.`;
      sightings.push(personTo(child, 'person', associate.id, 'in_contact_with'));
      if (rng.chance(0.3)) location = null;
      break;
    }
    case 'together': {
      const other = rng.pick(network.associates.filter((candidate) => candidate !== associate));
      body = `${capitalise(associatePhrase(associate))} and ${associatePhrase(other)} seen together at ${placePhrase(place)} with a group of ${cse ? 'teenage girls' : 'teenage boys'}.`;
      sightings.push(
        personTo(associate, 'person', other.id, 'associates_with'),
        personTo(associate, 'place', place.id, 'frequents'),
        personTo(other, 'place', place.id, 'frequents'),
      );
      break;
    }
    case 'hotel': {
      if (!child) throw new Error('hotel scenario without a child');
      body = `Staff at ${placePhrase(place)} raised concern that a room was booked by ${associatePhrase(associate)} for ${who} who appeared to be under 18.`;
      sightings.push(
        personTo(child, 'place', place.id, 'seen_at'),
        personTo(associate, 'place', place.id, 'frequents'),
        personTo(child, 'person', associate.id, 'associated_with'),
      );
      break;
    }
    case 'travel': {
      if (!child) throw new Error('travel scenario without a child');
      category = 'county_lines';
      body = `${capitalise(who)} is believed to be travelling to other towns and returning with cash; linked to ${associatePhrase(associate)}.`;
      sightings.push(personTo(child, 'person', associate.id, 'associated_with'));
      break;
    }
    default: {
      body = cse
        ? `${capitalise(associatePhrase(associate))} is believed to be supplying alcohol and vapes to young people at ${placePhrase(place)}.`
        : `${capitalise(associatePhrase(associate))} seen at ${placePhrase(place)} with ${who}; concern that children are being used to carry drugs.`;
      sightings.push(personTo(associate, 'place', place.id, 'frequents'));
      if (child) {
        sightings.push(personTo(child, 'place', place.id, 'seen_at'));
        sightings.push(personTo(child, 'person', associate.id, 'associated_with'));
      }
    }
  }
  return { category, body, occurredAt, location, sightings };
}

/** How a report would name a police.uk point of interest. */
const landmarkNouns: Record<string, string> = {
  'Parking Area': 'car park',
  'Park/Open Space': 'park',
  'Sports/Recreation Area': 'recreation ground',
  'Shopping Area': 'shopping area',
  Supermarket: 'supermarket',
  'Petrol Station': 'petrol station',
  'Bus/Coach Station': 'bus station',
  'Pedestrian Subway': 'subway',
  Nightclub: 'nightclub',
};

const landmarkCache = new Map<Town, PoliceUkPlace[]>();

/** police.uk points of interest within about two spreads of a town centre. */
function landmarksNear(town: Town): PoliceUkPlace[] {
  let nearby = landmarkCache.get(town);
  if (!nearby) {
    nearby = policeUkPlaces().filter(
      (place) =>
        place.districtCode === town.districtCode &&
        landmarkNouns[place.category] !== undefined &&
        distanceMetres(place.location, town.centre) < 2 * town.spreadMetres,
    );
    landmarkCache.set(town, nearby);
  }
  return nearby;
}

function backgroundDraft(rng: Rng, period: Period, places: SynthPlace[]): Draft {
  const category = backgroundCategories.draw(rng);
  const date = dateBetween(rng, period.start, period.end);
  const occurredAt = occurredOn(rng, date);
  let location: LonLat;
  let where: string;
  let town: string;
  if (rng.chance(0.45) && places.length > 0) {
    const place = rng.pick(places);
    location = nearPlace(rng, place);
    where = placePhrase(place);
    town = place.name.split(', ')[1] ?? '';
  } else {
    const districtCode =
      category === 'cse' || category === 'cce'
        ? pickChildDistrict(rng, category)
        : rng.weighted(allDistrictCodes.map((code) => [code, districtInfoOf(code).population] as const));
    const chosen = pickTown(rng, districtCode, category === 'cce' || category === 'county_lines');
    town = chosen.name;
    const nearby = landmarksNear(chosen);
    const landmark = nearby.length > 0 && rng.chance(0.7) ? rng.pick(nearby) : null;
    if (landmark) {
      location = scatterInside(rng, landmark.location, 40, districtCode);
      where = `the ${landmarkNouns[landmark.category]} in ${chosen.name}`;
    } else {
      location = scatterInside(rng, chosen.centre, chosen.spreadMetres, districtCode);
      where =
        chosen.districtCode === NOTTINGHAM_CITY && !chosen.name.includes('centre')
          ? `the ${chosen.name} area`
          : `${chosen.name} town centre`;
    }
  }
  const templates = backgroundTemplates[category] ?? backgroundTemplates.other ?? [];
  const template = rng.pick(templates);
  return { category, body: template(where, town), occurredAt, location, sightings: [] };
}

function agencyFor(rng: Rng, agencies: Agencies, category: IntelligenceCategory, location: LonLat | null): SynthAgency {
  const role = rng.weighted(agencyMix[category]);
  switch (role) {
    case 'police':
      return agencies.police;
    case 'county':
      return agencies.countyCouncil;
    case 'council': {
      const district = location ? districtAt(location) : null;
      return district ? councilFor(agencies, district) : agencies.countyCouncil;
    }
    case 'health':
      return agencies.health;
    case 'education':
      return agencies.education;
    default:
      return agencies.charity;
  }
}

export function generateIntelligence(context: IntelligenceContext): SynthIntelligenceReport[] {
  const { rng, period, agencies, users, networks, places, links } = context;
  const drafts: Draft[] = [];
  for (const network of networks) {
    const months = Math.max(1, (Date.parse(network.end) - Date.parse(network.start)) / (30.4 * DAY_MS));
    const count = Math.max(2, Math.round(months * rng.between(1.2, 3.2)));
    const focuses: Focus[] = [
      ...network.vehicles.map((vehicle) => ({ vehicle })),
      ...network.associates.map((associate) => ({ associate })),
    ];
    for (let i = 0; i < Math.max(count, focuses.length); i++) {
      drafts.push(networkDraft(rng, network, dateBetween(rng, network.start, network.end), focuses[i] ?? {}));
    }
  }
  for (let i = 0; i < BACKGROUND_REPORTS; i++) drafts.push(backgroundDraft(rng, period, places));

  const usersByAgency = new Map<string, SynthUser[]>();
  for (const user of users) usersByAgency.set(user.agencyId, [...(usersByAgency.get(user.agencyId) ?? []), user]);

  const reports = drafts.map((draft) => {
    const agency = agencyFor(rng, agencies, draft.category, draft.location);
    const staff = usersByAgency.get(agency.id) ?? [];
    const handlingCode: HandlingCode = rng.chance(0.14) ? 'C' : 'P';
    const delay = Math.min(21 * DAY_MS, HOUR_MS + rng.exponential(36 * HOUR_MS));
    const submittedAt = Math.min(draft.occurredAt + delay, period.endMs - 60_000);
    const report: SynthIntelligenceReport = {
      id: rng.uuid(),
      reference: '',
      sourceEvaluation: sourceTable.draw(rng),
      intelligenceEvaluation: evaluationTable.draw(rng),
      handlingCode,
      handlingConditions: handlingCode === 'C' ? rng.pick(handlingConditionTexts) : null,
      category: draft.category,
      body: draft.body,
      occurredAt: isoMinute(draft.occurredAt),
      submittedAt: isoMinute(Math.max(submittedAt, draft.occurredAt)),
      location: draft.location,
      submittingAgencyId: agency.id,
      submittedById: staff.length > 0 && rng.chance(0.6) ? rng.pick(staff).id : null,
    };
    const seen = londonDate(report.occurredAt);
    const reliability = reliabilityFromGrading(report.intelligenceEvaluation);
    for (const pair of draft.sightings) {
      links.add({ ...pair, sourceType: 'intelligence_report', sourceId: report.id, seen, reliability });
    }
    return report;
  });

  // References follow submission order, as a records system would issue them.
  const ordered = [...reports].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  ordered.forEach((report, index) => {
    report.reference = `IR-${String(index + 1).padStart(6, '0')}`;
  });
  return ordered;
}
