import type { FoundLocationType, IntelligenceCategory, PlaceCategory } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
import { categoryLabels } from '../intelligence/labels.ts';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';
import { foundLocationLabels } from '../missing/labels.ts';
import { formatDate, formatMonth } from '../ui/format.ts';
import { emergingPatterns } from './emerging-patterns.ts';
import type { HotspotsState } from './use-hotspots.ts';

const kindLabels = {
  crime: 'Crime',
  intelligence_report: 'Intelligence report',
  missing_episode: 'Missing episode',
  place: 'Place of concern',
} as const;

/** What is inside the clicked cell, as the role may see it: the records, or only a count. */
export function HotspotCellPanel({ hotspots, onClose }: { hotspots: HotspotsState; onClose(): void }) {
  const trpc = useTRPC();
  const { cellFilter: filter, selectedCellId } = hotspots;
  const query = useQuery({
    ...trpc.hotspots.cell.queryOptions({ ...filter, cellId: selectedCellId ?? '' }),
    enabled: selectedCellId !== null,
  });
  const summary = describeCell(hotspots, selectedCellId);
  if (!selectedCellId) return null;
  return (
    <section className="hotspot-cell-panel" aria-label={`Cell ${selectedCellId}`}>
      <header>
        <h2>{query.data?.place ?? `Cell ${selectedCellId}`}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {query.data?.place ? <p className="hotspot-cell-panel__cell">Grid cell {selectedCellId}</p> : null}
      {summary ? <p>{summary}</p> : null}
      {query.isPending ? <p>Loading…</p> : null}
      {query.error ? <p role="alert">{query.error.message}</p> : null}
      {query.data ? (
        <>
          <p data-count>
            {query.data.count === '<5' ? 'Fewer than 5' : query.data.count} event{query.data.count === 1 ? '' : 's'}
          </p>
          {query.data.records === null ? (
            <p>Your role sees how many, not which: these records are about children.</p>
          ) : (
            <ul>
              {query.data.records.map((record) => (
                <li key={`${record.kind}:${record.id}`}>{recordLine(record)}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

/** What the chosen view says of the cell: its Gi* z and p, its density, or its emerging pattern. */
function describeCell(hotspots: HotspotsState, cellId: string | null): string | null {
  if (!cellId) return null;
  const { view } = hotspots.settings;
  if (view === 'gi') {
    const cell = hotspots.query.data?.cells.find((candidate) => candidate.id === cellId);
    return cell ? giSentence(cell) : null;
  }
  if (view === 'heat') {
    const cell = hotspots.density.data?.cells.find((candidate) => candidate.id === cellId);
    return cell ? `Density ${cell.density.toPrecision(3)} events per km²` : null;
  }
  const cell = hotspots.emerging.data?.cells.find((candidate) => candidate.id === cellId);
  if (!cell) return null;
  const entry = emergingPatterns.find((candidate) => candidate.pattern === cell.pattern);
  const months = hotspots.emerging.data?.months.length ?? 0;
  const spots = cell.kind === 'hot' ? cell.hotSlices : cell.coldSlices;
  return `${entry?.label ?? cell.pattern} ${cell.kind} spot: ${entry?.meaning ?? ''}; a ${cell.kind} spot in ${spots} of ${months} months, trend z = ${cell.trendZ.toFixed(2)}`;
}

/** A cell's Gi* result in words: how unusual its count is, and how sure that it is not chance. */
export function giSentence(cell: { z: number; p: number; bin: number }): string {
  const confidence = cell.bin === 0 ? null : Math.abs(cell.bin) === 3 ? 99 : Math.abs(cell.bin) === 2 ? 95 : 90;
  const kind = cell.bin > 0 ? 'Hot spot' : 'Cold spot';
  const chance = cell.p < 0.001 ? 'less than 1 in 1,000' : `about ${Math.max(1, Math.round(cell.p * 1000))} in 1,000`;
  const head = confidence === null ? 'Not significant' : `${kind} with ${confidence}% confidence`;
  return `${head}: the chance of a cluster this strong at random is ${chance} (Gi* z-score ${cell.z.toFixed(2)})`;
}

interface CellRecord {
  kind: keyof typeof kindLabels;
  date: string | null;
  label: string | null;
  type: string | null;
}

/** One record in words: a crime by its type and place and month, codes turned into their names. */
export function recordLine(record: CellRecord): string {
  const when = record.date
    ? record.kind === 'crime'
      ? formatMonth(record.date.slice(0, 7))
      : formatDate(record.date)
    : null;
  const what = (() => {
    switch (record.kind) {
      case 'crime':
        return [record.type ?? 'Crime', record.label].filter(Boolean).join(', ');
      case 'intelligence_report':
        return `Intelligence report${record.label ? `: ${categoryLabels[record.label as IntelligenceCategory] ?? record.label}` : ''}`;
      case 'missing_episode':
        return `Missing episode${record.label ? `, found: ${foundLocationLabels[record.label as FoundLocationType] ?? record.label}` : ''}`;
      case 'place':
        return `${record.label ?? 'Place of concern'}${record.type ? ` (${placeCategoryLabels[record.type as PlaceCategory] ?? record.type})` : ''}`;
    }
  })();
  return when ? `${what} — ${when}` : what;
}
