import { appendAudit, childrenMissingMost, foundPlacesMost } from '@lantern/db';
import { londonPeriod, type MultipleMissingInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { childrenOf } from './episode-support.ts';

/** The Multiple Missing and Hotspots panel: who goes missing most, and where children are found. */
export async function listMultipleMissing(app: AppContext, access: Access, input: MultipleMissingInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const { start, end } = londonPeriod(input.from, input.to);
    const frequent = await childrenMissingMost(tx, start, end, input.limit, access.scope);
    const places = await foundPlacesMost(tx, start, end, 150, 20, access.scope);
    const child = await childrenOf(
      tx,
      access,
      frequent.map((row) => row.personId),
    );
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'person', ids: frequent.map((row) => row.personId) },
        { details: { criteria: input } },
      ),
    );
    return {
      children: frequent.map((row) => ({
        child: child(row.personId),
        episodes: row.episodes,
        lastReportedAt: row.lastReportedAt.toISOString(),
        foundLocationTypes: row.foundLocationTypes,
      })),
      foundPlaces: places,
    };
  });
}
