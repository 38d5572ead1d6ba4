import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { ageOf, categoryLabels, statusLabels } from './labels.ts';
import './intelligence.css';

/** The analyst's queue: reports awaiting evaluation, oldest first, with counts by district. */
export function IntelligenceQueuePage(_props: PageProps) {
  const trpc = useTRPC();
  const [district, setDistrict] = useState<string | undefined>(undefined);
  const queue = useQuery(trpc.intelligence.queue.queryOptions(district ? { districtCode: district } : {}));
  return (
    <main className="intelligence-page">
      <h1>Intelligence awaiting evaluation</h1>
      {queue.isPending && <Loading>Loading the queue…</Loading>}
      {queue.isError && <ErrorState message={errorMessage(queue.error)} onRetry={() => void queue.refetch()} />}
      {queue.data && (
        <>
          <ul className="intelligence-districts" aria-label="By district">
            <li>
              <button className="button button--secondary" type="button" onClick={() => setDistrict(undefined)}>
                All ({queue.data.total})
              </button>
            </li>
            {queue.data.byDistrict.map((row) => (
              <li key={row.districtCode ?? 'none'}>
                <button
                  className="button button--secondary"
                  type="button"
                  disabled={row.districtCode === null}
                  aria-pressed={district === row.districtCode}
                  onClick={() => setDistrict(row.districtCode ?? undefined)}
                >
                  {row.districtName ?? 'No location'} ({row.count}, oldest {ageOf(row.oldest)})
                </button>
              </li>
            ))}
          </ul>
          {queue.data.items.length === 0 && <Empty>Nothing awaits evaluation.</Empty>}
          {queue.data.items.length > 0 && (
            <table className="intelligence-table" data-testid="intelligence-queue">
              <thead>
                <tr>
                  <th>Reference</th>
                  <th>About</th>
                  <th>District</th>
                  <th>From</th>
                  <th>Age</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link href={`/intelligence/${item.id}`}>{item.reference}</Link>
                    </td>
                    <td>{categoryLabels[item.category]}</td>
                    <td>{item.district?.name ?? 'No location'}</td>
                    <td>{item.agency}</td>
                    <td>{ageOf(item.submittedAt)}</td>
                    <td>
                      {statusLabels[item.status]}
                      {item.graded ? ' · graded' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}

/** The count beside "Intelligence queue" in the header. */
export function QueueCountBadge() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.intelligence.queueCount.queryOptions({}), refetchInterval: 60_000 });
  if (!count.data || count.data.open === 0) return null;
  return (
    <span className="nav-badge" data-testid="queue-count" title={`${count.data.open} awaiting evaluation`}>
      {count.data.open}
    </span>
  );
}
