import { type Database, databaseStatus, searchPeopleStatement, verifyPassword } from '@lantern/db';
import { SeedConflictError, seedDatabase } from '@lantern/seed';
import { generateDataset, type SyntheticDataset } from '@lantern/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

let db: Database;
let dataset: SyntheticDataset;
beforeAll(async () => {
  db = await createTestDatabase();
  dataset = generateDataset({ seed: 7 });
  await seedDatabase(db.sql, dataset);
});
afterAll(() => db.close());

describe('seeding the county', () => {
  it('stores every generated record', async () => {
    const { prisma } = db;
    expect({
      agencies: await prisma.agency.count(),
      users: await prisma.user.count(),
      people: await prisma.person.count(),
      places: await prisma.placeOfConcern.count(),
      vehicles: await prisma.vehicle.count(),
      intelligenceReports: await prisma.intelligenceReport.count(),
      missingEpisodes: await prisma.missingEpisode.count(),
      links: await prisma.entityLink.count(),
      exploitationEvents: await prisma.exploitationEvent.count(),
    }).toEqual({
      agencies: dataset.agencies.length,
      users: dataset.users.length,
      people: dataset.people.length,
      places: dataset.places.length,
      vehicles: dataset.vehicles.length,
      intelligenceReports: dataset.intelligenceReports.length,
      missingEpisodes: dataset.missingEpisodes.length,
      links: dataset.links.length,
      exploitationEvents: dataset.exploitationEvents.length,
    });
  });

  it('finds each place in the district the generator put it in', async () => {
    const rows = await db.sql.query<{ id: string; district_code: string | null }>(
      'SELECT id, district_code FROM place_of_concern',
    );
    const expected = new Map(dataset.places.map((place) => [place.id, place.districtCode]));
    const mismatched = rows.filter((row) => expected.get(row.id) !== row.district_code);
    expect(mismatched).toEqual([]);
  });

  it('stores demo users with argon2id hashes, roles and district scopes', async () => {
    const analyst = dataset.users.find((user) => user.roles.includes('police_analyst'));
    if (!analyst) throw new Error('the dataset has no police analyst');
    const stored = await db.prisma.user.findUniqueOrThrow({
      where: { email: analyst.email },
      select: { passwordHash: true, roles: { select: { role: true } }, scopes: { select: { districtCode: true } } },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash ?? '', analyst.password)).toBe(true);
    expect(await verifyPassword(stored.passwordHash ?? '', `${analyst.password}x`)).toBe(false);
    expect(stored.roles.map((r) => r.role)).toEqual(analyst.roles);
    expect(stored.scopes.map((s) => s.districtCode).sort()).toEqual([...analyst.districtCodes].sort());
  });

  it('keeps missing episodes and intelligence in the same instants', async () => {
    const episode = dataset.missingEpisodes[0];
    if (!episode) throw new Error('no episodes');
    const stored = await db.prisma.missingEpisode.findUniqueOrThrow({
      where: { episodeRef: episode.episodeRef },
      select: { reportedAt: true, returnedAt: true },
    });
    expect(stored.reportedAt.toISOString()).toBe(new Date(episode.reportedAt).toISOString());
    expect(stored.returnedAt?.toISOString() ?? null).toBe(
      episode.returnedAt ? new Date(episode.returnedAt).toISOString() : null,
    );
  });

  it('stores every exploitation event and pathway, with what the workflow records beside the CSV', async () => {
    const assessment = dataset.exploitationEvents.find((event) => event.event === 'risk_assessment');
    if (!assessment) throw new Error('no risk assessments');
    const stored = await db.prisma.exploitationEvent.findUniqueOrThrow({
      where: { eventRef: assessment.eventRef },
      select: { occurredAt: true, riskLevel: true, factors: true, tool: true, reviewDueOn: true, districtCode: true },
    });
    expect(stored).toEqual({
      occurredAt: new Date(assessment.occurredAt),
      riskLevel: assessment.riskLevel,
      factors: assessment.factors,
      tool: assessment.tool,
      reviewDueOn: new Date(`${assessment.reviewDueOn}T00:00:00Z`),
      districtCode: assessment.districtCode,
    });
    expect(await db.prisma.exploitationPathway.count()).toBe(dataset.exploitationPathways.length);
    expect((await databaseStatus(db)).counts.exploitationEvents).toBe(dataset.exploitationEvents.length);
  });

  it("leaves each child's flag where its latest risk assessment put it", async () => {
    const disagreeing = await db.sql.query<{ id: string }>(
      `SELECT p.id FROM person p
       JOIN LATERAL (SELECT risk_level FROM exploitation_event e
                     WHERE e.person_id = p.id AND e.kind = 'cse' AND e.event = 'risk_assessment'
                     ORDER BY occurred_at DESC LIMIT 1) latest ON true
       WHERE p.cse_risk <> latest.risk_level`,
    );
    expect(disagreeing).toEqual([]);
  });

  // Issue 17: a search planned on default guesses read every person of its district and compared
  // each name (3.7 ms); with the statistics the seed gathers, the trigram index is anded with the
  // district's and a handful of names are compared (0.4 ms).
  it('leaves planner statistics, on which a name search reads the trigram index, not every person', async () => {
    const [analysed] = await db.sql.query<{ columns: number }>(
      `SELECT count(*)::int AS columns FROM pg_stats WHERE schemaname = 'public' AND tablename = 'person'`,
    );
    expect(analysed?.columns).toBeGreaterThan(0);
    const child = dataset.people.find((person) => person.kind === 'child');
    if (!child) throw new Error('the dataset has no children');
    const statement = searchPeopleStatement(
      {
        name: `${child.givenName} ${child.familyName}`,
        districtCode: child.homeDistrictCode,
        kinds: ['child', 'associate'],
        limit: 50,
      },
      'all',
    );
    const plan = (await db.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    expect(plan).toContain('Bitmap Index Scan on person_name_trgm_idx');
    expect(plan).not.toMatch(/Seq Scan on person\b/);
  });

  it('does nothing when seeded again with the same seed', async () => {
    const report = await seedDatabase(db.sql, dataset);
    expect(report.status).toBe('already-seeded');
    expect(await db.prisma.person.count()).toBe(dataset.people.length);
  });

  it('refuses to mix a second synthetic dataset into the first', async () => {
    const other = generateDataset({ seed: 8 });
    await expect(seedDatabase(db.sql, other)).rejects.toThrow(SeedConflictError);
    await expect(seedDatabase(db.sql, other)).rejects.toThrow(
      'the database already holds synthetic data (synth:county:7); run `lantern db reset` before seeding synth:county:8',
    );
  });
});
