import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('refuses short passwords', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toBe('must be at least 12 characters');
  });

  it('refuses common and breached passwords however long', () => {
    expect(passwordProblem('password1234')).toMatch(/^is too easy to guess/);
    expect(passwordProblem('qwertyuiop123')).toMatch(/^is too easy to guess/);
  });

  it("refuses the user's own email", () => {
    expect(passwordProblem('amy.baker@notts.example', ['amy.baker@notts.example'])).toMatch(/^is too easy to guess/);
  });

  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblem('lantern-demo-2026')).toBeNull();
    expect(passwordProblem('heron kettle quarry violin')).toBeNull();
  });
});
