import { createServer } from '@lantern/api';
import type { Database } from '@lantern/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../support/test-database.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

it('GET /healthz reports ok and the backend', async () => {
  const app = await createServer({ db });
  const response = await app.inject({ method: 'GET', url: '/healthz' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok', db: testBackend });
  await app.close();
});
