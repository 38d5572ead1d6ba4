/**
 * The vocabulary of disruption and NSD meetings. Each list mirrors a PostgreSQL enum of migration
 * 20261124100000_disruption; vocabulary.test.ts keeps them in step.
 */

/** The five themes of the Home Office Child exploitation disruption toolkit. */
export const tacticThemes = [
  'abduction_and_trafficking',
  'sexual_offences',
  'victim_care',
  'unusual_or_harmful_behaviour',
  'locations_of_specific_concern',
] as const;
export type TacticTheme = (typeof tacticThemes)[number];

export const tacticThemeLabels: Record<TacticTheme, string> = {
  abduction_and_trafficking: 'Abduction and trafficking',
  sexual_offences: 'Sexual offences',
  victim_care: 'Victim care',
  unusual_or_harmful_behaviour: 'Unusual or harmful behaviour',
  locations_of_specific_concern: 'Locations of specific concern',
};

export const disruptionTargetTypes = ['person', 'premises', 'place', 'vehicle', 'business', 'online'] as const;
export type DisruptionTargetType = (typeof disruptionTargetTypes)[number];

export const disruptionStatuses = [
  'proposed',
  'agreed',
  'in_force',
  'reviewed',
  'ended',
  'refused',
  'withdrawn',
] as const;
export type DisruptionStatus = (typeof disruptionStatuses)[number];

export const disruptionStatusLabels: Record<DisruptionStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  in_force: 'In force',
  reviewed: 'Reviewed (still in force)',
  ended: 'Ended',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

export const disruptionOutcomes = ['breached', 'complied', 'expired', 'refused_by_court'] as const;
export type DisruptionOutcome = (typeof disruptionOutcomes)[number];

export const nsdActionStatuses = ['open', 'in_progress', 'closed'] as const;
export type NsdActionStatus = (typeof nsdActionStatuses)[number];
