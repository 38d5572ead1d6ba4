import {
  type FoundLocationType,
  foundLocationTypes,
  type MissingEpisode,
  type RhiService,
  rhiServices,
} from '@lantern/domain';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../ui/status.tsx';
import { foundLocationLabels, localInputToInstant, nowForInput, rhiServiceLabels } from './labels.ts';
import { useMissingRefresh } from './use-missing-refresh.ts';

/** The return of a missing child: when, where found, by whom, and who does the interview. */
export function RecordReturnForm({ episode, onDone }: { episode: MissingEpisode; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [returnedAt, setReturnedAt] = useState(nowForInput());
  const [foundLocationType, setFoundLocationType] = useState<FoundLocationType>('friend_or_relative');
  const [foundBy, setFoundBy] = useState('');
  const [rhiService, setRhiService] = useState<RhiService | ''>(
    episode.careStatus === 'ola_care' ? 'other_local_authority' : 'childrens_social_care',
  );
  const record = useMutation(
    trpc.missing.recordReturn.mutationOptions({
      onSuccess: () => {
        void refresh();
        onDone();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      id: episode.id,
      version: episode.version,
      returnedAt: localInputToInstant(returnedAt),
      found: null,
      foundLocationType,
      foundBy,
      notes: null,
      rhiService: rhiService === '' ? null : rhiService,
    });
  }

  return (
    <form
      className="missing-form missing-form--inline"
      onSubmit={submit}
      aria-label={`Return of ${episode.episodeRef}`}
    >
      <label htmlFor={`${id}-returned`}>Returned at</label>
      <input
        id={`${id}-returned`}
        type="datetime-local"
        required
        value={returnedAt}
        onChange={(e) => setReturnedAt(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-where`}>Where found</label>
      <select
        id={`${id}-where`}
        value={foundLocationType}
        onChange={(e) => setFoundLocationType(e.currentTarget.value as FoundLocationType)}
      >
        {foundLocationTypes.map((type) => (
          <option key={type} value={type}>
            {foundLocationLabels[type]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-by`}>Found by</label>
      <input id={`${id}-by`} required value={foundBy} onChange={(e) => setFoundBy(e.currentTarget.value)} />
      <label htmlFor={`${id}-service`}>Return Home Interview by</label>
      <select
        id={`${id}-service`}
        value={rhiService}
        onChange={(e) => setRhiService(e.currentTarget.value as RhiService | '')}
      >
        {rhiServices.map((service) => (
          <option key={service} value={service}>
            {rhiServiceLabels[service]}
          </option>
        ))}
        <option value="">No interview required</option>
      </select>
      {record.isError && <ErrorState message={errorMessage(record.error)} />}
      <button className="button button--primary" type="submit" disabled={record.isPending}>
        Record return
      </button>
    </form>
  );
}
