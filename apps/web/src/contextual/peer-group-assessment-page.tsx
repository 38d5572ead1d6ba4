import { addDays, londonDate, type PeerGroupAssessment } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { AssessmentHistory, TextField } from './text-field.tsx';

interface Draft {
  name: string;
  dynamics: string;
  safetyPlan: string;
  owner: string;
  reviewOn: string;
}

/**
 * A peer-group assessment: `/contextual/peer-group/new?district=…&members=id,id[&places=id]`
 * (from the network view: select people, "Assess as peer group"), or `/contextual/peer-group/:id`
 * to see, change or review one. A peer map is for safety planning: names are not facts.
 */
export function PeerGroupAssessmentPage({ params }: PageProps) {
  const id = params.id;
  const trpc = useTRPC();
  const existing = useQuery({
    ...trpc.contextual.getPeerGroupAssessment.queryOptions({ id: id ?? '' }),
    enabled: !!id,
  });
  if (!id) return <PeerGroupForm />;
  if (existing.isPending) return <Loading>Loading the assessment…</Loading>;
  if (existing.isError)
    return <ErrorState message={errorMessage(existing.error)} onRetry={() => void existing.refetch()} />;
  return <PeerGroupForm key={existing.data.version} assessment={existing.data} />;
}

function PeerGroupForm({ assessment }: { assessment?: PeerGroupAssessment }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const memberIds = assessment
    ? assessment.members.map((member) => member.id)
    : (search.get('members') ?? '').split(',').filter(Boolean);
  const sharedPlaceIds = assessment
    ? assessment.sharedPlaces.map((place) => place.id)
    : (search.get('places') ?? '').split(',').filter(Boolean);
  const districtCode = assessment?.districtCode ?? search.get('district') ?? '';
  const [draft, setDraft] = useState<Draft>({
    name: assessment?.name ?? '',
    dynamics: assessment?.dynamics ?? '',
    safetyPlan: assessment?.safetyPlan ?? '',
    owner: assessment?.owner ?? '',
    reviewOn: assessment?.reviewOn ?? addDays(londonDate(), 90),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  async function save(reviewed: boolean) {
    setProblem(null);
    try {
      const saved = assessment
        ? await client.contextual.updatePeerGroupAssessment.mutate({
            id: assessment.id,
            version: assessment.version,
            memberIds,
            sharedPlaceIds,
            ...draft,
            reviewed,
          })
        : await client.contextual.createPeerGroupAssessment.mutate({
            districtCode,
            memberIds,
            sharedPlaceIds,
            ...draft,
          });
      await queryClient.invalidateQueries({ queryKey: trpc.contextual.pathKey() });
      navigate(`/contextual/peer-group/${saved.id}`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Peer-group assessment{assessment ? `: ${assessment.name}` : ''}</h1>
      <p className="page__lead">A peer map is for safety planning. Names are not facts.</p>
      <section aria-label="Members">
        <h2>Members ({memberIds.length})</h2>
        {assessment ? (
          <ul>
            {assessment.members.map((member) => (
              <li key={member.id}>
                <PersonLabel person={member} />
              </li>
            ))}
            {assessment.membersNotShown > 0 && <li>{assessment.membersNotShown} outside your districts</li>}
          </ul>
        ) : (
          <p>{memberIds.length} people selected in the network view.</p>
        )}
      </section>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <TextField label="Name of the group" type="text" value={draft.name} onChange={set('name')} />
        <TextField label="Dynamics" value={draft.dynamics} onChange={set('dynamics')} />
        <TextField label="Safety plan" value={draft.safetyPlan} onChange={set('safetyPlan')} />
        <TextField label="Owner" type="text" value={draft.owner} onChange={set('owner')} />
        <TextField label="Review date" type="date" value={draft.reviewOn} onChange={set('reviewOn')} />
        {problem && (
          <p role="alert" className="form__error">
            {problem}
          </p>
        )}
        <div className="form__actions">
          <button className="button" type="submit">
            {assessment ? 'Save changes' : 'Record the assessment'}
          </button>
          {assessment && (
            <button className="button button--quiet" type="button" onClick={() => void save(true)}>
              Record as reviewed today
            </button>
          )}
        </div>
      </form>
      {assessment && <AssessmentHistory history={assessment.history} />}
    </main>
  );
}
