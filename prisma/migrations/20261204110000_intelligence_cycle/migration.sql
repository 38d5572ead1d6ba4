-- The intelligence cycle (issue 14): partners submit without grading; the police evaluate
-- (3x5x2, history kept), sanitise and develop. A report's status moves as
-- packages/domain/src/intelligence/status.ts allows; a withdrawn report is kept, never deleted.
ALTER TYPE "intelligence_category" ADD VALUE IF NOT EXISTS 'online' BEFORE 'other';
CREATE TYPE "intelligence_status" AS ENUM ('received', 'being_evaluated', 'developed', 'no_further_action', 'withdrawn');

-- Reports already in the database were graded and developed before this workflow existed.
ALTER TABLE "intelligence_report"
  ALTER COLUMN "source_evaluation" DROP NOT NULL,
  ALTER COLUMN "intelligence_evaluation" DROP NOT NULL,
  ALTER COLUMN "handling_code" DROP NOT NULL,
  ADD COLUMN "status" "intelligence_status" NOT NULL DEFAULT 'developed',
  ADD COLUMN "submitter_view" TEXT,
  ADD COLUMN "sanitised_body" TEXT CHECK ("sanitised_body" IS NULL OR length(trim("sanitised_body")) > 0),
  ADD COLUMN "place_id" UUID REFERENCES "place_of_concern" ("id"),
  ADD COLUMN "status_reason" TEXT,
  ADD COLUMN "status_changed_at" TIMESTAMPTZ,
  ADD CONSTRAINT "intelligence_report_graded_whole" CHECK (
    ("source_evaluation" IS NULL) = ("intelligence_evaluation" IS NULL)
    AND ("source_evaluation" IS NULL) = ("handling_code" IS NULL)),
  ADD CONSTRAINT "intelligence_report_developed_graded" CHECK ("status" <> 'developed' OR "handling_code" IS NOT NULL);
ALTER TABLE "intelligence_report" ALTER COLUMN "status" SET DEFAULT 'received';
CREATE INDEX "intelligence_report_status_idx" ON "intelligence_report" ("status", "submitted_at");
CREATE INDEX "intelligence_report_submitter_idx" ON "intelligence_report" ("submitted_by_id", "submitted_at");

-- Every grading, the first and each re-grading, with who and when: the report holds the latest.
CREATE TABLE "intelligence_grading" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "report_id" UUID NOT NULL REFERENCES "intelligence_report" ("id"),
  "source_evaluation" "source_evaluation" NOT NULL,
  "intelligence_evaluation" "intelligence_evaluation" NOT NULL,
  "handling_code" "handling_code" NOT NULL,
  "handling_conditions" TEXT,
  "reason" TEXT,
  "graded_by_id" UUID REFERENCES "app_user" ("id"),
  "graded_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ("handling_code" = 'P' OR length(trim(coalesce("handling_conditions", ''))) > 0)
);
CREATE INDEX "intelligence_grading_report_idx" ON "intelligence_grading" ("report_id", "graded_at");

-- The people a report names, as the submitter wrote them (free text) or chose them (a Lantern
-- person), and the person the analyst matched or created when developing it.
CREATE TABLE "intelligence_subject" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "report_id" UUID NOT NULL REFERENCES "intelligence_report" ("id"),
  "position" INTEGER NOT NULL CHECK ("position" >= 0),
  "name" TEXT,
  "approximate_age" INTEGER CHECK ("approximate_age" BETWEEN 0 AND 120),
  "date_of_birth" DATE,
  "description" TEXT,
  "named_person_id" UUID REFERENCES "person" ("id"),
  "person_id" UUID REFERENCES "person" ("id"),
  "resolution" TEXT CHECK ("resolution" IN ('matched', 'created')),
  UNIQUE ("report_id", "position"),
  CHECK ("name" IS NOT NULL OR "named_person_id" IS NOT NULL),
  CHECK (("person_id" IS NULL) = ("resolution" IS NULL))
);
CREATE INDEX "intelligence_subject_person_idx" ON "intelligence_subject" ("person_id");

CREATE TABLE "intelligence_vehicle" (
  "report_id" UUID NOT NULL REFERENCES "intelligence_report" ("id"),
  "registration" TEXT NOT NULL CHECK ("registration" ~ '^[A-Z0-9]{2,8}$'),
  "vehicle_id" UUID REFERENCES "vehicle" ("id"),
  PRIMARY KEY ("report_id", "registration")
);

-- Attachments: images or PDF, the type decided by the bytes (packages/domain attachments.ts).
CREATE TABLE "intelligence_attachment" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "report_id" UUID NOT NULL REFERENCES "intelligence_report" ("id"),
  "file_name" TEXT NOT NULL CHECK (length(trim("file_name")) > 0),
  "media_type" TEXT NOT NULL CHECK ("media_type" IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
  "size_bytes" INTEGER NOT NULL CHECK ("size_bytes" BETWEEN 1 AND 2097152),
  "content" BYTEA NOT NULL,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (octet_length("content") = "size_bytes")
);
CREATE INDEX "intelligence_attachment_report_idx" ON "intelligence_attachment" ("report_id");
