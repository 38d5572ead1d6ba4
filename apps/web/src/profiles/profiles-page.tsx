import './profiles.css';
import { districts, londonDate } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { scopeNames, statusNames } from './profile-format.ts';

/** "Mansfield, Ashfield", or "Every district" when a profile covers them all. */
export function districtNames(codes: readonly string[]): string {
  if (codes.length === 0) return 'Every district';
  return codes.map((code) => districts.find((district) => district.code === code)?.name ?? code).join(', ');
}

/**
 * The problem profiles the reader may see: analysts see every profile of their districts at any
 * stage; partners see the approved ones of their districts (the API decides which).
 */
export function ProfilesPage({ user }: PageProps) {
  const trpc = useTRPC();
  const list = useQuery(trpc.profiles.list.queryOptions({}));
  return (
    <main className="page profiles" id="main" tabIndex={-1}>
      <div className="profiles__heading">
        <h1>Problem profiles</h1>
        {userMay(user, 'profiles.create') && (
          <Link className="button button--primary" href="/profiles/new">
            New profile
          </Link>
        )}
      </div>
      <p className="page__lead">
        Built from Lantern’s live records for a problem, an area and a period, with the analyst’s assessment.
      </p>
      {list.isPending ? (
        <Loading>Loading the profiles…</Loading>
      ) : list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.profiles.length === 0 ? (
        <Empty>No problem profiles yet.</Empty>
      ) : (
        <table className="data-table profiles__list">
          <caption className="visually-hidden">Problem profiles</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Scope</th>
              <th scope="col">Area</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col">Author</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.data.profiles.map((profile) => (
              <tr key={profile.id}>
                <td>
                  <Link href={`/profiles/${profile.id}`}>{profile.title}</Link>
                </td>
                <td>{scopeNames[profile.scope]}</td>
                <td>{districtNames(profile.districtCodes)}</td>
                <td>
                  {formatDate(profile.from)} to {formatDate(profile.to)}
                </td>
                <td>
                  <span className={`profile-status profile-status--${profile.status}`}>
                    {statusNames[profile.status]}
                  </span>
                </td>
                <td>{profile.version}</td>
                <td>{profile.authorName}</td>
                <td>{formatDate(londonDate(profile.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
