import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeProfileFigures, type Database } from '@lantern/db';
import { addDays, type ProfileFigures, type ProfileScope, type ProfileTerms, readableDate } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from '../support/seeded-database.ts';

/*
 * A problem profile's figures, computed by packages/db, must equal the same figures recomputed by
 * plain SQL written separately (profile-figures.independent.sql, beside this file) against the
 * seeded county: a CSE profile and a district profile of Mansfield over the seed's last 12 complete
 * months (April 2025 to March 2026), against the 12 months before.
 */
const statements = new Map(
  readFileSync(join(import.meta.dirname, 'profile-figures.independent.sql'), 'utf8')
    .split(/^-- name: /m)
    .slice(1)
    .map((block) => {
      const [name, ...body] = block.split('\n');
      return [(name ?? '').trim(), body.join('\n').trim().replace(/;$/, '')] as const;
    }),
);

const MANSFIELD = 'E07000174';
const period = { from: '2025-04-01', to: '2026-03-31', comparisonFrom: '2024-04-01', comparisonTo: '2025-03-31' };
const asAt = new Date('2026-04-02T09:00:00Z');
const scopes = {
  cse: { kinds: ['cse'], categories: ['cse', 'online'], crimeTypes: ['Violence and sexual offences'] },
  district: { kinds: ['cse', 'cce'], categories: null, crimeTypes: null },
} as const;

let db: Database;
const computed = new Map<string, ProfileFigures>();

function terms(scope: ProfileScope): ProfileTerms {
  return {
    title: `${scope} profile of Mansfield`,
    scope,
    districtCodes: [MANSFIELD],
    subjectId: null,
    ...period,
    requester: 'Detective Inspector',
    purpose: 'Test',
    marking: 'OFFICIAL-SENSITIVE',
    reviewDate: '2026-09-30',
  };
}

beforeAll(async () => {
  db = await createSeededTestDatabase(5);
  for (const scope of ['cse', 'district'] as const) {
    computed.set(scope, await computeProfileFigures(db.sql, { terms: terms(scope), districtCodes: [MANSFIELD], asAt }));
  }
}, 600_000);
afterAll(async () => {
  await db?.close();
});

async function independent<Row = Record<string, unknown>>(
  name: string,
  scope: keyof typeof scopes,
  which: 'period' | 'comparison' = 'period',
): Promise<Row[]> {
  const text = statements.get(name);
  if (!text) throw new Error(`no independent statement ${name}`);
  const s = scopes[scope];
  const [from, to] = which === 'period' ? [period.from, period.to] : [period.comparisonFrom, period.comparisonTo];
  return db.sql.query<Row>(text, [from, to, [MANSFIELD], s.kinds, s.categories, s.crimeTypes, scope]);
}

async function independentCount(name: string, scope: keyof typeof scopes, which: 'period' | 'comparison') {
  const [row] = await independent<{ n: number | string | null }>(name, scope, which);
  return row === undefined || row.n === null ? null : Number(row.n);
}

async function independentCounts(name: string, scope: keyof typeof scopes): Promise<Record<string, number>> {
  const found = await independent<{ key: string; n: number | string }>(name, scope);
  return Object.fromEntries(found.map((row) => [row.key, Number(row.n)]));
}

function sectionOf(scope: string, key: string) {
  const found = computed.get(scope)?.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}
function figureOf(scope: string, key: string) {
  const section = sectionOf(scope, key.split('.')[0] as string);
  const found = section.figures.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}
function tableCounts(scope: string, key: string, column = 0): Record<string, number> {
  const section = sectionOf(scope, key.split('.')[0] as string);
  const found = section.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return Object.fromEntries(found.rows.map((row) => [row.key, Number(row.cells[column])]));
}

describe.each(['cse', 'district'] as const)('a %s profile of Mansfield, recomputed by independent SQL', (scope) => {
  it('has every section, summary and recommendations without generated figures', () => {
    const sections = computed.get(scope)?.sections ?? [];
    expect(sections.map((s) => s.key)).toEqual([
      'summary',
      'scale',
      'victims',
      'offenders',
      'locations',
      'time',
      'methods',
      'intelligence',
      'recommendations',
    ]);
    expect(sections[0]?.figures).toEqual([]);
    expect(sections[8]?.tables).toEqual([]);
  });

  it.each([
    'scale.children_identified',
    'scale.mash_referrals',
    'scale.missing_episodes',
    'scale.intelligence_reports',
    'scale.crimes',
    'offenders.vehicles',
    'locations.places_of_concern',
    'intelligence.rhi_not_recorded',
  ])('agrees on %s in the period and the comparison period', async (key) => {
    const figure = figureOf(scope, key);
    expect(figure.value).toBe(await independentCount(key, scope, 'period'));
    expect(figure.comparison).toBe(await independentCount(key, scope, 'comparison'));
    expect(figure.query.params).toMatchObject({ scope, from: period.from, to: period.to });
  });

  it('finds children, episodes and intelligence in the seed (the comparison is not vacuous)', () => {
    expect(figureOf(scope, 'scale.children_identified').value).toBeGreaterThan(0);
    expect(figureOf(scope, 'scale.missing_episodes').value).toBeGreaterThan(0);
    expect(figureOf(scope, 'scale.intelligence_reports').value).toBeGreaterThan(0);
  });

  it.each([
    'victims.age_bands',
    'victims.sex',
    'victims.care_status',
    'victims.districts',
    'victims.repeat_missing',
    'victims.risk_levels',
    'locations.repeat_locations',
    'intelligence.grading',
    'intelligence.source_agency',
  ])('agrees on the table %s', async (key) => {
    const column = key === 'locations.repeat_locations' ? 1 : 0;
    expect(tableCounts(scope, key, column)).toEqual(await independentCounts(key, scope));
  });

  it('agrees on the victims tables adding up to the children identified', () => {
    const total = Object.values(tableCounts(scope, 'victims.sex')).reduce((a, b) => a + b, 0);
    expect(total).toBe(figureOf(scope, 'scale.children_identified').value);
  });

  it('agrees on the associates: count, and each ranked associate’s children and links', async () => {
    const rows = await independent<{ key: string; children: string | number; links: string | number }>(
      'offenders.associates',
      scope,
    );
    expect(figureOf(scope, 'offenders.associates').value).toBe(rows.length);
    const byKey = new Map(rows.map((row) => [row.key, [Number(row.children), Number(row.links)]]));
    const ranked = sectionOf(scope, 'offenders').tables[0]?.rows ?? [];
    expect(ranked.length).toBe(Math.min(10, rows.length));
    for (const row of ranked) expect(row.cells).toEqual(byKey.get(row.key));
    const most = Math.max(0, ...rows.map((row) => Number(row.children)));
    expect(ranked[0]?.cells[0] ?? 0).toBe(most);
  });

  it('agrees on the hot spots (the top 10 wards)', async () => {
    const all = await independentCounts('locations.hot_spots', scope);
    const top = tableCounts(scope, 'locations.hot_spots');
    expect(Object.keys(top).length).toBe(Math.min(10, Object.keys(all).length));
    for (const [ward, n] of Object.entries(top)) expect(n).toBe(all[ward]);
  });

  it('agrees on the hour-of-week grid and the monthly trend, in London time', async () => {
    const rows = await independent<{ dow: number; hour: number; month: string; n: string | number }>(
      'time.hour_of_week',
      scope,
    );
    const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    const months = new Map<string, number>();
    for (const row of rows) {
      const day = grid[row.dow - 1] as number[];
      day[row.hour] = (day[row.hour] ?? 0) + Number(row.n);
      months.set(row.month, (months.get(row.month) ?? 0) + Number(row.n));
    }
    const charts = sectionOf(scope, 'time').charts;
    const hourOfWeek = charts.find((c) => c.kind === 'hour_of_week');
    const monthly = charts.find((c) => c.kind === 'monthly');
    expect(hourOfWeek?.kind === 'hour_of_week' && hourOfWeek.cells).toEqual(grid);
    expect(monthly?.kind === 'monthly' && monthly.points.map((p) => [p.month, p.value])).toEqual(
      [...months.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(monthly?.kind === 'monthly' && monthly.points.every((p) => !p.partial)).toBe(true);
    expect(monthly?.kind === 'monthly' && monthly.points.length).toBe(12);
  });

  it('agrees on the data quality shares', async () => {
    const [row] = await independent<{ sex: number | null; dob: number | null; location: number | null }>(
      'intelligence.quality',
      scope,
    );
    expect(figureOf(scope, 'intelligence.unknown_sex_percent').value).toBe(row?.sex ?? null);
    expect(figureOf(scope, 'intelligence.unknown_dob_percent').value).toBe(row?.dob ?? null);
    expect(figureOf(scope, 'intelligence.unknown_location_percent').value).toBe(row?.location ?? null);
    expect(figureOf(scope, 'intelligence.unknown_ethnicity_percent').value).toBeNull();
  });
});

describe('the district profile’s methods', () => {
  it('agrees on the tactics used', async () => {
    expect(tableCounts('district', 'methods.tactics')).toEqual(
      await independentCounts('methods.disruption_actions', 'district'),
    );
  });
});

describe('a period that runs past the records', () => {
  const independentBounds = async (table: string, column: string) => {
    const [row] = await db.sql.query<{ first: string; last: string }>(
      `SELECT (min(${column}) AT TIME ZONE 'Europe/London')::date::text AS first,
              (max(${column}) AT TIME ZONE 'Europe/London')::date::text AS last
       FROM ${table} WHERE district_code = $1`,
      [MANSFIELD],
    );
    return row as { first: string; last: string };
  };

  it('says where a source’s records end before the period does, and where they start after it begins', async () => {
    const episodes = await independentBounds('missing_episode', 'reported_at');
    // Eight months past the seed's last record, compared with a year that begins before its first.
    const late = await computeProfileFigures(db.sql, {
      terms: {
        ...terms('district'),
        from: '2025-12-01',
        to: '2026-11-30',
        comparisonFrom: addDays(episodes.first, -200),
        comparisonTo: addDays(episodes.first, 164),
      },
      districtCodes: [MANSFIELD],
      asAt: new Date('2026-12-02T09:00:00Z'),
    });
    const notes = late.sections.find((s) => s.key === 'scale')?.notes ?? [];
    expect(notes).toContain(
      `Lantern’s missing episodes for these districts end on ${readableDate(episodes.last)}, before this period ends (30 Nov 2026): its later months are missing, not quiet.`,
    );
    expect(notes).toContain(
      `Lantern’s missing episodes for these districts start on ${readableDate(episodes.first)}, after the comparison period begins (${readableDate(addDays(episodes.first, -200))}): its earlier months are missing, not quiet.`,
    );
    expect(notes.filter((note) => note.includes('end on'))).toHaveLength(3);
  });

  it('says nothing of the kind for a period inside the records', () => {
    const notes = sectionOf('district', 'scale').notes;
    expect(notes.filter((note) => /end on|start on|holds no/.test(note))).toEqual([]);
  });
});
