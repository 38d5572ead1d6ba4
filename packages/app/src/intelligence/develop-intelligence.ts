import {
  appendAudit,
  changeIntelligence,
  createLink,
  createPerson,
  createPlace,
  findLinkable,
  getPerson,
  getPlace,
  matchVehicle,
  resolveSubject,
  subjectPositions,
  type Transaction,
} from '@lantern/db';
import {
  AppError,
  type DevelopEndpoint,
  type DevelopIntelligenceInput,
  type EntityRef,
  type IntelligenceDetail,
  newPseudonymRef,
  nextIntelligenceStatus,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { reportDetail, reportToChange } from './intelligence-support.ts';

/**
 * Develops a graded report, all or nothing: each free-text subject matched to a Lantern person
 * or recorded as a new one, the place matched or recorded, vehicles matched or recorded by
 * registration, and the links the report supports, each citing it and dated when it happened.
 * Every person and place recorded, every link and the development itself are audited.
 */
export async function developIntelligence(
  app: AppContext,
  access: Access,
  input: DevelopIntelligenceInput,
): Promise<IntelligenceDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const state = await reportToChange(tx, input.id, input.version);
    const status = nextIntelligenceStatus(state.status, 'develop', state.graded);
    const subjects = new Map((await subjectPositions(tx, state.id)).map((s) => [s.position, s]));
    const personOf = new Map<number, string>();
    for (const subject of subjects.values()) {
      const known = subject.personId ?? subject.namedPersonId;
      if (known) personOf.set(subject.position, known);
    }
    const created: string[] = [];
    for (const [index, resolution] of input.subjects.entries()) {
      const field = `subjects.${index}`;
      if (!subjects.has(resolution.position)) {
        throw new AppError('BAD_INPUT', `${field}.position: the report has no subject ${resolution.position}`);
      }
      let personId: string;
      if ('personId' in resolution) {
        if (!(await getPerson(tx, resolution.personId, 'all'))) {
          throw new AppError('NOT_FOUND', `${field}.personId: there is no person ${resolution.personId}`);
        }
        personId = resolution.personId;
      } else {
        const person = await createPerson(tx, resolution.create, newPseudonymRef(resolution.create.kind));
        personId = person.id;
        created.push(person.id);
        await appendAudit(
          tx,
          auditEvent(access, 'create', { type: 'person', ids: [person.id] }, { details: { from: state.reference } }),
        );
      }
      await resolveSubject(
        tx,
        state.id,
        resolution.position,
        personId,
        'personId' in resolution ? 'matched' : 'created',
      );
      personOf.set(resolution.position, personId);
    }

    let placeId = state.placeId;
    if (input.place && 'placeId' in input.place) {
      if (!(await getPlace(tx, input.place.placeId, 'all'))) {
        throw new AppError('NOT_FOUND', `place.placeId: there is no place of concern ${input.place.placeId}`);
      }
      placeId = input.place.placeId;
    } else if (input.place) {
      const place = await createPlace(tx, input.place.create);
      placeId = place.id;
      await appendAudit(
        tx,
        auditEvent(access, 'create', { type: 'place', ids: [place.id] }, { details: { from: state.reference } }),
      );
    }

    const vehicleOf = new Map<string, string>();
    const vehicle = async (registration: string) => {
      const known = vehicleOf.get(registration) ?? (await matchVehicle(tx, state.id, registration));
      vehicleOf.set(registration, known);
      return known;
    };
    for (const registration of input.vehicles) await vehicle(registration);

    const refOf = async (end: DevelopEndpoint, field: string): Promise<EntityRef> => {
      switch (end.kind) {
        case 'subject': {
          const id = personOf.get(end.position);
          if (!id) {
            throw new AppError('BAD_INPUT', `${field}.position: subject ${end.position} is not matched to a person`);
          }
          return { type: 'person', id };
        }
        case 'place':
          if (!placeId) throw new AppError('BAD_INPUT', `${field}: the report has no place; match or record one first`);
          return { type: 'place', id: placeId };
        case 'vehicle':
          return { type: 'vehicle', id: await vehicle(end.registration) };
        case 'record':
          return { type: end.type, id: end.id };
      }
    };
    const linkIds: string[] = [];
    const linked = new Set<string>();
    for (const [index, wanted] of input.links.entries()) {
      const from = await refOf(wanted.from, `links.${index}.from`);
      const to = await refOf(wanted.to, `links.${index}.to`);
      if (from.type === to.type && from.id === to.id) {
        throw new AppError('BAD_INPUT', `links.${index}.to: must be a different record from "from"`);
      }
      await assertExists(tx, to, `links.${index}.to`);
      await assertExists(tx, from, `links.${index}.from`);
      const link = await createLink(tx, {
        from,
        to,
        linkType: wanted.linkType,
        source: { type: 'intelligence_report', id: state.id },
        firstSeen: state.seenOn,
        lastSeen: state.seenOn,
        reliability: wanted.reliability,
      });
      linkIds.push(link.id);
      for (const end of [from, to]) if (end.type === 'person') linked.add(end.id);
    }
    if (linkIds.length > 0) {
      await appendAudit(
        tx,
        auditEvent(
          access,
          'create',
          { type: 'link', ids: [...linkIds, ...linked] },
          {
            details: { source: { type: 'intelligence_report', id: state.id }, links: linkIds.length },
          },
        ),
      );
    }
    await changeIntelligence(tx, state.id, state.version, { status, ...(placeId ? { placeId } : {}) });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'intelligence_report', ids: [state.id, ...personOf.values()] },
        {
          details: {
            status,
            subjectsMatched: input.subjects.length - created.length,
            peopleCreated: created.length,
            vehicles: vehicleOf.size,
            links: linkIds.length,
          },
        },
      ),
    );
    return (await reportDetail(tx, access, state.id)).detail;
  });
}

async function assertExists(tx: Transaction, ref: EntityRef, field: string) {
  if (!(await findLinkable(tx, ref, 'all'))) {
    throw new AppError('NOT_FOUND', `${field}.id: there is no ${ref.type} ${ref.id}`);
  }
}
