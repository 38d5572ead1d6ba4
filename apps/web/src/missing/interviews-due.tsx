import type { DueInterview, RhiService } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { InterviewForm } from './interview-form.tsx';
import { rhiServiceLabels } from './labels.ts';

/** Return Home Interviews due in the next 24 hours and overdue, by the service responsible. */
export function InterviewsDue({
  district = null,
  service = null,
}: {
  district?: string | null;
  service?: RhiService | null;
}) {
  const trpc = useTRPC();
  const due = useQuery(trpc.missing.interviewsDue.queryOptions({}));
  if (due.isPending) return <Loading>Loading interviews due…</Loading>;
  if (due.isError) return <ErrorState message={errorMessage(due.error)} onRetry={() => void due.refetch()} />;
  const services = filterInterviews(due.data.services, district, service).filter(
    (entry) => entry.dueSoon.length + entry.overdue.length > 0,
  );
  if (services.length === 0)
    return (
      <Empty>No interview is due in the next 24 hours or overdue{district || service ? ' for this choice' : ''}.</Empty>
    );
  return (
    <div className="missing-due">
      {services.map((entry) => (
        <section key={entry.service} aria-label={rhiServiceLabels[entry.service]}>
          <h3>
            {rhiServiceLabels[entry.service]} ({entry.overdue.length + entry.dueSoon.length})
          </h3>
          <DueList title="Overdue" items={entry.overdue} />
          <DueList title="Due in the next 24 hours" items={entry.dueSoon} />
        </section>
      ))}
    </div>
  );
}

type ServiceDue = { service: RhiService; dueSoon: DueInterview[]; overdue: DueInterview[] };

/** The interviews of one service and of children of one district (null: all). */
export function filterInterviews(
  services: readonly ServiceDue[],
  district: string | null,
  service: RhiService | null,
): ServiceDue[] {
  const inDistrict = (item: DueInterview) => district === null || item.child.homeDistrictCode === district;
  return services
    .filter((entry) => service === null || entry.service === service)
    .map((entry) => ({
      ...entry,
      dueSoon: entry.dueSoon.filter(inDistrict),
      overdue: entry.overdue.filter(inDistrict),
    }));
}

function DueList({ title, items }: { title: string; items: DueInterview[] }) {
  const [completing, setCompleting] = useState<string | null>(null);
  if (items.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({items.length})
      </h4>
      <ul className="result-list" aria-label={title}>
        {items.map((item) => (
          <li key={item.episodeId} className={`missing-due__item missing-due__item--${item.state}`}>
            <div>
              <PersonLabel person={item.child} />
              <span className="result-list__meta">
                {' '}
                {item.episodeRef} · returned {formatDateTime(item.returnedAt)} · due {formatDateTime(item.dueAt)}
              </span>
            </div>
            {completing === item.episodeId ? (
              <InterviewForm episodeId={item.episodeId} onDone={() => setCompleting(null)} />
            ) : (
              <button className="button" type="button" onClick={() => setCompleting(item.episodeId)}>
                Complete interview for {item.episodeRef}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
