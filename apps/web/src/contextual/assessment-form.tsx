import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useLocation } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { TextField } from './text-field.tsx';

/** The fields every assessment ends with: who owns it and when it is next reviewed. */
export interface OwnedDraft {
  owner: string;
  reviewOn: string;
}

/**
 * An assessment's draft and its saving: `save(reviewed)` sends it, refreshes the contextual
 * queries and opens the saved assessment at `${path}/<id>`; a refusal becomes `problem`.
 */
export function useAssessmentDraft<Draft extends OwnedDraft>(
  initial: Draft,
  path: string,
  send: (draft: Draft, reviewed: boolean) => Promise<{ id: string }>,
) {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  async function save(reviewed: boolean) {
    setProblem(null);
    try {
      const saved = await send(draft, reviewed);
      await queryClient.invalidateQueries({ queryKey: trpc.contextual.pathKey() });
      navigate(`${path}/${saved.id}`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }
  return { draft, set, problem, save };
}

/**
 * The form round an assessment's own fields: owner and review date after them, the refusal in
 * words, and "Record as reviewed today" once the assessment exists.
 */
export function AssessmentForm<Draft extends OwnedDraft>({
  existing,
  state: { draft, set, problem, save },
  children,
}: {
  existing: boolean;
  state: ReturnType<typeof useAssessmentDraft<Draft>>;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      {children}
      <TextField label="Owner" type="text" value={draft.owner} onChange={set('owner')} />
      <TextField label="Review date" type="date" value={draft.reviewOn} onChange={set('reviewOn')} />
      {problem && (
        <p role="alert" className="form__error">
          {problem}
        </p>
      )}
      <div className="form__actions">
        <button className="button" type="submit">
          {existing ? 'Save changes' : 'Record the assessment'}
        </button>
        {existing && (
          <button className="button button--quiet" type="button" onClick={() => void save(true)}>
            Record as reviewed today
          </button>
        )}
      </div>
    </form>
  );
}
