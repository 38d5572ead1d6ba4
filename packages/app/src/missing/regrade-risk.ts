import { insertRiskGrading, regradeChange } from '@lantern/db';
import { AppError, type RegradeRiskInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import {
  assertNotBefore,
  auditEpisodeUpdate,
  changeEpisode,
  episodeInScope,
  presentEpisode,
} from './episode-support.ts';

/** Re-grades an episode's police risk, keeping who changed it, when and why. */
export async function regradeRisk(app: AppContext, access: Access, input: RegradeRiskInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.policeRisk === input.toRisk) {
      throw new AppError('BAD_INPUT', `toRisk: the episode is already graded ${input.toRisk}`);
    }
    assertNotBefore('gradedAt', input.gradedAt, current.reportedAt, 'the episode was reported');
    await changeEpisode(tx, input.id, input.version, regradeChange(input.toRisk));
    await insertRiskGrading(tx, {
      episodeId: input.id,
      fromRisk: current.policeRisk,
      toRisk: input.toRisk,
      gradedAt: input.gradedAt,
      gradedById: access.principal?.id ?? null,
      reason: input.reason,
    });
    await auditEpisodeUpdate(tx, access, current, ['policeRisk'], { from: current.policeRisk, to: input.toRisk });
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}
