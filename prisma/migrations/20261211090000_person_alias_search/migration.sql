-- A name search finds people through trigram indexes instead of comparing the name with every
-- person in scope (packages/db/src/people.ts). Aliases get a table of their own, one row per
-- alias, kept from `person.aliases` by trigger, so that an alias has a trigram index too.
CREATE TABLE "person_alias" (
  "person_id" UUID NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE,
  "alias" TEXT NOT NULL,
  PRIMARY KEY ("person_id", "alias")
);
CREATE INDEX "person_alias_trgm_idx" ON "person_alias" USING GIN ("alias" gin_trgm_ops) WITH (fastupdate = off);

CREATE FUNCTION "person_alias_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "person_alias" WHERE "person_id" = NEW."id";
  END IF;
  INSERT INTO "person_alias" ("person_id", "alias")
    SELECT DISTINCT NEW."id", alias FROM unnest(NEW."aliases") AS alias WHERE alias IS NOT NULL;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "person_alias_on_insert" AFTER INSERT ON "person"
  FOR EACH ROW WHEN (cardinality(NEW."aliases") > 0) EXECUTE FUNCTION "person_alias_sync"();
CREATE TRIGGER "person_alias_on_update" AFTER UPDATE OF "aliases" ON "person"
  FOR EACH ROW WHEN (OLD."aliases" IS DISTINCT FROM NEW."aliases") EXECUTE FUNCTION "person_alias_sync"();

INSERT INTO "person_alias" ("person_id", "alias")
  SELECT DISTINCT p."id", alias FROM "person" p CROSS JOIN LATERAL unnest(p."aliases") AS alias WHERE alias IS NOT NULL;

-- Without the pending list a GIN index answers a search from its tree alone, so a search just
-- after a bulk load (a seed, an import) does not read through thousands of pending entries.
-- People are written one by one or in small batches, where the list saves little.
ALTER INDEX "person_name_trgm_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('person_name_trgm_idx');

-- The planner prices a C function at 1 × cpu_operator_cost unless told otherwise, so it judged
-- comparing a name with every person (a sequential scan) about as cheap as the trigram index. One
-- trigram comparison of two names takes about 4 µs, some 100 × cpu_operator_cost; with that cost
-- known the index is chosen on both backends. Where the migrating role does not own pg_trgm's
-- functions, they keep their default cost and searches stay correct, only slower.
DO $$
BEGIN
  ALTER FUNCTION similarity(text, text) COST 100;
  ALTER FUNCTION similarity_op(text, text) COST 100;
  ALTER FUNCTION word_similarity(text, text) COST 100;
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm''s functions keep their default cost: %', SQLERRM;
END;
$$;

-- Every Lantern connection sets pg_trgm.word_similarity_threshold to 0.5 as it opens
-- (session-settings.ts). The database's own default says the same, for server connections that a
-- pooler in transaction mode hands out without replaying that SET. Where the migrating role does
-- not own the database, the connections' SET alone holds.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET pg_trgm.word_similarity_threshold = 0.5', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'the database keeps pg_trgm''s default word-similarity threshold: %', SQLERRM;
END;
$$;
