import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { LinkedRecordLabel } from '../places/place-panel.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { type TimelineEntry, timelineOf } from './timeline.ts';

/** Missing episodes (for roles with person-level access) and links, newest first, on one line of time. */
export function PersonTimeline({ personId, withEpisodes }: { personId: string; withEpisodes: boolean }) {
  const trpc = useTRPC();
  const links = useQuery(trpc.links.listForEntity.queryOptions({ type: 'person', id: personId }));
  const episodes = useQuery({
    ...trpc.missing.listEpisodes.queryOptions({ personId, limit: 200 }),
    enabled: withEpisodes,
  });
  const pending = links.isPending || (withEpisodes && episodes.isPending);
  const entries = timelineOf(links.data?.links ?? [], withEpisodes ? (episodes.data?.episodes ?? []) : []);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {pending && <Loading>Loading the timeline…</Loading>}
      {links.isError && <ErrorState message={errorMessage(links.error)} onRetry={() => void links.refetch()} />}
      {episodes.isError && (
        <ErrorState message={errorMessage(episodes.error)} onRetry={() => void episodes.refetch()} />
      )}
      {!pending && entries.length === 0 && <Empty>No episodes or links are recorded.</Empty>}
      {entries.length > 0 && (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.key} className={`timeline__entry timeline__entry--${entry.kind}`}>
              <time dateTime={entry.at}>
                {entry.kind === 'episode' ? formatDateTime(entry.at) : formatDate(entry.at)}
              </time>
              <TimelineText entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineText({ entry }: { entry: TimelineEntry }) {
  if (entry.kind === 'episode') {
    const { episode } = entry;
    return (
      <p>
        Reported missing ({episode.policeRisk.replace(/_/g, ' ')} risk)
        {episode.returnedAt ? `, returned ${formatDateTime(episode.returnedAt)}` : ', still missing'}
        {episode.foundLocationType ? `, found at ${episode.foundLocationType.replace(/_/g, ' ')}` : ''}.
      </p>
    );
  }
  const { link } = entry;
  return (
    <p>
      {link.linkType.replace(/_/g, ' ')}: <LinkedRecordLabel record={link.other} />{' '}
      <span className="timeline__meta">
        ({link.reliability}, last seen {formatDate(link.lastSeen)})
      </span>
    </p>
  );
}
