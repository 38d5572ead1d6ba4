import { describe, expect, it } from 'vitest';
import { errorChain, hasErrorCode } from './pg-errors.ts';

describe('errorChain', () => {
  it('lists an error and the causes it wraps, outermost first', () => {
    const driver = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const wrapped = new Error('Transaction failed', { cause: new Error('DriverAdapterError', { cause: driver }) });
    expect(errorChain(wrapped)).toEqual([
      { code: undefined, message: 'Transaction failed' },
      { code: undefined, message: 'DriverAdapterError' },
      { code: '40P01', message: 'deadlock detected' },
    ]);
    expect(hasErrorCode(wrapped, '40P01')).toBe(true);
    expect(hasErrorCode(wrapped, '40001')).toBe(false);
  });

  it('stops after eight errors when causes loop, and ignores what is not an error', () => {
    const looped = Object.assign(new Error('again'), { code: 42 }) as Error & { cause?: unknown };
    looped.cause = looped;
    expect(errorChain(looped)).toHaveLength(8);
    expect(errorChain(looped)[0]).toEqual({ code: undefined, message: 'again' });
    expect(errorChain(undefined)).toEqual([]);
    expect(hasErrorCode(null, '40P01')).toBe(false);
  });
});
