import { AppError } from '../app-error.ts';
import type { HandlingCode, IntelligenceStatus, Role } from '../enums.ts';

/**
 * The intelligence cycle (docs/DOMAIN.md "Concerns Network"):
 *
 *   received → being_evaluated → developed
 *       │              │
 *       └──────────────┴──→ no_further_action
 *       └──────────────┴──→ withdrawn (by the submitter, while nothing has been decided)
 *
 * Grading a received report starts its evaluation; re-grading is allowed until it is withdrawn
 * (the history keeps every grading). A report is developed only once it is graded. `developed`,
 * `no_further_action` and `withdrawn` are final: a report is never deleted.
 */
export type IntelligenceStep = 'grade' | 'sanitise' | 'develop' | 'no_further_action' | 'withdraw';

export const intelligenceTransitions: Readonly<Record<IntelligenceStatus, readonly IntelligenceStatus[]>> = {
  received: ['being_evaluated', 'no_further_action', 'withdrawn'],
  being_evaluated: ['developed', 'no_further_action', 'withdrawn'],
  developed: [],
  no_further_action: [],
  withdrawn: [],
};

/** Statuses an analyst's queue shows: nothing decided yet. */
export const openIntelligenceStatuses: readonly IntelligenceStatus[] = ['received', 'being_evaluated'];

export function mayMoveIntelligence(from: IntelligenceStatus, to: IntelligenceStatus): boolean {
  return intelligenceTransitions[from].includes(to);
}

const stepWords: Record<IntelligenceStep, string> = {
  grade: 'graded',
  sanitise: 'sanitised',
  develop: 'developed',
  no_further_action: 'closed with no further action',
  withdraw: 'withdrawn',
};

/**
 * The status a report moves to when `step` is taken, or BAD_INPUT naming `status` when the step
 * is not allowed from where it is. `graded` says whether it carries a 3x5x2 grading.
 */
export function nextIntelligenceStatus(
  current: IntelligenceStatus,
  step: IntelligenceStep,
  graded: boolean,
): IntelligenceStatus {
  const refuse = (why: string) =>
    new AppError(
      'BAD_INPUT',
      `status: a report that is ${current.replace(/_/g, ' ')} cannot be ${stepWords[step]}${why}`,
    );
  switch (step) {
    case 'grade':
    case 'sanitise':
      if (current === 'withdrawn') throw refuse('');
      return current === 'received' ? 'being_evaluated' : current;
    case 'develop':
      if (current === 'received' || current === 'being_evaluated') {
        if (!graded) throw refuse(' before it is graded (3x5x2)');
        return 'developed';
      }
      throw refuse('');
    case 'no_further_action':
      if (!mayMoveIntelligence(current, 'no_further_action')) throw refuse('');
      return 'no_further_action';
    case 'withdraw':
      if (!mayMoveIntelligence(current, 'withdrawn')) throw refuse(' (the police have already decided on it)');
      return 'withdrawn';
  }
}

/**
 * Share-back. Police analysts see every report (a withdrawn one only in the queue and its own
 * page, never in analyses). Every other role sees a report, even as a count on a tile, an
 * agenda or a network tie, only when the police have developed it and coded it `P`: `C` carries
 * conditions that only the police apply, and an ungraded report has no code yet.
 */
export type IntelligenceAudience = 'analyst' | 'partner';

export function intelligenceAudience(roles: readonly Role[]): IntelligenceAudience {
  return roles.includes('police_analyst') ? 'analyst' : 'partner';
}

export function mayShareIntelligence(
  audience: IntelligenceAudience,
  report: { status: IntelligenceStatus; handlingCode: HandlingCode | null },
): boolean {
  if (report.status === 'withdrawn') return false;
  if (audience === 'analyst') return true;
  return report.status === 'developed' && report.handlingCode === 'P';
}
