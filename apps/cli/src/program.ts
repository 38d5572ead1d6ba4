import { closePoliceUkReaders, startPoliceUkReaders } from '@lantern/db';
import { AppError, fields, isCalendarDate, londonDate } from '@lantern/domain';
import { DEFAULT_PERIOD_END, DEFAULT_SEED } from '@lantern/synth';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AuditChainBroken, auditVerify } from './commands/audit.ts';
import { dbMigrate, dbReset, dbSeed, dbStatus, demoSeed } from './commands/db.ts';
import { registerHotspots } from './commands/hotspots-command.ts';
import { importPoliceUk } from './commands/import.ts';
import { importExploitationEvents } from './commands/import-exploitation.ts';
import { importIntelligence } from './commands/import-intelligence.ts';
import { importMissingEpisodes } from './commands/import-missing.ts';
import { importPlaces } from './commands/import-places.ts';
import { registerNetwork } from './commands/network.ts';
import { registerProfile } from './commands/profile.ts';
import { type ExploitationReportOptions, reportExploitation } from './commands/report-exploitation.ts';
import { type MissingReportOptions, reportMissing } from './commands/report-missing.ts';
import { serve } from './commands/serve.ts';
import { configuredDatabase, type DatabaseProvider, withMigrated } from './database.ts';
import { readEnv } from './env.ts';
import { checkImportPaths } from './file-paths.ts';
import type { Io } from './io.ts';
import { closeApp } from './lazy-app.ts';

function integer(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

/** A real calendar date written YYYY-MM-DD (the API's own date schema), not after today. */
function calendarDate(name: string) {
  return (value: string) => {
    if (isCalendarDate(value) && value > londonDate()) {
      throw new InvalidArgumentError(`${name} must not be in the future, got "${value}"`);
    }
    const parsed = fields.isoDate.safeParse(value);
    if (!parsed.success) {
      throw new InvalidArgumentError(`${name} ${parsed.error.issues[0]?.message ?? 'is not a date'}, got "${value}"`);
    }
    return value;
  };
}

/** The `lantern` command tree (docs/ARCHITECTURE.md, "CLI"). Tests may hand in their own database. */
export function buildProgram(io: Io, database?: DatabaseProvider): Command {
  const env = readEnv();
  const withDatabase = database ?? configuredDatabase(env, io);
  const program = new Command('lantern')
    .description(
      'Lantern: contextual safeguarding intelligence and mapping.\n' +
        'Uses the embedded database in LANTERN_DATA_DIR (default ./.lantern/db) unless DATABASE_URL is set.',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });

  const db = program.command('db').description('create, fill and inspect the database');
  db.command('migrate')
    .description('apply pending migrations (idempotent) and load the bundled ONS boundaries')
    .action(() => withDatabase((database) => dbMigrate(database, io)));
  db.command('seed')
    .description('fill an empty database with deterministic synthetic data, demo users and bundled police.uk months')
    .addOption(
      new Option('--scale <scale>', 'county (three years of Nottinghamshire) or national (adds 1M+ crime events)')
        .choices(['county', 'national'])
        .default('county'),
    )
    .option('--seed <n>', 'random seed; the same seed gives the same data', integer('--seed'), DEFAULT_SEED)
    .option(
      '--period-end <date>',
      `last day of the three years of data, YYYY-MM-DD (default ${DEFAULT_PERIOD_END}, the README's figures)`,
      calendarDate('--period-end'),
    )
    .action((options: { scale: 'county' | 'national'; seed: number; periodEnd?: string }) =>
      withDatabase((database) => dbSeed(database, options, io)),
    );
  db.command('reset')
    .description('drop every table and migrate again (all data is lost)')
    .action(() => withDatabase((database) => dbReset(database, io)));
  db.command('status')
    .description('backend, applied migrations and row counts')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'))
    .action((options: { format: 'json' | 'text' }) =>
      withDatabase((database) => dbStatus(database, options.format, io)),
    );

  const importCommand = program.command('import').description('load data files');
  importCommand
    .command('police-uk')
    .description(
      'load data.police.uk street-level crime CSVs. All-or-nothing per file: one bad row imports nothing and every ' +
        'bad row is listed by file, line and field. Re-importing a file changes nothing.',
    )
    .argument('<files...>', 'one or more *-street.csv files')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones', false)
    .option('--rejects <file>', 'with --skip-invalid: write the rejected rows, with line and problem, to this CSV')
    .action((files: string[], options: { skipInvalid: boolean; rejects?: string }) => {
      checkImportPaths(files, options);
      // The files' reader thread starts while the database opens.
      startPoliceUkReaders();
      return withMigrated(withDatabase, (database) => importPoliceUk(database, files, options, io));
    });

  importCommand
    .command('missing-episodes')
    .description(
      'load the missing-episodes CSV (docs/ARCHITECTURE.md). All-or-nothing: one bad row imports nothing and every bad ' +
        'row is listed by line, field and value. Idempotent on episode_ref: re-importing changes nothing, changed ' +
        'rows are updated. Times without an offset are Europe/London time.',
    )
    .argument('<file>', 'the missing-episodes CSV')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones', false)
    .option('--rejects <file>', 'with --skip-invalid: write the rejected rows, with line and problem, to this CSV')
    .action((file: string, options: { skipInvalid: boolean; rejects?: string }) => {
      checkImportPaths([file], options);
      return withMigrated(withDatabase, (database) => importMissingEpisodes(database, file, options, io));
    });

  importCommand
    .command('exploitation-events')
    .description(
      'load the exploitation-events CSV (docs/ARCHITECTURE.md). All-or-nothing: one bad row imports nothing and ' +
        'every bad row is listed by line, field and value. Idempotent on event_ref. Times without an offset are ' +
        'Europe/London time. Each child’s CSE/CCE flag follows its latest risk assessment.',
    )
    .argument('<file>', 'the exploitation-events CSV')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones', false)
    .option('--rejects <file>', 'with --skip-invalid: write the rejected rows, with line and problem, to this CSV')
    .action((file: string, options: { skipInvalid: boolean; rejects?: string }) => {
      checkImportPaths([file], options);
      return withMigrated(withDatabase, (database) => importExploitationEvents(database, file, options, io));
    });

  importCommand
    .command('intelligence')
    .description(
      'load the intelligence CSV (docs/ARCHITECTURE.md). All-or-nothing: one bad row imports nothing and every bad ' +
        'row is listed by line, field and value. Idempotent on report_ref. Graded rows arrive developed; ungraded ' +
        'rows await evaluation in the analysts’ queue. Times without an offset are Europe/London time.',
    )
    .argument('<file>', 'the intelligence CSV')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones', false)
    .option('--rejects <file>', 'with --skip-invalid: write the rejected rows, with line and problem, to this CSV')
    .action((file: string, options: { skipInvalid: boolean; rejects?: string }) => {
      checkImportPaths([file], options);
      return withMigrated(withDatabase, (database) => importIntelligence(database, file, options, io));
    });

  importCommand
    .command('places')
    .description(
      'load places of concern from a GeoJSON FeatureCollection of Point features (docs/ARCHITECTURE.md). ' +
        'All-or-nothing: one bad feature imports nothing and every bad feature is listed by index, property and ' +
        'value. Idempotent on place_ref. The district comes from the point.',
    )
    .argument('<file>', 'the places GeoJSON')
    .option('--skip-invalid', 'import the valid features and skip the invalid ones', false)
    .option('--rejects <file>', 'with --skip-invalid: write the rejected features, with the problem, to this GeoJSON')
    .action((file: string, options: { skipInvalid: boolean; rejects?: string }) => {
      checkImportPaths([file], options);
      return withMigrated(withDatabase, (database) => importPlaces(database, file, options, io));
    });

  const report = program.command('report').description('committee figures');
  report
    .command('missing')
    .description(
      'children missing from home and care for a period: notifications, children, care status, Return Home ' +
        'Interviews by service and multi-agency meetings (docs/ARCHITECTURE.md). Dates are Europe/London, both inclusive.',
    )
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--as-of <datetime>', 'where open episodes end for the 72-hour rule (default: the end of the period)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'md']).default('json'))
    .action((options: MissingReportOptions) =>
      withMigrated(withDatabase, (database) => reportMissing(database, options, io)),
    );
  report
    .command('exploitation')
    .description(
      'children at risk of sexual (cse) or criminal (cce) exploitation for a period: children identified, new MASH ' +
        'referrals, risk assessments, strategy meetings, ICPCs, ages, sexes, children on the panel, high risk, by ' +
        'district (docs/ARCHITECTURE.md). Dates are Europe/London, both inclusive.',
    )
    .addOption(new Option('--kind <kind>', 'which exploitation').choices(['cse', 'cce']).makeOptionMandatory())
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'md']).default('json'))
    .action((options: ExploitationReportOptions) =>
      withMigrated(withDatabase, (database) => reportExploitation(database, options, io)),
    );

  program
    .command('audit')
    .description('check the audit trail')
    .command('verify')
    .description(
      'recompute the hash chain of every audit event; exit 1 naming the first event that was edited, removed or reordered',
    )
    .action(() => withMigrated(withDatabase, (database) => auditVerify(database, io)));

  registerHotspots(program, withDatabase, io);
  registerNetwork(program, withDatabase, io);
  registerProfile(program, withDatabase, io);

  const serveOptions = (command: Command) =>
    command
      .option('--port <port>', 'port to listen on (env PORT)', integer('--port'), env.PORT)
      .option('--host <host>', 'address to listen on (env HOST)', env.HOST);
  serveOptions(program.command('serve').description('run the Lantern server (GET /healthz; API and web app)')).action(
    (options: { port: number; host: string }) => withMigrated(withDatabase, (database) => serve(database, options, io)),
  );
  serveOptions(
    program
      .command('start')
      .description('migrate, seed synthetic data if the database is empty, then serve: the one command for a demo'),
  ).action((options: { port: number; host: string }) =>
    withDatabase(async (database) => {
      await demoSeed(database, io);
      await serve(database, options, io);
    }),
  );
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 2 bad input, 1 anything else. */
export async function run(argv: string[], io: Io, database?: DatabaseProvider): Promise<number> {
  try {
    await buildProgram(io, database).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeOf(error, io);
  } finally {
    // Hot-spot commands start analytics threads, and a police.uk import its reader thread: a
    // finished command must not wait for them.
    await Promise.all([closeApp(), closePoliceUkReaders()]);
  }
}

function exitCodeOf(error: unknown, io: Io): number {
  // Commander has already printed its usage message; --help and --version are not errors.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof AuditChainBroken) {
    io.err(error.message);
    return 1;
  }
  if (error instanceof AppError) {
    io.err(`error: ${error.message}`);
    return error.code === 'BAD_INPUT' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: ${message}`);
  if (process.env.LANTERN_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return 1;
}
