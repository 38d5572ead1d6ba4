import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenDatabase, run } from '@lantern/cli';
import { type Database, listFigureRecords } from '@lantern/db';
import { type ProfileFigures, type ProfileTable, partnerEditionFigures } from '@lantern/domain';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/*
 * `lantern profile build` on a hand-built Mansfield with known answers. Period 1 Mar – 30 Apr 2026
 * (across the change to BST on 29 Mar 2026); the default comparison is the 61 days before,
 * 30 Dec 2025 – 28 Feb 2026.
 *  - child A: CSE concern Sat 28 Mar 23:30 GMT (Sat 23h London), CSE MASH referral Thu 2 Apr 09:15 UTC
 *    (10h BST), and a CSE concern on Thu 15 Jan 2026 12:00 (the comparison period);
 *  - child B: CSE MASH referral Sun 29 Mar 01:30 UTC (02:30 BST, just after the change), missing
 *    Fri 10 Apr 20:00 UTC (21h BST), returned, no Return Home Interview;
 *  - child C: a CCE concern on 10 Mar (district scope only);
 *  - child D: a CSE concern in Ashfield (outside the district asked for);
 *  - police.uk: two "Violence and sexual offences" and one "Drugs" in Mansfield, March 2026; none
 *    loaded for the comparison months (no data, not zero);
 *  - intelligence: one CSE report, graded 2/B/P, 5 Apr 2026, located in Mansfield (its district follows),
 *    the source of a link between child A and an associate (1–5 Apr 2026).
 */
const MANSFIELD = 'E07000174';
const ASHFIELD = 'E07000170';

let db: Database;
let scratch: string;
const refs = { a: '', b: '', place: '', associate: '' };

async function lantern(...argv: string[]) {
  const { io, out, err } = captureIo();
  const code = await run(argv, io, givenDatabase(db));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function event(personId: string, kind: 'cse' | 'cce', type: string, at: string, district = MANSFIELD) {
  await db.sql.query(
    `INSERT INTO exploitation_event (event_ref, person_id, kind, event, occurred_at, district_code)
     VALUES ($1, $2::uuid, $3::exploitation_kind, $4::exploitation_event_type, $5::timestamptz, $6)`,
    [`EV-${personId.slice(0, 8)}-${at}`, personId, kind, type, at, district],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), 'lantern-cli-profile-'));
  await createUser(db, { roles: ['police_analyst'] });
  const [a, b, c, d] = [
    await createPersonRecord(db, { kind: 'child' }),
    await createPersonRecord(db, { kind: 'child' }),
    await createPersonRecord(db, { kind: 'child' }),
    await createPersonRecord(db, { kind: 'child', homeDistrictCode: ASHFIELD }),
  ];
  if (!a || !b || !c || !d) throw new Error('no people');
  Object.assign(refs, { a: a.pseudonymRef, b: b.pseudonymRef });
  const [place] = await db.sql.query<{ id: string }>(
    `INSERT INTO place_of_concern (name, category, geom, concern_since)
     VALUES ('Bus station', 'bus_station', ST_SetSRID(ST_MakePoint(-1.1975, 53.1432), 4326), '2025-01-01')
     RETURNING id::text AS id`,
  );
  refs.place = place?.id ?? '';
  await event(a.id, 'cse', 'concern', '2026-03-28T23:30:00Z');
  await event(a.id, 'cse', 'mash_referral', '2026-04-02T09:15:00Z');
  await event(a.id, 'cse', 'concern', '2026-01-15T12:00:00Z');
  await event(b.id, 'cse', 'mash_referral', '2026-03-29T01:30:00Z');
  await event(c.id, 'cce', 'concern', '2026-03-10T12:00:00Z');
  await event(d.id, 'cse', 'concern', '2026-03-12T12:00:00Z', ASHFIELD);
  await db.sql.query(
    `INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, returned_at, district_code,
       last_seen_geom)
     VALUES ('MP-1', $1::uuid, 'home', 'medium', '2026-04-10T20:00:00Z', '2026-04-11T08:00:00Z', $2,
       ST_SetSRID(ST_MakePoint(-1.197, 53.143), 4326))`,
    [b.id, MANSFIELD],
  );
  await db.sql.query(
    `INSERT INTO crime_event (id, month, reported_by, falls_within, crime_type, district_code)
     VALUES ('c1', '2026-03-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Violence and sexual offences', $1),
            ('c2', '2026-03-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Violence and sexual offences', $1),
            ('c3', '2026-03-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Drugs', $1)`,
    [MANSFIELD],
  );
  const [agency] = await db.sql.query<{ id: string }>(
    `INSERT INTO agency (name, kind) VALUES ('Profile test police', 'police') RETURNING id::text AS id`,
  );
  const associate = await createPersonRecord(db, { kind: 'associate' });
  refs.associate = associate.id;
  const [report] = await db.sql.query<{ id: string }>(
    `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
       submitted_at, geom, submitting_agency_id, status)
     VALUES ('INT-P1', '2', 'B', 'P', 'cse', 'Seen near the bus station', '2026-04-05T12:00:00Z',
       ST_SetSRID(ST_MakePoint(-1.197, 53.143), 4326), $1::uuid, 'received')
     RETURNING id::text AS id`,
    [agency?.id],
  );
  await db.sql.query(
    `INSERT INTO entity_link (from_type, from_id, to_type, to_id, link_type, source_type, source_id, first_seen, last_seen, reliability)
     VALUES ('person', $1::uuid, 'person', $2::uuid, 'associates_with', 'intelligence_report', $3::uuid, '2026-04-01', '2026-04-05', 'probable')`,
    [a.id, associate.id, report?.id],
  );
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await db.close();
});

const period = ['--district', MANSFIELD, '--from', '2026-03-01', '--to', '2026-04-30'];

function figure(figures: ProfileFigures, key: string) {
  const found = figures.sections.flatMap((s) => s.figures).find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

describe('lantern profile build', () => {
  it('gives the hand-built CSE figures as JSON, against the default comparison period', async () => {
    const result = await lantern('profile', 'build', '--scope', 'cse', ...period, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { terms, figures } = JSON.parse(result.stdout) as { terms: Record<string, string>; figures: ProfileFigures };
    expect(terms).toMatchObject({ comparisonFrom: '2025-12-30', comparisonTo: '2026-02-28' });
    expect(figure(figures, 'scale.children_identified')).toMatchObject({
      value: 2,
      comparison: 1,
      change: 1,
      changePercent: 100,
      caution: 'small numbers: read the change with care',
      countsPeople: true,
    });
    expect(figure(figures, 'scale.mash_referrals')).toMatchObject({
      value: 2,
      comparison: 0,
      change: 2,
      changePercent: null,
    });
    expect(figure(figures, 'scale.missing_episodes')).toMatchObject({ value: 1, comparison: 0 });
    expect(figure(figures, 'scale.intelligence_reports')).toMatchObject({ value: 1, comparison: 0 });
    expect(figure(figures, 'scale.crimes')).toMatchObject({ value: 2, comparison: null, change: null });
    expect(figure(figures, 'intelligence.rhi_not_recorded').value).toBe(1);
    const time = figures.sections.find((s) => s.key === 'time');
    const grid = time?.charts.find((c) => c.kind === 'hour_of_week');
    const expected = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (const [day, hour] of [
      [5, 23],
      [3, 10],
      [6, 2],
      [4, 21],
    ] as const)
      (expected[day] as number[])[hour] = 1;
    expect(grid?.kind === 'hour_of_week' && grid.cells).toEqual(expected);
    const monthly = time?.charts.find((c) => c.kind === 'monthly');
    expect(monthly?.kind === 'monthly' && monthly.points).toEqual([
      { month: '2026-03', value: 2, partial: false },
      { month: '2026-04', value: 2, partial: false },
    ]);
    const victims = figures.sections.find((s) => s.key === 'victims');
    expect(victims?.tables.find((t) => t.key === 'victims.sex')?.rows).toEqual([
      { key: 'F', label: 'Female', cells: [2] },
    ]);
    const grading = figures.sections
      .find((s) => s.key === 'intelligence')
      ?.tables.find((t) => t.key === 'intelligence.grading');
    expect(grading?.rows).toEqual([{ key: '2BP', label: '2 / B / P', cells: [1] }]);
  });

  it('counts every kind for a district profile', async () => {
    const result = await lantern('profile', 'build', '--scope', 'district', ...period);
    expect(result.code).toBe(0);
    const { figures } = JSON.parse(result.stdout) as { figures: ProfileFigures };
    expect(figure(figures, 'scale.children_identified').value).toBe(3);
    expect(figure(figures, 'scale.crimes').value).toBe(3);
  });

  it('lists the records behind a figure from its stored query', async () => {
    const result = await lantern('profile', 'build', '--scope', 'cse', ...period);
    const { figures } = JSON.parse(result.stdout) as { figures: ProfileFigures };
    const children = await listFigureRecords(db.sql, figure(figures, 'scale.children_identified').query, { limit: 10 });
    expect(children.map((r) => r.reference).sort()).toEqual([refs.a, refs.b].sort());
    const episodes = await listFigureRecords(db.sql, figure(figures, 'scale.missing_episodes').query, { limit: 10 });
    expect(episodes).toEqual([expect.objectContaining({ kind: 'missing_episode', reference: 'MP-1' })]);
    const crimes = await listFigureRecords(db.sql, figure(figures, 'scale.crimes').query, { limit: 1 });
    expect(crimes).toHaveLength(1);
  });

  it('builds a place profile around the children last seen within 500 m of the place', async () => {
    const result = await lantern('profile', 'build', '--scope', 'place', '--subject', refs.place, ...period);
    expect(result.stderr).toBe('');
    const { figures } = JSON.parse(result.stdout) as { figures: ProfileFigures };
    expect(figure(figures, 'scale.children_identified').value).toBe(1);
    expect(figure(figures, 'scale.intelligence_reports').value).toBe(1);
  });

  it('builds a network profile around the associate, and ranks the associate in a CSE profile', async () => {
    const network = await lantern('profile', 'build', '--scope', 'network', '--subject', refs.associate, ...period);
    expect(network.stderr).toBe('');
    const { figures } = JSON.parse(network.stdout) as { figures: ProfileFigures };
    expect(figure(figures, 'scale.children_identified').value).toBe(1);
    const cse = JSON.parse((await lantern('profile', 'build', '--scope', 'cse', ...period)).stdout) as {
      figures: ProfileFigures;
    };
    expect(figure(cse.figures, 'offenders.associates')).toMatchObject({ value: 1, comparison: 0 });
    const ranked = cse.figures.sections.find((s) => s.key === 'offenders')?.tables[0];
    expect(ranked).toMatchObject({ namesPeople: true, rows: [{ key: refs.associate, cells: [1, 1] }] });
  });

  it('needs the subject of a place or network profile, named by its flag', async () => {
    const result = await lantern('profile', 'build', '--scope', 'network', ...period);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--subject');
  });

  // Regression: the profile was built, then the write failed with Node's ENOENT text and exit 1.
  it('names --out when it cannot be written, before building anything', async () => {
    const nowhere = join(scratch, 'no-such-directory');
    const out = join(nowhere, 'profile.docx');
    const result = await lantern('profile', 'build', '--scope', 'cse', ...period, '--format', 'docx', '--out', out);
    expect([result.code, result.stderr]).toEqual([
      2,
      `error: --out ${out}: cannot be created in ${nowhere}: no such file or directory`,
    ]);
  });

  it('writes Markdown with the marking, the sections and London-readable dates', async () => {
    const result = await lantern('profile', 'build', '--scope', 'cse', ...period, '--format', 'md');
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md.startsWith('**OFFICIAL-SENSITIVE**')).toBe(true);
    expect(md.trimEnd().endsWith('**OFFICIAL-SENSITIVE**')).toBe(true);
    for (const heading of [
      '## 1. Summary of key findings',
      '## 2. Scale and trend',
      '## 7. Methods and disruption',
      '## 9. Recommendations',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| Children identified | 2 | 1 | +1 (+100%) | small numbers: read the change with care |');
    expect(md).toContain('| Period | 1 Mar 2026 to 30 Apr 2026 |');
    expect(md).toContain('No police.uk crime data loaded for the comparison period 30 Dec 2025 to 28 Feb 2026.');
  });

  it('writes a DOCX with headings, tables, images and the marking in header and footer', async () => {
    const out = join(scratch, 'profile.docx');
    const result = await lantern('profile', 'build', '--scope', 'cse', ...period, '--format', 'docx', '--out', out);
    expect(result.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const documentXml = strFromU8(files['word/document.xml'] as Uint8Array);
    for (const heading of [
      '1. Summary of key findings',
      '2. Scale and trend',
      '3. Victims',
      '6. Time',
      '8. Intelligence picture and gaps',
    ]) {
      expect(documentXml).toContain(heading);
    }
    expect(documentXml.match(/<w:tbl>/g)?.length ?? 0).toBeGreaterThan(5);
    const images = Object.keys(files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const name of images) expect([...(files[name] as Uint8Array).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const headers = Object.keys(files).filter((name) => /^word\/header\d*\.xml$/.test(name));
    const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(headers.some((name) => strFromU8(files[name] as Uint8Array).includes('OFFICIAL-SENSITIVE'))).toBe(true);
    const footer = footers
      .map((name) => strFromU8(files[name] as Uint8Array))
      .find((xml) => xml.includes('OFFICIAL-SENSITIVE'));
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('refuses a DOCX without --out, and bad dates by their flag', async () => {
    const docx = await lantern('profile', 'build', '--scope', 'cse', ...period, '--format', 'docx');
    expect(docx.code).not.toBe(0);
    expect(docx.stderr).toContain('--out');
    const bad = await lantern(
      'profile',
      'build',
      '--scope',
      'cse',
      '--district',
      MANSFIELD,
      '--from',
      '2026-04-30',
      '--to',
      '2026-03-01',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--to');
  });
});

/*
 * Communities and the effect around targeted places, on more hand-built Mansfield records in June 2026:
 *  - children E and F each linked to associates X and Y (a 4-cycle), child G linked to associate Z
 *    twice; G–X linked only in 2025 (outside the period), so the groups are {E, F, X, Y} and {G, Z};
 *  - a bus stop linked to E in June, targeted by one action in force 15 Mar 2026 (before: Dec 2025 –
 *    Feb 2026, after: Apr – Jun 2026, complete) and one in force 10 Oct 2026 (after not complete);
 *  - within 200 m of the stop: a crime in January (before), two in May and an intelligence report in
 *    April (after), a missing child found in May (after); a crime in May 1 km away is not counted.
 */
describe('lantern profile build: communities and effect around targeted places', () => {
  const june = ['--district', MANSFIELD, '--from', '2026-06-01', '--to', '2026-06-30'];
  const ids = { measured: '', notYet: '', source: '' };

  async function link(from: string, to: string, first: string, last: string, toType = 'person') {
    await db.sql.query(
      `INSERT INTO entity_link (from_type, from_id, to_type, to_id, link_type, source_type, source_id, first_seen, last_seen, reliability)
       VALUES ('person', $1::uuid, $2, $3::uuid, 'associates_with', 'intelligence_report', $6::uuid, $4, $5, 'probable')`,
      [from, toType, to, first, last, ids.source],
    );
  }

  beforeAll(async () => {
    const analyst = await createUser(db, { roles: ['police_analyst'] });
    const [source] = await db.sql.query<{ id: string }>(
      `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
         submitted_at, geom, submitting_agency_id, status)
       VALUES ('INT-P3', '2', 'B', 'P', 'cse', 'Seen together in town', '2026-06-12T12:00:00Z',
         ST_SetSRID(ST_MakePoint(-1.19, 53.14), 4326), $1::uuid, 'received')
       RETURNING id::text AS id`,
      [analyst.agencyId],
    );
    ids.source = source?.id ?? '';
    const [e, f, g] = [
      await createPersonRecord(db, { kind: 'child' }),
      await createPersonRecord(db, { kind: 'child' }),
      await createPersonRecord(db, { kind: 'child' }),
    ];
    const [x, y, z] = [
      await createPersonRecord(db, { kind: 'associate' }),
      await createPersonRecord(db, { kind: 'associate' }),
      await createPersonRecord(db, { kind: 'associate' }),
    ];
    if (!e || !f || !g || !x || !y || !z) throw new Error('no people');
    await event(e.id, 'cse', 'concern', '2026-06-05T12:00:00Z');
    await event(f.id, 'cse', 'concern', '2026-06-06T12:00:00Z');
    await event(g.id, 'cse', 'concern', '2026-06-07T12:00:00Z');
    await link(e.id, x.id, '2026-06-01', '2026-06-10');
    await link(f.id, x.id, '2026-06-02', '2026-06-10');
    await link(e.id, y.id, '2026-06-03', '2026-06-10');
    await link(f.id, y.id, '2026-06-04', '2026-06-10');
    await link(g.id, z.id, '2026-06-05', '2026-06-10');
    await link(g.id, z.id, '2026-06-06', '2026-06-12');
    await link(g.id, x.id, '2025-01-01', '2025-02-01');
    const [stop] = await db.sql.query<{ id: string }>(
      `INSERT INTO place_of_concern (name, category, geom, concern_since)
       VALUES ('Stop on Park Road', 'bus_station', ST_SetSRID(ST_MakePoint(-1.2, 53.15), 4326), '2025-01-01')
       RETURNING id::text AS id`,
    );
    if (!stop) throw new Error('no place');
    await link(e.id, stop.id, '2026-06-05', '2026-06-05', 'place');
    const action = async (inForceFrom: string) => {
      const [row] = await db.sql.query<{ id: string }>(
        `INSERT INTO disruption_action (tactic_id, target_type, target_place_id, holder_agency_id, owner_id, district_code,
           status, proposed_on, agreed_on, in_force_from)
         SELECT t.id, 'place', $1::uuid, $2::uuid, $3::uuid, $4, 'in_force', '2026-03-01', '2026-03-01', $5::date
         FROM tactic t WHERE 'place' = ANY(t.target_types::text[]) ORDER BY t.code LIMIT 1
         RETURNING id::text AS id`,
        [stop.id, analyst.agencyId, analyst.id, MANSFIELD, inForceFrom],
      );
      if (!row) throw new Error('no action');
      return row.id;
    };
    ids.measured = await action('2026-03-15');
    ids.notYet = await action('2026-10-10');
    await db.sql.query(
      `INSERT INTO crime_event (id, month, reported_by, falls_within, crime_type, district_code, geom)
       VALUES ('e1', '2026-01-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Drugs', $1, ST_SetSRID(ST_MakePoint(-1.2005, 53.1505), 4326)),
              ('e2', '2026-05-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Drugs', $1, ST_SetSRID(ST_MakePoint(-1.2005, 53.1505), 4326)),
              ('e3', '2026-05-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Robbery', $1, ST_SetSRID(ST_MakePoint(-1.2, 53.1502), 4326)),
              ('e4', '2026-05-01', 'Nottinghamshire Police', 'Nottinghamshire Police', 'Drugs', $1, ST_SetSRID(ST_MakePoint(-1.2, 53.16), 4326))`,
      [MANSFIELD],
    );
    await db.sql.query(
      `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
         submitted_at, geom, submitting_agency_id, status)
       VALUES ('INT-P2', '2', 'B', 'P', 'cse', 'Seen at the stop', '2026-04-20T12:00:00Z',
         ST_SetSRID(ST_MakePoint(-1.2003, 53.1501), 4326), $1::uuid, 'received')`,
      [analyst.agencyId],
    );
    await db.sql.query(
      `INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, returned_at, district_code,
         found_geom)
       VALUES ('MP-2', $1::uuid, 'home', 'medium', '2026-05-09T20:00:00Z', '2026-05-10T08:00:00Z', $2,
         ST_SetSRID(ST_MakePoint(-1.2001, 53.1501), 4326))`,
      [f.id, MANSFIELD],
    );
  });

  async function june2026(): Promise<ProfileFigures> {
    const built = await lantern('profile', 'build', '--scope', 'cse', ...june);
    expect(built.stderr).toBe('');
    return (JSON.parse(built.stdout) as { figures: ProfileFigures }).figures;
  }
  function sectionTable(figures: ProfileFigures, key: string): ProfileTable | undefined {
    return figures.sections.flatMap((s) => s.tables).find((t) => t.key === key);
  }

  it('groups the people linked in the period into communities, largest first, naming nobody', async () => {
    const figures = await june2026();
    expect(figure(figures, 'offenders.communities')).toMatchObject({ value: 2, comparison: 0, countsPeople: false });
    const groups = sectionTable(figures, 'offenders.community_groups');
    expect(groups).toMatchObject({ countsPeople: true, columns: ['Children', 'Associates'] });
    expect(groups?.namesPeople).toBeUndefined();
    expect(groups?.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Group 1', 2, 2],
      ['Group 2', 1, 1],
    ]);
    const partner = sectionTable(partnerEditionFigures(figures), 'offenders.community_groups');
    expect(partner?.rows.map((r) => r.label)).toEqual(['Group 1', 'Group 2']);
    expect(partner?.rows.flatMap((r) => r.cells)).toEqual(['<5', '<5', '<5', '<5']);
  });

  it('gives the same groups every time, and the single group of the March–April profile', async () => {
    const again = sectionTable(await june2026(), 'offenders.community_groups');
    expect(again?.rows.map((r) => r.cells)).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const spring = JSON.parse((await lantern('profile', 'build', '--scope', 'cse', ...period)).stdout) as {
      figures: ProfileFigures;
    };
    expect(sectionTable(spring.figures, 'offenders.community_groups')?.rows.map((r) => r.cells)).toEqual([[1, 1]]);
  });

  it('measures the effect around a targeted place whose after period is complete, with missing found apart', async () => {
    const figures = await june2026();
    const effect = sectionTable(figures, 'methods.effect');
    expect(effect).toMatchObject({ title: 'Effect around targeted places', countsPeople: false });
    expect(effect?.rows).toHaveLength(1);
    const [row] = effect?.rows ?? [];
    expect(row?.key).toBe(ids.measured);
    expect(row?.label).toBe('Stop on Park Road');
    expect(row?.cells.slice(1, 5)).toEqual([1, 2, 0, 1]);
    expect(row?.cells[5]).toContain('within 200 m');
    expect(row?.cells[5]).toContain('fewer than 10 incidents');
    const found = sectionTable(figures, 'methods.effect_missing_found');
    expect(found).toMatchObject({ countsPeople: true });
    expect(found?.rows.map((r) => [r.key, ...r.cells.slice(1)])).toEqual([[ids.measured, 0, 1]]);
    const partnerFound = sectionTable(partnerEditionFigures(figures), 'methods.effect_missing_found');
    expect(partnerFound?.rows[0]?.cells.slice(1)).not.toContain(1);
    const methods = figures.sections.find((s) => s.key === 'methods');
    expect(methods?.notes.join(' ')).toContain('does not show that the action caused it');
  });

  it('says so when no effect is measurable', async () => {
    const spring = JSON.parse((await lantern('profile', 'build', '--scope', 'cse', ...period)).stdout) as {
      figures: ProfileFigures;
    };
    expect(sectionTable(spring.figures, 'methods.effect')).toBeUndefined();
    const methods = spring.figures.sections.find((s) => s.key === 'methods');
    expect(methods?.notes.join(' ')).toContain('No effect is measured');
  });
});
