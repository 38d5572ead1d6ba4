/**
 * The word similarity above which a name search finds a word inside a longer name ("Hargrave" in
 * "Maximilian Hargreaves"). pg_trgm's `<%`, which its trigram index serves, compares against the
 * session's `pg_trgm.word_similarity_threshold` (0.6 by default), so every connection sets it.
 */
export const wordSimilarityThreshold = 0.5;

/**
 * Run on every connection as it opens, before any other statement (both backends). JIT is off:
 * PostgreSQL compiles a query with LLVM once its estimated cost passes `jit_above_cost`, and
 * Lantern's queries that do (a duplicate search, whose disabled nested loops inflate its cost; the
 * early-identification query's geography join) spent 2–2.6 s compiling per call against
 * milliseconds of work. PGlite has no JIT; the setting is accepted there and changes nothing.
 */
export const sessionSettingsSql = `SET pg_trgm.word_similarity_threshold = ${wordSimilarityThreshold}; SET jit = off`;
