import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { policeRiskLabels } from './labels.ts';
import { RecordReturnForm } from './record-return-form.tsx';

/** The open episodes the page lists (and counts in its tab). */
export const openEpisodesInput = { openOnly: true, limit: 200 } as const;

/** Children still missing, newest report first, each with a way to record the return. */
export function OpenEpisodes({ district = null }: { district?: string | null }) {
  const trpc = useTRPC();
  const episodes = useQuery(trpc.missing.listEpisodes.queryOptions(openEpisodesInput));
  const [returning, setReturning] = useState<string | null>(null);
  if (episodes.isPending) return <Loading>Loading children still missing…</Loading>;
  if (episodes.isError)
    return <ErrorState message={errorMessage(episodes.error)} onRetry={() => void episodes.refetch()} />;
  const shown = episodes.data.episodes.filter(
    (episode) => district === null || episode.child.homeDistrictCode === district,
  );
  if (shown.length === 0)
    return <Empty>No child {district ? 'of this district' : 'in your districts'} is missing now.</Empty>;
  return (
    <ul className="result-list" aria-label="Children still missing">
      {shown.map((episode) => (
        <li key={episode.id} className="missing-episode">
          <div>
            <PersonLabel person={episode.child} />
            <span className="result-list__meta">
              {' '}
              {episode.episodeRef} · reported {formatDateTime(episode.reportedAt)} · risk{' '}
              {policeRiskLabels[episode.policeRisk].toLowerCase()}
            </span>
            {episode.careStatus !== 'home' && (
              <Link className="missing-episode__link" href={`/missing/philomena/${episode.child.id}`}>
                Philomena profile
              </Link>
            )}
          </div>
          {returning === episode.id ? (
            <RecordReturnForm episode={episode} onDone={() => setReturning(null)} />
          ) : (
            <button className="button" type="button" onClick={() => setReturning(episode.id)}>
              Record return of {episode.episodeRef}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
