import type { Database } from '@lantern/db';
import { policyFor, tileLayerPolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { authorize } from './access.ts';

/** The one access decision, as the tRPC middleware and the tile route call it. */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const missingEpisodes = policyFor('missing.listEpisodes');
if (!missingEpisodes) throw new Error('missing.listEpisodes has no policy');

describe('authorize', () => {
  it('gives an admitted caller the scope and view of the policy entry', async () => {
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });

    const access = await authorize({ db }, coordinator, 'missing.listEpisodes', missingEpisodes);

    expect(access.scope).toEqual(['E07000174']);
    expect(access.role).toBe('missing_coordinator');
    expect(access.view('child')).toBe('full');
  });

  it('refuses a signed-out caller as UNAUTHENTICATED, with nobody to audit', async () => {
    await expect(authorize({ db }, null, 'missing.listEpisodes', missingEpisodes)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Sign in to use Lantern',
    });
  });

  it('refuses a role the entry does not admit, and audits the denial on any path', async () => {
    const attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: ['E07000174'] });

    await expect(
      authorize({ db }, attendee, 'tiles.missing-found', tileLayerPolicies['missing-found']),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Your role (nsd_attendee) may not use tiles.missing-found' });

    const denial = await db.prisma.auditEvent.findFirst({
      where: { userId: attendee.id, action: 'denied' },
      select: { procedure: true, role: true },
    });
    expect(denial).toEqual({ procedure: 'tiles.missing-found', role: 'nsd_attendee' });
  });
});
