import { addDays, type LocationAssessment, londonDate } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { AssessmentForm, useAssessmentDraft } from './assessment-form.tsx';
import { AssessmentHistory, TextField } from './text-field.tsx';

type Draft = Pick<
  LocationAssessment,
  'timesOfConcern' | 'guardianship' | 'unsafeFactors' | 'plan' | 'owner' | 'reviewOn'
>;

const emptyDraft = (): Draft => ({
  timesOfConcern: '',
  guardianship: '',
  unsafeFactors: '',
  plan: '',
  owner: '',
  reviewOn: addDays(londonDate(), 90),
});

/**
 * A Contextual Safeguarding location assessment: `/contextual/location/new?placeId=…` records
 * one for a place; `/contextual/location/:id` shows it, its history, and changes or reviews it
 * with the version read (a stale version is refused and says so).
 */
export function LocationAssessmentPage({ params }: PageProps) {
  const id = params.id;
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.contextual.getLocationAssessment.queryOptions({ id: id ?? '' }), enabled: !!id });
  if (!id) return <LocationForm initial={emptyDraft()} />;
  if (existing.isPending) return <Loading>Loading the assessment…</Loading>;
  if (existing.isError)
    return <ErrorState message={errorMessage(existing.error)} onRetry={() => void existing.refetch()} />;
  return <LocationForm key={existing.data.version} initial={existing.data} assessment={existing.data} />;
}

function LocationForm({ initial, assessment }: { initial: Draft; assessment?: LocationAssessment }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const placeId = new URLSearchParams(useSearch()).get('placeId') ?? assessment?.place.id ?? '';
  const place = useQuery({ ...trpc.places.get.queryOptions({ id: placeId }), enabled: !!placeId && !assessment });
  const state = useAssessmentDraft<Draft>(
    {
      timesOfConcern: initial.timesOfConcern,
      guardianship: initial.guardianship,
      unsafeFactors: initial.unsafeFactors,
      plan: initial.plan,
      owner: initial.owner,
      reviewOn: initial.reviewOn,
    },
    '/contextual/location',
    (draft, reviewed) =>
      assessment
        ? client.contextual.updateLocationAssessment.mutate({
            id: assessment.id,
            version: assessment.version,
            ...draft,
            reviewed,
          })
        : client.contextual.createLocationAssessment.mutate({ placeId, ...draft }),
  );
  const { draft, set } = state;

  const placeName = assessment?.place.name ?? place.data?.name ?? 'a place of concern';
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Location assessment: {placeName}</h1>
      {placeId && (
        <p>
          <Link href={`/?place=${placeId}`}>Show the place on the map</Link>
        </p>
      )}
      <AssessmentForm existing={!!assessment} state={state}>
        <TextField label="Times of concern" value={draft.timesOfConcern} onChange={set('timesOfConcern')} />
        <TextField
          label="Guardianship (who is there to keep children safe)"
          value={draft.guardianship}
          onChange={set('guardianship')}
        />
        <TextField label="What makes it unsafe" value={draft.unsafeFactors} onChange={set('unsafeFactors')} />
        <TextField label="Plan" value={draft.plan} onChange={set('plan')} />
      </AssessmentForm>
      {assessment && <AssessmentHistory history={assessment.history} />}
    </main>
  );
}
