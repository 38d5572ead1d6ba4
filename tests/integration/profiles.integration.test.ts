import type { Database, Principal } from '@lantern/db';
import type { ProfileFigure, ProfileFigures, ProfileTerms } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshIntelligence, createFreshLink } from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Problem profiles stored and served (issue 16): versions draft → for review → approved by a
 * second analyst, approved versions immutable (in SQL too), the partner edition, conflicts, the
 * audit trail and the records behind a figure as each role may see them.
 */
const mansfield = 'E07000174';
const ashfield = 'E07000170';

let db: Database;
let author: Principal;
let reviewer: Principal;
let officerMansfield: Principal;
let officerAshfield: Principal;
let nsdMansfield: Principal;
const children: Array<{ id: string; givenName: string; familyName: string; pseudonymRef: string }> = [];

const terms = (overrides: Partial<ProfileTerms> = {}): ProfileTerms => ({
  title: 'CSE in Mansfield',
  scope: 'cse',
  districtCodes: [mansfield],
  subjectId: null,
  from: '2025-01-01',
  to: '2025-02-28',
  comparisonFrom: '2024-01-01',
  comparisonTo: '2024-02-29',
  requester: 'Det Supt Example',
  purpose: 'To inform the county CSE strategy.',
  marking: 'OFFICIAL-SENSITIVE',
  reviewDate: '2025-09-01',
  ...overrides,
});

const writing = (summary: string) => ({ assessments: { summary }, recommendations: [] });

function figureOf(figures: ProfileFigures, key: string): ProfileFigure {
  const found = figures.sections.flatMap((section) => section.figures).find((figure) => figure.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

async function auditOf(profileId: string) {
  return db.sql.query<{ action: string; procedure: string; user_id: string }>(
    `SELECT action, procedure, user_id::text FROM audit_event WHERE $1 = ANY(record_ids) ORDER BY seq`,
    [profileId],
  );
}

/** A CSE child in Mansfield with a concern in January 2025, linked to an associate when `sourceId` is given. */
async function cseChild(givenName: string, familyName: string, sourceId: string | null) {
  const child = await createPersonRecord(db, { homeDistrictCode: mansfield, givenName, familyName });
  await db.sql.query(
    `INSERT INTO exploitation_event (event_ref, person_id, kind, event, occurred_at, district_code)
     VALUES ('EXP-' || gen_random_uuid()::text, $1::uuid, 'cse', 'concern', '2025-01-15T19:00:00Z', $2)`,
    [child.id, mansfield],
  );
  if (sourceId !== null) {
    const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
    await createFreshLink(db, { type: 'person', id: child.id }, { type: 'person', id: associate.id }, sourceId);
  }
  children.push(child);
  return child;
}

beforeAll(async () => {
  db = await createTestDatabase();
  author = await createUser(db, { roles: ['police_analyst'] });
  reviewer = await createUser(db, { roles: ['police_analyst'] });
  officerMansfield = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  officerAshfield = await createUser(db, { roles: ['district_officer'], districtCodes: [ashfield] });
  nsdMansfield = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
  const [agency] = await db.sql.query<{ id: string }>('SELECT id::text AS id FROM agency LIMIT 1');
  if (!agency) throw new Error('no agency');
  const source = await createFreshIntelligence(db, mansfield, agency.id);
  // Five children identified (shown to partners), two of them linked to an associate (shown as "<5").
  await cseChild('Kayleigh', 'Whitmore', source);
  await cseChild('Tyler', 'Brankstone', source);
  await cseChild('Amber', 'Quenby', null);
  await cseChild('Reece', 'Moldavan', null);
  await cseChild('Precious', 'Ellingworth', null);
});
afterAll(() => db?.close());

/** Creates a profile as the author and takes it to `for_review`. */
async function submitted(overrides: Partial<ProfileTerms> = {}) {
  const created = await callerFor(db, author).profiles.create({ terms: terms(overrides) });
  const saved = await callerFor(db, author).profiles.saveWriting({
    id: created.id,
    version: 1,
    revision: created.revision,
    writing: writing('Five children identified in January.'),
  });
  return callerFor(db, author).profiles.submit({ id: created.id, version: 1, revision: saved.revision });
}

async function approved(overrides: Partial<ProfileTerms> = {}) {
  const sent = await submitted(overrides);
  return callerFor(db, reviewer).profiles.approve({ id: sent.id, version: 1, revision: sent.revision });
}

describe('the profile lifecycle', () => {
  it('stores version 1 as a draft with the figures for its terms, then review, approval and a new version', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    expect(created).toMatchObject({ version: 1, revision: 1, status: 'draft' });

    const draft = await callerFor(db, author).profiles.get({ id: created.id });
    expect(draft.document.status).toBe('draft');
    expect(draft.document.edition).toBe('full');
    expect(draft.document.terms).toEqual(terms());
    expect(figureOf(draft.document.figures, 'scale.children_identified').value).toBe(5);
    expect(figureOf(draft.document.figures, 'offenders.children_linked').value).toBe(2);
    expect(draft.authorId).toBe(author.id);
    expect(draft.versions.map((version) => version.status)).toEqual(['draft']);

    const saved = await callerFor(db, author).profiles.saveWriting({
      id: created.id,
      version: 1,
      revision: 1,
      writing: writing('Five children identified in {{scale.children_identified}}.'),
    });
    expect(saved).toMatchObject({ revision: 2, status: 'draft' });
    const sent = await callerFor(db, author).profiles.submit({ id: created.id, version: 1, revision: 2 });
    expect(sent).toMatchObject({ revision: 3, status: 'for_review' });
    const done = await callerFor(db, reviewer).profiles.approve({ id: created.id, version: 1, revision: 3 });
    expect(done).toMatchObject({ revision: 4, status: 'approved' });

    const read = await callerFor(db, author).profiles.get({ id: created.id, version: 1 });
    expect(read.status).toBe('approved');
    expect(read.reviewerName).toBe(reviewer.displayName);
    expect(read.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(read.document.writing.assessments.summary).toBe(
      'Five children identified in {{scale.children_identified}}.',
    );

    const next = await callerFor(db, author).profiles.newVersion({ id: created.id, version: 1, revision: 4 });
    expect(next).toMatchObject({ version: 2, revision: 1, status: 'draft' });
    const second = await callerFor(db, author).profiles.get({ id: created.id });
    expect(second.version).toBe(2);
    expect(second.latestVersion).toBe(2);
    expect(second.document.writing).toEqual(read.document.writing);
    expect(second.previousFigures).toEqual(read.document.figures);
    expect(second.versions.map((version) => [version.version, version.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    // Version 1 is still there as approved.
    expect((await callerFor(db, author).profiles.get({ id: created.id, version: 1 })).status).toBe('approved');
  });

  it('refreshes a draft’s figures from its stored terms and shows what changed', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    const before = await callerFor(db, author).profiles.get({ id: created.id });
    expect(figureOf(before.document.figures, 'scale.children_identified').value).toBe(5);

    const late = await cseChild('Jasmine', 'Oakhollow', null);
    const refreshed = await callerFor(db, author).profiles.refresh({ id: created.id, version: 1, revision: 1 });
    expect(refreshed.revision).toBe(2);
    const after = await callerFor(db, author).profiles.get({ id: created.id });
    expect(figureOf(after.document.figures, 'scale.children_identified').value).toBe(6);
    expect(after.changesSinceLastVersion['scale.children_identified']).toEqual({ before: 5, after: 6 });
    expect(after.previousFigures && figureOf(after.previousFigures, 'scale.children_identified').value).toBe(5);
    // Figures that did not change are not listed as changed.
    expect(after.changesSinceLastVersion['scale.crimes']).toBeUndefined();
    // Put the world back as the other tests expect it: five CSE children.
    await db.sql.query(`DELETE FROM exploitation_event WHERE person_id = $1::uuid`, [late.id]);
    children.pop();
  });

  it('changes a draft’s terms and recomputes its figures, but not those of a version under review', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    const changed = await callerFor(db, author).profiles.updateTerms({
      id: created.id,
      version: 1,
      revision: 1,
      terms: terms({ title: 'CSE in Mansfield, comparison only', from: '2024-01-01', to: '2024-02-29' }),
    });
    const read = await callerFor(db, author).profiles.get({ id: created.id });
    expect(read.document.terms.title).toBe('CSE in Mansfield, comparison only');
    expect(figureOf(read.document.figures, 'scale.children_identified').value).toBe(0);
    expect(read.changesSinceLastVersion['scale.children_identified']).toEqual({ before: 5, after: 0 });
    const listed = await callerFor(db, author).profiles.list();
    expect(listed.profiles.find((profile) => profile.id === created.id)?.title).toBe(
      'CSE in Mansfield, comparison only',
    );

    const sent = await callerFor(db, author).profiles.submit({
      id: created.id,
      version: 1,
      revision: changed.revision,
    });
    expect(
      await rejection(
        callerFor(db, author).profiles.updateTerms({
          id: created.id,
          version: 1,
          revision: sent.revision,
          terms: terms(),
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'status: cannot change the terms of version 1 of “CSE in Mansfield, comparison only”, which is waiting for review',
    });
  });

  it('returns a version under review to draft with the reviewer’s reason', async () => {
    const sent = await submitted();
    const back = await callerFor(db, reviewer).profiles.returnToDraft({
      id: sent.id,
      version: 1,
      revision: sent.revision,
      reason: 'Add the missing episodes to the summary',
    });
    expect(back.status).toBe('draft');
    const read = await callerFor(db, author).profiles.get({ id: sent.id });
    expect(read.returnedReason).toBe('Add the missing episodes to the summary');
    expect(read.status).toBe('draft');
  });
});

describe('the approval rule: a second police analyst', () => {
  it('refuses approval by the version’s author, in plain words, and changes nothing', async () => {
    const sent = await submitted();
    expect(
      await rejection(callerFor(db, author).profiles.approve({ id: sent.id, version: 1, revision: sent.revision })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'You wrote this version, so you cannot approve it: a second police analyst must review and approve it',
    });
    expect((await callerFor(db, author).profiles.get({ id: sent.id })).status).toBe('for_review');
  });

  it('refuses approval by whoever sent it for review, even if someone else wrote it', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    const sent = await callerFor(db, reviewer).profiles.submit({ id: created.id, version: 1, revision: 1 });
    expect(
      await rejection(
        callerFor(db, reviewer).profiles.approve({ id: created.id, version: 1, revision: sent.revision }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        'You sent for review this version, so you cannot approve it: a second police analyst must review and approve it',
    });
  });

  it('refuses approving a draft that was never sent for review', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    expect(
      await rejection(callerFor(db, reviewer).profiles.approve({ id: created.id, version: 1, revision: 1 })),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('which is a draft') });
  });

  it('keeps the rule in SQL too: the approver cannot be the author', async () => {
    const sent = await submitted();
    await expect(
      db.sql.query(
        `UPDATE problem_profile_version SET status = 'approved', approved_by_id = created_by_id, approved_at = now()
         WHERE profile_id = $1::uuid AND version = 1`,
        [sent.id],
      ),
    ).rejects.toThrow(/problem_profile_version_second_analyst/);
  });
});

describe('an approved version is immutable', () => {
  it('refuses saving, refreshing, submitting or returning it through the API', async () => {
    const done = await approved();
    const ref = { id: done.id, version: 1, revision: done.revision };
    for (const attempt of [
      () => callerFor(db, author).profiles.saveWriting({ ...ref, writing: writing('changed after approval') }),
      () => callerFor(db, author).profiles.refresh(ref),
      () => callerFor(db, author).profiles.submit(ref),
      () => callerFor(db, reviewer).profiles.returnToDraft({ ...ref, reason: 'too late' }),
    ]) {
      expect(await rejection(attempt())).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('an approved version cannot be changed; start a new version'),
      });
    }
    const read = await callerFor(db, author).profiles.get({ id: done.id, version: 1 });
    expect(read.document.writing.assessments.summary).toBe('Five children identified in January.');
    expect(read.revision).toBe(done.revision);
  });

  it('refuses UPDATE and DELETE of an approved row in SQL, whoever asks', async () => {
    const done = await approved();
    await expect(
      db.sql.query(`UPDATE problem_profile_version SET writing = '{}'::jsonb WHERE profile_id = $1::uuid`, [done.id]),
    ).rejects.toThrow(/is approved and cannot be changed/);
    await expect(
      db.sql.query(`DELETE FROM problem_profile_version WHERE profile_id = $1::uuid`, [done.id]),
    ).rejects.toThrow(/is approved and cannot be changed/);
    const [row] = await db.sql.query<{ status: string }>(
      'SELECT status FROM problem_profile_version WHERE profile_id = $1::uuid',
      [done.id],
    );
    expect(row?.status).toBe('approved');
  });
});

describe('partners', () => {
  it('read the partner edition of approved versions within their districts: "<5", no names', async () => {
    const done = await approved();
    const partner = await callerFor(db, officerMansfield).profiles.get({ id: done.id, edition: 'full' });
    expect(partner.document.edition).toBe('partner');
    // Two children linked to an associate: "<5" (withheld, and its change with it); five identified: shown.
    const linked = figureOf(partner.document.figures, 'offenders.children_linked');
    expect(linked.value).toBeNull();
    expect(linked.suppressed).toEqual({ value: true, comparison: false });
    expect(linked.change).toBeNull();
    expect(figureOf(partner.document.figures, 'scale.children_identified').value).toBe(5);
    const tables = partner.document.figures.sections.flatMap((section) => section.tables.map((table) => table.key));
    expect(tables).not.toContain('offenders.associates_by_degree');
    const json = JSON.stringify(partner);
    for (const child of children) {
      expect(json).not.toContain(child.givenName);
      expect(json).not.toContain(child.familyName);
    }
    // The analyst's full edition has the count, and the associates table.
    const full = await callerFor(db, author).profiles.get({ id: done.id });
    expect(figureOf(full.document.figures, 'offenders.children_linked').value).toBe(2);
    expect(full.document.figures.sections.flatMap((section) => section.tables.map((table) => table.key))).toContain(
      'offenders.associates_by_degree',
    );
    // An analyst may preview the partner edition.
    const preview = await callerFor(db, author).profiles.get({ id: done.id, edition: 'partner' });
    expect(figureOf(preview.document.figures, 'offenders.children_linked').suppressed?.value).toBe(true);
  });

  it('cannot see drafts, versions under review or other districts’ profiles', async () => {
    const draft = await callerFor(db, author).profiles.create({ terms: terms() });
    const sent = await submitted();
    const done = await approved();
    const countywide = await approved({ title: 'CSE across the county', districtCodes: [] });

    const listed = (await callerFor(db, officerMansfield).profiles.list()).profiles.map((profile) => profile.id);
    expect(listed).toContain(done.id);
    expect(listed).not.toContain(draft.id);
    expect(listed).not.toContain(sent.id);
    expect(listed).not.toContain(countywide.id);
    expect((await callerFor(db, officerMansfield).profiles.list()).profiles.every((p) => p.status === 'approved')).toBe(
      true,
    );
    expect((await callerFor(db, officerAshfield).profiles.list()).profiles.map((profile) => profile.id)).not.toContain(
      done.id,
    );
    expect(await rejection(callerFor(db, officerAshfield).profiles.get({ id: done.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `id: no problem profile ${done.id} in your districts`,
    });
    expect(await rejection(callerFor(db, officerMansfield).profiles.get({ id: draft.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `id: no problem profile ${draft.id} in your districts`,
    });
    expect(await rejection(callerFor(db, nsdMansfield).profiles.get({ id: sent.id, version: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(callerFor(db, officerAshfield).profiles.export({ id: done.id, version: 1, format: 'md' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // The analysts see every profile, at its latest version.
    const analystList = (await callerFor(db, reviewer).profiles.list()).profiles.map((profile) => profile.id);
    expect(analystList).toEqual(expect.arrayContaining([draft.id, sent.id, done.id, countywide.id]));
  });

  it('may not write profiles', async () => {
    expect(await rejection(callerFor(db, officerMansfield).profiles.create({ terms: terms() }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('concurrency', () => {
  it('refuses a change written against a stale revision with a CONFLICT and keeps the winner', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    await callerFor(db, author).profiles.saveWriting({
      id: created.id,
      version: 1,
      revision: 1,
      writing: writing('first'),
    });
    expect(
      await rejection(
        callerFor(db, reviewer).profiles.saveWriting({
          id: created.id,
          version: 1,
          revision: 1,
          writing: writing('second'),
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'version: this profile version was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again',
    });
    const read = await callerFor(db, author).profiles.get({ id: created.id });
    expect(read.document.writing.assessments.summary).toBe('first');
    expect(read.revision).toBe(2);
  });

  it('refuses a second new version from the same approved version', async () => {
    const done = await approved();
    await callerFor(db, author).profiles.newVersion({ id: done.id, version: 1, revision: done.revision });
    expect(
      await rejection(
        callerFor(db, reviewer).profiles.newVersion({ id: done.id, version: 1, revision: done.revision }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'version: version 2 of this profile already exists; open it rather than starting another',
    });
  });

  it('names the field of bad input: a period that ends before it starts', async () => {
    const error = await rejection(
      callerFor(db, author).profiles.create({ terms: terms({ from: '2025-03-01', to: '2025-01-01' }) }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('to');
  });
});

describe('the audit trail', () => {
  it('records every change and read of a profile, and exports and prints as exports', async () => {
    const done = await approved();
    await callerFor(db, officerMansfield).profiles.get({ id: done.id });
    await callerFor(db, officerMansfield).profiles.recordPrint({ id: done.id, version: 1 });
    await callerFor(db, author).profiles.export({ id: done.id, version: 1, format: 'md' });
    const events = await auditOf(done.id);
    expect(events.map((event) => [event.procedure, event.action])).toEqual([
      ['profiles.create', 'create'],
      ['profiles.saveWriting', 'update'],
      ['profiles.submit', 'update'],
      ['profiles.approve', 'update'],
      ['profiles.get', 'read'],
      ['profiles.recordPrint', 'export'],
      ['profiles.export', 'export'],
    ]);
    expect(events[3]?.user_id).toBe(reviewer.id);
    expect(events[4]?.user_id).toBe(officerMansfield.id);
  });
});

describe('exports', () => {
  it('gives Markdown and DOCX files of a version, the partner edition to partners', async () => {
    const done = await approved();
    const md = await callerFor(db, author).profiles.export({ id: done.id, version: 1, format: 'md' });
    expect(md.filename).toBe('cse-in-mansfield-v1.md');
    expect(md.mimeType).toBe('text/markdown; charset=utf-8');
    const text = Buffer.from(md.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('CSE in Mansfield');
    expect(text).toContain('Five children identified in January.');

    const partner = await callerFor(db, officerMansfield).profiles.export({ id: done.id, version: 1, format: 'md' });
    expect(partner.filename).toBe('cse-in-mansfield-v1-partner.md');
    const partnerText = Buffer.from(partner.contentBase64, 'base64').toString('utf8');
    expect(partnerText).toContain('<5');
    for (const child of children) expect(partnerText).not.toContain(child.familyName);

    const docx = await callerFor(db, author).profiles.export({ id: done.id, version: 1 });
    expect(docx.filename).toBe('cse-in-mansfield-v1.docx');
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // A DOCX is a ZIP: it starts with the local file header "PK\x03\x04".
    expect([...Buffer.from(docx.contentBase64, 'base64').subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe('the records behind a figure', () => {
  it('shows an analyst the children by name and a district officer only their pseudonyms, audited as reads', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    const byAnalyst = await callerFor(db, author).profiles.figureRecords({
      id: created.id,
      version: 1,
      key: 'scale.children_identified',
    });
    expect(byAnalyst.total).toBe(5);
    expect(byAnalyst.records.map((record) => record.label).sort()).toEqual(
      children.map((child) => `${child.givenName} ${child.familyName} (${child.pseudonymRef})`).sort(),
    );
    expect(byAnalyst.records.every((record) => record.href === `/people/${record.id}`)).toBe(true);

    const sent = await callerFor(db, author).profiles.submit({ id: created.id, version: 1, revision: 1 });
    await callerFor(db, reviewer).profiles.approve({ id: created.id, version: 1, revision: sent.revision });
    const byOfficer = await callerFor(db, officerMansfield).profiles.figureRecords({
      id: created.id,
      version: 1,
      key: 'scale.children_identified',
    });
    expect(byOfficer.total).toBe(5);
    expect(byOfficer.records.map((record) => record.label).sort()).toEqual(
      children.map((child) => `Child ${child.pseudonymRef}`).sort(),
    );
    const json = JSON.stringify(byOfficer);
    for (const child of children) {
      expect(json).not.toContain(child.givenName);
      expect(json).not.toContain(child.familyName);
    }
    // Two children linked to an associate are "<5" in the partner edition: their records are withheld too.
    expect(
      await rejection(
        callerFor(db, officerMansfield).profiles.figureRecords({
          id: created.id,
          version: 1,
          key: 'offenders.children_linked',
        }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        'key: “Children linked to an associate” counts fewer than 5 people, so the records behind it are not shown outside the analyst role',
    });

    const reads = (await auditOf(created.id)).filter((event) => event.procedure === 'profiles.figureRecords');
    expect(reads.map((event) => event.action)).toEqual(['read', 'read']);
    const [personRead] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE procedure = 'profiles.figureRecords' AND $1 = ANY(record_ids)`,
      [children[0]?.id],
    );
    expect(personRead?.n).toBe(2);
  });

  it('answers NOT_FOUND naming the key for a figure the version does not have', async () => {
    const created = await callerFor(db, author).profiles.create({ terms: terms() });
    expect(
      await rejection(
        callerFor(db, author).profiles.figureRecords({ id: created.id, version: 1, key: 'scale.nothing' }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: 'key: this profile version has no figure scale.nothing' });
  });
});
