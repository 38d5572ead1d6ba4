import {
  appendAudit,
  findLinkable,
  getPerson,
  intelligenceShareStates,
  type LinkedSummaries,
  type LinkRow,
  linkedSummaries,
  listLinksOf,
} from '@lantern/db';
import {
  AppError,
  type EntityLinks,
  type EntityType,
  type LinkedRecord,
  type ListLinksForEntityInput,
  londonDate,
  mayShareIntelligence,
  type Person,
  toPersonDto,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { noun } from './link-support.ts';

function otherEnd(link: LinkRow, type: EntityType, id: string) {
  const outgoing = link.from.type === type && link.from.id === id;
  return { direction: outgoing ? ('outgoing' as const) : ('incoming' as const), other: outgoing ? link.to : link.from };
}

function describe(
  other: { type: EntityType; id: string },
  people: ReadonlyMap<string, Person>,
  summaries: LinkedSummaries,
): LinkedRecord | null {
  const { id } = other;
  switch (other.type) {
    case 'person': {
      const person = people.get(id);
      return person ? { type: 'person', id, person } : null;
    }
    case 'place': {
      const place = summaries.places.get(id);
      return place ? { type: 'place', id, ...place } : null;
    }
    case 'vehicle': {
      const vehicle = summaries.vehicles.get(id);
      return vehicle ? { type: 'vehicle', id, ...vehicle } : null;
    }
    case 'intelligence_report': {
      const report = summaries.intelligenceReports.get(id);
      return report ? { type: 'intelligence_report', id, ...report } : null;
    }
    case 'missing_episode': {
      const episode = summaries.missingEpisodes.get(id);
      return episode ? { type: 'missing_episode', id, ...episode } : null;
    }
  }
}

/** The links of one record, showing the other ends only as far as the caller may see them. */
export async function listLinksForEntity(
  app: AppContext,
  access: Access,
  { type, id, reason }: ListLinksForEntityInput,
): Promise<EntityLinks> {
  return app.db.prisma.$transaction(async (tx) => {
    const entity = await findLinkable(tx, { type, id }, access.scope);
    if (!entity || (entity.personKind !== null && access.view(entity.personKind) === 'hidden')) {
      throw new AppError('NOT_FOUND', `No ${noun(type)} ${id} in your districts`);
    }
    // Share-back: a link citing (or naming) a report the caller may not see is not shown at all.
    const allLinks = await listLinksOf(tx, { type, id });
    const reportIds = allLinks.flatMap((link) =>
      [link.source, link.from, link.to].filter((end) => end.type === 'intelligence_report').map((end) => end.id),
    );
    const reportStates = await intelligenceShareStates(
      tx,
      type === 'intelligence_report' ? [id, ...reportIds] : reportIds,
    );
    const shareable = (end: { type: string; id: string }) => {
      if (end.type !== 'intelligence_report') return true;
      const state = reportStates.get(end.id);
      return state !== undefined && mayShareIntelligence(access.intelligenceAudience, state);
    };
    if (!shareable({ type, id })) throw new AppError('NOT_FOUND', `No ${noun(type)} ${id} in your districts`);
    const links = allLinks.filter((link) => shareable(link.source) && shareable(link.from) && shareable(link.to));
    const ends = links.map((link) => ({ link, ...otherEnd(link, type, id) }));
    const idsOf = (kind: EntityType) => [
      ...new Set(ends.filter((end) => end.other.type === kind).map((e) => e.other.id)),
    ];

    // People one at a time through getPerson, so they are scoped and shaped exactly as people.get does.
    const people = new Map<string, Person>();
    const today = londonDate();
    for (const personId of idsOf('person')) {
      const row = await getPerson(tx, personId, access.scope);
      const view = row ? access.view(row.kind) : 'hidden';
      if (row && view !== 'hidden') people.set(personId, toPersonDto(row, view, today));
    }
    const summaries = await linkedSummaries(
      tx,
      {
        place: idsOf('place'),
        vehicle: idsOf('vehicle'),
        intelligence_report: idsOf('intelligence_report'),
        missing_episode: idsOf('missing_episode'),
      },
      access.scope,
    );
    const shown = ends.flatMap(({ link, direction, other }) => {
      const described = describe(other, people, summaries);
      if (!described) return [];
      return [
        {
          id: link.id,
          direction,
          linkType: link.linkType,
          other: described,
          source: link.source,
          firstSeen: link.firstSeen,
          lastSeen: link.lastSeen,
          reliability: link.reliability,
        },
      ];
    });
    await appendAudit(
      tx,
      auditEvent(access, 'read', { type, ids: [id, ...people.keys()] }, { reason, details: { links: shown.length } }),
    );
    return { entity: { type, id }, links: shown };
  });
}
