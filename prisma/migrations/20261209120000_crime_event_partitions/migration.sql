-- Crime events partitioned by month (declarative RANGE partitioning on "month"), on both backends.
-- A police.uk file is one month (or a few): its import touches only its months' partitions, so
-- upserting a republished month probes that partition's key index and nothing else, and every
-- query with a month filter is pruned to the months it asks for. A partition per month is made on
-- demand by lantern_crime_event_partition (the import and the seed call it before they write); a
-- row of a month without one lands in the DEFAULT partition and is moved when the month gets it.
-- A partitioned table's keys must hold the partition key, so the key is ("id", "month"): a
-- police.uk Crime ID belongs to the month it was reported in, and Lantern's own keys hash the month.

-- The populated table is renamed aside, its rows moved into the partitioned one, then dropped.
-- Its indexes go first: their names (and the key's) belong to the new table.
ALTER TABLE "crime_event" RENAME TO "crime_event_unpartitioned";
ALTER TABLE "crime_event_unpartitioned" DROP CONSTRAINT "crime_event_pkey";
DROP INDEX "crime_event_geom_idx";
DROP INDEX "crime_event_month_type_idx";
DROP INDEX "crime_event_district_month_idx";

CREATE TABLE "crime_event" (
  "id" TEXT NOT NULL,
  "crime_id" TEXT,
  "month" DATE NOT NULL CHECK (extract(day FROM "month") = 1),
  "reported_by" TEXT NOT NULL,
  "falls_within" TEXT NOT NULL,
  "geom" geometry(Point, 4326),
  "location" TEXT,
  "lsoa_code" TEXT,
  "lsoa_name" TEXT,
  "crime_type" TEXT NOT NULL,
  "outcome" TEXT,
  "context" TEXT,
  "district_code" TEXT REFERENCES "district" ("code"),
  CONSTRAINT "crime_event_pkey" PRIMARY KEY ("id", "month")
) PARTITION BY RANGE ("month");
CREATE INDEX "crime_event_geom_idx" ON "crime_event" USING GIST ("geom");
CREATE INDEX "crime_event_month_type_idx" ON "crime_event" ("month", "crime_type");
CREATE INDEX "crime_event_district_month_idx" ON "crime_event" ("district_code", "month");
CREATE TABLE "crime_event_default" PARTITION OF "crime_event" DEFAULT;

-- Makes the partition of the month holding `day` (crime_event_YYYY_MM) unless it exists. Rows of
-- that month already in the DEFAULT partition are moved into it first, since a partition cannot
-- be attached while the default holds rows of its range. Writers call this in their transaction;
-- the advisory lock keeps two writers from making the same partition at once.
CREATE FUNCTION "lantern_crime_event_partition"(day DATE) RETURNS VOID
  LANGUAGE plpgsql AS $$
  DECLARE
    first_day DATE := date_trunc('month', day)::date;
    next_day DATE := (date_trunc('month', day) + INTERVAL '1 month')::date;
    partition_name TEXT := 'crime_event_' || to_char(day, 'YYYY_MM');
  BEGIN
    IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('lantern_crime_event_partition'));
    IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
      RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE "crime_event" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
    EXECUTE format(
      'WITH moved AS (DELETE FROM "crime_event_default" WHERE "month" >= $1 AND "month" < $2 RETURNING *)
       INSERT INTO %I SELECT * FROM moved',
      partition_name)
      USING first_day, next_day;
    EXECUTE format('ALTER TABLE "crime_event" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      partition_name, first_day, next_day);
  END $$;

SELECT "lantern_crime_event_partition"("month")
FROM (SELECT DISTINCT "month" FROM "crime_event_unpartitioned") AS "months";
INSERT INTO "crime_event" ("id", "crime_id", "month", "reported_by", "falls_within", "geom", "location", "lsoa_code",
                           "lsoa_name", "crime_type", "outcome", "context", "district_code")
SELECT "id", "crime_id", "month", "reported_by", "falls_within", "geom", "location", "lsoa_code", "lsoa_name",
       "crime_type", "outcome", "context", "district_code"
FROM "crime_event_unpartitioned";
DROP TABLE "crime_event_unpartitioned";

-- The map tiles' stale-month marks (migration 20261201090000_crime_tile_cells) went with the old
-- table; the rows moved unchanged, so crime_tile_cell still matches and nothing is marked. A
-- statement trigger on a partitioned table sees the rows of every partition a statement touched.
CREATE TRIGGER "crime_event_marks_tiles_stale_insert" AFTER INSERT ON "crime_event"
  REFERENCING NEW TABLE AS lantern_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();
CREATE TRIGGER "crime_event_marks_tiles_stale_update" AFTER UPDATE ON "crime_event"
  REFERENCING OLD TABLE AS lantern_old_rows NEW TABLE AS lantern_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();
CREATE TRIGGER "crime_event_marks_tiles_stale_delete" AFTER DELETE ON "crime_event"
  REFERENCING OLD TABLE AS lantern_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();
