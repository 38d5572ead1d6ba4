import type { MissingReport } from './missing-report-schema.ts';

/**
 * The figures of the hand-built 2024/25 year, worked out by hand in compute-missing-report.test.ts
 * (the episodes and the working are there); the CLI integration test reports the same year
 * imported from CSV and must get the same.
 */
export const handBuiltYearReport: MissingReport = {
  period: { from: '2024-04-01', to: '2025-03-31' },
  notifications: 7,
  individuals: 6,
  sexRatio: { male: 75, female: 25 },
  ageRange: { p25: 13, p75: 16 },
  fromHome: { individuals: 4, episodes: 4 },
  fromCareCounty: { individuals: 1, episodes: 1 },
  fromCareOtherLA: { individuals: 1, episodes: 2 },
  returnInterviews: {
    required: 5,
    requiredPct: 71,
    byService: {
      childrens_social_care: { required: 2, requiredShare: 40, completed: 2, completedPct: 100, completedWithin72h: 1 },
      family_service: { required: 1, requiredShare: 20, completed: 1, completedPct: 100, completedWithin72h: 1 },
      adoption_service: { required: 0, requiredShare: 0, completed: 0, completedPct: 0, completedWithin72h: 0 },
      other_local_authority: { required: 2, requiredShare: 40, completed: 1, completedPct: 50, completedWithin72h: 1 },
    },
  },
  multiAgencyMeetings: { required: 3, requiredPct: 43, held: 1, heldPct: 33 },
};
