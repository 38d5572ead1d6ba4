import { effectCounts, getDisruption } from '@lantern/db';
import {
  AppError,
  afterPeriodComplete,
  type DisruptionEffect,
  type DisruptionEffectInput,
  effectCaution,
  effectCount,
  effectPeriods,
  londonDate,
  suppressSmallCount,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from './present-disruption-action.ts';

/** Incidents near an action's target in equal periods before and after it came into force. */
export async function measureDisruptionEffect(
  app: AppContext,
  access: Access,
  input: DisruptionEffectInput,
): Promise<DisruptionEffect> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, input.id, access.scope);
    if (!row) throw notFound(input.id);
    if (!row.placeId) {
      throw new AppError(
        'BAD_INPUT',
        `id: the target of this action (a ${row.targetType}) has no location; the effect is measured around a place`,
      );
    }
    if (!row.inForceFrom)
      throw new AppError('BAD_INPUT', `id: this action has not come into force (it is ${row.status})`);
    const periods = effectPeriods(row.inForceFrom, input.months);
    const counts = await effectCounts(
      tx,
      row.placeId,
      input.distanceMetres,
      periods.before,
      periods.after,
      input.crimeTypes,
      access.intelligenceAudience,
    );
    const complete = afterPeriodComplete(periods, londonDate());
    const missing = effectCount(counts.missingFoundBefore, counts.missingFoundAfter);
    const hideMissing = !access.personLevel;
    const suppressedMissing = hideMissing
      ? {
          before: suppressSmallCount(missing.before),
          after: suppressSmallCount(missing.after),
          change: null,
          percentChange: null,
        }
      : missing;
    // Without person-level access an exact change would give back a suppressed count.
    const missingShown =
      hideMissing && suppressedMissing.before !== '<5' && suppressedMissing.after !== '<5'
        ? missing
        : suppressedMissing;
    const totalBefore = counts.crimeBefore + counts.intelligenceBefore + counts.missingFoundBefore;
    const totalAfter = counts.crimeAfter + counts.intelligenceAfter + counts.missingFoundAfter;
    return {
      actionId: row.id,
      distanceMetres: input.distanceMetres,
      months: input.months,
      periods,
      complete,
      crimeTypes: input.crimeTypes,
      crime: effectCount(counts.crimeBefore, counts.crimeAfter),
      intelligence: effectCount(counts.intelligenceBefore, counts.intelligenceAfter),
      missingFound: missingShown,
      caution: effectCaution({
        distanceMetres: input.distanceMetres,
        months: input.months,
        excludedMonth: periods.excludedMonth,
        complete,
        totalBefore,
        totalAfter,
      }),
    };
  });
}
