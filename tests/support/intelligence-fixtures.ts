import { randomUUID } from 'node:crypto';
import { pointInside, type World } from './access-world.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/** The smallest valid PNG (1×1, transparent). */
export const onePixelPngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * A fresh open report in a district: submitted (by `submittedBy`, else nobody), not yet graded,
 * naming the district's child and an unknown man, so each matrix cell works on its own report.
 */
export async function createOpenIntelligence(
  world: World,
  district: World['a'],
  options: { submittedBy?: string; submittedAt?: string; attachment?: boolean } = {},
) {
  const point = await pointInside(world.db, district.code);
  const [row] = await world.db.sql.query<{ id: string }>(
    `INSERT INTO intelligence_report (reference, category, body, occurred_at, submitted_at, geom, submitting_agency_id,
       submitted_by_id, status)
     VALUES ($1, 'cse', 'A girl of about 14 was seen getting into a grey car with an older man', '2025-02-01T20:00:00Z',
       $2::timestamptz, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5::uuid, $6::uuid, 'received')
     RETURNING id::text AS id`,
    [
      `INT-${randomUUID().slice(0, 8)}`,
      options.submittedAt ?? '2025-02-02T09:00:00Z',
      point.longitude,
      point.latitude,
      world.agencyId,
      options.submittedBy ?? null,
    ],
  );
  if (!row) throw new Error('intelligence insert returned nothing');
  await world.db.sql.query(
    `INSERT INTO intelligence_subject (report_id, position, name, approximate_age, named_person_id)
     VALUES ($1, 0, NULL, NULL, $2::uuid), ($1, 1, 'Unknown man', 30, NULL)`,
    [row.id, district.child.id],
  );
  let attachmentId: string | null = null;
  if (options.attachment) {
    const bytes = Buffer.from(onePixelPngBase64, 'base64');
    const [attachment] = await world.db.sql.query<{ id: string }>(
      `INSERT INTO intelligence_attachment (report_id, file_name, media_type, size_bytes, content)
       VALUES ($1, 'photo.png', 'image/png', $2, $3) RETURNING id::text AS id`,
      [row.id, bytes.length, bytes],
    );
    attachmentId = attachment?.id ?? null;
  }
  return { id: row.id, attachmentId };
}

/** Each analyst procedure on one report: a fresh open report in each district, its input built from it. */
function onFreshReport(
  input: (report: { id: string }, district: World['a']) => unknown,
  options: { graded?: boolean } = {},
): ProcedureFixture {
  const one = async (world: World, district: World['a']) => {
    const report = await createOpenIntelligence(world, district);
    if (options.graded) {
      await world.db.sql.query(
        `UPDATE intelligence_report SET source_evaluation = '2', intelligence_evaluation = 'B', handling_code = 'P',
           status = 'being_evaluated' WHERE id = $1`,
        [report.id],
      );
    }
    return { input: input(report, district), ids: [report.id] };
  };
  return { build: async (world) => ({ inScope: await one(world, world.a), outOfScope: await one(world, world.b) }) };
}

export const intelligenceFixtures: Record<string, ProcedureFixture> = {
  'intelligence.submit': {
    // Submitting is not scoped: a partner may report what they saw anywhere in the county.
    build: async (world) => {
      const report = ({ longitude, latitude }: World['a']['point']) => ({
        category: 'county_lines',
        body: 'A car collects two children from the estate every Friday evening',
        occurredAt: '2025-03-07T19:30:00+00:00',
        lon: longitude,
        lat: latitude,
      });
      return {
        inScope: { input: report(world.a.point), ids: [] },
        outOfScope: { input: report(world.b.point), ids: [] },
      };
    },
    everyField: async (world) => ({
      category: 'cse',
      body: 'A girl was seen getting into a grey car outside the school',
      occurredAt: '2025-03-07T15:45:00+00:00',
      lon: world.a.point.longitude,
      lat: world.a.point.latitude,
      placeId: world.a.placeId,
      subjects: [
        { name: 'Unknown man', approximateAge: 30, dateOfBirth: '1995-01-02', description: 'Tall, grey coat' },
      ],
      vehicles: ['AB12CDE'],
      submitterView: 'I saw it myself from the school office',
      attachments: [{ fileName: 'car.png', mediaType: 'image/png', base64: onePixelPngBase64 }],
    }),
  },
  'intelligence.mine': {
    build: async (world, caller) => {
      const ids = caller ? [(await createOpenIntelligence(world, world.a, { submittedBy: caller.id })).id] : [];
      return { inScope: { input: { limit: 200 }, ids }, outOfScope: { input: { limit: 200 }, ids } };
    },
  },
  'intelligence.withdraw': {
    // Only the submitter withdraws: each cell withdraws a report its own caller submitted.
    build: async (world, caller) => {
      const one = async (district: World['a']) => {
        const report = await createOpenIntelligence(world, district, { submittedBy: caller?.id });
        return { input: { id: report.id, version: 1, reason: 'Sent in error' }, ids: [report.id] };
      };
      return { inScope: await one(world.a), outOfScope: await one(world.b) };
    },
    everyField: async (world) => {
      const report = await createOpenIntelligence(world, world.a, { submittedBy: world.users.police_analyst.id });
      return { id: report.id, version: 1, reason: 'Sent in error' };
    },
  },
  'intelligence.queue': {
    // Submitted long ago, so they come first in the oldest-first queue however many cells add.
    build: async (world) => {
      const a = await createOpenIntelligence(world, world.a, { submittedAt: '2020-01-01T09:00:00Z' });
      const b = await createOpenIntelligence(world, world.b, { submittedAt: '2020-01-01T09:00:00Z' });
      return {
        inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a.id] },
        outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b.id] },
      };
    },
  },
  'intelligence.queueCount': {
    build: async () => ({ inScope: { input: {}, ids: [] }, outOfScope: { input: {}, ids: [] } }),
  },
  'intelligence.get': onFreshReport((report) => ({ id: report.id })),
  'intelligence.attachment': {
    build: async (world) => {
      const one = async (district: World['a']) => {
        const report = await createOpenIntelligence(world, district, { attachment: true });
        return { input: { id: report.attachmentId }, ids: [report.attachmentId as string] };
      };
      return { inScope: await one(world.a), outOfScope: await one(world.b) };
    },
  },
  'intelligence.grade': onFreshReport((report) => ({
    id: report.id,
    version: 1,
    sourceEvaluation: '2',
    intelligenceEvaluation: 'B',
    handlingCode: 'C',
    handlingConditions: 'Police only until the strategy meeting',
    reason: 'First evaluation',
  })),
  'intelligence.sanitise': onFreshReport((report) => ({
    id: report.id,
    version: 1,
    sanitisedBody: 'A child was seen getting into a car with an adult',
  })),
  'intelligence.develop': onFreshReport(
    (report, district) => ({
      id: report.id,
      version: 1,
      subjects: [{ position: 1, personId: district.associate.id }],
      place: { placeId: district.placeId },
      vehicles: ['XY12ZZZ'],
      links: [
        { from: { kind: 'subject', position: 0 }, to: { kind: 'place' }, linkType: 'seen_at', reliability: 'possible' },
        {
          from: { kind: 'subject', position: 1 },
          to: { kind: 'vehicle', registration: 'XY12ZZZ' },
          linkType: 'uses_vehicle',
        },
      ],
    }),
    { graded: true },
  ),
  'intelligence.close': onFreshReport((report) => ({ id: report.id, version: 1, reason: 'Already known' })),
};
