import { z } from 'zod';
import { nsdActionStatuses } from '../disruption/vocabulary.ts';
import { districtCode, id, limit, plannedDate, text, version } from './common.ts';
import { disruptionAction, disruptionMapFeature } from './disruption.ts';
import { person } from './people.ts';
import { atLeastOneChange } from './tactics.ts';

/** Neighbourhood Safeguarding and Disruption meetings: agenda, minutes, action log and pack. */
const districtRef = z.object({ code: z.string(), name: z.string() });
const names = z.array(text(200)).max(60, 'must list at most 60 names');

export const nsdMeeting = z.object({
  id: z.uuid(),
  district: districtRef,
  heldOn: z.string(),
  chair: z.string().nullable(),
  attendees: z.array(z.string()),
  agencies: z.array(z.string()),
  version: z.int(),
});
export type NsdMeeting = z.infer<typeof nsdMeeting>;

export const listMeetingsInput = z.object({ districtCode: districtCode.optional(), limit }).strict();
export type ListMeetingsInput = z.infer<typeof listMeetingsInput>;
export const listMeetingsOutput = z.object({
  meetings: z.array(nsdMeeting.extend({ minutes: z.int().min(0), openActions: z.int().min(0) })),
});

export const createMeetingInput = z
  .object({
    districtCode,
    heldOn: plannedDate,
    chair: text(200).optional(),
    attendees: names.default([]),
    agencies: names.default([]),
  })
  .strict();
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

export const meetingRefInput = z.object({ meetingId: id }).strict();

/** "place:<uuid>", "action:<uuid>", "child:<uuid>", "hotspot:<cell>", "action-log", "other". */
export const agendaItemKey = z
  .string()
  .max(80)
  .regex(/^[a-z-]+(:[A-Za-z0-9-]+)?$/, 'must be an agenda item key such as "place:<id>" or "other"');

export const nsdMinute = z.object({
  itemKey: z.string(),
  itemTitle: z.string(),
  text: z.string(),
  recordedBy: z.string().nullable(),
  version: z.int(),
});
export type NsdMinute = z.infer<typeof nsdMinute>;

export const agendaItemKinds = ['hotspot', 'place', 'action', 'child', 'assessment', 'action-log', 'other'] as const;

export const agendaItem = z.object({
  key: z.string(),
  kind: z.enum(agendaItemKinds),
  title: z.string(),
  detail: z.array(z.string()),
  place: z.object({ id: z.uuid(), name: z.string(), lon: z.number(), lat: z.number() }).nullable(),
  /** Where a hotspot item is: the centre of its grid cell. */
  point: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  action: disruptionAction.nullable(),
  person: person.nullable(),
  minute: nsdMinute.nullable(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const nsdAgenda = z.object({
  meeting: nsdMeeting,
  previousMeeting: z.object({ id: z.uuid(), heldOn: z.string() }).nullable(),
  /** New intelligence counts from the day after this date (the previous meeting, or 28 days before). */
  since: z.string(),
  items: z.array(agendaItem),
  /** Why a part of the agenda is missing or limited, in words for the attendees. */
  notes: z.array(z.string()),
});
export type NsdAgenda = z.infer<typeof nsdAgenda>;

export const recordMinutesInput = z
  .object({
    meetingId: id,
    itemKey: agendaItemKey,
    itemTitle: text(300),
    text: text(8000),
    /** The version of the minute being replaced; absent when writing the first minute of the item. */
    version: version.optional(),
  })
  .strict();
export type RecordMinutesInput = z.infer<typeof recordMinutesInput>;

export const nsdActionItem = z.object({
  id: z.uuid(),
  raisedAt: z.object({ meetingId: z.uuid(), heldOn: z.string() }),
  description: z.string(),
  owner: z.string(),
  agency: z.string(),
  dueOn: z.string(),
  status: z.enum(nsdActionStatuses),
  closedOn: z.string().nullable(),
  updateNote: z.string().nullable(),
  disruptionActionId: z.uuid().nullable(),
  /** Carried from an earlier meeting. */
  carried: z.boolean(),
  overdue: z.boolean(),
  version: z.int(),
});
export type NsdActionItem = z.infer<typeof nsdActionItem>;

export const actionLogOutput = z.object({ meeting: nsdMeeting, items: z.array(nsdActionItem) });

export const addActionInput = z
  .object({
    meetingId: id,
    description: text(1000),
    owner: text(200),
    agency: text(200),
    dueOn: plannedDate,
    disruptionActionId: id.optional(),
  })
  .strict();
export type AddActionInput = z.infer<typeof addActionInput>;

export const updateActionInput = z
  .object({
    id,
    version,
    changes: z
      .object({
        description: text(1000),
        owner: text(200),
        agency: text(200),
        dueOn: plannedDate,
        status: z.enum(nsdActionStatuses),
        updateNote: text(2000).nullable(),
      })
      .partial()
      .strict()
      .refine(...atLeastOneChange),
  })
  .strict();
export type UpdateActionInput = z.infer<typeof updateActionInput>;

export const nsdPack = z.object({
  meeting: nsdMeeting,
  /** Who the pack is redacted for: "pseudonymised" shows children as initials and reference only. */
  childrenShownAs: z.enum(['full', 'pseudonymised']),
  generatedAt: z.string(),
  agenda: nsdAgenda,
  actionLog: z.array(nsdActionItem),
  tacticsInForce: z.array(disruptionMapFeature),
});
export type NsdPack = z.infer<typeof nsdPack>;
