import type { IntelligenceStatus } from '@lantern/domain';
import type { SyntheticDataset } from './types.ts';

/**
 * Where each synthetic report is in the intelligence cycle (issue 14). Reports that links cite
 * were developed; so is the history. The most recent reports nobody has linked, fifteen of them,
 * stand at each status so the analyst's queue is not empty on a fresh start: received ones are
 * not yet graded, and the open ones name people in free text for the analyst to match. Dates are
 * the reports' own (never after the period's end). Deterministic: no random draws.
 */
export interface SynthIntelligenceState {
  status: IntelligenceStatus;
  graded: boolean;
  statusReason: string | null;
  subjects: Array<{ name: string; approximateAge: number | null; description: string | null }>;
}

const cycle: readonly IntelligenceStatus[] = [
  'received',
  'being_evaluated',
  'received',
  'no_further_action',
  'being_evaluated',
  'withdrawn',
  'received',
  'developed',
  'being_evaluated',
  'received',
  'no_further_action',
  'received',
  'withdrawn',
  'being_evaluated',
  'received',
];

const demoSubjects = [
  { name: 'Unknown girl', approximateAge: 14, description: 'Long dark hair, grey school hoodie' },
  { name: '"Jay"', approximateAge: 19, description: 'Drives a small black hatchback' },
  { name: 'Unknown boy', approximateAge: 15, description: 'Red puffer jacket, carrying a sports bag' },
  { name: 'Older man called "Tee"', approximateAge: 30, description: null },
];

export function intelligenceCycleStates(dataset: Pick<SyntheticDataset, 'intelligenceReports' | 'links'>) {
  const cited = new Set(dataset.links.filter((l) => l.sourceType === 'intelligence_report').map((l) => l.sourceId));
  const recent = dataset.intelligenceReports
    .filter((report) => !cited.has(report.id) && report.location !== null)
    .sort((a, b) =>
      a.submittedAt === b.submittedAt ? (a.reference < b.reference ? 1 : -1) : a.submittedAt < b.submittedAt ? 1 : -1,
    )
    .slice(0, cycle.length);
  const states = new Map<string, SynthIntelligenceState>();
  recent.forEach((report, index) => {
    const status = cycle[index] as IntelligenceStatus;
    const open = status === 'received' || status === 'being_evaluated';
    states.set(report.id, {
      status,
      graded: status !== 'received' && status !== 'withdrawn',
      statusReason:
        status === 'withdrawn'
          ? 'Sent in error: duplicate of an earlier report'
          : status === 'no_further_action'
            ? 'Already known; nothing new to develop'
            : null,
      subjects: open
        ? [demoSubjects[index % demoSubjects.length], demoSubjects[(index + 1) % demoSubjects.length]].flatMap((s) =>
            s ? [s] : [],
          )
        : [],
    });
  });
  return states;
}
