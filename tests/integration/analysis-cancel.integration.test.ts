import { apiConfig, appRouter, createCallerFactory, createContextInner, readApiEnv } from '@lantern/api';
import type { Database, Principal } from '@lantern/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaceRecord, pointIn } from '../support/domain-factories.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * A cancelled request (the browser's Cancel aborts it; the tRPC adapter aborts the request's
 * signal) stops its analysis in the worker pool and ends as 499 CLIENT_CLOSED_REQUEST: not a
 * logged 500, and not an answer computed for nobody.
 */
const mansfield = 'E07000174';
let db: Database;
let analyst: Principal;

beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  for (let i = 0; i < 5; i++) {
    await createPlaceRecord(db, { point: { lon: pointIn[mansfield].lon + i * 0.001, lat: pointIn[mansfield].lat } });
  }
});
afterAll(() => db.close());

function caller(signal?: AbortSignal) {
  const config = apiConfig(readApiEnv({ NODE_ENV: 'test' }));
  return createCallerFactory(appRouter)(createContextInner({ db, config, principal: analyst }), {
    ...(signal ? { signal } : {}),
  });
}

const input = { source: 'places', cellSize: 250, band: 750, fdr: true } as const;

describe('a cancelled hot-spot analysis', () => {
  it('ends as CLIENT_CLOSED_REQUEST when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await caller(controller.signal)
      .hotspots.compute(input)
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('CLIENT_CLOSED_REQUEST');
  });

  it('still answers a request that is not aborted', async () => {
    const result = await caller(new AbortController().signal).hotspots.compute(input);
    expect(result.events).toBe(5);
  });
});
