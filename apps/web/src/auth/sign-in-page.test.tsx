import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { currentUserKey } from './current-user.ts';
import { SignInPage } from './sign-in-page.tsx';

const analyst = {
  id: '6c1f2d4e-8a7b-4c3d-9e0f-1a2b3c4d5e6f',
  email: 'analyst@lantern.test',
  displayName: 'Demo Police Analyst',
  agency: 'Nottinghamshire Police',
  roles: ['police_analyst'],
  districtCodes: ['E07000174'],
  personLevelAccess: true,
};

afterEach(cleanup);

describe('SignInPage', () => {
  it('labels its fields "Email" and "Password" and its button "Sign in"', () => {
    renderWithApi(<SignInPage />, fakeApi({}));
    expect(screen.getByLabelText('Email')).toHaveProperty('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveProperty('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the API’s message when the credentials are refused, and marks the fields invalid', async () => {
    const api = fakeApi({
      'auth.login': () => ({
        error: { message: 'Email or password is incorrect', code: 'UNAUTHORIZED', httpStatus: 401 },
      }),
    });
    renderWithApi(<SignInPage />, api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'analyst@lantern.test');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Email or password is incorrect');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('shows a validation message naming the field, as the API words it', async () => {
    const api = fakeApi({
      'auth.login': () => ({
        error: { message: 'email: must be an email address', code: 'BAD_REQUEST', httpStatus: 400 },
      }),
    });
    renderWithApi(<SignInPage />, api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'analyst');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('email: must be an email address');
  });

  it('sends the credentials with the CSRF header and same-origin cookies, and stores who signed in', async () => {
    const api = fakeApi({ 'auth.login': () => ({ data: { user: analyst } }) });
    const { queryClient } = renderWithApi(<SignInPage />, api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'analyst@lantern.test');
    await user.type(screen.getByLabelText('Password'), 'lantern-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await expect.poll(() => queryClient.getQueryData(currentUserKey)).toEqual(analyst);
    // The page also asks which sign-on providers exist; exactly one sign-in is sent.
    const logins = api.requests.filter((sent) => sent.path === 'auth.login');
    expect(logins).toHaveLength(1);
    const [request] = logins;
    expect(request?.input).toEqual({ email: 'analyst@lantern.test', password: 'lantern-demo-2026' });
    expect(request?.headers.get('x-lantern-csrf')).toBe('1');
    expect(request?.credentials).toBe('same-origin');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('single sign-on on the sign-in page', () => {
  it('offers the organisation sign-on when the server has it configured', async () => {
    const api = fakeApi({
      'auth.providers': () => ({ data: { oidc: { enabled: true, loginUrl: '/auth/oidc/login' } } }),
    });
    renderWithApi(<SignInPage />, api);
    const link = await screen.findByRole('link', { name: 'Sign in with your organisation’s account' });
    expect(link.getAttribute('href')).toBe('/auth/oidc/login?returnTo=%2F');
  });

  it('offers no sign-on link when it is not configured', async () => {
    const api = fakeApi({ 'auth.providers': () => ({ data: { oidc: { enabled: false, loginUrl: null } } }) });
    renderWithApi(<SignInPage />, api);
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.requests.map((request) => request.path)).toContain('auth.providers');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('explains a refused sign-on from the redirect', async () => {
    window.history.replaceState(null, '', '/?sso_error=no_role');
    try {
      renderWithApi(<SignInPage />, fakeApi({}));
      expect(screen.getByRole('alert').textContent).toBe(
        'Your organisation’s account has no Lantern role. Ask your Lantern administrator for access.',
      );
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});
