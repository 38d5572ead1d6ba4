import { AppError } from '../app-error.ts';
import { addDays, daysBetween } from '../calendar/calendar.ts';
import type { DisruptionOutcome, DisruptionStatus } from './vocabulary.ts';

/**
 * The life of a disruption action (docs/DOMAIN.md "Meetings and disruption"):
 *
 *   proposed → agreed → in_force → reviewed → ended
 *                                   ↺ (each further review)
 *
 * `refused` and `withdrawn` are reachable only from the open states before the action takes
 * effect (`proposed`, `agreed`): a court or the holding agency may refuse it, and its proposer may
 * withdraw it. Once in force an action is not withdrawn: it is ended, with its outcome (breached,
 * complied, expired), so its record and its effect stay on the books. `ended`, `refused` and
 * `withdrawn` are final.
 */
export const disruptionTransitions: Readonly<Record<DisruptionStatus, readonly DisruptionStatus[]>> = {
  proposed: ['agreed', 'refused', 'withdrawn'],
  agreed: ['in_force', 'refused', 'withdrawn'],
  in_force: ['reviewed', 'ended'],
  reviewed: ['reviewed', 'ended'],
  ended: [],
  refused: [],
  withdrawn: [],
};

/** Statuses in which an action is in force (a closure notice on a place shows on the map). */
export const inForceStatuses: readonly DisruptionStatus[] = ['in_force', 'reviewed'];
/** Statuses that no transition leaves. */
export const finalStatuses: readonly DisruptionStatus[] = ['ended', 'refused', 'withdrawn'];

export function mayMove(from: DisruptionStatus, to: DisruptionStatus): boolean {
  return disruptionTransitions[from].includes(to);
}

/** An action's dates as stored ('YYYY-MM-DD' or null). */
export interface DisruptionDates {
  proposedOn: string;
  agreedOn: string | null;
  inForceFrom: string | null;
  reviewOn: string | null;
  expiresOn: string | null;
  endedOn: string | null;
}

export interface TacticLimits {
  name: string;
  needsCourt: boolean;
  maxDurationDays: number | null;
}

export interface TransitionRequest {
  to: DisruptionStatus;
  /** The date the change happened (default: today). */
  on?: string | undefined;
  outcome?: DisruptionOutcome | undefined;
  inForceFrom?: string | undefined;
  reviewOn?: string | undefined;
  expiresOn?: string | undefined;
}

export interface TransitionPlan extends DisruptionDates {
  status: DisruptionStatus;
  outcome: DisruptionOutcome | null;
}

/** Days between in force and the first review when none is given: NSD meetings are monthly. */
export const defaultReviewDays = 28;

const bad = (field: string, message: string, value?: string) =>
  new AppError('BAD_INPUT', `${field}: ${message}${value === undefined ? '' : ` (got ${value})`}`, [
    { field, message, ...(value === undefined ? {} : { value }) },
  ]);

function checkExpiry(tactic: TacticLimits, inForceFrom: string, expiresOn: string | null, field: string) {
  if (expiresOn === null) return;
  if (expiresOn < inForceFrom) throw bad(field, `must be on or after the in-force date ${inForceFrom}`, expiresOn);
  if (tactic.maxDurationDays !== null && daysBetween(inForceFrom, expiresOn) > tactic.maxDurationDays) {
    throw bad(
      field,
      `a ${tactic.name} lasts at most ${tactic.maxDurationDays} days, so it must expire by ${addDays(inForceFrom, tactic.maxDurationDays)}`,
      expiresOn,
    );
  }
}

/**
 * What a status change does to an action: the new status, outcome and dates, or a BAD_INPUT
 * naming the field at fault. Pure: the caller checks who may act and writes the result.
 */
export function planTransition(
  current: DisruptionDates & { status: DisruptionStatus; outcome: DisruptionOutcome | null },
  tactic: TacticLimits,
  request: TransitionRequest,
  today: string,
): TransitionPlan {
  const { to } = request;
  if (!mayMove(current.status, to)) {
    const allowed = disruptionTransitions[current.status];
    throw bad(
      'to',
      `a ${current.status} action cannot become ${to}; ${allowed.length === 0 ? `${current.status} is final` : `it may become ${allowed.join(', ')}`}`,
    );
  }
  const on = request.on ?? today;
  if (request.outcome !== undefined && to !== 'ended' && to !== 'refused') {
    throw bad('outcome', 'is recorded only when an action is ended or refused', request.outcome);
  }
  const plan: TransitionPlan = { ...current, status: to };
  switch (to) {
    case 'agreed':
      if (on < current.proposedOn) throw bad('on', `must be on or after the proposal date ${current.proposedOn}`, on);
      plan.agreedOn = on;
      return plan;
    case 'in_force': {
      const from = request.inForceFrom ?? on;
      if (current.agreedOn !== null && from < current.agreedOn) {
        throw bad('inForceFrom', `must be on or after the date it was agreed, ${current.agreedOn}`, from);
      }
      const expiresOn =
        request.expiresOn ??
        (tactic.maxDurationDays === null ? current.expiresOn : addDays(from, tactic.maxDurationDays));
      checkExpiry(tactic, from, expiresOn, 'expiresOn');
      const firstReview = addDays(from, defaultReviewDays);
      const reviewOn = request.reviewOn ?? (expiresOn !== null && expiresOn < firstReview ? expiresOn : firstReview);
      if (reviewOn < from) throw bad('reviewOn', `must be on or after the in-force date ${from}`, reviewOn);
      return { ...plan, inForceFrom: from, expiresOn, reviewOn };
    }
    case 'reviewed': {
      if (request.reviewOn === undefined) throw bad('reviewOn', 'is required: the date of the next review');
      if (request.reviewOn <= on) throw bad('reviewOn', `must be after the review date ${on}`, request.reviewOn);
      const inForceFrom = current.inForceFrom ?? on;
      const expiresOn = request.expiresOn ?? current.expiresOn;
      checkExpiry(tactic, inForceFrom, expiresOn, 'expiresOn');
      return { ...plan, reviewOn: request.reviewOn, expiresOn };
    }
    case 'ended':
      if (request.outcome === undefined || request.outcome === 'refused_by_court') {
        throw bad('outcome', 'is required when ending an action: breached, complied or expired', request.outcome);
      }
      if (current.inForceFrom !== null && on < current.inForceFrom) {
        throw bad('on', `must be on or after the in-force date ${current.inForceFrom}`, on);
      }
      return { ...plan, outcome: request.outcome, endedOn: on, reviewOn: null };
    case 'refused':
      if (request.outcome !== undefined && request.outcome !== 'refused_by_court') {
        throw bad('outcome', 'a refusal records only refused_by_court (or nothing)', request.outcome);
      }
      if (request.outcome === 'refused_by_court' && !tactic.needsCourt) {
        throw bad('outcome', `a ${tactic.name} does not go to court`, request.outcome);
      }
      if (on < current.proposedOn) throw bad('on', `must be on or after the proposal date ${current.proposedOn}`, on);
      return { ...plan, outcome: request.outcome ?? null, endedOn: on, reviewOn: null };
    case 'withdrawn':
      if (on < current.proposedOn) throw bad('on', `must be on or after the proposal date ${current.proposedOn}`, on);
      return { ...plan, endedOn: on, reviewOn: null };
    default:
      throw bad('to', `cannot move an action back to ${to}`);
  }
}
