import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  type HotspotEventQuery,
  type HotspotEventRow,
  type HotspotPointRow,
  hotspotEventPoints,
  hotspotEvents,
  hotspotStudyArea,
  type PrismaTx,
} from '@lantern/db';
import {
  AppError,
  districtCodes as allDistrictCodes,
  type DensityInput,
  type EmergingInput,
  type GetisOrdInput,
  type GetisOrdOutput,
  type HotspotCellInput,
  type HotspotFilterInput,
  type HotspotSource,
  personDerivedHotspotSources,
  type RepeatLocationsInput,
  type SuppressedCount,
  suppressSmallCount,
} from '@lantern/domain';
import {
  cellId,
  countPointsInCells,
  distanceBandNeighbours,
  emergingHotSpots,
  type HotspotResult,
  hotspotCells,
  permutationGiStar,
  quarticKernelDensity,
  rankRepeatLocations,
  type SquareGrid,
  squareGrid,
} from '@lantern/geo';
import type { Context } from '../context.ts';

/**
 * Hot-spot analytics over one event source (packages/geo does the statistics; this file loads the
 * points and the study area, applies the caller's districts, and suppresses small counts of
 * person-derived sources for roles without person-level access). `analyseHotspots` is also what
 * `lantern hotspots` runs, with every district and exact counts.
 */
export interface HotspotAnalysisQuery extends Omit<HotspotEventQuery, 'within'> {
  cellSize: number;
  band: number;
  fdr: boolean;
}

/** The largest grid an analysis may lay: 250 m over the whole county is about 35 000 cells. */
const maxCells = 400_000;

export async function studyAreaGrid(prisma: PrismaTx, districtCodes: readonly string[], cellSize: number) {
  const areas = await hotspotStudyArea(prisma, districtCodes);
  if (areas.length === 0)
    throw new AppError('BAD_INPUT', `districtCodes: no boundaries for ${districtCodes.join(', ')}`);
  const grid = squareGrid(
    { type: 'MultiPolygon', coordinates: areas.flatMap((area) => area.geometry.coordinates) },
    { cellSize },
  );
  if (grid.length > maxCells) {
    throw new AppError(
      'BAD_INPUT',
      `cellSize: ${cellSize} m makes ${grid.length} cells here (at most ${maxCells}); use larger cells`,
    );
  }
  return grid;
}

function pointsOf(rows: readonly HotspotPointRow[]) {
  return {
    x: Float64Array.from(rows, (row) => row.x),
    y: Float64Array.from(rows, (row) => row.y),
    weights: Float64Array.from(rows, (row) => row.weight),
  };
}

/** Gi* over every cell of the selected districts: ARCHITECTURE.md's "Hotspot JSON", exact counts. */
export async function analyseHotspots(
  prisma: PrismaTx,
  query: HotspotAnalysisQuery,
): Promise<{ grid: SquareGrid; result: HotspotResult; events: number }> {
  const grid = await studyAreaGrid(prisma, query.districtCodes, query.cellSize);
  const { x, y, weights } = pointsOf(await hotspotEventPoints(prisma, query));
  const { counts } = countPointsInCells(grid, x, y, weights);
  const result = hotspotCells(grid, counts, { band: query.band, fdr: query.fdr });
  let events = 0;
  for (const count of counts) events += count;
  return { grid, result, events };
}

/** The districts asked for, limited to the caller's scope: asking for another district is FORBIDDEN. */
function districtsFor(access: Access, requested: readonly string[] | undefined): string[] {
  const allowed = access.scope === 'all' ? [...allDistrictCodes] : [...access.scope];
  if (!requested) return allowed;
  const outside = requested.filter((code) => !allowed.includes(code));
  if (outside.length > 0) {
    throw new AppError('FORBIDDEN', `districtCodes: ${outside.join(', ')} is outside your districts`);
  }
  return [...new Set(requested)];
}

function eventQuery(access: Access, input: HotspotFilterInput): Omit<HotspotEventQuery, 'within'> {
  return {
    source: input.source,
    from: input.from,
    to: input.to,
    districtCodes: districtsFor(access, input.districtCodes),
    crimeType: input.crimeType,
    category: input.category,
    placeCategory: input.placeCategory,
  };
}

/** Counts about children (missing episodes, intelligence about people) read "<5" below 5 for non-person-level roles. */
function countView(access: Access, source: HotspotSource): (count: number) => SuppressedCount {
  const suppress = !access.personLevel && personDerivedHotspotSources.includes(source);
  return (count) => (suppress ? suppressSmallCount(count) : count);
}

export async function getisOrdService(ctx: Context, access: Access, input: GetisOrdInput): Promise<GetisOrdOutput> {
  const query = { ...eventQuery(access, input), cellSize: input.cellSize, band: input.band, fdr: input.fdr };
  const { grid, result, events } = await analyseHotspots(ctx.db.prisma, query);
  const view = countView(access, input.source);
  const pseudoP =
    input.permutations === undefined
      ? null
      : permutationGiStar(
          result.cells.map((cell) => cell.count),
          distanceBandNeighbours(grid, input.band),
          { permutations: input.permutations, seed: input.seed },
        );
  return {
    cell: result.cell,
    band: result.band,
    fdr: result.fdr,
    events: view(events),
    cells: result.cells.map((cell, i) => ({
      ...cell,
      count: view(cell.count),
      ...(pseudoP ? { pseudoP: pseudoP[i] as number } : {}),
    })),
  };
}

export async function densityService(ctx: Context, access: Access, input: DensityInput) {
  const query = eventQuery(access, input);
  const grid = await studyAreaGrid(ctx.db.prisma, query.districtCodes, input.cellSize);
  const { x, y, weights } = pointsOf(await hotspotEventPoints(ctx.db.prisma, query));
  const { density, bandwidth, rule } = quarticKernelDensity(grid, x, y, { bandwidth: input.bandwidth, weights });
  const cells = [];
  for (let i = 0; i < grid.length; i++) {
    const value = density[i] as number;
    if (value > 0) cells.push({ id: cellId(grid, i), x: grid.x[i] as number, y: grid.y[i] as number, density: value });
  }
  return { cell: grid.cellSize, bandwidth, rule, cells };
}

/** Calendar months from `from` to `to` inclusive, as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

export async function emergingService(ctx: Context, access: Access, input: EmergingInput) {
  const months = monthsBetween(input.from, input.to);
  if (months.length < 3 || months.length > 120) {
    throw new AppError(
      'BAD_INPUT',
      `to: ${input.from} to ${input.to} spans ${months.length} months; emerging hot spots need 3 to 120`,
    );
  }
  const query = eventQuery(access, input);
  const grid = await studyAreaGrid(ctx.db.prisma, query.districtCodes, input.cellSize);
  const rows = await hotspotEventPoints(ctx.db.prisma, query, true);
  const slices = months.map((month) => {
    const { x, y, weights } = pointsOf(rows.filter((row) => row.month === month));
    return countPointsInCells(grid, x, y, weights).counts;
  });
  const neighbours = distanceBandNeighbours(grid, input.band);
  const patterns = emergingHotSpots(slices, neighbours, { fdr: input.fdr });
  const cells = [];
  for (const [i, cell] of patterns.entries()) {
    if (cell.pattern === null || cell.kind === null) continue;
    cells.push({
      id: cellId(grid, i),
      x: grid.x[i] as number,
      y: grid.y[i] as number,
      ...cell,
      pattern: cell.pattern,
      kind: cell.kind,
    });
  }
  return { cell: grid.cellSize, band: input.band, months, cells };
}

/** Which records of a source the caller may see one by one (otherwise only the count). */
function mayListRecords(access: Access, source: HotspotSource): boolean {
  if (source === 'intelligence') return access.role === 'police_analyst';
  if (source === 'missing-found' || source === 'missing-last-seen') return access.personLevel;
  return true;
}

export async function hotspotCellService(ctx: Context, access: Access, input: HotspotCellInput) {
  const [, easting = '0', northing = '0'] = /^E(\d+)N(\d+)$/.exec(input.cellId) ?? [];
  const minX = Number(easting);
  const minY = Number(northing);
  const query = eventQuery(access, input);
  const within = [minX, minY, minX + input.cellSize, minY + input.cellSize] as const;
  const rows = await hotspotEvents(ctx.db.prisma, { ...query, within });
  const count = countView(access, input.source)(rows.length);
  if (!mayListRecords(access, input.source)) return { id: input.cellId, count, records: null };
  const records = rows.map((row) => ({ kind: row.kind, id: row.id, date: row.date, label: row.label }));
  if (input.source === 'missing-found' || input.source === 'missing-last-seen') {
    // Episodes are records about children: reading them one by one is audited like any person read.
    await ctx.db.prisma.$transaction((tx) =>
      appendAudit(tx, auditEvent(access, 'read', { type: 'missing_episode', ids: records.map((record) => record.id) })),
    );
  }
  return { id: input.cellId, count, records };
}

export async function repeatLocationsService(ctx: Context, access: Access, input: RepeatLocationsInput) {
  const rows = await hotspotEvents(ctx.db.prisma, eventQuery(access, input));
  // police.uk snaps crimes to anonymised map points, so the same point is the same location.
  const keyOf = (row: HotspotEventRow) => `${Math.round(row.x)},${Math.round(row.y)}`;
  const labels = new Map<string, string | null>();
  for (const row of rows) if (!labels.has(keyOf(row))) labels.set(keyOf(row), row.label);
  const view = countView(access, input.source);
  const ranked = rankRepeatLocations(rows.map(keyOf), { minimum: input.minimum, limit: input.limit });
  return {
    locations: ranked.map((location) => {
      const [x = 0, y = 0] = location.key.split(',').map(Number);
      return {
        key: location.key,
        label: labels.get(location.key) ?? null,
        x,
        y,
        count: view(location.count),
        rank: location.rank,
      };
    }),
  };
}
