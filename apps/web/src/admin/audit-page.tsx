import type { SearchAuditInput, VerifyAuditOutput } from '@lantern/domain';
import { auditActions } from '@lantern/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { roleLabels } from '../auth/role-labels.ts';
import type { PageProps } from '../routing/page-props.ts';
import { formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { Field } from './form-parts.tsx';

/** Record types the trail names, offered as suggestions (any other can be typed). */
const recordTypes = [
  'person',
  'place',
  'vehicle',
  'intelligence_report',
  'missing_episode',
  'disruption_action',
  'nsd_meeting',
  'philomena_profile',
  'user',
  'tactic',
  'audit',
];

const actionLabels: Record<(typeof auditActions)[number], string> = {
  login: 'Signed in',
  login_failed: 'Failed sign-in',
  logout: 'Signed out',
  read: 'Read',
  search: 'Searched',
  create: 'Created',
  update: 'Changed',
  export: 'Exported',
  denied: 'Refused',
};

type Filters = Pick<SearchAuditInput, 'recordType' | 'recordId' | 'userId' | 'action' | 'from' | 'to'>;
const filterNames = ['recordType', 'recordId', 'userId', 'action', 'from', 'to'] as const;

function filtersFrom(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters as Filters;
}

/**
 * `/admin/audit`: who did what to which record and when, newest first, a page at a time, and
 * whether the trail's hash chain is intact (`lantern audit verify`). Opening with
 * `?recordType=person&recordId=…` answers "who saw this record".
 */
export function AuditPage(_props: PageProps) {
  const trpc = useTRPC();
  const search = useSearch();
  const [applied, setApplied] = useState<Filters>(() => filtersFrom(search));
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...applied }));
  // The `before` cursors of the pages already passed: Newer pops one.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const users = useQuery(trpc.users.list.queryOptions({}));
  const events = useQuery({
    ...trpc.audit.search.queryOptions({ ...applied, ...(before ? { before } : {}), limit: 50 }),
    placeholderData: keepPreviousData,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const name of filterNames) {
      const value = draft[name]?.trim();
      if (value) next[name] = value;
    }
    setApplied(next as Filters);
    setCursors([]);
  }

  return (
    <main className="page page--wide" id="main" tabIndex={-1}>
      <h1>Audit trail</h1>
      <p className="page__lead">
        Every sign-in, read, search, export, change and refusal, newest first. Looking here is recorded too.
      </p>
      <ChainCheck />
      <form className="audit-filters" aria-label="Filter the audit trail" onSubmit={submit}>
        <Field label="Record type">
          {(props) => (
            <>
              <input
                {...props}
                list="audit-record-types"
                value={draft.recordType ?? ''}
                onChange={(e) => setDraft((now) => ({ ...now, recordType: e.target.value }))}
              />
              <datalist id="audit-record-types">
                {recordTypes.map((type) => (
                  <option key={type} value={type} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Record id">
          {(props) => (
            <input
              {...props}
              value={draft.recordId ?? ''}
              onChange={(e) => setDraft((now) => ({ ...now, recordId: e.target.value }))}
            />
          )}
        </Field>
        <Field label="User">
          {(props) => (
            <select
              {...props}
              value={draft.userId ?? ''}
              onChange={(e) => setDraft((now) => ({ ...now, userId: e.target.value }))}
            >
              <option value="">Anyone</option>
              {users.data?.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName} ({user.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Action">
          {(props) => (
            <select
              {...props}
              value={draft.action ?? ''}
              onChange={(e) => setDraft((now) => ({ ...now, action: e.target.value }))}
            >
              <option value="">Any</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {actionLabels[action]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="From">
          {(props) => (
            <input
              {...props}
              type="date"
              value={draft.from ?? ''}
              onChange={(e) => setDraft((now) => ({ ...now, from: e.target.value }))}
            />
          )}
        </Field>
        <Field label="To">
          {(props) => (
            <input
              {...props}
              type="date"
              value={draft.to ?? ''}
              onChange={(e) => setDraft((now) => ({ ...now, to: e.target.value }))}
            />
          )}
        </Field>
        <div className="admin-form__actions">
          <button className="button button--primary" type="submit">
            Show events
          </button>
        </div>
      </form>
      {events.isPending && <Loading>Loading events…</Loading>}
      {events.isError && <ErrorState message={errorMessage(events.error)} onRetry={() => void events.refetch()} />}
      {events.data && events.data.events.length === 0 && <Empty>No event matches.</Empty>}
      {events.data && events.data.events.length > 0 && (
        <>
          <table className="admin-table" aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Procedure</th>
                <th scope="col">Record</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {events.data.events.map((event) => (
                <tr key={event.seq}>
                  <td className="admin-table__nowrap">{formatDateTime(event.at)}</td>
                  <td>
                    {event.displayName ?? event.email ?? 'Nobody signed in'}
                    {event.role && <span className="entity-form__hint"> ({roleLabels[event.role]})</span>}
                  </td>
                  <td>{actionLabels[event.action as keyof typeof actionLabels] ?? event.action}</td>
                  <td>{event.procedure ?? '—'}</td>
                  <td>
                    {event.recordType ?? '—'}
                    {event.recordIds.length > 0 && (
                      <span className="admin-table__ids">
                        {' '}
                        {event.recordIds.slice(0, 3).join(', ')}
                        {event.recordIds.length > 3 && ` and ${event.recordIds.length - 3} more`}
                      </span>
                    )}
                  </td>
                  <td>{event.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button
              className="button"
              type="button"
              disabled={cursors.length === 0}
              onClick={() => setCursors((now) => now.slice(0, -1))}
            >
              Newer
            </button>
            <span>Page {cursors.length + 1}</span>
            <button
              className="button"
              type="button"
              disabled={!events.data.nextBefore}
              onClick={() => {
                const next = events.data.nextBefore;
                if (next) setCursors((now) => [...now, next]);
              }}
            >
              Older
            </button>
          </div>
        </>
      )}
    </main>
  );
}

/** `lantern audit verify`, on demand: it walks every event, which takes a while on a large trail. */
function ChainCheck() {
  const client = useTRPCClient();
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'busy' }
    | { status: 'done'; result: VerifyAuditOutput }
    | { status: 'failed'; message: string }
  >({ status: 'idle' });

  async function verify() {
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', result: await client.audit.verify.query() });
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error) });
    }
  }

  return (
    <section className="admin-section" aria-label="Integrity of the trail">
      {state.status === 'done' && (
        <div className={`verify-banner${state.result.ok ? '' : ' verify-banner--broken'}`} role="status">
          {state.result.ok ? (
            <p>
              <strong>The audit chain is intact:</strong> {state.result.events.toLocaleString('en-GB')} events checked.
            </p>
          ) : (
            <p>
              <strong>The audit chain is broken at event {state.result.brokenAt}:</strong> {state.result.problem}.
            </p>
          )}
          <p className="entity-form__hint">Checked {formatDateTime(state.result.checkedAt)}.</p>
        </div>
      )}
      {state.status === 'failed' && <ErrorState message={state.message} />}
      <button className="button" type="button" disabled={state.status === 'busy'} onClick={() => void verify()}>
        {state.status === 'busy'
          ? 'Checking every event…'
          : state.status === 'done'
            ? 'Check again'
            : 'Verify the chain'}
      </button>
    </section>
  );
}
