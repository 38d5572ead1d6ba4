import { describe, expect, it } from 'vitest';
import { copyTextRow } from './copy-text.ts';

describe('copyTextRow', () => {
  it('separates values by tabs, ends the row with a newline and writes NULL as \\N', () => {
    expect(copyTextRow(['a', null, 1.5, undefined, '2024-01-01'])).toBe('a\t\\N\t1.5\t\\N\t2024-01-01\n');
  });

  it('escapes backslashes, tabs and line breaks inside values, in every row', () => {
    expect(copyTextRow(['C:\\path', 'one\ttwo', 'line\nbreak\r'])).toBe('C:\\\\path\tone\\ttwo\tline\\nbreak\\r\n');
    // The same characters again: a stateful pattern would miss them on the second row.
    expect(copyTextRow(['x\\y'])).toBe('x\\\\y\n');
  });

  it('keeps a literal "\\N" text apart from NULL', () => {
    expect(copyTextRow(['\\N'])).toBe('\\\\N\n');
  });
});
