-- The missing-children workflow (issue 5): risk re-gradings, the return and closing of an episode,
-- Return Home Interviews, multi-agency meetings, the admin's MAM thresholds and Philomena profiles.
-- The summary columns of missing_episode (rhi_service, rhi_completed_at, mam_held_at) stay: the
-- committee report and the CSV import read them, and the services keep them in step with the
-- detail tables below in the same transaction.

ALTER TABLE "missing_episode"
  ADD COLUMN "found_by" TEXT CHECK ("found_by" IS NULL OR length(trim("found_by")) > 0),
  ADD COLUMN "return_notes" TEXT,
  ADD COLUMN "closed_at" TIMESTAMPTZ,
  ADD COLUMN "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  ADD CONSTRAINT "missing_episode_closed_after_return" CHECK ("closed_at" IS NULL OR ("returned_at" IS NOT NULL AND "closed_at" >= "returned_at"));
CREATE INDEX "missing_episode_returned_idx" ON "missing_episode" ("returned_at") WHERE "rhi_completed_at" IS NULL;

-- Every change of the police risk level during an episode: who, when and why.
CREATE TABLE "missing_risk_grading" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "episode_id" UUID NOT NULL REFERENCES "missing_episode" ("id") ON DELETE CASCADE,
  "from_risk" "police_risk" NOT NULL,
  "to_risk" "police_risk" NOT NULL,
  "graded_at" TIMESTAMPTZ NOT NULL,
  "graded_by_id" UUID REFERENCES "app_user" ("id"),
  "reason" TEXT NOT NULL CHECK (length(trim("reason")) > 0),
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("from_risk" <> "to_risk")
);
CREATE INDEX "missing_risk_grading_episode_idx" ON "missing_risk_grading" ("episode_id", "graded_at");

-- One Return Home Interview per episode, offered by the responsible service.
CREATE TABLE "return_home_interview" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "episode_id" UUID NOT NULL UNIQUE REFERENCES "missing_episode" ("id") ON DELETE CASCADE,
  "service" "rhi_service" NOT NULL,
  "offered_at" TIMESTAMPTZ,
  "accepted_at" TIMESTAMPTZ,
  "declined_at" TIMESTAMPTZ,
  "completed_at" TIMESTAMPTZ,
  "disclosed_sexual_exploitation" BOOLEAN NOT NULL DEFAULT false,
  "disclosed_criminal_exploitation" BOOLEAN NOT NULL DEFAULT false,
  "disclosed_adults_posing_risk" BOOLEAN NOT NULL DEFAULT false,
  "disclosed_offending" BOOLEAN NOT NULL DEFAULT false,
  "push_factors" TEXT[] NOT NULL DEFAULT '{}',
  "pull_factors" TEXT[] NOT NULL DEFAULT '{}',
  "notes" TEXT,
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("accepted_at" IS NULL OR "declined_at" IS NULL),
  CHECK ("completed_at" IS NULL OR "declined_at" IS NULL)
);

-- Multi-agency meetings held for a child, citing the episode whose trigger they answer.
CREATE TABLE "multi_agency_meeting" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "person_id" UUID NOT NULL REFERENCES "person" ("id"),
  "episode_id" UUID REFERENCES "missing_episode" ("id") ON DELETE SET NULL,
  "trigger" TEXT NOT NULL CHECK ("trigger" IN ('duration', 'repeat', 'duration_and_repeat', 'professional_concern')),
  "held_at" TIMESTAMPTZ NOT NULL,
  "attendees" TEXT[] NOT NULL DEFAULT '{}',
  "outcome" TEXT NOT NULL CHECK (length(trim("outcome")) > 0),
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX "multi_agency_meeting_person_idx" ON "multi_agency_meeting" ("person_id", "held_at");
CREATE INDEX "multi_agency_meeting_episode_idx" ON "multi_agency_meeting" ("episode_id");

-- The local protocol's MAM thresholds, set by an administrator: one row.
CREATE TABLE "missing_settings" (
  "id" SMALLINT PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "mam_duration_hours" INTEGER NOT NULL DEFAULT 72 CHECK ("mam_duration_hours" BETWEEN 1 AND 720),
  "mam_repeat_count" INTEGER NOT NULL DEFAULT 3 CHECK ("mam_repeat_count" BETWEEN 2 AND 50),
  "mam_window_days" INTEGER NOT NULL DEFAULT 90 CHECK ("mam_window_days" BETWEEN 1 AND 730),
  "updated_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO "missing_settings" ("id") VALUES (1);

-- Philomena Protocol profiles: every save is a new version of the child's profile, so the
-- profile the police were given on any day can be shown again. The photo lives in the row.
CREATE TABLE "philomena_profile" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "person_id" UUID NOT NULL REFERENCES "person" ("id"),
  "profile_version" INTEGER NOT NULL CHECK ("profile_version" >= 1),
  "description" TEXT NOT NULL CHECK (length(trim("description")) > 0),
  "photo" BYTEA,
  "photo_content_type" TEXT CHECK ("photo_content_type" IN ('image/jpeg', 'image/png', 'image/webp')),
  "vulnerabilities" TEXT[] NOT NULL DEFAULT '{}',
  "phones" TEXT[] NOT NULL DEFAULT '{}',
  "social_media" TEXT[] NOT NULL DEFAULT '{}',
  "transport" TEXT,
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE ("person_id", "profile_version"),
  CHECK (("photo" IS NULL) = ("photo_content_type" IS NULL)),
  CHECK ("photo" IS NULL OR octet_length("photo") <= 1048576)
);

-- Friends, associates and family in a profile: Lantern people, with the relationship.
CREATE TABLE "philomena_profile_person" (
  "profile_id" UUID NOT NULL REFERENCES "philomena_profile" ("id") ON DELETE CASCADE,
  "person_id" UUID NOT NULL REFERENCES "person" ("id"),
  "relationship" TEXT NOT NULL CHECK (length(trim("relationship")) > 0),
  PRIMARY KEY ("profile_id", "person_id")
);

-- Addresses and places the child may go: Lantern places of concern, with why.
CREATE TABLE "philomena_profile_place" (
  "profile_id" UUID NOT NULL REFERENCES "philomena_profile" ("id") ON DELETE CASCADE,
  "place_id" UUID NOT NULL REFERENCES "place_of_concern" ("id"),
  "note" TEXT NOT NULL CHECK (length(trim("note")) > 0),
  PRIMARY KEY ("profile_id", "place_id")
);

-- Part 2 of the Philomena form, completed when the child goes missing.
CREATE TABLE "philomena_episode" (
  "episode_id" UUID PRIMARY KEY REFERENCES "missing_episode" ("id") ON DELETE CASCADE,
  "clothing" TEXT NOT NULL CHECK (length(trim("clothing")) > 0),
  "last_seen_description" TEXT NOT NULL CHECK (length(trim("last_seen_description")) > 0),
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
