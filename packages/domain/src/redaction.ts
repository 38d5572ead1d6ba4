import { ageInYears } from './calendar/calendar.ts';
import type { PersonKind, Role } from './enums.ts';

/**
 * How a person appears to a role. `full`: the record. `pseudonymised`: initials, the
 * pseudonymous reference and an age band, nothing that identifies the child. `hidden`: not at all.
 */
export type PersonView = 'full' | 'pseudonymised' | 'hidden';

const views: Record<Role, Record<PersonKind, PersonView>> = {
  police_analyst: { child: 'full', associate: 'full' },
  missing_coordinator: { child: 'full', associate: 'pseudonymised' },
  district_officer: { child: 'pseudonymised', associate: 'full' },
  nsd_attendee: { child: 'pseudonymised', associate: 'pseudonymised' },
  admin: { child: 'hidden', associate: 'hidden' },
};

const openness: Record<PersonView, number> = { hidden: 0, pseudonymised: 1, full: 2 };

/** The most open view any of the caller's roles gives of a kind of person. */
export function personView(roles: readonly Role[], kind: PersonKind): PersonView {
  let best: PersonView = 'hidden';
  for (const role of roles) {
    const view = views[role][kind];
    if (openness[view] > openness[best]) best = view;
  }
  return best;
}

/**
 * Person-level access, in the sense of the small-number rule: seeing children in full. District
 * officers see associates they act against, but children only pseudonymised, so they do not.
 */
export function hasPersonLevelAccess(roles: readonly Role[]): boolean {
  return roles.some((role) => views[role].child === 'full');
}

export function initials(givenName: string, familyName: string): string {
  const letter = (name: string) => name.trim().charAt(0).toUpperCase();
  return `${letter(givenName)}${letter(familyName)}`;
}

export const ageBands = ['under 10', '10–13', '14–15', '16–17', '18–24', '25+', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBand(dateOfBirth: string | null, on: string): AgeBand {
  if (dateOfBirth === null) return 'unknown';
  const age = ageInYears(dateOfBirth, on);
  if (age < 10) return 'under 10';
  if (age < 14) return '10–13';
  if (age < 16) return '14–15';
  if (age < 18) return '16–17';
  if (age < 25) return '18–24';
  return '25+';
}

/** Counts shown to roles without person-level access: 1–4 become "<5" so no child stands out. */
export type SuppressedCount = number | '<5';

/** The smallest count of people shown as a number to roles without person-level access. */
export const smallCountLimit = 5;

export function suppressSmallCount(count: number): SuppressedCount {
  return count >= 1 && count < smallCountLimit ? '<5' : count;
}

/**
 * Whether an output must hide counts of 1–4 from this caller: the policy entry says its counts
 * are of people (or of records about them), and the caller lacks person-level access. The one
 * rule for procedures, tiles and exports alike.
 */
export function hidesSmallCounts(policy: { suppressSmallCounts: boolean }, personLevel: boolean): boolean {
  return policy.suppressSmallCounts && !personLevel;
}
