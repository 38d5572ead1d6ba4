import { attachmentMaxBytes, attachmentsPerReport } from '../intelligence/attachments.ts';
import { maxImportBytes } from './missing-import.ts';
import { philomenaPhotoMaxBytes } from './missing-philomena.ts';

/**
 * The largest body one API call may send: enough for the largest input the schemas accept, so
 * that a valid input is never refused by size before validation can name its field. The
 * missing-episodes CSV is counted in characters; as JSON in UTF-8 one character takes at most 3
 * bytes. A Philomena profile's photo is base64 (4 bytes per 3) beside at most ~1 MB of text.
 */
export const maxRequestBytes =
  Math.max(
    maxImportBytes * 3,
    Math.ceil(philomenaPhotoMaxBytes / 3) * 4 + 1_000_000,
    // An intelligence submission: its attachments as base64 beside at most ~200 kB of text.
    attachmentsPerReport * Math.ceil(attachmentMaxBytes / 3) * 4 + 200_000,
  ) +
  64 * 1024;

/**
 * The most calls one batched API request may carry: the server refuses a larger batch with 400,
 * and the web client never sends one (its batch link splits at this size).
 */
export const maxCallsPerBatch = 20;
