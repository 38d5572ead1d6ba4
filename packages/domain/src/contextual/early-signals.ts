import type { EarlySignal, EarlySignalKind, SignalRecord } from './schemas.ts';

/** How many different signals at once put a child not yet flagged on the early-identification list. */
export const minimumEarlySignals = 2;

/** Months of records the early-identification list looks at (repeat missing has its own window). */
export const earlySignalLookbackDays = 365;

/** A found location within this distance of a place of concern counts as found there (as the network's found-at tie). */
export const foundAtPlaceMetres = 100;

export const earlySignalLabels: Record<EarlySignalKind, string> = {
  repeat_missing: 'Repeat missing episodes',
  found_at_place_of_concern: 'Found at or near a place of concern',
  linked_to_network_associate: 'Linked to an associate who is linked to a flagged child',
  named_in_intelligence: 'Named in intelligence',
  rhi_disclosure: 'Disclosure at a return home interview',
};

/** One record behind one signal of one child, as the loader finds it. */
export interface ChildSignalRecord {
  personId: string;
  kind: EarlySignalKind;
  record: SignalRecord;
}

/**
 * Groups the records behind each child's signals and keeps the children with at least
 * `minimum` different signals. No score: the signals are listed in a fixed order, each with every
 * record behind it, for a person to review. Children are ordered by how many signals they show,
 * then by their most recent record (newest first), then by id, so the order is stable.
 *
 * @example
 * groupEarlySignals([{ personId: 'a', kind: 'rhi_disclosure', record }, …], 2)
 */
export function groupEarlySignals(
  rows: readonly ChildSignalRecord[],
  minimum = minimumEarlySignals,
): Array<{ personId: string; signals: EarlySignal[] }> {
  const byChild = new Map<string, Map<EarlySignalKind, SignalRecord[]>>();
  for (const row of rows) {
    const signals = byChild.get(row.personId) ?? new Map<EarlySignalKind, SignalRecord[]>();
    const records = signals.get(row.kind) ?? [];
    if (!records.some((record) => record.type === row.record.type && record.id === row.record.id)) {
      records.push(row.record);
    }
    signals.set(row.kind, records);
    byChild.set(row.personId, signals);
  }
  const order = Object.keys(earlySignalLabels) as EarlySignalKind[];
  const entries: Array<{ personId: string; signals: EarlySignal[]; latest: string }> = [];
  for (const [personId, signals] of byChild) {
    if (signals.size < minimum) continue;
    const list = order
      .filter((kind) => signals.has(kind))
      .map((kind) => ({
        kind,
        label: earlySignalLabels[kind],
        records: [...(signals.get(kind) ?? [])].sort((left, right) =>
          (right.date ?? '').localeCompare(left.date ?? ''),
        ),
      }));
    const dates = list.flatMap((signal) => signal.records.map((record) => record.date ?? '')).sort();
    const latest = dates.at(-1) ?? '';
    entries.push({ personId, signals: list, latest });
  }
  entries.sort(
    (left, right) =>
      right.signals.length - left.signals.length ||
      right.latest.localeCompare(left.latest) ||
      left.personId.localeCompare(right.personId),
  );
  return entries.map(({ personId, signals }) => ({ personId, signals }));
}
