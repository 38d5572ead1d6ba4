/**
 * @lantern/synth: a deterministic synthetic dataset for Lantern, calibrated to the Nottinghamshire
 * annual reports (2019/20 figures per year). No real personal data: names are random combinations,
 * places are generic, registrations can never be issued.
 */
export {
  type CalibrationFigures,
  calibrationFigures,
  exploitationReportRows,
  financialYearStarts,
} from './calibration.ts';
export { crimeTypes, NATIONAL_CRIME_EVENTS } from './crime.ts';
export {
  generateDisruption,
  type SynthDisruptionAction,
  type SynthDisruptionData,
  type SynthNsdActionItem,
  type SynthNsdMeeting,
  type SynthNsdMinute,
  type SynthStatusChange,
} from './disruption.ts';
export { exploitationEventsCsv } from './exploitation-csv.ts';
export {
  DEFAULT_PERIOD_END,
  DEFAULT_SEED,
  type GenerateOptions,
  generateDataset,
  plantedNetworks,
} from './generate.ts';
export { intelligenceCycleStates, type SynthIntelligenceState } from './intelligence-cycle.ts';
export { defaultMamRule, type MamRequirement, type MamRuleOptions, mamRequirements } from './mam-rule.ts';
export { districtInfo, towns } from './towns.ts';
export type * from './types.ts';
export { DEMO_PASSWORD, type DemoUserSpec, demoUsers } from './users.ts';
