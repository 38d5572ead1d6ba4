import type { Person } from '@lantern/domain';
import { Link } from 'wouter';

/**
 * A person as the caller may see them, the same way everywhere: the full name (a link to their
 * page) for roles with person-level access, else initials, pseudonymous reference and age band.
 */
export function PersonLabel({ person }: { person: Person }) {
  if (person.view === 'full') {
    return (
      <Link href={`/people/${person.id}`} className="person-label person-label--full">
        {person.givenName} {person.familyName}
        <span className="person-label__ref"> · {person.pseudonymRef}</span>
      </Link>
    );
  }
  return (
    <span className="person-label person-label--pseudonymised" data-testid="pseudonymised-person">
      {person.initials || '—'} · {person.pseudonymRef} · age {person.ageBand}
    </span>
  );
}
