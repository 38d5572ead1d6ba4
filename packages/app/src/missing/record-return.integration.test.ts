import type { Database } from '@lantern/db';
import { AppError, policyFor, type RecordReturnInput } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../tests/support/factories.ts';
import { createChildWithEpisode } from '../../../../tests/support/missing-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { recordReturn } from './record-return.ts';

/** `recordReturn` called as a use case: the change, its audit, a stale version and scope, without tRPC. */
const procedure = 'missing.recordReturn';
const policy = (() => {
  const found = policyFor(procedure);
  if (!found) throw new Error(`${procedure} has no policy`);
  return found;
})();

const mansfield = 'E07000174';
const gedling = 'E07000173';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

function returnOf(episode: { id: string; version: number }, foundBy: string): RecordReturnInput {
  return {
    id: episode.id,
    version: episode.version,
    returnedAt: hoursAgo(2),
    found: { lon: -1.195, lat: 53.143 },
    foundLocationType: 'friend_or_relative',
    foundBy,
    notes: null,
    rhiService: 'childrens_social_care',
  };
}

async function storedEpisode(id: string) {
  return db.prisma.missingEpisode.findUnique({
    where: { id },
    select: { returnedAt: true, foundBy: true, rhiService: true, version: true },
  });
}

async function auditOf(userId: string) {
  return db.prisma.auditEvent.findMany({
    where: { userId, procedure },
    orderBy: { seq: 'asc' },
    select: { action: true, recordIds: true, details: true },
  });
}

describe('recordReturn', () => {
  it('records the return, bumps the version and audits the fields changed on the episode and the child', async () => {
    const { child, episode } = await createChildWithEpisode(db, mansfield, { reportedHoursAgo: 5 });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
    const input = returnOf(episode, 'Placement staff');

    const returned = await recordReturn({ db }, accessFor(coordinator, procedure, policy), input);

    expect(returned).toMatchObject({
      id: episode.id,
      returnedAt: new Date(input.returnedAt).toISOString(),
      foundLocationType: 'friend_or_relative',
      foundBy: 'Placement staff',
      rhiService: 'childrens_social_care',
      closedAt: null,
      version: episode.version + 1,
    });
    expect(returned.child.id).toBe(child.id);
    expect(await auditOf(coordinator.id)).toEqual([
      {
        action: 'update',
        recordIds: [episode.id, child.id],
        details: { fields: ['returnedAt', 'found', 'foundLocationType', 'foundBy', 'rhiService'] },
      },
    ]);
  });

  it('refuses a stale version with the one CONFLICT message and changes nothing', async () => {
    const { episode } = await createChildWithEpisode(db, mansfield, { reportedHoursAgo: 5 });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
    const access = accessFor(coordinator, procedure, policy);
    await recordReturn({ db }, access, returnOf(episode, 'Placement staff'));

    const stale = recordReturn({ db }, access, returnOf(episode, 'Police patrol'));

    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `version: missing episode ${episode.id} was changed by someone else since you read version ${episode.version} (it is now version ${episode.version + 1}); reload it and make your change again`,
    });
    expect(await storedEpisode(episode.id)).toMatchObject({
      foundBy: 'Placement staff',
      version: episode.version + 1,
    });
    expect(await auditOf(coordinator.id)).toHaveLength(1);
  });

  it('does not find an episode of a child outside the caller’s districts, and neither changes nor audits it', async () => {
    const { episode } = await createChildWithEpisode(db, gedling, { reportedHoursAgo: 5 });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });

    const outside = recordReturn({ db }, accessFor(coordinator, procedure, policy), returnOf(episode, 'Anyone'));

    await expect(outside).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No missing episode ${episode.id} in your districts`,
    });
    expect(await storedEpisode(episode.id)).toEqual({
      returnedAt: null,
      foundBy: null,
      rhiService: null,
      version: episode.version,
    });
    expect(await auditOf(coordinator.id)).toEqual([]);
  });
});
