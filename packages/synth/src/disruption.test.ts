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

  it('holds three monthly meetings, arranges the next, and has five actions in each of the seven county districts', () => {
    expect(data.meetings).toHaveLength(28);
    expect(data.meetings.filter((meeting) => meeting.districtCode === 'E07000174').map((m) => m.heldOn)).toEqual([
      '2026-01-10',
      '2026-02-10',
      '2026-03-10',
      '2026-04-10',
    ]);
    expect(data.actions).toHaveLength(35);
  });

  // Regression (issue 18): seeded on 4 December, the demo had minutes of the meeting of 10 December
  // and an action "proposed on" 18 December.
  it('records nothing after the end of the period', () => {
    const periodEnd = '2026-12-04';
    const seeded = generateDisruption(generateDataset({ seed: 1, periodEnd }));
    const heldOn = new Map(seeded.meetings.map((meeting) => [meeting.id, meeting.heldOn]));
    const recorded = [
      ...seeded.minutes.map((minute) => heldOn.get(minute.meetingId) ?? 'no meeting'),
      ...seeded.actionItems.flatMap((item) => [
        heldOn.get(item.raisedAtMeetingId) ?? 'no meeting',
        item.closedOn ?? '',
      ]),
      ...seeded.actions.flatMap((action) => [
        action.proposedOn,
        action.agreedOn ?? '',
        action.inForceFrom ?? '',
        action.endedOn ?? '',
        ...action.history.map((change) => change.at.slice(0, 10)),
      ]),
    ];
    expect(recorded.filter((date) => date > periodEnd)).toEqual([]);
    const mansfield = seeded.meetings.filter((meeting) => meeting.districtCode === 'E07000174');
    expect(mansfield.map((meeting) => meeting.heldOn)).toEqual([
      '2026-09-10',
      '2026-10-10',
      '2026-11-10',
      '2026-12-10',
    ]);
    const upcoming = mansfield.at(-1)?.id;
    expect(seeded.minutes.filter((minute) => minute.meetingId === upcoming)).toEqual([]);
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
