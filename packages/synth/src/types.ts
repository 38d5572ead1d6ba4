import type {
  AgencyKind,
  AssessedRiskLevel,
  CareStatus,
  EntityType,
  ExploitationEventType,
  ExploitationKind,
  ExploitationRisk,
  FoundLocationType,
  HandlingCode,
  IntelligenceCategory,
  IntelligenceEvaluation,
  LinkReliability,
  LinkSourceType,
  PersonKind,
  PlaceCategory,
  PoliceRisk,
  RhiService,
  Role,
  Sex,
  SourceEvaluation,
} from '@lantern/domain';

/**
 * The contract between the generator and the loader (packages/seed). Every id is a UUID
 * string drawn from the seeded generator, so the same seed gives byte-identical data.
 * Dates are 'YYYY-MM-DD'; instants are ISO 8601 strings with a 'Z' offset.
 *
 * Why these shapes are declared here and not derived from the database's or the API's: they
 * are the rows as written (every column, with the generator's ids, points as lon/lat and lists
 * as arrays), while packages/db declares what its queries read back (e.g. `PersonRow`, which is
 * the domain's `PersonRecord`: the columns the API needs) and packages/domain's zod schemas
 * declare what the API shows a caller (redacted by role). The enums they share come from
 * packages/domain, so a value the database would refuse cannot be generated.
 */
export interface LonLat {
  lon: number;
  lat: number;
}

export interface SynthAgency {
  id: string;
  name: string;
  kind: AgencyKind;
  districtCode: string | null;
}

export interface SynthUser {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  districtCodes: string[];
  /** Demo-only password, printed by the seed and listed in the README. */
  password: string;
}

export interface SynthPerson {
  id: string;
  kind: PersonKind;
  pseudonymRef: string;
  externalRef: string | null;
  givenName: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: string;
  sex: Sex;
  careStatus: CareStatus | null;
  responsibleAuthority: string | null;
  homeDistrictCode: string;
  cseRisk: ExploitationRisk;
  cseFlaggedAt: string | null;
  cceRisk: ExploitationRisk;
  cceFlaggedAt: string | null;
}

export interface SynthPlace {
  id: string;
  name: string;
  category: PlaceCategory;
  address: string | null;
  location: LonLat;
  /** The district the generator placed it in; the database also derives it spatially. */
  districtCode: string;
  concernSince: string;
  concernUntil: string | null;
  reasons: string[];
}

export interface SynthVehicle {
  id: string;
  registration: string;
  make: string;
  model: string;
  colour: string;
}

export interface SynthIntelligenceReport {
  id: string;
  reference: string;
  sourceEvaluation: SourceEvaluation;
  intelligenceEvaluation: IntelligenceEvaluation;
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  category: IntelligenceCategory;
  body: string;
  occurredAt: string;
  submittedAt: string;
  location: LonLat | null;
  submittingAgencyId: string;
  submittedById: string | null;
}

export interface SynthLink {
  id: string;
  fromType: EntityType;
  fromId: string;
  toType: EntityType;
  toId: string;
  linkType: string;
  sourceType: LinkSourceType;
  sourceId: string;
  firstSeen: string;
  lastSeen: string;
  reliability: LinkReliability;
}

export interface SynthMissingEpisode {
  id: string;
  episodeRef: string;
  personId: string;
  careStatus: CareStatus;
  policeRisk: PoliceRisk;
  reportedAt: string;
  returnedAt: string | null;
  lastSeen: LonLat | null;
  found: LonLat | null;
  foundLocationType: FoundLocationType | null;
  rhiService: RhiService | null;
  rhiCompletedAt: string | null;
  mamHeldAt: string | null;
}

/**
 * One step of a child's exploitation history (table exploitation_event; the exploitation-events
 * CSV's row plus what the workflow records beside it). `eventRef` is `EX-<year>-<n>`, numbered in
 * time order within the London calendar year.
 */
export interface SynthExploitationEvent {
  id: string;
  eventRef: string;
  personId: string;
  kind: ExploitationKind;
  event: ExploitationEventType;
  occurredAt: string;
  /** Set for a risk_assessment only. */
  riskLevel: AssessedRiskLevel | null;
  /** The child's home district. */
  districtCode: string;
  tool: string | null;
  factors: string[];
  /** The assessor's agency, by name. */
  assessorAgency: string | null;
  reviewDueOn: string | null;
  outcome: string | null;
  reason: string | null;
}

/** A child facing both kinds: the lead panel (predominant pathway) and why. */
export interface SynthExploitationPathway {
  id: string;
  personId: string;
  leadKind: ExploitationKind;
  reason: string;
  decidedOn: string;
}

/** A synthetic police.uk-like crime point, only for `--scale national` benchmark volume. */
export interface SynthCrimeEvent {
  id: string;
  month: string;
  location: LonLat;
  crimeType: string;
  districtCode: string;
}

/** One planted exploitation network's members, by id (`plantedNetworks`). */
export interface PlantedNetwork {
  kind: 'cse' | 'cce';
  districtCode: string;
  associateIds: string[];
  vehicleIds: string[];
  placeIds: string[];
  childIds: string[];
}

export interface SyntheticDataset {
  seed: number;
  scale: 'county' | 'national';
  /** The first and last day covered (three years ending at `periodEnd`). */
  periodStart: string;
  periodEnd: string;
  agencies: SynthAgency[];
  users: SynthUser[];
  people: SynthPerson[];
  places: SynthPlace[];
  vehicles: SynthVehicle[];
  intelligenceReports: SynthIntelligenceReport[];
  links: SynthLink[];
  missingEpisodes: SynthMissingEpisode[];
  /** Every flagged child's exploitation history, in time order. */
  exploitationEvents: SynthExploitationEvent[];
  exploitationPathways: SynthExploitationPathway[];
  /** Generated lazily so a million rows never sit in memory at once. Empty at county scale. */
  crimeEvents: () => Iterable<SynthCrimeEvent>;
  crimeEventCount: number;
}
