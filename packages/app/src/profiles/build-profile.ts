import { computeProfileFigures, profileEffectTargets, profilePersonLinks } from '@lantern/db';
import { AppError, type ProfileFigures, type ProfileTerms, profileTermsSchema } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { districtsFor } from '../hotspots/hotspot-support.ts';
import { communityFigures } from './profile-communities.ts';
import { effectTables } from './profile-effects.ts';

/**
 * A problem profile's figures for its terms, over the districts the caller may see (all of them
 * when the terms name none; naming another is FORBIDDEN), as at `asAt` (default: now). Counts
 * only: the records behind a figure are listed (and audited) by whoever shows them. The figures
 * that need the analytics packages or the disruption effect are added here: the communities of
 * linked people (offenders) and the effect around targeted places (methods).
 */
export async function buildProfile(
  app: AppContext,
  access: Access,
  input: { terms: ProfileTerms; asAt?: Date },
): Promise<ProfileFigures> {
  const parsed = profileTermsSchema.safeParse(input.terms);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_INPUT', `${issue?.path.join('.') || 'terms'}: ${issue?.message ?? 'is not valid'}`);
  }
  const terms = parsed.data;
  if ((terms.scope === 'place' || terms.scope === 'network') && !terms.subjectId) {
    throw new AppError('BAD_INPUT', `subjectId: a ${terms.scope} profile needs its subject`);
  }
  const districtCodes = districtsFor(access, terms.districtCodes.length > 0 ? terms.districtCodes : undefined);
  const params = { terms, districtCodes, asAt: input.asAt ?? new Date() };
  // Read on the replica when it is usable: figures, links and targets from one server.
  return app.db.read(async ({ sql, prisma }) => {
    const figures = await computeProfileFigures(sql, params);
    const query = {
      scope: terms.scope,
      from: terms.from,
      to: terms.to,
      districtCodes: [...districtCodes],
      subjectId: terms.subjectId,
    };
    const communities = communityFigures(await profilePersonLinks(sql, params), {
      name: 'offenders.communities',
      params: query,
    });
    const effect = await effectTables(prisma, await profileEffectTargets(sql, params), {
      asAt: params.asAt,
      audience: access.intelligenceAudience,
      query: { name: 'methods.effect', params: query },
    });
    return {
      ...figures,
      sections: figures.sections.map((section) => {
        if (section.key === 'offenders') {
          return {
            ...section,
            figures: [...section.figures, communities.figure],
            tables: [...section.tables, communities.table],
          };
        }
        if (section.key === 'methods') {
          return {
            ...section,
            tables: [...section.tables, ...effect.tables],
            notes: [...section.notes, ...effect.notes],
          };
        }
        return section;
      }),
    };
  });
}
