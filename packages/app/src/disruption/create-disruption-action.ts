import {
  appendAudit,
  applyDisruptionPlan,
  findAgency,
  getDisruption,
  getPerson,
  getPlace,
  insertDisruption,
  insertStatusChange,
  type Transaction,
  userExists,
  vehicleExists,
} from '@lantern/db';
import {
  AppError,
  assertFitsTactic,
  assertMayActOnDisruption,
  type CreateDisruptionInput,
  londonDate,
  planTransition,
} from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { actorOf, detail, tacticOrBadInput } from './present-disruption-action.ts';

interface ResolvedTarget {
  placeId: string | null;
  personId: string | null;
  vehicleId: string | null;
  name: string | null;
  districtCode: string | null;
}

async function resolveTarget(tx: Transaction, access: Access, input: CreateDisruptionInput): Promise<ResolvedTarget> {
  const { target } = input;
  const base = { placeId: null, personId: null, vehicleId: null, name: target.name ?? null };
  if (target.id === undefined) return { ...base, districtCode: input.districtCode ?? null };
  if (target.type === 'place' || target.type === 'premises' || target.type === 'business') {
    const place = await getPlace(tx, target.id, access.scope);
    if (!place) throw new AppError('NOT_FOUND', `No place ${target.id} in your districts`);
    if (input.districtCode !== undefined && input.districtCode !== place.districtCode) {
      throw new AppError(
        'BAD_INPUT',
        `districtCode: the place ${place.name} is in ${place.districtName ?? 'no district'} (${place.districtCode ?? 'none'}), not ${input.districtCode}`,
      );
    }
    return { ...base, placeId: place.id, districtCode: place.districtCode };
  }
  if (target.type === 'person') {
    const person = await getPerson(tx, target.id, access.scope);
    if (!person) throw new AppError('NOT_FOUND', `No person ${target.id} in your districts`);
    if (person.kind === 'child') {
      throw new AppError(
        'BAD_INPUT',
        `target.id: ${target.id} is a child; disruption targets the adults who exploit children, not the children`,
      );
    }
    return { ...base, personId: person.id, districtCode: input.districtCode ?? person.homeDistrictCode };
  }
  if (!(await vehicleExists(tx, target.id)))
    throw new AppError('BAD_INPUT', `target.id: there is no vehicle ${target.id}`);
  return { ...base, vehicleId: target.id, districtCode: input.districtCode ?? null };
}

/**
 * Records a disruption action (proposed) against a place, person, vehicle or other target in the
 * caller's districts, with a tactic the caller's agency holds.
 */
export async function createDisruptionAction(app: AppContext, access: Access, input: CreateDisruptionInput) {
  const principal = requirePrincipal(access);
  const today = londonDate();
  return app.db.prisma.$transaction(async (tx) => {
    const tactic = await tacticOrBadInput(tx, input.tacticId);
    const holderAgencyId = input.holderAgencyId ?? principal.agencyId;
    const holder = await findAgency(tx, holderAgencyId);
    if (!holder) throw new AppError('BAD_INPUT', `holderAgencyId: there is no agency ${holderAgencyId}`);
    const target = await resolveTarget(tx, access, input);
    if (target.districtCode === null) {
      throw new AppError('BAD_INPUT', `districtCode: is required for a ${input.target.type} target without a place`);
    }
    assertMayActOnDisruption(await actorOf(tx, access), target.districtCode, tactic);
    assertFitsTactic(tactic, holder, input.target.type);
    const ownerId = input.ownerId ?? principal.id;
    if (!(await userExists(tx, ownerId))) {
      throw new AppError('BAD_INPUT', `ownerId: there is no user ${ownerId}`);
    }
    const proposedOn = input.proposedOn ?? today;
    if (proposedOn > today)
      throw new AppError('BAD_INPUT', `proposedOn: must not be in the future (got ${proposedOn})`);
    const id = await insertDisruption(tx, {
      tacticId: tactic.id,
      targetType: input.target.type,
      targetPlaceId: target.placeId,
      targetPersonId: target.personId,
      targetVehicleId: target.vehicleId,
      targetName: target.name,
      holderAgencyId,
      ownerId,
      districtCode: target.districtCode,
      proposedOn,
      notes: input.notes ?? null,
      createdById: principal.id,
    });
    const reason = input.reason ?? 'recorded';
    await insertStatusChange(tx, { actionId: id, from: null, to: 'proposed', userId: principal.id, reason });
    const steps = input.startAs === 'proposed' ? [] : input.startAs === 'agreed' ? ['agreed'] : ['agreed', 'in_force'];
    for (const to of steps as ('agreed' | 'in_force')[]) {
      const row = await getDisruption(tx, id, 'all');
      if (!row) throw new Error('a disruption action vanished while it was recorded');
      const plan = planTransition(
        row,
        { name: tactic.name, needsCourt: tactic.needsCourt, maxDurationDays: tactic.maxDurationDays },
        { to, on: input.on, inForceFrom: input.inForceFrom, reviewOn: input.reviewOn, expiresOn: input.expiresOn },
        today,
      );
      await applyDisruptionPlan(tx, id, row.version, plan);
      await insertStatusChange(tx, { actionId: id, from: row.status, to, userId: principal.id, reason });
    }
    const row = await getDisruption(tx, id, 'all');
    if (!row) throw new Error('a disruption action vanished after insert');
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'disruption_action', ids: [id] },
        {
          reason: input.reason ?? null,
          details: { tactic: tactic.code, target: input.target.type, status: row.status },
        },
      ),
    );
    return detail(tx, access, row);
  });
}
