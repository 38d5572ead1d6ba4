import { describe, expect, it } from 'vitest';
import { episodeDurationMs } from './episode-duration-ms.ts';

const HOUR = 3_600_000;

describe('episodeDurationMs', () => {
  it('is 73 elapsed hours for 72 wall-clock hours across the October change', () => {
    // 00:30 BST Sun 27 Oct 2024 = 23:30Z on the 26th; 00:30 GMT Wed 30 Oct = 00:30Z.
    const episode = { reportedAt: new Date('2024-10-26T23:30:00Z'), returnedAt: new Date('2024-10-30T00:30:00Z') };
    expect(episodeDurationMs(episode, new Date(0))).toBe(73 * HOUR);
  });

  it('runs an open episode to asOf', () => {
    const episode = { reportedAt: new Date('2024-06-01T10:00:00Z'), returnedAt: null };
    expect(episodeDurationMs(episode, new Date('2024-06-01T12:30:00Z'))).toBe(2.5 * HOUR);
  });
});
