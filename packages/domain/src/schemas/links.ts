import { z } from 'zod';
import { entityTypes, intelligenceCategories, linkReliabilities, linkSourceTypes, placeCategories } from '../enums.ts';
import { id, plannedDate, reason } from './common.ts';
import { person } from './people.ts';

export const entityRef = z
  .object({ type: z.enum(entityTypes), id }, { error: 'must be an object {type, id}' })
  .strict();
export type EntityRef = z.infer<typeof entityRef>;

/** The record a link comes from. Every link cites one: an unsourced link is a rumour. */
export const linkSourceRef = z
  .object(
    { type: z.enum(linkSourceTypes), id },
    {
      error: (issue) =>
        issue.input === undefined
          ? 'is required: a link must cite the record it comes from, as {type, id}'
          : 'must be an object {type, id}',
    },
  )
  .strict();
export type LinkSourceRef = z.infer<typeof linkSourceRef>;

export const linkTypeName = z
  .string({ error: 'must be a string' })
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z]+(_[a-z]+)*$/, 'must be snake_case lower-case letters, e.g. "associates_with"');

export const createLinkInput = z
  .object({
    from: entityRef,
    to: entityRef,
    linkType: linkTypeName,
    source: linkSourceRef,
    firstSeen: plannedDate,
    lastSeen: plannedDate,
    reliability: z.enum(linkReliabilities),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.lastSeen < value.firstSeen) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastSeen'],
        message: `must be on or after firstSeen (${value.firstSeen})`,
      });
    }
    if (value.from.type === value.to.type && value.from.id === value.to.id) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be a different record from "from"' });
    }
  });
export type CreateLinkInput = z.infer<typeof createLinkInput>;

export const listLinksForEntityInput = z.object({ type: z.enum(entityTypes), id, reason: reason }).strict();
export type ListLinksForEntityInput = z.infer<typeof listLinksForEntityInput>;

export const link = z.object({
  id: z.uuid(),
  from: z.object({ type: z.enum(entityTypes), id: z.uuid() }),
  to: z.object({ type: z.enum(entityTypes), id: z.uuid() }),
  linkType: z.string(),
  source: z.object({ type: z.enum(linkSourceTypes), id: z.uuid() }),
  firstSeen: z.string(),
  lastSeen: z.string(),
  reliability: z.enum(linkReliabilities),
  version: z.int(),
});
export type Link = z.infer<typeof link>;

/**
 * The other end of a link, summarised. People appear as the caller's view allows; the other kinds
 * show only what identifies the record, never an intelligence report's text.
 */
export const linkedRecord = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), id: z.uuid(), person }),
  z.object({
    type: z.literal('place'),
    id: z.uuid(),
    name: z.string(),
    category: z.enum(placeCategories),
    districtCode: z.string().nullable(),
  }),
  z.object({ type: z.literal('vehicle'), id: z.uuid(), registration: z.string() }),
  z.object({
    type: z.literal('intelligence_report'),
    id: z.uuid(),
    reference: z.string(),
    category: z.enum(intelligenceCategories),
    districtCode: z.string().nullable(),
  }),
  z.object({
    type: z.literal('missing_episode'),
    id: z.uuid(),
    reportedOn: z.string(),
    districtCode: z.string().nullable(),
  }),
]);
export type LinkedRecord = z.infer<typeof linkedRecord>;

export const entityLinks = z.object({
  entity: z.object({ type: z.enum(entityTypes), id: z.uuid() }),
  links: z.array(
    z.object({
      id: z.uuid(),
      /** outgoing: the entity is the link's `from`; incoming: its `to`. */
      direction: z.enum(['outgoing', 'incoming']),
      linkType: z.string(),
      other: linkedRecord,
      source: z.object({ type: z.enum(linkSourceTypes), id: z.uuid() }),
      firstSeen: z.string(),
      lastSeen: z.string(),
      reliability: z.enum(linkReliabilities),
    }),
  ),
});
export type EntityLinks = z.infer<typeof entityLinks>;
