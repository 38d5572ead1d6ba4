import type { CurrentUser } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../ui/status.tsx';

/**
 * Record a disruption action on a place of concern: the tactic (those that apply to places or
 * premises), whether it is only proposed or already agreed or in force, notes and why. The holding
 * agency is the user's own; the API refuses a tactic the user's agency does not hold.
 */
export function RecordActionForm({ user, onRecorded }: { user: CurrentUser; onRecorded(id: string): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const places = useQuery(trpc.places.list.queryOptions({ limit: 200 }));
  const tactics = useQuery(trpc.tactics.list.queryOptions({}));
  const [placeId, setPlaceId] = useState('');
  const [tacticId, setTacticId] = useState('');
  const [startAs, setStartAs] = useState<'proposed' | 'agreed' | 'in_force'>('proposed');
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const record = useMutation(
    trpc.disruption.create.mutationOptions({
      onSuccess: async (action) => {
        await queryClient.invalidateQueries({ queryKey: trpc.disruption.pathKey() });
        setNotes('');
        setReason('');
        onRecorded(action.id);
      },
    }),
  );
  const placeTactics = (tactics.data?.tactics ?? []).filter((tactic) =>
    tactic.targetTypes.some((type) => type === 'place' || type === 'premises'),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const tactic = placeTactics.find((candidate) => candidate.id === tacticId);
    record.mutate({
      tacticId,
      target: { type: tactic?.targetTypes.includes('premises') ? 'premises' : 'place', id: placeId },
      startAs,
      ...(notes.trim() ? { notes } : {}),
      ...(reason.trim() ? { reason } : {}),
    });
  }
  return (
    <form className="record-form" onSubmit={submit} aria-label="Record a disruption action">
      <h2>Record an action on a place</h2>
      <p className="page__lead">
        The holding agency is yours ({user.agency}). Only tactics whose power your agency holds are accepted.
      </p>
      <label>
        Place
        <select required value={placeId} onChange={(event) => setPlaceId(event.target.value)}>
          <option value="">Choose a place of concern…</option>
          {(places.data?.places ?? []).map((place) => (
            <option key={place.id} value={place.id}>
              {place.name} ({place.district?.name ?? 'no district'})
            </option>
          ))}
        </select>
      </label>
      <label>
        Tactic
        <select required value={tacticId} onChange={(event) => setTacticId(event.target.value)}>
          <option value="">Choose a tactic…</option>
          {placeTactics.map((tactic) => (
            <option key={tactic.id} value={tactic.id}>
              {tactic.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Stage</legend>
        {(
          [
            ['proposed', 'Proposed (for the NSD meeting to agree)'],
            ['agreed', 'Agreed'],
            ['in_force', 'In force from today'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="record-form__choice">
            <input
              type="radio"
              name="startAs"
              value={value}
              checked={startAs === value}
              onChange={() => setStartAs(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label>
        Notes
        <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
      </label>
      <label>
        Why (kept in the history)
        <input value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button className="button" type="submit" disabled={record.isPending}>
        Record the action
      </button>
      {record.isError && <ErrorState message={errorMessage(record.error)} />}
    </form>
  );
}
