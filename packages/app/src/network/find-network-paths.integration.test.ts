import type { Database } from '@lantern/db';
import { procedurePolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointIn } from '../../../../tests/support/domain-factories.ts';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import { linkPeople } from '../../../../tests/support/network-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { findNetworkPaths } from './find-network-paths.ts';

/**
 * `findNetworkPaths` between a child and an associate two hops away (child – middle – far), with
 * a third person tied to the child off the path.
 */
const procedure = 'network.paths';
const policy = procedurePolicies[procedure];
const reason = 'paths test';
const gedling = 'E07000173';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function twoHops() {
  const at = pointIn[gedling];
  const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: gedling });
  const middle = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: gedling });
  const far = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: gedling });
  const aside = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: gedling });
  const near = await linkPeople(db, child.id, middle.id, { at, grading: '2B', occurredAt: '2025-01-05T10:00:00Z' });
  const onward = await linkPeople(db, middle.id, far.id, { at, grading: '3C', occurredAt: '2025-01-06T10:00:00Z' });
  const offPath = await linkPeople(db, child.id, aside.id, { at });
  return { child, middle, far, aside, near, onward, offPath };
}

async function paths(fromEntityId: string, toEntityId: string) {
  const user = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [gedling] });
  const view = await findNetworkPaths({ db }, accessFor(user, procedure, policy), { fromEntityId, toEntityId, reason });
  return { user, view };
}

describe('findNetworkPaths', () => {
  it('finds the path between two people two hops apart', async () => {
    const { child, middle, far } = await twoHops();

    const { view } = await paths(child.id, far.id);

    expect(view.paths).toEqual([[child.id, middle.id, far.id]]);
    expect(view.view).toMatchObject({ kind: 'path', entityIds: [child.id, far.id] });
  });

  it('gives each step of the path with the records behind it, and nothing off the path', async () => {
    const { child, middle, far, near, onward } = await twoHops();

    const { view } = await paths(child.id, far.id);

    expect(view.edges.map((edge) => [edge.source, edge.target].sort().join('|')).sort()).toEqual(
      [
        [child.id, middle.id],
        [middle.id, far.id],
      ]
        .map((ends) => ends.sort().join('|'))
        .sort(),
    );
    const recordsOf = (a: string, b: string) =>
      view.edges.find((edge) => [edge.source, edge.target].sort().join() === [a, b].sort().join())?.records;
    expect(recordsOf(child.id, middle.id)).toEqual([near.report.id]);
    expect(recordsOf(middle.id, far.id)).toEqual([onward.report.id]);
    expect(view.nodes.map((node) => node.id).sort()).toEqual([child.id, middle.id, far.id].sort());
  });

  it('describes the records behind the steps', async () => {
    const { child, far, near, onward } = await twoHops();

    const { view } = await paths(child.id, far.id);

    expect(view.records).toEqual([
      {
        id: near.report.id,
        type: 'intelligence_report',
        reference: near.report.reference,
        date: '2025-01-05',
        summary: 'cse · 2B',
      },
      {
        id: onward.report.id,
        type: 'intelligence_report',
        reference: onward.report.reference,
        date: '2025-01-06',
        summary: 'cse · 3C',
      },
    ]);
  });

  it('finds no path between people with nothing between them', async () => {
    const { child } = await twoHops();
    const stranger = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: gedling });

    const { view } = await paths(child.id, stranger.id);

    expect([view.paths, view.edges]).toEqual([[], []]);
  });

  it('appends exactly one read event listing the people on the path', async () => {
    const { child, middle, far } = await twoHops();

    const { user } = await paths(child.id, far.id);

    const events = await db.prisma.auditEvent.findMany({
      where: { userId: user.id },
      select: { action: true, procedure: true, recordType: true, recordIds: true },
    });
    expect(events.map((event) => ({ ...event, recordIds: [...event.recordIds].sort() }))).toEqual([
      { action: 'read', procedure, recordType: 'person', recordIds: [child.id, middle.id, far.id].sort() },
    ]);
  });
});
