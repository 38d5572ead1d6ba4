import { agenciesOfKinds, getTactic } from '@lantern/db';
import { AppError, type TacticHoldersInput } from '@lantern/domain';
import type { AppContext } from '../context.ts';

/**
 * The agencies that may hold a tactic's power (those of a kind the tactic names), for a police
 * analyst recording what an NSD meeting agreed for whichever agency holds it.
 */
export async function listTacticHolders(app: AppContext, input: TacticHoldersInput) {
  const tactic = await getTactic(app.db.prisma, input.tacticId);
  if (!tactic) throw new AppError('BAD_INPUT', `tacticId: there is no tactic ${input.tacticId}`);
  return { agencies: await agenciesOfKinds(app.db.prisma, tactic.holderAgencyKinds) };
}
