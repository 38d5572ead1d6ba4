import { districts, type Person } from '@lantern/domain';
import { formatDate } from '../ui/format.ts';

const districtName = (code: string | null) =>
  districts.find((district) => district.code === code)?.name ?? (code ? code : null);

/**
 * What tells people of one name apart, as the caller may see them: the kind, the date of birth (or
 * only the age band, pseudonymised) and the home district. "associate · born 3 Mar 1990 · Mansfield".
 */
export function personFacts(person: Person): string {
  const kind = person.kind === 'child' ? 'child' : 'associate';
  const age =
    person.view === 'full'
      ? person.dateOfBirth
        ? `born ${formatDate(person.dateOfBirth)}`
        : 'date of birth unknown'
      : `age ${person.ageBand}`;
  const home = districtName(person.homeDistrictCode);
  return [kind, age, home ? `lives in ${home}` : 'home district unknown'].join(' · ');
}

/** A person in a picker: "Dean Holt (A-7K3Q9P) — associate · born 3 Mar 1990 · lives in Mansfield". */
export function personChoiceLabel(person: Person): string {
  const name =
    person.view === 'full'
      ? `${person.givenName} ${person.familyName} (${person.pseudonymRef})`
      : `${person.initials || '—'} (${person.pseudonymRef})`;
  return `${name} — ${personFacts(person)}`;
}
