import type { AdminUser, AgencyOption } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { describeRoles } from '../auth/role-labels.ts';
import type { PageProps } from '../routing/page-props.ts';
import { formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { describeDistricts } from './labels.ts';
import { NewUserForm, OneTimePassword } from './new-user-form.tsx';
import { UserEditor } from './user-editor.tsx';

/**
 * `/admin/users`: every account with its roles, districts, agency and state; an administrator
 * adds accounts, changes roles, districts and agency, disables or enables them and resets
 * passwords. Every save names the version it read, so two administrators cannot overwrite
 * each other unseen.
 */
export function UsersPage({ user }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });

  return (
    <main className="page page--wide" id="main" tabIndex={-1}>
      <h1>Users</h1>
      <p className="page__lead">
        Accounts, their roles, districts and agency. Every change is recorded in the{' '}
        <Link href="/admin/audit?recordType=user">audit trail</Link>.
      </p>
      {users.isPending && <Loading>Loading the accounts…</Loading>}
      {users.isError && <ErrorState message={errorMessage(users.error)} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <section className="admin-section" aria-label="Add a user">
            {adding ? (
              <NewUserForm
                agencies={users.data.agencies}
                onCreated={() => void refresh()}
                onClose={() => setAdding(false)}
              />
            ) : (
              <button className="button button--primary" type="button" onClick={() => setAdding(true)}>
                Add a user
              </button>
            )}
          </section>
          <section className="admin-section" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">Accounts ({users.data.users.length})</h2>
            <div className="entity-form__field admin-filter">
              <label htmlFor="user-filter">Find an account</label>
              <input
                id="user-filter"
                type="search"
                value={filter}
                placeholder="Name, email or agency"
                onChange={(event) => setFilter(event.target.value)}
              />
            </div>
            <UserTable
              accounts={matching(users.data.users, filter)}
              agencies={users.data.agencies}
              selfId={user.id}
              open={open}
              onToggle={(id) => setOpen((current) => (current === id ? null : id))}
              onSaved={() => void refresh()}
            />
          </section>
        </>
      )}
    </main>
  );
}

function matching(accounts: readonly AdminUser[], filter: string): AdminUser[] {
  const words = filter.trim().toLowerCase();
  if (!words) return [...accounts];
  return accounts.filter((account) =>
    [account.displayName, account.email, account.agency].some((text) => text.toLowerCase().includes(words)),
  );
}

function UserTable({
  accounts,
  agencies,
  selfId,
  open,
  onToggle,
  onSaved,
}: {
  accounts: readonly AdminUser[];
  agencies: readonly AgencyOption[];
  selfId: string;
  open: string | null;
  onToggle(id: string): void;
  onSaved(): void;
}) {
  // Outside the editor, which starts afresh at each new version: a reset's password survives the reload.
  const [secret, setSecret] = useState<{ id: string; password: string } | null>(null);
  if (accounts.length === 0) return <Empty>No account matches.</Empty>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Agency</th>
          <th scope="col">Roles</th>
          <th scope="col">Districts</th>
          <th scope="col">State</th>
          <th scope="col">Last signed in</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <Fragment key={account.id}>
            <tr>
              <td>
                <strong>{account.displayName}</strong>
                <br />
                {account.email}
              </td>
              <td>{account.agency}</td>
              <td>{describeRoles(account.roles)}</td>
              <td>{describeDistricts(account.districtCodes, account.roles)}</td>
              <td>
                <span className={`status-tag${account.disabled ? ' status-tag--off' : ''}`}>
                  {account.disabled ? 'Disabled' : 'Active'}
                </span>
              </td>
              <td className="admin-table__nowrap">
                {account.lastLoginAt ? formatDateTime(account.lastLoginAt) : 'Never'}
              </td>
              <td>
                <button
                  className="button"
                  type="button"
                  aria-expanded={open === account.id}
                  aria-label={`${open === account.id ? 'Close' : 'Manage'} ${account.displayName}`}
                  onClick={() => onToggle(account.id)}
                >
                  {open === account.id ? 'Close' : 'Manage'}
                </button>
                <br />
                <Link className="admin-table__link" href={`/admin/audit?userId=${account.id}`}>
                  Activity<span className="visually-hidden"> of {account.displayName}</span>
                </Link>
              </td>
            </tr>
            {open === account.id && (
              <tr>
                <td colSpan={7}>
                  {secret?.id === account.id && (
                    <OneTimePassword name={account.displayName} password={secret.password} />
                  )}
                  <UserEditor
                    key={`${account.id}@${account.version}`}
                    account={account}
                    agencies={agencies}
                    self={account.id === selfId}
                    onSaved={onSaved}
                    onPassword={(password) => setSecret(password ? { id: account.id, password } : null)}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
