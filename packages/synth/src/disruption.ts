/**
 * Disruption actions and NSD meetings for the demo: in each county district, three monthly NSD
 * meetings held by the end of the period with minutes and an action log carried between them (and
 * the next one, arranged, without minutes), and
 * five disruption actions at different points of their life (ended, in force and reviewed, in
 * force with a review due, agreed, proposed). Derived from a generated dataset and its seed, so
 * the same seed always gives the same rows; tactics are named by their catalogue code (the
 * migration seeds the catalogue, the loader looks the codes up).
 */
import {
  addDays,
  type DisruptionOutcome,
  type DisruptionStatus,
  type DisruptionTargetType,
  monthStart,
  type NsdActionStatus,
} from '@lantern/domain';
import { Rng } from './rng.ts';
import { countyDistrictCodes, districtInfoOf } from './towns.ts';
import type { SyntheticDataset, SynthPerson, SynthPlace } from './types.ts';

export interface SynthStatusChange {
  from: DisruptionStatus | null;
  to: DisruptionStatus;
  reason: string;
  at: string;
}

export interface SynthDisruptionAction {
  id: string;
  tacticCode: string;
  targetType: DisruptionTargetType;
  targetPlaceId: string | null;
  targetPersonId: string | null;
  holderAgencyId: string;
  ownerId: string;
  districtCode: string;
  status: DisruptionStatus;
  outcome: DisruptionOutcome | null;
  proposedOn: string;
  agreedOn: string | null;
  inForceFrom: string | null;
  reviewOn: string | null;
  expiresOn: string | null;
  endedOn: string | null;
  notes: string | null;
  history: SynthStatusChange[];
}

export interface SynthNsdMinute {
  meetingId: string;
  itemKey: string;
  itemTitle: string;
  text: string;
}

export interface SynthNsdMeeting {
  id: string;
  districtCode: string;
  heldOn: string;
  chair: string;
  attendees: string[];
  agencies: string[];
}

export interface SynthNsdActionItem {
  id: string;
  districtCode: string;
  raisedAtMeetingId: string;
  description: string;
  owner: string;
  agency: string;
  dueOn: string;
  status: NsdActionStatus;
  closedOn: string | null;
  updateNote: string | null;
}

export interface SynthDisruptionData {
  actions: SynthDisruptionAction[];
  meetings: SynthNsdMeeting[];
  minutes: SynthNsdMinute[];
  actionItems: SynthNsdActionItem[];
}

const day = addDays;

/** Places of the district, preferring the categories a tactic suits, never one already used. */
function placeFor(rng: Rng, places: readonly SynthPlace[], used: Set<string>, categories: readonly string[]) {
  const free = places.filter((place) => !used.has(place.id));
  const preferred = free.filter((place) => categories.includes(place.category));
  const choice = preferred.length > 0 ? rng.pick(preferred) : free.length > 0 ? rng.pick(free) : undefined;
  if (choice) used.add(choice.id);
  return choice;
}

export function generateDisruption(dataset: SyntheticDataset): SynthDisruptionData {
  const rng = new Rng(dataset.seed).fork('disruption');
  const data: SynthDisruptionData = { actions: [], meetings: [], minutes: [], actionItems: [] };
  const police = dataset.agencies.find((agency) => agency.kind === 'police');
  const analyst = dataset.users.find((user) => user.roles.includes('police_analyst'));
  if (!police || !analyst) return data;
  // Meetings on the 10th of the month: the last three held by the end of the period, with minutes,
  // and the next one, arranged but not yet held. Nothing is recorded after the period ends (a
  // demo seeded today must not show minutes of next week's meeting).
  const latest = day(monthStart(dataset.periodEnd, 0), 9) <= dataset.periodEnd ? 0 : -1;
  const meetingDays = [latest - 2, latest - 1, latest].map((months) => day(monthStart(dataset.periodEnd, months), 9));
  const nextMeetingDay = day(monthStart(dataset.periodEnd, latest + 1), 9);
  const notAfterTheEnd = (date: string) => (date > dataset.periodEnd ? dataset.periodEnd : date);

  for (const code of countyDistrictCodes) {
    const info = districtInfoOf(code);
    const council = dataset.agencies.find(
      (agency) => agency.kind === 'district_council' && agency.districtCode === code,
    );
    const officer = dataset.users.find(
      (user) => user.roles.includes('district_officer') && user.districtCodes.includes(code),
    );
    if (!council || !officer) continue;
    const districtRng = rng.fork(code);
    const places = dataset.places.filter(
      (place) =>
        place.districtCode === code && (place.concernUntil === null || place.concernUntil >= dataset.periodEnd),
    );
    const associates = dataset.people.filter(
      (person: SynthPerson) => person.kind === 'associate' && person.homeDistrictCode === code,
    );
    const used = new Set<string>();

    const meetings = meetingDays.map((heldOn) => ({
      id: districtRng.uuid(),
      districtCode: code,
      heldOn,
      chair: 'DI Demo (Nottinghamshire Police)',
      attendees: ['DI Demo', officer.displayName, 'Early Help practitioner', 'Licensing officer'],
      agencies: [police.name, council.name, 'Nottinghamshire County Council'],
    }));
    data.meetings.push(...meetings, {
      id: districtRng.uuid(),
      districtCode: code,
      heldOn: nextMeetingDay,
      chair: 'DI Demo (Nottinghamshire Police)',
      attendees: [],
      agencies: [police.name, council.name, 'Nottinghamshire County Council'],
    });
    const [first, second, third] = meetings as [SynthNsdMeeting, SynthNsdMeeting, SynthNsdMeeting];

    const action = (
      tacticCode: string,
      target: { place?: SynthPlace; person?: SynthPerson },
      holder: string,
      owner: string,
      life: Partial<SynthDisruptionAction> & { proposedOn: string; status: DisruptionStatus },
      history: SynthStatusChange[],
      notes: string | null,
    ) => {
      const row: SynthDisruptionAction = {
        id: districtRng.uuid(),
        tacticCode,
        targetType: target.person ? 'person' : tacticCode === 'public_spaces_protection_order' ? 'place' : 'premises',
        targetPlaceId: target.place?.id ?? null,
        targetPersonId: target.person?.id ?? null,
        holderAgencyId: holder,
        ownerId: owner,
        districtCode: code,
        outcome: null,
        agreedOn: null,
        inForceFrom: null,
        reviewOn: null,
        expiresOn: null,
        endedOn: null,
        notes,
        history,
        ...life,
      };
      data.actions.push(row);
      return row;
    };
    const step = (from: DisruptionStatus | null, to: DisruptionStatus, reason: string, at: string) => ({
      from,
      to,
      reason,
      at: `${at}T10:30:00Z`,
    });

    const takeaway = placeFor(districtRng, places, used, ['takeaway', 'house', 'shop']);
    if (takeaway) {
      const proposedOn = day(first.heldOn, -50);
      action(
        'closure_order',
        { place: takeaway },
        council.id,
        officer.id,
        {
          proposedOn,
          status: 'ended',
          outcome: 'complied',
          agreedOn: day(proposedOn, 1),
          inForceFrom: day(proposedOn, 4),
          expiresOn: day(proposedOn, 94),
          endedOn: day(proposedOn, 94),
        },
        [
          step(null, 'proposed', 'Closure notice served; order sought', proposedOn),
          step('proposed', 'agreed', 'Magistrates granted a 3-month order', day(proposedOn, 1)),
          step('agreed', 'in_force', 'Order served on the premises', day(proposedOn, 4)),
          step('in_force', 'ended', 'Expired; no further reports of children at the premises', day(proposedOn, 94)),
        ],
        'Children seen entering late at night with older males.',
      );
    }
    const park = placeFor(districtRng, places, used, ['park', 'car_park', 'bus_station']);
    if (park) {
      const inForceFrom = day(first.heldOn, -100);
      action(
        'public_spaces_protection_order',
        { place: park },
        council.id,
        officer.id,
        {
          proposedOn: day(inForceFrom, -40),
          status: 'reviewed',
          agreedOn: day(inForceFrom, -20),
          inForceFrom,
          reviewOn: day(third.heldOn, 28),
          expiresOn: day(inForceFrom, 1095),
        },
        [
          step(null, 'proposed', 'Proposed after community consultation', day(inForceFrom, -40)),
          step('proposed', 'agreed', 'Agreed by the council cabinet', day(inForceFrom, -20)),
          step('agreed', 'in_force', 'Order made; signs up', inForceFrom),
          step('in_force', 'reviewed', 'Reviewed at the NSD meeting: keep', first.heldOn),
        ],
        'Gathering after dark; alcohol and drugs given to children.',
      );
    }
    const patrolled = placeFor(districtRng, places, used, ['bus_station', 'rail_station', 'taxi_rank', 'leisure']);
    if (patrolled) {
      action(
        'targeted_patrols',
        { place: patrolled },
        police.id,
        analyst.id,
        {
          proposedOn: second.heldOn,
          status: 'in_force',
          agreedOn: second.heldOn,
          inForceFrom: day(second.heldOn, 3),
          reviewOn: third.heldOn,
        },
        [
          step(null, 'proposed', 'Raised at the NSD meeting', second.heldOn),
          step('proposed', 'agreed', 'Agreed at the NSD meeting', second.heldOn),
          step('agreed', 'in_force', 'Patrols on Friday and Saturday evenings', day(second.heldOn, 3)),
        ],
        'Friday and Saturday evenings, 18:00–23:00.',
      );
    }
    const licensed = placeFor(districtRng, places, used, ['hotel', 'takeaway', 'shop']);
    if (licensed) {
      action(
        'premises_licence_review',
        { place: licensed },
        council.id,
        officer.id,
        { proposedOn: day(third.heldOn, -14), status: 'agreed', agreedOn: third.heldOn },
        [
          step(null, 'proposed', 'Police asked licensing to review', day(third.heldOn, -14)),
          step('proposed', 'agreed', 'Agreed at the NSD meeting', third.heldOn),
        ],
        'Staff serving children alcohol; CCTV not working.',
      );
    }
    const associate = associates.length > 0 ? districtRng.pick(associates) : undefined;
    if (associate) {
      action(
        'community_protection_warning',
        { person: associate },
        police.id,
        analyst.id,
        { proposedOn: notAfterTheEnd(day(third.heldOn, 8)), status: 'proposed' },
        [
          step(
            null,
            'proposed',
            'Intelligence links him to two children of concern',
            notAfterTheEnd(day(third.heldOn, 8)),
          ),
        ],
        null,
      );
    }

    const item = (
      meeting: SynthNsdMeeting,
      description: string,
      owner: string,
      agency: string,
      dueOn: string,
      closedOn: string | null,
      updateNote: string | null,
    ) =>
      data.actionItems.push({
        id: districtRng.uuid(),
        districtCode: code,
        raisedAtMeetingId: meeting.id,
        description,
        owner,
        agency,
        dueOn,
        status: closedOn ? 'closed' : districtRng.chance(0.5) ? 'in_progress' : 'open',
        closedOn,
        updateNote,
      });
    item(
      first,
      `Licensing visit to ${takeaway?.name ?? 'the takeaway'}`,
      'Licensing officer',
      council.name,
      day(first.heldOn, 21),
      second.heldOn,
      'Visited; staff briefed on the signs of exploitation',
    );
    item(
      first,
      'Share the taxi marshals’ reports with the police',
      'Community safety officer',
      council.name,
      day(first.heldOn, 28),
      null,
      null,
    );
    item(
      second,
      `Ask the county for lighting at ${park?.name ?? 'the park'}`,
      officer.displayName,
      council.name,
      day(second.heldOn, 21),
      third.heldOn,
      'Lighting survey booked',
    );
    item(
      third,
      'Business awareness briefing for hotels and takeaways',
      'PCSO Demo',
      police.name,
      day(third.heldOn, 30),
      null,
      null,
    );
    item(
      third,
      `Safety plans for the children linked to ${patrolled?.name ?? 'the bus station'}`,
      'Early Help practitioner',
      'Nottinghamshire County Council',
      day(third.heldOn, 14),
      null,
      null,
    );

    for (const meeting of meetings) {
      data.minutes.push(
        {
          meetingId: meeting.id,
          itemKey: 'action-log',
          itemTitle: 'Action log',
          text: `Actions reviewed; open items carried to the next ${info.name} meeting.`,
        },
        {
          meetingId: meeting.id,
          itemKey: 'other',
          itemTitle: 'Any other business',
          text: 'Schools report more children using the bus station after school; partners to share intelligence.',
        },
      );
    }
  }
  return data;
}
