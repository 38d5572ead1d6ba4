-- Contextual Safeguarding (issue 15): assessments of contexts, not only children. A location
-- assessment is about one place of concern; a peer-group assessment about a group of people and
-- the places they share. Both carry a review date and a version (optimistic concurrency); every
-- version written is kept in `contextual_assessment_review` (the history of reviews).
CREATE TABLE "location_assessment" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "place_id" UUID NOT NULL REFERENCES "place_of_concern" ("id"),
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "times_of_concern" TEXT NOT NULL,
  "guardianship" TEXT NOT NULL,
  "unsafe_factors" TEXT NOT NULL,
  "plan" TEXT NOT NULL,
  "owner" TEXT NOT NULL CHECK (length(btrim("owner")) > 0),
  "review_on" DATE NOT NULL,
  "last_reviewed_on" DATE,
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX "location_assessment_place_idx" ON "location_assessment" ("place_id");
CREATE INDEX "location_assessment_district_idx" ON "location_assessment" ("district_code", "review_on");

CREATE TABLE "peer_group_assessment" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL CHECK (length(btrim("name")) > 0),
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "dynamics" TEXT NOT NULL,
  "safety_plan" TEXT NOT NULL,
  "owner" TEXT NOT NULL CHECK (length(btrim("owner")) > 0),
  "review_on" DATE NOT NULL,
  "last_reviewed_on" DATE,
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX "peer_group_assessment_district_idx" ON "peer_group_assessment" ("district_code", "review_on");

-- Members are people (person-level: every read and change is audited); a merge moves them with
-- the person (a single-column foreign key to person(id)).
CREATE TABLE "peer_group_member" (
  "assessment_id" UUID NOT NULL REFERENCES "peer_group_assessment" ("id") ON DELETE CASCADE,
  "person_id" UUID NOT NULL REFERENCES "person" ("id"),
  PRIMARY KEY ("assessment_id", "person_id")
);
CREATE INDEX "peer_group_member_person_idx" ON "peer_group_member" ("person_id");

CREATE TABLE "peer_group_place" (
  "assessment_id" UUID NOT NULL REFERENCES "peer_group_assessment" ("id") ON DELETE CASCADE,
  "place_id" UUID NOT NULL REFERENCES "place_of_concern" ("id"),
  PRIMARY KEY ("assessment_id", "place_id")
);
CREATE INDEX "peer_group_place_place_idx" ON "peer_group_place" ("place_id");

-- Every version of an assessment as it was written (create and each update), with who and when.
CREATE TABLE "contextual_assessment_review" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "assessment_type" TEXT NOT NULL CHECK ("assessment_type" IN ('location', 'peer_group')),
  "assessment_id" UUID NOT NULL,
  "version" INTEGER NOT NULL,
  "snapshot" JSONB NOT NULL,
  "reviewed" BOOLEAN NOT NULL DEFAULT false,
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT "contextual_assessment_review_version" UNIQUE ("assessment_type", "assessment_id", "version")
);
