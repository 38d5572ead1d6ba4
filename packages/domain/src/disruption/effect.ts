import { addDays, daysBetween, monthStart } from '../calendar/calendar.ts';

/**
 * The effect of a disruption action, measured as docs/DOMAIN.md asks: incidents near the target before
 * and after it came into force. Both periods are the same number of whole calendar months; the
 * month the action came into force is left out of both, because police.uk publishes crime by month
 * only, so that month cannot be split into before and after.
 */
export interface EffectPeriod {
  /** First day, inclusive ('YYYY-MM-DD'). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export interface EffectPeriods {
  before: EffectPeriod;
  after: EffectPeriod;
  /** The month left out: the one the action came into force in ('YYYY-MM'). */
  excludedMonth: string;
}

export function effectPeriods(inForceFrom: string, months: number): EffectPeriods {
  if (!Number.isInteger(months) || months < 1 || months > 24) {
    throw new RangeError(`months must be a whole number from 1 to 24, got ${months}`);
  }
  const lastDayBefore = (date: string) => addDays(date, -1);
  return {
    before: { from: monthStart(inForceFrom, -months), to: lastDayBefore(monthStart(inForceFrom)) },
    after: { from: monthStart(inForceFrom, 1), to: lastDayBefore(monthStart(inForceFrom, months + 1)) },
    excludedMonth: inForceFrom.slice(0, 7),
  };
}

/** Whether the after period has ended by `today`: if not, its counts are still growing. */
export function afterPeriodComplete(periods: EffectPeriods, today: string): boolean {
  return daysBetween(periods.after.to, today) > 0;
}

export interface EffectCount {
  before: number;
  after: number;
  /** after − before. */
  change: number;
  /** Whole-number percentage change from before (halves away from zero); null when before is 0. */
  percentChange: number | null;
}

export function effectCount(before: number, after: number): EffectCount {
  const change = after - before;
  if (before === 0) return { before, after, change, percentChange: null };
  // Halves away from zero, so a fall and a rise of the same size read the same.
  const percent = (Math.abs(change) / before) * 100;
  return { before, after, change, percentChange: Math.sign(change) * Math.round(percent) };
}

/** Below this many incidents in both periods, a difference says next to nothing. */
export const fewIncidents = 10;

/** The plain-language caution shown with every effect comparison. */
export function effectCaution(options: {
  distanceMetres: number;
  months: number;
  excludedMonth: string;
  complete: boolean;
  totalBefore: number;
  totalAfter: number;
}): string[] {
  const { distanceMetres, months, excludedMonth, complete, totalBefore, totalAfter } = options;
  const span = months === 1 ? 'the month' : `the ${months} months`;
  const lines = [
    `These are counts of recorded incidents within ${distanceMetres} m of the target in ${span} before and ${span} after the month the action came into force (${excludedMonth}, left out of both).`,
    'A fall or a rise does not show that the action caused it. Incidents may have moved elsewhere rather than stopped; recording changes with attention (a new action often brings more reports, not fewer); seasons, other work in the area and chance all move counts.',
    'police.uk crime locations are approximate (moved to a nearby map point for anonymity) and dated by month only; intelligence and missing-episode counts depend on what partners chose to record.',
    'Use this as one piece of evidence at the review, alongside what partners and the community report.',
  ];
  if (!complete) lines.push('The after period has not finished yet: its counts are incomplete and will grow.');
  if (totalBefore < fewIncidents && totalAfter < fewIncidents) {
    lines.push(
      `With fewer than ${fewIncidents} incidents in each period, a difference of this size is well within chance variation.`,
    );
  }
  return lines;
}
