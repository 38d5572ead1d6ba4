-- The version of each answer the API keeps in memory besides tiles (packages/db/src/districts.ts).
-- Every statement that can change an answer bumps its row in its own transaction, so a reader
-- that reads the version before computing the answer never keeps an answer older than the version.
CREATE TABLE "read_model_version" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT "read_model_version_pkey" PRIMARY KEY ("name")
);
INSERT INTO "read_model_version" ("name") VALUES ('district-counts');

-- Statement-level: a bulk load bumps once, not once per row. TG_ARGV names the answers.
CREATE FUNCTION lantern_bump_read_model_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE read_model_version SET version = version + 1 WHERE name = ANY(TG_ARGV);
  RETURN NULL;
END
$$;

-- The district overview counts places of concern, intelligence reports, missing episodes and
-- flagged children by district.
CREATE TRIGGER "district_bumps_read_models" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "district" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
CREATE TRIGGER "place_of_concern_bumps_read_models" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "place_of_concern" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
CREATE TRIGGER "intelligence_report_bumps_read_models" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "intelligence_report" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
CREATE TRIGGER "missing_episode_bumps_read_models" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "missing_episode" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
-- People: only the columns the count reads, so editing a name or a note does not queue every
-- person write on this one row.
CREATE TRIGGER "person_bumps_read_models" AFTER INSERT OR DELETE OR TRUNCATE
  ON "person" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
CREATE TRIGGER "person_counted_columns_bump_read_models"
  AFTER UPDATE OF "kind", "home_district_code", "merged_into_id", "cse_risk", "cce_risk"
  ON "person" FOR EACH STATEMENT EXECUTE FUNCTION lantern_bump_read_model_version('district-counts');
