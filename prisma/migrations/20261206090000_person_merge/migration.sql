-- Duplicate people (issue 14): an analyst may merge one person record into another, and undo it.
-- The merged-away person is kept, marked with the survivor it was merged into and hidden from
-- searches and lists; `person_merge` holds what the merge moved so that undoing it is exact.
ALTER TABLE "person" ADD COLUMN "merged_into_id" UUID REFERENCES "person" ("id");
CREATE INDEX "person_merged_into_idx" ON "person" ("merged_into_id") WHERE "merged_into_id" IS NOT NULL;

-- One row per merge in force; undoing the merge deletes it (the audit trail keeps both events).
-- `merged_person` is the merged-away person's full row as it was before the merge; `moved` lists,
-- per table and column, the primary keys of the rows whose person reference moved to the survivor
-- and any value the move had to change besides (a Philomena profile's number).
CREATE TABLE "person_merge" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "survivor_id" UUID NOT NULL REFERENCES "person" ("id"),
  "merged_id" UUID NOT NULL UNIQUE REFERENCES "person" ("id"),
  "reason" TEXT NOT NULL CHECK (length(btrim("reason")) > 0),
  "merged_person" JSONB NOT NULL,
  "moved" JSONB NOT NULL,
  "merged_by_id" UUID REFERENCES "app_user" ("id"),
  "merged_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  CHECK ("survivor_id" <> "merged_id")
);
CREATE INDEX "person_merge_survivor_idx" ON "person_merge" ("survivor_id");
