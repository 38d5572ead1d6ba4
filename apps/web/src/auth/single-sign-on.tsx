import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';

/**
 * "Sign in with your organisation's account" when the server has single sign-on configured, and
 * the reason when a sign-on came back refused (the server redirects to `/?sso_error=<code>`).
 */
const ssoMessages: Record<string, string> = {
  no_role: 'Your organisation’s account has no Lantern role. Ask your Lantern administrator for access.',
  account_disabled: 'This Lantern account is disabled.',
  account_conflict: 'This email address is already linked to a different single sign-on account.',
  missing_email: 'Your organisation did not share an email address, which Lantern needs.',
  expired: 'The sign-on took too long. Please try again.',
  provider_unavailable: 'Your organisation’s sign-on service could not be reached. Please try again later.',
};

export function ssoErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('sso_error');
  if (code === null) return null;
  return ssoMessages[code] ?? 'Single sign-on did not complete. Please try again.';
}

export function SingleSignOn() {
  const trpc = useTRPC();
  const providers = useQuery(trpc.auth.providers.queryOptions());
  const refusal = ssoErrorMessage(window.location.search);
  const loginUrl = providers.data?.oidc.enabled ? providers.data.oidc.loginUrl : null;
  if (loginUrl === null && refusal === null) return null;
  return (
    <div className="sign-in__sso">
      {refusal && (
        <p className="form__error" role="alert">
          {refusal}
        </p>
      )}
      {loginUrl && (
        <a className="button sign-in__sso-link" href={`${loginUrl}?returnTo=${encodeURIComponent('/')}`}>
          Sign in with your organisation’s account
        </a>
      )}
    </div>
  );
}
