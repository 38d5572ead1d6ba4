import { type CareStatus, careStatuses, type PoliceRisk, policeRisks } from '@lantern/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { ErrorState } from '../ui/status.tsx';
import { careStatusLabels, localInputToInstant, nowForInput, policeRiskLabels } from './labels.ts';
import { useMissingRefresh } from './use-missing-refresh.ts';

/** Record a child reported missing: find the child by name, then the report's details. */
export function RecordEpisodeForm() {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [name, setName] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [careStatus, setCareStatus] = useState<CareStatus>('home');
  const [policeRisk, setPoliceRisk] = useState<PoliceRisk>('medium');
  const [reportedAt, setReportedAt] = useState(nowForInput());
  const children = useQuery({
    ...trpc.people.search.queryOptions({ name: name.trim(), kind: 'child', limit: 8 }),
    enabled: name.trim().length >= 2 && personId === null,
  });
  const record = useMutation(
    trpc.missing.recordEpisode.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        setName('');
        void refresh();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (personId === null) return;
    record.mutate({ personId, careStatus, policeRisk, reportedAt: localInputToInstant(reportedAt) });
  }

  return (
    <form className="missing-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Record a child reported missing</h3>
      <label htmlFor={`${id}-name`}>Child’s name</label>
      <input
        id={`${id}-name`}
        type="search"
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          setPersonId(null);
        }}
      />
      {personId === null && children.data && (
        <ul className="result-list" aria-label="Matching children">
          {children.data.people.map(({ person }) => (
            <li key={person.id}>
              <PersonLabel person={person} />
              <button
                className="button button--quiet"
                type="button"
                onClick={() => {
                  setPersonId(person.id);
                  if (person.view === 'full') {
                    setName(`${person.givenName} ${person.familyName}`);
                    if (person.careStatus) setCareStatus(person.careStatus);
                  }
                }}
              >
                Choose
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-care`}>Care status</label>
      <select id={`${id}-care`} value={careStatus} onChange={(e) => setCareStatus(e.currentTarget.value as CareStatus)}>
        {careStatuses.map((status) => (
          <option key={status} value={status}>
            {careStatusLabels[status]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-risk`}>Police risk</label>
      <select id={`${id}-risk`} value={policeRisk} onChange={(e) => setPoliceRisk(e.currentTarget.value as PoliceRisk)}>
        {policeRisks.map((risk) => (
          <option key={risk} value={risk}>
            {policeRiskLabels[risk]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reported`}>Reported at</label>
      <input
        id={`${id}-reported`}
        type="datetime-local"
        required
        value={reportedAt}
        onChange={(e) => setReportedAt(e.currentTarget.value)}
      />
      {record.isError && <ErrorState message={errorMessage(record.error)} />}
      {record.isSuccess && <p role="status">Recorded episode {record.data.episodeRef}.</p>}
      <button className="button button--primary" type="submit" disabled={personId === null || record.isPending}>
        Record episode
      </button>
    </form>
  );
}
