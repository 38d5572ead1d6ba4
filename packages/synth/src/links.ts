/**
 * Links between people, places and vehicles. Every link cites the record it came from (an
 * intelligence report or a missing episode): a link with no source is not allowed. Repeated
 * sightings of the same pair widen first/last seen and keep the earliest record as the source.
 */
import type { EntityType, IntelligenceEvaluation, LinkReliability, LinkSourceType } from '@lantern/domain';
import type { Rng } from './rng.ts';
import type { SynthLink } from './types.ts';

export interface Sighting {
  fromType: EntityType;
  fromId: string;
  toType: EntityType;
  toId: string;
  linkType: string;
  sourceType: LinkSourceType;
  sourceId: string;
  /** 'YYYY-MM-DD' */
  seen: string;
  reliability: LinkReliability;
}

const reliabilityRank: Record<LinkReliability, number> = { unverified: 0, possible: 1, probable: 2, confirmed: 3 };

/** How far a link can be relied on, from the grading of the intelligence that reported it. */
export function reliabilityFromGrading(evaluation: IntelligenceEvaluation): LinkReliability {
  switch (evaluation) {
    case 'A':
      return 'confirmed';
    case 'B':
      return 'probable';
    case 'C':
      return 'possible';
    default:
      return 'unverified';
  }
}

/** Pairs of the same kind are unordered (two associates, two children). */
const symmetricLinkTypes = new Set(['associates_with', 'peer_of']);

export class LinkBuilder {
  private readonly links = new Map<string, SynthLink>();

  constructor(private readonly rng: Rng) {}

  add(sighting: Sighting): void {
    if (sighting.fromType === sighting.toType && sighting.fromId === sighting.toId) {
      throw new Error(`A link cannot join ${sighting.fromType} ${sighting.fromId} to itself`);
    }
    let { fromType, fromId, toType, toId } = sighting;
    if (symmetricLinkTypes.has(sighting.linkType) && fromId > toId) {
      [fromType, fromId, toType, toId] = [toType, toId, fromType, fromId];
    }
    const key = `${fromType}:${fromId}>${toType}:${toId}:${sighting.linkType}`;
    const existing = this.links.get(key);
    if (!existing) {
      this.links.set(key, {
        id: this.rng.uuid(),
        fromType,
        fromId,
        toType,
        toId,
        linkType: sighting.linkType,
        sourceType: sighting.sourceType,
        sourceId: sighting.sourceId,
        firstSeen: sighting.seen,
        lastSeen: sighting.seen,
        reliability: sighting.reliability,
      });
      return;
    }
    if (sighting.seen < existing.firstSeen) {
      existing.firstSeen = sighting.seen;
      existing.sourceType = sighting.sourceType;
      existing.sourceId = sighting.sourceId;
    }
    if (sighting.seen > existing.lastSeen) existing.lastSeen = sighting.seen;
    if (reliabilityRank[sighting.reliability] > reliabilityRank[existing.reliability]) {
      existing.reliability = sighting.reliability;
    }
  }

  build(): SynthLink[] {
    return [...this.links.values()];
  }
}
