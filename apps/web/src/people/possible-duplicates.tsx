import type { DuplicateCandidate, FullPerson, PersonDuplicatesResult } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { PersonLabel } from './person-label.tsx';

/**
 * "Possible duplicates" on a person's page: candidates with their score and reasons, and for
 * analysts a merge (with a reason and a confirmation) and, on a merged-away record, "Undo merge".
 * The API scores, scopes and audits; this only shows what it returns.
 */
export function PossibleDuplicates({ person, mayMerge }: { person: FullPerson; mayMerge: boolean }) {
  const trpc = useTRPC();
  const duplicates = useQuery(trpc.people.duplicates.queryOptions({ id: person.id }));
  return (
    <section aria-labelledby="possible-duplicates">
      <h2 id="possible-duplicates">Possible duplicates</h2>
      {duplicates.isPending && <Loading>Looking for possible duplicates…</Loading>}
      {duplicates.isError && (
        <ErrorState message={errorMessage(duplicates.error)} onRetry={() => void duplicates.refetch()} />
      )}
      {duplicates.data && <DuplicatesBody person={person} result={duplicates.data} mayMerge={mayMerge} />}
    </section>
  );
}

function DuplicatesBody({
  person,
  result,
  mayMerge,
}: {
  person: FullPerson;
  result: PersonDuplicatesResult;
  mayMerge: boolean;
}) {
  if (result.mergedInto) {
    return (
      <div className="notice" data-testid="merged-into">
        <p>
          This record was merged into{' '}
          {result.mergedInto.survivor ? (
            <PersonLabel person={result.mergedInto.survivor} />
          ) : (
            'a record outside your districts'
          )}{' '}
          on {formatDate(result.mergedInto.mergedAt.slice(0, 10))}
          {result.mergedInto.mergedBy ? ` by ${result.mergedInto.mergedBy}` : ''}: “{result.mergedInto.reason}”. Its
          episodes, links and records are shown on that record.
        </p>
        {mayMerge && <UndoMerge person={person} />}
      </div>
    );
  }
  return (
    <>
      {result.mergedFrom.length > 0 && (
        <ul className="result-list" aria-label="Records merged into this one">
          {result.mergedFrom.map((merge) => (
            <li key={merge.id}>
              Merged in: <PersonLabel person={merge.merged} />
              <span className="result-list__meta">“{merge.reason}”</span>
            </li>
          ))}
        </ul>
      )}
      {result.candidates.length === 0 ? (
        <Empty>No likely duplicate of this person in your districts.</Empty>
      ) : (
        <ul className="result-list" aria-label="Possible duplicates">
          {result.candidates.map((candidate) => (
            <CandidateItem key={candidate.person.id} survivor={person} candidate={candidate} mayMerge={mayMerge} />
          ))}
        </ul>
      )}
    </>
  );
}

function CandidateItem({
  survivor,
  candidate,
  mayMerge,
}: {
  survivor: FullPerson;
  candidate: DuplicateCandidate;
  mayMerge: boolean;
}) {
  const [merging, setMerging] = useState(false);
  const other = candidate.person;
  return (
    <li data-testid="duplicate-candidate">
      <PersonLabel person={other} />
      {other.view === 'full' && (
        <span className="result-list__meta">
          born {other.dateOfBirth ? formatDate(other.dateOfBirth) : 'not recorded'}
        </span>
      )}
      <span className="result-list__meta">score {Math.round(candidate.score * 100)}%</span>
      <ul className="reasons" aria-label="Why">
        {candidate.reasons.map((reason) => (
          <li key={`${reason.kind}-${reason.detail}`}>{reason.detail}</li>
        ))}
      </ul>
      {mayMerge && other.view === 'full' && !merging && (
        <button className="button button--quiet" type="button" onClick={() => setMerging(true)}>
          Merge into this record…
        </button>
      )}
      {merging && other.view === 'full' && (
        <MergeForm survivor={survivor} merged={other} onCancel={() => setMerging(false)} />
      )}
    </li>
  );
}

function MergeForm({ survivor, merged, onCancel }: { survivor: FullPerson; merged: FullPerson; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const merge = useMutation(
    trpc.people.merge.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      reason,
    });
  }
  const mergedName = `${merged.givenName} ${merged.familyName}`;
  return (
    <form className="missing-form" onSubmit={submit} aria-label={`Merge ${mergedName}`}>
      <p>
        {mergedName} ({merged.pseudonymRef}) will be merged into {survivor.givenName} {survivor.familyName} (
        {survivor.pseudonymRef}): every episode, link, meeting and report moves to this record, and{' '}
        {merged.pseudonymRef} is hidden from searches. It can be undone.
      </p>
      <label htmlFor={`${id}-reason`}>Why these are one person (recorded in the audit trail)</label>
      <textarea
        id={`${id}-reason`}
        required
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <label className="missing-form__check">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} />I
        have checked that these records are the same person
      </label>
      {merge.isError && <ErrorState message={errorMessage(merge.error)} />}
      <p>
        <button
          className="button button--primary"
          type="submit"
          disabled={!confirmed || reason.trim() === '' || merge.isPending}
        >
          Merge
        </button>{' '}
        <button className="button" type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}

function UndoMerge({ person }: { person: FullPerson }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const unmerge = useMutation(
    trpc.people.unmerge.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    unmerge.mutate({ mergedId: person.id, version: person.version, reason });
  }
  return (
    <form className="missing-form" onSubmit={submit} aria-label="Undo merge">
      <label htmlFor={`${id}-reason`}>Why the merge was wrong (recorded in the audit trail)</label>
      <textarea
        id={`${id}-reason`}
        required
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      {unmerge.isError && <ErrorState message={errorMessage(unmerge.error)} />}
      <button className="button button--primary" type="submit" disabled={reason.trim() === '' || unmerge.isPending}>
        Undo merge
      </button>
    </form>
  );
}
