/**
 * The multi-agency meeting (MAM) trigger from docs/ARCHITECTURE.md, used both to decide which synthetic
 * episodes get a meeting and to measure the calibration: an episode requires a MAM when it lasted
 * 72 hours or more (an open one: until `asOf`), or when it is at least the child's third episode
 * reported within the 90 × 24 hours ending at its own report time. Durations are elapsed time.
 */
import { HOUR_MS } from '@lantern/domain';

export interface MamRuleOptions {
  durationHours: number;
  repeatCount: number;
  windowHours: number;
}

export const defaultMamRule: MamRuleOptions = { durationHours: 72, repeatCount: 3, windowHours: 90 * 24 };

export interface EpisodeTiming {
  personId: string;
  reportedAt: string;
  returnedAt: string | null;
}

export interface MamRequirement {
  required: boolean;
  byDuration: boolean;
  byRepeat: boolean;
  /** When the requirement arose (epoch ms), null when not required. */
  triggeredAt: number | null;
}

/** One result per episode, in input order. Episodes of all periods should be passed: history counts. */
export function mamRequirements(
  episodes: readonly EpisodeTiming[],
  asOf: number,
  rule: MamRuleOptions = defaultMamRule,
): MamRequirement[] {
  const results: MamRequirement[] = new Array(episodes.length);
  const byPerson = new Map<string, number[]>();
  episodes.forEach((episode, index) => {
    const list = byPerson.get(episode.personId);
    if (list) list.push(index);
    else byPerson.set(episode.personId, [index]);
  });
  const durationMs = rule.durationHours * HOUR_MS;
  const windowMs = rule.windowHours * HOUR_MS;
  for (const indices of byPerson.values()) {
    const reported = indices.map((index) => Date.parse((episodes[index] as EpisodeTiming).reportedAt));
    const order = indices.map((_, position) => position).sort((a, b) => (reported[a] ?? 0) - (reported[b] ?? 0));
    let windowStart = 0;
    order.forEach((position, rank) => {
      const index = indices[position] as number;
      const episode = episodes[index] as EpisodeTiming;
      const reportedAt = reported[position] as number;
      while (windowStart < rank && (reported[order[windowStart] as number] as number) < reportedAt - windowMs) {
        windowStart += 1;
      }
      const inWindow = rank - windowStart + 1;
      const end = episode.returnedAt === null ? asOf : Date.parse(episode.returnedAt);
      const byDuration = end - reportedAt >= durationMs;
      const byRepeat = inWindow >= rule.repeatCount;
      const triggeredAt = byRepeat ? reportedAt : byDuration ? reportedAt + durationMs : null;
      results[index] = { required: byDuration || byRepeat, byDuration, byRepeat, triggeredAt };
    });
  }
  return results;
}
