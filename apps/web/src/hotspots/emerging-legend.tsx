import { type EmergingPattern, emergingPatterns } from './emerging-patterns.ts';

function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The emerging hot- and cold-spot classes found, each with how many cells and what it means, and
 * the months compared. Classes with no cell are left out; none at all says so.
 */
export function EmergingLegend({
  months,
  cells,
}: {
  months: readonly string[];
  cells: ReadonlyArray<{ pattern: EmergingPattern; kind: 'hot' | 'cold' }>;
}) {
  const rows = (['hot', 'cold'] as const).flatMap((kind) =>
    emergingPatterns
      .map((entry) => ({
        ...entry,
        kind,
        cells: cells.filter((cell) => cell.kind === kind && cell.pattern === entry.pattern).length,
      }))
      .filter((row) => row.cells > 0),
  );
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <figure className="hotspot-legend" aria-label="Emerging hot spot legend">
      <figcaption>
        Emerging hot spots: Gi* each month{first && last ? ` from ${monthLabel(first)} to ${monthLabel(last)}` : ''},
        Mann–Kendall trend per cell
      </figcaption>
      {rows.length === 0 ? (
        <p>No cell shows a pattern over these months.</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={`${row.kind}-${row.pattern}`} data-pattern={`${row.kind}-${row.pattern}`}>
              <span className="hotspot-legend__swatch" style={{ background: row[row.kind] }} aria-hidden="true" />{' '}
              {row.label} {row.kind} spot ({row.cells}): {row.meaning}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
