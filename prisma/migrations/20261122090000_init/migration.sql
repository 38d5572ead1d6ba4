-- Lantern core schema. Geometries are stored in WGS84 (EPSG:4326); analysis reprojects to
-- British National Grid (EPSG:27700) on the fly. Every table users edit carries `version` for
-- optimistic concurrency: an update must name the version it read.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "district_kind" AS ENUM ('district', 'unitary');
CREATE TYPE "agency_kind" AS ENUM ('police', 'county_council', 'district_council', 'health', 'education', 'charity', 'other_local_authority', 'other');
CREATE TYPE "role" AS ENUM ('police_analyst', 'missing_coordinator', 'district_officer', 'nsd_attendee', 'admin');
CREATE TYPE "person_kind" AS ENUM ('child', 'associate');
CREATE TYPE "sex" AS ENUM ('M', 'F', 'X', 'U');
CREATE TYPE "care_status" AS ENUM ('home', 'county_care', 'ola_care');
CREATE TYPE "exploitation_risk" AS ENUM ('none', 'low', 'medium', 'high');
CREATE TYPE "place_category" AS ENUM ('takeaway', 'hotel', 'park', 'car_park', 'shop', 'taxi_rank', 'house', 'bus_station', 'rail_station', 'school', 'leisure', 'other');
CREATE TYPE "source_evaluation" AS ENUM ('1', '2', '3');
CREATE TYPE "intelligence_evaluation" AS ENUM ('A', 'B', 'C', 'D', 'E');
CREATE TYPE "handling_code" AS ENUM ('P', 'C');
CREATE TYPE "intelligence_category" AS ENUM ('cse', 'cce', 'county_lines', 'missing', 'trafficking', 'harmful_behaviour', 'location_concern', 'other');
CREATE TYPE "entity_type" AS ENUM ('person', 'place', 'vehicle', 'intelligence_report', 'missing_episode');
CREATE TYPE "link_source_type" AS ENUM ('intelligence_report', 'missing_episode', 'assessment');
CREATE TYPE "link_reliability" AS ENUM ('confirmed', 'probable', 'possible', 'unverified');
CREATE TYPE "police_risk" AS ENUM ('high', 'medium', 'low', 'no_apparent_risk');
CREATE TYPE "rhi_service" AS ENUM ('childrens_social_care', 'family_service', 'adoption_service', 'other_local_authority');
CREATE TYPE "found_location_type" AS ENUM ('friend_or_relative', 'home_address', 'public_place', 'associate_address', 'placement', 'police_station', 'hospital', 'other', 'unknown');

-- Boundaries (open data, ONS). Loaded from data/ by `lantern db migrate`.
CREATE TABLE "district" (
  "code" TEXT PRIMARY KEY CHECK ("code" ~ '^E0[67][0-9]{6}$'),
  "name" TEXT NOT NULL,
  "kind" "district_kind" NOT NULL,
  "geom" geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX "district_geom_idx" ON "district" USING GIST ("geom");

CREATE TABLE "ward" (
  "code" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "vintage" TEXT NOT NULL,
  "geom" geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX "ward_geom_idx" ON "ward" USING GIST ("geom");
CREATE INDEX "ward_district_idx" ON "ward" ("district_code");

CREATE TABLE "lsoa" (
  "code" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "geom" geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX "lsoa_geom_idx" ON "lsoa" USING GIST ("geom");
CREATE INDEX "lsoa_district_idx" ON "lsoa" ("district_code");

-- Identity and access.
CREATE TABLE "agency" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL UNIQUE,
  "kind" "agency_kind" NOT NULL,
  "district_code" TEXT REFERENCES "district" ("code"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE "app_user" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
  "display_name" TEXT NOT NULL,
  "password_hash" TEXT,
  "oidc_issuer" TEXT,
  "oidc_subject" TEXT,
  "agency_id" UUID NOT NULL REFERENCES "agency" ("id"),
  "disabled_at" TIMESTAMPTZ,
  "last_login_at" TIMESTAMPTZ,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email");
CREATE UNIQUE INDEX "app_user_oidc_key" ON "app_user" ("oidc_issuer", "oidc_subject");

CREATE TABLE "user_role" (
  "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
  "role" "role" NOT NULL,
  PRIMARY KEY ("user_id", "role")
);

CREATE TABLE "user_district_scope" (
  "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  PRIMARY KEY ("user_id", "district_code")
);

-- People: children and associates. `pseudonym_ref` is what roles without person-level access see.
CREATE TABLE "person" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "kind" "person_kind" NOT NULL,
  "pseudonym_ref" TEXT NOT NULL UNIQUE,
  "external_ref" TEXT UNIQUE,
  "given_name" TEXT NOT NULL CHECK (length(trim("given_name")) > 0),
  "family_name" TEXT NOT NULL CHECK (length(trim("family_name")) > 0),
  "aliases" TEXT[] NOT NULL DEFAULT '{}',
  "date_of_birth" DATE,
  "sex" "sex" NOT NULL DEFAULT 'U',
  "care_status" "care_status",
  "responsible_authority" TEXT,
  "home_district_code" TEXT REFERENCES "district" ("code"),
  "cse_risk" "exploitation_risk" NOT NULL DEFAULT 'none',
  "cse_flagged_at" DATE,
  "cce_risk" "exploitation_risk" NOT NULL DEFAULT 'none',
  "cce_flagged_at" DATE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("kind" = 'child' OR "care_status" IS NULL),
  CHECK ("cse_risk" = 'none' OR "cse_flagged_at" IS NOT NULL),
  CHECK ("cce_risk" = 'none' OR "cce_flagged_at" IS NOT NULL)
);
CREATE INDEX "person_name_trgm_idx" ON "person" USING GIN (("given_name" || ' ' || "family_name") gin_trgm_ops);
CREATE INDEX "person_home_district_idx" ON "person" ("home_district_code", "kind");
CREATE INDEX "person_dob_idx" ON "person" ("date_of_birth");

-- Places of concern. The district is found spatially by trigger, never typed in.
CREATE TABLE "place_of_concern" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL CHECK (length(trim("name")) > 0),
  "category" "place_category" NOT NULL,
  "address" TEXT,
  "geom" geometry(Point, 4326) NOT NULL,
  "district_code" TEXT REFERENCES "district" ("code"),
  "concern_since" DATE NOT NULL,
  "concern_until" DATE,
  "reasons" TEXT[] NOT NULL DEFAULT '{}',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("concern_until" IS NULL OR "concern_until" >= "concern_since")
);
CREATE INDEX "place_of_concern_geom_idx" ON "place_of_concern" USING GIST ("geom");
CREATE INDEX "place_of_concern_district_idx" ON "place_of_concern" ("district_code");
CREATE INDEX "place_of_concern_name_trgm_idx" ON "place_of_concern" USING GIN ("name" gin_trgm_ops);

CREATE FUNCTION "lantern_district_for_point"(p geometry) RETURNS TEXT
  LANGUAGE sql STABLE AS $$
    SELECT "code" FROM "district" WHERE p IS NOT NULL AND ST_Intersects("geom", p)
    ORDER BY "kind" DESC, "code" LIMIT 1
  $$;

CREATE FUNCTION "lantern_set_district_from_geom"() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    NEW."district_code" := "lantern_district_for_point"(NEW."geom");
    RETURN NEW;
  END $$;

CREATE TRIGGER "place_of_concern_district" BEFORE INSERT OR UPDATE OF "geom" ON "place_of_concern"
  FOR EACH ROW EXECUTE FUNCTION "lantern_set_district_from_geom"();

CREATE TABLE "vehicle" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "registration" TEXT NOT NULL UNIQUE CHECK ("registration" ~ '^[A-Z0-9]{2,8}$'),
  "make" TEXT,
  "model" TEXT,
  "colour" TEXT,
  "notes" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Intelligence (3x5x2). Handling code C must record its conditions.
CREATE TABLE "intelligence_report" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "reference" TEXT NOT NULL UNIQUE,
  "source_evaluation" "source_evaluation" NOT NULL,
  "intelligence_evaluation" "intelligence_evaluation" NOT NULL,
  "handling_code" "handling_code" NOT NULL,
  "handling_conditions" TEXT,
  "category" "intelligence_category" NOT NULL,
  "body" TEXT NOT NULL CHECK (length(trim("body")) > 0),
  "occurred_at" TIMESTAMPTZ,
  "submitted_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "geom" geometry(Point, 4326),
  "district_code" TEXT REFERENCES "district" ("code"),
  "submitting_agency_id" UUID NOT NULL REFERENCES "agency" ("id"),
  "submitted_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("handling_code" = 'P' OR length(trim(coalesce("handling_conditions", ''))) > 0)
);
CREATE INDEX "intelligence_report_geom_idx" ON "intelligence_report" USING GIST ("geom");
CREATE INDEX "intelligence_report_district_time_idx" ON "intelligence_report" ("district_code", "submitted_at");

CREATE TRIGGER "intelligence_report_district" BEFORE INSERT OR UPDATE OF "geom" ON "intelligence_report"
  FOR EACH ROW EXECUTE FUNCTION "lantern_set_district_from_geom"();

-- Missing episodes: the fields of the missing-episodes CSV (ARCHITECTURE.md).
CREATE TABLE "missing_episode" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "episode_ref" TEXT NOT NULL UNIQUE,
  "person_id" UUID NOT NULL REFERENCES "person" ("id"),
  "care_status" "care_status" NOT NULL,
  "police_risk" "police_risk" NOT NULL,
  "reported_at" TIMESTAMPTZ NOT NULL,
  "returned_at" TIMESTAMPTZ,
  "last_seen_geom" geometry(Point, 4326),
  "found_geom" geometry(Point, 4326),
  "found_location_type" "found_location_type",
  "district_code" TEXT REFERENCES "district" ("code"),
  "rhi_service" "rhi_service",
  "rhi_completed_at" TIMESTAMPTZ,
  "mam_held_at" TIMESTAMPTZ,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("returned_at" IS NULL OR "returned_at" >= "reported_at"),
  CHECK ("rhi_completed_at" IS NULL OR ("rhi_service" IS NOT NULL AND "returned_at" IS NOT NULL))
);
CREATE INDEX "missing_episode_person_idx" ON "missing_episode" ("person_id", "reported_at");
CREATE INDEX "missing_episode_reported_idx" ON "missing_episode" ("reported_at");
CREATE INDEX "missing_episode_found_geom_idx" ON "missing_episode" USING GIST ("found_geom");
CREATE INDEX "missing_episode_last_seen_geom_idx" ON "missing_episode" USING GIST ("last_seen_geom");

-- Links between any two entities. A link must cite the record it comes from.
CREATE TABLE "entity_link" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "from_type" "entity_type" NOT NULL,
  "from_id" UUID NOT NULL,
  "to_type" "entity_type" NOT NULL,
  "to_id" UUID NOT NULL,
  "link_type" TEXT NOT NULL CHECK ("link_type" ~ '^[a-z_]+$'),
  "source_type" "link_source_type" NOT NULL,
  "source_id" UUID NOT NULL,
  "first_seen" DATE NOT NULL,
  "last_seen" DATE NOT NULL,
  "reliability" "link_reliability" NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (NOT ("from_type" = "to_type" AND "from_id" = "to_id")),
  CHECK ("last_seen" >= "first_seen")
);
CREATE INDEX "entity_link_from_idx" ON "entity_link" ("from_type", "from_id");
CREATE INDEX "entity_link_to_idx" ON "entity_link" ("to_type", "to_id");
CREATE INDEX "entity_link_source_idx" ON "entity_link" ("source_type", "source_id");

-- Crime events from data.police.uk street files. `id` is the Crime ID, or a deterministic key
-- for rows without one (see packages/domain police-uk.ts).
CREATE TABLE "crime_event" (
  "id" TEXT PRIMARY KEY,
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
  "district_code" TEXT REFERENCES "district" ("code")
);
CREATE INDEX "crime_event_geom_idx" ON "crime_event" USING GIST ("geom");
CREATE INDEX "crime_event_month_type_idx" ON "crime_event" ("month", "crime_type");
CREATE INDEX "crime_event_district_month_idx" ON "crime_event" ("district_code", "month");

-- Append-only audit trail. Each event chains the previous event's hash (tamper evidence).
CREATE TABLE "audit_event" (
  "seq" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  "user_id" UUID REFERENCES "app_user" ("id"),
  "role" "role",
  "action" TEXT NOT NULL,
  "procedure" TEXT,
  "record_type" TEXT,
  "record_ids" TEXT[] NOT NULL DEFAULT '{}',
  "reason" TEXT,
  "details" JSONB NOT NULL DEFAULT '{}',
  "prev_hash" TEXT NOT NULL,
  "hash" TEXT NOT NULL UNIQUE
);
CREATE INDEX "audit_event_record_idx" ON "audit_event" USING GIN ("record_ids");
CREATE INDEX "audit_event_user_idx" ON "audit_event" ("user_id", "at");

CREATE FUNCTION "lantern_audit_append_only"() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
  END $$;

CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "lantern_audit_append_only"();

-- Which bundled open-data files (data/) are loaded, by checksum, so reloading is a no-op.
CREATE TABLE "dataset_load" (
  "name" TEXT PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "rows" INTEGER NOT NULL,
  "loaded_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
