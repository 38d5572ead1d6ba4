import { describe, expect, it } from 'vitest';
import { browserSession, screenshot, seriousAccessibilityViolations, signIn } from './support/browser.ts';

const { open } = browserSession();

describe('the sign-in page', () => {
  it('has labelled fields and no serious or critical accessibility violations', async () => {
    const { page, context, problems } = await open();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – Lantern');
    await expect.poll(() => page.getByLabel('Email').count()).toBe(1);
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    await screenshot(page, 'sign-in');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the API’s message when the password is wrong, and stays signed out', async () => {
    const { page, context, problems } = await open();
    await signIn(page, 'analyst@lantern.test', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email or password is incorrect');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'sign-in-refused');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
