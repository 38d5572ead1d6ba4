import type { PrismaTx } from './prisma-tx.ts';

/**
 * Philomena Protocol profiles: each save is a new version of the child's profile (the old ones
 * stay, so what the police were given on any day can be shown again), with the photo in the row
 * and the important people and places as references to Lantern's records.
 */
export interface PhilomenaProfileRow {
  id: string;
  personId: string;
  profileVersion: number;
  description: string;
  photo: Uint8Array | null;
  photoContentType: string | null;
  vulnerabilities: string[];
  phones: string[];
  socialMedia: string[];
  transport: string | null;
  createdAt: Date;
  people: Array<{ personId: string; relationship: string }>;
  places: Array<{ placeId: string; note: string; name: string; category: string }>;
}

export async function latestPhilomenaProfile(tx: PrismaTx, personId: string): Promise<PhilomenaProfileRow | null> {
  const profile = await tx.philomenaProfile.findFirst({
    where: { personId },
    orderBy: { profileVersion: 'desc' },
    select: {
      id: true,
      personId: true,
      profileVersion: true,
      description: true,
      photo: true,
      photoContentType: true,
      vulnerabilities: true,
      phones: true,
      socialMedia: true,
      transport: true,
      createdAt: true,
    },
  });
  if (!profile) return null;
  const people = await tx.philomenaProfilePerson.findMany({
    where: { profileId: profile.id },
    select: { personId: true, relationship: true },
    orderBy: { personId: 'asc' },
  });
  const places = await tx.$queryRaw<PhilomenaProfileRow['places']>`
    SELECT pp.place_id::text AS "placeId", pp.note AS "note", pc.name AS "name", pc.category::text AS "category"
    FROM philomena_profile_place pp JOIN place_of_concern pc ON pc.id = pp.place_id
    WHERE pp.profile_id = ${profile.id}::uuid ORDER BY pc.name, pp.place_id`;
  return { ...profile, people, places };
}

export async function philomenaVersions(tx: PrismaTx, personId: string) {
  return tx.$queryRaw<Array<{ profileVersion: number; createdAt: Date; recordedBy: string | null }>>`
    SELECT pr.profile_version AS "profileVersion", pr.created_at AS "createdAt", u.display_name AS "recordedBy"
    FROM philomena_profile pr LEFT JOIN app_user u ON u.id = pr.recorded_by_id
    WHERE pr.person_id = ${personId}::uuid ORDER BY pr.profile_version DESC`;
}

export interface NewPhilomenaProfile {
  personId: string;
  profileVersion: number;
  description: string;
  photo: { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null;
  vulnerabilities: string[];
  phones: string[];
  socialMedia: string[];
  transport: string | null;
  people: Array<{ personId: string; relationship: string }>;
  places: Array<{ placeId: string; note: string }>;
  recordedById: string | null;
}

/**
 * Adds the next version. Two editors saving the same version at once collide on the unique
 * (person, version) key: the caller checks the version first, under a row lock on the person.
 */
export async function insertPhilomenaProfile(tx: PrismaTx, profile: NewPhilomenaProfile): Promise<string> {
  const created = await tx.philomenaProfile.create({
    data: {
      personId: profile.personId,
      profileVersion: profile.profileVersion,
      description: profile.description,
      photo: profile.photo?.bytes ?? null,
      photoContentType: profile.photo?.contentType ?? null,
      vulnerabilities: profile.vulnerabilities,
      phones: profile.phones,
      socialMedia: profile.socialMedia,
      transport: profile.transport,
      recordedById: profile.recordedById,
    },
    select: { id: true },
  });
  if (profile.people.length > 0) {
    await tx.philomenaProfilePerson.createMany({
      data: profile.people.map((person) => ({ profileId: created.id, ...person })),
    });
  }
  if (profile.places.length > 0) {
    await tx.philomenaProfilePlace.createMany({
      data: profile.places.map((place) => ({ profileId: created.id, ...place })),
    });
  }
  return created.id;
}

/** Serialises saves of one child's profile: the person row is locked until the transaction ends. */
export async function lockPersonForProfile(tx: PrismaTx, personId: string) {
  await tx.$queryRaw`SELECT id FROM person WHERE id = ${personId}::uuid FOR UPDATE`;
}

export async function existingPlaceIds(tx: PrismaTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.placeOfConcern.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

export async function philomenaPart2Of(tx: PrismaTx, episodeId: string) {
  return tx.philomenaEpisode.findUnique({
    where: { episodeId },
    select: { clothing: true, lastSeenDescription: true, version: true },
  });
}

export async function savePhilomenaPart2(
  tx: PrismaTx,
  part2: { episodeId: string; version?: number | undefined; clothing: string; lastSeenDescription: string },
  recordedById: string | null,
): Promise<'saved' | 'conflict'> {
  const { episodeId, version, clothing, lastSeenDescription } = part2;
  if (version === undefined) {
    const count = await tx.$executeRaw`
      INSERT INTO philomena_episode (episode_id, clothing, last_seen_description, recorded_by_id)
      VALUES (${episodeId}::uuid, ${clothing}, ${lastSeenDescription}, ${recordedById}::uuid)
      ON CONFLICT (episode_id) DO NOTHING`;
    return count === 1 ? 'saved' : 'conflict';
  }
  const { count } = await tx.philomenaEpisode.updateMany({
    where: { episodeId, version },
    data: { clothing, lastSeenDescription, recordedById, version: { increment: 1 }, updatedAt: new Date() },
  });
  return count === 1 ? 'saved' : 'conflict';
}
