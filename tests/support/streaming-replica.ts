import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a hot standby streaming from it, each its own cluster on its own port
 * in a temporary directory: `initdb` for the primary, `pg_basebackup -R` for the standby, so the
 * replication under test is PostgreSQL's own. The pair is private to one test file (the shared
 * test cluster's other databases would make the standby's lag depend on other files' work).
 * PostgreSQL refuses to run as root, so under root the servers run as the `postgres` user.
 */
export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops replaying WAL on the standby (it keeps receiving it), so it falls behind. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Clones the primary as it is now into the standby the first time, and starts the standby. */
  startReplica(): Promise<void>;
  /** Stops the standby (fast shutdown: its open connections are ended). */
  stopReplica(): Promise<void>;
  close(): Promise<void>;
}

export async function startStreamingPair(database = 'lantern'): Promise<StreamingPair> {
  const bin = (await run('pg_config', ['--bindir'])).stdout.trim();
  const asServer = async (command: string, args: string[]) => {
    const root = process.getuid?.() === 0;
    const [file, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    try {
      return (await run(file, argv as string[], { timeout: 120_000 })).stdout;
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || (error as Error).message}`);
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'lantern-replica-'));
  if (process.getuid?.() === 0) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout);
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout);
    chownSync(dir, uid, gid);
  }
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const ctl = (dataDir: string, ...args: string[]) =>
    asServer('pg_ctl', ['-D', dataDir, '-l', `${dataDir}.log`, '-w', '-t', '60', ...args]);

  await asServer('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // initdb's pg_hba.conf already lets local and 127.0.0.1 connections replicate with trust.
  const settings = [
    `port = ${primaryPort}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'wal_level = replica',
    'max_wal_senders = 4',
    'hot_standby = on',
    'fsync = off',
    'full_page_writes = off',
    "shared_buffers = '32MB'",
  ];
  await appendFile(join(primaryDir, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  await ctl(primaryDir, 'start');
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`;
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  let standbyRunning = false;
  let cloned = false;
  const pair: StreamingPair = {
    primaryUrl,
    replicaUrl: `postgresql://postgres@127.0.0.1:${standbyPort}/${database}`,
    pauseReplay: () => onStandby(pair.replicaUrl, 'SELECT pg_wal_replay_pause()'),
    resumeReplay: () => onStandby(pair.replicaUrl, 'SELECT pg_wal_replay_resume()'),
    async startReplica() {
      if (!cloned) {
        // The first start clones the primary as it is now (schema and data in) into the standby.
        await asServer('pg_basebackup', [
          ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir],
          ...['-R', '-X', 'stream', '--no-sync', '--checkpoint=fast'],
        ]);
        await appendFile(join(standbyDir, 'postgresql.auto.conf'), `\nport = ${standbyPort}\n`);
        cloned = true;
      }
      await ctl(standbyDir, 'start');
      standbyRunning = true;
    },
    async stopReplica() {
      await ctl(standbyDir, '-m', 'fast', 'stop');
      standbyRunning = false;
    },
    async close() {
      if (standbyRunning) await ctl(standbyDir, '-m', 'immediate', 'stop').catch(() => undefined);
      await ctl(primaryDir, '-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return pair;
}

async function onStandby(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
