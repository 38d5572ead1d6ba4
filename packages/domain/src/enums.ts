/**
 * The vocabulary of Lantern, shared by the database schema, the API, the CLI and the web app.
 * Each list mirrors a PostgreSQL enum in prisma/migrations; a test keeps them in step.
 */
export const roles = ['police_analyst', 'missing_coordinator', 'district_officer', 'nsd_attendee', 'admin'] as const;
export type Role = (typeof roles)[number];

export const agencyKinds = [
  'police',
  'county_council',
  'district_council',
  'health',
  'education',
  'charity',
  'other_local_authority',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const personKinds = ['child', 'associate'] as const;
export type PersonKind = (typeof personKinds)[number];

export const sexes = ['M', 'F', 'X', 'U'] as const;
export type Sex = (typeof sexes)[number];

export const careStatuses = ['home', 'county_care', 'ola_care'] as const;
export type CareStatus = (typeof careStatuses)[number];

export const exploitationRisks = ['none', 'low', 'medium', 'high'] as const;
export type ExploitationRisk = (typeof exploitationRisks)[number];

/** The two kinds of child exploitation Lantern follows: sexual (CSE) and criminal (CCE). */
export const exploitationKinds = ['cse', 'cce'] as const;
export type ExploitationKind = (typeof exploitationKinds)[number];

/** One recorded step of a child's exploitation history (the exploitation-events CSV's `event`). */
export const exploitationEventTypes = [
  'concern',
  'mash_referral',
  'risk_assessment',
  'strategy_meeting',
  'icpc',
  'panel_listed',
  'panel_closed',
] as const;
export type ExploitationEventType = (typeof exploitationEventTypes)[number];

export const placeCategories = [
  'takeaway',
  'hotel',
  'park',
  'car_park',
  'shop',
  'taxi_rank',
  'house',
  'bus_station',
  'rail_station',
  'school',
  'leisure',
  'other',
] as const;
export type PlaceCategory = (typeof placeCategories)[number];

/** 3x5x2 grading: source evaluation (1 reliable, 2 untested, 3 not reliable). */
export const sourceEvaluations = ['1', '2', '3'] as const;
export type SourceEvaluation = (typeof sourceEvaluations)[number];

/** 3x5x2 grading: intelligence evaluation (A known directly … E suspected false or malicious). */
export const intelligenceEvaluations = ['A', 'B', 'C', 'D', 'E'] as const;
export type IntelligenceEvaluation = (typeof intelligenceEvaluations)[number];

/** 3x5x2 grading: handling code (P lawful sharing permitted, C sharing with recorded conditions). */
export const handlingCodes = ['P', 'C'] as const;
export type HandlingCode = (typeof handlingCodes)[number];

export const intelligenceCategories = [
  'cse',
  'cce',
  'county_lines',
  'missing',
  'trafficking',
  'harmful_behaviour',
  'location_concern',
  'online',
  'other',
] as const;
export type IntelligenceCategory = (typeof intelligenceCategories)[number];

/** Where a report is in the intelligence cycle (intelligence/status.ts says how it moves). */
export const intelligenceStatuses = [
  'received',
  'being_evaluated',
  'developed',
  'no_further_action',
  'withdrawn',
] as const;
export type IntelligenceStatus = (typeof intelligenceStatuses)[number];

export const entityTypes = ['person', 'place', 'vehicle', 'intelligence_report', 'missing_episode'] as const;
export type EntityType = (typeof entityTypes)[number];

export const linkSourceTypes = ['intelligence_report', 'missing_episode', 'assessment'] as const;
export type LinkSourceType = (typeof linkSourceTypes)[number];

export const linkReliabilities = ['confirmed', 'probable', 'possible', 'unverified'] as const;
export type LinkReliability = (typeof linkReliabilities)[number];

export const policeRisks = ['high', 'medium', 'low', 'no_apparent_risk'] as const;
export type PoliceRisk = (typeof policeRisks)[number];

export const rhiServices = [
  'childrens_social_care',
  'family_service',
  'adoption_service',
  'other_local_authority',
] as const;
export type RhiService = (typeof rhiServices)[number];

export const foundLocationTypes = [
  'friend_or_relative',
  'home_address',
  'public_place',
  'associate_address',
  'placement',
  'police_station',
  'hospital',
  'other',
  'unknown',
] as const;
export type FoundLocationType = (typeof foundLocationTypes)[number];
