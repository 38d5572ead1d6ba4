/**
 * The entry point: builds a whole synthetic dataset from a seed, in dependency order (who goes
 * missing → who else is flagged → the networks around them → the intelligence and episodes that
 * evidence those networks). Each step draws from its own named random stream.
 */
import { generateAgencies } from './agencies.ts';
import { NATIONAL_CRIME_EVENTS, syntheticCrimeEvents } from './crime.ts';
import { plantEarlySignals } from './early-signals.ts';
import { exploitationRecords, flagChildrenWithoutEpisodes } from './exploitation.ts';
import { generateIntelligence } from './intelligence.ts';
import { LinkBuilder } from './links.ts';
import { completeEpisodes } from './missing-episodes.ts';
import { planMissingChildren } from './missing-roster.ts';
import { PseudonymIssuer } from './names.ts';
import { buildNetworks, type Network } from './networks.ts';
import { PeopleFactory } from './people.ts';
import { buildPeriod } from './period.ts';
import { PlaceFactory } from './places.ts';
import { Rng } from './rng.ts';
import { assertCalendarDate } from './time.ts';
import type { PlantedNetwork, SyntheticDataset } from './types.ts';
import { generateUsers } from './users.ts';
import { VehicleFactory } from './vehicles.ts';

export interface GenerateOptions {
  seed?: number;
  scale?: 'county' | 'national';
  /** Last day covered, 'YYYY-MM-DD'; the dataset spans the three years ending here. */
  periodEnd?: string;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_PERIOD_END = '2026-03-31';

/** Everything drawn before the records that evidence it: the people, the networks and their places. */
function plantWorld(options: GenerateOptions) {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 'county';
  const periodEnd = options.periodEnd ?? DEFAULT_PERIOD_END;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (scale !== 'county' && scale !== 'national')
    throw new Error(`scale must be 'county' or 'national', got '${scale}'`);
  assertCalendarDate(periodEnd);

  const period = buildPeriod(periodEnd);
  const root = new Rng(seed);
  const agencies = generateAgencies(root.fork('agencies'));
  const users = generateUsers(root.fork('users'), agencies);
  const people = new PeopleFactory(
    root.fork('people'),
    new PseudonymIssuer(root.fork('pseudonyms')),
    root.fork('child-refs').int(1000, 9000),
  );

  const roster = planMissingChildren(root.fork('missing'), people, period);
  // Assessments are made by children's social care, the police, health and the commissioned charity.
  const assessorAgencies = [agencies.countyCouncil, agencies.police, agencies.health, agencies.charity].map(
    (agency) => agency.name,
  );
  const { created: flaggedOnly, histories } = flagChildrenWithoutEpisodes(
    root.fork('exploitation'),
    people,
    period,
    roster.children,
    assessorAgencies,
  );
  const children = [...roster.children, ...flaggedOnly];
  const world = buildNetworks(
    root.fork('networks'),
    period,
    people,
    new PlaceFactory(root.fork('places')),
    new VehicleFactory(root.fork('vehicles')),
    children,
  );
  return { seed, scale, period, root, agencies, users, roster, children, histories, world };
}

/**
 * The exploitation networks planted in the dataset that `generateDataset` with the same options
 * builds (same ids): the ground truth that community detection on the records should recover.
 * Children belong to one network at most; an associate is occasionally in two of the same kind.
 *
 * @example
 * plantedNetworks().length; // → 56 (26 CSE, 30 CCE)
 */
export function plantedNetworks(options: GenerateOptions = {}): PlantedNetwork[] {
  return plantWorld(options).world.networks.map((network) => ({
    kind: network.kind,
    districtCode: network.districtCode,
    associateIds: network.associates.map((associate) => associate.id),
    vehicleIds: network.vehicles.map(({ vehicle }) => vehicle.id),
    placeIds: network.places.map((place) => place.id),
    childIds: network.children.map((child) => child.person.id),
  }));
}

export function generateDataset(options: GenerateOptions = {}): SyntheticDataset {
  const { seed, scale, period, root, agencies, users, roster, children, histories, world } = plantWorld(options);

  const links = new LinkBuilder(root.fork('links'));
  const intelligenceReports = generateIntelligence({
    rng: root.fork('intelligence'),
    period,
    agencies,
    users,
    networks: world.networks,
    places: world.places,
    links,
  });
  const networkOfChild = new Map<string, Network>();
  for (const network of world.networks) {
    for (const child of network.children) networkOfChild.set(child.person.id, network);
  }
  const missingEpisodes = completeEpisodes({
    rng: root.fork('episodes'),
    period,
    planned: roster.episodes,
    networkOfChild,
    links,
  });
  plantEarlySignals({
    rng: root.fork('early-signals'),
    periodEndMs: period.endMs,
    children,
    networks: world.networks,
    episodes: missingEpisodes,
    links,
  });

  const exploitation = exploitationRecords(root.fork('exploitation-records'), children, histories, period);

  const crimeEventCount = scale === 'national' ? NATIONAL_CRIME_EVENTS : 0;
  return {
    seed,
    scale,
    periodStart: period.start,
    periodEnd: period.end,
    agencies: agencies.all,
    users,
    people: [...children.map((child) => child.person), ...world.associates],
    places: world.places,
    vehicles: world.vehicles,
    intelligenceReports,
    links: links.build(),
    missingEpisodes,
    exploitationEvents: exploitation.events,
    exploitationPathways: exploitation.pathways,
    crimeEvents: syntheticCrimeEvents(seed, period, crimeEventCount),
    crimeEventCount,
  };
}
