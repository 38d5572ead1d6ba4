import type { EpisodeTiming } from './types.ts';

/**
 * How long an episode lasted, in real elapsed milliseconds: from the report to the return, or to
 * `asOf` while the child is still missing. Instants are compared as points in time, so an episode
 * across a clock change lasts what a stopwatch would say, not what the wall clock says.
 *
 * @example
 * // Reported 00:30 BST on 27 Oct 2024, returned 00:30 GMT on 30 Oct: 72 h on the wall clock, 73 h elapsed.
 * episodeDurationMs({ reportedAt: new Date('2024-10-26T23:30:00Z'), returnedAt: new Date('2024-10-30T00:30:00Z') }, new Date())
 * // → 262_800_000 (73 hours)
 */
export function episodeDurationMs(episode: Pick<EpisodeTiming, 'reportedAt' | 'returnedAt'>, asOf: Date): number {
  const end = episode.returnedAt ?? asOf;
  return end.getTime() - episode.reportedAt.getTime();
}
