import { appendAudit, childrenBySex, earlySignalRecords, getMissingThresholds, getPeople } from '@lantern/db';
import {
  addDays,
  type EarlyIdentification,
  type EarlyIdentificationInput,
  earlySignalLookbackDays,
  foundAtPlaceMetres,
  groupEarlySignals,
  londonDate,
  londonMidnight,
  minimumEarlySignals,
  type SexCounts,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { presentPeople } from './assessment-support.ts';

/** Every district's records at once (an analyst's list) can take longer than the default 5 s. */
const earlyIdentificationTransaction = { timeout: 30_000 } as const;

/**
 * Early identification, explainable: children not yet flagged (no CSE or CCE risk) who show at
 * least two recorded signals at once, each signal with every record behind it. A prompt for a
 * person to review: no score, no verdict. Repeat missing follows the missing module's threshold
 * (the MAM repeat count and window); the other signals look back a year from `asOf`. The list
 * says how girls and boys are represented beside all children in the same districts. Every
 * child shown is audited with the search.
 */
export async function findEarlyIdentification(
  app: AppContext,
  access: Access,
  input: EarlyIdentificationInput,
): Promise<EarlyIdentification> {
  const asOf = input.asOf ?? londonDate();
  const since = addDays(asOf, -earlySignalLookbackDays);
  return app.db.prisma.$transaction(async (tx) => {
    const thresholds = await getMissingThresholds(tx);
    const rows = await earlySignalRecords(tx, {
      scope: access.scope,
      districtCode: input.districtCode,
      since: londonMidnight(since),
      until: londonMidnight(addDays(asOf, 1)),
      audience: access.intelligenceAudience,
      repeatCount: thresholds.mamRepeatCount,
      repeatWindowDays: thresholds.mamWindowDays,
      foundWithinMetres: foundAtPlaceMetres,
    });
    const grouped = groupEarlySignals(rows, minimumEarlySignals);
    const shown = grouped.slice(0, input.limit);
    const people = new Map(
      presentPeople(
        access,
        await getPeople(
          tx,
          shown.map((entry) => entry.personId),
          access.scope,
        ),
      ).map((person) => [person.id, person]),
    );
    const entries = shown.flatMap((entry) => {
      const person = people.get(entry.personId);
      return person ? [{ person, signals: entry.signals }] : [];
    });
    const listedRows = await getPeople(
      tx,
      grouped.map((entry) => entry.personId),
      access.scope,
    );
    const listed: SexCounts = { F: 0, M: 0, X: 0, U: 0 };
    for (const row of listedRows) listed[row.sex as keyof SexCounts] += 1;
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'person', ids: entries.map((entry) => entry.person.id) },
        { details: { asOf, listed: grouped.length } },
      ),
    );
    return {
      asOf,
      since,
      minimumSignals: minimumEarlySignals,
      entries,
      more: grouped.length - entries.length,
      representation: { listed, allChildren: await childrenBySex(tx, access.scope, input.districtCode) },
    };
  }, earlyIdentificationTransaction);
}
