-- Problem profiles (issue 16): an analyst's document built from live records. A profile has
-- versions; each version stores its terms of reference, the figures computed for them (a snapshot,
-- so an approved version reads exactly as it was approved) and the analyst's writing. A version
-- moves draft -> for_review -> approved; an approved version is immutable, here as in the app.
CREATE TABLE "problem_profile" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "title" TEXT NOT NULL,
  "scope" TEXT NOT NULL CHECK ("scope" IN ('cse', 'cce', 'county_lines', 'place', 'district', 'network')),
  "district_codes" TEXT[] NOT NULL DEFAULT '{}',
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);

CREATE TABLE "problem_profile_version" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "profile_id" UUID NOT NULL REFERENCES "problem_profile" ("id"),
  "version" INTEGER NOT NULL CHECK ("version" >= 1),
  "status" TEXT NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'for_review', 'approved')),
  "terms" JSONB NOT NULL,
  "figures" JSONB NOT NULL,
  -- The figures this version's "what changed" view compares against: those before the last
  -- refresh, or the previous version's when the version was started from it.
  "previous_figures" JSONB,
  "writing" JSONB NOT NULL,
  -- Optimistic concurrency: every change bumps it; a write against an older revision is a CONFLICT.
  "revision" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "submitted_by_id" UUID REFERENCES "app_user" ("id"),
  "submitted_at" TIMESTAMPTZ(6),
  "approved_by_id" UUID REFERENCES "app_user" ("id"),
  "approved_at" TIMESTAMPTZ(6),
  "returned_by_id" UUID REFERENCES "app_user" ("id"),
  "returned_at" TIMESTAMPTZ(6),
  "returned_reason" TEXT,
  CONSTRAINT "problem_profile_version_profile_version_key" UNIQUE ("profile_id", "version"),
  CONSTRAINT "problem_profile_version_approval" CHECK (
    ("status" = 'approved') = ("approved_at" IS NOT NULL AND "approved_by_id" IS NOT NULL)),
  -- The second pair of eyes, in SQL too: the approver is neither the author nor the submitter.
  CONSTRAINT "problem_profile_version_second_analyst" CHECK (
    "approved_by_id" IS NULL
    OR ("approved_by_id" IS DISTINCT FROM "created_by_id" AND "approved_by_id" IS DISTINCT FROM "submitted_by_id"))
);
CREATE INDEX "problem_profile_version_status_idx" ON "problem_profile_version" ("status", "profile_id");

-- An approved version is immutable: no UPDATE or DELETE of an approved row, whoever asks.
CREATE FUNCTION "lantern_profile_version_approved_immutable"() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'problem profile version % of % is approved and cannot be changed', OLD.version, OLD.profile_id
      USING ERRCODE = 'insufficient_privilege';
  END;
  $$;
CREATE TRIGGER "problem_profile_version_approved_immutable" BEFORE UPDATE OR DELETE ON "problem_profile_version"
  FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "lantern_profile_version_approved_immutable"();
