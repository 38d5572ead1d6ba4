import type { Database, Principal } from '@lantern/db';
import {
  districtScope,
  inScope,
  mayCall,
  type PersonKind,
  personKinds,
  personView,
  policyFor,
  pseudonymisedPerson,
  type Role,
  roles,
} from '@lantern/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import {
  allowedRoles,
  auditActionsAfter,
  callProcedure,
  describeOutcome,
  lastAuditSeq,
  routerProcedures,
  writeFingerprint,
} from '../support/procedure-calls.ts';
import { type FixtureCase, procedureFixtures } from '../support/procedure-fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The authorization matrix: every procedure the router serves × every role and signed out ×
 * a target inside and outside the caller's districts. The expected outcome of each cell is
 * derived from the policy table (packages/domain policy.ts, redaction.ts), never written down
 * here, so a procedure added without a policy entry or a fixture fails this file.
 */
const procedures = routerProcedures();
const callers: readonly (Role | null)[] = [null, ...roles];
const scopes = ['in scope', 'out of scope'] as const;
type ScopeCase = (typeof scopes)[number];

let db: Database;
let world: World;
let cellsRun = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db);
});
afterAll(async () => {
  console.log(
    `authorization matrix: ${procedures.length} procedures × ${callers.length} callers (${roles.length} roles + signed out) × ${scopes.length} scopes = ${procedures.length * callers.length * scopes.length} cells, ${cellsRun} run`,
  );
  await db?.close();
});

type Expected =
  | { kind: 'denied'; code: string; message: string; audit: 'denied' | 'none' | 'denied-or-none' }
  | { kind: 'success'; shows: readonly string[]; hides: readonly string[] };

function expectedOutcome(name: string, principal: Principal | null, scope: ScopeCase, target: FixtureCase): Expected {
  const policy = policyFor(name);
  if (!policy) throw new Error(`${name} has no access policy in packages/domain/src/policy.ts`);
  const callerRoles = principal?.roles ?? null;
  if (!mayCall(policy, callerRoles)) {
    if (callerRoles === null)
      return { kind: 'denied', code: 'UNAUTHORIZED', message: 'Sign in to use Lantern', audit: 'none' };
    return {
      kind: 'denied',
      code: 'FORBIDDEN',
      message: `Your role (${callerRoles.join(', ')}) may not use ${name}`,
      audit: 'denied',
    };
  }
  const outside =
    scope === 'out of scope' &&
    policy.scope === 'district' &&
    principal !== null &&
    !inScope(districtScope(allowedRoles(policy, principal.roles), principal.districtCodes, policy), world.b.code);
  if (!outside) return { kind: 'success', shows: target.ids, hides: [] };
  if (target.denial) return { kind: 'denied', ...target.denial, audit: 'denied-or-none' };
  if (target.ids.length === 0) {
    throw new Error(`the out-of-scope fixture of ${name} neither names a denial nor the records it must filter out`);
  }
  return { kind: 'success', shows: [], hides: target.ids };
}

const worldPeople = () => [world.a.child, world.a.associate, world.b.child, world.b.associate];
const identifyingKeys = ['givenName', 'familyName', 'dateOfBirth', 'aliases'];
const pseudonymisedKeys = Object.keys(pseudonymisedPerson.shape);

interface ShownPerson {
  id: string;
  kind: PersonKind;
  view: string;
  keys: string[];
}

/** Every person-shaped object anywhere in an output. */
function peopleIn(value: unknown, found: ShownPerson[] = []): ShownPerson[] {
  if (Array.isArray(value)) {
    for (const item of value) peopleIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // An export carries its records in a file's content: look inside a JSON one too.
    if (record.mediaType === 'application/json' && typeof record.content === 'string') {
      peopleIn(JSON.parse(record.content), found);
    }
    if (
      typeof record.id === 'string' &&
      typeof record.view === 'string' &&
      (personKinds as readonly unknown[]).includes(record.kind)
    ) {
      found.push({ id: record.id, kind: record.kind as PersonKind, view: record.view, keys: Object.keys(record) });
    }
    for (const child of Object.values(record)) peopleIn(child, found);
  }
  return found;
}

/** Each person appears exactly as `personView` allows, and pseudonymised ones carry nothing identifying. */
function expectPeopleAsTheViewAllows(output: unknown, viewerRoles: readonly Role[], filtered: boolean) {
  const shown = peopleIn(output);
  if (!filtered) {
    expect(shown.length, 'a procedure that returns people returned none in a cell built to show some').toBeGreaterThan(
      0,
    );
  }
  const json = JSON.stringify(output);
  for (const person of shown) {
    const view = personView(viewerRoles, person.kind);
    expect(view, `person ${person.id} (${person.kind}) is hidden from ${viewerRoles.join(', ')}`).not.toBe('hidden');
    expect(person.view, `view of ${person.kind} ${person.id} for ${viewerRoles.join(', ')}`).toBe(view);
    if (person.view === 'pseudonymised') {
      expect(person.keys.filter((key) => identifyingKeys.includes(key))).toEqual([]);
      expect(person.keys.filter((key) => !pseudonymisedKeys.includes(key))).toEqual([]);
      const record = worldPeople().find((candidate) => candidate.id === person.id);
      if (record) {
        for (const name of [record.givenName, record.familyName, record.dateOfBirth]) {
          expect(json, `${person.kind} ${person.id} is pseudonymised but its "${name}" is in the output`).not.toContain(
            name,
          );
        }
      }
    }
  }
}

it('finds a policy entry and a fixture for every procedure in the router', () => {
  const problems = procedures.flatMap(({ name }) => [
    ...(policyFor(name) ? [] : [`${name} has no entry in procedurePolicies (packages/domain/src/policy.ts)`]),
    ...(procedureFixtures[name] ? [] : [`${name} has no fixture in tests/support/procedure-fixtures.ts`]),
  ]);
  expect(problems).toEqual([]);
});

it('has no fixture for a procedure the router does not serve', () => {
  const served = new Set(procedures.map(({ name }) => name));
  expect(Object.keys(procedureFixtures).filter((name) => !served.has(name))).toEqual([]);
});

for (const { name } of procedures) {
  describe(name, () => {
    for (const role of callers) {
      for (const scope of scopes) {
        it(`${role ?? 'signed out'}, ${scope}`, async () => {
          const fixture = procedureFixtures[name];
          if (!fixture) throw new Error(`${name} has no fixture in tests/support/procedure-fixtures.ts`);
          cellsRun += 1;
          const principal = role === null ? null : world.users[role];
          const built = await fixture.build(world, principal);
          const target = scope === 'in scope' ? built.inScope : built.outOfScope;
          const expected = expectedOutcome(name, principal, scope, target);

          // What a denied call must leave unchanged; a call expected to succeed has no use for it.
          const denied = expected.kind === 'denied';
          const fingerprint = denied ? await writeFingerprint(db) : undefined;
          const auditSeq = denied ? await lastAuditSeq(db) : 0n;
          const outcome = await callProcedure(callerFor(db, principal), name, target.input);

          if (expected.kind === 'denied') {
            expect(outcome.ok, `expected ${expected.code}, got ${describeOutcome(outcome)}`).toBe(false);
            const error = outcome.ok ? undefined : outcome.error;
            expect(error).toBeInstanceOf(TRPCError);
            expect({ code: (error as TRPCError).code, message: (error as TRPCError).message }).toEqual({
              code: expected.code,
              message: expected.message,
            });
            expect(await writeFingerprint(db), 'a denied call wrote something').toEqual(fingerprint);
            const audited = await auditActionsAfter(db, auditSeq);
            if (expected.audit === 'denied') expect(audited).toEqual(['denied']);
            else if (expected.audit === 'none') expect(audited).toEqual([]);
            else expect(audited.filter((action) => action !== 'denied')).toEqual([]);
            return;
          }

          expect(outcome.ok, `expected success, got ${describeOutcome(outcome)}`).toBe(true);
          const output = outcome.ok ? outcome.value : undefined;
          const json = JSON.stringify(output) ?? '';
          for (const id of expected.shows) expect(json, `the output should show ${id}`).toContain(id);
          for (const id of expected.hides) expect(json, `the output shows out-of-scope record ${id}`).not.toContain(id);
          const policy = policyFor(name);
          if (policy?.returnsPeople && principal) {
            expectPeopleAsTheViewAllows(output, allowedRoles(policy, principal.roles), expected.hides.length > 0);
          }
        });
      }
    }
  });
}
