import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  existingPlaceIds,
  getMissingEpisode,
  getPerson,
  insertPhilomenaProfile,
  latestPhilomenaProfile,
  lockPersonForProfile,
  type PersonRow,
  type PhilomenaProfileRow,
  type PrismaTx,
  philomenaPart2Of,
  philomenaVersions,
  savePhilomenaPart2,
} from '@lantern/db';
import {
  AppError,
  type PhilomenaProfile,
  philomenaPhotoMaxBytes,
  type SavePhilomenaInput,
  type SavePhilomenaPart2Input,
} from '@lantern/domain';
import type { Context } from '../context.ts';
import { episodeInScope, presentPerson } from './missing-episodes-service.ts';

/** Philomena profiles: children in care of the caller's districts; reads, saves and prints audited. */
async function childInCare(tx: PrismaTx, access: Access, personId: string): Promise<PersonRow> {
  const child = await getPerson(tx, personId, access.scope);
  if (!child || access.view(child.kind) === 'hidden') {
    throw new AppError('NOT_FOUND', `No person ${personId} in your districts`);
  }
  if (child.kind !== 'child' || (child.careStatus !== 'county_care' && child.careStatus !== 'ola_care')) {
    throw new AppError(
      'BAD_INPUT',
      `personId: ${personId} is not a child in care (care status ${child.careStatus ?? 'none'}); Philomena profiles are for children in care`,
    );
  }
  return child;
}

async function toProfile(tx: PrismaTx, access: Access, row: PhilomenaProfileRow): Promise<PhilomenaProfile> {
  const importantPeople = [];
  for (const link of row.people) {
    const linked = await getPerson(tx, link.personId, 'all');
    if (linked && access.view(linked.kind) !== 'hidden') {
      importantPeople.push({ person: presentPerson(access, linked), relationship: link.relationship });
    }
  }
  return {
    personId: row.personId,
    version: row.profileVersion,
    savedAt: row.createdAt.toISOString(),
    description: row.description,
    photo:
      row.photo && row.photoContentType
        ? `data:${row.photoContentType};base64,${Buffer.from(row.photo).toString('base64')}`
        : null,
    vulnerabilities: row.vulnerabilities,
    importantPeople,
    importantPlaces: row.places,
    phones: row.phones,
    socialMedia: row.socialMedia,
    transport: row.transport,
  };
}

/** The child, their latest profile and the list of versions. */
async function philomenaView(tx: PrismaTx, access: Access, child: PersonRow) {
  const latest = await latestPhilomenaProfile(tx, child.id);
  const versions = await philomenaVersions(tx, child.id);
  return {
    child: presentPerson(access, child),
    profile: latest ? await toProfile(tx, access, latest) : null,
    versions: versions.map((version) => ({
      version: version.profileVersion,
      savedAt: version.createdAt.toISOString(),
      savedBy: version.recordedBy,
    })),
  };
}

export async function getPhilomenaService(ctx: Context, access: Access, personId: string, reason?: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, personId);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'philomena_profile', ids: [personId] }, { reason }));
    return philomenaView(tx, access, child);
  });
}

/** The image's own first bytes decide what it is; a declared type that disagrees is refused. */
function sniffImage(bytes: Uint8Array): string | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function decodePhoto(photo: NonNullable<SavePhilomenaInput['photo']>) {
  const bytes = new Uint8Array(Buffer.from(photo.base64, 'base64'));
  if (bytes.length > philomenaPhotoMaxBytes) {
    throw new AppError(
      'BAD_INPUT',
      `photo.base64: the image is ${bytes.length} bytes; at most ${philomenaPhotoMaxBytes}`,
    );
  }
  const actual = sniffImage(bytes);
  if (actual === null) throw new AppError('BAD_INPUT', 'photo.base64: is not a JPEG, PNG or WebP image');
  if (actual !== photo.contentType) {
    throw new AppError('BAD_INPUT', `photo.contentType: the image is ${actual}, not ${photo.contentType}`);
  }
  return { bytes, contentType: actual };
}

export async function savePhilomenaService(ctx: Context, access: Access, input: SavePhilomenaInput) {
  const newPhoto = input.photo ? decodePhoto(input.photo) : input.photo;
  return ctx.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, input.personId);
    await lockPersonForProfile(tx, input.personId);
    const current = await latestPhilomenaProfile(tx, input.personId);
    const currentVersion = current?.profileVersion ?? 0;
    if (input.version !== currentVersion) {
      throw new AppError(
        'CONFLICT',
        `version: the Philomena profile of ${input.personId} was saved by someone else since you read version ${input.version} (it is now version ${currentVersion}); reload it and make your change again`,
      );
    }
    for (const [index, link] of input.importantPeople.entries()) {
      if (link.personId === input.personId || !(await getPerson(tx, link.personId, 'all'))) {
        throw new AppError(
          'BAD_INPUT',
          `importantPeople.${index}.personId: no other person ${link.personId} in Lantern`,
        );
      }
    }
    const places = await existingPlaceIds(
      tx,
      input.importantPlaces.map((place) => place.placeId),
    );
    for (const [index, place] of input.importantPlaces.entries()) {
      if (!places.has(place.placeId)) {
        throw new AppError('BAD_INPUT', `importantPlaces.${index}.placeId: no place ${place.placeId} in Lantern`);
      }
    }
    const keptPhoto =
      newPhoto === undefined && current?.photo && current.photoContentType
        ? { bytes: new Uint8Array(current.photo), contentType: current.photoContentType }
        : null;
    const profileId = await insertPhilomenaProfile(tx, {
      personId: input.personId,
      profileVersion: currentVersion + 1,
      description: input.description,
      photo: newPhoto === undefined ? keptPhoto : newPhoto,
      vulnerabilities: input.vulnerabilities,
      phones: input.phones,
      socialMedia: input.socialMedia,
      transport: input.transport,
      people: input.importantPeople,
      places: input.importantPlaces,
      recordedById: access.principal?.id ?? null,
    });
    await appendAudit(
      tx,
      auditEvent(
        access,
        current ? 'update' : 'create',
        { type: 'philomena_profile', ids: [input.personId, profileId] },
        {
          details: { version: currentVersion + 1, photo: newPhoto === undefined ? 'kept' : newPhoto ? 'new' : 'none' },
        },
      ),
    );
    return philomenaView(tx, access, child);
  });
}

/** The one-page document for the police, audited as an export with the reason given. */
export async function printPhilomenaService(
  ctx: Context,
  access: Access,
  input: { personId: string; episodeId?: string | undefined; reason: string },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, input.personId);
    const latest = await latestPhilomenaProfile(tx, input.personId);
    if (!latest) throw new AppError('NOT_FOUND', `personId: ${input.personId} has no Philomena profile to print`);
    let episode = null;
    if (input.episodeId) {
      const row = await getMissingEpisode(tx, input.episodeId, access.scope);
      if (!row || row.personId !== input.personId) {
        throw new AppError('NOT_FOUND', `No missing episode ${input.episodeId} of this child in your districts`);
      }
      const part2 = await philomenaPart2Of(tx, row.id);
      episode = {
        episodeRef: row.episodeRef,
        reportedAt: row.reportedAt.toISOString(),
        clothing: part2?.clothing ?? null,
        lastSeenDescription: part2?.lastSeenDescription ?? null,
      };
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: 'philomena_profile', ids: [input.personId, ...(input.episodeId ? [input.episodeId] : [])] },
        { reason: input.reason, details: { version: latest.profileVersion } },
      ),
    );
    return {
      child: presentPerson(access, child),
      profile: await toProfile(tx, access, latest),
      episode,
      printedAt: new Date().toISOString(),
      printedBy: access.principal?.displayName ?? 'unknown',
    };
  });
}

export async function savePhilomenaPart2Service(ctx: Context, access: Access, input: SavePhilomenaPart2Input) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const episode = await episodeInScope(tx, access, input.episodeId);
    const outcome = await savePhilomenaPart2(tx, input, access.principal?.id ?? null);
    if (outcome === 'conflict') {
      const now = await philomenaPart2Of(tx, input.episodeId);
      throw new AppError(
        'CONFLICT',
        `version: part 2 for episode ${episode.episodeRef} was changed by someone else (it is now version ${now?.version ?? 'none'}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(access, input.version === undefined ? 'create' : 'update', {
        type: 'philomena_episode',
        ids: [input.episodeId, episode.personId],
      }),
    );
    const saved = await philomenaPart2Of(tx, input.episodeId);
    if (!saved) throw new Error(`part 2 of ${input.episodeId} vanished after saving`);
    return { episodeId: input.episodeId, ...saved };
  });
}
