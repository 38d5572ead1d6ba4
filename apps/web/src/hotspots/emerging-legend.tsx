import { formatMonth } from '../ui/format.ts';
import { type EmergingPattern, emergingPatterns } from './emerging-patterns.ts';

/**
 * The emerging hot- and cold-spot classes found, each with how many cells and what it means, and
 * the complete months compared (naming the month under way when it was left out). Classes with no cell are left out; none at all says so.
 */
export function EmergingLegend({
  months,
  cells,
  leftOut = null,
}: {
  months: readonly string[];
  /** The month under way ('YYYY-MM'), when the chosen range reached into it and it was left out. */
  leftOut?: string | null;
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
        Emerging hot spots: Gi* each month{first && last ? ` from ${formatMonth(first)} to ${formatMonth(last)}` : ''},
        Mann–Kendall trend per cell. Complete months only
        {leftOut ? `: ${formatMonth(leftOut)} is under way and left out.` : '.'}
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
