import type { MamTrigger } from '@lantern/domain';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../ui/status.tsx';
import { localInputToInstant, nowForInput } from './labels.ts';
import { useMissingRefresh } from './use-missing-refresh.ts';

/** Recording a multi-agency meeting as held: when, who came, what was agreed. */
export function RecordMeetingForm({
  episodeId,
  trigger,
  onDone,
}: {
  episodeId: string;
  trigger: MamTrigger;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [heldAt, setHeldAt] = useState(nowForInput());
  const [attendees, setAttendees] = useState('');
  const [outcome, setOutcome] = useState('');
  const record = useMutation(
    trpc.missing.recordMeeting.mutationOptions({
      onSuccess: () => {
        void refresh();
        onDone();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      episodeId,
      trigger,
      heldAt: localInputToInstant(heldAt),
      attendees: attendees
        .split(',')
        .map((attendee) => attendee.trim())
        .filter((attendee) => attendee.length > 0),
      outcome,
    });
  }

  return (
    <form className="missing-form missing-form--inline" onSubmit={submit} aria-label="Record the meeting">
      <label htmlFor={`${id}-held`}>Held at</label>
      <input
        id={`${id}-held`}
        type="datetime-local"
        required
        value={heldAt}
        onChange={(e) => setHeldAt(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-attendees`}>Attendees (comma-separated agencies or people)</label>
      <input id={`${id}-attendees`} required value={attendees} onChange={(e) => setAttendees(e.currentTarget.value)} />
      <label htmlFor={`${id}-outcome`}>Outcome</label>
      <textarea id={`${id}-outcome`} required value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
      {record.isError && <ErrorState message={errorMessage(record.error)} />}
      <button className="button button--primary" type="submit" disabled={record.isPending}>
        Record meeting
      </button>
    </form>
  );
}
