-- Audit events are appended without a lock and sealed in signed batches (packages/db/src/audit.ts):
-- a new event carries its own leaf hash and no prev_hash, and waits in audit_pending until sealed.
ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" DROP NOT NULL;

CREATE TABLE "audit_pending" (
  "seq" BIGINT PRIMARY KEY
);

CREATE TABLE "audit_batch" (
  "batch" BIGINT PRIMARY KEY,
  "sealed_at" TIMESTAMPTZ NOT NULL,
  "event_seqs" BIGINT[] NOT NULL,
  "root" TEXT NOT NULL,
  "prev_head" TEXT NOT NULL,
  "head" TEXT NOT NULL UNIQUE,
  "signature" TEXT NOT NULL
);

-- The same refusal for both tables, naming the table.
CREATE OR REPLACE FUNCTION "lantern_audit_append_only"() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END $$;

CREATE TRIGGER "audit_batch_append_only" BEFORE UPDATE OR DELETE ON "audit_batch"
  FOR EACH ROW EXECUTE FUNCTION "lantern_audit_append_only"();
