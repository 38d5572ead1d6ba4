import { contextualAssessmentsDue, type Transaction } from '@lantern/db';
import { type AgendaItem, readableDate } from '@lantern/domain';

/**
 * Agenda items for the contextual assessments due on a meeting day in its districts (review
 * date reached, or never reviewed), for NSD meetings and MASE/CCE panels alike. Items name the
 * place or the group and how many members it has, never the members.
 */
export async function dueAssessmentAgendaItems(
  tx: Transaction,
  districtCodes: readonly string[],
  heldOn: string,
): Promise<Array<Pick<AgendaItem, 'key' | 'kind' | 'title' | 'detail'> & { place: AgendaItem['place'] | null }>> {
  const due = await contextualAssessmentsDue(tx, { districtCodes, asOf: heldOn });
  return due.map((assessment) => ({
    key: `${assessment.type === 'location' ? 'location-assessment' : 'peer-assessment'}:${assessment.id}`,
    kind: 'assessment' as const,
    title:
      assessment.type === 'location'
        ? `Location assessment: ${assessment.title}`
        : `Peer-group assessment: ${assessment.title} (${assessment.memberCount} members)`,
    detail: [
      assessment.lastReviewedOn === null
        ? `Not yet reviewed; review date ${readableDate(assessment.reviewOn)}`
        : `Review due ${readableDate(assessment.reviewOn)} (last reviewed ${readableDate(assessment.lastReviewedOn)})`,
      `Owner ${assessment.owner}`,
    ],
    place: null,
  }));
}
