/**
 * The word similarity above which a name search finds a word inside a longer name ("Hargrave" in
 * "Maximilian Hargreaves"). pg_trgm's `<%`, which its trigram index serves, compares against the
 * session's `pg_trgm.word_similarity_threshold` (0.6 by default), so every connection sets it.
 */
export const wordSimilarityThreshold = 0.5;

/** Run on every connection as it opens, before any other statement (both backends). */
export const sessionSettingsSql = `SET pg_trgm.word_similarity_threshold = ${wordSimilarityThreshold}`;
