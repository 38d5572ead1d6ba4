import type { EarlyIdentification, SignalRecord } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

/** Where a record behind a signal can be opened, when it has a page of its own. */
function recordHref(record: SignalRecord): string | null {
  if (record.type === 'place') return `/?place=${record.id}`;
  if (record.type === 'intelligence_report') return `/intelligence/${record.id}`;
  if (record.type === 'person') return `/people/${record.id}`;
  return null;
}

function RecordLine({ record }: { record: SignalRecord }) {
  const href = recordHref(record);
  const date = record.date ? formatDate(record.date.slice(0, 10)) : 'no date';
  return (
    <li>
      <span className="early__date">{date}</span> ·{' '}
      {href ? <Link href={href}>{record.reference}</Link> : <span>{record.reference}</span>} · {record.description}
    </li>
  );
}

const sexLabels = { F: 'girls', M: 'boys', X: 'another sex', U: 'sex not recorded' } as const;

function Representation({ data }: { data: EarlyIdentification['representation'] }) {
  const listedTotal = Object.values(data.listed).reduce((sum, n) => sum + n, 0);
  const allTotal = Object.values(data.allChildren).reduce((sum, n) => sum + n, 0);
  const share = (n: number, total: number) => (total === 0 ? '—' : `${Math.round((100 * n) / total)}%`);
  return (
    <table className="table" aria-label="Who is on the list">
      <caption>How girls and boys are represented (boys are known to be under-identified)</caption>
      <thead>
        <tr>
          <th scope="col">Sex</th>
          <th scope="col">On this list</th>
          <th scope="col">All children in these districts</th>
        </tr>
      </thead>
      <tbody>
        {(['F', 'M', 'X', 'U'] as const).map((sex) => (
          <tr key={sex}>
            <th scope="row">{sexLabels[sex]}</th>
            <td>
              {data.listed[sex]} ({share(data.listed[sex], listedTotal)})
            </td>
            <td>
              {data.allChildren[sex]} ({share(data.allChildren[sex], allTotal)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Early identification: children not yet flagged who show two or more recorded signals at once,
 * each with the records behind it. A prompt for a person to review, never a score or a verdict.
 */
export function EarlyIdentificationPage(_props: PageProps) {
  const trpc = useTRPC();
  const list = useQuery(trpc.contextual.earlyIdentification.queryOptions({}));
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Early identification</h1>
      <p className="page__lead">
        Children not flagged for CSE or CCE who show two or more of these recorded signals at once. This is a prompt for
        a practitioner to look at the records, not an assessment of risk.
      </p>
      {list.isPending ? (
        <Loading>Looking for signals…</Loading>
      ) : list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p>
            Records from {formatDate(list.data.since)} to {formatDate(list.data.asOf)}.
            {list.data.more > 0 && ` ${list.data.more} more children are not shown.`}
          </p>
          <Representation data={list.data.representation} />
          {list.data.entries.length === 0 ? (
            <Empty>No child not yet flagged shows two or more signals.</Empty>
          ) : (
            <ol className="early__list">
              {list.data.entries.map((entry) => (
                <li key={entry.person.id} className="early__entry" data-testid="early-entry">
                  <h2>
                    <PersonLabel person={entry.person} />
                  </h2>
                  {entry.signals.map((signal) => (
                    <section key={signal.kind} aria-label={signal.label}>
                      <h3>{signal.label}</h3>
                      <ul>
                        {signal.records.map((record) => (
                          <RecordLine key={`${record.type}:${record.id}`} record={record} />
                        ))}
                      </ul>
                    </section>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </main>
  );
}
