import { episodeDurationMs } from './episode-duration-ms.ts';
import { defaultMamThresholds, type EpisodeTiming, HOUR_MS, type MamThresholds } from './types.ts';

export interface MamRequirement {
  id: string;
  required: boolean;
  /** Lasted `durationHours` or more (an open episode: until `asOf`). */
  byDuration: boolean;
  /** At least the child's `repeatCount`-th episode within the window ending at its report time. */
  byRepeat: boolean;
  /** The child's episodes reported within the window, this one included. */
  episodesInWindow: number;
  /** When the requirement arose: the report time (repeat) or report + duration threshold; else null. */
  triggeredAt: Date | null;
}

export interface MamOptions {
  /** Where an open episode's duration ends; a report uses the end of its period by default. */
  asOf: Date;
  thresholds?: MamThresholds;
}

/**
 * Applies the multi-agency meeting trigger to every episode given, in input order. Pass the
 * children's earlier episodes too (a report passes the `windowDays` before its period): they
 * count towards the repeat rule though they are not reported on. The window is the
 * `windowDays` × 24 hours ending at the episode's own report time, both ends included; episodes
 * reported at the same instant are ordered by id.
 *
 * @example
 * const at = (days: number) => new Date(Date.parse('2024-01-01T00:00:00Z') + days * DAY_MS);
 * mamRequirements(
 *   [0, 40, 90].map((d) => ({ id: `e${d}`, personId: 'c1', reportedAt: at(d), returnedAt: at(d + 0.1) })),
 *   { asOf: at(200) },
 * ).map((r) => r.required);
 * // → [false, false, true]: the third is exactly 90 × 24 h after the first, inside the window
 */
export function mamRequirements(episodes: readonly EpisodeTiming[], options: MamOptions): MamRequirement[] {
  const thresholds = options.thresholds ?? defaultMamThresholds;
  assertThresholds(thresholds);
  const durationMs = thresholds.durationHours * HOUR_MS;
  const windowMs = thresholds.windowDays * 24 * HOUR_MS;
  const results = new Array<MamRequirement>(episodes.length);

  const byPerson = new Map<string, number[]>();
  episodes.forEach((episode, index) => {
    const indices = byPerson.get(episode.personId);
    if (indices) indices.push(index);
    else byPerson.set(episode.personId, [index]);
  });

  for (const indices of byPerson.values()) {
    const ordered = indices
      .map((index) => ({ index, episode: episodes[index] as EpisodeTiming }))
      .sort(
        (a, b) =>
          a.episode.reportedAt.getTime() - b.episode.reportedAt.getTime() ||
          (a.episode.id < b.episode.id ? -1 : a.episode.id > b.episode.id ? 1 : 0),
      );
    let windowStart = 0;
    ordered.forEach(({ index, episode }, rank) => {
      const reportedMs = episode.reportedAt.getTime();
      while ((ordered[windowStart] as (typeof ordered)[number]).episode.reportedAt.getTime() < reportedMs - windowMs) {
        windowStart += 1;
      }
      const episodesInWindow = rank - windowStart + 1;
      const byDuration = episodeDurationMs(episode, options.asOf) >= durationMs;
      const byRepeat = episodesInWindow >= thresholds.repeatCount;
      const triggeredAt = byRepeat ? new Date(reportedMs) : byDuration ? new Date(reportedMs + durationMs) : null;
      results[index] = {
        id: episode.id,
        required: byDuration || byRepeat,
        byDuration,
        byRepeat,
        episodesInWindow,
        triggeredAt,
      };
    });
  }
  return results;
}

function assertThresholds(thresholds: MamThresholds): void {
  const { durationHours, repeatCount, windowDays } = thresholds;
  if (!(Number.isFinite(durationHours) && durationHours > 0)) {
    throw new RangeError(`MAM durationHours must be a positive number (got ${durationHours})`);
  }
  if (!(Number.isInteger(repeatCount) && repeatCount >= 1)) {
    throw new RangeError(`MAM repeatCount must be a whole number of at least 1 (got ${repeatCount})`);
  }
  if (!(Number.isFinite(windowDays) && windowDays > 0)) {
    throw new RangeError(`MAM windowDays must be a positive number (got ${windowDays})`);
  }
}
