import { z } from 'zod';
import { text } from './common.ts';

/** The most a browser may send in one import: ~20,000 episodes of the CSV. */
export const maxImportBytes = 5_000_000;

/** The missing-episodes CSV (docs/ARCHITECTURE.md) sent from the coordinator's page. */
export const importEpisodesInput = z
  .object({
    fileName: text(200),
    csv: z
      .string()
      .min(1, 'must not be empty: choose a missing-episodes CSV file')
      .max(maxImportBytes, `must be at most ${maxImportBytes.toLocaleString('en-GB')} characters: split the file`),
    /** Import the valid rows and list the rest, instead of importing nothing when a row is bad. */
    skipInvalid: z.boolean().default(false),
  })
  .strict();
export type ImportEpisodesInput = z.infer<typeof importEpisodesInput>;

export const importEpisodesOutput = z.object({
  file: z.string(),
  rows: z.int(),
  inserted: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.int(),
  childrenCreated: z.int(),
  /** Each rejected row's problems, "file, line N, field "x" (value "y"): message". */
  problems: z.array(z.string()),
});
export type ImportEpisodesOutput = z.infer<typeof importEpisodesOutput>;
