import { districts } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { PersonLabel } from './person-label.tsx';

/**
 * Possible duplicate people across the caller's districts, best first (people.duplicateList).
 * Each pair links to both records; merging is done from a person's page, where the records
 * can be compared in full.
 */
export function DuplicatesPage(_props: PageProps) {
  const trpc = useTRPC();
  const id = useId();
  const [districtCode, setDistrictCode] = useState('');
  const list = useQuery(
    trpc.people.duplicateList.queryOptions({ limit: 100, ...(districtCode ? { districtCode } : {}) }),
  );
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Possible duplicate people</h1>
      <p className="page__lead">
        Pairs of records that may be one person: names alike (spelling, nicknames, transliterations, aliases), dates of
        birth equal, with day and month swapped or a year apart, and shared places and associates. Nothing is merged
        automatically.
      </p>
      <form className="search-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-district`}>District</label>
        <div className="search-form__row">
          <select
            id={`${id}-district`}
            value={districtCode}
            onChange={(event) => setDistrictCode(event.currentTarget.value)}
          >
            <option value="">All your districts</option>
            {districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.isPending && <Loading>Comparing records…</Loading>}
      {list.isError && <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />}
      {list.data?.pairs.length === 0 && <Empty>No likely duplicates in your districts.</Empty>}
      {list.data && list.data.pairs.length > 0 && (
        <>
          <p>
            {list.data.total} pair{list.data.total === 1 ? '' : 's'} scoring {Math.round(list.data.threshold * 100)}% or
            more{list.data.total > list.data.pairs.length ? `; the best ${list.data.pairs.length} shown` : ''}.
          </p>
          <ul className="result-list" aria-label="Possible duplicate pairs">
            {list.data.pairs.map((pair) => (
              <li key={`${pair.left.id}-${pair.right.id}`} data-testid="duplicate-pair">
                <PersonLabel person={pair.left} /> and <PersonLabel person={pair.right} />
                <span className="result-list__meta">score {Math.round(pair.score * 100)}%</span>
                <span className="result-list__meta">{pair.reasons.map((reason) => reason.detail).join('; ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
