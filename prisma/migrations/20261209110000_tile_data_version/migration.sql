-- The version of each map tile layer's data (packages/db/src/data-version.ts). A cached tile is
-- keyed by it, so every write that can change a tile bumps its layer's row in the same
-- transaction: the new version becomes visible exactly when the new data does, and a tile
-- rendered after reading a version is never older than it.
CREATE TABLE "tile_data_version" (
    "layer" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT "tile_data_version_pkey" PRIMARY KEY ("layer")
);
INSERT INTO "tile_data_version" ("layer") VALUES ('crime'), ('intelligence'), ('missing-last-seen'), ('missing-found');

-- Statement-level: a bulk load bumps once, not once per row. TG_ARGV names the layers.
CREATE FUNCTION lantern_bump_tile_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tile_data_version SET version = version + 1 WHERE layer = ANY(TG_ARGV);
  RETURN NULL;
END
$$;

CREATE TRIGGER "intelligence_report_bumps_tile_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "intelligence_report" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_tile_data_version('intelligence');
CREATE TRIGGER "missing_episode_bumps_tile_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "missing_episode" FOR EACH STATEMENT
  EXECUTE FUNCTION lantern_bump_tile_data_version('missing-last-seen', 'missing-found');

-- Crime: every statement on crime_event (the parent) already marks its months stale through this
-- function, so it bumps the crime version too. Writers that reach a partition directly, or
-- TRUNCATE one, do not fire the parent's triggers: the police.uk import, the seed and the
-- tile-cell refresh bump the crime version explicitly (bumpDataVersion).
CREATE OR REPLACE FUNCTION lantern_mark_crime_months_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM lantern_new_rows
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM lantern_old_rows
      ON CONFLICT DO NOTHING;
  END IF;
  UPDATE tile_data_version SET version = version + 1 WHERE layer = 'crime';
  RETURN NULL;
END
$$;
