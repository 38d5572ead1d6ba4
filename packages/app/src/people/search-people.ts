import { appendAudit, searchPeople as searchPeopleInDb } from '@lantern/db';
import { type PersonKind, personKinds, type SearchPeopleInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { present } from './present-person.ts';

/** Fuzzy search of people by name, date of birth and flags, within the caller's districts; audited. */
export async function searchPeople(app: AppContext, access: Access, input: SearchPeopleInput) {
  // Searching by name or date of birth would re-identify pseudonymised people, so it only
  // reaches the kinds this caller sees in full.
  const identifying = input.name !== undefined || input.dateOfBirth !== undefined;
  const kinds = personKinds.filter((kind) => {
    const view = access.view(kind);
    return identifying ? view === 'full' : view !== 'hidden';
  });
  const wanted: readonly PersonKind[] = input.kind ? kinds.filter((kind) => kind === input.kind) : kinds;
  return app.db.prisma.$transaction(async (tx) => {
    const rows = wanted.length === 0 ? [] : await searchPeopleInDb(tx, { ...input, kinds: wanted }, access.scope);
    const { limit: _limit, ...criteria } = input;
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'person', ids: rows.map((row) => row.id) }, { details: { criteria } }),
    );
    return { people: rows.map((row) => ({ person: present(access, row), score: row.score })) };
  });
}
