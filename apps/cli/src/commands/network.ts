import { writeFile } from 'node:fs/promises';
import { type Database, findPrincipal } from '@lantern/db';
import { AppError, districtNetworkInput, egoNetworkInput, procedurePolicies } from '@lantern/domain';
import { type Command, Option } from 'commander';
import { type DatabaseProvider, withMigrated } from '../database.ts';
import { checkWritablePath } from '../file-paths.ts';
import type { Io } from '../io.ts';
import { loadApp } from '../lazy-app.ts';

export interface NetworkOptions {
  district?: string;
  from?: string;
  to?: string;
  minGrade?: string;
  ego?: string;
  hops?: string;
  as?: string;
  format: 'json' | 'graphml' | 'gexf' | 'csv';
  out?: string;
}

const flags: Record<string, string> = {
  districtCode: '--district',
  entityId: '--ego',
  hops: '--hops',
  from: '--from',
  to: '--to',
  minGrade: '--min-grade',
};

function parsed<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
  options: NetworkOptions,
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? 'districtCode');
  const given: Record<string, unknown> = {
    districtCode: options.district,
    entityId: options.ego,
    hops: options.hops,
    from: options.from,
    to: options.to,
    minGrade: options.minGrade,
  };
  // Some schema messages already say what they got (the district code's, a date's bounds).
  const message = issue?.message ?? 'is not valid';
  const got = /\(got [^)]*\)$/.test(message) ? '' : ` (got ${JSON.stringify(given[field] ?? null)})`;
  throw new AppError('BAD_INPUT', `${flags[field] ?? field}: ${message}${got}`);
}

/**
 * `lantern network`: a district's network (or, with --ego, one entity's) with every metric, as a
 * police analyst sees it, written as JSON (docs/ARCHITECTURE.md), GraphML, GEXF, or CSV node and
 * edge files for i2 Analyst's Notebook. The read is audited under the account it runs as.
 */
export async function network(db: Database, options: NetworkOptions, io: Io): Promise<void> {
  if (!options.district && !options.ego)
    throw new AppError('BAD_INPUT', '--district: give a district code, or --ego with an entity id');
  if (options.ego && options.district) {
    throw new AppError('BAD_INPUT', '--ego: give either --district or --ego, not both');
  }
  if (options.hops !== undefined && !options.ego) {
    throw new AppError(
      'BAD_INPUT',
      `--hops: counts steps from --ego, which is not given (got ${JSON.stringify(options.hops)})`,
    );
  }
  if (options.format === 'csv' && !options.out) {
    throw new AppError(
      'BAD_INPUT',
      '--out: CSV writes two files (PREFIX.nodes.csv and PREFIX.edges.csv); give their prefix',
    );
  }
  if (options.out) {
    const files = options.format === 'csv' ? Object.values(csvFiles(options.out)) : [options.out];
    for (const file of files) checkWritablePath('--out', file);
  }
  const principal = await findPrincipal(db.prisma, options.as ? { email: options.as } : { role: 'police_analyst' });
  if (!principal) {
    throw new AppError(
      'BAD_INPUT',
      options.as
        ? `--as: no enabled account ${options.as}`
        : '--as: there is no enabled police analyst account to run as; create one or name an account',
    );
  }
  const filters = { from: options.from, to: options.to, minGrade: options.minGrade };
  const { accessFor, formatNetwork, viewDistrictNetwork, viewEgoNetwork } = await loadApp();
  const app = { db };
  const view = options.ego
    ? await viewEgoNetwork(
        app,
        accessFor(principal, 'network.ego', procedurePolicies['network.ego']),
        parsed(
          egoNetworkInput.safeParse({ entityId: options.ego, hops: Number(options.hops ?? '2'), ...filters }),
          options,
        ),
      )
    : await viewDistrictNetwork(
        app,
        accessFor(principal, 'network.district', procedurePolicies['network.district']),
        parsed(districtNetworkInput.safeParse({ districtCode: options.district, ...filters }), options),
      );
  if (options.format === 'csv') {
    const files = csvFiles(options.out as string);
    await writeFile(files.nodes, formatNetwork(view, 'csv-nodes').content);
    await writeFile(files.edges, formatNetwork(view, 'csv-edges').content);
    io.err(`wrote ${files.nodes} (${view.nodes.length} nodes) and ${files.edges} (${view.edges.length} edges)`);
    return;
  }
  const { content } = formatNetwork(view, options.format);
  if (options.out) await writeFile(options.out, content);
  else io.out(content.trimEnd());
}

/** Registers `lantern network` (docs/ARCHITECTURE.md, "CLI"). */
export function registerNetwork(program: Command, withDatabase: DatabaseProvider, io: Io): void {
  program
    .command('network')
    .description(
      'a district’s network (or one entity’s, with --ego) with degree, betweenness, PageRank, eigenvector ' +
        'centrality, Louvain communities and k-cores, as a police analyst sees it',
    )
    .option('--district <code>', 'ONS district code')
    .option('--from <date>', 'first day, YYYY-MM-DD (a link counts if it was active in the period)')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(
      new Option('--min-grade <grade>', 'worst intelligence assessment a link may rest on').choices([
        'A',
        'B',
        'C',
        'D',
        'E',
      ]),
    )
    .option('--ego <id>', 'one person, place or vehicle at the centre instead of a district')
    .option('--hops <n>', 'with --ego: 1, 2 or 3 (default 2)')
    .option('--as <email>', 'the account to run as (default: the first police analyst)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'graphml', 'gexf', 'csv']).default('json'),
    )
    .option('--out <file>', 'write to a file (csv: the prefix of the two files) instead of stdout')
    .action((options: NetworkOptions) => withMigrated(withDatabase, (database) => network(database, options, io)));
}

/** The two files a CSV export writes for `--out PREFIX`. */
function csvFiles(prefix: string): { nodes: string; edges: string } {
  return { nodes: `${prefix}.nodes.csv`, edges: `${prefix}.edges.csv` };
}
