import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { foundLocationLabels } from './labels.ts';

/** The Multiple Missing and Hotspots panel: who went missing most in a period, and where found. */
export function MultipleMissing({ from, to, district = null }: { from: string; to: string; district?: string | null }) {
  const trpc = useTRPC();
  const panel = useQuery(trpc.missing.multipleMissing.queryOptions({ from, to, limit: 20 }));
  if (panel.isPending) return <Loading>Loading the Multiple Missing list…</Loading>;
  if (panel.isError) return <ErrorState message={errorMessage(panel.error)} onRetry={() => void panel.refetch()} />;
  const children = panel.data.children.filter((row) => district === null || row.child.homeDistrictCode === district);
  if (children.length === 0)
    return <Empty>No child went missing more than once in this period{district ? ' in this district' : ''}.</Empty>;
  return (
    <ol className="result-list" aria-label="Children missing most">
      {children.map((row) => (
        <li key={row.child.id}>
          <PersonLabel person={row.child} />
          <span className="result-list__meta">
            {' '}
            {row.episodes} episodes
            {row.foundLocationTypes[0]
              ? ` · found most at: ${foundLocationLabels[row.foundLocationTypes[0].type].toLowerCase()}`
              : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
