import type { DisruptionOutcome, DisruptionStatus } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { moveLabels, outcomeLabels, statusLabel } from './labels.ts';

/** One action: its dates, history, effect, and a form to move it to an allowed status. */
export function ActionDetail({ id, mayAct }: { id: string; mayAct: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const action = useQuery(trpc.disruption.get.queryOptions({ id }));
  const [to, setTo] = useState<DisruptionStatus | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<DisruptionOutcome | ''>('');
  const [reviewOn, setReviewOn] = useState('');
  const move = useMutation(
    trpc.disruption.transition.mutationOptions({
      onSuccess: async () => {
        setTo('');
        setReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.disruption.pathKey() });
      },
    }),
  );
  if (action.isPending) return <Loading>Loading the action…</Loading>;
  if (action.isError) return <ErrorState message={errorMessage(action.error)} onRetry={() => void action.refetch()} />;
  const detail = action.data;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    move.mutate({
      id,
      version: detail.version,
      to,
      reason,
      ...(outcome ? { outcome } : {}),
      ...(reviewOn ? { reviewOn } : {}),
    });
  }
  return (
    <section className="side-panel action-detail" aria-label="Disruption action">
      <h2>
        {detail.tactic.name}: {detail.target.label}
      </h2>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{statusLabel(detail.status)}</dd>
        </div>
        <div>
          <dt>Held by</dt>
          <dd>{detail.holderAgency.name}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{detail.owner.displayName}</dd>
        </div>
        <div>
          <dt>In force from</dt>
          <dd>{detail.inForceFrom ?? '—'}</dd>
        </div>
        <div>
          <dt>Review</dt>
          <dd>{detail.reviewOn ?? '—'}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{detail.expiresOn ?? '—'}</dd>
        </div>
        {detail.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>{outcomeLabels[detail.outcome]}</dd>
          </div>
        )}
      </dl>
      <h3>History</h3>
      <ol className="history">
        {detail.history.map((change) => (
          <li key={`${change.changedAt}-${change.to}`}>
            {statusLabel(change.to)} — {change.reason} ({change.changedBy ?? 'unknown'}, {change.changedAt.slice(0, 10)}
            )
          </li>
        ))}
      </ol>
      {mayAct && detail.next.length > 0 && (
        <form className="record-form" onSubmit={submit} aria-label="Move the action">
          <label>
            Move to
            <select value={to} onChange={(event) => setTo(event.target.value as DisruptionStatus)} required>
              <option value="">Choose…</option>
              {detail.next.map((status) => (
                <option key={status} value={status}>
                  {moveLabels[status]}
                </option>
              ))}
            </select>
          </label>
          {(to === 'ended' || to === 'refused') && (
            <label>
              Outcome
              <select value={outcome} onChange={(event) => setOutcome(event.target.value as DisruptionOutcome)}>
                <option value="">None</option>
                {Object.entries(outcomeLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {to === 'reviewed' && (
            <label>
              Next review
              <input type="date" value={reviewOn} onChange={(event) => setReviewOn(event.target.value)} required />
            </label>
          )}
          <label>
            Why
            <input value={reason} onChange={(event) => setReason(event.target.value)} required />
          </label>
          <button className="button" type="submit" disabled={move.isPending}>
            Save the change
          </button>
          {move.isError && <ErrorState message={errorMessage(move.error)} />}
        </form>
      )}
    </section>
  );
}
