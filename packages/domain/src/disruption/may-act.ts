import { AppError } from '../app-error.ts';
import type { AgencyKind, Role } from '../enums.ts';
import { inScope } from '../policy.ts';
import type { DisruptionTargetType } from './vocabulary.ts';

/**
 * Who may record or move a disruption action (the policy table lets police analysts and district
 * officers call the procedures at all; this decides each action):
 *
 * - A **district officer** acts only in their own districts and only with tactics whose power an
 *   agency of their kind holds (a district council officer cannot serve a Child Abduction Warning
 *   Notice; a police officer cannot make a Public Spaces Protection Order).
 * - A **police analyst** acts in every district (as the policy scopes analysts) and records any
 *   tactic of the catalogue: NSD meetings are police-led, and the analyst records what the meeting
 *   agreed for whichever agency holds the power.
 *
 * Whoever acts, the holding agency must be of a kind that holds the power, and the target must be
 * of a type the tactic applies to.
 */
export interface DisruptionActor {
  roles: readonly Role[];
  agencyKind: AgencyKind;
  scope: 'all' | readonly string[];
}

export interface TacticPowers {
  name: string;
  holderAgencyKinds: readonly AgencyKind[];
  targetTypes: readonly DisruptionTargetType[];
}

export const agencyKindLabels: Record<AgencyKind, string> = {
  police: 'police',
  county_council: 'county council',
  district_council: 'district council',
  health: 'health',
  education: 'education',
  charity: 'charity',
  other_local_authority: 'another local authority',
  other: 'other partner',
};

const holders = (tactic: TacticPowers) => tactic.holderAgencyKinds.map((kind) => agencyKindLabels[kind]).join(', ');

/** Null when the actor may act on this district with this tactic, else why not. */
export function disruptionRefusal(
  actor: DisruptionActor,
  districtCode: string,
  tactic: TacticPowers,
): { field: string; message: string } | null {
  if (!inScope(actor.scope, districtCode)) {
    return { field: 'districtCode', message: `${districtCode} is outside your districts` };
  }
  if (actor.roles.includes('police_analyst')) return null;
  if (actor.roles.includes('district_officer') && tactic.holderAgencyKinds.includes(actor.agencyKind)) return null;
  return {
    field: 'tacticId',
    message: `the power of a ${tactic.name} is held by ${holders(tactic)}; your agency (${agencyKindLabels[actor.agencyKind]}) does not hold it`,
  };
}

/** Throws FORBIDDEN when `disruptionRefusal` refuses. */
export function assertMayActOnDisruption(actor: DisruptionActor, districtCode: string, tactic: TacticPowers): void {
  const refusal = disruptionRefusal(actor, districtCode, tactic);
  if (refusal) {
    throw new AppError('FORBIDDEN', `${refusal.field}: ${refusal.message}`, [
      { field: refusal.field, message: refusal.message },
    ]);
  }
}

/** BAD_INPUT when the holding agency or the target type does not fit the tactic. */
export function assertFitsTactic(
  tactic: TacticPowers,
  holder: { name: string; kind: AgencyKind },
  targetType: DisruptionTargetType,
): void {
  if (!tactic.holderAgencyKinds.includes(holder.kind)) {
    const message = `${holder.name} (${agencyKindLabels[holder.kind]}) does not hold the power of a ${tactic.name}; it is held by ${holders(tactic)}`;
    throw new AppError('BAD_INPUT', `holderAgencyId: ${message}`, [{ field: 'holderAgencyId', message }]);
  }
  if (!tactic.targetTypes.includes(targetType)) {
    const message = `a ${tactic.name} applies to ${tactic.targetTypes.join(', ')}, not to a ${targetType}`;
    throw new AppError('BAD_INPUT', `target.type: ${message}`, [{ field: 'target.type', message }]);
  }
}
