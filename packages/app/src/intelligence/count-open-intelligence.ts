import { openIntelligenceCount } from '@lantern/db';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/** How many reports await evaluation (the count beside "Intelligence queue" in the header). */
export async function countOpenIntelligence(app: AppContext, access: Access): Promise<{ open: number }> {
  return { open: await openIntelligenceCount(app.db.prisma, access.scope) };
}
