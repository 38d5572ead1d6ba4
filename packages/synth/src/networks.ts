/**
 * Exploitation networks: the hidden structure behind the intelligence. Each network has a kind
 * (sexual or criminal exploitation), a home district and town, an active window, and members:
 * associates, their vehicles, the places they use and the children they target. Intelligence
 * reports and missing episodes are then written about these networks, so the links, hotspots and
 * link charts a user sees have a consistent story behind them.
 */
import type { PlaceCategory, Sex } from '@lantern/domain';
import { addDays, addYears, earlierDate, laterDate } from '@lantern/domain';
import {
  type ChildProfile,
  dateBetween,
  type ExploitationType,
  type PeopleFactory,
  pickChildDistrict,
  pickTown,
} from './people.ts';
import type { Period } from './period.ts';
import { type PlaceFactory, placeReasons } from './places.ts';
import type { Rng } from './rng.ts';
import { countyDistrictCodes, NOTTINGHAM_CITY, type Town, townsIn } from './towns.ts';
import type { SynthPerson, SynthPlace, SynthVehicle } from './types.ts';
import type { VehicleFactory } from './vehicles.ts';

export interface Network {
  kind: ExploitationType;
  districtCode: string;
  town: Town;
  /** First and last day of activity, 'YYYY-MM-DD'. */
  start: string;
  end: string;
  associates: SynthPerson[];
  vehicles: { vehicle: SynthVehicle; user: SynthPerson }[];
  places: SynthPlace[];
  /** Where an associate lives or uses, by associate id (houses of concern). */
  addresses: Map<string, SynthPlace>;
  children: ChildProfile[];
}

export interface NetworkWorld {
  networks: Network[];
  associates: SynthPerson[];
  vehicles: SynthVehicle[];
  places: SynthPlace[];
}

const NETWORKS: Record<ExploitationType, number> = { cse: 26, cce: 30 };
const STANDALONE_PLACES = 90;

const placeCategoryWeights: Record<ExploitationType | 'general', readonly (readonly [PlaceCategory, number])[]> = {
  cse: [
    ['takeaway', 3],
    ['hotel', 2],
    ['park', 2],
    ['car_park', 2],
    ['taxi_rank', 1],
    ['shop', 1],
    ['leisure', 0.5],
    ['bus_station', 0.5],
  ],
  cce: [
    ['park', 2],
    ['car_park', 2],
    ['shop', 1.5],
    ['takeaway', 1.5],
    ['bus_station', 1],
    ['rail_station', 1],
    ['leisure', 1],
    ['hotel', 0.5],
  ],
  general: [
    ['park', 3],
    ['shop', 2],
    ['bus_station', 1.5],
    ['leisure', 1.5],
    ['car_park', 1],
    ['rail_station', 1],
    ['takeaway', 1],
    ['other', 0.5],
  ],
};

function neighbouringTown(rng: Rng, network: { districtCode: string; town: Town; kind: ExploitationType }): Town {
  if (rng.chance(0.65)) return network.town;
  return pickTown(rng, network.districtCode, network.kind === 'cce');
}

function concernWindow(rng: Rng, period: Period, start: string, end: string): { since: string; until: string | null } {
  const since = addDays(start, -rng.int(0, 90));
  const stillActive = end >= addDays(period.end, -60) || rng.chance(0.3);
  const until = stillActive ? null : addDays(end, rng.int(14, 120));
  return { since, until: until !== null && until > period.end ? null : until };
}

function reasonsFor(rng: Rng, kind: ExploitationType | 'general'): string[] {
  const own = placeReasons[kind];
  const reasons = rng.sample(own, rng.int(1, 2));
  if (kind !== 'general' && rng.chance(0.3)) reasons.push(rng.pick(placeReasons.general));
  return reasons;
}

export function buildNetworks(
  rng: Rng,
  period: Period,
  people: PeopleFactory,
  places: PlaceFactory,
  vehicles: VehicleFactory,
  children: readonly ChildProfile[],
): NetworkWorld {
  const networks: Network[] = [];
  const allAssociates: SynthPerson[] = [];
  const allVehicles: SynthVehicle[] = [];
  const allPlaces: SynthPlace[] = [];
  const assignedChildren = new Set<string>();

  for (const kind of ['cse', 'cce'] as const) {
    for (let n = 0; n < NETWORKS[kind]; n++) {
      const districtCode = pickChildDistrict(rng, kind);
      const town = pickTown(rng, districtCode, kind === 'cce');
      const startDay = dateBetween(rng, addDays(period.start, -240), addDays(period.end, -90));
      const start = laterDate(startDay, period.start);
      const endDay = addDays(startDay, rng.int(180, 900));
      const end = earlierDate(endDay, period.end);
      const network: Network = {
        kind,
        districtCode,
        town,
        start,
        end,
        associates: [],
        vehicles: [],
        places: [],
        addresses: new Map(),
        children: [],
      };

      // Associates: mostly new, occasionally someone already active in another network.
      const associateCount = rng.int(3, 8);
      const sameKind = networks.filter((other) => other.kind === kind).flatMap((other) => other.associates);
      for (let i = 0; i < associateCount; i++) {
        if (sameKind.length > 0 && rng.chance(0.1)) {
          const existing = rng.pick(sameKind);
          if (!network.associates.includes(existing)) network.associates.push(existing);
          continue;
        }
        const peer = kind === 'cce' && rng.chance(0.4);
        const sex: Sex = rng.chance(kind === 'cse' ? 0.83 : 0.92) ? 'M' : 'F';
        const homeDistrict =
          kind === 'cce' && rng.chance(0.25)
            ? NOTTINGHAM_CITY
            : rng.chance(0.75)
              ? districtCode
              : rng.pick(countyDistrictCodes);
        const associate = people.associate({
          districtCode: homeDistrict,
          ageOnDate: start,
          age: peer ? rng.between(15, 19) : kind === 'cse' ? 19 + rng.exponential(9) : rng.between(18, 32),
          sex,
        });
        network.associates.push(associate);
        allAssociates.push(associate);
      }

      // Places: one or two houses used by associates, plus public places in and near the town.
      const window = (): { since: string; until: string | null } => concernWindow(rng, period, start, end);
      const houseCount = rng.int(1, 2);
      for (let i = 0; i < houseCount; i++) {
        const { since, until } = window();
        const house = places.create({
          category: 'house',
          town: neighbouringTown(rng, network),
          concernSince: since,
          concernUntil: until,
          reasons: reasonsFor(rng, kind),
        });
        network.places.push(house);
        const resident = network.associates[i % network.associates.length];
        if (resident) network.addresses.set(resident.id, house);
      }
      const publicCount = rng.int(2, 4);
      for (let i = 0; i < publicCount; i++) {
        const { since, until } = window();
        network.places.push(
          places.create({
            category: rng.weighted(placeCategoryWeights[kind]),
            town: neighbouringTown(rng, network),
            concernSince: since,
            concernUntil: until,
            reasons: reasonsFor(rng, kind),
          }),
        );
      }
      allPlaces.push(...network.places);

      const vehicleCount = rng.int(1, 3);
      for (let i = 0; i < vehicleCount; i++) {
        const vehicle = vehicles.create();
        network.vehicles.push({ vehicle, user: rng.pick(network.associates) });
        allVehicles.push(vehicle);
      }

      network.children = pickNetworkChildren(rng, network, children, assignedChildren);
      networks.push(network);
    }
  }

  for (let i = 0; i < STANDALONE_PLACES; i++) {
    const districtCode = rng.pick([...countyDistrictCodes, NOTTINGHAM_CITY]);
    const town = rng.weighted(townsIn(districtCode).map((candidate) => [candidate, candidate.weight] as const));
    const since = dateBetween(rng, addYears(period.start, -2), addDays(period.end, -30));
    allPlaces.push(
      places.create({
        category: rng.weighted(placeCategoryWeights.general),
        town,
        concernSince: since,
        concernUntil: rng.chance(0.25) ? dateBetween(rng, laterDate(since, period.start), period.end) : null,
        reasons: reasonsFor(rng, 'general'),
      }),
    );
  }

  return { networks, associates: allAssociates, vehicles: allVehicles, places: allPlaces };
}

/** Flagged children of the network's kind from its district, active while it is, under 18 then. */
function pickNetworkChildren(
  rng: Rng,
  network: Network,
  children: readonly ChildProfile[],
  assigned: Set<string>,
): ChildProfile[] {
  const candidates = children.filter((child) => {
    const { person } = child;
    if (assigned.has(person.id) || person.homeDistrictCode !== network.districtCode) return false;
    const flaggedAt = network.kind === 'cse' ? person.cseFlaggedAt : person.cceFlaggedAt;
    if (flaggedAt === null) return false;
    const activeFrom = addDays(flaggedAt, -180);
    const activeTo = addDays(flaggedAt, 365);
    const adultFrom = addYears(person.dateOfBirth, 18);
    return activeFrom <= network.end && activeTo >= network.start && adultFrom > network.start;
  });
  // Higher-risk children are likelier to be known to a network.
  const weight = (child: ChildProfile): number => {
    const risk = network.kind === 'cse' ? child.person.cseRisk : child.person.cceRisk;
    return risk === 'high' ? 3 : risk === 'medium' ? 2 : 1;
  };
  const chosen: ChildProfile[] = [];
  const count = Math.min(candidates.length, rng.int(3, 12));
  const pool = [...candidates];
  while (chosen.length < count && pool.length > 0) {
    const child = rng.weighted(pool.map((candidate) => [candidate, weight(candidate)] as const));
    pool.splice(pool.indexOf(child), 1);
    chosen.push(child);
    assigned.add(child.person.id);
  }
  return chosen;
}
