import { randomUUID } from 'node:crypto';
import type { Database, Principal } from '@lantern/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let analyst: Principal;
let coordinator: Principal;
let officer: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('people.search', () => {
  it('finds a misspelt name by trigram similarity, best match first, and audits the search', async () => {
    const target = await createPersonRecord(db, { givenName: 'Kayleigh', familyName: 'Brannigan' });
    await createPersonRecord(db, { givenName: 'Kylie', familyName: 'Brennan' });
    const result = await callerFor(db, analyst).people.search({ name: 'Kaylee Branigan' });
    expect(result.people[0]?.person).toMatchObject({ id: target.id, view: 'full', givenName: 'Kayleigh' });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { userId: analyst.id, action: 'search' },
      orderBy: { seq: 'desc' },
      select: { recordIds: true, details: true, procedure: true },
    });
    expect(audit.procedure).toBe('people.search');
    expect(audit.recordIds).toContain(target.id);
    expect(audit.details).toEqual({ criteria: { name: 'Kaylee Branigan' } });
  });

  // Issue 17: the alias comparison now runs only for people who have aliases; they are still found by them.
  it('finds a person by a misspelt alias, scored by the alias, and not people without aliases', async () => {
    const known = await createPersonRecord(db, { givenName: 'Ruth', familyName: 'Okonkwo' });
    await db.prisma.person.update({ where: { id: known.id }, data: { aliases: ['Zebedee Quillfeather'] } });
    await createPersonRecord(db, { givenName: 'Ruth', familyName: 'Adeyemi' });
    const result = await callerFor(db, analyst).people.search({ name: 'Zebedy Quilfeather' });
    expect(result.people.map((found) => found.person.id)).toEqual([known.id]);
    expect(result.people[0]?.score).toBeGreaterThan(0.3);
  });

  // Issue 17: the search finds its candidates through trigram indexes. A surname inside a longer
  // name is found by word similarity above 0.5, the search's own threshold, below pg_trgm's 0.6.
  it('finds a surname inside a longer full name by word similarity between 0.5 and 0.6', async () => {
    const target = await createPersonRecord(db, { givenName: 'Maximilian', familyName: 'Hargreaves' });
    const [measured] = await db.sql.query<{ word: number; whole: number }>(
      `SELECT word_similarity('Hargrave', 'Maximilian Hargreaves') AS word,
              similarity('Maximilian Hargreaves', 'Hargrave') AS whole`,
    );
    expect(measured?.word).toBeGreaterThan(0.5);
    expect(measured?.word).toBeLessThan(0.6);
    expect(measured?.whole).toBeLessThan(0.3);
    const found = await callerFor(db, analyst).people.search({ name: 'Hargrave' });
    expect(found.people.map((entry) => entry.person.id)).toContain(target.id);
    const tooFar = await callerFor(db, analyst).people.search({ name: 'Hartgrove' });
    expect(tooFar.people.map((entry) => entry.person.id)).not.toContain(target.id);
  });

  it('follows a change of aliases: the new alias finds the person, the old one no longer does', async () => {
    const person = await createPersonRecord(db, { givenName: 'Ines', familyName: 'Whitcombe' });
    const find = async (name: string) =>
      (await callerFor(db, analyst).people.search({ name })).people.map((entry) => entry.person.id);
    // The same alias twice is kept once.
    await db.prisma.person.update({
      where: { id: person.id },
      data: { aliases: ['Persephone Dankworth', 'Persephone Dankworth'] },
    });
    expect(await find('Persefone Dankworth')).toEqual([person.id]);
    await db.prisma.person.update({ where: { id: person.id }, data: { aliases: ['Octavia Brisbourne'] } });
    expect(await find('Persefone Dankworth')).toEqual([]);
    expect(await find('Octavia Brisborne')).toEqual([person.id]);
    await db.prisma.person.update({ where: { id: person.id }, data: { aliases: [] } });
    expect(await find('Octavia Brisborne')).toEqual([]);
    // A person created with aliases is found by them from the start.
    const created = await db.prisma.person.create({
      data: {
        kind: 'child',
        pseudonymRef: `C-${randomUUID().slice(0, 8).toUpperCase()}`,
        givenName: 'Ola',
        familyName: 'Stenhouse',
        aliases: ['Wilhelmina Threlkeld'],
        homeDistrictCode: mansfield,
      },
      select: { id: true },
    });
    expect(await find('Wilhelmina Threlkild')).toEqual([created.id]);
  });

  it('says when results stop at the limit, and pages through the rest without repeating anyone', async () => {
    const family = `Pagington${randomUUID().slice(0, 4)}`;
    for (const given of ['Ada', 'Bea', 'Cal', 'Dee', 'Eve'])
      await createPersonRecord(db, { givenName: given, familyName: family });
    const search = (offset: number) =>
      callerFor(db, analyst).people.search({ name: `Ada ${family}`, limit: 2, offset });
    const pages = [await search(0), await search(2), await search(4)];
    expect(pages.map((page) => [page.offset, page.people.length, page.more])).toEqual([
      [0, 2, true],
      [2, 2, true],
      [4, 1, false],
    ]);
    const ids = pages.flatMap((page) => page.people.map((entry) => entry.person.id));
    expect(new Set(ids).size).toBe(5);
    // Every page read is audited with the people it returned.
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { userId: analyst.id, action: 'search' },
      orderBy: { seq: 'desc' },
      select: { recordIds: true },
    });
    expect(audit.recordIds).toEqual(pages[2]?.people.map((entry) => entry.person.id));
  });

  it('keeps a coordinator to the districts they cover, in the query itself', async () => {
    const inGedling = await createPersonRecord(db, { familyName: 'Outofscopeson', homeDistrictCode: gedling });
    const asAnalyst = await callerFor(db, analyst).people.search({ name: 'Outofscopeson' });
    const asCoordinator = await callerFor(db, coordinator).people.search({ name: 'Outofscopeson' });
    expect(asAnalyst.people.map((p) => p.person.id)).toContain(inGedling.id);
    expect(asCoordinator.people.map((p) => p.person.id)).not.toContain(inGedling.id);
  });

  it('never lets a district officer find a child by name, and shows children only pseudonymised', async () => {
    const child = await createPersonRecord(db, { givenName: 'Ellie', familyName: 'Quarrington' });
    const byName = await callerFor(db, officer).people.search({ name: 'Quarrington' });
    expect(byName.people).toEqual([]);
    const byDistrict = await callerFor(db, officer).people.search({
      districtCode: mansfield,
      kind: 'child',
      limit: 200,
    });
    const shown = byDistrict.people.find((p) => p.person.id === child.id)?.person;
    expect(shown).toEqual({
      view: 'pseudonymised',
      id: child.id,
      kind: 'child',
      pseudonymRef: child.pseudonymRef,
      initials: 'EQ',
      ageBand: expect.any(String),
      homeDistrictCode: mansfield,
    });
    expect(JSON.stringify(byDistrict)).not.toContain('Quarrington');
  });

  // Regression (issue 18): packs and panels show a child's reference, which search could not find.
  it('finds a person by the reference packs show, for a district officer too, pseudonymised and in scope only', async () => {
    const child = await createPersonRecord(db, { givenName: 'Ottoline', familyName: 'Ferrisby' });
    const elsewhere = await createPersonRecord(db, { homeDistrictCode: gedling });
    const typed = ` ${child.pseudonymRef.toLowerCase()} `;
    const found = await callerFor(db, officer).people.search({ name: typed });
    expect(found.people.map(({ person }) => [person.id, person.view])).toEqual([[child.id, 'pseudonymised']]);
    expect(JSON.stringify(found)).not.toContain('Ferrisby');
    expect((await callerFor(db, analyst).people.search({ name: child.pseudonymRef })).people[0]?.person).toMatchObject({
      view: 'full',
      familyName: 'Ferrisby',
    });
    expect((await callerFor(db, officer).people.search({ name: elsewhere.pseudonymRef })).people).toEqual([]);
  });

  it('asks for at least one criterion', async () => {
    expect(await rejection(callerFor(db, analyst).people.search({}))).toEqual({
      code: 'BAD_REQUEST',
      message: 'input: give at least one of name, dateOfBirth, districtCode, cseFlagged, cceFlagged',
    });
  });
});

describe('people.get', () => {
  it('records the read and its reason', async () => {
    const child = await createPersonRecord(db);
    const person = await callerFor(db, coordinator).people.get({ id: child.id, reason: 'MAM preparation' });
    expect(person).toMatchObject({ view: 'full', id: child.id });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { userId: coordinator.id, action: 'read', recordIds: { has: child.id } },
      select: { reason: true, role: true },
    });
    expect(audit).toEqual({ reason: 'MAM preparation', role: 'missing_coordinator' });
  });

  it('says not found for a child outside the caller’s districts, without saying it exists', async () => {
    const elsewhere = await createPersonRecord(db, { homeDistrictCode: gedling });
    expect(await rejection(callerFor(db, coordinator).people.get({ id: elsewhere.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No person ${elsewhere.id} in your districts`,
    });
  });
});

describe('people.create and people.update', () => {
  it('creates a child with a new pseudonymous reference', async () => {
    const created = await callerFor(db, coordinator).people.create({
      kind: 'child',
      givenName: 'Robin',
      familyName: 'Newrecord',
      homeDistrictCode: mansfield,
      dateOfBirth: '2011-02-03',
      careStatus: 'county_care',
    });
    expect(created).toMatchObject({ view: 'full', kind: 'child', version: 1, careStatus: 'county_care' });
    expect(created.pseudonymRef).toMatch(/^C-[A-Z2-9]{6}$/);
  });

  it('refuses a coordinator recording an associate, and a child outside their districts', async () => {
    const caller = callerFor(db, coordinator);
    expect(
      await rejection(
        caller.people.create({ kind: 'associate', givenName: 'A', familyName: 'B', homeDistrictCode: mansfield }),
      ),
    ).toEqual({ code: 'FORBIDDEN', message: 'Your role may not record or change associates' });
    expect(
      await rejection(
        caller.people.create({ kind: 'child', givenName: 'A', familyName: 'B', homeDistrictCode: gedling }),
      ),
    ).toEqual({ code: 'FORBIDDEN', message: `homeDistrictCode: ${gedling} is outside your districts` });
  });

  it('requires a flag date with a risk level, naming the field', async () => {
    const result = await rejection(
      callerFor(db, analyst).people.create({
        kind: 'child',
        givenName: 'A',
        familyName: 'B',
        homeDistrictCode: mansfield,
        cseRisk: 'high',
      }),
    );
    expect(result).toEqual({ code: 'BAD_REQUEST', message: 'cseFlaggedAt: is required when cseRisk is "high"' });
  });

  it('applies an update at the version read and refuses a stale one', async () => {
    const child = await createPersonRecord(db);
    const caller = callerFor(db, analyst);
    const updated = await caller.people.update({
      id: child.id,
      version: 1,
      changes: { cseRisk: 'medium', cseFlaggedAt: '2026-01-05' },
    });
    expect(updated).toMatchObject({ version: 2, cseRisk: 'medium', cseFlaggedAt: '2026-01-05' });
    expect(await rejection(caller.people.update({ id: child.id, version: 1, changes: { sex: 'M' } }))).toEqual({
      code: 'CONFLICT',
      message: `version: person ${child.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    const stored = await db.prisma.person.findUniqueOrThrow({
      where: { id: child.id },
      select: { sex: true, version: true },
    });
    expect(stored).toEqual({ sex: 'F', version: 2 });
  });
});

describe('regression: an update must not reset the fields it does not name', () => {
  // Defaults on the create schema once leaked into update's partial schema, so changing one
  // field silently reset sex, risks and dates to their defaults.
  it('leaves unnamed fields as they were', async () => {
    const child = await createPersonRecord(db, { dateOfBirth: '2009-09-09' });
    const updated = await callerFor(db, analyst).people.update({
      id: child.id,
      version: 1,
      changes: { givenName: 'Renamed' },
    });
    expect(updated).toMatchObject({ givenName: 'Renamed', sex: 'F', dateOfBirth: '2009-09-09', careStatus: 'home' });
  });
});
