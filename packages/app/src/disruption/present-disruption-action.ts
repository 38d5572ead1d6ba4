import { type DisruptionRow, findAgency, getPerson, getTactic, listStatusChanges, type Transaction } from '@lantern/db';
import {
  type AgencyKind,
  AppError,
  type DisruptionAction,
  type DisruptionDetail,
  disruptionTransitions,
  londonDate,
  mayCall,
  type Person,
  type Tactic,
  toPersonDto,
} from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';

export const notFound = (id: string) => new AppError('NOT_FOUND', `No disruption action ${id} in your districts`);

export function targetLabel(row: DisruptionRow, person: Person | null): string {
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
  tx: Transaction,
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

export async function detail(tx: Transaction, access: Access, row: DisruptionRow): Promise<DisruptionDetail> {
  const {
    actions: [action],
  } = await presentDisruption(tx, access, [row]);
  if (!action) throw new Error('an action vanished while being presented');
  const history = await listStatusChanges(tx, row.id);
  return { ...action, history, next: [...disruptionTransitions[row.status]] };
}

/** The caller as the disruption rules see them: the roles the policy admits, their agency's kind. */
export async function actorOf(tx: Transaction, access: Access) {
  const principal = requirePrincipal(access);
  const agency = await findAgency(tx, principal.agencyId);
  return {
    roles: principal.roles.filter((role) => mayCall(access.policy, [role])),
    agencyKind: (agency?.kind ?? 'other') as AgencyKind,
    scope: access.scope,
  };
}

export async function tacticOrBadInput(tx: Transaction, id: string): Promise<Tactic> {
  const tactic = await getTactic(tx, id);
  if (!tactic) throw new AppError('BAD_INPUT', `tacticId: there is no tactic ${id} in the catalogue`);
  return tactic;
}
