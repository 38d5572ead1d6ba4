import {
  appendAudit,
  existingPlaceIds,
  getPerson,
  insertPhilomenaProfile,
  latestPhilomenaProfile,
  lockPersonForProfile,
} from '@lantern/db';
import { AppError, philomenaPhotoMaxBytes, type SavePhilomenaInput } from '@lantern/domain';
import type { Access } from '../../access/access.ts';
import { auditEvent } from '../../audit/audit-event.ts';
import { staleVersion } from '../../concurrency/stale-version.ts';
import type { AppContext } from '../../context.ts';
import { childInCare, philomenaView } from './philomena-support.ts';

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

/** Saves a new version of a child's Philomena profile; a stale version is a CONFLICT. */
export async function savePhilomena(app: AppContext, access: Access, input: SavePhilomenaInput) {
  const newPhoto = input.photo ? decodePhoto(input.photo) : input.photo;
  return app.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, input.personId);
    await lockPersonForProfile(tx, input.personId);
    const current = await latestPhilomenaProfile(tx, input.personId);
    const currentVersion = current?.profileVersion ?? 0;
    if (input.version !== currentVersion) {
      throw staleVersion(`the Philomena profile of ${input.personId}`, input.version, currentVersion, 'was saved');
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
