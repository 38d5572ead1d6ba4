import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import { appendAudit, createPerson, getPerson, type PersonRow, searchPeople, updatePerson } from '@lantern/db';
import {
  AppError,
  type CreatePersonInput,
  inScope,
  londonDate,
  newPseudonymRef,
  type Person,
  type PersonKind,
  personKinds,
  type SearchPeopleInput,
  toPersonDto,
  type UpdatePersonInput,
} from '@lantern/domain';
import type { Context } from '../context.ts';

/** People: scoped in SQL, redacted by the caller's view, every read and change audited. */
function present(access: Access, row: PersonRow): Person {
  const view = access.view(row.kind);
  if (view === 'hidden') throw new AppError('NOT_FOUND', `No person ${row.id} in your districts`);
  return toPersonDto(row, view, londonDate());
}

export async function searchPeopleService(ctx: Context, access: Access, input: SearchPeopleInput) {
  // Searching by name or date of birth would re-identify pseudonymised people, so it only
  // reaches the kinds this caller sees in full.
  const identifying = input.name !== undefined || input.dateOfBirth !== undefined;
  const kinds = personKinds.filter((kind) => {
    const view = access.view(kind);
    return identifying ? view === 'full' : view !== 'hidden';
  });
  const wanted: readonly PersonKind[] = input.kind ? kinds.filter((kind) => kind === input.kind) : kinds;
  return ctx.db.prisma.$transaction(async (tx) => {
    const rows = wanted.length === 0 ? [] : await searchPeople(tx, { ...input, kinds: wanted }, access.scope);
    const { limit: _limit, ...criteria } = input;
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'person', ids: rows.map((row) => row.id) }, { details: { criteria } }),
    );
    return { people: rows.map((row) => ({ person: present(access, row), score: row.score })) };
  });
}

export async function getPersonService(ctx: Context, access: Access, id: string, reason?: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await getPerson(tx, id, access.scope);
    if (!row || access.view(row.kind) === 'hidden')
      throw new AppError('NOT_FOUND', `No person ${id} in your districts`);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'person', ids: [id] }, { reason }));
    return present(access, row);
  });
}

function assertMayRecord(access: Access, kind: PersonKind, districtCode: string | null | undefined) {
  if (access.view(kind) !== 'full') {
    throw new AppError(
      'FORBIDDEN',
      `Your role may not record or change ${kind === 'child' ? 'children' : 'associates'}`,
    );
  }
  if (districtCode !== undefined && !inScope(access.scope, districtCode)) {
    throw new AppError('FORBIDDEN', `homeDistrictCode: ${districtCode} is outside your districts`);
  }
}

export async function createPersonService(ctx: Context, access: Access, input: CreatePersonInput) {
  assertMayRecord(access, input.kind, input.homeDistrictCode);
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await createPerson(tx, input, newPseudonymRef(input.kind));
    await appendAudit(tx, auditEvent(access, 'create', { type: 'person', ids: [row.id] }));
    return present(access, row);
  });
}

export async function updatePersonService(ctx: Context, access: Access, input: UpdatePersonInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await getPerson(tx, input.id, access.scope);
    if (!current) throw new AppError('NOT_FOUND', `No person ${input.id} in your districts`);
    assertMayRecord(access, current.kind, input.changes.homeDistrictCode);
    if (current.kind === 'associate' && input.changes.careStatus) {
      throw new AppError('BAD_INPUT', 'changes.careStatus: applies to children only');
    }
    const outcome = await updatePerson(tx, input, access.scope);
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No person ${input.id} in your districts`);
    if (outcome.status === 'conflict') {
      throw new AppError(
        'CONFLICT',
        `version: person ${input.id} was changed by someone else since you read version ${input.version} (it is now version ${outcome.currentVersion}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'person', ids: [input.id] },
        { details: { fields: Object.keys(input.changes).sort() } },
      ),
    );
    return present(access, outcome.person);
  });
}
