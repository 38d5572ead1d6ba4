import { listTactics as listTacticsInDb } from '@lantern/db';
import type { ListTacticsInput } from '@lantern/domain';
import type { AppContext } from '../context.ts';

/** The tactic catalogue: read by everyone signed in, edited by administrators (audited). */
export async function listTactics(app: AppContext, input: ListTacticsInput) {
  return { tactics: await listTacticsInDb(app.db.prisma, input) };
}
