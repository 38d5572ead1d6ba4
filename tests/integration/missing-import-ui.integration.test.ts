import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** missing.importEpisodes: the CLI's import, from the coordinator's page, with the same guarantees. */
const header =
  'episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last_seen_lat,last_seen_lon,found_lat,found_lon,rhi_service,rhi_completed_at,mam_held_at';
const good = (ref: string) =>
  `${ref},CH-${ref},M,2011-02-03,county_care,high,2025-07-01T21:00:00+01:00,2025-07-02T08:00:00+01:00,53.1753,-1.1992,53.17,-1.2,childrens_social_care,2025-07-03T10:00:00+01:00,`;

let db: Database;
let coordinator: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });
});
afterAll(() => db.close());

const episodeCount = async (refs: string[]) => db.prisma.missingEpisode.count({ where: { episodeRef: { in: refs } } });

describe('missing.importEpisodes', () => {
  it('imports a file, creates unknown children, and changes nothing the second time', async () => {
    const csv = [header, good('UI-1'), good('UI-2')].join('\n');
    const caller = callerFor(db, coordinator);
    const first = await caller.missing.importEpisodes({ fileName: 'july.csv', csv });
    expect(first).toMatchObject({
      file: 'july.csv',
      rows: 2,
      inserted: 2,
      updated: 0,
      rejected: 0,
      childrenCreated: 2,
    });
    const again = await caller.missing.importEpisodes({ fileName: 'july.csv', csv });
    expect(again).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2, childrenCreated: 0 });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { userId: coordinator.id, procedure: 'missing.importEpisodes' },
      orderBy: { seq: 'desc' },
      select: { action: true, details: true },
    });
    expect(audit).toMatchObject({ action: 'create', details: { import: 'july.csv', rows: 2, unchanged: 2 } });
  });

  it('imports nothing when a row is bad, and names its line, field and value', async () => {
    const bad = good('UI-4').replace('high', 'severe');
    const csv = [header, good('UI-3'), bad].join('\n');
    const refused = await rejection(callerFor(db, coordinator).missing.importEpisodes({ fileName: 'bad.csv', csv }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('bad.csv: 1 invalid row; nothing was imported');
    expect(refused.message).toContain(
      'bad.csv, line 3, field "police_risk": must be one of high, medium, low, no_apparent_risk (value "severe")',
    );
    expect(await episodeCount(['UI-3', 'UI-4'])).toBe(0);
  });

  it('imports the valid rows and lists the rest when asked to', async () => {
    const bad = good('UI-6').replace('2011-02-03', '2011-02-30');
    const csv = [header, good('UI-5'), bad].join('\n');
    const report = await callerFor(db, coordinator).missing.importEpisodes({
      fileName: 'some.csv',
      csv,
      skipInvalid: true,
    });
    expect(report).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('some.csv, line 3, field "date_of_birth"');
    expect(await episodeCount(['UI-5', 'UI-6'])).toBe(1);
  });

  it('says what a file without the header is', async () => {
    const refused = await rejection(
      callerFor(db, coordinator).missing.importEpisodes({ fileName: 'notes.csv', csv: 'hello,world\n1,2' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^csv: notes\.csv, line 1: /);
  });
});
