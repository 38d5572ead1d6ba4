import { accessFor, reportMissing, viewDistrictNetwork } from '@lantern/app';
import {
  type Database,
  migrateAndLoad,
  openDatabase,
  type Reader,
  renderTile,
  TileCache,
  type TileRequest,
} from '@lantern/db';
import { londonDate, procedurePolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIntelligenceRecord, pointIn } from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { createChildWithEpisode } from '../support/missing-factories.ts';
import { linkPeople } from '../support/network-factories.ts';
import { tileOf } from '../support/slippy-tile.ts';
import { type StreamingPair, startStreamingPair } from '../support/streaming-replica.ts';
import { testBackend } from '../support/test-database.ts';
import { countInside } from '../support/vector-tile.ts';

/**
 * With a read replica (LANTERN_READ_REPLICA_URL), heavy read-only work runs on a PostgreSQL hot
 * standby while it is caught up, and on the primary when it falls further behind than the limit
 * or stops answering; writes and audit events stay on the primary. The standby is real: a private
 * primary cluster cloned with pg_basebackup and streaming to it (tests/support/streaming-replica.ts).
 */
const mansfield = 'E07000174';
const gedling = 'E07000173';

if (testBackend === 'pglite') {
  describe('read replica on the embedded database', () => {
    it('is refused, naming the setting, since the embedded database has no standby', async () => {
      await expect(
        openDatabase({
          inMemory: true,
          readReplica: { url: 'postgresql://x/y', maxLagSeconds: 5, checkIntervalMs: 1000 },
        }),
      ).rejects.toThrow(/LANTERN_READ_REPLICA_URL needs DATABASE_URL/);
    });
  });
} else {
  describe('read replica (PostgreSQL streaming replication)', () => {
    let pair: StreamingPair;
    /** The primary alone: where writes go and what the replica should catch up to. */
    let primary: Database;
    /** Primary plus replica with a limit no test reaches: reads stay on the replica while it answers. */
    let lenient: Database;
    /** Primary plus replica with a half-second limit: a paused replay sends reads to the primary. */
    let strict: Database;
    const replicaOptions = (maxLagSeconds: number) => ({ url: pair.replicaUrl, maxLagSeconds, checkIntervalMs: 100 });
    const period = { from: londonDate(Date.now() - 60 * 86_400_000), to: londonDate() };
    const notifications = async (db: Database) => (await reportMissing({ db }, period)).notifications;
    const onReplica = (db: Database) =>
      vi.waitFor(() => expect(db.readState()?.target).toBe('replica'), { timeout: 60_000, interval: 100 });
    /** Waits until the standby has replayed everything the primary has written so far. */
    async function caughtUp() {
      const [written] = await primary.sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      await vi.waitFor(
        async () => {
          const [replayed] = await lenient.read((reader) =>
            reader.sql.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [
              written?.lsn,
            ]),
          );
          expect(replayed?.done).toBe(true);
        },
        { timeout: 60_000, interval: 50 },
      );
    }
    const standbyEpisode = () =>
      createChildWithEpisode(primary, mansfield, { reportedHoursAgo: 24 * 3, returnedHoursAgo: 24 * 2 });

    beforeAll(async () => {
      pair = await startStreamingPair();
      primary = await openDatabase({ databaseUrl: pair.primaryUrl });
      await migrateAndLoad(primary);
      await standbyEpisode();
      await pair.startReplica();
      lenient = await openDatabase({ databaseUrl: pair.primaryUrl, readReplica: replicaOptions(3600) });
      strict = await openDatabase({ databaseUrl: pair.primaryUrl, readReplica: replicaOptions(0.5) });
      await onReplica(lenient);
      await onReplica(strict);
    }, 180_000);
    afterAll(async () => {
      await strict?.close();
      await lenient?.close();
      await primary?.close();
      await pair?.close();
    });

    it('sends heavy reads to the standby while it is caught up, and nothing else', async () => {
      const where = await lenient.read(async (reader) => {
        const [row] = await reader.sql.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
        return { target: reader.target, standby: row?.standby };
      });
      expect(where).toEqual({ target: 'replica', standby: true });
      const [own] = await lenient.sql.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      expect(own?.standby).toBe(false);
      expect(lenient.readState()?.reason).toMatch(/behind at most/);
    });

    it('reads a report on the replica: it shows what the standby has replayed, the primary the rest', async () => {
      await caughtUp();
      const before = await notifications(primary);
      await pair.pauseReplay();
      try {
        await standbyEpisode();
        expect(await notifications(primary)).toBe(before + 1);
        expect(await notifications(lenient)).toBe(before);
      } finally {
        await pair.resumeReplay();
      }
      await caughtUp();
      expect(await notifications(lenient)).toBe(before + 1);
    });

    it('falls back to the primary while the replica is further behind than the limit, and returns after', async () => {
      await caughtUp();
      await pair.pauseReplay();
      try {
        await standbyEpisode();
        const expected = await notifications(primary);
        await vi.waitFor(() => expect(strict.readState()?.target).toBe('primary'), { timeout: 60_000, interval: 100 });
        expect(strict.readState()?.reason).toMatch(/behind, more than the limit of 0.5 s/);
        expect(await notifications(strict)).toBe(expected);
        // The lenient limit keeps the same replica in use, still without the new episode.
        expect(await notifications(lenient)).toBe(expected - 1);
      } finally {
        await pair.resumeReplay();
      }
      await onReplica(strict);
      await caughtUp();
    });

    it('never keeps a tile rendered from a replica that has not replayed the layer’s version', async () => {
      await caughtUp();
      const { x, y } = tileOf(pointIn[mansfield].lon, pointIn[mansfield].lat, 12);
      const request: TileRequest = { layer: 'intelligence', z: 12, x, y, scope: 'all' };
      const cache = new TileCache(lenient, { maxBytes: 8 * 1024 * 1024, warmMaxZoom: -1 });
      const before = countInside(await cache.tile(request, await cache.address(request)), 'intelligence');
      await pair.pauseReplay();
      try {
        await createIntelligenceRecord(primary, { districtCode: mansfield });
        const replica = await lenient.read(async (reader: Reader) => reader);
        expect(replica.target).toBe('replica');
        expect(countInside(await renderTile(replica.prisma, 'postgres', request), 'intelligence')).toBe(before);
        const tile = await cache.tile(request, await cache.address(request));
        expect(countInside(tile, 'intelligence')).toBe(before + 1);
      } finally {
        await pair.resumeReplay();
        await cache.close();
      }
    });

    it('reads a network view on the replica and audits who it showed on the primary', async () => {
      await caughtUp();
      const child = await createPersonRecord(primary, { kind: 'child', homeDistrictCode: gedling });
      const associate = await createPersonRecord(primary, { kind: 'associate', homeDistrictCode: gedling });
      await linkPeople(primary, child.id, associate.id, { at: pointIn[gedling] });
      const officer = await createUser(primary, { roles: ['district_officer'], districtCodes: [gedling] });
      await caughtUp();
      await pair.pauseReplay();
      try {
        // Linked on the primary only: the view read on the paused replica does not show her.
        const late = await createPersonRecord(primary, { kind: 'associate', homeDistrictCode: gedling });
        await linkPeople(primary, child.id, late.id, { at: pointIn[gedling] });
        const procedure = 'network.district';
        const view = await viewDistrictNetwork(
          { db: lenient },
          accessFor(officer, procedure, procedurePolicies[procedure]),
          { districtCode: gedling, reason: 'replica test' },
        );
        const shown = view.nodes.map((node) => node.id).sort();
        expect(shown).toEqual([child.id, associate.id].sort());
        const [event] = await primary.sql.query<{ ids: string[]; procedure: string }>(
          `SELECT record_ids AS ids, procedure FROM audit_event WHERE user_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
          [officer.id],
        );
        expect(event?.procedure).toBe(procedure);
        expect([...(event?.ids ?? [])].sort()).toEqual(shown);
      } finally {
        await pair.resumeReplay();
      }
    });

    it('answers every read while the standby is stopped mid-run, from the primary after it goes', async () => {
      await caughtUp();
      const expected = await notifications(primary);
      const targets: string[] = [];
      const reads = (async () => {
        for (let round = 0; round < 40; round++) {
          targets.push(
            await lenient.read(async (reader) => {
              await reader.sql.query('SELECT pg_sleep(0.02)');
              return reader.target;
            }),
          );
          expect(await notifications(lenient)).toBe(expected);
        }
      })();
      await vi.waitFor(() => expect(targets.length).toBeGreaterThan(3), { timeout: 60_000, interval: 10 });
      await pair.stopReplica();
      await reads;
      expect(targets[0]).toBe('replica');
      expect(targets.at(-1)).toBe('primary');
      expect(lenient.readState()?.reason).toMatch(/did not answer/);

      await pair.startReplica();
      await onReplica(lenient);
      expect(await notifications(lenient)).toBe(expected);
    });
  });
}
