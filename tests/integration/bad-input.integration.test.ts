import type { Database } from '@lantern/db';
import { policyFor } from '@lantern/domain';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import { malformedInput } from '../support/malformed-input.ts';
import {
  auditActionsAfter,
  callProcedure,
  describeOutcome,
  inputSchemaOf,
  lastAuditSeq,
  routerProcedures,
  someAllowedRole,
  writeFingerprint,
} from '../support/procedure-calls.ts';
import { procedureFixtures } from '../support/procedure-fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Every procedure, called by a user allowed to call it, with random malformed input: whatever
 * it refuses, it refuses with a 4xx (never a 500), a BAD_REQUEST names the field at fault, and
 * a refused call writes nothing but, at most, the audit of a denial or failed sign-in.
 */
const procedures = routerProcedures();
const runsPerProcedure = 50;
const seed = 20_261_122;
const clientErrors = ['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNAUTHORIZED', 'TOO_MANY_REQUESTS'];
/** "field.path: …", "lon/lat: …" (a pair of fields) or "input: …" (the input as a whole). */
const namesAField = /^[\w.]+(\/[\w.]+)?: /;
const auditOnRefusal = ['denied', 'login_failed'];

let db: Database;
let world: World;
let runs = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db);
});
afterAll(async () => {
  console.log(
    `bad input: ${runs} calls with malformed input over ${procedures.length} procedures (seed ${seed}, ${runsPerProcedure} runs each)`,
  );
  await db?.close();
});

for (const { name } of procedures) {
  it(`${name} refuses malformed input with a 4xx naming the field, writing nothing`, async () => {
    const policy = policyFor(name);
    if (!policy) throw new Error(`${name} has no access policy in packages/domain/src/policy.ts`);
    const fixture = procedureFixtures[name];
    if (!fixture) throw new Error(`${name} has no fixture in tests/support/procedure-fixtures.ts`);
    const role = someAllowedRole(policy);
    if (!role) throw new Error(`no role may call ${name}`);
    const caller = callerFor(db, world.users[role]);
    const valid = fixture.everyField ? await fixture.everyField(world) : (await fixture.build(world)).inScope.input;
    const parsed = inputSchemaOf(name)?.safeParse(valid);
    expect(parsed?.error?.message, `the fixture input of ${name} should be valid`).toBeUndefined();

    await fc.assert(
      fc.asyncProperty(malformedInput(valid), async (input) => {
        runs += 1;
        const fingerprint = await writeFingerprint(db);
        const auditSeq = await lastAuditSeq(db);
        const outcome = await callProcedure(caller, name, input);
        if (outcome.ok) return;
        const described = describeOutcome(outcome);
        expect(outcome.error, described).toBeInstanceOf(TRPCError);
        const error = outcome.error as TRPCError;
        expect(clientErrors, described).toContain(error.code);
        if (error.code === 'BAD_REQUEST') expect(error.message, described).toMatch(namesAField);
        expect(await writeFingerprint(db), `${described}: a refused call wrote something`).toEqual(fingerprint);
        const audited = await auditActionsAfter(db, auditSeq);
        expect(
          audited.filter((action) => !auditOnRefusal.includes(action)),
          `${described}: audited`,
        ).toEqual([]);
      }),
      { seed, numRuns: runsPerProcedure },
    );
  });
}

// Regression: the districtCode error message used JSON.stringify on the input, which throws for
// a BigInt, so an in-process caller (the CLI, a script) got "Do not know how to serialize a
// BigInt" instead of a message naming the field. HTTP clients cannot send a BigInt, JS callers can.
it('names the field when a district code is a BigInt', async () => {
  const outcome = await callProcedure(callerFor(db, world.users.police_analyst), 'people.search', {
    districtCode: 10n,
  });
  expect(describeOutcome(outcome)).toMatch(/^BAD_REQUEST: districtCode: must be one of the district codes /);
});
