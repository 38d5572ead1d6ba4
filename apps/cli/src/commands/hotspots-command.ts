import { hotspotDefaults, hotspotSources } from '@lantern/domain';
import { type Command, Option } from 'commander';
import { type DatabaseProvider, withMigrated } from '../database.ts';
import type { Io } from '../io.ts';
import { type HotspotsOptions, hotspots } from './hotspots.ts';

/** Registers `lantern hotspots` (docs/ARCHITECTURE.md, "CLI"). */
export function registerHotspots(program: Command, withDatabase: DatabaseProvider, io: Io): void {
  program
    .command('hotspots')
    .description(
      'Getis-Ord Gi* hot spots of one event source on a square grid (EPSG:27700) over the selected districts: ' +
        'every cell with its count, z, two-sided p and ArcGIS bin (−3…3), Benjamini–Hochberg corrected unless --no-fdr',
    )
    .addOption(
      new Option('--source <source>', 'the events to analyse').choices([...hotspotSources]).makeOptionMandatory(),
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (police.uk: its month counts)')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--district <codes...>', 'ONS district codes (default: the seven districts and Nottingham City)')
    .option('--crime-type <type>', 'police-uk only: one crime type, e.g. "Burglary"')
    .option('--category <category>', 'intelligence only: one category, e.g. county_lines')
    .option('--cell <metres>', 'cell size', String(hotspotDefaults.cellSize))
    .option(
      '--band <metres>',
      'distance band: neighbours are cells whose centres are this close (inclusive)',
      String(hotspotDefaults.band),
    )
    .option('--fdr', 'bin on Benjamini–Hochberg adjusted p (default)', true)
    .option('--no-fdr', 'bin on raw p')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'geojson']).default('json'))
    .action((options: HotspotsOptions) => withMigrated(withDatabase, (database) => hotspots(database, options, io)));
}
