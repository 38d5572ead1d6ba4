import { type Database, pgliteDatabase, sessionSettingsSql, startPglite } from '@lantern/db';

/**
 * PGlite databases reused across the test files of a worker, each handed out looking exactly like
 * the migrated template. Opening PGlite costs about 3 s of CPU (the data directory, PostGIS's
 * library, its linking); putting a used database back as the template was takes about 0.2 s.
 *
 * When a file closes its database, the database is reset and kept for the worker's next file:
 * - every table the template holds no rows in is emptied, its identity sequences restarted and its
 *   planner statistics dropped;
 * - a table the template holds rows in is checked (row count, newest row version): if it changed,
 *   a small one (reference rows, data versions) gets its template rows back; a large one
 *   (boundaries, spatial reference systems) retires the database instead;
 * - every sequence gets its template value back, and the session is discarded and set up again;
 * - the catalogue (tables, columns, indexes, triggers and whether they fire, functions, database
 *   settings, roles) must match the template's: a file that left the schema changed retires the
 *   database instead, and the next file opens a new one.
 * A closed handle refuses every later call (a timer a file forgot would otherwise write into the
 * next file's database).
 */
const reusedIdleAtMost = 2;
/** Template tables up to this many rows are restored after a change; larger ones retire the database. */
const restorableRows = 200;

interface PopulatedTable {
  name: string;
  rows: number;
  newestVersion: string;
  /** Each row as its record literal, for small tables. */
  literals: string[] | null;
  /** It has a foreign key into an emptied table, so it is emptied with them and restored every time. */
  refersToEmptied: boolean;
}

interface TemplateState {
  emptyTables: string[];
  populated: PopulatedTable[];
  sequences: Array<{ name: string; value: string; called: boolean }>;
  catalogue: string;
}

type Pglite = Awaited<ReturnType<typeof startPglite>>;

interface Pooled {
  pglite: Pglite;
  state: TemplateState;
}

const idle = new Map<Blob, Pooled[]>();

/** A database in the state of `template` (a dumped data directory): reused when one is idle. */
export async function pooledPgliteDatabase(template: Blob): Promise<Database> {
  const reused = idle.get(template)?.pop();
  const pooled = reused ?? (await openPooled(template));
  let revoked = false;
  const handle = new Proxy(pooled.pglite, {
    get(target, property) {
      if (revoked) throw new Error('this test database was closed; a closed database takes no more calls');
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return pgliteDatabase(handle, async () => {
    revoked = true;
    await putBack(template, pooled);
  });
}

const counts = { opened: 0, retired: 0 };

/** How many databases this worker's pool has opened, and retired instead of reusing (for its test). */
export function pooledPgliteCounts(): { opened: number; retired: number } {
  return { ...counts };
}

async function openPooled(template: Blob): Promise<Pooled> {
  counts.opened += 1;
  const pglite = await startPglite({ loadDataDir: template });
  return { pglite, state: await templateState(pglite) };
}

async function putBack(template: Blob, pooled: Pooled): Promise<void> {
  const waiting = idle.get(template) ?? [];
  idle.set(template, waiting);
  const reset = waiting.length < reusedIdleAtMost && (await resetToTemplate(pooled).catch(() => false));
  if (reset) {
    waiting.push(pooled);
    return;
  }
  counts.retired += 1;
  await pooled.pglite.close();
}

const userTables = `
  SELECT format('%I.%I', n.nspname, c.relname) AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  ORDER BY 1`;

/** Everything in the catalogue a test file could leave changed, as one digest. */
const catalogueDigest = `
  SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS digest FROM (
    SELECT concat_ws(' ', 'class', n.nspname, c.relname, c.relkind, c.relnatts, c.relpersistence) AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    UNION ALL
    SELECT concat_ws(' ', 'column', a.attrelid::regclass, a.attname, a.atttypid, a.attnotnull, a.atthasdef, a.attisdropped)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attnum > 0 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    UNION ALL
    SELECT concat_ws(' ', 'trigger', t.tgrelid::regclass, t.tgname, t.tgenabled) FROM pg_trigger t
    UNION ALL
    SELECT concat_ws(' ', 'constraint', co.conrelid::regclass, co.conname, co.convalidated) FROM pg_constraint co
    UNION ALL
    SELECT concat_ws(' ', 'function', p.oid::regprocedure, p.procost, md5(p.prosrc))
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    UNION ALL
    SELECT concat_ws(' ', 'setting', s.setdatabase, s.setrole, array_to_string(s.setconfig, ',')) FROM pg_db_role_setting s
    UNION ALL
    SELECT concat_ws(' ', 'role', r.rolname, r.rolsuper, r.rolcanlogin) FROM pg_roles r
    UNION ALL
    SELECT concat_ws(' ', 'extension', e.extname, e.extversion) FROM pg_extension e
  ) lines`;

async function rowsOf<Row>(pglite: Pglite, text: string, params: unknown[] = []): Promise<Row[]> {
  return (await pglite.query<Row>(text, params)).rows;
}

async function tableVersion(pglite: Pglite, table: string): Promise<{ rows: number; newestVersion: string }> {
  const [row] = await rowsOf<{ rows: number; newest: string | null }>(
    pglite,
    `SELECT count(*)::int AS rows, max(xmin::text::bigint)::text AS newest FROM ${table}`,
  );
  return { rows: row?.rows ?? 0, newestVersion: row?.newest ?? '' };
}

async function templateState(pglite: Pglite): Promise<TemplateState> {
  const emptyTables: string[] = [];
  const populated: PopulatedTable[] = [];
  for (const { name } of await rowsOf<{ name: string }>(pglite, userTables)) {
    const version = await tableVersion(pglite, name);
    if (version.rows === 0) {
      emptyTables.push(name);
      continue;
    }
    const literals =
      version.rows <= restorableRows
        ? (await rowsOf<{ literal: string }>(pglite, `SELECT t::text AS literal FROM ${name} t`)).map((r) => r.literal)
        : null;
    populated.push({ name, ...version, literals, refersToEmptied: false });
  }
  const references = await rowsOf<{ referrer: string; referenced: string }>(
    pglite,
    `SELECT format('%I.%I', rn.nspname, r.relname) AS referrer, format('%I.%I', dn.nspname, d.relname) AS referenced
     FROM pg_constraint c
     JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
     JOIN pg_class d ON d.oid = c.confrelid JOIN pg_namespace dn ON dn.oid = d.relnamespace
     WHERE c.contype = 'f'`,
  );
  for (const table of populated) {
    table.refersToEmptied = references.some(
      (reference) => reference.referrer === table.name && emptyTables.includes(reference.referenced),
    );
  }
  const sequences: TemplateState['sequences'] = [];
  for (const { name } of await rowsOf<{ name: string }>(
    pglite,
    `SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences ORDER BY 1`,
  )) {
    const [row] = await rowsOf<{ value: string; called: boolean }>(
      pglite,
      `SELECT last_value::text AS value, is_called AS called FROM ${name}`,
    );
    if (row) sequences.push({ name, ...row });
  }
  const [catalogue] = await rowsOf<{ digest: string }>(pglite, catalogueDigest);
  return { emptyTables, populated, sequences, catalogue: catalogue?.digest ?? '' };
}

/** Puts the database back as the template was; false when it cannot be (it is then closed). */
async function resetToTemplate({ pglite, state }: Pooled): Promise<boolean> {
  // A transaction a file left open would hold everything below.
  await pglite.exec('ROLLBACK').catch(() => undefined);
  await pglite.exec('DISCARD ALL');
  await pglite.exec(sessionSettingsSql);
  const [catalogue] = await rowsOf<{ digest: string }>(pglite, catalogueDigest);
  if (catalogue?.digest !== state.catalogue) return false;
  const changed: PopulatedTable[] = [];
  for (const table of state.populated) {
    const now = await tableVersion(pglite, table.name);
    if (now.rows === table.rows && now.newestVersion === table.newestVersion && !table.refersToEmptied) continue;
    if (!table.literals) return false;
    changed.push(table);
  }
  await pglite.transaction(async (tx) => {
    // Append-only triggers refuse a TRUNCATE; as a replica the session skips them.
    await tx.exec('SET LOCAL session_replication_role = replica');
    const emptied = [...state.emptyTables, ...changed.map((table) => table.name)];
    if (emptied.length > 0) await tx.exec(`TRUNCATE ${emptied.join(', ')} RESTART IDENTITY`);
    for (const table of changed) {
      await tx.query(`INSERT INTO ${table.name} OVERRIDING SYSTEM VALUE SELECT (unnest($1::text[])::${table.name}).*`, [
        table.literals,
      ]);
    }
    await tx.query(`DELETE FROM pg_statistic WHERE starelid = ANY($1::regclass[])`, [state.emptyTables]);
    for (const sequence of state.sequences) {
      await tx.query('SELECT setval($1::regclass, $2::bigint, $3)', [sequence.name, sequence.value, sequence.called]);
    }
  });
  for (const table of changed) {
    const now = await tableVersion(pglite, table.name);
    if (now.rows !== table.rows) return false;
    // The restored rows are new row versions: the template's newest is now theirs.
    table.newestVersion = now.newestVersion;
  }
  return true;
}
