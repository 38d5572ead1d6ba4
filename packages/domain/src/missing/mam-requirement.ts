import { type MamOptions, type MamRequirement, mamRequirements } from './mam-requirements.ts';
import type { EpisodeTiming } from './types.ts';

/**
 * The multi-agency meeting trigger for one episode, given the child's other episodes (any order;
 * other children's episodes and the episode itself in the list are ignored).
 *
 * @example
 * mamRequirement(
 *   { id: 'e1', personId: 'c1', reportedAt: new Date('2024-05-01T10:00Z'), returnedAt: null },
 *   [],
 *   { asOf: new Date('2024-05-04T10:00Z') },
 * ).byDuration; // → true: still missing after exactly 72 hours
 */
export function mamRequirement(
  episode: EpisodeTiming,
  childEpisodes: readonly EpisodeTiming[],
  options: MamOptions,
): MamRequirement {
  const others = childEpisodes.filter((other) => other.personId === episode.personId && other.id !== episode.id);
  return mamRequirements([episode, ...others], options)[0] as MamRequirement;
}
