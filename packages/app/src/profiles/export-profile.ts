import { appendAudit, districtOutlines } from '@lantern/db';
import type { ProfileEdition } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { editionFor, profileRecordType, profileView, readableVersion } from './profile-support.ts';
import { renderProfileDocx, renderProfileMarkdown } from './render/index.ts';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name from the title: letters, digits and dashes only. */
function fileStem(title: string, version: number, edition: ProfileEdition): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'problem-profile'}-v${version}${edition === 'partner' ? '-partner' : ''}`;
}

/**
 * A profile version as a DOCX or Markdown file in the caller's edition (partners: the partner
 * edition of approved versions only). Audited as an export.
 */
export async function exportProfile(
  app: AppContext,
  access: Access,
  input: { id: string; version: number; edition?: ProfileEdition | undefined; format: 'docx' | 'md' },
) {
  const edition = editionFor(access, input.edition);
  const view = await app.db.prisma.$transaction(async (tx) => {
    const row = await readableVersion(tx, access, input.id, input.version);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: profileRecordType, ids: [row.profileId] },
        { details: { version: row.version, status: row.status, edition, format: input.format } },
      ),
    );
    return profileView(tx, access, row, edition);
  });
  const stem = fileStem(view.document.terms.title, view.version, edition);
  if (input.format === 'md') {
    const text = renderProfileMarkdown(view.document);
    return {
      filename: `${stem}.md`,
      mimeType: 'text/markdown; charset=utf-8',
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    };
  }
  const mapped = view.document.figures.sections.flatMap((section) => section.maps.flatMap((map) => map.districtCodes));
  const outlines = await districtOutlines(app.db.sql, [...new Set(mapped)]);
  const bytes = await renderProfileDocx(view.document, { outlines });
  return { filename: `${stem}.docx`, mimeType: docxMime, contentBase64: Buffer.from(bytes).toString('base64') };
}
