import type { NsdActionItem, NsdActionStatus } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

const statusLabels: Record<NsdActionStatus, string> = { open: 'Open', in_progress: 'In progress', closed: 'Closed' };

/** The action log as it stands at the meeting: carried items marked, status editable. */
export function ActionLog({ meetingId, editable }: { meetingId: string; editable: boolean }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.nsd.actionLog.queryOptions({ meetingId }));
  if (log.isPending) return <Loading>Loading the action log…</Loading>;
  if (log.isError) return <ErrorState message={errorMessage(log.error)} onRetry={() => void log.refetch()} />;
  return (
    <>
      {log.data.items.length === 0 ? (
        <Empty>The action log is empty.</Empty>
      ) : (
        <ActionTable items={log.data.items} editable={editable} />
      )}
      {editable && <AddAction meetingId={meetingId} />}
    </>
  );
}

export function ActionTable({ items, editable }: { items: readonly NsdActionItem[]; editable: boolean }) {
  return (
    <table className="data-table" aria-label="Action log">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Agency</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Raised</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              {item.description}
              {item.updateNote && <div className="result-list__meta">{item.updateNote}</div>}
            </td>
            <td>{item.owner}</td>
            <td>{item.agency}</td>
            <td>
              {item.dueOn}
              {item.overdue && <strong className="overdue"> overdue</strong>}
            </td>
            <td>{editable ? <StatusPicker item={item} /> : statusLabels[item.status]}</td>
            <td>
              {item.raisedAt.heldOn}
              {item.carried && ' (carried)'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusPicker({ item }: { item: NsdActionItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.nsd.updateAction.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.nsd.pathKey() }),
    }),
  );
  return (
    <>
      <select
        aria-label={`Status of “${item.description}”`}
        value={item.status}
        disabled={update.isPending}
        onChange={(event) =>
          update.mutate({
            id: item.id,
            version: item.version,
            changes: { status: event.target.value as NsdActionStatus },
          })
        }
      >
        {Object.entries(statusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {update.isError && <ErrorState message={errorMessage(update.error)} />}
    </>
  );
}

function AddAction({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [agency, setAgency] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation(
    trpc.nsd.addAction.mutationOptions({
      onSuccess: async () => {
        setDescription('');
        await queryClient.invalidateQueries({ queryKey: trpc.nsd.pathKey() });
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ meetingId, description, owner, agency, dueOn });
  }
  return (
    <form className="record-form" onSubmit={submit} aria-label="Add to the action log">
      <h3>Add to the action log</h3>
      <label>
        Action
        <input required value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <label>
        Owner
        <input required value={owner} onChange={(event) => setOwner(event.target.value)} />
      </label>
      <label>
        Agency
        <input required value={agency} onChange={(event) => setAgency(event.target.value)} />
      </label>
      <label>
        Due
        <input type="date" required value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
      </label>
      <button className="button" type="submit" disabled={add.isPending}>
        Add the action
      </button>
      {add.isError && <ErrorState message={errorMessage(add.error)} />}
    </form>
  );
}
