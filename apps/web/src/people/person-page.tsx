import type { CurrentUser, FullPerson, Person } from '@lantern/domain';
import { hasPersonLevelAccess } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorCode, errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { PersonTimeline } from './person-timeline.tsx';
import { PossibleDuplicates } from './possible-duplicates.tsx';

const riskLabels = { none: 'None', low: 'Low', medium: 'Medium', high: 'High' } as const;

/**
 * One person: who they are as the caller may see them, their risk flags, and a timeline of their
 * missing episodes, links and intelligence. Opening it is audited by the API (people.get).
 */
export function PersonPage({ user, params }: PageProps) {
  const trpc = useTRPC();
  const id = params.id ?? '';
  const person = useQuery(trpc.people.get.queryOptions({ id }));
  return (
    <main className="page" id="main" tabIndex={-1}>
      {person.isPending && <Loading>Loading the record…</Loading>}
      {person.isError && <PersonUnavailable error={person.error} onRetry={() => void person.refetch()} />}
      {person.data && <PersonRecord person={person.data} user={user} />}
    </main>
  );
}

function PersonRecord({ person, user }: { person: Person; user: CurrentUser }) {
  const title = person.view === 'full' ? `${person.givenName} ${person.familyName}` : pseudonymTitle(person);
  return (
    <>
      <title>{`${person.view === 'full' ? 'Person' : title} – Lantern`}</title>
      <h1>{title}</h1>
      <p className="page__lead">
        {person.kind === 'child' ? 'Child' : 'Associate'} · {person.pseudonymRef}
      </p>
      {person.view === 'full' ? (
        <FullDetails person={person} />
      ) : (
        <p className="notice" data-testid="pseudonymised-notice">
          You see this child pseudonymised: initials, reference and age band only ({person.ageBand}). Names, dates of
          birth and flags are for roles with person-level access.
        </p>
      )}
      {person.view === 'full' && userMay(user, 'people.update') && (
        <p className="edit-links">
          <Link className="button button--quiet" href={`/people/${person.id}/edit`}>
            Edit
          </Link>
        </p>
      )}
      {person.kind === 'child' && userMay(user, 'exploitation.childHistory') && (
        <p>
          <Link href={`/people/${person.id}/exploitation`}>Exploitation risk: assessments, meetings and panels</Link>
        </p>
      )}
      {userMay(user, 'network.ego') && (
        <p>
          <Link href={`/network?ego=${person.id}`}>
            Network around {person.view === 'full' ? 'them' : 'this child'}
          </Link>
        </p>
      )}
      {person.view === 'full' && userMay(user, 'people.duplicates') && (
        <PossibleDuplicates person={person} mayMerge={userMay(user, 'people.merge')} />
      )}
      <PersonTimeline personId={person.id} withEpisodes={hasPersonLevelAccess(user.roles)} />
    </>
  );
}

function pseudonymTitle(person: Extract<Person, { view: 'pseudonymised' }>): string {
  return `${person.initials || '—'} (${person.pseudonymRef})`;
}

function FullDetails({ person }: { person: FullPerson }) {
  return (
    <>
      <dl className="facts facts--wide">
        <div>
          <dt>Date of birth</dt>
          <dd>{person.dateOfBirth ? formatDate(person.dateOfBirth) : 'not recorded'}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{person.sex}</dd>
        </div>
        {person.kind === 'child' && (
          <div>
            <dt>Care status</dt>
            <dd>{person.careStatus?.replace(/_/g, ' ') ?? 'not recorded'}</dd>
          </div>
        )}
        {person.aliases.length > 0 && (
          <div>
            <dt>Also known as</dt>
            <dd>{person.aliases.join(', ')}</dd>
          </div>
        )}
      </dl>
      <h2>Risk flags</h2>
      <ul className="risk-flags" aria-label="Risk flags">
        <li className={`risk-flag risk-flag--${person.cseRisk}`}>
          Sexual exploitation (CSE): {riskLabels[person.cseRisk]}
          {person.cseFlaggedAt ? `, flagged ${formatDate(person.cseFlaggedAt)}` : ''}
        </li>
        <li className={`risk-flag risk-flag--${person.cceRisk}`}>
          Criminal exploitation (CCE): {riskLabels[person.cceRisk]}
          {person.cceFlaggedAt ? `, flagged ${formatDate(person.cceFlaggedAt)}` : ''}
        </li>
      </ul>
    </>
  );
}

/**
 * Why a person's page cannot be shown, in plain words and with a way on. A record outside the
 * reader's districts (or none at all) is not an error to retry (regression, issue 18: the page
 * showed the raw id and "Try again").
 */
function PersonUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const code = errorCode(error);
  const explanation =
    code === 'NOT_FOUND'
      ? 'This record is not in your districts, or there is no such record. Your role and districts decide which records you can open.'
      : code === 'FORBIDDEN'
        ? 'Your role cannot open person records.'
        : code === 'BAD_REQUEST'
          ? 'This address does not point to a record: check the link you followed.'
          : null;
  if (explanation === null) {
    return (
      <>
        <h1>Person</h1>
        <ErrorState message={errorMessage(error)} onRetry={onRetry} />
      </>
    );
  }
  return (
    <>
      <h1>Record not available</h1>
      <p>{explanation}</p>
      <p>
        <Link href="/search">Search for a person</Link> or go back to <Link href="/">the map</Link>.
      </p>
    </>
  );
}
