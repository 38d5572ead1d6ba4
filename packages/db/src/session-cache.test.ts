import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

/** A clock the test moves by hand, for the cache's time-to-live. */
function handClock() {
  let now = 1_000;
  return { perf: { now: () => now }, advance: (ms: number) => (now += ms) };
}

const session = { principal: 'analyst' };

describe('SessionCache', () => {
  it('keeps a checked session only while it listens for changes', () => {
    const cache = new SessionCache<typeof session>({ ttlMs: 2000 });
    cache.keep('a', session, cache.generation);
    expect(cache.find('a')).toBeUndefined();

    cache.setListening(true);
    cache.keep('a', session, cache.generation);
    expect(cache.find('a')).toBe(session);

    cache.setListening(false);
    expect(cache.enabled).toBe(false);
    expect(cache.find('a')).toBeUndefined();
    cache.setListening(true);
    expect(cache.find('a')).toBeUndefined();
  });

  it('forgets every session when a change is heard', () => {
    const cache = new SessionCache<typeof session>({ ttlMs: 2000 });
    cache.setListening(true);
    cache.keep('a', session, cache.generation);
    cache.keep('b', session, cache.generation);
    cache.forgetAll();
    expect([cache.find('a'), cache.find('b')]).toEqual([undefined, undefined]);
  });

  it('does not keep a session read before a change and answered after it', () => {
    const cache = new SessionCache<typeof session>({ ttlMs: 2000 });
    cache.setListening(true);
    const readAt = cache.generation;
    cache.forgetAll();
    cache.keep('a', session, readAt);
    expect(cache.find('a')).toBeUndefined();
  });

  it('trusts a session for the time-to-live, then reads it again', () => {
    const clock = handClock();
    const cache = new SessionCache<typeof session>({ ttlMs: 2000, perf: clock.perf });
    cache.setListening(true);
    cache.keep('a', session, cache.generation);
    clock.advance(1999);
    expect(cache.find('a')).toBe(session);
    clock.advance(2);
    expect(cache.find('a')).toBeUndefined();
  });

  it('keeps nothing with a time-to-live of 0, and at most `max` sessions, the least recently used going first', () => {
    const none = new SessionCache<typeof session>({ ttlMs: 0 });
    none.setListening(true);
    none.keep('a', session, none.generation);
    expect(none.enabled).toBe(false);
    expect(none.find('a')).toBeUndefined();

    const small = new SessionCache<typeof session>({ ttlMs: 2000, max: 2 });
    small.setListening(true);
    small.keep('a', session, small.generation);
    small.keep('b', session, small.generation);
    small.find('a');
    small.keep('c', session, small.generation);
    expect([small.find('a'), small.find('b'), small.find('c')]).toEqual([session, undefined, session]);
  });
});
