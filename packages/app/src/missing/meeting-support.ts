import { getMissingThresholds, type ThresholdsRow, type Transaction } from '@lantern/db';
import type { MamThresholds } from '@lantern/domain';

/**
 * The multi-agency meeting thresholds in force: the one reader, for the report, the quarterly
 * figures and the list of meetings needed. The settings row is inserted by the migration that
 * creates it and can only be updated, so a database without it is refused, not given defaults.
 */
export async function loadMamThresholds(tx: Transaction): Promise<MamThresholds> {
  return mamThresholdsOf(await getMissingThresholds(tx));
}

export function mamThresholdsOf(row: ThresholdsRow): MamThresholds {
  return { durationHours: row.mamDurationHours, repeatCount: row.mamRepeatCount, windowDays: row.mamWindowDays };
}

export function toThresholds(row: ThresholdsRow) {
  return {
    mamDurationHours: row.mamDurationHours,
    mamRepeatCount: row.mamRepeatCount,
    mamWindowDays: row.mamWindowDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
