import type { Database } from '@lantern/db';
import { AppError, policyFor } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshAction } from '../../../../tests/support/disruption-world.ts';
import { createAgency, createUser } from '../../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { transitionDisruptionAction } from './transition-disruption-action.ts';

/** `transitionDisruptionAction` called as a use case: statuses, concurrency, scope and powers, without tRPC. */
const procedure = 'disruption.transition';
const policy = (() => {
  const found = policyFor(procedure);
  if (!found) throw new Error(`${procedure} has no policy`);
  return found;
})();

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** A district officer of a police agency in Mansfield, and targeted patrols (a police power) they own there. */
async function officerWithProposedPatrols() {
  const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  const actionId = await createFreshAction(db, {
    districtCode: mansfield,
    tactic: 'targeted_patrols',
    target: { type: 'place' },
    holderAgencyId: officer.agencyId,
    ownerId: officer.id,
  });
  return { officer, actionId, access: accessFor(officer, procedure, policy) };
}

async function storedAction(id: string) {
  const [row] = await db.sql.query<{ status: string; version: number; changes: number }>(
    `SELECT status::text AS status, version,
       (SELECT count(*)::int FROM disruption_status_change WHERE action_id = $1::uuid) AS changes
     FROM disruption_action WHERE id = $1::uuid`,
    [id],
  );
  return row;
}

describe('transitionDisruptionAction', () => {
  it('agrees a proposed action, bumps its version, keeps who and why, and audits the move', async () => {
    const { officer, actionId, access } = await officerWithProposedPatrols();

    const agreed = await transitionDisruptionAction({ db }, access, {
      id: actionId,
      version: 1,
      to: 'agreed',
      reason: 'NSD agreed',
    });

    expect(agreed).toMatchObject({
      id: actionId,
      status: 'agreed',
      version: 2,
      next: ['in_force', 'refused', 'withdrawn'],
    });
    expect(agreed.history.map((change) => [change.from, change.to, change.reason])).toEqual([
      ['proposed', 'agreed', 'NSD agreed'],
    ]);
    expect(agreed.history[0]?.changedBy).toBe(officer.displayName);
    const audit = await db.prisma.auditEvent.findMany({
      where: { userId: officer.id, procedure },
      select: { action: true, recordIds: true, reason: true, details: true },
    });
    expect(audit).toEqual([
      {
        action: 'update',
        recordIds: [actionId],
        reason: 'NSD agreed',
        details: { from: 'proposed', to: 'agreed', outcome: null },
      },
    ]);
  });

  it('refuses a stale version with the one CONFLICT message and writes nothing', async () => {
    const { actionId, access } = await officerWithProposedPatrols();
    await transitionDisruptionAction({ db }, access, { id: actionId, version: 1, to: 'agreed', reason: 'first' });
    const before = await storedAction(actionId);

    const stale = transitionDisruptionAction({ db }, access, {
      id: actionId,
      version: 1,
      to: 'withdrawn',
      reason: 'second',
    });

    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `version: disruption action ${actionId} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    expect(await storedAction(actionId)).toEqual(before);
    expect(before).toMatchObject({ status: 'agreed', version: 2 });
  });

  it('does not find an action outside a district officer’s districts, and changes nothing', async () => {
    const { actionId } = await officerWithProposedPatrols();
    const elsewhere = await createUser(db, { roles: ['district_officer'], districtCodes: [gedling] });

    const outside = transitionDisruptionAction({ db }, accessFor(elsewhere, procedure, policy), {
      id: actionId,
      version: 1,
      to: 'agreed',
      reason: 'not mine',
    });

    await expect(outside).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No disruption action ${actionId} in your districts`,
    });
    expect(await storedAction(actionId)).toMatchObject({ status: 'proposed', version: 1 });
  });

  it('keeps a district officer to the powers their agency holds', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const council = await createAgency(db, 'district_council');
    const actionId = await createFreshAction(db, {
      districtCode: mansfield,
      tactic: 'public_spaces_protection_order',
      target: { type: 'place' },
      holderAgencyId: council.id,
      ownerId: officer.id,
    });

    const forbidden = transitionDisruptionAction({ db }, accessFor(officer, procedure, policy), {
      id: actionId,
      version: 1,
      to: 'agreed',
      reason: 'x',
    });

    await expect(forbidden).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message:
        'tacticId: the power of a Public Spaces Protection Order is held by district council; your agency (police) does not hold it',
    });
    expect(await storedAction(actionId)).toMatchObject({ status: 'proposed', version: 1 });
  });
});
