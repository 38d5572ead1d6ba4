import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('readEnv: the read replica', () => {
  it('is off unless LANTERN_READ_REPLICA_URL is set, with a 5 s lag limit checked every second', () => {
    const env = readEnv({ LANTERN_READ_REPLICA_URL: '' });
    expect(env.LANTERN_READ_REPLICA_URL).toBeUndefined();
    expect(env.LANTERN_READ_REPLICA_MAX_LAG_SECONDS).toBe(5);
    expect(env.LANTERN_READ_REPLICA_CHECK_MS).toBe(1000);
  });

  it('takes a PostgreSQL URL and a lag limit in seconds', () => {
    const env = readEnv({
      DATABASE_URL: 'postgresql://db/lantern',
      LANTERN_READ_REPLICA_URL: 'postgresql://replica/lantern',
      LANTERN_READ_REPLICA_MAX_LAG_SECONDS: '2.5',
    });
    expect(env.LANTERN_READ_REPLICA_URL).toBe('postgresql://replica/lantern');
    expect(env.LANTERN_READ_REPLICA_MAX_LAG_SECONDS).toBe(2.5);
  });

  it('names the variable and what is wrong with it', () => {
    expect(() => readEnv({ LANTERN_READ_REPLICA_URL: 'mysql://replica/lantern' })).toThrow(
      'LANTERN_READ_REPLICA_URL must be a postgres:// or postgresql:// URL',
    );
    expect(() => readEnv({ LANTERN_READ_REPLICA_MAX_LAG_SECONDS: 'soon' })).toThrow(
      /LANTERN_READ_REPLICA_MAX_LAG_SECONDS: /,
    );
  });
});
