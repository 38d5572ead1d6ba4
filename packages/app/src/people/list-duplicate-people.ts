import { appendAudit } from '@lantern/db';
import { DUPLICATE_THRESHOLD, type DuplicateListInput, type DuplicateListResult } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { duplicateSearchTransaction, scoredDuplicatePairs } from './duplicate-support.ts';
import { present } from './present-person.ts';

/** Possible duplicate pairs across the caller's districts, best first; audited as a search with everyone shown. */
export async function listDuplicatePeople(
  app: AppContext,
  access: Access,
  input: DuplicateListInput,
): Promise<DuplicateListResult> {
  return app.db.prisma.$transaction(async (tx) => {
    const pairs = await scoredDuplicatePairs(tx, access, {
      districtCode: input.districtCode,
      minScore: input.minScore,
    });
    const shown = pairs.slice(0, input.limit);
    const ids = [...new Set(shown.flatMap((pair) => [pair.left.id, pair.right.id]))];
    const { limit: _limit, ...criteria } = input;
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'person', ids }, { details: { criteria, duplicates: true } }),
    );
    return {
      threshold: input.minScore ?? DUPLICATE_THRESHOLD,
      total: pairs.length,
      pairs: shown.map((pair) => ({
        left: present(access, pair.left),
        right: present(access, pair.right),
        score: pair.score,
        reasons: pair.reasons,
      })),
    };
  }, duplicateSearchTransaction);
}
