import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
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
        <h2>Cell {selectedCellId}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
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
                <li key={`${record.kind}:${record.id}`}>
                  {kindLabels[record.kind]}
                  {record.date ? `, ${record.date}` : ''}
                  {record.label ? `: ${record.label}` : ''}
                </li>
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
    return cell ? `Gi* z = ${cell.z.toFixed(2)}, p = ${cell.p < 0.001 ? '< 0.001' : cell.p.toFixed(3)}` : null;
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
