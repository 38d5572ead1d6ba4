import type { PersonKind } from './enums.ts';
import { ageBand, initials, type PersonView } from './redaction.ts';
import type { Person } from './schemas/people.ts';

/** The fields a person record has, as the database gives them. */
export interface PersonRecord {
  id: string;
  kind: PersonKind;
  pseudonymRef: string;
  givenName: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: string | null;
  sex: 'M' | 'F' | 'X' | 'U';
  careStatus: 'home' | 'county_care' | 'ola_care' | null;
  responsibleAuthority: string | null;
  homeDistrictCode: string | null;
  cseRisk: 'none' | 'low' | 'medium' | 'high';
  cseFlaggedAt: string | null;
  cceRisk: 'none' | 'low' | 'medium' | 'high';
  cceFlaggedAt: string | null;
  version: number;
}

/**
 * Shapes a person for a viewer. Pseudonymised output is built field by field from an allow-list,
 * so a field added to the record later cannot leak through it.
 */
export function toPersonDto(record: PersonRecord, view: Exclude<PersonView, 'hidden'>, today: string): Person {
  if (view === 'pseudonymised') {
    return {
      view: 'pseudonymised',
      id: record.id,
      kind: record.kind,
      pseudonymRef: record.pseudonymRef,
      initials: initials(record.givenName, record.familyName),
      ageBand: ageBand(record.dateOfBirth, today),
      homeDistrictCode: record.homeDistrictCode,
    };
  }
  return { view: 'full', ...record };
}

const refAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new pseudonymous reference, e.g. "C-7K3Q9P" for a child, "A-…" for an associate. */
export function newPseudonymRef(kind: PersonKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const body = Array.from(bytes, (byte) => refAlphabet[byte % refAlphabet.length]).join('');
  return `${kind === 'child' ? 'C' : 'A'}-${body}`;
}
