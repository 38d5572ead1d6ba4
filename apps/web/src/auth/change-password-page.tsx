import { type FormEvent, useState } from 'react';
import { Field, useSave } from '../admin/form-parts.tsx';
import { useTRPCClient } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState } from '../ui/status.tsx';

/**
 * `/account/password`: every signed-in user changes their own password. The current one must be
 * right (a wrong one counts as a failed sign-in), and the new one must pass the password policy;
 * the user's other sessions end.
 */
export function ChangePasswordPage({ user }: PageProps) {
  const client = useTRPCClient();
  const save = useSave(['currentPassword', 'newPassword', 'confirm']);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<number | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (newPassword !== confirm) return save.refuse({ confirm: 'must match the new password' });
    const result = await save.run(() => client.auth.changePassword.mutate({ currentPassword, newPassword }));
    if (!result) return;
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    setDone(result.otherSessionsEnded);
  }

  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Change your password</h1>
      <p className="page__lead">For {user.email}. You stay signed in here; any other session of yours ends.</p>
      <form
        className="admin-form"
        aria-label="Change your password"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" autoComplete="username" value={user.email} readOnly />
        <Field label="Current password" error={save.errors.currentPassword}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="New password"
          hint="At least 12 characters and hard to guess: a few unrelated words work well."
          error={save.errors.newPassword}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label="New password again" error={save.errors.confirm}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        {done !== null && (
          <p className="notice" role="status">
            Your password is changed.
            {done > 0 && ` ${done} other session${done === 1 ? '' : 's'} signed out.`}
          </p>
        )}
        {save.general && <ErrorState message={save.general} />}
        <div className="admin-form__actions">
          <button className="button button--primary" type="submit" disabled={save.busy}>
            {save.busy ? 'Changing…' : 'Change the password'}
          </button>
        </div>
      </form>
    </main>
  );
}
