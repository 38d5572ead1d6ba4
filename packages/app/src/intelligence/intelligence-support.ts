import {
  entityLabels,
  getIntelligence,
  getPerson,
  type IntelligenceRow,
  type IntelligenceStateRow,
  intelligenceParts,
  lockIntelligence,
  type Transaction,
} from '@lantern/db';
import {
  AppError,
  type IntelligenceDetail,
  type IntelligenceReport,
  londonDate,
  type Person,
  toPersonDto,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { staleVersion } from '../concurrency/stale-version.ts';

export function toReport(row: IntelligenceRow): IntelligenceReport {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    sourceEvaluation: row.sourceEvaluation,
    intelligenceEvaluation: row.intelligenceEvaluation,
    handlingCode: row.handlingCode,
    handlingConditions: row.handlingConditions,
    category: row.category,
    body: row.body,
    occurredAt: row.occurredAt,
    submittedAt: row.submittedAt,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    district: row.districtCode && row.districtName ? { code: row.districtCode, name: row.districtName } : null,
    agency: row.agency,
  };
}

/** The report locked for a change at the version the caller read: NOT_FOUND or the one CONFLICT otherwise. */
export async function reportToChange(tx: Transaction, id: string, version: number): Promise<IntelligenceStateRow> {
  const state = await lockIntelligence(tx, id);
  if (!state) throw new AppError('NOT_FOUND', `id: there is no intelligence report ${id}`);
  if (state.version !== version) throw staleVersion(`intelligence report ${state.reference}`, version, state.version);
  return state;
}

/** A person as the caller may see them, or null when they may not. */
async function personAsSeen(tx: Transaction, access: Access, id: string | null, today: string): Promise<Person | null> {
  if (id === null) return null;
  const row = await getPerson(tx, id, access.scope);
  const view = row ? access.view(row.kind) : 'hidden';
  return row && view !== 'hidden' ? toPersonDto(row, view, today) : null;
}

/**
 * Everything an analyst works on for one report: the original and sanitised text, the gradings,
 * the subjects (and the people they were matched to), vehicles, attachments and the links that
 * cite it. Returns the people shown, for the audit event.
 */
export async function reportDetail(
  tx: Transaction,
  access: Access,
  id: string,
): Promise<{ detail: IntelligenceDetail; peopleShown: string[] }> {
  const row = await getIntelligence(tx, id);
  if (!row) throw new AppError('NOT_FOUND', `id: there is no intelligence report ${id}`);
  const parts = await intelligenceParts(tx, id);
  const today = londonDate();
  const peopleShown = new Set<string>();
  const seen = async (personId: string | null) => {
    const person = await personAsSeen(tx, access, personId, today);
    if (person) peopleShown.add(person.id);
    return person;
  };
  const subjects: IntelligenceDetail['subjects'] = [];
  for (const subject of parts.subjects) {
    subjects.push({
      id: subject.id,
      position: subject.position,
      name: subject.name,
      approximateAge: subject.approximateAge,
      dateOfBirth: subject.dateOfBirth,
      description: subject.description,
      namedPerson: await seen(subject.namedPersonId),
      person: await seen(subject.personId),
      resolution: subject.resolution,
    });
  }
  const ends = parts.links.flatMap((link) => [
    { type: link.fromType, id: link.fromId },
    { type: link.toType, id: link.toId },
  ]);
  const labels = await entityLabels(
    tx,
    ends.filter((end) => end.type === 'place' || end.type === 'vehicle').map((end) => end.id),
  );
  const label = async (end: { type: string; id: string }) => {
    if (end.type !== 'person') return labels.get(end.id) ?? end.type;
    const person = await seen(end.id);
    if (!person) return 'a person you may not see';
    return person.view === 'full'
      ? `${person.givenName} ${person.familyName}`
      : `${person.initials} · ${person.pseudonymRef}`;
  };
  const links: IntelligenceDetail['links'] = [];
  for (const link of parts.links) {
    const from = { type: link.fromType, id: link.fromId };
    const to = { type: link.toType, id: link.toId };
    links.push({
      id: link.id,
      linkType: link.linkType,
      from: { ...from, label: await label(from) },
      to: { ...to, label: await label(to) },
    });
  }
  return {
    detail: {
      ...toReport(row),
      version: row.version,
      sanitisedBody: row.sanitisedBody,
      submitterView: row.submitterView,
      statusReason: row.statusReason,
      place: row.placeId && row.placeName ? { id: row.placeId, name: row.placeName } : null,
      gradings: parts.gradings,
      subjects,
      vehicles: parts.vehicles,
      attachments: parts.attachments,
      links,
    },
    peopleShown: [...peopleShown],
  };
}
