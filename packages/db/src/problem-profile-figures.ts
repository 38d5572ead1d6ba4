import {
  addDays,
  compareCounts,
  hourOfWeekGrid,
  londonMonth,
  type ProfileChart,
  type ProfileFigure,
  type ProfileFigures,
  type ProfileMap,
  type ProfileScope,
  type ProfileSectionFigures,
  type ProfileSectionKey,
  type ProfileTable,
  type ProfileTerms,
  periodMonths,
  readableDate,
  type StoredQuery,
} from '@lantern/domain';
import type { Sql } from './sql.ts';

/**
 * A problem profile's generated figures (issue 16), section by section, from the live records.
 *
 * What is in scope:
 * - events: exploitation events of the scope's kinds (cse → cse; cce and county_lines → cce;
 *   district, place, network → both) recorded in the districts, between the period's London dates
 *   (both inclusive); for place and network only those of the subject's children (below);
 * - children identified: the distinct children of those events;
 * - missing episodes: reported in the period in the districts; for every scope but district only
 *   those of children with an event of the scope's kinds up to the period's end;
 * - intelligence: reports submitted in the period in the districts, not withdrawn, of the scope's
 *   categories (cse → cse, online; cce → cce, county_lines; county_lines → county_lines; others all);
 *   for place within 500 m of the place, for network naming the subject or its children;
 * - police.uk crime: the months the period touches, of the scope's types; `null` (no data) when
 *   no crime at all is loaded for those months and districts;
 * - the subject's children: for network, children linked to the subject; for place, children linked
 *   to the place or last seen or found within 500 m of it.
 * County lines has no exploitation kind of its own: it is read as CCE plus county-lines
 * intelligence and drugs/weapons crime.
 */

export interface ProfileFigureParams {
  terms: ProfileTerms;
  /** The effective districts, after the caller's scope. */
  districtCodes: readonly string[];
  asAt: Date;
}

interface Scope {
  scope: ProfileScope;
  from: string;
  to: string;
  districtCodes: string[];
  subjectId: string | null;
}

const kindsOf: Record<ProfileScope, string[]> = {
  cse: ['cse'],
  cce: ['cce'],
  county_lines: ['cce'],
  district: ['cse', 'cce'],
  place: ['cse', 'cce'],
  network: ['cse', 'cce'],
};
const categoriesOf: Record<ProfileScope, string[] | null> = {
  cse: ['cse', 'online'],
  cce: ['cce', 'county_lines'],
  county_lines: ['county_lines'],
  district: null,
  place: null,
  network: null,
};
const crimeTypesOf: Record<ProfileScope, string[] | null> = {
  cse: ['Violence and sexual offences'],
  cce: ['Drugs', 'Possession of weapons', 'Robbery'],
  county_lines: ['Drugs', 'Possession of weapons'],
  district: null,
  place: null,
  network: null,
};

/** $1 from, $2 to, $3 districts, $4 kinds, $5 subject, $6 scope, $7 categories, $8 crime types. */
function paramsOf(s: Scope): unknown[] {
  return [
    s.from,
    s.to,
    s.districtCodes,
    kindsOf[s.scope],
    s.subjectId,
    s.scope,
    categoriesOf[s.scope],
    crimeTypesOf[s.scope],
  ];
}

const SCOPE_CTE = `
WITH bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/London' AS t0,
         ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London' AS t1
),
subject_children AS (
  SELECT p.id FROM person p
  WHERE p.kind = 'child' AND $6::text IN ('place', 'network') AND (
    p.id = $5::uuid
    OR EXISTS (SELECT 1 FROM entity_link l
               WHERE (l.from_type = 'person' AND l.from_id = p.id AND l.to_id = $5::uuid)
                  OR (l.to_type = 'person' AND l.to_id = p.id AND l.from_id = $5::uuid))
    OR ($6::text = 'place' AND EXISTS (
          SELECT 1 FROM missing_episode m JOIN place_of_concern pc ON pc.id = $5::uuid
          WHERE m.person_id = p.id
            AND (ST_DWithin(m.last_seen_geom::geography, pc.geom::geography, 500)
                 OR ST_DWithin(m.found_geom::geography, pc.geom::geography, 500))))
  )
),
events AS (
  SELECT e.* FROM exploitation_event e, bounds b
  WHERE e.kind::text = ANY($4::text[]) AND e.district_code = ANY($3::text[])
    AND e.occurred_at >= b.t0 AND e.occurred_at < b.t1
    AND ($6::text NOT IN ('place', 'network') OR e.person_id IN (SELECT id FROM subject_children))
),
cohort AS (SELECT DISTINCT person_id AS id FROM events),
episodes AS (
  SELECT m.* FROM missing_episode m, bounds b
  WHERE m.reported_at >= b.t0 AND m.reported_at < b.t1 AND m.district_code = ANY($3::text[])
    AND ($6::text = 'district' OR m.person_id IN (
      SELECT e2.person_id FROM exploitation_event e2, bounds b2
      WHERE e2.kind::text = ANY($4::text[]) AND e2.occurred_at < b2.t1
        AND ($6::text NOT IN ('place', 'network') OR e2.person_id IN (SELECT id FROM subject_children))))
),
intel AS (
  SELECT r.* FROM intelligence_report r, bounds b
  WHERE r.submitted_at >= b.t0 AND r.submitted_at < b.t1 AND r.status <> 'withdrawn'
    AND r.district_code = ANY($3::text[])
    AND ($7::text[] IS NULL OR r.category::text = ANY($7::text[]))
    AND ($6::text <> 'place' OR ST_DWithin(r.geom::geography,
          (SELECT geom FROM place_of_concern WHERE id = $5::uuid)::geography, 500))
    AND ($6::text <> 'network' OR EXISTS (
          SELECT 1 FROM intelligence_subject s WHERE s.report_id = r.id
            AND (s.person_id = $5::uuid OR s.person_id IN (SELECT id FROM subject_children))))
),
crimes AS (
  SELECT c.* FROM crime_event c
  WHERE c.month >= date_trunc('month', $1::date)::date AND c.month <= $2::date
    AND c.district_code = ANY($3::text[])
    AND ($8::text[] IS NULL OR c.crime_type = ANY($8::text[]))
),
active_links AS (
  SELECT l.* FROM entity_link l
  WHERE l.first_seen <= $2::date AND l.last_seen >= $1::date
    AND ((l.from_type = 'person' AND l.from_id IN (SELECT id FROM cohort))
      OR (l.to_type = 'person' AND l.to_id IN (SELECT id FROM cohort)))
),
linked AS (
  SELECT CASE WHEN l.from_type = 'person' AND l.from_id IN (SELECT id FROM cohort) THEN l.from_id ELSE l.to_id END AS child_id,
         CASE WHEN l.from_type = 'person' AND l.from_id IN (SELECT id FROM cohort) THEN l.to_type ELSE l.from_type END AS other_type,
         CASE WHEN l.from_type = 'person' AND l.from_id IN (SELECT id FROM cohort) THEN l.to_id ELSE l.from_id END AS other_id,
         l.id AS link_id, l.source_type, l.source_id
  FROM active_links l
)`;

async function rows<Row>(sql: Sql, s: Scope, select: string): Promise<Row[]> {
  return sql.query<Row>(`${SCOPE_CTE}\n${select}`, paramsOf(s));
}

async function count(sql: Sql, s: Scope, select: string): Promise<number> {
  const [row] = await rows<{ n: number | string }>(sql, s, select);
  return Number(row?.n ?? 0);
}

function storedQuery(name: string, s: Scope): StoredQuery {
  return {
    name,
    params: {
      scope: s.scope,
      from: s.from,
      to: s.to,
      districtCodes: s.districtCodes,
      subjectId: s.subjectId,
    },
  };
}

function figure(
  key: string,
  label: string,
  value: number | null,
  comparison: number | null,
  countsPeople: boolean,
  query: StoredQuery,
): ProfileFigure {
  return { key, label, value, comparison, ...compareCounts(value, comparison), ratePer1000: null, countsPeople, query };
}

/** A count over the period and over the comparison period, as a figure that keeps its query. */
async function countFigure(
  sql: Sql,
  s: Scope,
  c: Scope,
  key: string,
  label: string,
  select: string,
  countsPeople: boolean,
): Promise<ProfileFigure> {
  const [value, comparison] = [await count(sql, s, select), await count(sql, c, select)];
  return figure(key, label, value, comparison, countsPeople, storedQuery(key, s));
}

function section(
  key: ProfileSectionKey,
  title: string,
  parts: Partial<Omit<ProfileSectionFigures, 'key' | 'title'>> = {},
): ProfileSectionFigures {
  return {
    key,
    title,
    figures: parts.figures ?? [],
    tables: parts.tables ?? [],
    charts: parts.charts ?? [],
    maps: parts.maps ?? [],
    notes: parts.notes ?? [],
  };
}

function table(
  key: string,
  title: string,
  columns: string[],
  data: { key: string; label: string; cells: (number | string | null)[] }[],
  countsPeople: boolean,
  query: StoredQuery,
  namesPeople = false,
): ProfileTable {
  return { key, title, columns, rows: data, countsPeople, query, ...(namesPeople ? { namesPeople } : {}) };
}

/** The headline counts of the scale section: name → SQL giving `n`. */
export const scaleQueries = {
  children_identified: 'SELECT count(*) AS n FROM cohort',
  mash_referrals: `SELECT count(*) AS n FROM events WHERE event = 'mash_referral'`,
  missing_episodes: 'SELECT count(*) AS n FROM episodes',
  intelligence_reports: 'SELECT count(*) AS n FROM intel',
  crimes: 'SELECT count(*) AS n FROM crimes',
} as const;

/**
 * The first and last record (London dates) of each source the scale figures count, in the
 * profile's districts, whatever the period: $1 districts, $2 exploitation kinds.
 */
const coverageQuery = `
  SELECT 'exploitation events' AS source, (min(occurred_at) AT TIME ZONE 'Europe/London')::date::text AS first,
         (max(occurred_at) AT TIME ZONE 'Europe/London')::date::text AS last
    FROM exploitation_event WHERE kind::text = ANY($2::text[]) AND district_code = ANY($1::text[])
  UNION ALL
  SELECT 'missing episodes', (min(reported_at) AT TIME ZONE 'Europe/London')::date::text,
         (max(reported_at) AT TIME ZONE 'Europe/London')::date::text
    FROM missing_episode WHERE district_code = ANY($1::text[])
  UNION ALL
  SELECT 'intelligence reports', (min(submitted_at) AT TIME ZONE 'Europe/London')::date::text,
         (max(submitted_at) AT TIME ZONE 'Europe/London')::date::text
    FROM intelligence_report WHERE district_code = ANY($1::text[]) AND status <> 'withdrawn'`;

/** A gap longer than this between a period's edge and a source's records is worth saying. */
const coverageSlackDays = 31;

/**
 * Notes for a period that runs past the records Lantern holds (a source whose records end more
 * than a month before the period ends, or start more than a month after it begins): its counts
 * there are missing, not zero, and a comparison across it misleads.
 */
async function coverageNotes(sql: Sql, s: Scope, c: Scope): Promise<string[]> {
  const sources = await sql.query<{ source: string; first: string | null; last: string | null }>(coverageQuery, [
    s.districtCodes,
    kindsOf[s.scope],
  ]);
  const notes: string[] = [];
  for (const { source, first, last } of sources) {
    if (!first || !last) continue;
    for (const [name, period] of [
      ['this period', s],
      ['the comparison period', c],
    ] as const) {
      if (last < period.from || first > period.to) {
        notes.push(`Lantern holds no ${source} for these districts in ${name}: its count there is missing, not zero.`);
        continue;
      }
      if (last < addDays(period.to, -coverageSlackDays)) {
        notes.push(
          `Lantern’s ${source} for these districts end on ${readableDate(last)}, before ${name} ends (${readableDate(period.to)}): its later months are missing, not quiet.`,
        );
      }
      if (first > addDays(period.from, coverageSlackDays)) {
        notes.push(
          `Lantern’s ${source} for these districts start on ${readableDate(first)}, after ${name} begins (${readableDate(period.from)}): its earlier months are missing, not quiet.`,
        );
      }
    }
  }
  return notes;
}

async function crimeLoaded(sql: Sql, s: Scope): Promise<boolean> {
  const [row] = await sql.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM crime_event
     WHERE month >= date_trunc('month', $1::date)::date AND month <= $2::date AND district_code = ANY($3::text[])`,
    [s.from, s.to, s.districtCodes],
  );
  return Number(row?.n ?? 0) > 0;
}

export async function scaleSection(sql: Sql, s: Scope, c: Scope): Promise<ProfileSectionFigures> {
  const labels: Record<keyof typeof scaleQueries, string> = {
    children_identified: 'Children identified',
    mash_referrals: 'MASH referrals',
    missing_episodes: 'Missing episodes',
    intelligence_reports: 'Intelligence reports',
    crimes: 'Police.uk crimes of the chosen types',
  };
  const notes: string[] = [];
  const figures: ProfileFigure[] = [];
  const [crimeNow, crimeThen] = [await crimeLoaded(sql, s), await crimeLoaded(sql, c)];
  for (const name of Object.keys(scaleQueries) as (keyof typeof scaleQueries)[]) {
    let value: number | null = await count(sql, s, scaleQueries[name]);
    let comparison: number | null = await count(sql, c, scaleQueries[name]);
    if (name === 'crimes') {
      if (!crimeNow) {
        value = null;
        notes.push(`No police.uk crime data loaded for ${readableDate(s.from)} to ${readableDate(s.to)}.`);
      }
      if (!crimeThen) {
        comparison = null;
        notes.push(
          `No police.uk crime data loaded for the comparison period ${readableDate(c.from)} to ${readableDate(c.to)}.`,
        );
      }
    }
    figures.push(
      figure(
        `scale.${name}`,
        labels[name],
        value,
        comparison,
        name === 'children_identified',
        storedQuery(`scale.${name}`, s),
      ),
    );
  }
  notes.push(...(await coverageNotes(sql, s, c)));
  notes.push('Rates per 1,000 children are not shown: no district child populations are configured in Lantern.');
  return section('scale', 'Scale and trend', { figures, notes });
}

/** Distribution queries of the victims section, each giving rows (key, label, n), ordered. */
export const victimQueries = {
  age_bands: `
    SELECT band AS key, band AS label, count(*) AS n FROM (
      SELECT CASE
        WHEN p.date_of_birth IS NULL THEN 'Unknown'
        WHEN date_part('year', age($2::date, p.date_of_birth)) < 10 THEN 'Under 10'
        WHEN date_part('year', age($2::date, p.date_of_birth)) < 13 THEN '10 to 12'
        WHEN date_part('year', age($2::date, p.date_of_birth)) < 16 THEN '13 to 15'
        WHEN date_part('year', age($2::date, p.date_of_birth)) < 18 THEN '16 to 17'
        ELSE '18 and over' END AS band
      FROM cohort JOIN person p ON p.id = cohort.id) x
    GROUP BY band ORDER BY band`,
  sex: `SELECT p.sex::text AS key, p.sex::text AS label, count(*) AS n FROM cohort JOIN person p ON p.id = cohort.id
        GROUP BY p.sex ORDER BY p.sex::text`,
  care_status: `SELECT coalesce(p.care_status::text, 'not_recorded') AS key, coalesce(p.care_status::text, 'not_recorded') AS label,
          count(*) AS n FROM cohort JOIN person p ON p.id = cohort.id GROUP BY 1, 2 ORDER BY 1`,
  districts: `SELECT coalesce(d.code, 'none') AS key, coalesce(d.name, 'Not recorded') AS label, count(*) AS n
        FROM cohort JOIN person p ON p.id = cohort.id LEFT JOIN district d ON d.code = p.home_district_code
        GROUP BY 1, 2 ORDER BY 1`,
  repeat_missing: `
    SELECT band AS key, band AS label, count(*) AS n FROM (
      SELECT CASE WHEN count(ep.id) = 0 THEN '0' WHEN count(ep.id) = 1 THEN '1'
                  WHEN count(ep.id) <= 4 THEN '2 to 4' ELSE '5 or more' END AS band
      FROM cohort LEFT JOIN episodes ep ON ep.person_id = cohort.id GROUP BY cohort.id) x
    GROUP BY band ORDER BY band`,
  risk_levels: `
    SELECT coalesce(r::text, 'not_assessed') AS key, coalesce(r::text, 'not_assessed') AS label, count(*) AS n FROM (
      SELECT cohort.id, max(e.risk_level) AS r FROM cohort LEFT JOIN events e ON e.person_id = cohort.id
      GROUP BY cohort.id) x
    GROUP BY 1, 2 ORDER BY 1`,
} as const;

const labelText: Record<string, string> = {
  M: 'Male',
  F: 'Female',
  X: 'Another sex',
  U: 'Not known',
  home: 'At home',
  county_care: 'In county care',
  ola_care: 'In another authority’s care',
  not_recorded: 'Not recorded',
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  not_assessed: 'Not assessed',
};

async function distribution(
  sql: Sql,
  s: Scope,
  select: string,
): Promise<{ key: string; label: string; cells: number[] }[]> {
  const found = await rows<{ key: string; label: string; n: number | string }>(sql, s, select);
  return found.map((row) => ({ key: row.key, label: labelText[row.label] ?? row.label, cells: [Number(row.n)] }));
}

const ageOrder = ['Under 10', '10 to 12', '13 to 15', '16 to 17', '18 and over', 'Unknown'];

export async function victimsSection(sql: Sql, s: Scope): Promise<ProfileSectionFigures> {
  const titles: Record<keyof typeof victimQueries, string> = {
    age_bands: 'Age at the end of the period',
    sex: 'Sex',
    care_status: 'Care status',
    districts: 'Home district',
    repeat_missing: 'Missing episodes in the period, per child',
    risk_levels: 'Highest risk level recorded in the period',
  };
  const tables: ProfileTable[] = [];
  const charts: ProfileChart[] = [];
  for (const name of Object.keys(victimQueries) as (keyof typeof victimQueries)[]) {
    const found = await distribution(sql, s, victimQueries[name]);
    const data = name === 'age_bands' ? found.sort((a, b) => ageOrder.indexOf(a.key) - ageOrder.indexOf(b.key)) : found;
    tables.push(table(`victims.${name}`, titles[name], ['Children'], data, true, storedQuery(`victims.${name}`, s)));
    if (name === 'age_bands') {
      charts.push({
        kind: 'bars',
        key: 'victims.age_bands',
        title: titles[name],
        bars: data.map((row) => ({ label: row.label, value: row.cells[0] ?? 0 })),
      });
    }
  }
  return section('victims', 'Victims', { tables, charts });
}

export const offenderQueries = {
  associates: `
    SELECT p.id::text AS key, p.pseudonym_ref AS label, count(DISTINCT l.child_id) AS children, count(DISTINCT l.link_id) AS links
    FROM linked l JOIN person p ON p.id = l.other_id AND l.other_type = 'person' AND p.kind = 'associate'
    GROUP BY p.id, p.pseudonym_ref ORDER BY children DESC, links DESC, p.pseudonym_ref LIMIT 10`,
  associate_count: `SELECT count(DISTINCT p.id) AS n FROM linked l
    JOIN person p ON p.id = l.other_id AND l.other_type = 'person' AND p.kind = 'associate'`,
  vehicle_count: `SELECT count(DISTINCT l.other_id) AS n FROM linked l WHERE l.other_type = 'vehicle'`,
  children_linked: `SELECT count(DISTINCT l.child_id) AS n FROM linked l
    JOIN person p ON p.id = l.other_id AND l.other_type = 'person' AND p.kind = 'associate'`,
} as const;

export async function offendersSection(sql: Sql, s: Scope, c: Scope): Promise<ProfileSectionFigures> {
  const figures = [
    await countFigure(
      sql,
      s,
      c,
      'offenders.associates',
      'Associates linked to the children',
      offenderQueries.associate_count,
      true,
    ),
    await countFigure(
      sql,
      s,
      c,
      'offenders.children_linked',
      'Children linked to an associate',
      offenderQueries.children_linked,
      true,
    ),
    await countFigure(
      sql,
      s,
      c,
      'offenders.vehicles',
      'Vehicles linked to the children',
      offenderQueries.vehicle_count,
      false,
    ),
  ];
  const found = await rows<{ key: string; label: string; children: number | string; links: number | string }>(
    sql,
    s,
    offenderQueries.associates,
  );
  const tables = [
    table(
      'offenders.associates_by_degree',
      'Associates by the number of children linked (top 10)',
      ['Children linked', 'Links'],
      found.map((row) => ({ key: row.key, label: row.label, cells: [Number(row.children), Number(row.links)] })),
      true,
      storedQuery('offenders.associates_by_degree', s),
      true,
    ),
  ];
  return section('offenders', 'Offenders and networks', {
    figures,
    tables,
    notes: [
      'Links counted are those seen in the period (first seen on or before its end, last seen on or after its start).',
      'Communities are groups of people more linked to each other than to others (Louvain, seeded), over the person-to-person links seen in the period that touch a child identified; the network view draws them person by person.',
    ],
  });
}

export const locationQueries = {
  places_of_concern: `SELECT count(*) AS n FROM place_of_concern pc
    WHERE pc.district_code = ANY($3::text[]) AND pc.concern_since <= $2::date
      AND (pc.concern_until IS NULL OR pc.concern_until >= $1::date)`,
  repeat_locations: `
    SELECT pc.id::text AS key, pc.name AS label, pc.category::text AS category, count(DISTINCT l.child_id) AS children,
           ST_X(pc.geom) AS lon, ST_Y(pc.geom) AS lat
    FROM linked l JOIN place_of_concern pc ON pc.id = l.other_id AND l.other_type = 'place'
    GROUP BY pc.id, pc.name, pc.category, pc.geom HAVING count(DISTINCT l.child_id) >= 2
    ORDER BY children DESC, pc.name, pc.id`,
  hot_spots: `
    SELECT w.code AS key, w.name AS label, count(*) AS n
    FROM episodes ep JOIN ward w ON w.district_code = ANY($3::text[]) AND ST_Contains(w.geom, ep.last_seen_geom)
    GROUP BY w.code, w.name ORDER BY n DESC, w.name LIMIT 10`,
  last_seen_points: `SELECT ST_X(ep.last_seen_geom) AS lon, ST_Y(ep.last_seen_geom) AS lat FROM episodes ep
    WHERE ep.last_seen_geom IS NOT NULL
      AND EXISTS (SELECT 1 FROM district d WHERE d.code = ANY($3::text[]) AND ST_Contains(d.geom, ep.last_seen_geom))
    ORDER BY ep.reported_at, ep.id LIMIT 500`,
} as const;

export async function locationsSection(sql: Sql, s: Scope, c: Scope): Promise<ProfileSectionFigures> {
  const places = await countFigure(
    sql,
    s,
    c,
    'locations.places_of_concern',
    'Places of concern active in the period',
    locationQueries.places_of_concern,
    false,
  );
  const repeat = await rows<{
    key: string;
    label: string;
    category: string;
    children: number | string;
    lon: number;
    lat: number;
  }>(sql, s, locationQueries.repeat_locations);
  const hot = await rows<{ key: string; label: string; n: number | string }>(sql, s, locationQueries.hot_spots);
  const points = await rows<{ lon: number; lat: number }>(sql, s, locationQueries.last_seen_points);
  const map: ProfileMap = {
    key: 'locations.map',
    title: 'Repeat locations and where missing children were last seen (within the area)',
    districtCodes: s.districtCodes,
    points: [
      ...points.map((p) => ({ lon: Number(p.lon), lat: Number(p.lat), label: '', weight: 1, kind: 'event' as const })),
      ...repeat.map((r) => ({
        lon: Number(r.lon),
        lat: Number(r.lat),
        label: r.label,
        weight: Number(r.children),
        kind: 'place' as const,
      })),
    ],
  };
  return section('locations', 'Locations', {
    figures: [places],
    tables: [
      table(
        'locations.repeat_locations',
        'Repeat locations: places linked to two or more of the children',
        ['Category', 'Children linked'],
        repeat.map((r) => ({ key: r.key, label: r.label, cells: [r.category, Number(r.children)] })),
        true,
        storedQuery('locations.repeat_locations', s),
      ),
      table(
        'locations.hot_spots',
        'Hot spots: wards where missing children were last seen most (top 10)',
        ['Missing episodes'],
        hot.map((r) => ({ key: r.key, label: r.label, cells: [Number(r.n)] })),
        // Episodes are of children: a ward with one or two is as telling as a count of children.
        true,
        storedQuery('locations.hot_spots', s),
      ),
    ],
    maps: [map],
  });
}

/** The instants of the events in scope: exploitation events and missing episodes. */
export const timeQuery = `SELECT occurred_at AS at FROM events UNION ALL SELECT reported_at FROM episodes`;

export async function timeSection(sql: Sql, s: Scope, asAt: Date): Promise<ProfileSectionFigures> {
  const found = await rows<{ at: Date | string }>(sql, s, timeQuery);
  const instants = found.map((row) => new Date(row.at));
  const byMonth = new Map<string, number>();
  for (const at of instants) byMonth.set(londonMonth(at), (byMonth.get(londonMonth(at)) ?? 0) + 1);
  const months = periodMonths(s.from, s.to, asAt);
  const notes = months.some((m) => m.partial)
    ? ['A month not complete at the time the figures were computed, or only partly in the period, is marked partial.']
    : [];
  return section('time', 'Time', {
    charts: [
      {
        kind: 'hour_of_week',
        key: 'time.hour_of_week',
        title: 'Exploitation events and missing episodes by hour of the week (London time)',
        cells: hourOfWeekGrid(instants),
      },
      {
        kind: 'monthly',
        key: 'time.monthly',
        title: 'Exploitation events and missing episodes by month',
        points: months.map((m) => ({ month: m.month, value: byMonth.get(m.month) ?? 0, partial: m.partial })),
      },
    ],
    notes,
  });
}

/**
 * Disruption actions in scope: in the districts and in force at some time in the period (proposed
 * by its end, not ended before its start); for every scope but district only those aimed at a child
 * identified or at a person, place or vehicle linked to one.
 */
const ACTIONS = `actions AS (
  SELECT a.* FROM disruption_action a
  WHERE a.district_code = ANY($3::text[]) AND a.proposed_on <= $2::date
    AND (a.ended_on IS NULL OR a.ended_on >= $1::date)
    AND ($6::text = 'district'
      OR a.target_person_id IN (SELECT id FROM cohort)
      OR a.target_person_id IN (SELECT other_id FROM linked WHERE other_type = 'person')
      OR a.target_place_id IN (SELECT other_id FROM linked WHERE other_type = 'place')
      OR a.target_vehicle_id IN (SELECT other_id FROM linked WHERE other_type = 'vehicle'))
)`;

export const methodQueries = {
  actions: `, ${ACTIONS} SELECT count(*) AS n FROM actions`,
  tactics: `, ${ACTIONS} SELECT t.code AS key, t.name AS label, count(*) AS n FROM actions a JOIN tactic t ON t.id = a.tactic_id
    GROUP BY t.code, t.name ORDER BY n DESC, t.name`,
  outcomes: `, ${ACTIONS} SELECT coalesce(a.outcome::text, a.status::text) AS key, coalesce(a.outcome::text, a.status::text) AS label,
    count(*) AS n FROM actions a GROUP BY 1, 2 ORDER BY 1`,
} as const;

export async function methodsSection(sql: Sql, s: Scope, c: Scope): Promise<ProfileSectionFigures> {
  const tactics = await rows<{ key: string; label: string; n: number | string }>(sql, s, methodQueries.tactics);
  const outcomes = await rows<{ key: string; label: string; n: number | string }>(sql, s, methodQueries.outcomes);
  const outcomeLabel = (key: string) => key.replaceAll('_', ' ').replace(/^./, (ch) => ch.toUpperCase());
  return section('methods', 'Methods and disruption', {
    figures: [
      await countFigure(
        sql,
        s,
        c,
        'methods.disruption_actions',
        'Disruption actions in force in the period',
        methodQueries.actions,
        false,
      ),
    ],
    tables: [
      table(
        'methods.tactics',
        'Tactics used',
        ['Actions'],
        tactics.map((r) => ({ key: r.key, label: r.label, cells: [Number(r.n)] })),
        false,
        storedQuery('methods.tactics', s),
      ),
      table(
        'methods.outcomes',
        'Outcome (or status, where no outcome is recorded)',
        ['Actions'],
        outcomes.map((r) => ({ key: r.key, label: outcomeLabel(r.label), cells: [Number(r.n)] })),
        false,
        storedQuery('methods.outcomes', s),
      ),
    ],
    notes: [
      'Outcomes are those recorded (complied, breached, expired, refused by court); open actions show their status.',
    ],
  });
}

export const intelligenceQueries = {
  grading: `SELECT coalesce(r.source_evaluation::text || r.intelligence_evaluation::text || r.handling_code::text, 'ungraded') AS key,
      count(*) AS n FROM intel r GROUP BY 1 ORDER BY 1`,
  agencies: `SELECT ag.kind::text AS key, count(*) AS n FROM intel r JOIN agency ag ON ag.id = r.submitting_agency_id
      GROUP BY 1 ORDER BY 1`,
  quiet_wards: `
    SELECT w.code AS key, w.name AS label, d.name AS district FROM ward w JOIN district d ON d.code = w.district_code
    WHERE w.district_code = ANY($3::text[]) AND NOT EXISTS (
      SELECT 1 FROM intelligence_report r
      WHERE r.status <> 'withdrawn' AND r.geom IS NOT NULL
        AND r.submitted_at >= (($2::date + 1 - interval '3 months')::timestamp AT TIME ZONE 'Europe/London')
        AND r.submitted_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')
        AND ST_Contains(w.geom, r.geom))
    ORDER BY w.name, w.code`,
  quality: `SELECT count(*) AS total,
      count(*) FILTER (WHERE p.sex = 'U') AS sex,
      count(*) FILTER (WHERE p.date_of_birth IS NULL) AS dob,
      count(*) FILTER (WHERE p.home_district_code IS NULL) AS location
    FROM cohort JOIN person p ON p.id = cohort.id`,
  rhi_missing: `SELECT count(*) AS n FROM episodes WHERE returned_at IS NOT NULL AND rhi_completed_at IS NULL`,
  ungraded_links: `SELECT count(DISTINCT l.link_id) AS n FROM linked l JOIN intelligence_report r ON r.id = l.source_id
      WHERE l.source_type = 'intelligence_report' AND r.source_evaluation IS NULL`,
} as const;

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

export async function intelligenceSection(sql: Sql, s: Scope, c: Scope): Promise<ProfileSectionFigures> {
  const grading = await rows<{ key: string; n: number | string }>(sql, s, intelligenceQueries.grading);
  const agencies = await rows<{ key: string; n: number | string }>(sql, s, intelligenceQueries.agencies);
  const quiet = await rows<{ key: string; label: string; district: string }>(sql, s, intelligenceQueries.quiet_wards);
  const quality = async (scope: Scope) => {
    const [q] = await rows<{
      total: string | number;
      sex: string | number;
      dob: string | number;
      location: string | number;
    }>(sql, scope, intelligenceQueries.quality);
    const total = Number(q?.total ?? 0);
    return {
      sex: percent(Number(q?.sex ?? 0), total),
      dob: percent(Number(q?.dob ?? 0), total),
      location: percent(Number(q?.location ?? 0), total),
    };
  };
  const [now, then] = [await quality(s), await quality(c)];
  const gradingLabel = (key: string) =>
    key === 'ungraded' ? 'Not graded' : `${key.slice(0, 1)} / ${key.slice(1, 2)} / ${key.slice(2)}`;
  const pct = (key: string, label: string, value: number | null, comparison: number | null) =>
    figure(`intelligence.${key}`, label, value, comparison, false, storedQuery(`intelligence.${key}`, s));
  return section('intelligence', 'Intelligence picture and gaps', {
    figures: [
      pct('unknown_ethnicity_percent', '% of children with ethnicity unknown', null, null),
      pct('unknown_sex_percent', '% of children with sex unknown', now.sex, then.sex),
      pct('unknown_dob_percent', '% of children with date of birth unknown', now.dob, then.dob),
      pct('unknown_location_percent', '% of children with home district unknown', now.location, then.location),
      await countFigure(
        sql,
        s,
        c,
        'intelligence.rhi_not_recorded',
        'Returns with no Return Home Interview recorded',
        intelligenceQueries.rhi_missing,
        false,
      ),
      await countFigure(
        sql,
        s,
        c,
        'intelligence.links_without_graded_source',
        'Links from intelligence not yet graded',
        intelligenceQueries.ungraded_links,
        false,
      ),
    ],
    tables: [
      table(
        'intelligence.grading',
        'Intelligence by grading (source / intelligence / handling)',
        ['Reports'],
        grading.map((r) => ({ key: r.key, label: gradingLabel(r.key), cells: [Number(r.n)] })),
        false,
        storedQuery('intelligence.grading', s),
      ),
      table(
        'intelligence.source_agency',
        'Intelligence by kind of submitting agency',
        ['Reports'],
        agencies.map((r) => ({ key: r.key, label: r.key.replaceAll('_', ' '), cells: [Number(r.n)] })),
        false,
        storedQuery('intelligence.source_agency', s),
      ),
      table(
        'intelligence.quiet_wards',
        'Wards with no located intelligence in the last 3 months of the period',
        ['District'],
        quiet.map((r) => ({ key: r.key, label: r.label, cells: [r.district] })),
        false,
        storedQuery('intelligence.quiet_wards', s),
      ),
    ],
    notes: ['Ethnicity is not recorded in Lantern, so its share unknown cannot be measured (no data).'],
  });
}

function scopesOf(params: ProfileFigureParams): { s: Scope; c: Scope } {
  const { terms } = params;
  const base = { scope: terms.scope, districtCodes: [...params.districtCodes], subjectId: terms.subjectId };
  return {
    s: { ...base, from: terms.from, to: terms.to },
    c: { ...base, from: terms.comparisonFrom, to: terms.comparisonTo },
  };
}

/** Person-to-person links seen in a period that touch a child identified: the edges of the profile's communities. */
export const profileLinksQuery = `
  SELECT l.from_id::text AS "fromId", pf.kind::text AS "fromKind", l.to_id::text AS "toId", pt.kind::text AS "toKind"
  FROM active_links l
  JOIN person pf ON pf.id = l.from_id AND l.from_type = 'person'
  JOIN person pt ON pt.id = l.to_id AND l.to_type = 'person'
  WHERE l.from_id <> l.to_id
  ORDER BY l.from_id, l.to_id, l.id`;

export interface ProfilePersonLink {
  fromId: string;
  fromKind: string;
  toId: string;
  toKind: string;
}

/** The person-to-person links in scope for the profile's period and for its comparison period. */
export async function profilePersonLinks(
  sql: Sql,
  params: ProfileFigureParams,
): Promise<{ period: ProfilePersonLink[]; comparison: ProfilePersonLink[] }> {
  const { s, c } = scopesOf(params);
  return { period: await rows(sql, s, profileLinksQuery), comparison: await rows(sql, c, profileLinksQuery) };
}

/** Actions in scope that target a place and have come into force, oldest first. */
export const effectTargetsQuery = `, ${ACTIONS}
  SELECT a.id::text AS "actionId", t.name AS tactic, pc.id::text AS "placeId", pc.name AS place,
         to_char(a.in_force_from, 'YYYY-MM-DD') AS "inForceFrom"
  FROM actions a JOIN tactic t ON t.id = a.tactic_id JOIN place_of_concern pc ON pc.id = a.target_place_id
  WHERE a.in_force_from IS NOT NULL
  ORDER BY a.in_force_from, pc.name, a.id`;

export interface ProfileEffectTarget {
  actionId: string;
  tactic: string;
  placeId: string;
  place: string;
  inForceFrom: string;
}

/** The disruption actions in the profile's scope and period whose effect around a place can be measured. */
export async function profileEffectTargets(sql: Sql, params: ProfileFigureParams): Promise<ProfileEffectTarget[]> {
  return rows(sql, scopesOf(params).s, effectTargetsQuery);
}

/** Every section's figures for a profile's terms, over the effective districts, as at `asAt`. */
export async function computeProfileFigures(sql: Sql, params: ProfileFigureParams): Promise<ProfileFigures> {
  const { s, c } = scopesOf(params);
  return {
    asAt: params.asAt.toISOString(),
    sections: [
      section('summary', 'Summary of key findings'),
      await scaleSection(sql, s, c),
      await victimsSection(sql, s),
      await offendersSection(sql, s, c),
      await locationsSection(sql, s, c),
      await timeSection(sql, s, params.asAt),
      await methodsSection(sql, s, c),
      await intelligenceSection(sql, s, c),
      section('recommendations', 'Recommendations'),
    ],
  };
}

export interface FigureRecord {
  kind: 'person' | 'missing_episode' | 'intelligence_report' | 'crime' | 'disruption_action' | 'place';
  id: string;
  reference: string;
}

const recordQueries: Record<string, string> = {
  people: `SELECT 'person' AS kind, p.id::text AS id, p.pseudonym_ref AS reference FROM cohort JOIN person p ON p.id = cohort.id ORDER BY p.pseudonym_ref`,
  episodes: `SELECT 'missing_episode' AS kind, id::text AS id, episode_ref AS reference FROM episodes ORDER BY reported_at, episode_ref`,
  intel: `SELECT 'intelligence_report' AS kind, id::text AS id, reference FROM intel ORDER BY submitted_at, reference`,
  crimes: `SELECT 'crime' AS kind, id, coalesce(crime_id, id) AS reference FROM crimes ORDER BY month, id`,
  referrals: `SELECT 'person' AS kind, p.id::text AS id, p.pseudonym_ref AS reference FROM person p
    WHERE p.id IN (SELECT person_id FROM events WHERE event = 'mash_referral') ORDER BY p.pseudonym_ref`,
  associates: `SELECT DISTINCT 'person' AS kind, p.id::text AS id, p.pseudonym_ref AS reference FROM linked l
    JOIN person p ON p.id = l.other_id AND l.other_type = 'person' AND p.kind = 'associate' ORDER BY 3`,
  actions: `, ${ACTIONS} SELECT 'disruption_action' AS kind, a.id::text AS id, coalesce(a.target_name, a.id::text) AS reference
    FROM actions a ORDER BY a.proposed_on, a.id`,
  places: `SELECT 'place' AS kind, pc.id::text AS id, pc.name AS reference FROM place_of_concern pc
    WHERE pc.district_code = ANY($3::text[]) AND pc.concern_since <= $2::date
      AND (pc.concern_until IS NULL OR pc.concern_until >= $1::date) ORDER BY pc.name, pc.id`,
};

const recordsBehind: Record<string, keyof typeof recordQueries> = {
  'scale.children_identified': 'people',
  'scale.mash_referrals': 'referrals',
  'scale.missing_episodes': 'episodes',
  'scale.intelligence_reports': 'intel',
  'scale.crimes': 'crimes',
  'offenders.associates': 'associates',
  'offenders.associates_by_degree': 'associates',
  'offenders.children_linked': 'people',
  'locations.places_of_concern': 'places',
  'methods.disruption_actions': 'actions',
  'methods.tactics': 'actions',
  'methods.outcomes': 'actions',
  'methods.effect': 'actions',
  'methods.effect_missing_found': 'actions',
  'intelligence.grading': 'intel',
  'intelligence.source_agency': 'intel',
  'intelligence.rhi_not_recorded': 'episodes',
};

/**
 * The records behind a figure (people by id and reference, episodes, intelligence, crimes, actions
 * or places), from its stored query; figures whose records are the children identified list those.
 * The caller redacts what a role may not see.
 */
export async function listFigureRecords(
  sql: Sql,
  query: StoredQuery,
  options: { limit: number },
): Promise<FigureRecord[]> {
  const p = query.params;
  const s: Scope = {
    scope: p.scope as ProfileScope,
    from: String(p.from),
    to: String(p.to),
    districtCodes: [...((p.districtCodes as readonly string[]) ?? [])],
    subjectId: (p.subjectId as string | null) ?? null,
  };
  if (!(s.scope in kindsOf)) throw new RangeError(`unknown scope ${JSON.stringify(p.scope)}`);
  const which = recordsBehind[query.name] ?? 'people';
  const found = await rows<FigureRecord>(sql, s, recordQueries[which] as string);
  return found.slice(0, Math.max(0, options.limit));
}

/** District boundaries simplified (about 100 m) for a profile's map, as GeoJSON MultiPolygon coordinates. */
export async function districtOutlines(
  sql: Sql,
  codes: readonly string[],
): Promise<{ code: string; coordinates: number[][][][] }[]> {
  const found = await sql.query<{ code: string; geometry: string }>(
    `SELECT code, ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(geom, 0.001)), 5) AS geometry
     FROM district WHERE code = ANY($1::text[]) ORDER BY code`,
    [codes],
  );
  return found.map((row) => ({ code: row.code, coordinates: JSON.parse(row.geometry).coordinates }));
}
