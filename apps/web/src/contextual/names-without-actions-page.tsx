import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

/**
 * "Names without actions": people and places linked to children at high risk with no disruption
 * action, contextual assessment or review date. A list of names with no actions is a warning
 * sign: each should lead to an action or a review date.
 */
export function NamesWithoutActionsPage(_props: PageProps) {
  const trpc = useTRPC();
  const list = useQuery(trpc.contextual.namesWithoutActions.queryOptions({}));
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Names without actions</h1>
      <p className="page__lead">
        People and places linked to children at high risk that have no disruption action, no contextual assessment and
        no review date.
      </p>
      {list.isPending ? (
        <Loading>Checking the links…</Loading>
      ) : list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.entries.length === 0 ? (
        <Empty>
          Every person and place linked to a child at high risk has an action, an assessment or a review date.
        </Empty>
      ) : (
        <ul className="names__list">
          {list.data.entries.map((entry) => {
            const key = entry.subject.type === 'person' ? entry.subject.person.id : entry.subject.place.id;
            return (
              <li key={key} data-testid="name-without-action">
                {entry.subject.type === 'person' ? (
                  <PersonLabel person={entry.subject.person} />
                ) : (
                  <>
                    <Link href={`/?place=${entry.subject.place.id}`}>{entry.subject.place.name}</Link>{' '}
                    <Link href={`/contextual/location/new?placeId=${entry.subject.place.id}`}>Assess this place</Link>
                  </>
                )}
                <p>
                  Linked to {entry.linkedChildren.length === 1 ? 'a child' : `${entry.linkedChildren.length} children`}{' '}
                  at high risk:{' '}
                  {entry.linkedChildren.map((child, index) => (
                    <span key={child.id}>
                      {index > 0 && ', '}
                      <PersonLabel person={child} />
                    </span>
                  ))}
                  {entry.links[0] && ` · last seen together ${formatDate(entry.links[0].lastSeen)}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
