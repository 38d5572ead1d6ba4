import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenDatabase, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { districtCodes } from '@lantern/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { captureIo } from '../support/capture-io.ts';
import { createPlaceRecord, pointIn } from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { createGradedIntelligence, createNetworkLink } from '../support/network-factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * `lantern network` on a fresh database with one police analyst and, in Mansfield, a chain
 * child – associate – place: the associate tied to the child by one report and seen at the place
 * by another.
 */
const mansfield = 'E07000174';

let db: Database;
let scratch: string;
let analystEmail: string;
const ids = { child: '', associate: '', place: '', childReport: '', placeReport: '' };

async function lantern(database: Database, ...argv: string[]) {
  const { io, out, err } = captureIo();
  const code = await run(argv, io, givenDatabase(database));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), 'lantern-cli-network-'));
  analystEmail = (await createUser(db, { roles: ['police_analyst'] })).email;
  const at = pointIn[mansfield];
  const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });
  const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
  const place = await createPlaceRecord(db, { districtCode: mansfield });
  const childReport = await createGradedIntelligence(db, { at, grading: '2B' });
  const placeReport = await createGradedIntelligence(db, { at, grading: '3C' });
  await createNetworkLink(
    db,
    { type: 'person', id: child.id },
    { type: 'person', id: associate.id },
    { source: { type: 'intelligence_report', id: childReport.id }, firstSeen: '2025-01-01', lastSeen: '2025-02-01' },
  );
  await createNetworkLink(
    db,
    { type: 'person', id: associate.id },
    { type: 'place', id: place.id },
    {
      source: { type: 'intelligence_report', id: placeReport.id },
      linkType: 'seen_at',
      firstSeen: '2025-03-01',
      lastSeen: '2025-03-15',
    },
  );
  Object.assign(ids, {
    child: child.id,
    associate: associate.id,
    place: place.id,
    childReport: childReport.id,
    placeReport: placeReport.id,
  });
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await db.close();
});

interface NetworkJson {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  modularity: number;
}

/** xmlbuilder2's object form: one child element is an object, several an array. */
type XmlObject = { [name: string]: XmlObject | XmlObject[] | string };
const list = (value: XmlObject | XmlObject[] | string | undefined): XmlObject[] =>
  value === undefined || typeof value === 'string' ? [] : Array.isArray(value) ? value : [value];
const at = (value: XmlObject | XmlObject[] | string | undefined, ...path: string[]): XmlObject[] =>
  path.reduce((found, name) => found.flatMap((element) => list(element[name])), list(value));
const parseXml = (xml: string) => convert(xml, { format: 'object' }) as XmlObject;

const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]);

describe('lantern network --format json', () => {
  it('gives the stable JSON: nodes with their metrics, edges with their records, and the modularity', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--district', mansfield);

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as NetworkJson;
    expect(result).toEqual(expect.objectContaining({ nodes: expect.any(Array), edges: expect.any(Array) }));
    expect(typeof result.modularity).toBe('number');
    const nodeKeys = ['id', 'type', 'degree', 'betweenness', 'pagerank', 'eigenvector', 'community', 'core'];
    const edgeKeys = ['source', 'target', 'types', 'weight', 'first', 'last', 'records'];
    for (const node of result.nodes) expect(Object.keys(node)).toEqual(expect.arrayContaining(nodeKeys));
    for (const edge of result.edges) expect(Object.keys(edge)).toEqual(expect.arrayContaining(edgeKeys));
  });

  it('gives each node its type and metrics: the associate in the middle of the chain', async () => {
    const { stdout } = await lantern(db, 'network', '--district', mansfield);

    const result = JSON.parse(stdout) as NetworkJson;
    const byId = Object.fromEntries(
      result.nodes.map((node) => [node.id, [node.type, node.degree, node.betweenness, node.core]]),
    );
    expect(byId).toEqual({
      [ids.child]: ['child', 1, 0, 1],
      [ids.associate]: ['associate', 2, 1, 1],
      [ids.place]: ['place', 1, 0, 1],
    });
  });

  it('gives each edge from the smaller id, with its link types, dates and records', async () => {
    const { stdout } = await lantern(db, 'network', '--district', mansfield);

    const result = JSON.parse(stdout) as NetworkJson;
    const edges = result.edges.map(({ source, target, types, weight, first, last, records }) => ({
      source,
      target,
      types,
      weight,
      first,
      last,
      records,
    }));
    const [childSource, childTarget] = pair(ids.child, ids.associate);
    const [placeSource, placeTarget] = pair(ids.associate, ids.place);
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          source: childSource,
          target: childTarget,
          types: ['associates_with'],
          weight: 1,
          first: '2025-01-01',
          last: '2025-02-01',
          records: [ids.childReport],
        },
        {
          source: placeSource,
          target: placeTarget,
          types: ['seen_at'],
          weight: 1,
          first: '2025-03-01',
          last: '2025-03-15',
          records: [ids.placeReport],
        },
      ]),
    );
    expect(edges).toHaveLength(2);
  });

  it('gives one entity’s network with --ego and --hops', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--ego', ids.child, '--hops', '1');

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as NetworkJson;
    expect(result.nodes.map((node) => node.id).sort()).toEqual([ids.child, ids.associate].sort());
  });

  it('leaves out the links not active in --from … --to', async () => {
    const { code, stdout, stderr } = await lantern(
      db,
      'network',
      '--district',
      mansfield,
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
    );

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as NetworkJson;
    expect(result.edges.map((edge) => edge.types)).toEqual([['seen_at']]);
  });

  it('leaves out the links resting on intelligence worse than --min-grade', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--district', mansfield, '--min-grade', 'B');

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as NetworkJson;
    expect(result.edges.map((edge) => edge.types)).toEqual([['associates_with']]);
  });

  it('writes the JSON to --out and nothing to stdout', async () => {
    const file = join(scratch, 'network.json');

    const { code, stdout, stderr } = await lantern(db, 'network', '--district', mansfield, '--out', file);

    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(file, 'utf8')) as NetworkJson).nodes).toHaveLength(3);
  });

  it('audits the read under the analyst it ran as, with the people shown', async () => {
    const before = await db.prisma.auditEvent.count({ where: { procedure: 'network.district' } });

    await lantern(db, 'network', '--district', mansfield, '--as', analystEmail);

    const events = await db.prisma.auditEvent.findMany({
      where: { procedure: 'network.district' },
      orderBy: { seq: 'asc' },
      skip: before,
      select: { action: true, role: true, recordIds: true, user: { select: { email: true } } },
    });
    expect(events.map((event) => ({ ...event, recordIds: [...event.recordIds].sort() }))).toEqual([
      {
        action: 'read',
        role: 'police_analyst',
        recordIds: [ids.child, ids.associate].sort(),
        user: { email: analystEmail },
      },
    ]);
  });
});

describe('lantern network --format graphml and gexf', () => {
  it('writes GraphML that parses, with a node element per node and an edge element per edge', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--district', mansfield, '--format', 'graphml');

    expect(code, stderr).toBe(0);
    const graph = at(parseXml(stdout), 'graphml', 'graph');
    expect(at(graph, 'node').map((node) => node['@id'])).toEqual(
      expect.arrayContaining(Object.values(ids).slice(0, 3)),
    );
    expect([at(graph, 'node').length, at(graph, 'edge').length]).toEqual([3, 2]);
  });

  it('writes GEXF that parses, with a node element per node and an edge element per edge', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--district', mansfield, '--format', 'gexf');

    expect(code, stderr).toBe(0);
    const graph = at(parseXml(stdout), 'gexf', 'graph');
    expect(at(graph, 'nodes', 'node').map((node) => node['@id'])).toEqual(
      expect.arrayContaining(Object.values(ids).slice(0, 3)),
    );
    expect([at(graph, 'nodes', 'node').length, at(graph, 'edges', 'edge').length]).toEqual([3, 2]);
  });
});

describe('lantern network --format csv', () => {
  it('writes PREFIX.nodes.csv and PREFIX.edges.csv, each with a header and a row per node or edge', async () => {
    const prefix = join(scratch, 'mansfield');

    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--format', 'csv', '--out', prefix);

    expect(code, stderr).toBe(0);
    const nodes = parseCsv(readFileSync(`${prefix}.nodes.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
    const edges = parseCsv(readFileSync(`${prefix}.edges.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(nodes.map((node) => node.id).sort()).toEqual([ids.child, ids.associate, ids.place].sort());
    expect(edges.map((edge) => edge.records).sort()).toEqual([ids.childReport, ids.placeReport].sort());
    expect(stderr).toBe(`wrote ${prefix}.nodes.csv (3 nodes) and ${prefix}.edges.csv (2 edges)`);
  });
});

describe('lantern network refuses bad input', () => {
  it('names --district when the code is not a district', async () => {
    const { code, stdout, stderr } = await lantern(db, 'network', '--district', 'NOPE');

    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `error: --district: must be one of the district codes ${districtCodes.join(', ')} (got "NOPE")`,
    );
  });

  it('names --hops when it is not 1, 2 or 3', async () => {
    const { code, stderr } = await lantern(db, 'network', '--ego', ids.child, '--hops', '7');

    expect([code, stderr]).toEqual([2, 'error: --hops: must be 1, 2 or 3 (got "7")']);
  });

  it('names --from when it is not a date', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--from', '2025-13-01');

    expect([code, stderr]).toEqual([2, 'error: --from: must be a date as YYYY-MM-DD (got "2025-13-01")']);
  });

  it('names --from outside the dates Lantern accepts, saying what it got once', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--from', '1899-12-31');

    expect([code, stderr]).toEqual([2, 'error: --from: must be between 1900-01-01 and 2100-12-31 (got 1899-12-31)']);
  });

  it('names --to when it is before --from', async () => {
    const { code, stderr } = await lantern(
      db,
      'network',
      '--district',
      mansfield,
      '--from',
      '2025-03-01',
      '--to',
      '2025-02-01',
    );

    expect([code, stderr]).toEqual([2, 'error: --to: must not be before from (2025-03-01) (got "2025-02-01")']);
  });

  it('names --out when csv is asked for without a prefix', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--format', 'csv');

    expect([code, stderr]).toEqual([
      2,
      'error: --out: CSV writes two files (PREFIX.nodes.csv and PREFIX.edges.csv); give their prefix',
    ]);
  });

  // Regression: the network was built and its read audited, then the write failed with Node's
  // ENOENT text and exit 1.
  it('names --out when it cannot be written, before building or auditing anything', async () => {
    const before = await db.prisma.auditEvent.count({ where: { procedure: 'network.district' } });
    const nowhere = join(scratch, 'no-such-directory');
    const json = await lantern(db, 'network', '--district', mansfield, '--out', join(nowhere, 'network.json'));
    expect([json.code, json.stderr]).toEqual([
      2,
      `error: --out ${join(nowhere, 'network.json')}: cannot be created in ${nowhere}: no such file or directory`,
    ]);
    // CSV writes PREFIX.nodes.csv and PREFIX.edges.csv: here the first is taken by a directory.
    const prefix = join(scratch, 'taken');
    mkdirSync(`${prefix}.nodes.csv`);
    const csv = await lantern(db, 'network', '--district', mansfield, '--format', 'csv', '--out', prefix);
    expect([csv.code, csv.stderr]).toEqual([2, `error: --out ${prefix}.nodes.csv: is a directory, not a file`]);
    expect(await db.prisma.auditEvent.count({ where: { procedure: 'network.district' } })).toBe(before);
  });

  it('asks for --district or --ego when given neither', async () => {
    const { code, stderr } = await lantern(db, 'network');

    expect([code, stderr]).toEqual([2, 'error: --district: give a district code, or --ego with an entity id']);
  });

  it('refuses --ego and --district together rather than ignoring one', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--ego', randomUUID());

    expect([code, stderr]).toEqual([2, 'error: --ego: give either --district or --ego, not both']);
  });

  it('names --hops when it is given without --ego', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--hops', '3');

    expect([code, stderr]).toEqual([2, 'error: --hops: counts steps from --ego, which is not given (got "3")']);
  });

  it('names --as when the account does not exist', async () => {
    const { code, stderr } = await lantern(db, 'network', '--district', mansfield, '--as', 'nobody@lantern.test');

    expect([code, stderr]).toEqual([2, 'error: --as: no enabled account nobody@lantern.test']);
  });

  it('says so clearly when there is no police analyst account to run as', async () => {
    const empty = await createTestDatabase();
    try {
      const { code, stdout, stderr } = await lantern(empty, 'network', '--district', mansfield);

      expect([code, stdout, stderr]).toEqual([
        2,
        '',
        'error: --as: there is no enabled police analyst account to run as; create one or name an account',
      ]);
    } finally {
      await empty.close();
    }
  });
});
