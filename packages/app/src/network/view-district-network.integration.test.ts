import type { Database } from '@lantern/db';
import { type NetworkView, procedurePolicies, type Role } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointIn, type TestDistrict } from '../../../../tests/support/domain-factories.ts';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import { linkPeople } from '../../../../tests/support/network-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { viewDistrictNetwork } from './view-district-network.ts';

/**
 * `viewDistrictNetwork` called as a use case. Each test builds its people in a district no other
 * test of this file uses, so the view holds exactly what the test made.
 */
const procedure = 'network.district';
const policy = procedurePolicies[procedure];
const reason = 'network view test';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function view(
  role: Role,
  districtCode: TestDistrict,
  filters: { from?: string; to?: string; minGrade?: 'A' | 'B' | 'C' | 'D' | 'E' } = {},
) {
  const user = await createUser(db, { roles: [role], districtCodes: [districtCode] });
  const result = await viewDistrictNetwork({ db }, accessFor(user, procedure, policy), {
    districtCode,
    reason,
    ...filters,
  });
  return { user, result };
}

const nodeIds = (result: NetworkView) => result.nodes.map((node) => node.id).sort();
const pairs = (result: NetworkView) => result.edges.map((edge) => [edge.source, edge.target].sort().join('|')).sort();
const pair = (a: string, b: string) => [a, b].sort().join('|');

const child = (districtCode: TestDistrict, names: { givenName?: string; familyName?: string } = {}) =>
  createPersonRecord(db, { kind: 'child', homeDistrictCode: districtCode, ...names });
const associate = (districtCode: TestDistrict) =>
  createPersonRecord(db, { kind: 'associate', homeDistrictCode: districtCode });

describe('viewDistrictNetwork: who is in it', () => {
  it('shows a district officer the people linked in their district and no one from outside it', async () => {
    const gedling = 'E07000173';
    const linkedChild = await child(gedling);
    const localAssociate = await associate(gedling);
    const ashfieldAssociate = await associate('E07000170');
    await linkPeople(db, linkedChild.id, localAssociate.id, { at: pointIn[gedling] });
    await linkPeople(db, linkedChild.id, ashfieldAssociate.id, { at: pointIn[gedling] });

    const { result } = await view('district_officer', gedling);

    expect(nodeIds(result)).toEqual([linkedChild.id, localAssociate.id].sort());
    expect(pairs(result)).toEqual([pair(linkedChild.id, localAssociate.id)]);
  });

  it('shows a police analyst the associate from another district in the same network', async () => {
    const broxtowe = 'E07000172';
    const linkedChild = await child(broxtowe);
    const localAssociate = await associate(broxtowe);
    const ashfieldAssociate = await associate('E07000170');
    await linkPeople(db, linkedChild.id, localAssociate.id, { at: pointIn[broxtowe] });
    await linkPeople(db, linkedChild.id, ashfieldAssociate.id, { at: pointIn[broxtowe] });

    const { result } = await view('police_analyst', broxtowe);

    expect(nodeIds(result)).toEqual([linkedChild.id, localAssociate.id, ashfieldAssociate.id].sort());
    expect(pairs(result)).toEqual(
      [pair(linkedChild.id, localAssociate.id), pair(linkedChild.id, ashfieldAssociate.id)].sort(),
    );
  });

  it('shows a district officer a child pseudonymised (initials · reference · age band) and no name anywhere', async () => {
    const rushcliffe = 'E07000176';
    // Born on 1 January twelve years ago: eleven or twelve today, so the band is 10–13 all year.
    const dateOfBirth = `${new Date().getUTCFullYear() - 12}-01-01`;
    const familyName = `Quillfeather${Date.now()}`;
    const pseudonymised = await createPersonRecord(db, {
      kind: 'child',
      homeDistrictCode: rushcliffe,
      givenName: 'Zephyrine',
      familyName,
      dateOfBirth,
    });
    const linkedAssociate = await associate(rushcliffe);
    await linkPeople(db, pseudonymised.id, linkedAssociate.id, { at: pointIn[rushcliffe] });

    const { result } = await view('district_officer', rushcliffe);

    const node = result.nodes.find((one) => one.id === pseudonymised.id);
    expect(node).toMatchObject({
      type: 'child',
      label: `ZQ · ${pseudonymised.pseudonymRef} · 10–13`,
      detail: null,
      person: {
        view: 'pseudonymised',
        id: pseudonymised.id,
        kind: 'child',
        pseudonymRef: pseudonymised.pseudonymRef,
        initials: 'ZQ',
        ageBand: '10–13',
        homeDistrictCode: rushcliffe,
      },
    });
    const json = JSON.stringify(result);
    for (const identifying of ['Zephyrine', familyName, dateOfBirth]) expect(json).not.toContain(identifying);
  });
});

describe('viewDistrictNetwork: filters', () => {
  it('drops the ties that rest on intelligence graded worse than minGrade', async () => {
    const newark = 'E07000175';
    const graded = await child(newark);
    const [onB, onC, onD, onE] = await Promise.all([1, 2, 3, 4].map(() => associate(newark)));
    if (!onB || !onC || !onD || !onE) throw new Error('associates not made');
    await linkPeople(db, graded.id, onB.id, { at: pointIn[newark], grading: '2B' });
    await linkPeople(db, graded.id, onC.id, { at: pointIn[newark], grading: '3C' });
    await linkPeople(db, graded.id, onD.id, { at: pointIn[newark], grading: '1D' });
    await linkPeople(db, graded.id, onE.id, { at: pointIn[newark], grading: '2E' });

    const { result } = await view('police_analyst', newark, { minGrade: 'C' });

    expect(pairs(result)).toEqual([pair(graded.id, onB.id), pair(graded.id, onC.id)].sort());
    expect(nodeIds(result)).toEqual([graded.id, onB.id, onC.id].sort());
  });

  it('leaves out the links not active in the period, and keeps one active on its first day', async () => {
    const bassetlaw = 'E07000171';
    const dated = await child(bassetlaw);
    const [before, during, overlapping, after] = await Promise.all([1, 2, 3, 4].map(() => associate(bassetlaw)));
    if (!before || !during || !overlapping || !after) throw new Error('associates not made');
    const at = pointIn[bassetlaw];
    await linkPeople(db, dated.id, before.id, { at, firstSeen: '2024-01-01', lastSeen: '2024-12-31' });
    await linkPeople(db, dated.id, during.id, { at, firstSeen: '2025-03-01', lastSeen: '2025-04-01' });
    await linkPeople(db, dated.id, overlapping.id, { at, firstSeen: '2024-11-01', lastSeen: '2025-01-01' });
    await linkPeople(db, dated.id, after.id, { at, firstSeen: '2025-07-01', lastSeen: '2025-08-01' });

    const { result } = await view('police_analyst', bassetlaw, { from: '2025-01-01', to: '2025-06-30' });

    expect(pairs(result)).toEqual([pair(dated.id, during.id), pair(dated.id, overlapping.id)].sort());
    expect(result.view).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
  });
});

describe('viewDistrictNetwork: weak intelligence', () => {
  it('calls an edge weak when it rests on a source graded 3, a D or E assessment, or an unverified link', async () => {
    const mansfield = 'E07000174';
    const at = pointIn[mansfield];
    const centre = await child(mansfield);
    const [onThree, onD, onUnverified, onStrong] = await Promise.all([1, 2, 3, 4].map(() => associate(mansfield)));
    if (!onThree || !onD || !onUnverified || !onStrong) throw new Error('associates not made');
    await linkPeople(db, centre.id, onThree.id, { at, grading: '3A' });
    await linkPeople(db, centre.id, onD.id, { at, grading: '1D' });
    await linkPeople(db, centre.id, onUnverified.id, { at, grading: '1A', reliability: 'unverified' });
    await linkPeople(db, centre.id, onStrong.id, { at, grading: '2C', reliability: 'possible' });

    const { result } = await view('police_analyst', mansfield);

    const weakOf = (other: string) =>
      result.edges.find((edge) => pair(edge.source, edge.target) === pair(centre.id, other))?.weak;
    expect([onThree, onD, onUnverified, onStrong].map((other) => weakOf(other.id))).toEqual([true, true, true, false]);
    expect(result.robustness.weakEdges).toBe(3);
  });

  it('sets weakDependence on an associate central only through E-graded links, and on no one else', async () => {
    const nottingham = 'E06000018';
    const at = pointIn[nottingham];
    const hub = await associate(nottingham);
    const children = await Promise.all([1, 2, 3].map(() => child(nottingham)));
    const partners = await Promise.all([1, 2, 3].map(() => associate(nottingham)));
    for (const [i, linked] of children.entries()) {
      await linkPeople(db, hub.id, linked.id, { at, grading: '2E' });
      await linkPeople(db, linked.id, (partners[i] as { id: string }).id, { at, grading: '2B' });
    }

    const { result } = await view('police_analyst', nottingham);

    expect(result.nodes).toHaveLength(7);
    const flagged = result.nodes.filter((node) => node.weakDependence !== null);
    expect(flagged.map((node) => [node.id, node.weakDependence])).toEqual([
      [hub.id, { rankWith: 1, rankWithout: null, weakGrades: ['2E'] }],
    ]);
    expect(flagged[0]?.withoutWeak.degree).toBe(0);
  });
});

describe('viewDistrictNetwork: audit', () => {
  it('appends exactly one read event listing every person shown', async () => {
    const ashfield = 'E07000170';
    const audited = await child(ashfield);
    const linkedAssociate = await associate(ashfield);
    await linkPeople(db, audited.id, linkedAssociate.id, { at: pointIn[ashfield] });

    const { user, result } = await view('missing_coordinator', ashfield);

    const events = await db.prisma.auditEvent.findMany({
      where: { userId: user.id },
      select: { action: true, procedure: true, role: true, recordType: true, recordIds: true, reason: true },
    });
    const peopleShown = result.nodes.filter((node) => node.person !== null).map((node) => node.id);
    expect(peopleShown).toEqual(expect.arrayContaining([audited.id, linkedAssociate.id]));
    expect(events).toEqual([
      {
        action: 'read',
        procedure,
        role: 'missing_coordinator',
        recordType: 'person',
        recordIds: expect.any(Array),
        reason,
      },
    ]);
    expect([...(events[0]?.recordIds ?? [])].sort()).toEqual(peopleShown.sort());
  });
});
