import type { AgendaItem } from '@lantern/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../ui/status.tsx';

/** Write or replace the minute of one agenda item (replacing sends the version read). */
export function MinuteForm({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(item.minute?.text ?? '');
  const save = useMutation(
    trpc.nsd.recordMinutes.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.nsd.pathKey() }),
    }),
  );
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
