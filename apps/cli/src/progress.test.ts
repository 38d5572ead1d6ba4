import { describe, expect, it } from 'vitest';
import { formatSeconds, startProgress } from './progress.ts';

describe('progress of long work outside a terminal', () => {
  it('writes a plain line every five seconds with the share done, rows, rate and time left', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = startProgress({
      label: '2024-01-street.csv',
      total: 1000,
      terminal: false,
      io: { out: () => undefined, err: (text) => lines.push(text) },
      now: () => clock,
    });
    clock = 1000;
    progress.update(100, 2000);
    expect(lines).toEqual([]);
    clock = 5000;
    progress.update(250, 5000);
    clock = 6000;
    progress.update(300, 6000);
    clock = 10_000;
    progress.update(500, 10_000);
    progress.stop();
    expect(lines).toEqual([
      '2024-01-street.csv: 25%, 5,000 rows, 1,000 rows/s, about 15 s left',
      '2024-01-street.csv: 50%, 10,000 rows, 1,000 rows/s, about 10 s left',
    ]);
  });

  it('says minutes and seconds', () => {
    expect(formatSeconds(7.4)).toBe('7 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
  });
});

describe('progress of work in stages outside a terminal', () => {
  it('writes a line as each stage begins, and otherwise every five seconds', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = startProgress({
      label: 'seed',
      total: 4,
      io: { out: () => undefined, err: (text) => lines.push(text) },
      now: () => clock,
    });
    progress.update(0, 0, 'people');
    clock = 1000;
    progress.update(1, 500, 'places');
    clock = 2000;
    progress.update(1, 800, 'places');
    clock = 7000;
    progress.update(1, 1400, 'places');
    progress.stop();
    expect(lines).toEqual([
      'seed (people): 0%, 0 rows, 0 rows/s',
      'seed (places): 25%, 500 rows, 500 rows/s, about 3 s left',
      'seed (places): 25%, 1,400 rows, 200 rows/s, about 21 s left',
    ]);
  });
});
