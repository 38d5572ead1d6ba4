import { appendAudit, tacticNameTaken, updateTactic as updateTacticInDb } from '@lantern/db';
import { AppError, type UpdateTacticInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';

/** Edits a tactic of the catalogue (administrators); a stale version is a CONFLICT. */
export async function updateTactic(app: AppContext, access: Access, input: UpdateTacticInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const { name } = input.changes;
    if (name !== undefined) {
      if (await tacticNameTaken(tx, name, input.id))
        throw new AppError('BAD_INPUT', `changes.name: another tactic is already called "${name}"`);
    }
    const outcome = await updateTacticInDb(tx, input);
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No tactic ${input.id}`);
    if (outcome.status === 'conflict') {
      throw staleVersion(`tactic ${input.id}`, input.version, outcome.currentVersion);
    }
    await appendAudit(tx, updateEvent(access, { type: 'tactic', id: input.id }, input.changes));
    return outcome.tactic;
  });
}
