import { describe, expect, it } from 'vitest';
import {
  browserSession,
  navigateTo,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  waitForMapIdle,
} from './support/browser.ts';

/**
 * Issue 18, the administrator: the header offers the administration pages (no more "Page not
 * found"); the admin creates an account with a generated password, the new user signs in with
 * it, and the admin finds that sign-in in the audit trail and verifies the chain. Every admin
 * page passes axe and is photographed.
 */
const { open, signedIn } = browserSession();

describe('the administrator', () => {
  it('creates a user who signs in, then sees it in the audit trail', async () => {
    const admin = await signedIn('admin@lantern.test');
    const nav = admin.page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Map', 'Users', 'Tactics', 'Thresholds', 'Audit']) {
      expect(await nav.getByRole('link', { name: label, exact: true, includeHidden: true }).count(), label).toBe(1);
    }

    await navigateTo(admin.page, 'Users');
    await admin.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await admin.page.getByRole('button', { name: 'Manage Demo Administrator' }).waitFor();
    await screenshot(admin.page, 'admin-users');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);

    await admin.page.getByRole('button', { name: 'Add a user' }).click();
    const form = admin.page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Email').fill('e2e.officer@lantern.test');
    await form.getByLabel('Name', { exact: true }).fill('E2E Officer');
    await form.getByLabel('Agency').selectOption({ label: 'Mansfield District Council' });
    await form.getByLabel('District officer').check();
    await form.getByLabel('Mansfield').check();
    await form.getByRole('button', { name: 'Create the account' }).click();
    const password = (await form.getByTestId('generated-password').textContent()) ?? '';
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await screenshot(admin.page, 'admin-user-created');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);

    const officer = await open();
    await signIn(officer.page, 'e2e.officer@lantern.test', password);
    await waitForMapIdle(officer.page);
    expect(await officer.page.getByTestId('user-role').textContent()).toBe('District officer');
    await officer.context.close();

    await navigateTo(admin.page, 'Audit');
    await admin.page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const filters = admin.page.getByRole('form', { name: 'Filter the audit trail' });
    await filters.getByLabel('User').selectOption({ label: 'E2E Officer (e2e.officer@lantern.test)' });
    await filters.getByRole('button', { name: 'Show events' }).click();
    const events = admin.page.getByRole('table', { name: 'Audit events' });
    // The table first shows the whole trail (everyone's sign-ins); once filtered, the officer's one.
    await expect.poll(() => events.getByRole('cell', { name: 'auth.login' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await events.getByRole('cell', { name: 'Signed in' }).count()).toBe(1);
    await admin.page.getByRole('button', { name: 'Verify the chain' }).click();
    await admin.page.getByText('The audit chain is intact:').waitFor({ timeout: 60_000 });
    await screenshot(admin.page, 'admin-audit');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);

    // Disabling the account: the editor says so, and the user can no longer sign in.
    await navigateTo(admin.page, 'Users');
    await admin.page.getByRole('button', { name: 'Manage E2E Officer' }).click();
    await admin.page.getByRole('button', { name: 'Disable the account' }).click();
    await admin.page.getByText('This account is disabled: it cannot sign in.').waitFor();
    await screenshot(admin.page, 'admin-user-manage');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    const refused = await open();
    await signIn(refused.page, 'e2e.officer@lantern.test', password);
    expect(await refused.page.getByRole('alert').textContent()).toBe('Email or password is incorrect');
    await refused.context.close();
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it('edits the tactic catalogue and the thresholds, and changes their own password page opens', async () => {
    const admin = await signedIn('admin@lantern.test');
    await navigateTo(admin.page, 'Tactics');
    await admin.page.getByRole('heading', { name: 'Tactic catalogue' }).waitFor();
    const edit = admin.page.getByRole('button', { name: /^Edit / }).first();
    await edit.click();
    await screenshot(admin.page, 'admin-tactics');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);

    await navigateTo(admin.page, 'Thresholds');
    await admin.page.getByLabel('Hours missing').waitFor();
    await admin.page.getByLabel('Hours missing').fill('72');
    await admin.page.getByRole('button', { name: 'Save the thresholds' }).click();
    await admin.page.getByText('Saved. Lists of meetings needed use the new thresholds now.').waitFor();
    await screenshot(admin.page, 'admin-thresholds');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);

    // Their name in the header opens who they are and the way to change their password.
    await admin.page.getByRole('button', { name: 'Demo Administrator', exact: true }).click();
    await screenshot(admin.page, 'account-menu-open');
    await admin.page.getByRole('link', { name: 'Change password' }).click();
    await admin.page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await screenshot(admin.page, 'account-password');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });
});
