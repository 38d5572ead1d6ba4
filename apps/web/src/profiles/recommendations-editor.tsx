import { type ProfileRecommendation, type RecommendationStrand, recommendationStrands } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../api/trpc.ts';

export const strandNames: Record<RecommendationStrand, string> = {
  pursue: 'Pursue',
  prevent: 'Prevent',
  protect: 'Protect',
  prepare: 'Prepare',
};

/** The recommendations as read: grouped under Pursue, Prevent, Protect and Prepare. */
export function RecommendationsList({ recommendations }: { recommendations: readonly ProfileRecommendation[] }) {
  if (recommendations.length === 0) return <p className="profile-section__empty">No recommendations written.</p>;
  return (
    <div className="profile-recommendations">
      {recommendationStrands.map((strand) => {
        const mine = recommendations.filter((recommendation) => recommendation.strand === strand);
        if (mine.length === 0) return null;
        return (
          <section key={strand} aria-label={strandNames[strand]}>
            <h4>{strandNames[strand]}</h4>
            <ol>
              {mine.map((recommendation, index) => (
                <li key={index}>
                  {recommendation.text}
                  {recommendation.owner && (
                    <span className="profile-recommendations__owner"> Owner: {recommendation.owner}.</span>
                  )}
                  {recommendation.disruptionActionId && (
                    <span className="profile-recommendations__owner"> Tied to a disruption action.</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

/**
 * The recommendations, editable: each a strand, its text, an owner and optionally the disruption
 * action it asks for or supports.
 */
export function RecommendationsEditor({
  recommendations,
  onChange,
  errors,
  mayListActions,
}: {
  recommendations: readonly ProfileRecommendation[];
  onChange(next: ProfileRecommendation[]): void;
  errors: Record<string, string>;
  mayListActions: boolean;
}) {
  const trpc = useTRPC();
  const actions = useQuery({ ...trpc.disruption.list.queryOptions({}), enabled: mayListActions });
  const change = (index: number, patch: Partial<ProfileRecommendation>) =>
    onChange(
      recommendations.map((recommendation, at) => (at === index ? { ...recommendation, ...patch } : recommendation)),
    );
  return (
    <div className="profile-recommendations-editor">
      {recommendations.map((recommendation, index) => (
        <RecommendationRow
          key={index}
          index={index}
          recommendation={recommendation}
          error={errors[`recommendations.${index}`]}
          actions={(actions.data?.actions ?? []).map((action) => ({
            id: action.id,
            label: `${action.tactic.name}: ${action.target.label} (${action.district.name})`,
          }))}
          onChange={(patch) => change(index, patch)}
          onRemove={() => onChange(recommendations.filter((_, at) => at !== index))}
        />
      ))}
      <button
        className="button"
        type="button"
        onClick={() =>
          onChange([...recommendations, { strand: 'pursue', text: '', owner: null, disruptionActionId: null }])
        }
      >
        Add a recommendation
      </button>
    </div>
  );
}

function RecommendationRow({
  index,
  recommendation,
  error,
  actions,
  onChange,
  onRemove,
}: {
  index: number;
  recommendation: ProfileRecommendation;
  error: string | undefined;
  actions: readonly { id: string; label: string }[];
  onChange(patch: Partial<ProfileRecommendation>): void;
  onRemove(): void;
}) {
  const id = useId();
  const number = index + 1;
  return (
    <fieldset className="profile-recommendation" aria-label={`Recommendation ${number}`}>
      <legend>Recommendation {number}</legend>
      <div className="profile-recommendation__grid">
        <label htmlFor={`${id}-strand`}>Strand</label>
        <select
          id={`${id}-strand`}
          value={recommendation.strand}
          onChange={(event) => onChange({ strand: event.target.value as RecommendationStrand })}
        >
          {recommendationStrands.map((strand) => (
            <option key={strand} value={strand}>
              {strandNames[strand]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`}>Recommendation</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={recommendation.text}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange({ text: event.target.value })}
        />
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input
          id={`${id}-owner`}
          value={recommendation.owner ?? ''}
          onChange={(event) => onChange({ owner: event.target.value === '' ? null : event.target.value })}
        />
        <label htmlFor={`${id}-action`}>Disruption action</label>
        <select
          id={`${id}-action`}
          value={recommendation.disruptionActionId ?? ''}
          onChange={(event) => onChange({ disruptionActionId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">None</option>
          {recommendation.disruptionActionId &&
            !actions.some((action) => action.id === recommendation.disruptionActionId) && (
              <option value={recommendation.disruptionActionId}>An action not listed here</option>
            )}
          {actions.map((action) => (
            <option key={action.id} value={action.id}>
              {action.label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="field-error">
          Recommendation {number}: {error}
        </p>
      )}
      <button className="button button--quiet" type="button" onClick={onRemove}>
        Remove recommendation {number}
      </button>
    </fieldset>
  );
}
