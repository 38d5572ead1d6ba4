import type { Database } from '@lantern/db';
import { type NetworkView, procedurePolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointIn } from '../../../../tests/support/domain-factories.ts';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import { linkPeople } from '../../../../tests/support/network-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { exportNetwork } from './export-network.ts';

/** `exportNetwork`: a view written for another tool, audited as an export of everyone in it. */
const procedure = 'network.export';
const policy = procedurePolicies[procedure];
const reason = 'export test';
const broxtowe = 'E07000172';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function linkedPair() {
  const familyName = `Oakenshaw${Date.now()}`;
  const child = await createPersonRecord(db, {
    kind: 'child',
    homeDistrictCode: broxtowe,
    givenName: 'Marigold',
    familyName,
  });
  const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: broxtowe });
  await linkPeople(db, child.id, associate.id, { at: pointIn[broxtowe] });
  return { child, associate, familyName };
}

describe('exportNetwork', () => {
  it('appends exactly one export event listing every person in the file', async () => {
    const { child, associate } = await linkedPair();
    const analyst = await createUser(db, { roles: ['police_analyst'] });

    const exported = await exportNetwork({ db }, accessFor(analyst, procedure, policy), {
      view: { kind: 'ego', entityId: child.id, hops: 1 },
      format: 'json',
      reason,
    });

    const events = await db.prisma.auditEvent.findMany({
      where: { userId: analyst.id },
      select: { action: true, procedure: true, recordType: true, recordIds: true, reason: true },
    });
    expect(events.map((event) => ({ ...event, recordIds: [...event.recordIds].sort() }))).toEqual([
      { action: 'export', procedure, recordType: 'person', recordIds: [child.id, associate.id].sort(), reason },
    ]);
    const content = JSON.parse(exported.content) as NetworkView;
    expect(content.nodes.map((node) => node.id).sort()).toEqual([child.id, associate.id].sort());
  });

  it('names the file after the view and the format', async () => {
    const analyst = await createUser(db, { roles: ['police_analyst'] });

    const exported = await exportNetwork({ db }, accessFor(analyst, procedure, policy), {
      view: { kind: 'district', districtCode: broxtowe },
      format: 'csv-edges',
      reason,
    });

    expect(exported.filename).toMatch(/^lantern-network-E07000172-\d{4}-\d{2}-\d{2}\.edges\.csv$/);
    expect(exported.mediaType).toBe('text/csv');
  });

  it.each(['csv-nodes', 'graphml', 'gexf', 'anx'] as const)(
    'keeps a child pseudonymised for a district officer in %s',
    async (format) => {
      const { child, familyName } = await linkedPair();
      const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [broxtowe] });

      const exported = await exportNetwork({ db }, accessFor(officer, procedure, policy), {
        view: { kind: 'ego', entityId: child.id, hops: 1 },
        format,
        reason,
      });

      expect(exported.content).toContain(child.pseudonymRef);
      expect(exported.content).not.toContain('Marigold');
      expect(exported.content).not.toContain(familyName);
    },
  );
});
