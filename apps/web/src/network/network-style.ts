import type { NetworkNodeType } from '@lantern/domain';

/**
 * How the link chart draws things. Communities get colours from a qualitative palette that stays
 * distinguishable for the common colour-vision deficiencies (Okabe–Ito, then Tol's muted); node
 * types get pictograms; link types are grouped by what they join.
 */
const communityPalette = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#882255',
  '#117733',
  '#332288',
  '#999933',
  '#AA4499',
  '#44AA99',
];

export function communityColour(community: number): string {
  return communityPalette[community % communityPalette.length] ?? '#666666';
}

export const nodeTypeLabels: Record<NetworkNodeType, string> = {
  child: 'Child',
  associate: 'Associate',
  place: 'Place of concern',
  vehicle: 'Vehicle',
  intelligence_report: 'Intelligence report',
  missing_episode: 'Missing episode',
};

/** Pictograms as SVG paths on a 24-unit square, white on the node's community colour. */
const pictogramPaths: Record<NetworkNodeType, string> = {
  child: 'M12 5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5zM8.5 19v-5.5a3.5 3.5 0 0 1 7 0V19z',
  associate: 'M12 3.5a3.5 3.5 0 1 1 0 7a3.5 3.5 0 0 1 0-7zM5.5 20.5v-4a6.5 6.5 0 0 1 13 0v4z',
  place:
    'M12 2.5a6.5 6.5 0 0 1 6.5 6.5c0 4.8-6.5 12.5-6.5 12.5S5.5 13.8 5.5 9A6.5 6.5 0 0 1 12 2.5zm0 4a2.5 2.5 0 1 0 0 5a2.5 2.5 0 0 0 0-5z',
  vehicle: 'M4 15v-3.5L6.5 7h11l2.5 4.5V15h-1.5a2 2 0 0 1-4 0h-5a2 2 0 0 1-4 0z',
  intelligence_report: 'M6 3h8.5L18 6.5V21H6zM8.5 10h7v1.5h-7zm0 3.5h7V15h-7zm0 3.5h5v1.5h-5z',
  missing_episode: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zm-1 4v6h2V7zm0 8v2h2v-2z',
};

/** The pictogram of a node type as a data: URL (the CSP allows data: images). */
export function pictogram(type: NetworkNodeType): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path fill="#ffffff" d="${pictogramPaths[type]}"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export type LinkGroup = 'person' | 'place' | 'vehicle' | 'derived' | 'record';

export const linkGroupLabels: Record<LinkGroup, string> = {
  person: 'Person to person (associated, in contact, peers)',
  place: 'At a place (seen at, frequents, visits, lives at, found at)',
  vehicle: 'Vehicle (uses, seen in, seen at)',
  derived: 'From records (missing together, found near, named together)',
  record: 'Record to what it names',
};

export const linkGroupColours: Record<LinkGroup, string> = {
  person: '#b2182b',
  place: '#2166ac',
  vehicle: '#762a83',
  derived: '#8c8c8c',
  record: '#c7c7c7',
};

const derivedTypes = new Set(['co-missing', 'found-at', 'co-mentioned']);

/** What an edge mostly is, from its link types and the types of its ends. */
export function linkGroup(types: readonly string[], endTypes: readonly NetworkNodeType[]): LinkGroup {
  if (types.includes('mentions')) return 'record';
  if (endTypes.includes('vehicle')) return 'vehicle';
  if (types.every((type) => derivedTypes.has(type))) return 'derived';
  if (endTypes.includes('place')) return 'place';
  return 'person';
}

/** "seen_at" → "seen at", "co-missing" → "missing together". */
export function linkTypeLabel(type: string): string {
  switch (type) {
    case 'co-missing':
      return 'missing together';
    case 'found-at':
      return 'found near';
    case 'co-mentioned':
      return 'named in the same report';
    case 'mentions':
      return 'named in';
    default:
      return type.replace(/_/g, ' ');
  }
}
