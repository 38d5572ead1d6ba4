import { appendAudit, insertTactic, tacticCodeTaken, tacticNameTaken } from '@lantern/db';
import { AppError, type CreateTacticInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/** Adds a tactic to the catalogue (administrators); code and name must be new. Audited. */
export async function createTactic(app: AppContext, access: Access, input: CreateTacticInput) {
  return app.db.prisma.$transaction(async (tx) => {
    if (await tacticCodeTaken(tx, input.code)) {
      throw new AppError('BAD_INPUT', `code: a tactic with the code "${input.code}" already exists`);
    }
    if (await tacticNameTaken(tx, input.name)) {
      throw new AppError('BAD_INPUT', `name: another tactic is already called "${input.name}"`);
    }
    const tactic = await insertTactic(tx, input);
    await appendAudit(
      tx,
      auditEvent(access, 'create', { type: 'tactic', ids: [tactic.id] }, { details: { code: tactic.code } }),
    );
    return tactic;
  });
}
