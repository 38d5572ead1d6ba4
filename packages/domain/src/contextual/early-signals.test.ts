import { describe, expect, it } from 'vitest';
import { type ChildSignalRecord, groupEarlySignals } from './early-signals.ts';

const record = (id: string, date: string) => ({
  type: 'missing_episode' as const,
  id,
  reference: id,
  date,
  description: 'episode',
});
const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('groupEarlySignals', () => {
  it('keeps a child with two different signals, with every record behind each, and drops one with one', () => {
    const rows: ChildSignalRecord[] = [
      { personId: 'child-two', kind: 'rhi_disclosure', record: record(a, '2026-01-02') },
      { personId: 'child-two', kind: 'repeat_missing', record: record(b, '2026-01-01') },
      { personId: 'child-two', kind: 'repeat_missing', record: record(a, '2026-01-02') },
      { personId: 'child-one', kind: 'repeat_missing', record: record(a, '2026-01-05') },
      // The same record twice for one signal counts once.
      { personId: 'child-one', kind: 'repeat_missing', record: record(a, '2026-01-05') },
    ];
    const entries = groupEarlySignals(rows, 2);
    expect(entries.map((entry) => entry.personId)).toEqual(['child-two']);
    expect(entries[0]?.signals.map((signal) => [signal.kind, signal.records.map((r) => r.id)])).toEqual([
      ['repeat_missing', [a, b]],
      ['rhi_disclosure', [a]],
    ]);
  });

  it('orders children by how many signals they show, then by their latest record', () => {
    const rows: ChildSignalRecord[] = [
      { personId: 'older', kind: 'rhi_disclosure', record: record(a, '2025-01-01') },
      { personId: 'older', kind: 'named_in_intelligence', record: record(b, '2025-01-01') },
      { personId: 'newer', kind: 'rhi_disclosure', record: record(a, '2026-01-01') },
      { personId: 'newer', kind: 'repeat_missing', record: record(b, '2026-01-01') },
      { personId: 'three', kind: 'rhi_disclosure', record: record(a, '2020-01-01') },
      { personId: 'three', kind: 'repeat_missing', record: record(b, '2020-01-01') },
      { personId: 'three', kind: 'named_in_intelligence', record: record(b, '2020-01-01') },
    ];
    expect(groupEarlySignals(rows, 2).map((entry) => entry.personId)).toEqual(['three', 'newer', 'older']);
  });
});
