import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../ui/status.tsx';

/** What a minute is written against: an agenda item's key and title, and its minute so far. */
export interface MinuteItem {
  key: string;
  title: string;
  minute?: { text: string; version: number } | null | undefined;
}

/**
 * Write or replace the minute of one agenda item (replacing sends the version read). NSD meetings
 * and MASE/CCE panels keep minutes the same way; `forum` says whose meeting this is.
 */
export function MinuteForm({
  meetingId,
  item,
  forum = 'nsd',
}: {
  meetingId: string;
  item: MinuteItem;
  forum?: 'nsd' | 'panel';
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(item.minute?.text ?? '');
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: forum === 'panel' ? trpc.exploitation.pathKey() : trpc.nsd.pathKey() });
  const nsdSave = useMutation(trpc.nsd.recordMinutes.mutationOptions({ onSuccess: refresh }));
  const panelSave = useMutation(trpc.exploitation.panelMinutes.mutationOptions({ onSuccess: refresh }));
  const save = forum === 'panel' ? panelSave : nsdSave;
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      meetingId,
      itemKey: item.key,
      itemTitle: item.title,
      text,
      ...(item.minute ? { version: item.minute.version } : {}),
    });
  }
  return (
    <form className="minute-form" onSubmit={submit}>
      <label>
        Minute of “{item.title}”
        <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} required />
      </label>
      <button className="button" type="submit" disabled={save.isPending}>
        Save the minute
      </button>
      {save.isError && <ErrorState message={errorMessage(save.error)} />}
    </form>
  );
}
