-- MASE and CCE panels (issue 15) minute their agenda items and keep an action log carried from
-- meeting to meeting exactly as NSD meetings do, so the minute and action tables belong to either
-- an NSD meeting or a panel meeting, never both. A panel's action log is the panel's (its forum,
-- read through the meeting that raised the item); panel actions have no district.
ALTER TABLE "nsd_minute" ALTER COLUMN "meeting_id" DROP NOT NULL;
ALTER TABLE "nsd_minute" ADD COLUMN "panel_meeting_id" UUID REFERENCES "panel_meeting" ("id");
ALTER TABLE "nsd_minute" ADD CONSTRAINT "nsd_minute_one_meeting" CHECK (num_nonnulls("meeting_id", "panel_meeting_id") = 1);
CREATE UNIQUE INDEX "nsd_minute_panel_meeting_id_item_key_key" ON "nsd_minute" ("panel_meeting_id", "item_key");

ALTER TABLE "nsd_action_item" ALTER COLUMN "raised_at_meeting_id" DROP NOT NULL;
ALTER TABLE "nsd_action_item" ALTER COLUMN "district_code" DROP NOT NULL;
ALTER TABLE "nsd_action_item" ADD COLUMN "raised_at_panel_meeting_id" UUID REFERENCES "panel_meeting" ("id");
ALTER TABLE "nsd_action_item" ADD CONSTRAINT "nsd_action_item_one_meeting" CHECK (
  ("raised_at_meeting_id" IS NOT NULL AND "district_code" IS NOT NULL AND "raised_at_panel_meeting_id" IS NULL)
  OR ("raised_at_meeting_id" IS NULL AND "district_code" IS NULL AND "raised_at_panel_meeting_id" IS NOT NULL));
CREATE INDEX "nsd_action_item_panel_meeting_idx" ON "nsd_action_item" ("raised_at_panel_meeting_id", "status");
