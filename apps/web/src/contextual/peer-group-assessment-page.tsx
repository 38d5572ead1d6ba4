import { addDays, londonDate, type PeerGroupAssessment } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { AssessmentForm, useAssessmentDraft } from './assessment-form.tsx';
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
  const search = new URLSearchParams(useSearch());
  const memberIds = assessment
    ? assessment.members.map((member) => member.id)
    : (search.get('members') ?? '').split(',').filter(Boolean);
  const sharedPlaceIds = assessment
    ? assessment.sharedPlaces.map((place) => place.id)
    : (search.get('places') ?? '').split(',').filter(Boolean);
  const districtCode = assessment?.districtCode ?? search.get('district') ?? '';
  const state = useAssessmentDraft<Draft>(
    {
      name: assessment?.name ?? '',
      dynamics: assessment?.dynamics ?? '',
      safetyPlan: assessment?.safetyPlan ?? '',
      owner: assessment?.owner ?? '',
      reviewOn: assessment?.reviewOn ?? addDays(londonDate(), 90),
    },
    '/contextual/peer-group',
    (draft, reviewed) =>
      assessment
        ? client.contextual.updatePeerGroupAssessment.mutate({
            id: assessment.id,
            version: assessment.version,
            memberIds,
            sharedPlaceIds,
            ...draft,
            reviewed,
          })
        : client.contextual.createPeerGroupAssessment.mutate({
            districtCode,
            memberIds,
            sharedPlaceIds,
            ...draft,
          }),
  );
  const { draft, set } = state;

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
      <AssessmentForm existing={!!assessment} state={state}>
        <TextField label="Name of the group" type="text" value={draft.name} onChange={set('name')} />
        <TextField label="Dynamics" value={draft.dynamics} onChange={set('dynamics')} />
        <TextField label="Safety plan" value={draft.safetyPlan} onChange={set('safetyPlan')} />
      </AssessmentForm>
      {assessment && <AssessmentHistory history={assessment.history} />}
    </main>
  );
}
