-- `lantern import places` (issue 14): a place from another system keeps that system's id, the
-- natural key of the import, so importing the same file again changes nothing. Places recorded
-- in Lantern have none.
ALTER TABLE "place_of_concern"
  ADD COLUMN "external_ref" TEXT CHECK ("external_ref" IS NULL OR length(trim("external_ref")) > 0);
CREATE UNIQUE INDEX "place_of_concern_external_ref_key" ON "place_of_concern" ("external_ref");
