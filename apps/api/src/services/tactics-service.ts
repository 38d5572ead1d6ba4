import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import { appendAudit, listTactics, updateTactic } from '@lantern/db';
import { AppError, type ListTacticsInput, type UpdateTacticInput } from '@lantern/domain';
import type { Context } from '../context.ts';

/** The tactic catalogue: read by everyone signed in, edited by administrators (audited). */
export async function listTacticsService(ctx: Context, input: ListTacticsInput) {
  return { tactics: await listTactics(ctx.db.prisma, input) };
}

export async function updateTacticService(ctx: Context, access: Access, input: UpdateTacticInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { name } = input.changes;
    if (name !== undefined) {
      const clash = await tx.tactic.findFirst({ where: { name, id: { not: input.id } }, select: { id: true } });
      if (clash) throw new AppError('BAD_INPUT', `changes.name: another tactic is already called "${name}"`);
    }
    const outcome = await updateTactic(tx, input);
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No tactic ${input.id}`);
    if (outcome.status === 'conflict') {
      throw new AppError(
        'CONFLICT',
        `version: tactic ${input.id} was changed by someone else since you read version ${input.version} (it is now version ${outcome.currentVersion}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'tactic', ids: [input.id] },
        { details: { fields: Object.keys(input.changes).sort() } },
      ),
    );
    return outcome.tactic;
  });
}
