import { type PersonSearchRow, queryWithAudit, searchPeopleStatement } from '@lantern/db';
import { type PersonKind, personKinds, type SearchPeopleInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { eventWithoutIds } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { present } from './present-person.ts';

/** What packs, panels and agendas show of a person: a reference such as C-2SS3ET (or A-… for associates). */
const pseudonymReference = /^[CA]-[A-Z0-9]{4,12}$/;

/** Fuzzy search of people by name, date of birth and flags, within the caller's districts; audited. */
export async function searchPeople(app: AppContext, access: Access, input: SearchPeopleInput) {
  // A reference typed into the search box finds its person exactly, for every role that may see
  // the person at all: it reveals nothing the role was not already shown.
  const typed = input.name?.trim().toUpperCase();
  const reference = typed && pseudonymReference.test(typed) ? typed : undefined;
  const query = reference ? { ...input, name: undefined, reference } : input;
  // Searching by name or date of birth would re-identify pseudonymised people, so it only
  // reaches the kinds this caller sees in full.
  const identifying = query.name !== undefined || query.dateOfBirth !== undefined;
  const kinds = personKinds.filter((kind) => {
    const view = access.view(kind);
    return identifying ? view === 'full' : view !== 'hidden';
  });
  const wanted: readonly PersonKind[] = input.kind ? kinds.filter((kind) => kind === input.kind) : kinds;
  const { limit: _limit, offset: _offset, ...criteria } = input;
  const event = eventWithoutIds(access, 'search', 'person', { details: { criteria } });
  // The search and its audit event are one statement on the plain SQL handle, whose statements
  // are prepared (Prisma's are planned on every call); the event lists the people shown. One
  // more than asked for says whether the results stop at the limit. With no kind to find (a
  // pseudonymising role searching by name), the statement finds nobody and is still audited.
  const found = await queryWithAudit<PersonSearchRow>(
    app.db.sql,
    searchPeopleStatement({ ...query, limit: input.limit + 1, kinds: wanted }, access.scope),
    event,
    input.limit,
  );
  return {
    people: found.slice(0, input.limit).map((row) => ({ person: present(access, row), score: row.score })),
    offset: input.offset ?? 0,
    more: found.length > input.limit,
  };
}
