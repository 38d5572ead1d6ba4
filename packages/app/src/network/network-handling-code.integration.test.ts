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
 * Handling code C: a tie resting only on C-coded intelligence is for police analysts. Each test
 * builds a triangle in a district of its own: a child tied to two associates who are tied to each
 * other, all on P-coded reports except one side, which rests on a C-coded report alone. Without
 * that side the triangle is a path, so every centrality would change if it leaked into the metrics.
 */
const procedure = 'network.district';
const policy = procedurePolicies[procedure];
const reason = 'handling code test';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function triangle(districtCode: TestDistrict) {
  const at = pointIn[districtCode];
  const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: districtCode });
  const first = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: districtCode });
  const second = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: districtCode });
  await linkPeople(db, child.id, first.id, { at, grading: '2B' });
  await linkPeople(db, first.id, second.id, { at, grading: '2B' });
  const conditional = await linkPeople(db, child.id, second.id, { at, grading: '1A', handlingCode: 'C' });
  return { child, first, second, conditional };
}

async function viewAs(role: Role, districtCode: TestDistrict): Promise<NetworkView> {
  const user = await createUser(db, { roles: [role], districtCodes: [districtCode] });
  return viewDistrictNetwork({ db }, accessFor(user, procedure, policy), { districtCode, reason });
}

const edgeBetween = (view: NetworkView, a: string, b: string) =>
  view.edges.find((edge) => (edge.source === a && edge.target === b) || (edge.source === b && edge.target === a));

/** Everything the caller is shown, but the moment it was computed. */
const shown = ({ asAt: _asAt, ...rest }: NetworkView) => rest;

describe('a tie resting only on C-coded intelligence', () => {
  it('is drawn for a police analyst, with its report behind it', async () => {
    const { child, second, conditional } = await triangle('E07000171');

    const view = await viewAs('police_analyst', 'E07000171');

    expect(edgeBetween(view, child.id, second.id)).toMatchObject({
      types: ['associates_with'],
      records: [conditional.report.id],
      bestGrade: '1A',
    });
    expect(view.records.map((record) => record.id)).toContain(conditional.report.id);
  });

  it.each([
    ['missing_coordinator', 'E07000172'],
    ['district_officer', 'E07000173'],
  ] as const)('is not drawn for a %s, nor its report listed', async (role, districtCode) => {
    const { child, first, second, conditional } = await triangle(districtCode);

    const view = await viewAs(role, districtCode);

    expect(edgeBetween(view, child.id, second.id)).toBeUndefined();
    expect(edgeBetween(view, child.id, first.id)).toBeDefined();
    expect(edgeBetween(view, first.id, second.id)).toBeDefined();
    expect(view.records.map((record) => record.id)).not.toContain(conditional.report.id);
  });

  it('leaves a pair also linked on P-coded intelligence drawn for a missing coordinator, on that report alone', async () => {
    const districtCode = 'E06000018';
    const at = pointIn[districtCode];
    const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: districtCode });
    const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: districtCode });
    const shared = await linkPeople(db, child.id, associate.id, { at, grading: '2C' });
    const conditional = await linkPeople(db, child.id, associate.id, { at, grading: '1A', handlingCode: 'C' });

    const view = await viewAs('missing_coordinator', districtCode);

    expect(edgeBetween(view, child.id, associate.id)).toMatchObject({
      weight: 1,
      records: [shared.report.id],
      bestGrade: '2C',
      worstGrade: '2C',
      weak: false,
    });
    expect(view.records.map((record) => record.id)).not.toContain(conditional.report.id);
  });

  it.each([
    ['missing_coordinator', 'E07000175'],
    ['district_officer', 'E07000176'],
  ] as const)('changes nothing a %s is shown: the view is the one without the link', async (role, districtCode) => {
    const { conditional } = await triangle(districtCode);
    const withLink = await viewAs(role, districtCode);

    await db.prisma.entityLink.delete({ where: { id: conditional.link.id } });
    const withoutLink = await viewAs(role, districtCode);

    expect(shown(withLink)).toEqual(shown(withoutLink));
  });

  it('does change what a police analyst is shown (the triangle closes)', async () => {
    const { child, first, second, conditional } = await triangle('E07000174');
    const withLink = await viewAs('police_analyst', 'E07000174');

    await db.prisma.entityLink.delete({ where: { id: conditional.link.id } });
    const withoutLink = await viewAs('police_analyst', 'E07000174');

    const betweenness = (view: NetworkView) =>
      [child.id, first.id, second.id].map((id) => view.nodes.find((node) => node.id === id)?.betweenness);
    expect(betweenness(withLink)).toEqual([0, 0, 0]);
    expect(betweenness(withoutLink)).toEqual([0, 1, 0]);
  });
});
