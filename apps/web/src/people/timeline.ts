import type { EntityLinks } from '@lantern/domain';

type LinkEntry = EntityLinks['links'][number];
interface EpisodeLike {
  id: string;
  reportedAt: string;
  returnedAt: string | null;
  policeRisk: string;
  foundLocationType: string | null;
}

export type TimelineEntry =
  | { kind: 'episode'; key: string; at: string; episode: EpisodeLike }
  | { kind: 'link'; key: string; at: string; link: LinkEntry };

/** Episodes by report time and links by first sighting, newest first (ties: episodes first). */
export function timelineOf(links: readonly LinkEntry[], episodes: readonly EpisodeLike[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...episodes.map((episode) => ({
      kind: 'episode' as const,
      key: `e-${episode.id}`,
      at: episode.reportedAt,
      episode,
    })),
    ...links.map((link) => ({ kind: 'link' as const, key: `l-${link.id}`, at: link.firstSeen, link })),
  ];
  return entries.sort((a, b) => b.at.slice(0, 10).localeCompare(a.at.slice(0, 10)) || (a.kind === 'episode' ? -1 : 1));
}
