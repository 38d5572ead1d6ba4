import {
  type DisruptionOutcome,
  type DisruptionStatus,
  type DisruptionTargetType,
  disruptionStatusLabels,
  type TacticTheme,
  tacticThemeLabels,
} from '@lantern/domain';

export const statusLabel = (status: DisruptionStatus) => disruptionStatusLabels[status];
export const themeLabel = (theme: TacticTheme) => tacticThemeLabels[theme];

export const outcomeLabels: Record<DisruptionOutcome, string> = {
  breached: 'Breached',
  complied: 'Complied with',
  expired: 'Expired',
  refused_by_court: 'Refused by the court',
};

/** The verb on the button that moves an action to a status. */
export const moveLabels: Record<DisruptionStatus, string> = {
  proposed: 'Propose',
  agreed: 'Record as agreed',
  in_force: 'Record as in force',
  reviewed: 'Record a review',
  ended: 'End',
  refused: 'Record as refused',
  withdrawn: 'Withdraw',
};

/** What the action targets, as the form offers it. */
export const targetTypeLabels: Record<DisruptionTargetType, string> = {
  place: 'A public place',
  premises: 'Premises',
  business: 'A business',
  person: 'A person (an adult associate)',
  vehicle: 'A vehicle',
  online: 'An online account',
};
