import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import { HOUR_MS, type RhiService } from '@lantern/domain';
import { createFreshPerson } from './access-world.ts';

export interface EpisodeOptions {
  personId: string;
  districtCode: string;
  reportedAt: Date;
  returnedAt?: Date | null;
  rhiService?: RhiService | null;
  rhiCompletedAt?: Date | null;
  careStatus?: 'home' | 'county_care' | 'ola_care';
}

/** A missing episode as the CSV import or the seed would leave it (summary columns only). */
export async function createEpisode(db: Database, options: EpisodeOptions) {
  const row = await db.prisma.missingEpisode.create({
    data: {
      episodeRef: `ME-${randomUUID().slice(0, 13)}`,
      personId: options.personId,
      careStatus: options.careStatus ?? 'county_care',
      policeRisk: 'medium',
      reportedAt: options.reportedAt,
      returnedAt: options.returnedAt ?? null,
      districtCode: options.districtCode,
      rhiService: options.rhiService ?? null,
      rhiCompletedAt: options.rhiCompletedAt ?? null,
    },
    select: { id: true, version: true, episodeRef: true },
  });
  return row;
}

/** A fresh child in the district with one episode, `hoursAgo` reported and (optionally) returned. */
export async function createChildWithEpisode(
  db: Database,
  districtCode: string,
  options: { reportedHoursAgo: number; returnedHoursAgo?: number; rhiService?: RhiService | null },
) {
  const child = await createFreshPerson(db, { districtCode });
  const now = Date.now();
  const episode = await createEpisode(db, {
    personId: child.id,
    districtCode,
    reportedAt: new Date(now - options.reportedHoursAgo * HOUR_MS),
    returnedAt: options.returnedHoursAgo === undefined ? null : new Date(now - options.returnedHoursAgo * HOUR_MS),
    rhiService: options.rhiService ?? null,
  });
  return { child, episode };
}
