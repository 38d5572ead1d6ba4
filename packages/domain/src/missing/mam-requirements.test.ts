import { describe, expect, it } from 'vitest';
import { mamRequirement } from './mam-requirement.ts';
import { mamRequirements } from './mam-requirements.ts';
import type { EpisodeTiming } from './types.ts';

const HOUR = 3_600_000;
const episode = (id: string, reportedAt: string, returnedAt: string | null, personId = 'c1'): EpisodeTiming => ({
  id,
  personId,
  reportedAt: new Date(reportedAt),
  returnedAt: returnedAt === null ? null : new Date(returnedAt),
});
const asOf = new Date('2025-01-01T00:00:00Z');

describe('mamRequirements: duration', () => {
  it('requires a meeting at exactly 72 hours and not at 72 hours less a millisecond', () => {
    const [exact, short] = mamRequirements(
      [
        episode('a', '2024-06-01T10:00:00.000Z', '2024-06-04T10:00:00.000Z', 'c1'),
        episode('b', '2024-06-01T10:00:00.000Z', '2024-06-04T09:59:59.999Z', 'c2'),
      ],
      { asOf },
    );
    expect(exact).toMatchObject({ required: true, byDuration: true, byRepeat: false });
    expect(exact?.triggeredAt?.toISOString()).toBe('2024-06-04T10:00:00.000Z');
    expect(short).toMatchObject({ required: false, byDuration: false, triggeredAt: null });
  });

  it('measures real elapsed time across the October clock change', () => {
    // 00:30 BST Sun 27 Oct 2024 (= 23:30Z on the 26th) to 23:30 GMT Tue 29 Oct (= 23:30Z):
    // 71 wall-clock hours (00:30 → 23:30 three days later is 71 h) but 72 h elapsed, since the
    // clocks went back an hour at 02:00 BST on the 27th.
    const [result] = mamRequirements([episode('a', '2024-10-26T23:30:00Z', '2024-10-29T23:30:00Z')], { asOf });
    expect(result?.byDuration).toBe(true);
  });

  it('measures real elapsed time across the March clock change', () => {
    // 00:30 GMT Sun 31 Mar 2024 (= 00:30Z) to 00:30 BST Wed 3 Apr (= 23:30Z on the 2nd):
    // 72 wall-clock hours but only 71 h elapsed (the clocks went forward at 01:00 GMT on the 31st).
    const [result] = mamRequirements([episode('a', '2024-03-31T00:30:00Z', '2024-04-02T23:30:00Z')], { asOf });
    expect(result?.byDuration).toBe(false);
  });

  it('runs an open episode until asOf', () => {
    const open = episode('a', '2024-06-01T10:00:00Z', null);
    expect(mamRequirements([open], { asOf: new Date('2024-06-04T10:00:00Z') })[0]?.byDuration).toBe(true);
    expect(mamRequirements([open], { asOf: new Date('2024-06-04T09:59:00Z') })[0]?.byDuration).toBe(false);
  });

  it('takes the duration threshold as a parameter', () => {
    const short = episode('a', '2024-06-01T10:00:00Z', '2024-06-02T10:00:00Z');
    const thresholds = { durationHours: 24, repeatCount: 3, windowDays: 90 };
    expect(mamRequirements([short], { asOf, thresholds })[0]?.required).toBe(true);
    expect(mamRequirements([short], { asOf })[0]?.required).toBe(false);
  });
});

describe('mamRequirements: repeat', () => {
  // Three short episodes; the first is exactly 90 × 24 h (2160 h) before the third.
  const first = '2024-01-01T12:00:00.000Z';
  const third = new Date(Date.parse(first) + 2160 * HOUR).toISOString(); // 2024-03-31T12:00Z
  const short = (id: string, at: string, personId = 'c1') =>
    episode(id, at, new Date(Date.parse(at) + HOUR).toISOString(), personId);

  it('counts an episode exactly 90 × 24 hours earlier (window edge included)', () => {
    const results = mamRequirements([short('e3', third), short('e1', first), short('e2', '2024-02-15T12:00:00Z')], {
      asOf,
    });
    expect(results.map((r) => [r.id, r.episodesInWindow, r.required])).toEqual([
      ['e3', 3, true],
      ['e1', 1, false],
      ['e2', 2, false],
    ]);
    expect(results[0]?.triggeredAt?.toISOString()).toBe(third);
  });

  it('does not count an episode a millisecond outside the window', () => {
    const justOutside = new Date(Date.parse(first) - 1).toISOString();
    const results = mamRequirements(
      [short('e1', justOutside), short('e2', '2024-02-15T12:00:00Z'), short('e3', third)],
      {
        asOf,
      },
    );
    expect(results.map((r) => r.episodesInWindow)).toEqual([1, 2, 2]);
    expect(results.some((r) => r.required)).toBe(false);
  });

  it('counts only the same child', () => {
    const results = mamRequirements(
      [short('e1', first, 'c1'), short('e2', '2024-02-15T12:00:00Z', 'c2'), short('e3', third, 'c1')],
      { asOf },
    );
    expect(results.map((r) => r.required)).toEqual([false, false, false]);
  });

  it('orders episodes reported at the same instant by id', () => {
    const results = mamRequirements([short('b', first), short('a', first), short('c', first)], { asOf });
    expect(results.map((r) => [r.id, r.episodesInWindow])).toEqual([
      ['b', 2],
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('takes the repeat count and window as parameters', () => {
    const two = [short('e1', '2024-01-01T00:00:00Z'), short('e2', '2024-01-20T00:00:00Z')];
    expect(
      mamRequirements(two, { asOf, thresholds: { durationHours: 72, repeatCount: 2, windowDays: 30 } }).map(
        (r) => r.required,
      ),
    ).toEqual([false, true]);
    expect(
      mamRequirements(two, { asOf, thresholds: { durationHours: 72, repeatCount: 2, windowDays: 10 } }).map(
        (r) => r.required,
      ),
    ).toEqual([false, false]);
  });

  it('refuses thresholds that make no sense, naming the value', () => {
    expect(() =>
      mamRequirements([], { asOf, thresholds: { durationHours: 72, repeatCount: 0, windowDays: 90 } }),
    ).toThrow('MAM repeatCount must be a whole number of at least 1 (got 0)');
    expect(() =>
      mamRequirements([], { asOf, thresholds: { durationHours: -1, repeatCount: 3, windowDays: 90 } }),
    ).toThrow('MAM durationHours must be a positive number (got -1)');
    expect(() =>
      mamRequirements([], { asOf, thresholds: { durationHours: 72, repeatCount: 3, windowDays: 0 } }),
    ).toThrow('MAM windowDays must be a positive number (got 0)');
  });
});

describe('mamRequirement', () => {
  it('judges one episode against the child’s history, ignoring other children and itself', () => {
    const history = [
      episode('h1', '2024-04-01T00:00:00Z', '2024-04-01T02:00:00Z'),
      episode('h2', '2024-05-01T00:00:00Z', '2024-05-01T02:00:00Z'),
      episode('x', '2024-05-15T00:00:00Z', '2024-05-15T02:00:00Z', 'c2'),
    ];
    const current = episode('now', '2024-06-01T00:00:00Z', '2024-06-01T02:00:00Z');
    expect(mamRequirement(current, [...history, current], { asOf })).toMatchObject({
      id: 'now',
      required: true,
      byRepeat: true,
      episodesInWindow: 3,
    });
    expect(mamRequirement(current, history.slice(1), { asOf })).toMatchObject({ required: false, episodesInWindow: 2 });
  });
});
