import { describe, expect, it } from 'vitest';
import { rhiClock } from './rhi-clock.ts';
import { rhiCompletedWithin72h } from './rhi-completed-within-72h.ts';
import { rhiDueAt } from './rhi-due-at.ts';

describe('rhiDueAt', () => {
  it('is 72 elapsed hours after the return, across the March clock change', () => {
    // Returned 12:00 GMT Fri 29 Mar 2024; clocks go forward on Sun 31 Mar, so the deadline is
    // 13:00 BST on Mon 1 Apr (= 12:00Z): 73 wall-clock hours, 72 elapsed.
    expect(rhiDueAt(new Date('2024-03-29T12:00:00Z')).toISOString()).toBe('2024-04-01T12:00:00.000Z');
  });

  it('is 72 elapsed hours after the return, across the October clock change', () => {
    // Returned 12:00 BST Fri 25 Oct 2024 (= 11:00Z); clocks go back on Sun 27 Oct, so the
    // deadline is 11:00 GMT on Mon 28 Oct (= 11:00Z): 71 wall-clock hours, 72 elapsed.
    expect(rhiDueAt(new Date('2024-10-25T11:00:00Z')).toISOString()).toBe('2024-10-28T11:00:00.000Z');
  });
});

describe('rhiCompletedWithin72h', () => {
  const returnedAt = new Date('2024-06-01T09:00:00Z');

  it('counts an interview completed exactly 72 hours after the return', () => {
    expect(rhiCompletedWithin72h(returnedAt, new Date('2024-06-04T09:00:00.000Z'))).toBe(true);
  });

  it('does not count one completed a millisecond later', () => {
    expect(rhiCompletedWithin72h(returnedAt, new Date('2024-06-04T09:00:00.001Z'))).toBe(false);
  });

  it('is false when there is no return or no completion', () => {
    expect(rhiCompletedWithin72h(null, new Date('2024-06-02T09:00:00Z'))).toBe(false);
    expect(rhiCompletedWithin72h(returnedAt, null)).toBe(false);
  });
});

describe('rhiClock', () => {
  const returnedAt = new Date('2024-06-01T09:00:00Z'); // due 2024-06-04T09:00Z

  it('has not started before the return', () => {
    expect(rhiClock({ returnedAt: null, completedAt: null }, new Date())).toEqual({
      state: 'not_started',
      dueAt: null,
      remainingMs: null,
    });
  });

  it('is pending more than 24 hours ahead, due soon within 24 hours, overdue after the deadline', () => {
    const at = (iso: string) => rhiClock({ returnedAt, completedAt: null }, new Date(iso));
    expect(at('2024-06-03T08:59:59Z').state).toBe('pending');
    expect(at('2024-06-03T09:00:00Z')).toEqual({
      state: 'due_soon',
      dueAt: new Date('2024-06-04T09:00:00Z'),
      remainingMs: 24 * 3_600_000,
    });
    expect(at('2024-06-04T09:00:00Z').state).toBe('due_soon');
    expect(at('2024-06-04T09:00:01Z')).toMatchObject({ state: 'overdue', remainingMs: -1000 });
  });

  it('tells completed in time from completed late', () => {
    const now = new Date('2024-07-01T00:00:00Z');
    expect(rhiClock({ returnedAt, completedAt: new Date('2024-06-04T09:00:00Z') }, now).state).toBe(
      'completed_in_time',
    );
    expect(rhiClock({ returnedAt, completedAt: new Date('2024-06-04T09:01:00Z') }, now).state).toBe('completed_late');
  });
});
