import { appRouter } from '@lantern/api';
import type { Database } from '@lantern/db';
import { mayCall, type ProcedurePolicy, type Role, roles } from '@lantern/domain';
import { TRPCError } from '@trpc/server';
import type { callerFor } from './api.ts';

/**
 * Generic access to the router for the cross-cutting tests: its procedure list, calling a
 * procedure by its dotted path, and fingerprints of what a call may have written.
 */
interface InputParser {
  safeParse(value: unknown): { success: boolean; error?: { message: string } };
}

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: InputParser[] };
}

/** At run time tRPC keeps the procedures flat, by dotted path (its types show the nested routers). */
function procedureDefs(): Map<string, ProcedureDef> {
  const entries: [string, ProcedureDef][] = Object.entries(appRouter._def.procedures as object);
  return new Map(entries);
}

/** Every procedure the API serves, by dotted path, from the router itself. */
export function routerProcedures(): { name: string; type: ProcedureDef['_def']['type'] }[] {
  return [...procedureDefs()]
    .map(([name, procedure]) => ({ name, type: procedure._def.type }))
    .sort((left, right) => left.name.localeCompare(right.name));
}

/** The zod schema a procedure parses its input with, if it takes input. */
export function inputSchemaOf(name: string): InputParser | undefined {
  return procedureDefs().get(name)?._def.inputs[0];
}

type Caller = ReturnType<typeof callerFor>;

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Calls `path` ("people.get") on an in-process caller; never throws, so tests can inspect errors. */
export async function callProcedure(caller: Caller, path: string, input: unknown): Promise<CallOutcome> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== 'function') throw new Error(`the caller has no procedure ${path}`);
  try {
    return { ok: true, value: await (target as (input: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Database errors come wrapped in multi-line Prisma messages: one line is enough to locate them. */
function oneLine(text: string | undefined): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

export function describeOutcome(outcome: CallOutcome): string {
  if (outcome.ok) return `success ${JSON.stringify(outcome.value)?.slice(0, 300)}`;
  const { error } = outcome;
  if (error instanceof TRPCError) {
    const inner = error.cause as { name?: string; message?: string; code?: string } | undefined;
    const cause = inner
      ? ` (cause: ${inner.name}${inner.code ? ` ${inner.code}` : ''}: ${oneLine(inner.message)})`
      : '';
    return `${error.code}: ${oneLine(error.message)}${cause}`;
  }
  return `non-tRPC error: ${String(error)}`;
}

/** The roles a caller acts with under a policy: those the policy admits (trpc.ts does the same). */
export function allowedRoles(policy: ProcedurePolicy, callerRoles: readonly Role[]): Role[] {
  const callers = policy.callers;
  return Array.isArray(callers) ? callerRoles.filter((role) => callers.includes(role)) : [...callerRoles];
}

/** A role allowed to call the procedure, preferring the police analyst (who sees every district). */
export function someAllowedRole(policy: ProcedurePolicy): Role | null {
  if (policy.callers === 'anyone') return 'police_analyst';
  const preferred: Role[] = ['police_analyst', ...roles.filter((role) => role !== 'police_analyst')];
  return preferred.find((role) => mayCall(policy, [role])) ?? null;
}

/**
 * Row counts of every table a procedure may write, and the sum of versions where rows carry
 * one, so an UPDATE shows up as well as an INSERT or DELETE. Sessions count ended ones too.
 */
const versionedTables = [
  'agency',
  'app_user',
  'person',
  'place_of_concern',
  'vehicle',
  'intelligence_report',
  'missing_episode',
  'entity_link',
] as const;
const plainTables = ['user_role', 'user_district_scope', 'crime_event', 'dataset_load', 'oidc_login'] as const;

/** The last fingerprint taken of each database, and the next transaction id when it was taken. */
const lastFingerprint = new WeakMap<Database, { xmax: string; fingerprint: Record<string, string> }>();

export async function writeFingerprint(db: Database): Promise<Record<string, string>> {
  // Every write assigns a transaction id, committed or not, and moves the snapshot's xmax past it:
  // while xmax stands still nothing was written, and the last fingerprint still holds. It is read
  // before the tables, so a write in between shows up as a move the next time.
  const [mark] = await db.sql.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
  const xmax = mark?.xmax ?? '';
  const known = lastFingerprint.get(db);
  if (known?.xmax === xmax) return known.fingerprint;
  const parts = [
    ...versionedTables.map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::text || '/' || coalesce(sum(version), 0)::text AS value FROM ${table}`,
    ),
    ...plainTables.map((table) => `SELECT '${table}' AS name, count(*)::text AS value FROM ${table}`),
    `SELECT 'session' AS name, count(*)::text || '/' || count(ended_at)::text AS value FROM session`,
  ];
  const rows = await db.sql.query<{ name: string; value: string }>(parts.join(' UNION ALL '));
  const fingerprint = Object.fromEntries(rows.map((row) => [row.name, row.value]));
  lastFingerprint.set(db, { xmax, fingerprint });
  return fingerprint;
}

export async function lastAuditSeq(db: Database): Promise<bigint> {
  const [row] = await db.sql.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_event');
  return BigInt(row?.seq ?? '0');
}

/** The actions of audit events written after `seq`, oldest first. */
export async function auditActionsAfter(db: Database, seq: bigint): Promise<string[]> {
  const rows = await db.sql.query<{ action: string }>(
    'SELECT action FROM audit_event WHERE seq > $1::bigint ORDER BY seq',
    [seq.toString()],
  );
  return rows.map((row) => row.action);
}
