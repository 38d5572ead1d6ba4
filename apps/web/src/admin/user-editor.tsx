import type { AdminUser, AgencyOption, Role } from '@lantern/domain';
import { type FormEvent, useState } from 'react';
import { useTRPCClient } from '../api/trpc.ts';
import { changesBetween } from '../editing/entity-form.tsx';
import { ErrorState } from '../ui/status.tsx';
import { AccountPickers } from './account-pickers.tsx';
import { type FormOutcome, useSave } from './form-parts.tsx';
import { PasswordChoice } from './new-user-form.tsx';

const detailFields = ['displayName', 'agencyId', 'roles', 'districtCodes', 'disabled'];

/**
 * One account's details, access and password. Each save names the version shown; when someone
 * else saved first the API refuses with CONFLICT and the editor offers to reload.
 */
export function UserEditor({
  account,
  agencies,
  self,
  onSaved,
  onPassword,
}: {
  account: AdminUser;
  agencies: readonly AgencyOption[];
  self: boolean;
  onSaved(): void;
  onPassword(password: string | null): void;
}) {
  const client = useTRPCClient();
  const details = useSave(detailFields);
  const access = useSave(['disabled']);
  const reset = useSave(['password']);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [agencyId, setAgencyId] = useState(account.agencyId);
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [districtCodes, setDistrictCodes] = useState<string[]>(account.districtCodes);
  const [mode, setMode] = useState<'generate' | 'choose'>('generate');
  const [password, setPassword] = useState('');

  async function saveDetails(event: FormEvent) {
    event.preventDefault();
    const changes = changesBetween(
      { displayName: displayName.trim(), agencyId, roles, districtCodes },
      {
        displayName: account.displayName,
        agencyId: account.agencyId,
        roles: account.roles,
        districtCodes: account.districtCodes,
      },
    );
    if (Object.keys(changes).length === 0) return details.refuse({ displayName: 'is unchanged: nothing to save' });
    const saved = await details.run(() =>
      client.users.update.mutate({ id: account.id, version: account.version, changes } as never),
    );
    if (saved) onSaved();
  }

  async function setDisabled(disabled: boolean) {
    const saved = await access.run(() =>
      client.users.update.mutate({ id: account.id, version: account.version, changes: { disabled } }),
    );
    if (saved) onSaved();
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    const result = await reset.run(() =>
      client.users.resetPassword.mutate({
        id: account.id,
        version: account.version,
        ...(mode === 'choose' ? { password } : {}),
      }),
    );
    if (!result) return;
    onPassword(result.generatedPassword);
    onSaved();
  }

  return (
    <div className="user-editor">
      <form
        className="admin-form"
        aria-label={`Details of ${account.displayName}`}
        onSubmit={(event) => void saveDetails(event)}
        noValidate
      >
        <h3>Details</h3>
        <AccountPickers
          displayName={displayName}
          onDisplayName={setDisplayName}
          agencies={agencies}
          agencyId={agencyId}
          onAgency={setAgencyId}
          roles={roles}
          onRoles={setRoles}
          districtCodes={districtCodes}
          onDistricts={setDistrictCodes}
          districtsHint="Applies from the user's next click. Police analysts see every district."
          errors={details.errors}
        />
        <Outcome outcome={details} onReload={onSaved} />
        <div className="admin-form__actions">
          <button className="button button--primary" type="submit" disabled={details.busy || details.stale}>
            {details.busy ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>

      <section className="admin-form" aria-label={`Access of ${account.displayName}`}>
        <h3>Access</h3>
        <p>
          {account.disabled
            ? 'This account is disabled: it cannot sign in.'
            : 'This account can sign in. Disabling it signs it out everywhere at once.'}
          {account.singleSignOn && ' It also signs in with single sign-on.'}
        </p>
        <Outcome outcome={access} onReload={onSaved} />
        <div className="admin-form__actions">
          {account.disabled ? (
            <button className="button" type="button" disabled={access.busy} onClick={() => void setDisabled(false)}>
              Enable the account
            </button>
          ) : (
            <button
              className="button"
              type="button"
              disabled={access.busy || self}
              title={self ? 'You cannot disable your own account' : undefined}
              onClick={() => void setDisabled(true)}
            >
              Disable the account
            </button>
          )}
        </div>
      </section>

      <form
        className="admin-form"
        aria-label={`Reset the password of ${account.displayName}`}
        onSubmit={(event) => void resetPassword(event)}
        noValidate
      >
        <h3>Reset the password</h3>
        <p>The old password stops working and the account is signed out everywhere.</p>
        <PasswordChoice
          mode={mode}
          onMode={setMode}
          password={password}
          onPassword={setPassword}
          error={reset.errors.password}
        />
        <Outcome outcome={reset} onReload={onSaved} />
        <div className="admin-form__actions">
          <button className="button" type="submit" disabled={reset.busy || reset.stale}>
            {reset.busy ? 'Resetting…' : 'Reset the password'}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A general refusal, or a CONFLICT with the way out: reload the account as it is now. */
function Outcome({ outcome, onReload }: { outcome: FormOutcome; onReload(): void }) {
  if (!outcome.general) return null;
  if (!outcome.stale) return <ErrorState message={outcome.general} />;
  return (
    <div className="conflict-banner" role="alert">
      <p>{outcome.general.charAt(0).toUpperCase() + outcome.general.slice(1)}.</p>
      <div className="conflict-banner__actions">
        <button className="button" type="button" onClick={onReload}>
          Reload the account
        </button>
      </div>
    </div>
  );
}
