import { effectCounts, type PrismaTx, type ProfileEffectTarget } from '@lantern/db';
import {
  afterPeriodComplete,
  effectCaution,
  effectPeriods,
  type IntelligenceAudience,
  londonDate,
  type ProfileTable,
  type StoredQuery,
} from '@lantern/domain';

/** The profile measures every targeted place alike: incidents within 200 m, 3 months before and after. */
export const profileEffectDistanceMetres = 200;
export const profileEffectMonths = 3;

/** How many of effectCaution's lines are the same for every action (shown once, as section notes). */
const sharedCautionLines = [1, 2, 3];

/**
 * "Effect around targeted places" for the methods section: for each action in scope that targets a
 * place and whose after period is complete at `asAt`, the disruption page's comparison
 * (effectPeriods, effectCounts, effectCaution) at 200 m over 3 months, every crime type. Missing
 * children found are people: they go in a table of their own, suppressed 1–4 for partners.
 */
export async function effectTables(
  prisma: PrismaTx,
  targets: readonly ProfileEffectTarget[],
  options: { asAt: Date; audience: IntelligenceAudience; query: StoredQuery },
): Promise<{ tables: ProfileTable[]; notes: string[] }> {
  const today = londonDate(options.asAt);
  const effect: ProfileTable['rows'][number][] = [];
  const found: ProfileTable['rows'][number][] = [];
  let shared: string[] = [];
  for (const target of targets) {
    const periods = effectPeriods(target.inForceFrom, profileEffectMonths);
    if (!afterPeriodComplete(periods, today)) continue;
    const counts = await effectCounts(
      prisma,
      target.placeId,
      profileEffectDistanceMetres,
      periods.before,
      periods.after,
      [],
      options.audience,
    );
    const caution = effectCaution({
      distanceMetres: profileEffectDistanceMetres,
      months: profileEffectMonths,
      excludedMonth: periods.excludedMonth,
      complete: true,
      totalBefore: counts.crimeBefore + counts.intelligenceBefore + counts.missingFoundBefore,
      totalAfter: counts.crimeAfter + counts.intelligenceAfter + counts.missingFoundAfter,
    });
    shared = sharedCautionLines.map((i) => caution[i] as string);
    const own = caution.filter((_, i) => !sharedCautionLines.includes(i)).join(' ');
    effect.push({
      key: target.actionId,
      label: target.place,
      cells: [
        target.tactic,
        counts.crimeBefore,
        counts.crimeAfter,
        counts.intelligenceBefore,
        counts.intelligenceAfter,
        own,
      ],
    });
    found.push({
      key: target.actionId,
      label: target.place,
      cells: [target.tactic, counts.missingFoundBefore, counts.missingFoundAfter],
    });
  }
  const query = {
    name: options.query.name,
    params: {
      ...options.query.params,
      asAt: options.asAt.toISOString(),
      distanceMetres: profileEffectDistanceMetres,
      months: profileEffectMonths,
    },
  };
  if (effect.length === 0) {
    return {
      tables: [],
      notes: [
        'No effect is measured: no action in scope targets a place with its 3 months after coming into force complete when the figures were computed.',
      ],
    };
  }
  return {
    tables: [
      {
        key: 'methods.effect',
        title: 'Effect around targeted places',
        columns: ['Tactic', 'Crime before', 'Crime after', 'Intelligence before', 'Intelligence after', 'Caution'],
        rows: effect,
        countsPeople: false,
        query,
      },
      {
        key: 'methods.effect_missing_found',
        title: 'Missing children found around targeted places',
        columns: ['Tactic', 'Found before', 'Found after'],
        rows: found,
        countsPeople: true,
        query: { ...query, name: 'methods.effect_missing_found' },
      },
    ],
    notes: shared,
  };
}
