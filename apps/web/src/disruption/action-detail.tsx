import type { DisruptionDetail, DisruptionOutcome, DisruptionStatus } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { type FieldErrors, fieldErrorsOf } from '../editing/form-errors.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { EffectSection } from './effect-section.tsx';
import { moveLabels, outcomeLabels, statusLabel, targetTypeLabels } from './labels.ts';
import { plainFieldMessage } from './record-action-form.tsx';

const day = (value: string | null) => (value ? formatDate(value) : '—');

/** The outcomes the API accepts for each closing move (an ending needs one; a refusal may go to court). */
function outcomesFor(to: DisruptionStatus, needsCourt: boolean): DisruptionOutcome[] {
  if (to === 'ended') return ['breached', 'complied', 'expired'];
  if (to === 'refused') return needsCourt ? ['refused_by_court'] : [];
  return [];
}

const moveFields = ['to', 'outcome', 'inForceFrom', 'reviewOn', 'expiresOn', 'reason', 'on'];

/** One action: its target, dates and notes, its history with each note, its effect, and a form to move it. */
export function ActionDetail({ id, mayAct }: { id: string; mayAct: boolean }) {
  const trpc = useTRPC();
  const action = useQuery(trpc.disruption.get.queryOptions({ id }));
  if (action.isPending) return <Loading>Loading the action…</Loading>;
  if (action.isError) return <ErrorState message={errorMessage(action.error)} onRetry={() => void action.refetch()} />;
  const detail = action.data;
  const place = detail.target.place;
  return (
    <section className="side-panel action-detail" aria-label="Disruption action">
      <h2>
        {detail.tactic.name}: {detail.target.label}
      </h2>
      <dl className="facts">
        <div>
          <dt>Target</dt>
          <dd>
            {targetTypeLabels[detail.target.type]}: {detail.target.label}
            {place && (
              <>
                {' '}
                (<Link href={`/?place=${place.id}`}>on the map</Link>)
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>District</dt>
          <dd>{detail.district.name}</dd>
        </div>
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
          <dt>Proposed</dt>
          <dd>{day(detail.proposedOn)}</dd>
        </div>
        <div>
          <dt>In force from</dt>
          <dd>{day(detail.inForceFrom)}</dd>
        </div>
        <div>
          <dt>Review</dt>
          <dd>{day(detail.reviewOn)}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{day(detail.expiresOn)}</dd>
        </div>
        {detail.endedOn && (
          <div>
            <dt>Ended</dt>
            <dd>{day(detail.endedOn)}</dd>
          </div>
        )}
        {detail.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>{outcomeLabels[detail.outcome]}</dd>
          </div>
        )}
      </dl>
      {detail.notes && (
        <>
          <h3>Notes</h3>
          <p className="action-detail__notes">{detail.notes}</p>
        </>
      )}
      <h3>History</h3>
      <ol className="history" aria-label="History of the action">
        {detail.history.map((change) => (
          <li key={`${change.changedAt}-${change.to}`}>
            <strong>{statusLabel(change.to)}</strong> {formatDateTime(change.changedAt)}
            {change.changedBy ? ` by ${change.changedBy}` : ''}: <q>{change.reason}</q>
          </li>
        ))}
      </ol>
      <EffectSection action={detail} />
      {mayAct && detail.next.length > 0 && <MoveForm detail={detail} />}
    </section>
  );
}

function MoveForm({ detail }: { detail: DisruptionDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<DisruptionStatus | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<DisruptionOutcome | ''>('');
  const [inForceFrom, setInForceFrom] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const move = useMutation(
    trpc.disruption.transition.mutationOptions({
      onSuccess: async () => {
        setTo('');
        setReason('');
        setOutcome('');
        setInForceFrom('');
        setReviewOn('');
        setExpiresOn('');
        setErrors({});
        setGeneral(null);
        await queryClient.invalidateQueries({ queryKey: trpc.disruption.pathKey() });
      },
      onError: (error) => {
        const parsed = fieldErrorsOf(errorMessage(error), moveFields);
        setErrors(parsed.byField);
        setGeneral(parsed.general);
      },
    }),
  );
  const outcomes = to ? outcomesFor(to, detail.tactic.needsCourt) : [];
  const datesShown = to === 'in_force' || to === 'reviewed';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    setErrors({});
    setGeneral(null);
    move.mutate({
      id: detail.id,
      version: detail.version,
      to,
      reason,
      ...(outcome && outcomes.includes(outcome) ? { outcome } : {}),
      ...(to === 'in_force' && inForceFrom ? { inForceFrom } : {}),
      ...(datesShown && reviewOn ? { reviewOn } : {}),
      ...(datesShown && expiresOn ? { expiresOn } : {}),
    });
  }
  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" role="alert">
        {plainFieldMessage(field, errors[field])}
      </p>
    ) : null;
  return (
    <form className="record-form" onSubmit={submit} aria-label="Move the action">
      <h3>Move the action on</h3>
      <label>
        Move to
        <select
          value={to}
          onChange={(event) => {
            setTo(event.target.value as DisruptionStatus);
            setOutcome('');
          }}
          required
        >
          <option value="">Choose…</option>
          {detail.next.map((status) => (
            <option key={status} value={status}>
              {moveLabels[status]}
            </option>
          ))}
        </select>
      </label>
      {error('to')}
      {outcomes.length > 0 && (
        <label>
          Outcome
          <select
            value={outcome}
            required={to === 'ended'}
            onChange={(event) => setOutcome(event.target.value as DisruptionOutcome)}
          >
            <option value="">{to === 'ended' ? 'Choose…' : 'Not by a court'}</option>
            {outcomes.map((value) => (
              <option key={value} value={value}>
                {outcomeLabels[value]}
              </option>
            ))}
          </select>
        </label>
      )}
      {error('outcome')}
      {to === 'in_force' && (
        <label>
          In force from (default: today)
          <input type="date" value={inForceFrom} onChange={(event) => setInForceFrom(event.target.value)} />
        </label>
      )}
      {error('inForceFrom')}
      {datesShown && (
        <label>
          {to === 'reviewed' ? 'Next review' : 'Review date (default: four weeks on)'}
          <input
            type="date"
            value={reviewOn}
            onChange={(event) => setReviewOn(event.target.value)}
            required={to === 'reviewed'}
          />
        </label>
      )}
      {error('reviewOn')}
      {datesShown && (
        <label>
          {to === 'reviewed' ? 'New expiry date (if it changes)' : 'Expiry date'}
          <input type="date" value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} />
        </label>
      )}
      {error('expiresOn')}
      <label>
        Note (why; kept in the history)
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} required />
      </label>
      {error('reason')}
      {error('on')}
      <button className="button" type="submit" disabled={move.isPending}>
        Save the change
      </button>
      {general && <ErrorState message={general} />}
    </form>
  );
}
