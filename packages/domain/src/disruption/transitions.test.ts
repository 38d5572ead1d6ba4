import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { disruptionTransitions, mayMove, planTransition } from './transitions.ts';
import { disruptionStatuses } from './vocabulary.ts';

const closureNotice = { name: 'Closure notice', needsCourt: false, maxDurationDays: 2 };
const closureOrder = { name: 'Closure order', needsCourt: true, maxDurationDays: 183 };
const patrols = { name: 'Targeted patrols', needsCourt: false, maxDurationDays: null };

const proposed = {
  status: 'proposed' as const,
  outcome: null,
  proposedOn: '2025-03-01',
  agreedOn: null,
  inForceFrom: null,
  reviewOn: null,
  expiresOn: null,
  endedOn: null,
};
const agreed = { ...proposed, status: 'agreed' as const, agreedOn: '2025-03-05' };
const inForce = {
  ...agreed,
  status: 'in_force' as const,
  inForceFrom: '2025-03-10',
  reviewOn: '2025-04-07',
  expiresOn: '2025-09-09',
};

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('allowed transitions', () => {
  it('lists exactly the documented moves', () => {
    const moves = disruptionStatuses.flatMap((from) =>
      disruptionStatuses.filter((to) => mayMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(moves).toEqual([
      'proposed→agreed',
      'proposed→refused',
      'proposed→withdrawn',
      'agreed→in_force',
      'agreed→refused',
      'agreed→withdrawn',
      'in_force→reviewed',
      'in_force→ended',
      'reviewed→reviewed',
      'reviewed→ended',
    ]);
  });

  it('makes ended, refused and withdrawn final', () => {
    expect(disruptionTransitions.ended).toEqual([]);
    expect(disruptionTransitions.refused).toEqual([]);
    expect(disruptionTransitions.withdrawn).toEqual([]);
  });

  it('refuses a skipped step, naming what is allowed', () => {
    expect(errorOf(() => planTransition(proposed, patrols, { to: 'in_force' }, '2025-03-02'))).toEqual({
      code: 'BAD_INPUT',
      message: 'to: a proposed action cannot become in_force; it may become agreed, refused, withdrawn',
    });
  });

  it('refuses withdrawing an action in force: it must be ended with an outcome', () => {
    expect(errorOf(() => planTransition(inForce, patrols, { to: 'withdrawn' }, '2025-04-01')).message).toBe(
      'to: a in_force action cannot become withdrawn; it may become reviewed, ended',
    );
  });

  it('refuses any move out of a final status', () => {
    const ended = { ...inForce, status: 'ended' as const, outcome: 'complied' as const, endedOn: '2025-05-01' };
    expect(errorOf(() => planTransition(ended, patrols, { to: 'reviewed' }, '2025-05-02')).message).toBe(
      'to: a ended action cannot become reviewed; ended is final',
    );
  });
});

describe('planTransition', () => {
  it('dates an agreement today unless told otherwise', () => {
    expect(planTransition(proposed, patrols, { to: 'agreed' }, '2025-03-04').agreedOn).toBe('2025-03-04');
    expect(planTransition(proposed, patrols, { to: 'agreed', on: '2025-03-02' }, '2025-03-04').agreedOn).toBe(
      '2025-03-02',
    );
  });

  it('expires a tactic with a statutory maximum at that maximum and reviews it no later than expiry', () => {
    const plan = planTransition(agreed, closureNotice, { to: 'in_force', inForceFrom: '2025-03-06' }, '2025-03-06');
    expect(plan).toMatchObject({ status: 'in_force', inForceFrom: '2025-03-06', expiresOn: '2025-03-08' });
    expect(plan.reviewOn).toBe('2025-03-08');
  });

  it('reviews an open-ended tactic four weeks after it comes into force', () => {
    const plan = planTransition(agreed, patrols, { to: 'in_force', inForceFrom: '2025-03-06' }, '2025-03-06');
    expect(plan).toMatchObject({ inForceFrom: '2025-03-06', expiresOn: null, reviewOn: '2025-04-03' });
  });

  it('refuses an expiry beyond the tactic’s maximum duration', () => {
    expect(
      errorOf(() =>
        planTransition(
          agreed,
          closureNotice,
          { to: 'in_force', inForceFrom: '2025-03-06', expiresOn: '2025-03-09' },
          '2025-03-06',
        ),
      ).message,
    ).toBe('expiresOn: a Closure notice lasts at most 2 days, so it must expire by 2025-03-08 (got 2025-03-09)');
  });

  it('refuses coming into force before the agreement', () => {
    expect(
      errorOf(() => planTransition(agreed, patrols, { to: 'in_force', inForceFrom: '2025-03-04' }, '2025-03-06'))
        .message,
    ).toBe('inForceFrom: must be on or after the date it was agreed, 2025-03-05 (got 2025-03-04)');
  });

  it('needs the next review date at a review', () => {
    expect(errorOf(() => planTransition(inForce, patrols, { to: 'reviewed' }, '2025-04-07')).message).toBe(
      'reviewOn: is required: the date of the next review',
    );
    const plan = planTransition(inForce, patrols, { to: 'reviewed', reviewOn: '2025-05-05' }, '2025-04-07');
    expect(plan).toMatchObject({ status: 'reviewed', reviewOn: '2025-05-05', expiresOn: '2025-09-09' });
  });

  it('needs an outcome to end, and clears the review date', () => {
    expect(errorOf(() => planTransition(inForce, patrols, { to: 'ended' }, '2025-06-01')).message).toBe(
      'outcome: is required when ending an action: breached, complied or expired',
    );
    const plan = planTransition(inForce, patrols, { to: 'ended', outcome: 'breached' }, '2025-06-01');
    expect(plan).toMatchObject({ status: 'ended', outcome: 'breached', endedOn: '2025-06-01', reviewOn: null });
  });

  it('records a court’s refusal only for tactics that go to court', () => {
    expect(
      planTransition(agreed, closureOrder, { to: 'refused', outcome: 'refused_by_court' }, '2025-03-07'),
    ).toMatchObject({ status: 'refused', outcome: 'refused_by_court', endedOn: '2025-03-07' });
    expect(
      errorOf(() => planTransition(agreed, closureNotice, { to: 'refused', outcome: 'refused_by_court' }, '2025-03-07'))
        .message,
    ).toBe('outcome: a Closure notice does not go to court (got refused_by_court)');
  });

  it('refuses an outcome on a move that does not end the action', () => {
    expect(
      errorOf(() => planTransition(proposed, patrols, { to: 'agreed', outcome: 'complied' }, '2025-03-02')).message,
    ).toBe('outcome: is recorded only when an action is ended or refused (got complied)');
  });
});
