/** Shared shapes of the missing-children rules (docs/ARCHITECTURE.md, docs/DOMAIN.md). */

export { HOUR_MS } from '../calendar/calendar.ts';

/** The timing of one missing episode; instants are real points in time (clock changes don't matter). */
export interface EpisodeTiming {
  /** Any stable id: the episode's uuid or `episode_ref`. */
  id: string;
  /** The child. */
  personId: string;
  reportedAt: Date;
  /** `null` while the child is still missing. */
  returnedAt: Date | null;
}

/**
 * When a multi-agency meeting is required. Local protocols differ, so both thresholds are
 * parameters; the defaults are docs/ARCHITECTURE.md's: 72 hours missing, or 3 episodes in 90 days.
 */
export interface MamThresholds {
  /** An episode lasting this many hours or more requires a meeting. */
  durationHours: number;
  /** The child's n-th episode (or later) within the window requires a meeting. */
  repeatCount: number;
  /** The window, in days of 24 hours, ending at the episode's own report time. */
  windowDays: number;
}

export const defaultMamThresholds: Readonly<MamThresholds> = Object.freeze({
  durationHours: 72,
  repeatCount: 3,
  windowDays: 90,
});

/** The statutory Return Home Interview deadline: within 72 hours of the return. */
export const RHI_DEADLINE_HOURS = 72;
