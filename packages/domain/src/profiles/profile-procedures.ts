import { z } from 'zod';
import { text, version as versionSchema } from '../schemas/common.ts';
import {
  type ProfileDocument,
  type ProfileFigures,
  profileScopes,
  profileStatuses,
  profileTermsSchema,
  profileWritingSchema,
} from './profile-document.ts';

/** Inputs and outputs of the `profiles.*` procedures: storing, versioning and serving a profile. */

const profileId = z.uuid();
const versionNumber = versionSchema;
const revision = versionSchema;
export const profileEditions = ['full', 'partner'] as const;
export type ProfileEdition = (typeof profileEditions)[number];

export const listProfilesInput = z.strictObject({ status: z.enum(profileStatuses).optional() }).optional();

export const profileListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  scope: z.enum(profileScopes),
  districtCodes: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  status: z.enum(profileStatuses),
  version: z.int(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
});
export type ProfileListItem = z.infer<typeof profileListItem>;
export const listProfilesOutput = z.object({ profiles: z.array(profileListItem) });

export const createProfileInput = z.strictObject({ terms: profileTermsSchema });

export const getProfileInput = z.strictObject({
  id: profileId,
  /** Omitted: the latest version the caller may see. */
  version: versionNumber.optional(),
  /** Omitted: 'full' for analysts; partners always get 'partner'. */
  edition: z.enum(profileEditions).optional(),
});

/** Identifies one version as the caller read it: a change against an older revision is a CONFLICT. */
export const profileVersionRef = z.strictObject({ id: profileId, version: versionNumber, revision });
export type ProfileVersionRef = z.infer<typeof profileVersionRef>;

export const saveProfileWritingInput = profileVersionRef.extend({ writing: profileWritingSchema });
export const updateProfileTermsInput = profileVersionRef.extend({ terms: profileTermsSchema });
export const returnProfileToDraftInput = profileVersionRef.extend({
  reason: text(2000).nullable().optional(),
});

/** What a change to a version answers: the version as it now stands. */
export const profileVersionState = z.object({
  id: z.uuid(),
  version: z.int(),
  revision: z.int(),
  status: z.enum(profileStatuses),
});
export type ProfileVersionState = z.infer<typeof profileVersionState>;

export const figureChange = z.object({ before: z.number().nullable(), after: z.number().nullable() });

export const profileVersionSummary = z.object({
  version: z.int(),
  status: z.enum(profileStatuses),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
});

export const getProfileOutput = z.object({
  id: z.uuid(),
  version: z.int(),
  revision: z.int(),
  status: z.enum(profileStatuses),
  /** The latest version the caller may see. */
  latestVersion: z.int(),
  versions: z.array(profileVersionSummary),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The figures "what changed" compares against (in the same edition), or null. */
  previousFigures: z.custom<ProfileFigures>().nullable(),
  /** Per figure key, its value before and after, where it changed. */
  changesSinceLastVersion: z.record(z.string(), figureChange),
  document: z.custom<ProfileDocument>(),
});
export type GetProfileOutput = z.infer<typeof getProfileOutput>;

export const figureRecordsInput = z.strictObject({
  id: profileId,
  version: versionNumber,
  key: text(200),
});

export const profileFigureRecord = z.object({
  kind: z.string(),
  id: z.string(),
  label: z.string(),
  /** A page of the web app showing the record, where there is one the caller may open. */
  href: z.string().nullable(),
  /** The record's date, `YYYY-MM-DD`, where it has one. */
  on: z.string().nullable(),
});
export type ProfileFigureRecord = z.infer<typeof profileFigureRecord>;
export const figureRecordsOutput = z.object({ records: z.array(profileFigureRecord), total: z.int().min(0) });

export const exportProfileInput = z.strictObject({
  id: profileId,
  version: versionNumber,
  edition: z.enum(profileEditions).optional(),
  format: z.enum(['docx', 'md']).default('docx'),
});
export const exportProfileOutput = z.object({ filename: z.string(), mimeType: z.string(), contentBase64: z.string() });

export const recordProfilePrintInput = z.strictObject({
  id: profileId,
  version: versionNumber,
  edition: z.enum(profileEditions).optional(),
});
export const recordProfilePrintOutput = z.object({ ok: z.literal(true) });
