import { appendAudit, getPerson, listFigureRecords } from '@lantern/db';
import {
  AppError,
  mayCall,
  type ProfileFigureRecord,
  type ProfileFigures,
  partnerEditionFigures,
  procedurePolicies,
  type StoredQuery,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { isAnalyst, profileRecordType, readableVersion } from './profile-support.ts';

/** At most this many records are listed behind one figure; `total` says how many there are. */
const shownRecords = 200;
const countedRecords = 10_000;

const kindWords: Record<string, string> = {
  missing_episode: 'Missing episode',
  intelligence_report: 'Intelligence report',
  crime: 'Crime',
  disruption_action: 'Disruption action',
  place: 'Place of concern',
};

/** The stored query of a figure or table, as the caller's edition has it; NOT_FOUND when there is none. */
function queryBehind(figures: ProfileFigures, key: string, partner: boolean): StoredQuery {
  const edition = partner ? partnerEditionFigures(figures) : figures;
  for (const section of edition.sections) {
    const figure = section.figures.find((candidate) => candidate.key === key);
    if (figure) {
      if (figure.suppressed?.value) {
        throw new AppError(
          'FORBIDDEN',
          `key: “${figure.label}” counts fewer than 5 people, so the records behind it are not shown outside the analyst role`,
        );
      }
      return figure.query;
    }
    const table = section.tables.find((candidate) => candidate.key === key);
    if (table) return table.query;
  }
  throw new AppError('NOT_FOUND', `key: this profile version has no figure ${key}`);
}

/**
 * The records behind one figure of a profile version, as the caller's role may see them: people
 * through `personView` (partners see children only pseudonymised) and within the caller's
 * districts; intelligence only for analysts. Audited as a read of the profile and of each person shown.
 */
export async function listProfileFigureRecords(
  app: AppContext,
  access: Access,
  input: { id: string; version: number; key: string },
) {
  const analyst = isAnalyst(access);
  const found = await app.db.prisma.$transaction(async (tx) => readableVersion(tx, access, input.id, input.version));
  const query = queryBehind(found.figures, input.key, !analyst);
  const behind = await listFigureRecords(app.db.sql, query, { limit: countedRecords });
  const roles = access.principal?.roles ?? [];
  const mayOpenPeople = mayCall(procedurePolicies['people.get'], roles);
  return app.db.prisma.$transaction(async (tx) => {
    const records: ProfileFigureRecord[] = [];
    const peopleShown: string[] = [];
    let total = 0;
    for (const record of behind) {
      if (record.kind === 'person') {
        const person = await getPerson(tx, record.id, access.scope);
        const view = person ? access.view(person.kind) : 'hidden';
        if (!person || view === 'hidden') continue;
        total += 1;
        if (records.length >= shownRecords) continue;
        const who = person.kind === 'child' ? 'Child' : 'Associate';
        records.push({
          kind: person.kind,
          id: person.id,
          label:
            view === 'full'
              ? `${person.givenName} ${person.familyName} (${person.pseudonymRef})`
              : `${who} ${person.pseudonymRef}`,
          href: mayOpenPeople ? `/people/${person.id}` : null,
          on: null,
        });
        peopleShown.push(person.id);
        continue;
      }
      if (record.kind === 'intelligence_report' && !analyst) continue;
      total += 1;
      if (records.length >= shownRecords) continue;
      records.push({
        kind: record.kind,
        id: record.id,
        label: `${kindWords[record.kind] ?? record.kind} ${record.reference}`,
        href: record.kind === 'place' ? `/places/${record.id}` : null,
        on: null,
      });
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: profileRecordType, ids: [found.profileId, ...peopleShown] },
        { details: { version: found.version, key: input.key, records: records.length } },
      ),
    );
    return { records, total };
  });
}
