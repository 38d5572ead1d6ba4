import { rhiCompletedWithin72h } from './rhi-completed-within-72h.ts';
import { rhiDueAt } from './rhi-due-at.ts';
import { HOUR_MS } from './types.ts';

export type RhiClockState =
  /** The child has not returned: the clock has not started. */
  | 'not_started'
  | 'completed_in_time'
  | 'completed_late'
  /** Past the 72 hours and not completed. */
  | 'overdue'
  /** Due within the next `dueSoonHours`. */
  | 'due_soon'
  | 'pending';

export interface RhiClock {
  state: RhiClockState;
  /** `null` until the child returns. */
  dueAt: Date | null;
  /** Milliseconds from `now` to `dueAt` (negative when overdue); `null` when not started or completed. */
  remainingMs: number | null;
}

/**
 * The 72-hour Return Home Interview clock at `now`, for a coordinator's list of interviews due in
 * the next 24 hours and overdue. Due exactly at `now` is still due (not overdue).
 *
 * @example
 * rhiClock({ returnedAt: new Date('2024-06-01T09:00Z'), completedAt: null }, new Date('2024-06-03T12:00Z')).state;
 * // → 'due_soon' (due 2024-06-04T09:00Z, 21 hours away)
 */
export function rhiClock(
  interview: { returnedAt: Date | null; completedAt: Date | null },
  now: Date,
  dueSoonHours = 24,
): RhiClock {
  if (interview.returnedAt === null) return { state: 'not_started', dueAt: null, remainingMs: null };
  const dueAt = rhiDueAt(interview.returnedAt);
  if (interview.completedAt !== null) {
    const state = rhiCompletedWithin72h(interview.returnedAt, interview.completedAt)
      ? 'completed_in_time'
      : 'completed_late';
    return { state, dueAt, remainingMs: null };
  }
  const remainingMs = dueAt.getTime() - now.getTime();
  const state = remainingMs < 0 ? 'overdue' : remainingMs <= dueSoonHours * HOUR_MS ? 'due_soon' : 'pending';
  return { state, dueAt, remainingMs };
}
