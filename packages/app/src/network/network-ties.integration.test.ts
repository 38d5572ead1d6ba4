import type { Database } from '@lantern/db';
import { type NetworkView, procedurePolicies } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaceRecord } from '../../../../tests/support/domain-factories.ts';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import {
  createFoundEpisode,
  createGradedIntelligence,
  createNetworkLink,
  north,
  type Point,
} from '../../../../tests/support/network-factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { viewEgoNetwork } from './view-ego-network.ts';

/**
 * Ties derived from records, seen in a police analyst's one-hop ego view. Each test works around
 * a point of its own in Mansfield, a kilometre or more from the others, so no test's episodes or
 * places come within reach of another's.
 */
const procedure = 'network.ego';
const policy = procedurePolicies[procedure];
const mansfield = 'E07000174';

/** The nth test's own point, about 1.3 km apart along a line of latitude. */
const spot = (n: number): Point => ({ lon: -1.23 + n * 0.02, lat: 53.15 });

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function ego(entityId: string, period: { from?: string; to?: string } = {}): Promise<NetworkView> {
  const analyst = await createUser(db, { roles: ['police_analyst'] });
  return viewEgoNetwork({ db }, accessFor(analyst, procedure, policy), {
    entityId,
    hops: 1,
    reason: 'ties test',
    ...period,
  });
}

const edgeBetween = (view: NetworkView, a: string, b: string) =>
  view.edges.find((edge) => (edge.source === a && edge.target === b) || (edge.source === b && edge.target === a));

const child = () => createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });

describe('co-missing', () => {
  it('ties two children missing at overlapping times and found 100 m apart, by both episodes', async () => {
    const [first, second] = [await child(), await child()];
    const e1 = await createFoundEpisode(db, {
      personId: first.id,
      districtCode: mansfield,
      reportedAt: '2025-03-01T18:00:00Z',
      returnedAt: '2025-03-02T10:00:00Z',
      foundAt: spot(0),
    });
    const e2 = await createFoundEpisode(db, {
      personId: second.id,
      districtCode: mansfield,
      reportedAt: '2025-03-01T20:00:00Z',
      returnedAt: '2025-03-02T09:00:00Z',
      foundAt: north(spot(0), 100),
    });

    const view = await ego(first.id);

    const [source, target] = first.id < second.id ? [first.id, second.id] : [second.id, first.id];
    expect(view.edges).toEqual([
      {
        source,
        target,
        types: ['co-missing'],
        weight: 1,
        first: '2025-03-01',
        last: '2025-03-02',
        records: [e1.id, e2.id].sort(),
        bestGrade: null,
        worstGrade: null,
        weak: false,
      },
    ]);
  });

  it('does not tie two children found 300 m apart', async () => {
    const [first, second] = [await child(), await child()];
    for (const [person, foundAt] of [
      [first, spot(1)],
      [second, north(spot(1), 300)],
    ] as const) {
      await createFoundEpisode(db, {
        personId: person.id,
        districtCode: mansfield,
        reportedAt: '2025-03-01T18:00:00Z',
        returnedAt: '2025-03-02T10:00:00Z',
        foundAt,
      });
    }

    const view = await ego(first.id);

    expect(view.edges).toEqual([]);
  });

  it('does not tie two children found together whose missing times do not overlap', async () => {
    const [first, second] = [await child(), await child()];
    await createFoundEpisode(db, {
      personId: first.id,
      districtCode: mansfield,
      reportedAt: '2025-03-01T18:00:00Z',
      returnedAt: '2025-03-02T10:00:00Z',
      foundAt: spot(2),
    });
    await createFoundEpisode(db, {
      personId: second.id,
      districtCode: mansfield,
      reportedAt: '2025-03-02T11:00:00Z',
      returnedAt: '2025-03-02T20:00:00Z',
      foundAt: north(spot(2), 20),
    });

    const view = await ego(first.id);

    expect(view.edges).toEqual([]);
  });
  it('leaves out two children missing together before the period', async () => {
    const [first, second] = [await child(), await child()];
    for (const [person, foundAt] of [
      [first, spot(7)],
      [second, north(spot(7), 100)],
    ] as const) {
      await createFoundEpisode(db, {
        personId: person.id,
        districtCode: mansfield,
        reportedAt: '2025-03-01T18:00:00Z',
        returnedAt: '2025-03-02T10:00:00Z',
        foundAt,
      });
    }

    const inPeriod = await ego(first.id, { from: '2025-03-02', to: '2025-03-31' });
    const after = await ego(first.id, { from: '2025-03-03', to: '2025-03-31' });

    expect([inPeriod.edges.length, after.edges]).toEqual([1, []]);
  });
});

describe('found-at', () => {
  it('ties a child found 50 m from a place of concern to the place, by the episode', async () => {
    const found = await child();
    const place = await createPlaceRecord(db, { point: spot(3) });
    const episode = await createFoundEpisode(db, {
      personId: found.id,
      districtCode: mansfield,
      reportedAt: '2025-04-10T18:00:00Z',
      returnedAt: '2025-04-11T08:00:00Z',
      foundAt: north(spot(3), 50),
    });

    const view = await ego(found.id);

    expect(edgeBetween(view, found.id, place.id)).toMatchObject({
      types: ['found-at'],
      weight: 1,
      records: [episode.id],
      bestGrade: null,
      weak: false,
    });
    expect(view.nodes.find((node) => node.id === place.id)?.type).toBe('place');
  });

  it('does not tie a child found 150 m from the place', async () => {
    const found = await child();
    await createPlaceRecord(db, { point: spot(4) });
    await createFoundEpisode(db, {
      personId: found.id,
      districtCode: mansfield,
      reportedAt: '2025-04-10T18:00:00Z',
      returnedAt: '2025-04-11T08:00:00Z',
      foundAt: north(spot(4), 150),
    });

    const view = await ego(found.id);

    expect(view.edges).toEqual([]);
  });
});

describe('co-mentioned', () => {
  it('ties two entities that links citing the same report name, though it does not link them', async () => {
    const [first, second] = [await child(), await child()];
    const place = await createPlaceRecord(db, { point: spot(5) });
    const report = await createGradedIntelligence(db, {
      at: spot(5),
      grading: '2C',
      occurredAt: '2025-05-01T21:00:00Z',
    });
    const source = { type: 'intelligence_report', id: report.id } as const;
    for (const person of [first, second]) {
      await createNetworkLink(
        db,
        { type: 'person', id: person.id },
        { type: 'place', id: place.id },
        {
          source,
          linkType: 'seen_at',
        },
      );
    }

    const view = await ego(first.id);

    expect(edgeBetween(view, first.id, second.id)).toMatchObject({
      types: ['co-mentioned'],
      weight: 1,
      first: '2025-05-01',
      last: '2025-05-01',
      records: [report.id],
      bestGrade: '2C',
    });
  });

  it('does not add a co-mention to a pair the report links directly', async () => {
    const [first, second] = [await child(), await child()];
    const place = await createPlaceRecord(db, { point: spot(6) });
    const report = await createGradedIntelligence(db, { at: spot(6) });
    const source = { type: 'intelligence_report', id: report.id } as const;
    await createNetworkLink(db, { type: 'person', id: first.id }, { type: 'place', id: place.id }, { source });
    await createNetworkLink(db, { type: 'person', id: second.id }, { type: 'place', id: place.id }, { source });
    await createNetworkLink(db, { type: 'person', id: first.id }, { type: 'person', id: second.id }, { source });

    const view = await ego(first.id);

    expect(edgeBetween(view, first.id, second.id)).toMatchObject({ types: ['associates_with'], weight: 1 });
  });
});
