import type { PersonRow } from '@lantern/db';
import { AppError, inScope, londonDate, type Person, type PersonKind, toPersonDto } from '@lantern/domain';
import type { Access } from '../access/access.ts';

/** A person as the caller's view shows them; NOT_FOUND when their kind is hidden from the caller. */
export function present(access: Access, row: PersonRow): Person {
  const view = access.view(row.kind);
  if (view === 'hidden') throw new AppError('NOT_FOUND', `No person ${row.id} in your districts`);
  return toPersonDto(row, view, londonDate());
}

export function assertMayRecord(access: Access, kind: PersonKind, districtCode: string | null | undefined) {
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
