import { computeProfileFigures } from '@lantern/db';
import { AppError, type ProfileFigures, type ProfileTerms, profileTermsSchema } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { districtsFor } from '../hotspots/hotspot-support.ts';

/**
 * A problem profile's figures for its terms, over the districts the caller may see (all of them
 * when the terms name none; naming another is FORBIDDEN), as at `asAt` (default: now). Counts
 * only: the records behind a figure are listed (and audited) by whoever shows them.
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
  return computeProfileFigures(app.db.sql, { terms, districtCodes, asAt: input.asAt ?? new Date() });
}
