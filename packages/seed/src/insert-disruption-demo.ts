import { bulkInsert, type Sql } from '@lantern/db';
import type { SynthDisruptionData } from '@lantern/synth';

/**
 * Loads the demo's disruption actions (with their status history), NSD meetings, minutes and
 * action log items (packages/synth `generateDisruption`). Tactics are looked up by code in the
 * catalogue the migration seeded.
 */
export async function insertDisruptionDemo(sql: Sql, data: SynthDisruptionData): Promise<Record<string, number>> {
  const disruptionActions = await bulkInsert(sql, 'disruption_action', data.actions, [
    { column: 'id', type: 'uuid', value: (a) => a.id },
    {
      column: 'tactic_id',
      type: 'text',
      value: (a) => a.tacticCode,
      select: (alias) => `(SELECT t.id FROM tactic t WHERE t.code = ${alias})`,
    },
    { column: 'target_type', type: 'disruption_target_type', value: (a) => a.targetType },
    { column: 'target_place_id', type: 'uuid', value: (a) => a.targetPlaceId },
    { column: 'target_person_id', type: 'uuid', value: (a) => a.targetPersonId },
    { column: 'holder_agency_id', type: 'uuid', value: (a) => a.holderAgencyId },
    { column: 'owner_id', type: 'uuid', value: (a) => a.ownerId },
    { column: 'district_code', type: 'text', value: (a) => a.districtCode },
    { column: 'status', type: 'disruption_status', value: (a) => a.status },
    { column: 'outcome', type: 'disruption_outcome', value: (a) => a.outcome },
    { column: 'proposed_on', type: 'date', value: (a) => a.proposedOn },
    { column: 'agreed_on', type: 'date', value: (a) => a.agreedOn },
    { column: 'in_force_from', type: 'date', value: (a) => a.inForceFrom },
    { column: 'review_on', type: 'date', value: (a) => a.reviewOn },
    { column: 'expires_on', type: 'date', value: (a) => a.expiresOn },
    { column: 'ended_on', type: 'date', value: (a) => a.endedOn },
    { column: 'notes', type: 'text', value: (a) => a.notes },
    { column: 'created_by_id', type: 'uuid', value: (a) => a.ownerId },
    { column: 'version', type: 'int4', value: (a) => a.history.length },
  ]);
  const changes = data.actions.flatMap((action) =>
    action.history.map((change) => ({ ...change, actionId: action.id, userId: action.ownerId })),
  );
  await bulkInsert(sql, 'disruption_status_change', changes, [
    { column: 'action_id', type: 'uuid', value: (c) => c.actionId },
    { column: 'from_status', type: 'disruption_status', value: (c) => c.from },
    { column: 'to_status', type: 'disruption_status', value: (c) => c.to },
    { column: 'changed_by_id', type: 'uuid', value: (c) => c.userId },
    { column: 'reason', type: 'text', value: (c) => c.reason },
    { column: 'changed_at', type: 'timestamptz', value: (c) => c.at },
  ]);
  const nsdMeetings = await bulkInsert(sql, 'nsd_meeting', data.meetings, [
    { column: 'id', type: 'uuid', value: (m) => m.id },
    { column: 'district_code', type: 'text', value: (m) => m.districtCode },
    { column: 'held_on', type: 'date', value: (m) => m.heldOn },
    { column: 'chair', type: 'text', value: (m) => m.chair },
    { column: 'attendees', type: 'text', value: (m) => JSON.stringify(m.attendees), select: textArray },
    { column: 'agencies', type: 'text', value: (m) => JSON.stringify(m.agencies), select: textArray },
  ]);
  await bulkInsert(sql, 'nsd_minute', data.minutes, [
    { column: 'meeting_id', type: 'uuid', value: (m) => m.meetingId },
    { column: 'item_key', type: 'text', value: (m) => m.itemKey },
    { column: 'item_title', type: 'text', value: (m) => m.itemTitle },
    { column: 'text', type: 'text', value: (m) => m.text },
  ]);
  const nsdActionItems = await bulkInsert(sql, 'nsd_action_item', data.actionItems, [
    { column: 'id', type: 'uuid', value: (i) => i.id },
    { column: 'district_code', type: 'text', value: (i) => i.districtCode },
    { column: 'raised_at_meeting_id', type: 'uuid', value: (i) => i.raisedAtMeetingId },
    { column: 'description', type: 'text', value: (i) => i.description },
    { column: 'owner', type: 'text', value: (i) => i.owner },
    { column: 'agency', type: 'text', value: (i) => i.agency },
    { column: 'due_on', type: 'date', value: (i) => i.dueOn },
    { column: 'status', type: 'nsd_action_status', value: (i) => i.status },
    { column: 'closed_on', type: 'date', value: (i) => i.closedOn },
    { column: 'update_note', type: 'text', value: (i) => i.updateNote },
  ]);
  return { disruptionActions, nsdMeetings, nsdActionItems };
}

/** unnest flattens arrays of arrays, so list columns travel as JSON text (as in seed-database.ts). */
const textArray = (alias: string) => `ARRAY(SELECT jsonb_array_elements_text(${alias}::jsonb))`;
