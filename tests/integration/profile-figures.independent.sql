-- Problem-profile figures recomputed independently of packages/db/src/problem-profile-figures.ts,
-- for the cse, cce and district scopes. Each statement follows a "-- name:" line and takes
-- $1 from (date), $2 to (date), $3 district codes, $4 exploitation kinds, $5 intelligence
-- categories (NULL: all), $6 police.uk crime types (NULL: all), $7 the scope.
-- Figures return one row with n; tables return key and n (or the columns named); the time
-- statements return London day-of-week/hour and month counts.

-- name: scale.children_identified
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(DISTINCT e.person_id) AS n FROM exploitation_event e CROSS JOIN p
WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
  AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
  AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp);

-- name: scale.mash_referrals
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(*) AS n FROM exploitation_event e CROSS JOIN p
WHERE e.event = 'mash_referral' AND e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
  AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
  AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp);

-- name: scale.missing_episodes
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(*) AS n FROM missing_episode m CROSS JOIN p
WHERE m.district_code = ANY (p.districts)
  AND m.reported_at >= timezone('Europe/London', p.d0::timestamp)
  AND m.reported_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
  AND (p.scope = 'district' OR EXISTS (
    SELECT 1 FROM exploitation_event x WHERE x.person_id = m.person_id AND x.kind::text = ANY (p.kinds)
      AND x.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)));

-- name: scale.intelligence_reports
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(*) AS n FROM intelligence_report r CROSS JOIN p
WHERE r.district_code = ANY (p.districts) AND r.status::text <> 'withdrawn'
  AND (p.cats IS NULL OR r.category::text = ANY (p.cats))
  AND r.submitted_at >= timezone('Europe/London', p.d0::timestamp)
  AND r.submitted_at < timezone('Europe/London', (p.d1 + 1)::timestamp);

-- name: scale.crimes
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT CASE WHEN count(*) = 0 THEN NULL
            ELSE count(*) FILTER (WHERE p.ctypes IS NULL OR c.crime_type = ANY (p.ctypes)) END AS n
FROM crime_event c CROSS JOIN p
WHERE c.district_code = ANY (p.districts)
  AND to_char(c.month, 'YYYY-MM') BETWEEN to_char(p.d0, 'YYYY-MM') AND to_char(p.d1, 'YYYY-MM')
GROUP BY p.d0;

-- name: victims.age_bands
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT DISTINCT e.person_id FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
SELECT band AS key, count(*) AS n FROM (
  SELECT CASE
    WHEN pe.date_of_birth IS NULL THEN 'Unknown'
    WHEN pe.date_of_birth > p.d1 - interval '10 years' THEN 'Under 10'
    WHEN pe.date_of_birth > p.d1 - interval '13 years' THEN '10 to 12'
    WHEN pe.date_of_birth > p.d1 - interval '16 years' THEN '13 to 15'
    WHEN pe.date_of_birth > p.d1 - interval '18 years' THEN '16 to 17'
    ELSE '18 and over' END AS band
  FROM kids JOIN person pe ON pe.id = kids.person_id CROSS JOIN p) b
GROUP BY band;

-- name: victims.sex
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT pe.sex::text AS key, count(*) AS n FROM person pe CROSS JOIN p
WHERE pe.id IN (SELECT e.person_id FROM exploitation_event e
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
GROUP BY pe.sex;

-- name: victims.care_status
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT CASE WHEN pe.care_status IS NULL THEN 'not_recorded' ELSE pe.care_status::text END AS key, count(*) AS n
FROM person pe CROSS JOIN p
WHERE pe.id IN (SELECT e.person_id FROM exploitation_event e
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
GROUP BY 1;

-- name: victims.districts
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT CASE WHEN pe.home_district_code IS NULL THEN 'none' ELSE pe.home_district_code END AS key, count(*) AS n
FROM person pe CROSS JOIN p
WHERE pe.id IN (SELECT e.person_id FROM exploitation_event e
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
GROUP BY 1;

-- name: victims.repeat_missing
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT DISTINCT e.person_id FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)),
per_child AS (
  SELECT kids.person_id, (
    SELECT count(*) FROM missing_episode m
    WHERE m.person_id = kids.person_id AND m.district_code = ANY (p.districts)
      AND m.reported_at >= timezone('Europe/London', p.d0::timestamp)
      AND m.reported_at < timezone('Europe/London', (p.d1 + 1)::timestamp)) AS k
  FROM kids CROSS JOIN p)
SELECT CASE WHEN k = 0 THEN '0' WHEN k = 1 THEN '1' WHEN k < 5 THEN '2 to 4' ELSE '5 or more' END AS key, count(*) AS n
FROM per_child GROUP BY 1;

-- name: victims.risk_levels
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
ev AS (
  SELECT e.person_id, CASE e.risk_level WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2 WHEN 'none' THEN 1 ELSE 0 END AS r
  FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
SELECT (ARRAY['not_assessed', 'none', 'low', 'medium', 'high'])[max(r) + 1] AS key, count(*) AS n
FROM (SELECT person_id, max(r) AS r FROM ev GROUP BY person_id) best GROUP BY r;

-- name: offenders.associates
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT DISTINCT e.person_id AS id FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)),
pairs AS (
  SELECT l.id AS link, l.from_id AS kid, l.to_type AS t, l.to_id AS other FROM entity_link l CROSS JOIN p
  WHERE l.from_type = 'person' AND l.from_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0
  UNION
  SELECT l.id, l.to_id, l.from_type, l.from_id FROM entity_link l CROSS JOIN p
  WHERE l.to_type = 'person' AND l.to_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0
    AND NOT (l.from_type = 'person' AND l.from_id IN (SELECT id FROM kids)))
SELECT a.id::text AS key, count(DISTINCT pairs.kid) AS children, count(DISTINCT pairs.link) AS links
FROM pairs JOIN person a ON a.id = pairs.other AND pairs.t = 'person' AND a.kind = 'associate'
GROUP BY a.id;

-- name: offenders.vehicles
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT DISTINCT e.person_id AS id FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))
SELECT count(DISTINCT v) AS n FROM (
  SELECT l.to_id AS v FROM entity_link l CROSS JOIN p
  WHERE l.to_type = 'vehicle' AND l.from_type = 'person' AND l.from_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0
  UNION
  SELECT l.from_id FROM entity_link l CROSS JOIN p
  WHERE l.from_type = 'vehicle' AND l.to_type = 'person' AND l.to_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0) vs;

-- name: locations.places_of_concern
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(*) AS n FROM place_of_concern pc CROSS JOIN p
WHERE pc.district_code = ANY (p.districts) AND pc.concern_since <= p.d1 AND coalesce(pc.concern_until, p.d0) >= p.d0;

-- name: locations.repeat_locations
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT DISTINCT e.person_id AS id FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)),
visits AS (
  SELECT l.to_id AS place, l.from_id AS kid FROM entity_link l CROSS JOIN p
  WHERE l.to_type = 'place' AND l.from_type = 'person' AND l.from_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0
  UNION
  SELECT l.from_id, l.to_id FROM entity_link l CROSS JOIN p
  WHERE l.from_type = 'place' AND l.to_type = 'person' AND l.to_id IN (SELECT id FROM kids) AND l.first_seen <= p.d1 AND l.last_seen >= p.d0)
SELECT place::text AS key, count(DISTINCT kid) AS n FROM visits JOIN place_of_concern pc ON pc.id = visits.place
GROUP BY place HAVING count(DISTINCT kid) > 1;

-- name: locations.hot_spots
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT w.code AS key, count(*) AS n FROM missing_episode m CROSS JOIN p
JOIN ward w ON ST_Within(m.last_seen_geom, w.geom)
WHERE w.district_code = ANY (p.districts) AND m.district_code = ANY (p.districts)
  AND m.reported_at >= timezone('Europe/London', p.d0::timestamp)
  AND m.reported_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
  AND (p.scope = 'district' OR EXISTS (
    SELECT 1 FROM exploitation_event x WHERE x.person_id = m.person_id AND x.kind::text = ANY (p.kinds)
      AND x.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)))
GROUP BY w.code;

-- name: time.hour_of_week
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
instants AS (
  SELECT e.occurred_at AS at FROM exploitation_event e CROSS JOIN p
  WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
    AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
    AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
  UNION ALL
  SELECT m.reported_at FROM missing_episode m CROSS JOIN p
  WHERE m.district_code = ANY (p.districts)
    AND m.reported_at >= timezone('Europe/London', p.d0::timestamp)
    AND m.reported_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
    AND (p.scope = 'district' OR EXISTS (
      SELECT 1 FROM exploitation_event x WHERE x.person_id = m.person_id AND x.kind::text = ANY (p.kinds)
        AND x.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp))))
SELECT extract(isodow FROM timezone('Europe/London', at))::int AS dow,
       extract(hour FROM timezone('Europe/London', at))::int AS hour,
       to_char(timezone('Europe/London', at), 'YYYY-MM') AS month, count(*) AS n
FROM instants GROUP BY 1, 2, 3;

-- name: methods.disruption_actions
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT t.code AS key, count(*) AS n FROM disruption_action a JOIN tactic t ON t.id = a.tactic_id CROSS JOIN p
WHERE p.scope = 'district' AND a.district_code = ANY (p.districts) AND a.proposed_on <= p.d1
  AND (a.ended_on IS NULL OR a.ended_on >= p.d0)
GROUP BY t.code;

-- name: intelligence.grading
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT CASE WHEN r.source_evaluation IS NULL OR r.intelligence_evaluation IS NULL OR r.handling_code IS NULL THEN 'ungraded'
            ELSE concat(r.source_evaluation, r.intelligence_evaluation, r.handling_code) END AS key, count(*) AS n
FROM intelligence_report r CROSS JOIN p
WHERE r.district_code = ANY (p.districts) AND r.status::text <> 'withdrawn'
  AND (p.cats IS NULL OR r.category::text = ANY (p.cats))
  AND r.submitted_at >= timezone('Europe/London', p.d0::timestamp)
  AND r.submitted_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
GROUP BY 1;

-- name: intelligence.source_agency
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT (SELECT ag.kind::text FROM agency ag WHERE ag.id = r.submitting_agency_id) AS key, count(*) AS n
FROM intelligence_report r CROSS JOIN p
WHERE r.district_code = ANY (p.districts) AND r.status::text <> 'withdrawn'
  AND (p.cats IS NULL OR r.category::text = ANY (p.cats))
  AND r.submitted_at >= timezone('Europe/London', p.d0::timestamp)
  AND r.submitted_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
GROUP BY 1;

-- name: intelligence.quality
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope),
kids AS (
  SELECT pe.* FROM person pe CROSS JOIN p WHERE pe.id IN (
    SELECT e.person_id FROM exploitation_event e
    WHERE e.kind::text = ANY (p.kinds) AND e.district_code = ANY (p.districts)
      AND e.occurred_at >= timezone('Europe/London', p.d0::timestamp)
      AND e.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)))
SELECT round(100.0 * sum(CASE WHEN sex = 'U' THEN 1 ELSE 0 END) / nullif(count(*), 0))::int AS sex,
       round(100.0 * sum(CASE WHEN date_of_birth IS NULL THEN 1 ELSE 0 END) / nullif(count(*), 0))::int AS dob,
       round(100.0 * sum(CASE WHEN home_district_code IS NULL THEN 1 ELSE 0 END) / nullif(count(*), 0))::int AS location
FROM kids;

-- name: intelligence.rhi_not_recorded
WITH p AS (SELECT $1::date AS d0, $2::date AS d1, $3::text[] AS districts, $4::text[] AS kinds, $5::text[] AS cats, $6::text[] AS ctypes, $7::text AS scope)
SELECT count(*) AS n FROM missing_episode m CROSS JOIN p
WHERE m.returned_at IS NOT NULL AND m.rhi_completed_at IS NULL AND m.district_code = ANY (p.districts)
  AND m.reported_at >= timezone('Europe/London', p.d0::timestamp)
  AND m.reported_at < timezone('Europe/London', (p.d1 + 1)::timestamp)
  AND (p.scope = 'district' OR EXISTS (
    SELECT 1 FROM exploitation_event x WHERE x.person_id = m.person_id AND x.kind::text = ANY (p.kinds)
      AND x.occurred_at < timezone('Europe/London', (p.d1 + 1)::timestamp)));
