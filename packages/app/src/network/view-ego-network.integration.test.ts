import type { Database } from '@lantern/db';
import { type NetworkView, procedurePolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointIn } from '../../../../tests/support/domain-factories.ts';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import { linkPeople } from '../../../../tests/support/network-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { viewEgoNetwork } from './view-ego-network.ts';

/** `viewEgoNetwork` on a chain child – first – second – third, each link on its own report. */
const procedure = 'network.ego';
const policy = procedurePolicies[procedure];
const reason = 'ego network test';
const mansfield = 'E07000174';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function chain() {
  const at = pointIn[mansfield];
  const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });
  const first = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
  const second = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
  const third = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
  await linkPeople(db, child.id, first.id, { at });
  await linkPeople(db, first.id, second.id, { at });
  await linkPeople(db, second.id, third.id, { at });
  return { child, first, second, third };
}

async function ego(entityId: string, hops: number) {
  const user = await createUser(db, { roles: ['police_analyst'] });
  const view = await viewEgoNetwork({ db }, accessFor(user, procedure, policy), { entityId, hops, reason });
  return { user, view };
}

const nodeIds = (view: NetworkView) => view.nodes.map((node) => node.id).sort();
const pairs = (view: NetworkView) => view.edges.map((edge) => [edge.source, edge.target].sort().join('|')).sort();
const pair = (a: string, b: string) => [a, b].sort().join('|');

describe('viewEgoNetwork', () => {
  it('shows the entity and its neighbours at one hop', async () => {
    const { child, first } = await chain();

    const { view } = await ego(child.id, 1);

    expect(nodeIds(view)).toEqual([child.id, first.id].sort());
    expect(pairs(view)).toEqual([pair(child.id, first.id)]);
    expect(view.view).toMatchObject({ kind: 'ego', entityIds: [child.id], hops: 1 });
  });

  it('reaches the neighbours’ neighbours at two hops, and no further', async () => {
    const { child, first, second } = await chain();

    const { view } = await ego(child.id, 2);

    expect(nodeIds(view)).toEqual([child.id, first.id, second.id].sort());
    expect(pairs(view)).toEqual([pair(child.id, first.id), pair(first.id, second.id)].sort());
  });

  it('draws the ties among the outermost ring', async () => {
    const { child, first } = await chain();
    const other = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
    await linkPeople(db, child.id, other.id, { at: pointIn[mansfield] });
    await linkPeople(db, first.id, other.id, { at: pointIn[mansfield] });

    const { view } = await ego(child.id, 1);

    expect(pairs(view)).toEqual([pair(child.id, first.id), pair(child.id, other.id), pair(first.id, other.id)].sort());
  });

  it('shows the entity alone when nothing is tied to it', async () => {
    const alone = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });

    const { view } = await ego(alone.id, 2);

    expect([nodeIds(view), view.edges]).toEqual([[alone.id], []]);
  });

  it('appends exactly one read event listing every person shown', async () => {
    const { child, first, second } = await chain();

    const { user } = await ego(child.id, 2);

    const events = await db.prisma.auditEvent.findMany({
      where: { userId: user.id },
      select: { action: true, procedure: true, recordType: true, recordIds: true },
    });
    expect(events.map((event) => ({ ...event, recordIds: [...event.recordIds].sort() }))).toEqual([
      { action: 'read', procedure, recordType: 'person', recordIds: [child.id, first.id, second.id].sort() },
    ]);
  });
});
