import { z } from 'zod';
import { id, reason, text, version } from './common.ts';
import { person } from './people.ts';

/**
 * The Philomena Protocol (issue 5): a versioned profile of a child in care, kept ready before
 * any episode, and part 2 completed on an episode. The photo travels as base64.
 */
export const philomenaPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The photo's size limit: enough for a clear likeness on a one-page form. */
export const philomenaPhotoMaxBytes = 1_048_576;

const list = (max: number, each: number) => z.array(text(each)).max(max, `must list at most ${max}`);

export const philomenaPhotoInput = z
  .object({
    contentType: z.enum(philomenaPhotoTypes, { error: 'must be image/jpeg, image/png or image/webp' }),
    base64: z
      .base64({ error: 'must be the image as base64' })
      .max(Math.ceil(philomenaPhotoMaxBytes / 3) * 4, `must be at most ${philomenaPhotoMaxBytes} bytes`),
  })
  .strict();

export const getPhilomenaInput = z.object({ personId: id, reason }).strict();

export const savePhilomenaInput = z
  .object({
    personId: id,
    /** The profile version you read; 0 when the child has no profile yet. */
    version: z.int().min(0).max(2_147_483_647),
    description: text(4000),
    /** A new photo; null removes it; left out keeps the current one. */
    photo: philomenaPhotoInput.nullable().optional(),
    vulnerabilities: list(30, 500).default([]),
    importantPeople: z
      .array(z.object({ personId: id, relationship: text(200) }).strict())
      .max(50)
      .default([]),
    importantPlaces: z
      .array(z.object({ placeId: id, note: text(500) }).strict())
      .max(50)
      .default([]),
    phones: list(10, 40).default([]),
    socialMedia: list(20, 200).default([]),
    transport: text(1000).nullable().default(null),
  })
  .strict();
export type SavePhilomenaInput = z.infer<typeof savePhilomenaInput>;

export const philomenaProfile = z.object({
  personId: z.uuid(),
  version: z.int(),
  savedAt: z.string(),
  description: z.string(),
  /** `data:` URL of the photo, or null. */
  photo: z.string().nullable(),
  vulnerabilities: z.array(z.string()),
  importantPeople: z.array(z.object({ person, relationship: z.string() })),
  importantPlaces: z.array(z.object({ placeId: z.uuid(), name: z.string(), category: z.string(), note: z.string() })),
  phones: z.array(z.string()),
  socialMedia: z.array(z.string()),
  transport: z.string().nullable(),
});
export type PhilomenaProfile = z.infer<typeof philomenaProfile>;

export const philomenaOutput = z.object({
  child: person,
  profile: philomenaProfile.nullable(),
  versions: z.array(z.object({ version: z.int(), savedAt: z.string(), savedBy: z.string().nullable() })),
});

export const printPhilomenaInput = z.object({ personId: id, episodeId: id.optional(), reason: text(500) }).strict();

/** The one-page document for the police: the profile and, for an episode, part 2. */
export const philomenaPrintOutput = z.object({
  child: person,
  profile: philomenaProfile,
  episode: z
    .object({
      episodeRef: z.string(),
      reportedAt: z.string(),
      clothing: z.string().nullable(),
      lastSeenDescription: z.string().nullable(),
    })
    .nullable(),
  printedAt: z.string(),
  printedBy: z.string(),
});

export const savePhilomenaPart2Input = z
  .object({
    episodeId: id,
    /** Part 2's version; omit when completing it the first time. */
    version: version.optional(),
    clothing: text(2000),
    lastSeenDescription: text(2000),
  })
  .strict();
export type SavePhilomenaPart2Input = z.infer<typeof savePhilomenaPart2Input>;

export const philomenaPart2Output = z.object({
  episodeId: z.uuid(),
  clothing: z.string(),
  lastSeenDescription: z.string(),
  version: z.int(),
});
