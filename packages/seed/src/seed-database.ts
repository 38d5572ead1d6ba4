import {
  bulkInsert,
  bumpDataVersion,
  type ColumnSpec,
  ensureCrimeEventPartitions,
  hashPassword,
  refreshCrimeTileCells,
  type Sql,
  type TransactionalSql,
} from '@lantern/db';
import {
  DEFAULT_PERIOD_END,
  generateDisruption,
  intelligenceCycleStates,
  type SynthCrimeEvent,
  type SyntheticDataset,
} from '@lantern/synth';
import { insertDisruptionDemo } from './insert-disruption-demo.ts';

/**
 * Writes a synthetic dataset (packages/synth) into an empty database in one transaction, through
 * packages/db's bulk loader. This package is the only one that imports both the database and the
 * generator, so the server's module graph never carries the synthetic-data generator.
 * Seeding twice with the same seed and scale is a no-op; seeding over other data is refused,
 * because demo records must never mix with real ones.
 */
export interface SeedReport {
  status: 'seeded' | 'already-seeded';
  marker: string;
  counts: Record<string, number>;
}

export class SeedConflictError extends Error {
  override readonly name = 'SeedConflictError';
}

/**
 * The name a synthetic dataset is recorded under: scale and seed, and its last day when that is
 * not the default (the same seed ending on another day is other data).
 */
export function syntheticMarker(dataset: Pick<SyntheticDataset, 'scale' | 'seed' | 'periodEnd'>): string {
  const base = `synth:${dataset.scale}:${dataset.seed}`;
  return dataset.periodEnd === DEFAULT_PERIOD_END ? base : `${base}:${dataset.periodEnd}`;
}

/** The synthetic dataset the database holds, by its marker, or null. */
export async function loadedSyntheticDataset(sql: Sql): Promise<string | null> {
  const [existing] = await sql.query<{ name: string }>(`SELECT name FROM dataset_load WHERE name LIKE 'synth:%'`);
  return existing?.name ?? null;
}

/** The stages of a seed, in order, as progress names them. */
export const seedStages = [
  'agencies',
  'users',
  'people',
  'places',
  'vehicles',
  'intelligence reports',
  'missing episodes',
  'links',
  'exploitation events',
  'exploitation pathways',
  'crime events',
  'map tiles',
  'disruption demo',
] as const;
export type SeedStage = (typeof seedStages)[number];

/** Where a seed has got to: the stage it is in (`done` at the end) and the rows written so far. */
export interface SeedProgress {
  stage: SeedStage | 'done';
  /** 0-based; equal to `stages` when done. */
  stageIndex: number;
  stages: number;
  rows: number;
}

export async function seedDatabase(
  sql: TransactionalSql,
  dataset: SyntheticDataset,
  onProgress?: (progress: SeedProgress) => void,
): Promise<SeedReport> {
  const marker = syntheticMarker(dataset);
  const [existing] = await sql.query<{ name: string }>(`SELECT name FROM dataset_load WHERE name LIKE 'synth:%'`);
  if (existing?.name === marker) return { status: 'already-seeded', marker, counts: {} };
  if (existing) {
    throw new SeedConflictError(
      `the database already holds synthetic data (${existing.name}); run \`lantern db reset\` before seeding ${marker}`,
    );
  }
  const [people] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
  if ((people?.n ?? 0) > 0) {
    throw new SeedConflictError('the database already holds people that are not synthetic; refusing to seed over them');
  }
  // Hash outside the transaction: argon2 is deliberately slow, and one demo password serves all.
  const hashes = new Map<string, string>();
  for (const user of dataset.users) {
    if (!hashes.has(user.password)) hashes.set(user.password, await hashPassword(user.password));
  }
  const counts: Record<string, number> = {};
  let rows = 0;
  const stages = seedStages.length;
  const report = (stage: SeedStage, extraRows = 0) =>
    onProgress?.({ stage, stageIndex: seedStages.indexOf(stage), stages, rows: rows + extraRows });
  /** One stage: says it began, runs it, and counts its rows. */
  const step = async (stage: SeedStage, work: () => Promise<number>) => {
    report(stage);
    const n = await work();
    rows += n;
    return n;
  };
  await sql.transaction(async (tx) => {
    counts.agencies = await step('agencies', () => insertAgencies(tx, dataset));
    counts.users = await step('users', () => insertUsers(tx, dataset, hashes));
    counts.people = await step('people', () => insertPeople(tx, dataset));
    counts.places = await step('places', () => insertPlaces(tx, dataset));
    counts.vehicles = await step('vehicles', () => insertVehicles(tx, dataset));
    counts.intelligenceReports = await step('intelligence reports', () => insertIntelligence(tx, dataset));
    counts.missingEpisodes = await step('missing episodes', () => insertMissingEpisodes(tx, dataset));
    counts.links = await step('links', () => insertLinks(tx, dataset));
    counts.exploitationEvents = await step('exploitation events', () => insertExploitationEvents(tx, dataset));
    counts.exploitationPathways = await step('exploitation pathways', () => insertExploitationPathways(tx, dataset));
    counts.crimeEvents = await step('crime events', () =>
      insertCrimeEvents(tx, dataset, (done) => report('crime events', done)),
    );
    await step('map tiles', async () => {
      await refreshCrimeTileCells(tx);
      await bumpDataVersion(tx, 'crime');
      return 0;
    });
    report('disruption demo');
    Object.assign(counts, await insertDisruptionDemo(tx, generateDisruption(dataset)));
    await tx.query('INSERT INTO dataset_load (name, checksum, rows) VALUES ($1, $2, $3)', [
      marker,
      marker,
      Object.values(counts).reduce((sum, n) => sum + n, 0),
    ]);
  });
  // Planner statistics for what was just loaded, as after any bulk load: without them a query plans
  // on default guesses (a name search read every person of its district and rechecked each, 3.7 ms
  // against 0.4 ms). The embedded database has no autovacuum to gather them later. About 0.4 s.
  await sql.query('ANALYZE');
  rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  onProgress?.({ stage: 'done', stageIndex: stages, stages, rows });
  return { status: 'seeded', marker, counts };
}

function insertAgencies(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'agency', dataset.agencies, [
    { column: 'id', type: 'uuid', value: (a) => a.id },
    { column: 'name', type: 'text', value: (a) => a.name },
    { column: 'kind', type: 'agency_kind', value: (a) => a.kind },
    { column: 'district_code', type: 'text', value: (a) => a.districtCode },
  ]);
}

async function insertUsers(sql: Sql, dataset: SyntheticDataset, hashes: Map<string, string>) {
  const count = await bulkInsert(sql, 'app_user', dataset.users, [
    { column: 'id', type: 'uuid', value: (u) => u.id },
    { column: 'email', type: 'text', value: (u) => u.email },
    { column: 'display_name', type: 'text', value: (u) => u.displayName },
    { column: 'password_hash', type: 'text', value: (u) => hashes.get(u.password) },
    { column: 'agency_id', type: 'uuid', value: (u) => u.agencyId },
  ]);
  const roles = dataset.users.flatMap((u) => u.roles.map((role) => ({ userId: u.id, role })));
  await bulkInsert(sql, 'user_role', roles, [
    { column: 'user_id', type: 'uuid', value: (r) => r.userId },
    { column: 'role', type: 'role', value: (r) => r.role },
  ]);
  const scopes = dataset.users.flatMap((u) => u.districtCodes.map((districtCode) => ({ userId: u.id, districtCode })));
  await bulkInsert(sql, 'user_district_scope', scopes, [
    { column: 'user_id', type: 'uuid', value: (s) => s.userId },
    { column: 'district_code', type: 'text', value: (s) => s.districtCode },
  ]);
  return count;
}

function insertPeople(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'person', dataset.people, [
    { column: 'id', type: 'uuid', value: (p) => p.id },
    { column: 'kind', type: 'person_kind', value: (p) => p.kind },
    { column: 'pseudonym_ref', type: 'text', value: (p) => p.pseudonymRef },
    { column: 'external_ref', type: 'text', value: (p) => p.externalRef },
    { column: 'given_name', type: 'text', value: (p) => p.givenName },
    { column: 'family_name', type: 'text', value: (p) => p.familyName },
    { column: 'aliases', type: 'text', value: (p) => JSON.stringify(p.aliases), select: textArrayFromJson },
    { column: 'date_of_birth', type: 'date', value: (p) => p.dateOfBirth },
    { column: 'sex', type: 'sex', value: (p) => p.sex },
    { column: 'care_status', type: 'care_status', value: (p) => p.careStatus },
    { column: 'responsible_authority', type: 'text', value: (p) => p.responsibleAuthority },
    { column: 'home_district_code', type: 'text', value: (p) => p.homeDistrictCode },
    { column: 'cse_risk', type: 'exploitation_risk', value: (p) => p.cseRisk },
    { column: 'cse_flagged_at', type: 'date', value: (p) => p.cseFlaggedAt },
    { column: 'cce_risk', type: 'exploitation_risk', value: (p) => p.cceRisk },
    { column: 'cce_flagged_at', type: 'date', value: (p) => p.cceFlaggedAt },
  ]);
}

/** unnest flattens arrays of arrays, so list columns travel as JSON text and are rebuilt here. */
const textArrayFromJson = (alias: string) => `ARRAY(SELECT jsonb_array_elements_text(${alias}::jsonb))`;

function insertPlaces(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'place_of_concern', dataset.places, [
    { column: 'id', type: 'uuid', value: (p) => p.id },
    { column: 'name', type: 'text', value: (p) => p.name },
    { column: 'category', type: 'place_category', value: (p) => p.category },
    { column: 'address', type: 'text', value: (p) => p.address },
    { column: 'geom', type: 'point', value: (p) => p.location },
    { column: 'concern_since', type: 'date', value: (p) => p.concernSince },
    { column: 'concern_until', type: 'date', value: (p) => p.concernUntil },
    { column: 'reasons', type: 'text', value: (p) => JSON.stringify(p.reasons), select: textArrayFromJson },
  ]);
}

function insertVehicles(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'vehicle', dataset.vehicles, [
    { column: 'id', type: 'uuid', value: (v) => v.id },
    { column: 'registration', type: 'text', value: (v) => v.registration },
    { column: 'make', type: 'text', value: (v) => v.make },
    { column: 'model', type: 'text', value: (v) => v.model },
    { column: 'colour', type: 'text', value: (v) => v.colour },
  ]);
}

async function insertIntelligence(sql: Sql, dataset: SyntheticDataset) {
  // Most reports are history (developed); a few recent ones stand at each status of the cycle.
  const states = intelligenceCycleStates(dataset);
  const graded = (r: { id: string }) => states.get(r.id)?.graded ?? true;
  const count = await bulkInsert(sql, 'intelligence_report', dataset.intelligenceReports, [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'reference', type: 'text', value: (r) => r.reference },
    { column: 'status', type: 'intelligence_status', value: (r) => states.get(r.id)?.status ?? 'developed' },
    { column: 'status_reason', type: 'text', value: (r) => states.get(r.id)?.statusReason ?? null },
    { column: 'source_evaluation', type: 'source_evaluation', value: (r) => (graded(r) ? r.sourceEvaluation : null) },
    {
      column: 'intelligence_evaluation',
      type: 'intelligence_evaluation',
      value: (r) => (graded(r) ? r.intelligenceEvaluation : null),
    },
    { column: 'handling_code', type: 'handling_code', value: (r) => (graded(r) ? r.handlingCode : null) },
    { column: 'handling_conditions', type: 'text', value: (r) => (graded(r) ? r.handlingConditions : null) },
    { column: 'category', type: 'intelligence_category', value: (r) => r.category },
    { column: 'body', type: 'text', value: (r) => r.body },
    { column: 'occurred_at', type: 'timestamptz', value: (r) => r.occurredAt },
    { column: 'submitted_at', type: 'timestamptz', value: (r) => r.submittedAt },
    { column: 'geom', type: 'point', value: (r) => r.location },
    { column: 'submitting_agency_id', type: 'uuid', value: (r) => r.submittingAgencyId },
    { column: 'submitted_by_id', type: 'uuid', value: (r) => r.submittedById },
  ]);
  const subjects = [...states].flatMap(([reportId, state]) =>
    state.subjects.map((subject, position) => ({ reportId, position, ...subject })),
  );
  await bulkInsert(sql, 'intelligence_subject', subjects, [
    { column: 'report_id', type: 'uuid', value: (s) => s.reportId },
    { column: 'position', type: 'int4', value: (s) => s.position },
    { column: 'name', type: 'text', value: (s) => s.name },
    { column: 'approximate_age', type: 'int4', value: (s) => s.approximateAge },
    { column: 'description', type: 'text', value: (s) => s.description },
  ]);
  const gradings = dataset.intelligenceReports.filter((r) => states.has(r.id) && graded(r));
  await bulkInsert(sql, 'intelligence_grading', gradings, [
    { column: 'report_id', type: 'uuid', value: (r) => r.id },
    { column: 'source_evaluation', type: 'source_evaluation', value: (r) => r.sourceEvaluation },
    { column: 'intelligence_evaluation', type: 'intelligence_evaluation', value: (r) => r.intelligenceEvaluation },
    { column: 'handling_code', type: 'handling_code', value: (r) => r.handlingCode },
    { column: 'handling_conditions', type: 'text', value: (r) => r.handlingConditions },
    { column: 'graded_at', type: 'timestamptz', value: (r) => r.submittedAt },
  ]);
  return count;
}

function insertMissingEpisodes(sql: Sql, dataset: SyntheticDataset) {
  const homeDistrict = new Map(dataset.people.map((p) => [p.id, p.homeDistrictCode]));
  return bulkInsert(sql, 'missing_episode', dataset.missingEpisodes, [
    { column: 'id', type: 'uuid', value: (e) => e.id },
    { column: 'episode_ref', type: 'text', value: (e) => e.episodeRef },
    { column: 'person_id', type: 'uuid', value: (e) => e.personId },
    { column: 'care_status', type: 'care_status', value: (e) => e.careStatus },
    { column: 'police_risk', type: 'police_risk', value: (e) => e.policeRisk },
    { column: 'reported_at', type: 'timestamptz', value: (e) => e.reportedAt },
    { column: 'returned_at', type: 'timestamptz', value: (e) => e.returnedAt },
    { column: 'last_seen_geom', type: 'point', value: (e) => e.lastSeen },
    { column: 'found_geom', type: 'point', value: (e) => e.found },
    { column: 'found_location_type', type: 'found_location_type', value: (e) => e.foundLocationType },
    { column: 'district_code', type: 'text', value: (e) => homeDistrict.get(e.personId) ?? null },
    { column: 'rhi_service', type: 'rhi_service', value: (e) => e.rhiService },
    { column: 'rhi_completed_at', type: 'timestamptz', value: (e) => e.rhiCompletedAt },
    { column: 'mam_held_at', type: 'timestamptz', value: (e) => e.mamHeldAt },
  ]);
}

function insertExploitationEvents(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'exploitation_event', dataset.exploitationEvents, [
    { column: 'id', type: 'uuid', value: (e) => e.id },
    { column: 'event_ref', type: 'text', value: (e) => e.eventRef },
    { column: 'person_id', type: 'uuid', value: (e) => e.personId },
    { column: 'kind', type: 'exploitation_kind', value: (e) => e.kind },
    { column: 'event', type: 'exploitation_event_type', value: (e) => e.event },
    { column: 'occurred_at', type: 'timestamptz', value: (e) => e.occurredAt },
    { column: 'risk_level', type: 'exploitation_risk', value: (e) => e.riskLevel },
    { column: 'district_code', type: 'text', value: (e) => e.districtCode },
    { column: 'tool', type: 'text', value: (e) => e.tool },
    { column: 'factors', type: 'text', value: (e) => JSON.stringify(e.factors), select: textArrayFromJson },
    { column: 'assessor_agency', type: 'text', value: (e) => e.assessorAgency },
    { column: 'review_due_on', type: 'date', value: (e) => e.reviewDueOn },
    { column: 'outcome', type: 'text', value: (e) => e.outcome },
    { column: 'reason', type: 'text', value: (e) => e.reason },
  ]);
}

function insertExploitationPathways(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'exploitation_pathway', dataset.exploitationPathways, [
    { column: 'id', type: 'uuid', value: (p) => p.id },
    { column: 'person_id', type: 'uuid', value: (p) => p.personId },
    { column: 'lead_kind', type: 'exploitation_kind', value: (p) => p.leadKind },
    { column: 'reason', type: 'text', value: (p) => p.reason },
    { column: 'decided_on', type: 'date', value: (p) => p.decidedOn },
  ]);
}

function insertLinks(sql: Sql, dataset: SyntheticDataset) {
  return bulkInsert(sql, 'entity_link', dataset.links, [
    { column: 'id', type: 'uuid', value: (l) => l.id },
    { column: 'from_type', type: 'entity_type', value: (l) => l.fromType },
    { column: 'from_id', type: 'uuid', value: (l) => l.fromId },
    { column: 'to_type', type: 'entity_type', value: (l) => l.toType },
    { column: 'to_id', type: 'uuid', value: (l) => l.toId },
    { column: 'link_type', type: 'text', value: (l) => l.linkType },
    { column: 'source_type', type: 'link_source_type', value: (l) => l.sourceType },
    { column: 'source_id', type: 'uuid', value: (l) => l.sourceId },
    { column: 'first_seen', type: 'date', value: (l) => l.firstSeen },
    { column: 'last_seen', type: 'date', value: (l) => l.lastSeen },
    { column: 'reliability', type: 'link_reliability', value: (l) => l.reliability },
  ]);
}

/** National scale: a million synthetic crime points, streamed in chunks, never all in memory. */
async function insertCrimeEvents(sql: Sql, dataset: SyntheticDataset, onRows: (done: number) => void) {
  const chunkSize = 20_000;
  let chunk: SynthCrimeEvent[] = [];
  let total = 0;
  // crime_event is partitioned by month: each month's partition is made before its first row.
  const partitioned = new Set<string>();
  const flush = async () => {
    const months = [...new Set(chunk.map((event) => event.month))].filter((month) => !partitioned.has(month));
    await ensureCrimeEventPartitions(sql, months);
    for (const month of months) partitioned.add(month);
    total += await bulkInsert(sql, 'crime_event', chunk, crimeEventColumns, chunkSize);
    chunk = [];
    onRows(total);
  };
  for (const event of dataset.crimeEvents()) {
    chunk.push(event);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return total;
}

const crimeEventColumns: ColumnSpec<SynthCrimeEvent>[] = [
  { column: 'id', type: 'text', value: (e) => e.id },
  { column: 'month', type: 'date', value: (e) => e.month },
  { column: 'reported_by', type: 'text', value: () => 'Synthetic (Lantern national seed)' },
  { column: 'falls_within', type: 'text', value: () => 'Synthetic (Lantern national seed)' },
  { column: 'geom', type: 'point', value: (e) => e.location },
  { column: 'crime_type', type: 'text', value: (e) => e.crimeType },
  { column: 'district_code', type: 'text', value: (e) => e.districtCode },
];
