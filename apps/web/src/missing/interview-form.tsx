import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { localInputToInstant, nowForInput } from './labels.ts';
import { useMissingRefresh } from './use-missing-refresh.ts';

const disclosures = [
  ['sexualExploitation', 'Sexual exploitation'],
  ['criminalExploitation', 'Criminal exploitation'],
  ['adultsPosingRisk', 'Adults posing a risk'],
  ['offending', 'Offending'],
] as const;
type Disclosure = (typeof disclosures)[number][0];

const factorList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((factor) => factor.trim())
    .filter((factor) => factor.length > 0);

/** Completing a Return Home Interview: when, what the child disclosed, push and pull factors. */
export function InterviewForm({ episodeId, onDone }: { episodeId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const episode = useQuery(trpc.missing.getEpisode.queryOptions({ id: episodeId, reason: 'completing the interview' }));
  const [completedAt, setCompletedAt] = useState(nowForInput());
  const [disclosed, setDisclosed] = useState<Record<Disclosure, boolean>>({
    sexualExploitation: false,
    criminalExploitation: false,
    adultsPosingRisk: false,
    offending: false,
  });
  const [pushFactors, setPushFactors] = useState('');
  const [pullFactors, setPullFactors] = useState('');
  const [notes, setNotes] = useState('');
  const record = useMutation(
    trpc.missing.recordInterview.mutationOptions({
      onSuccess: () => {
        void refresh();
        onDone();
      },
    }),
  );
  if (episode.isPending) return <Loading>Loading the interview…</Loading>;
  if (episode.isError) return <ErrorState message={errorMessage(episode.error)} />;
  const interview = episode.data.interview;

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      episodeId,
      ...(interview ? { version: interview.version } : {}),
      completedAt: localInputToInstant(completedAt),
      disclosed,
      pushFactors: factorList(pushFactors),
      pullFactors: factorList(pullFactors),
      notes: notes.trim() === '' ? null : notes.trim(),
    });
  }

  return (
    <form className="missing-form missing-form--inline" onSubmit={submit} aria-label="Complete the interview">
      <label htmlFor={`${id}-completed`}>Completed at</label>
      <input
        id={`${id}-completed`}
        type="datetime-local"
        required
        value={completedAt}
        onChange={(e) => setCompletedAt(e.currentTarget.value)}
      />
      <fieldset>
        <legend>The child disclosed</legend>
        {disclosures.map(([key, label]) => (
          <label key={key} className="missing-form__check">
            <input
              type="checkbox"
              checked={disclosed[key]}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setDisclosed((current) => ({ ...current, [key]: checked }));
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-push`}>Push factors (comma-separated)</label>
      <input id={`${id}-push`} value={pushFactors} onChange={(e) => setPushFactors(e.currentTarget.value)} />
      <label htmlFor={`${id}-pull`}>Pull factors (comma-separated)</label>
      <input id={`${id}-pull`} value={pullFactors} onChange={(e) => setPullFactors(e.currentTarget.value)} />
      <label htmlFor={`${id}-notes`}>Notes</label>
      <textarea id={`${id}-notes`} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      {record.isError && <ErrorState message={errorMessage(record.error)} />}
      <button className="button button--primary" type="submit" disabled={record.isPending}>
        Complete interview
      </button>
    </form>
  );
}
