import type { DistrictSummary } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import type { DistrictFeature } from './boundaries.ts';

type Count = DistrictSummary['counts'][keyof DistrictSummary['counts']];

const countRows: ReadonlyArray<{ key: keyof DistrictSummary['counts']; label: string }> = [
  { key: 'places', label: 'Places of concern (active)' },
  { key: 'intelligenceReports', label: 'Intelligence reports' },
  { key: 'missingEpisodes', label: 'Missing episodes, last 12 months' },
  { key: 'childrenFlagged', label: 'Children flagged at risk of CSE or CCE' },
];

/** "<5" is how the API hides counts of 1–4 children from callers without person-level access. */
export function formatCount(count: Count): string {
  return count === '<5' ? 'fewer than 5' : count.toLocaleString('en-GB');
}

export interface DistrictPanelProps {
  district: DistrictFeature;
  onClose(): void;
}

/** The chosen district: its name and its counts from `districts.list`. */
export function DistrictPanel({ district, onClose }: DistrictPanelProps) {
  const trpc = useTRPC();
  const summaries = useQuery(trpc.districts.list.queryOptions());
  const headingId = useId();
  const { code, name, kind } = district.properties;
  const summary = summaries.data?.districts.find((entry) => entry.code === code);
  const suppressed = summary !== undefined && Object.values(summary.counts).includes('<5');

  return (
    <section className="side-panel" aria-labelledby={headingId} data-testid="district-panel">
      <div className="side-panel__header">
        <h2 id={headingId}>{name}</h2>
        <button className="button button--quiet" type="button" onClick={onClose} aria-label={`Close ${name}`}>
          Close
        </button>
      </div>
      <p className="side-panel__kind">
        {kind === 'unitary' ? 'Unitary authority' : 'District of Nottinghamshire'} · {code}
      </p>
      {summaries.isPending && <Loading>Loading the district’s counts…</Loading>}
      {summaries.isError && (
        <ErrorState message={errorMessage(summaries.error)} onRetry={() => void summaries.refetch()} />
      )}
      {summaries.isSuccess && summary === undefined && <p>No counts are recorded for {name}.</p>}
      {summary && (
        <>
          <dl className="district-panel__counts">
            {countRows.map((row) => (
              <div className="district-panel__count" key={row.key}>
                <dt>{row.label}</dt>
                <dd data-count={row.key}>{formatCount(summary.counts[row.key])}</dd>
              </div>
            ))}
          </dl>
          {suppressed && (
            <p className="side-panel__note">
              Counts of 1 to 4 children are shown as “fewer than 5” so that no child can be singled out.
            </p>
          )}
        </>
      )}
    </section>
  );
}
