import {
  appendAudit,
  getPeople,
  getPlace,
  namesWithoutActions,
  type PlaceRow,
  sharedIntelligenceSql,
} from '@lantern/db';
import type { NamesWithoutActionsInput, NameWithoutAction } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { presentPeople } from './assessment-support.ts';

/**
 * "Names without actions" (Contextual Safeguarding's warning sign): people and places linked to
 * children at high risk with no disruption action, no contextual assessment and no review date.
 * Each entry names the children at high risk it is linked to, as the caller may see them; every
 * person shown is audited with the search.
 */
export async function findNamesWithoutActions(
  app: AppContext,
  access: Access,
  input: NamesWithoutActionsInput,
): Promise<{ entries: NameWithoutAction[] }> {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await namesWithoutActions(
      tx,
      access.scope,
      (alias) => sharedIntelligenceSql(alias, access.intelligenceAudience),
      input.districtCode,
    );
    const subjects = new Map<string, { type: 'person' | 'place'; id: string; rows: typeof rows }>();
    for (const row of rows) {
      const subject = subjects.get(row.subjectId) ?? { type: row.subjectType, id: row.subjectId, rows: [] };
      subject.rows.push(row);
      subjects.set(row.subjectId, subject);
    }
    const chosen = [...subjects.values()].slice(0, input.limit);
    const personIds = new Set<string>();
    for (const subject of chosen) {
      if (subject.type === 'person') personIds.add(subject.id);
      for (const row of subject.rows) personIds.add(row.childId);
    }
    const people = new Map(
      presentPeople(access, await getPeople(tx, [...personIds], access.scope)).map((person) => [person.id, person]),
    );
    const places = new Map<string, PlaceRow>();
    for (const subject of chosen) {
      if (subject.type !== 'place') continue;
      const place = await getPlace(tx, subject.id, access.scope);
      if (place) places.set(place.id, place);
    }
    const entries: NameWithoutAction[] = [];
    for (const subject of chosen) {
      const linkedChildren = [...new Set(subject.rows.map((row) => row.childId))].flatMap((childId) => {
        const child = people.get(childId);
        return child ? [child] : [];
      });
      const links = subject.rows.map(({ linkId, linkType, lastSeen, childId }) => ({
        id: linkId,
        linkType,
        lastSeen,
        childId,
      }));
      if (subject.type === 'person') {
        const person = people.get(subject.id);
        if (person) entries.push({ subject: { type: 'person', person }, linkedChildren, links });
      } else {
        const place = places.get(subject.id);
        if (place) {
          entries.push({
            subject: { type: 'place', place: { id: place.id, name: place.name, districtCode: place.districtCode } },
            linkedChildren,
            links,
          });
        }
      }
    }
    const shown = new Set<string>();
    for (const entry of entries) {
      if (entry.subject.type === 'person') shown.add(entry.subject.person.id);
      for (const child of entry.linkedChildren) shown.add(child.id);
    }
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'person', ids: [...shown] }, { details: { entries: entries.length } }),
    );
    return { entries };
  });
}
