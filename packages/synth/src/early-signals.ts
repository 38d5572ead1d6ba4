/**
 * Children not (yet) flagged for exploitation who nonetheless show two early signals at once, so
 * the early-identification list has something to show on the demo: a few unflagged children who
 * were found, on a recent return, at a public place of a network in their district, with one of
 * its associates. Only the found point of those episodes moves (the kind of place stays a public
 * place) and links are added; no episode, date, flag or RHI changes, so the calibration figures
 * stay as they were. Drawn from its own random stream.
 */
import { DAY_MS, londonDate } from '@lantern/domain';
import { scatterInside } from './geography.ts';
import type { LinkBuilder } from './links.ts';
import type { Network } from './networks.ts';
import type { ChildProfile } from './people.ts';
import type { Rng } from './rng.ts';
import type { SynthMissingEpisode } from './types.ts';

/** How many unflagged children are given two early signals. */
export const EARLY_SIGNAL_CHILDREN = 8;
/** Only returns this recent count: the early-identification list looks back a year. */
const RECENT_DAYS = 240;

export function plantEarlySignals(options: {
  rng: Rng;
  periodEndMs: number;
  children: readonly ChildProfile[];
  networks: readonly Network[];
  episodes: SynthMissingEpisode[];
  links: LinkBuilder;
}): string[] {
  const { rng, periodEndMs, children, networks, episodes, links } = options;
  const unflagged = new Map(
    children
      .filter((child) => child.person.cseRisk === 'none' && child.person.cceRisk === 'none')
      .map((child) => [child.person.id, child]),
  );
  const planted: string[] = [];
  for (const episode of episodes) {
    if (planted.length >= EARLY_SIGNAL_CHILDREN) break;
    const child = unflagged.get(episode.personId);
    if (!child || planted.includes(child.person.id)) continue;
    if (episode.foundLocationType !== 'public_place' || episode.found === null || episode.returnedAt === null) continue;
    const returnedMs = Date.parse(episode.returnedAt);
    if (returnedMs < periodEndMs - RECENT_DAYS * DAY_MS) continue;
    const district = child.person.homeDistrictCode;
    const network = networks.find(
      (candidate) =>
        candidate.districtCode === district &&
        candidate.children.length > 0 &&
        candidate.associates.length > 0 &&
        candidate.places.some((place) => place.category !== 'house'),
    );
    if (!network) continue;
    const place = rng.pick(network.places.filter((candidate) => candidate.category !== 'house'));
    const associate = rng.pick(network.associates);
    episode.found = scatterInside(rng, place.location, 15, place.districtCode);
    const seen = londonDate(episode.returnedAt);
    const source = {
      sourceType: 'missing_episode' as const,
      sourceId: episode.id,
      seen,
      reliability: 'confirmed' as const,
    };
    links.add({
      fromType: 'person',
      fromId: child.person.id,
      toType: 'place',
      toId: place.id,
      linkType: 'found_at',
      ...source,
    });
    links.add({
      fromType: 'person',
      fromId: child.person.id,
      toType: 'person',
      toId: associate.id,
      linkType: 'found_with',
      ...source,
    });
    planted.push(child.person.id);
  }
  return planted;
}
