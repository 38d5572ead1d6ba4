import { type Access, auditEvent, requirePrincipal } from '@lantern/app';
import {
  appendAudit,
  applyDisruptionPlan,
  type DisruptionRow,
  disruptionDue,
  disruptionInForceOnPlaces,
  effectCounts,
  getDisruption,
  getPerson,
  getPlace,
  getTactic,
  insertDisruption,
  insertStatusChange,
  listDisruption,
  listStatusChanges,
  type PrismaTx,
} from '@lantern/db';
import {
  type AgencyKind,
  AppError,
  addDays,
  afterPeriodComplete,
  assertFitsTactic,
  assertMayActOnDisruption,
  type CreateDisruptionInput,
  type DisruptionAction,
  type DisruptionDetail,
  type DisruptionEffect,
  type DisruptionEffectInput,
  type DisruptionForMapInput,
  disruptionTransitions,
  effectCaution,
  effectCount,
  effectPeriods,
  type ListDisruptionInput,
  londonDate,
  mayCall,
  type Person,
  planTransition,
  suppressSmallCount,
  type Tactic,
  type TransitionDisruptionInput,
  toPersonDto,
} from '@lantern/domain';
import type { Context } from '../context.ts';

/**
 * Disruption actions: recorded and moved by police analysts and district officers within their
 * districts and powers, every change kept in the status history and the audit trail. Targets that
 * are people are associates, shown as the caller's view allows.
 */
const notFound = (id: string) => new AppError('NOT_FOUND', `No disruption action ${id} in your districts`);

function targetLabel(row: DisruptionRow, person: Person | null): string {
  if (row.placeName) return row.targetName ? `${row.targetName} (${row.placeName})` : row.placeName;
  if (person) {
    return person.view === 'full'
      ? `${person.givenName} ${person.familyName}`
      : `${person.initials} (${person.pseudonymRef})`;
  }
  if (row.vehicleRegistration) return row.vehicleRegistration;
  return row.targetName ?? (row.personId ? 'a person you cannot see' : 'unnamed target');
}

export function toDisruptionAction(row: DisruptionRow, person: Person | null): DisruptionAction {
  return {
    id: row.id,
    tactic: {
      id: row.tacticId,
      code: row.tacticCode,
      name: row.tacticName,
      theme: row.tacticTheme,
      needsCourt: row.tacticNeedsCourt,
      maxDurationDays: row.tacticMaxDurationDays,
    },
    target: {
      type: row.targetType,
      place:
        row.placeId && row.placeName && row.placeCategory && row.placeLon !== null && row.placeLat !== null
          ? { id: row.placeId, name: row.placeName, category: row.placeCategory, lon: row.placeLon, lat: row.placeLat }
          : null,
      person,
      vehicle:
        row.vehicleId && row.vehicleRegistration ? { id: row.vehicleId, registration: row.vehicleRegistration } : null,
      name: row.targetName,
      label: targetLabel(row, person),
    },
    holderAgency: { id: row.holderAgencyId, name: row.holderAgencyName, kind: row.holderAgencyKind as AgencyKind },
    owner: { id: row.ownerId, displayName: row.ownerName },
    district: { code: row.districtCode, name: row.districtName },
    status: row.status,
    outcome: row.outcome,
    proposedOn: row.proposedOn,
    agreedOn: row.agreedOn,
    inForceFrom: row.inForceFrom,
    reviewOn: row.reviewOn,
    expiresOn: row.expiresOn,
    endedOn: row.endedOn,
    notes: row.notes,
    version: row.version,
  };
}

/** Actions as the caller may see them, with the ids of the people shown (for the audit). */
export async function presentDisruption(
  tx: PrismaTx,
  access: Access,
  rows: readonly DisruptionRow[],
): Promise<{ actions: DisruptionAction[]; peopleShown: string[] }> {
  const today = londonDate();
  const people = new Map<string, Person | null>();
  for (const id of new Set(rows.flatMap((row) => (row.personId ? [row.personId] : [])))) {
    const record = await getPerson(tx, id, 'all');
    const view = record ? access.view(record.kind) : 'hidden';
    people.set(id, record && view !== 'hidden' ? toPersonDto(record, view, today) : null);
  }
  const actions = rows.map((row) => toDisruptionAction(row, row.personId ? (people.get(row.personId) ?? null) : null));
  return { actions, peopleShown: [...people].filter(([, person]) => person !== null).map(([id]) => id) };
}

async function detail(tx: PrismaTx, access: Access, row: DisruptionRow): Promise<DisruptionDetail> {
  const {
    actions: [action],
  } = await presentDisruption(tx, access, [row]);
  if (!action) throw new Error('an action vanished while being presented');
  const history = await listStatusChanges(tx, row.id);
  return { ...action, history, next: [...disruptionTransitions[row.status]] };
}

/** The caller as the disruption rules see them: the roles the policy admits, their agency's kind. */
async function actorOf(tx: PrismaTx, access: Access) {
  const principal = requirePrincipal(access);
  const agency = await tx.agency.findUnique({ where: { id: principal.agencyId }, select: { kind: true } });
  return {
    roles: principal.roles.filter((role) => mayCall(access.policy, [role])),
    agencyKind: (agency?.kind ?? 'other') as AgencyKind,
    scope: access.scope,
  };
}

async function tacticOrBadInput(tx: PrismaTx, id: string): Promise<Tactic> {
  const tactic = await getTactic(tx, id);
  if (!tactic) throw new AppError('BAD_INPUT', `tacticId: there is no tactic ${id} in the catalogue`);
  return tactic;
}

interface ResolvedTarget {
  placeId: string | null;
  personId: string | null;
  vehicleId: string | null;
  name: string | null;
  districtCode: string | null;
}

async function resolveTarget(tx: PrismaTx, access: Access, input: CreateDisruptionInput): Promise<ResolvedTarget> {
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
  const vehicle = await tx.vehicle.findUnique({ where: { id: target.id }, select: { id: true } });
  if (!vehicle) throw new AppError('BAD_INPUT', `target.id: there is no vehicle ${target.id}`);
  return { ...base, vehicleId: vehicle.id, districtCode: input.districtCode ?? null };
}

export async function createDisruptionService(ctx: Context, access: Access, input: CreateDisruptionInput) {
  const principal = requirePrincipal(access);
  const today = londonDate();
  return ctx.db.prisma.$transaction(async (tx) => {
    const tactic = await tacticOrBadInput(tx, input.tacticId);
    const holderAgencyId = input.holderAgencyId ?? principal.agencyId;
    const holder = await tx.agency.findUnique({
      where: { id: holderAgencyId },
      select: { name: true, kind: true },
    });
    if (!holder) throw new AppError('BAD_INPUT', `holderAgencyId: there is no agency ${holderAgencyId}`);
    const target = await resolveTarget(tx, access, input);
    if (target.districtCode === null) {
      throw new AppError('BAD_INPUT', `districtCode: is required for a ${input.target.type} target without a place`);
    }
    assertMayActOnDisruption(await actorOf(tx, access), target.districtCode, tactic);
    assertFitsTactic(tactic, holder, input.target.type);
    const ownerId = input.ownerId ?? principal.id;
    if (!(await tx.user.findUnique({ where: { id: ownerId }, select: { id: true } }))) {
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

export async function transitionDisruptionService(ctx: Context, access: Access, input: TransitionDisruptionInput) {
  const principal = requirePrincipal(access);
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, input.id, access.scope);
    if (!row) throw notFound(input.id);
    const tactic = await tacticOrBadInput(tx, row.tacticId);
    assertMayActOnDisruption(await actorOf(tx, access), row.districtCode, tactic);
    const conflict = () =>
      new AppError(
        'CONFLICT',
        `version: disruption action ${input.id} was changed by someone else since you read version ${input.version} (it is now version ${row.version}); reload it and make your change again`,
      );
    if (row.version !== input.version) throw conflict();
    const plan = planTransition(row, tactic, input, londonDate());
    if (!(await applyDisruptionPlan(tx, row.id, input.version, plan))) throw conflict();
    await insertStatusChange(tx, {
      actionId: row.id,
      from: row.status,
      to: input.to,
      userId: principal.id,
      reason: input.reason,
    });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'disruption_action', ids: [row.id] },
        { reason: input.reason, details: { from: row.status, to: input.to, outcome: plan.outcome } },
      ),
    );
    const updated = await getDisruption(tx, row.id, 'all');
    if (!updated) throw notFound(row.id);
    return detail(tx, access, updated);
  });
}

export async function listDisruptionService(ctx: Context, access: Access, input: ListDisruptionInput) {
  const dueBy = addDays(londonDate(), input.withinDays);
  return ctx.db.prisma.$transaction(async (tx) => {
    const rows = await listDisruption(tx, { ...input, dueBy }, access.scope);
    const { actions, peopleShown } = await presentDisruption(tx, access, rows);
    const due = await disruptionDue(tx, input, access.scope, dueBy);
    if (peopleShown.length > 0) {
      await appendAudit(
        tx,
        auditEvent(access, 'read', { type: 'person', ids: peopleShown }, { details: { via: 'disruption targets' } }),
      );
    }
    return {
      actions,
      due: due.map((row) => ({
        district: { code: row.districtCode, name: row.districtName },
        owner: { id: row.ownerId, displayName: row.ownerName },
        reviewsDue: row.reviewsDue,
        expiring: row.expiring,
      })),
    };
  });
}

export async function getDisruptionService(ctx: Context, access: Access, id: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, id, access.scope);
    if (!row) throw notFound(id);
    const result = await detail(tx, access, row);
    const ids = [id, ...(result.target.person ? [result.target.person.id] : [])];
    await appendAudit(tx, auditEvent(access, 'read', { type: 'disruption_action', ids }));
    return result;
  });
}

export async function disruptionEffectService(
  ctx: Context,
  access: Access,
  input: DisruptionEffectInput,
): Promise<DisruptionEffect> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, input.id, access.scope);
    if (!row) throw notFound(input.id);
    if (!row.placeId) {
      throw new AppError(
        'BAD_INPUT',
        `id: the target of this action (a ${row.targetType}) has no location; the effect is measured around a place`,
      );
    }
    if (!row.inForceFrom)
      throw new AppError('BAD_INPUT', `id: this action has not come into force (it is ${row.status})`);
    const periods = effectPeriods(row.inForceFrom, input.months);
    const counts = await effectCounts(
      tx,
      row.placeId,
      input.distanceMetres,
      periods.before,
      periods.after,
      input.crimeTypes,
    );
    const complete = afterPeriodComplete(periods, londonDate());
    const missing = effectCount(counts.missingFoundBefore, counts.missingFoundAfter);
    const hideMissing = !access.personLevel;
    const suppressedMissing = hideMissing
      ? {
          before: suppressSmallCount(missing.before),
          after: suppressSmallCount(missing.after),
          change: null,
          percentChange: null,
        }
      : missing;
    // Without person-level access an exact change would give back a suppressed count.
    const missingShown =
      hideMissing && suppressedMissing.before !== '<5' && suppressedMissing.after !== '<5'
        ? missing
        : suppressedMissing;
    const totalBefore = counts.crimeBefore + counts.intelligenceBefore + counts.missingFoundBefore;
    const totalAfter = counts.crimeAfter + counts.intelligenceAfter + counts.missingFoundAfter;
    return {
      actionId: row.id,
      distanceMetres: input.distanceMetres,
      months: input.months,
      periods,
      complete,
      crimeTypes: input.crimeTypes,
      crime: effectCount(counts.crimeBefore, counts.crimeAfter),
      intelligence: effectCount(counts.intelligenceBefore, counts.intelligenceAfter),
      missingFound: missingShown,
      caution: effectCaution({
        distanceMetres: input.distanceMetres,
        months: input.months,
        excludedMonth: periods.excludedMonth,
        complete,
        totalBefore,
        totalAfter,
      }),
    };
  });
}

export async function disruptionForMapService(ctx: Context, access: Access, input: DisruptionForMapInput) {
  return { actions: await disruptionInForceOnPlaces(ctx.db.prisma, input, access.scope, londonDate()) };
}
