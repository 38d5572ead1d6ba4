/**
 * Attachments to a partner's submission: photographs and PDF documents, each at most
 * `attachmentMaxBytes`. The type is decided by the file's own first bytes (its magic number);
 * the type the browser claims must agree, so a renamed executable is refused.
 */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];
export const attachmentMaxBytes = 2 * 1024 * 1024;
export const attachmentsPerReport = 3;

/** The media type the bytes are, or null when they are none of the accepted kinds. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  const starts = (...values: number[]) => bytes.length >= values.length && values.every((v, i) => bytes[i] === v);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}
