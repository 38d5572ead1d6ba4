import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { handlingCodes, intelligenceStatuses, roles } from '../enums.ts';
import {
  intelligenceAudience,
  intelligenceTransitions,
  mayShareIntelligence,
  nextIntelligenceStatus,
} from './status.ts';

describe('the intelligence status machine', () => {
  it('starts evaluation when a received report is graded, and keeps the status on a re-grading', () => {
    expect(nextIntelligenceStatus('received', 'grade', false)).toBe('being_evaluated');
    expect(nextIntelligenceStatus('being_evaluated', 'grade', true)).toBe('being_evaluated');
    expect(nextIntelligenceStatus('developed', 'grade', true)).toBe('developed');
    expect(nextIntelligenceStatus('no_further_action', 'sanitise', true)).toBe('no_further_action');
  });

  it('develops only a graded report that is still open', () => {
    expect(nextIntelligenceStatus('being_evaluated', 'develop', true)).toBe('developed');
    expect(nextIntelligenceStatus('received', 'develop', true)).toBe('developed');
    expect(() => nextIntelligenceStatus('received', 'develop', false)).toThrow(
      new AppError('BAD_INPUT', 'status: a report that is received cannot be developed before it is graded (3x5x2)'),
    );
    expect(() => nextIntelligenceStatus('developed', 'develop', true)).toThrow(
      new AppError('BAD_INPUT', 'status: a report that is developed cannot be developed'),
    );
  });

  it('lets the submitter withdraw only while the police have decided nothing', () => {
    expect(nextIntelligenceStatus('received', 'withdraw', false)).toBe('withdrawn');
    expect(nextIntelligenceStatus('being_evaluated', 'withdraw', true)).toBe('withdrawn');
    for (const decided of ['developed', 'no_further_action', 'withdrawn'] as const) {
      expect(() => nextIntelligenceStatus(decided, 'withdraw', true)).toThrow(
        `status: a report that is ${decided.replace(/_/g, ' ')} cannot be withdrawn (the police have already decided on it)`,
      );
    }
  });

  it('closes an open report with no further action, and nothing leaves a final status', () => {
    expect(nextIntelligenceStatus('received', 'no_further_action', false)).toBe('no_further_action');
    expect(nextIntelligenceStatus('being_evaluated', 'no_further_action', true)).toBe('no_further_action');
    for (const final of ['developed', 'no_further_action', 'withdrawn'] as const) {
      expect(intelligenceTransitions[final]).toEqual([]);
      expect(() => nextIntelligenceStatus(final, 'no_further_action', true)).toThrow(AppError);
    }
    expect(() => nextIntelligenceStatus('withdrawn', 'grade', true)).toThrow(
      'status: a report that is withdrawn cannot be graded',
    );
  });
});

describe('share-back by handling code', () => {
  it('gives police analysts every report that is not withdrawn', () => {
    expect(intelligenceAudience(['police_analyst', 'district_officer'])).toBe('analyst');
    for (const status of intelligenceStatuses) {
      for (const handlingCode of [...handlingCodes, null]) {
        expect(mayShareIntelligence('analyst', { status, handlingCode })).toBe(status !== 'withdrawn');
      }
    }
  });

  it('gives every other role only developed reports coded P', () => {
    for (const role of roles.filter((r) => r !== 'police_analyst')) {
      expect(intelligenceAudience([role])).toBe('partner');
    }
    for (const status of intelligenceStatuses) {
      for (const handlingCode of [...handlingCodes, null]) {
        expect(mayShareIntelligence('partner', { status, handlingCode })).toBe(
          status === 'developed' && handlingCode === 'P',
        );
      }
    }
  });
});
