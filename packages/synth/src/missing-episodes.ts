/**
 * Turns planned missing episodes into records: where the child was last seen and found, the
 * Return Home Interview (service, completion) and the multi-agency meeting. Rates follow the
 * 2019/20 seeds: RHI required for about 87% of episodes, completion by service from 29% (other
 * authorities) to 100% (adoption), a MAM held for about two thirds of the episodes that need one.
 */
import type { FoundLocationType, RhiService } from '@lantern/domain';
import { DAY_MS, HOUR_MS, londonDate, londonWallClockMs } from '@lantern/domain';
import { policeUkPlaces, scatterInside } from './geography.ts';
import type { LinkBuilder, Sighting } from './links.ts';
import { mamRequirements } from './mam-rule.ts';
import type { PlannedEpisode } from './missing-roster.ts';
import type { Network } from './networks.ts';
import { pickTown } from './people.ts';
import type { Period } from './period.ts';
import type { Rng } from './rng.ts';
import { isoMinute } from './time.ts';
import { allDistrictCodes, districtInfoOf, NOTTINGHAM_CITY } from './towns.ts';
import type { LonLat, SynthMissingEpisode } from './types.ts';

const rhiRequiredChance = { home: 0.87, county_care: 0.96, ola_care: 0.9 } as const;
const rhiCompletedChance: Record<RhiService, number> = {
  childrens_social_care: 0.76,
  family_service: 0.965,
  adoption_service: 1,
  other_local_authority: 0.3,
};
const RHI_WITHIN_72H = 0.8;
const MAM_HELD = 0.69;

export interface EpisodeContext {
  rng: Rng;
  period: Period;
  planned: PlannedEpisode[];
  networkOfChild: Map<string, Network>;
  links: LinkBuilder;
}

function nearTown(rng: Rng, districtCode: string, spreadFactor = 1, preferCityBorder = false): LonLat {
  const town = pickTown(rng, districtCode, preferCityBorder);
  return scatterInside(rng, town.centre, town.spreadMetres * spreadFactor, districtCode);
}

function atPoliceUkPoint(rng: Rng, category: string, districtCode: string): LonLat {
  const inDistrict = policeUkPlaces().filter(
    (place) => place.category === category && place.districtCode === districtCode,
  );
  return inDistrict.length > 0 ? rng.pick(inDistrict).location : nearTown(rng, districtCode, 0.3);
}

export function completeEpisodes(context: EpisodeContext): SynthMissingEpisode[] {
  const { rng, period, links, networkOfChild } = context;
  const planned = [...context.planned].sort((a, b) => a.reportedAt - b.reportedAt);
  const firstRef = rng.int(1000, 4999);

  const episodes = planned.map((plan, index): SynthMissingEpisode => {
    const { child } = plan;
    const district = child.person.homeDistrictCode;
    const network = networkOfChild.get(child.person.id);
    const exploited = child.exploitation.length > 0;
    const cce = child.exploitation.includes('cce');
    const id = rng.uuid();

    let lastSeen: LonLat | null = null;
    if (!rng.chance(0.03)) {
      const roll = rng.float();
      if (roll < (cce ? 0.15 : 0.05)) lastSeen = nearTown(rng, NOTTINGHAM_CITY);
      else if (roll < 0.7) lastSeen = scatterInside(rng, child.home, 600, district);
      else lastSeen = nearTown(rng, district, 1, cce);
    }

    let foundLocationType: FoundLocationType | null = null;
    let found: LonLat | null = null;
    const sightings: Omit<Sighting, 'sourceType' | 'sourceId' | 'reliability' | 'seen'>[] = [];
    if (plan.returnedAt !== null) {
      const house = network ? [...network.addresses.entries()][0] : undefined;
      foundLocationType = rng.weighted<FoundLocationType>([
        ['friend_or_relative', 46],
        [plan.careStatus === 'home' ? 'home_address' : 'placement', 10],
        ['public_place', exploited ? 16 : 14],
        ['associate_address', house ? 9 : exploited ? 3 : 1.5],
        ['police_station', 4],
        ['hospital', 2],
        ['other', 5],
        ['unknown', 6],
      ]);
      switch (foundLocationType) {
        case 'friend_or_relative': {
          const roll = rng.float();
          if (roll < 0.75) found = nearTown(rng, district);
          else if (roll < 0.95) {
            const elsewhere = rng.weighted(
              allDistrictCodes.map((code) => [code, districtInfoOf(code).population] as const),
            );
            found = nearTown(rng, elsewhere);
          } else found = scatterInside(rng, child.home, 1500, district);
          break;
        }
        case 'home_address':
        case 'placement':
          found = scatterInside(rng, child.home, 25, district);
          break;
        case 'public_place': {
          const publicPlaces = network?.places.filter((candidate) => candidate.category !== 'house') ?? [];
          const place = publicPlaces.length > 0 && rng.chance(0.45) ? rng.pick(publicPlaces) : null;
          if (place) {
            found = scatterInside(rng, place.location, 30, place.districtCode);
            sightings.push({
              fromType: 'person',
              fromId: child.person.id,
              toType: 'place',
              toId: place.id,
              linkType: 'found_at',
            });
          } else {
            found = rng.chance(0.1) ? nearTown(rng, NOTTINGHAM_CITY, 0.5) : nearTown(rng, district, 0.5);
          }
          break;
        }
        case 'associate_address': {
          if (house) {
            const [residentId, address] = house;
            found = scatterInside(rng, address.location, 20, address.districtCode);
            sightings.push(
              { fromType: 'person', fromId: child.person.id, toType: 'place', toId: address.id, linkType: 'found_at' },
              {
                fromType: 'person',
                fromId: child.person.id,
                toType: 'person',
                toId: residentId,
                linkType: 'found_with',
              },
            );
          } else found = nearTown(rng, district, 1, cce);
          break;
        }
        case 'police_station':
          found = atPoliceUkPoint(rng, 'Police Station', district);
          break;
        case 'hospital':
          found = atPoliceUkPoint(rng, 'Hospital', district);
          break;
        case 'other':
          found = nearTown(rng, district);
          break;
        default:
          found = null;
      }
    }

    // Return Home Interview.
    const required =
      child.rhiService === 'adoption_service' ||
      rng.chance(plan.policeRisk === 'no_apparent_risk' ? 0.5 : rhiRequiredChance[plan.careStatus]);
    const rhiService = required ? child.rhiService : null;
    let rhiCompletedAt: string | null = null;
    if (rhiService && plan.returnedAt !== null && rng.chance(rhiCompletedChance[rhiService])) {
      const delay = rng.chance(RHI_WITHIN_72H) ? rng.between(3, 72) * HOUR_MS : rng.between(72, 21 * 24) * HOUR_MS;
      const completed = plan.returnedAt + delay;
      if (completed < period.endMs) rhiCompletedAt = isoMinute(completed);
    }

    const episode: SynthMissingEpisode = {
      id,
      episodeRef: `ME-${String(firstRef + index).padStart(6, '0')}`,
      personId: child.person.id,
      careStatus: plan.careStatus,
      policeRisk: plan.policeRisk,
      reportedAt: isoMinute(plan.reportedAt),
      returnedAt: plan.returnedAt === null ? null : isoMinute(plan.returnedAt),
      lastSeen,
      found,
      foundLocationType,
      rhiService,
      rhiCompletedAt,
      mamHeldAt: null,
    };
    if (episode.returnedAt !== null) {
      const seen = londonDate(episode.returnedAt);
      for (const pair of sightings) {
        links.add({ ...pair, sourceType: 'missing_episode', sourceId: id, seen, reliability: 'confirmed' });
      }
    }
    return episode;
  });

  // Multi-agency meetings: held for about two thirds of the episodes that trigger one, within days.
  const requirements = mamRequirements(episodes, period.endMs);
  episodes.forEach((episode, index) => {
    const requirement = requirements[index];
    if (!requirement?.required || requirement.triggeredAt === null || !rng.chance(MAM_HELD)) return;
    const day = londonDate(requirement.triggeredAt + rng.int(1, 10) * DAY_MS);
    const heldAt = londonWallClockMs(day, rng.between(9, 16.5));
    if (heldAt < period.endMs) episode.mamHeldAt = isoMinute(heldAt);
  });
  return episodes;
}
