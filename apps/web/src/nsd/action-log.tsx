import type { NsdActionItem, NsdActionStatus } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

const statusLabels: Record<NsdActionStatus, string> = { open: 'Open', in_progress: 'In progress', closed: 'Closed' };

/** NSD meetings and MASE/CCE panels keep their action logs the same way, through their own procedures. */
type Forum = 'nsd' | 'panel';

/** The action log as it stands at the meeting: carried items marked, status editable. */
export function ActionLog({
  meetingId,
  editable,
  forum = 'nsd',
}: {
  meetingId: string;
  editable: boolean;
  /** Whose meeting: an NSD meeting's log is its district's, a panel's is the panel's. */
  forum?: Forum;
}) {
  const trpc = useTRPC();
  const nsdLog = useQuery({ ...trpc.nsd.actionLog.queryOptions({ meetingId }), enabled: forum === 'nsd' });
  const panelLog = useQuery({
    ...trpc.exploitation.panelActionLog.queryOptions({ meetingId }),
    enabled: forum === 'panel',
  });
  const log = forum === 'panel' ? panelLog : nsdLog;
  if (log.isPending) return <Loading>Loading the action log…</Loading>;
  if (log.isError) return <ErrorState message={errorMessage(log.error)} onRetry={() => void log.refetch()} />;
  return (
    <>
      {log.data.items.length === 0 ? (
        <Empty>The action log is empty.</Empty>
      ) : (
        <ActionTable items={log.data.items} editable={editable} forum={forum} />
      )}
      {editable && <AddAction meetingId={meetingId} forum={forum} />}
    </>
  );
}

export function ActionTable({
  items,
  editable,
  forum = 'nsd',
}: {
  items: readonly NsdActionItem[];
  editable: boolean;
  forum?: Forum;
}) {
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
              {formatDate(item.dueOn)}
              {item.overdue && <strong className="overdue"> overdue</strong>}
            </td>
            <td>{editable ? <StatusPicker item={item} forum={forum} /> : statusLabels[item.status]}</td>
            <td>
              {formatDate(item.raisedAt.heldOn)}
              {item.carried && ' (carried)'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusPicker({ item, forum }: { item: NsdActionItem; forum: Forum }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: forum === 'panel' ? trpc.exploitation.pathKey() : trpc.nsd.pathKey() });
  const nsdUpdate = useMutation(trpc.nsd.updateAction.mutationOptions({ onSuccess: refresh }));
  const panelUpdate = useMutation(trpc.exploitation.updatePanelAction.mutationOptions({ onSuccess: refresh }));
  const update = forum === 'panel' ? panelUpdate : nsdUpdate;
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

function AddAction({ meetingId, forum }: { meetingId: string; forum: Forum }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [agency, setAgency] = useState('');
  const [dueOn, setDueOn] = useState('');
  const onSuccess = async () => {
    setDescription('');
    await queryClient.invalidateQueries({
      queryKey: forum === 'panel' ? trpc.exploitation.pathKey() : trpc.nsd.pathKey(),
    });
  };
  const nsdAdd = useMutation(trpc.nsd.addAction.mutationOptions({ onSuccess }));
  const panelAdd = useMutation(trpc.exploitation.addPanelAction.mutationOptions({ onSuccess }));
  const add = forum === 'panel' ? panelAdd : nsdAdd;
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
