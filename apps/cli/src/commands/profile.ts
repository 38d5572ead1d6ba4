import { writeFile } from 'node:fs/promises';
import { type Database, districtOutlines, findPrincipal } from '@lantern/db';
import {
  AppError,
  defaultComparisonPeriod,
  type ProfileDocument,
  type ProfileScope,
  type ProfileTerms,
  procedurePolicies,
  profileScopes,
  readableDate,
} from '@lantern/domain';
import { type Command, Option } from 'commander';
import { type DatabaseProvider, withMigrated } from '../database.ts';
import { checkWritablePath } from '../file-paths.ts';
import type { Io } from '../io.ts';
import { loadApp } from '../lazy-app.ts';

export interface ProfileBuildOptions {
  scope: ProfileScope;
  district?: string[];
  subject?: string;
  from: string;
  to: string;
  compareFrom?: string;
  compareTo?: string;
  as?: string;
  format: 'json' | 'md' | 'docx';
  out?: string;
}

const flags: Record<string, string> = {
  districtCodes: '--district',
  subjectId: '--subject',
  from: '--from',
  to: '--to',
  comparisonFrom: '--compare-from',
  comparisonTo: '--compare-to',
};

/**
 * `lantern profile build`: a problem profile's figures for its terms, as a police analyst sees
 * them (the first enabled analyst, or --as), written as JSON (the figures), Markdown or DOCX (the
 * whole document, with no analyst's writing yet). DOCX is binary, so it needs --out.
 */
export async function profileBuild(db: Database, options: ProfileBuildOptions, io: Io): Promise<void> {
  if (options.format === 'docx' && !options.out) {
    throw new AppError('BAD_INPUT', '--out: a DOCX is binary; give the file to write it to');
  }
  if (options.out) checkWritablePath('--out', options.out);
  if ((options.compareFrom === undefined) !== (options.compareTo === undefined)) {
    throw new AppError('BAD_INPUT', '--compare-from/--compare-to: give both, or neither for the period just before');
  }
  const comparison =
    options.compareFrom && options.compareTo
      ? { comparisonFrom: options.compareFrom, comparisonTo: options.compareTo }
      : /^\d{4}-\d{2}-\d{2}$/.test(options.from) && /^\d{4}-\d{2}-\d{2}$/.test(options.to) && options.from <= options.to
        ? defaultComparisonPeriod(options.from, options.to)
        : { comparisonFrom: options.from, comparisonTo: options.to };
  const principal = await findPrincipal(db.prisma, options.as ? { email: options.as } : { role: 'police_analyst' });
  if (!principal) {
    throw new AppError(
      'BAD_INPUT',
      options.as
        ? `--as: no enabled account ${options.as}`
        : '--as: there is no enabled police analyst account to run as; create one or name an account',
    );
  }
  const terms: ProfileTerms = {
    title: 'Problem profile',
    scope: options.scope,
    districtCodes: options.district ?? [],
    subjectId: options.subject ?? null,
    from: options.from,
    to: options.to,
    ...comparison,
    requester: principal.displayName,
    purpose: 'Figures checked outside the web app (lantern profile build).',
    marking: 'OFFICIAL-SENSITIVE',
    reviewDate: options.to,
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(terms.from) && /^\d{4}-\d{2}-\d{2}$/.test(terms.to)) terms.title = titleOf(terms);
  const { accessFor, buildProfile, renderProfileDocx, renderProfileMarkdown } = await loadApp();
  const access = accessFor(principal, 'profiles.create', procedurePolicies['profiles.create']);
  let figures: Awaited<ReturnType<typeof buildProfile>>;
  try {
    figures = await buildProfile({ db }, access, { terms });
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_INPUT') {
      const [field, ...rest] = error.message.split(': ');
      const flag = flags[(field ?? '').split('.')[0] ?? ''];
      if (flag) throw new AppError('BAD_INPUT', `${flag}: ${rest.join(': ')}`);
    }
    throw error;
  }
  if (options.format === 'json') {
    const text = JSON.stringify({ terms, figures }, null, 2);
    if (options.out) await writeFile(options.out, `${text}\n`);
    else io.out(text);
    return;
  }
  const document: ProfileDocument = {
    terms,
    figures,
    writing: { assessments: {}, recommendations: [] },
    status: 'draft',
    version: 1,
    edition: 'full',
  };
  if (options.format === 'md') {
    const text = renderProfileMarkdown(document);
    if (options.out) await writeFile(options.out, text);
    else io.out(text.trimEnd());
    return;
  }
  const outlines = await districtOutlines(
    db.sql,
    figures.sections.find((s) => s.maps.length)?.maps[0]?.districtCodes ?? [],
  );
  await writeFile(options.out as string, await renderProfileDocx(document, { outlines }));
  io.err(`wrote ${options.out}`);
}

function titleOf(terms: ProfileTerms): string {
  const names: Record<ProfileScope, string> = {
    cse: 'Child sexual exploitation',
    cce: 'Child criminal exploitation',
    county_lines: 'County lines',
    place: 'Place',
    district: 'District',
    network: 'Network',
  };
  return `${names[terms.scope]}: ${readableDate(terms.from)} to ${readableDate(terms.to)}`;
}

/** Registers `lantern profile build` (docs/ARCHITECTURE.md, "CLI"). */
export function registerProfile(program: Command, withDatabase: DatabaseProvider, io: Io): void {
  program
    .command('profile')
    .description('problem profiles (National Intelligence Model)')
    .command('build')
    .description(
      'a problem profile’s figures for a scope, districts and period, against a comparison period (default: the ' +
        'same length just before), as a police analyst sees them. Dates are Europe/London, both inclusive.',
    )
    .addOption(new Option('--scope <scope>', 'the problem').choices([...profileScopes]).makeOptionMandatory())
    .option(
      '--district <code>',
      'ONS district code (repeat for more; default: every district)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--subject <id>', 'for --scope place: the place of concern; for network: the person, place or vehicle')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--compare-from <date>', 'first day of the comparison period, YYYY-MM-DD')
    .option('--compare-to <date>', 'last day of the comparison period, YYYY-MM-DD')
    .option('--as <email>', 'the account to run as (default: the first police analyst)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md', 'docx']).default('json'))
    .option('--out <file>', 'write to a file instead of stdout (needed for docx)')
    .action((options: ProfileBuildOptions) =>
      withMigrated(withDatabase, (database) => profileBuild(database, options, io)),
    );
}
