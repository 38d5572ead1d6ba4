import { missingReportCsv, missingReportTable, type QuarterFigures } from '@lantern/domain';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { download } from '../ui/download.ts';
import { formatDate } from '../ui/format.ts';
import './committee-report.css';

/** While the committee report is on screen, printing the page prints the report alone. */
const printingClass = 'missing-report-printing';

/**
 * The committee figures of one quarter, to take to the committee: downloaded as CSV (the same
 * file as `lantern report missing --format csv` for that period) or printed, the report alone,
 * marked OFFICIAL-SENSITIVE with "Page n of N" on every page.
 */
export function CommitteeReport({ quarters }: { quarters: readonly QuarterFigures[] }) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const quarter = quarters.find((candidate) => candidate.label === chosen) ?? quarters.at(-1);
  useEffect(() => {
    document.body.classList.add(printingClass);
    return () => document.body.classList.remove(printingClass);
  }, []);
  if (!quarter) return null;
  const table = missingReportTable(quarter.report);
  const period = `${formatDate(quarter.from)} to ${formatDate(quarter.to)}`;
  return (
    <section className="committee-report" aria-label="Committee report">
      <h3>Committee report</h3>
      <div className="committee-report__tools">
        <label htmlFor={`${id}-quarter`}>Quarter</label>
        <select id={`${id}-quarter`} value={quarter.label} onChange={(event) => setChosen(event.target.value)}>
          {[...quarters].reverse().map((candidate) => (
            <option key={candidate.label} value={candidate.label}>
              {candidate.label} ({formatDate(candidate.from)} to {formatDate(candidate.to)})
              {candidate.partial ? ', so far' : ''}
            </option>
          ))}
        </select>
        <button
          className="button"
          type="button"
          onClick={() =>
            download(
              new Blob([`${missingReportCsv(quarter.report)}\n`], { type: 'text/csv;charset=utf-8' }),
              `lantern-missing-${quarter.from}-${quarter.to}.csv`,
            )
          }
        >
          Download CSV
        </button>
        <button className="button" type="button" onClick={() => window.print()}>
          Print the report
        </button>
      </div>
      {quarter.partial && <p className="committee-report__note">This quarter has not ended: its figures are so far.</p>}
      {createPortal(
        <article className="committee-report__print" data-testid="committee-report-print" aria-hidden="true">
          <h1>Children missing from home and care: {quarter.label}</h1>
          <p>
            {period}
            {quarter.partial ? ' (so far: the quarter has not ended)' : ''}. Counts of children from Lantern’s records;
            nobody is named.
          </p>
          <table className="committee-report__table">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">{quarter.label}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.measure}>
                  <th scope="row">{row.measure}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>,
        document.body,
      )}
    </section>
  );
}
