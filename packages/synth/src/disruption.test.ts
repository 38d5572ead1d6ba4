import { disruptionTransitions, inForceStatuses } from '@lantern/domain';
import { describe, expect, it } from 'vitest';
import { generateDisruption } from './disruption.ts';
import { generateDataset } from './generate.ts';

describe('generateDisruption', () => {
  const dataset = generateDataset({ seed: 1 });
  const data = generateDisruption(dataset);

  it('is the same for the same seed', () => {
    expect(generateDisruption(generateDataset({ seed: 1 }))).toEqual(data);
  });

  it('holds three monthly meetings and five actions in each of the seven county districts', () => {
    expect(data.meetings).toHaveLength(21);
    expect(data.meetings.filter((meeting) => meeting.districtCode === 'E07000174').map((m) => m.heldOn)).toEqual([
      '2026-01-10',
      '2026-02-10',
      '2026-03-10',
    ]);
    expect(data.actions).toHaveLength(35);
  });

  it('moves every action only along allowed transitions, ending at its status', () => {
    for (const action of data.actions) {
      const [first, ...rest] = action.history;
      expect(first?.from).toBeNull();
      let status = first?.to;
      for (const change of rest) {
        expect(change.from).toBe(status);
        expect(disruptionTransitions[change.from ?? 'proposed']).toContain(change.to);
        status = change.to;
      }
      expect(status).toBe(action.status);
      if (inForceStatuses.includes(action.status)) expect(action.inForceFrom).not.toBeNull();
    }
  });

  it('targets only associates among people', () => {
    const kinds = new Map(dataset.people.map((person) => [person.id, person.kind]));
    const targets = data.actions.flatMap((action) => (action.targetPersonId ? [kinds.get(action.targetPersonId)] : []));
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['associate']));
  });
});
