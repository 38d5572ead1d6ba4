import type { InterviewRow } from '@lantern/db';
import type { ReturnInterview } from '@lantern/domain';

export const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** A Return Home Interview as the API shows it. */
export function toReturnInterview(row: InterviewRow): ReturnInterview {
  return {
    id: row.id,
    episodeId: row.episodeId,
    service: row.service,
    offeredAt: iso(row.offeredAt),
    acceptedAt: iso(row.acceptedAt),
    declinedAt: iso(row.declinedAt),
    completedAt: iso(row.completedAt),
    disclosed: {
      sexualExploitation: row.disclosedSexualExploitation,
      criminalExploitation: row.disclosedCriminalExploitation,
      adultsPosingRisk: row.disclosedAdultsPosingRisk,
      offending: row.disclosedOffending,
    },
    pushFactors: row.pushFactors,
    pullFactors: row.pullFactors,
    notes: row.notes,
    version: row.version,
  };
}
