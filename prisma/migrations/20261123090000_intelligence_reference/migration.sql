-- References for intelligence submitted through the API, e.g. INT-2026-000123: the London year
-- of submission and a number from this sequence. A sequence (not max()+1) so that concurrent
-- submissions never compete for the same number; gaps after a rolled-back submission are fine.
-- Seeded and imported reports keep their own references (IR-…), so the two never collide.
CREATE SEQUENCE "intelligence_report_reference_seq" AS BIGINT START WITH 1;
