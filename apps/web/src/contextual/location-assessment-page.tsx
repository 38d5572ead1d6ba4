import { addDays, type LocationAssessment, londonDate } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
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
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const placeId = new URLSearchParams(useSearch()).get('placeId') ?? assessment?.place.id ?? '';
  const place = useQuery({ ...trpc.places.get.queryOptions({ id: placeId }), enabled: !!placeId && !assessment });
  const [draft, setDraft] = useState<Draft>({
    timesOfConcern: initial.timesOfConcern,
    guardianship: initial.guardianship,
    unsafeFactors: initial.unsafeFactors,
    plan: initial.plan,
    owner: initial.owner,
    reviewOn: initial.reviewOn,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  async function save(reviewed: boolean) {
    setProblem(null);
    try {
      const saved = assessment
        ? await client.contextual.updateLocationAssessment.mutate({
            id: assessment.id,
            version: assessment.version,
            ...draft,
            reviewed,
          })
        : await client.contextual.createLocationAssessment.mutate({ placeId, ...draft });
      await queryClient.invalidateQueries({ queryKey: trpc.contextual.pathKey() });
      navigate(`/contextual/location/${saved.id}`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  const placeName = assessment?.place.name ?? place.data?.name ?? 'a place of concern';
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Location assessment: {placeName}</h1>
      {placeId && (
        <p>
          <Link href={`/?place=${placeId}`}>Show the place on the map</Link>
        </p>
      )}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <TextField label="Times of concern" value={draft.timesOfConcern} onChange={set('timesOfConcern')} />
        <TextField
          label="Guardianship (who is there to keep children safe)"
          value={draft.guardianship}
          onChange={set('guardianship')}
        />
        <TextField label="What makes it unsafe" value={draft.unsafeFactors} onChange={set('unsafeFactors')} />
        <TextField label="Plan" value={draft.plan} onChange={set('plan')} />
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
