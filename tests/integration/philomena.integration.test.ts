import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPerson } from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import { createPlaceRecord } from '../support/domain-factories.ts';
import { createUser } from '../support/factories.ts';
import { createEpisode } from '../support/missing-factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let db: Database;
let coordinator: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

const base = (personId: string, version: number) => ({ personId, version, description: 'Slim, 160 cm, dark hair' });

describe('Philomena profiles', () => {
  it('keeps every version, with the photo, people and places, and keeps the photo when a save leaves it out', async () => {
    const api = callerFor(db, coordinator);
    const child = await createFreshPerson(db, { districtCode: mansfield });
    const associate = await createFreshPerson(db, { districtCode: mansfield, kind: 'associate' });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const { profile: first } = await api.missing.philomena.save({
      ...base(child.id, 0),
      photo: { contentType: 'image/png', base64: png },
      importantPeople: [{ personId: associate.id, relationship: 'older boyfriend' }],
      importantPlaces: [{ placeId: place.id, note: 'meets friends here' }],
      phones: ['07700 900123'],
    });
    if (!first) throw new Error('no profile after saving');
    expect(first.version).toBe(1);
    expect(first.photo).toBe(`data:image/png;base64,${png}`);
    // Coordinators see associates pseudonymised, in a profile as anywhere else.
    expect(first.importantPeople).toEqual([
      { person: expect.objectContaining({ id: associate.id, view: 'pseudonymised' }), relationship: 'older boyfriend' },
    ]);
    expect(first.importantPlaces).toEqual([expect.objectContaining({ placeId: place.id, note: 'meets friends here' })]);

    const { profile: second } = await api.missing.philomena.save({
      ...base(child.id, 1),
      description: 'Now has braids',
    });
    expect(second).toMatchObject({
      version: 2,
      description: 'Now has braids',
      photo: first.photo,
      importantPeople: [],
    });
    const read = await api.missing.philomena.get({ personId: child.id });
    expect(read.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(read.profile?.description).toBe('Now has braids');
  });

  it('refuses a stale version with CONFLICT', async () => {
    const api = callerFor(db, coordinator);
    const child = await createFreshPerson(db, { districtCode: mansfield });
    await api.missing.philomena.save(base(child.id, 0));
    expect(await rejection(api.missing.philomena.save(base(child.id, 0)))).toEqual({
      code: 'CONFLICT',
      message: `version: the Philomena profile of ${child.id} was saved by someone else since you read version 0 (it is now version 1); reload it and make your change again`,
    });
  });

  it('accepts images only: a file that is not the image it claims is refused, naming the field', async () => {
    const api = callerFor(db, coordinator);
    const child = await createFreshPerson(db, { districtCode: mansfield });
    const text = Buffer.from('<svg onload="alert(1)"></svg>').toString('base64');
    expect(
      await rejection(
        api.missing.philomena.save({ ...base(child.id, 0), photo: { contentType: 'image/png', base64: text } }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'photo.base64: is not a JPEG, PNG or WebP image' });
    expect(
      await rejection(
        api.missing.philomena.save({ ...base(child.id, 0), photo: { contentType: 'image/jpeg', base64: png } }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'photo.contentType: the image is image/png, not image/jpeg' });
    const huge = Buffer.concat([Buffer.from(png, 'base64'), Buffer.alloc(1_048_577)]).toString('base64');
    const refused = await rejection(
      api.missing.philomena.save({ ...base(child.id, 0), photo: { contentType: 'image/png', base64: huge } }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^photo\.base64: must be at most 1048576 bytes/);
  });

  it('is for children in care only', async () => {
    const child = await createFreshPerson(db, { districtCode: mansfield });
    await db.prisma.person.update({ where: { id: child.id }, data: { careStatus: 'home' } });
    const refused = await rejection(callerFor(db, coordinator).missing.philomena.save(base(child.id, 0)));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^personId: .* is not a child in care \(care status home\)/);
  });

  it('prints the profile with part 2 of an episode, audited as an export with the reason', async () => {
    const api = callerFor(db, coordinator);
    const child = await createFreshPerson(db, { districtCode: mansfield });
    await api.missing.philomena.save(base(child.id, 0));
    const episode = await createEpisode(db, { personId: child.id, districtCode: mansfield, reportedAt: new Date() });
    await api.missing.philomena.savePart2({
      episodeId: episode.id,
      clothing: 'Black puffer jacket',
      lastSeenDescription: 'Back gate of the placement',
    });
    const printed = await api.missing.philomena.print({
      personId: child.id,
      episodeId: episode.id,
      reason: 'police request: child missing',
    });
    expect(printed.episode).toMatchObject({
      clothing: 'Black puffer jacket',
      lastSeenDescription: 'Back gate of the placement',
    });
    expect(printed.printedBy).toBe(coordinator.displayName);
    const [audit] = await db.prisma.auditEvent.findMany({
      where: { userId: coordinator.id, procedure: 'missing.philomena.print' },
      select: { action: true, reason: true, recordIds: true },
    });
    expect(audit).toEqual({
      action: 'export',
      reason: 'police request: child missing',
      recordIds: [child.id, episode.id],
    });
  });
});
