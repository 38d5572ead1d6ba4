import type { ProfilePersonLink } from '@lantern/db';
import { compareCounts, type ProfileFigure, type ProfileTable, type StoredQuery } from '@lantern/domain';
import { louvainCommunities, simpleGraph } from '@lantern/network';

/** The Louvain seed: the same links always give the same groups. */
export const communitySeed = 1;

interface Group {
  people: number;
  children: number;
  associates: number;
}

/**
 * Groups of linked people (Louvain communities, seeded) over person-to-person links, largest
 * first (ties by the smallest member id, as louvainCommunities numbers them). Repeated links
 * between a pair weigh the edge by their number.
 *
 * @example
 * communityGroups([{ fromId: 'a', fromKind: 'child', toId: 'x', toKind: 'associate' }]);
 * // → [{ people: 2, children: 1, associates: 1 }]
 */
export function communityGroups(links: readonly ProfilePersonLink[]): Group[] {
  const kinds = new Map<string, string>();
  const weights = new Map<string, { source: string; target: string; weight: number }>();
  for (const link of links) {
    kinds.set(link.fromId, link.fromKind);
    kinds.set(link.toId, link.toKind);
    const [source, target] = [link.fromId, link.toId].sort() as [string, string];
    const key = `${source}|${target}`;
    const edge = weights.get(key) ?? { source, target, weight: 0 };
    edge.weight += 1;
    weights.set(key, edge);
  }
  const edges = [...weights.values()].sort((a, b) =>
    a.source === b.source ? (a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1,
  );
  const { membership, count } = louvainCommunities(simpleGraph(kinds.keys(), edges), communitySeed);
  const groups: Group[] = Array.from({ length: count }, () => ({ people: 0, children: 0, associates: 0 }));
  for (const [id, community] of membership) {
    const group = groups[community] as Group;
    group.people += 1;
    if (kinds.get(id) === 'child') group.children += 1;
    if (kinds.get(id) === 'associate') group.associates += 1;
  }
  return groups;
}

/** The offenders section's communities: a count against the comparison period, and a table of groups that names nobody. */
export function communityFigures(
  links: { period: readonly ProfilePersonLink[]; comparison: readonly ProfilePersonLink[] },
  query: StoredQuery,
): { figure: ProfileFigure; table: ProfileTable } {
  const groups = communityGroups(links.period);
  const comparison = communityGroups(links.comparison).length;
  const stored = { name: query.name, params: { ...query.params, seed: communitySeed } };
  return {
    figure: {
      key: 'offenders.communities',
      label: 'Communities (groups of linked people)',
      value: groups.length,
      comparison,
      ...compareCounts(groups.length, comparison),
      ratePer1000: null,
      countsPeople: false,
      query: stored,
    },
    table: {
      key: 'offenders.community_groups',
      // No 'people' total beside its parts: a total would give back a part withheld as "<5".
      title: 'Communities (groups of linked people), largest first',
      columns: ['Children', 'Associates'],
      rows: groups.map((g, i) => ({
        key: `group-${i + 1}`,
        label: `Group ${i + 1}`,
        cells: [g.children, g.associates],
      })),
      countsPeople: true,
      query: { ...stored, name: 'offenders.community_groups' },
    },
  };
}
