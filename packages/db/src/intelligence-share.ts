import type { IntelligenceAudience } from '@lantern/domain';
import { Prisma } from './generated/prisma/client.ts';

/**
 * Share-back in SQL, the same rule as the domain's `mayShareIntelligence`: analysts count every
 * report not withdrawn; every other role only developed reports coded P. Every query that counts,
 * clusters or names intelligence for a caller (tiles, hot spots, agendas, effects, districts)
 * filters through this one fragment. `alias` is the intelligence_report alias, e.g. `i`.
 */
export function sharedIntelligenceSql(alias: string, audience: IntelligenceAudience): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`"${alias}"."${name}"`);
  return audience === 'analyst'
    ? Prisma.sql`${column('status')} <> 'withdrawn'`
    : Prisma.sql`(${column('status')} = 'developed' AND ${column('handling_code')} = 'P')`;
}
