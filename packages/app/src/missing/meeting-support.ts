import type { ThresholdsRow } from '@lantern/db';
import type { MamThresholds } from '@lantern/domain';

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
