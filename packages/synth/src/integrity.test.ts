import { careStatuses, type EntityType, roles } from '@lantern/domain';
import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.ts';
import { districtAt, isInsideDistrict } from './geography.ts';
import { COUNTY_COUNCIL, countyDistrictCodes, NOTTINGHAM_CITY, towns } from './towns.ts';
import type { LonLat, SyntheticDataset } from './types.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PSEUDONYM = /^[CA]-[A-HJ-NP-Z2-9]{6}$/;

// Every test here only reads the dataset, so the file generates it once (about 2.5 s each time).
let shared: SyntheticDataset | undefined;
function dataset(): SyntheticDataset {
  shared ??= generateDataset({ seed: 11 });
  return shared;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const value of values) {
    if (seen.has(value)) repeated.push(value);
    seen.add(value);
  }
  return repeated;
}

function idsByType(data: SyntheticDataset): Record<EntityType, Set<string>> {
  return {
    person: new Set(data.people.map((person) => person.id)),
    place: new Set(data.places.map((place) => place.id)),
    vehicle: new Set(data.vehicles.map((vehicle) => vehicle.id)),
    intelligence_report: new Set(data.intelligenceReports.map((report) => report.id)),
    missing_episode: new Set(data.missingEpisodes.map((episode) => episode.id)),
  };
}

describe('referential integrity', () => {
  it('links join records that exist, cite an existing source and never join a record to itself', () => {
    const data = dataset();
    const ids = idsByType(data);
    const broken = data.links.filter(
      (link) =>
        !ids[link.fromType].has(link.fromId) ||
        !ids[link.toType].has(link.toId) ||
        link.sourceType === 'assessment' ||
        !ids[link.sourceType as Exclude<typeof link.sourceType, 'assessment'>].has(link.sourceId) ||
        (link.fromType === link.toType && link.fromId === link.toId) ||
        link.firstSeen > link.lastSeen,
    );
    expect(data.links.length).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });

  it('links cover child–associate, child–place, associate–vehicle and associate–place pairs', () => {
    const data = dataset();
    const kinds = new Map(data.people.map((person) => [person.id, person.kind]));
    const pairs = new Set(
      data.links.map((link) => {
        const from = link.fromType === 'person' ? kinds.get(link.fromId) : link.fromType;
        const to = link.toType === 'person' ? kinds.get(link.toId) : link.toType;
        return `${from}-${to}`;
      }),
    );
    for (const pair of ['child-associate', 'child-place', 'associate-vehicle', 'associate-place']) {
      expect(pairs).toContain(pair);
    }
    expect(new Set(data.links.map((link) => link.sourceType))).toEqual(
      new Set(['intelligence_report', 'missing_episode']),
    );
  });

  it("every episode belongs to a child, and the episode's dates are consistent", () => {
    const data = dataset();
    const people = new Map(data.people.map((person) => [person.id, person]));
    const periodEndMs = Date.parse(`${data.periodEnd}T23:59:59Z`);
    for (const episode of data.missingEpisodes) {
      expect(people.get(episode.personId)?.kind).toBe('child');
      expect(careStatuses).toContain(episode.careStatus);
      if (episode.returnedAt === null) {
        // Still missing only if reported in the last month of the period.
        expect(periodEndMs - Date.parse(episode.reportedAt)).toBeLessThan(31 * 86_400_000);
        expect(episode.found).toBeNull();
      } else {
        expect(episode.returnedAt > episode.reportedAt).toBe(true);
      }
      if (episode.rhiCompletedAt !== null) {
        expect(episode.rhiService).not.toBeNull();
        expect(episode.rhiCompletedAt >= (episode.returnedAt ?? '9')).toBe(true);
      }
      if (episode.mamHeldAt !== null) expect(episode.mamHeldAt > episode.reportedAt).toBe(true);
    }
  });

  it('intelligence is graded, dated and submitted by a known agency and user', () => {
    const data = dataset();
    const agencies = new Set(data.agencies.map((agency) => agency.id));
    const users = new Set(data.users.map((user) => user.id));
    for (const report of data.intelligenceReports) {
      expect(report.handlingConditions !== null, report.reference).toBe(report.handlingCode === 'C');
      if (report.handlingConditions !== null) expect(report.handlingConditions.length).toBeGreaterThan(10);
      expect(report.submittedAt >= report.occurredAt, report.reference).toBe(true);
      expect(agencies.has(report.submittingAgencyId)).toBe(true);
      if (report.submittedById !== null) expect(users.has(report.submittedById)).toBe(true);
    }
    expect(data.intelligenceReports.length).toBeGreaterThan(3000);
    const grades = data.intelligenceReports.map(
      (report) => `${report.sourceEvaluation}${report.intelligenceEvaluation}`,
    );
    const mostlyTwoBC = grades.filter((grade) => grade === '2B' || grade === '2C').length / grades.length;
    expect(mostlyTwoBC).toBeGreaterThan(0.35);
  });

  it('children live in a county district with the right responsible authority', () => {
    const data = dataset();
    for (const person of data.people.filter((candidate) => candidate.kind === 'child')) {
      expect(countyDistrictCodes).toContain(person.homeDistrictCode);
      if (person.careStatus === 'ola_care') {
        expect(person.responsibleAuthority).not.toBe(COUNTY_COUNCIL);
        expect(person.responsibleAuthority).toMatch(/Council$/);
      } else {
        expect(person.responsibleAuthority).toBe(COUNTY_COUNCIL);
      }
      expect(person.externalRef).toMatch(/^CH-\d{6}$/);
    }
    const associates = data.people.filter((person) => person.kind === 'associate');
    expect(associates.length).toBeGreaterThan(200);
    expect(associates.every((person) => person.careStatus === null)).toBe(true);
  });
});

describe('geography', () => {
  it('every place sits inside its own district', () => {
    const data = dataset();
    const outside = data.places.filter((place) => !isInsideDistrict(place.location, place.districtCode));
    expect(data.places.length).toBeGreaterThan(200);
    expect(outside).toEqual([]);
  });

  it('every intelligence, last-seen and found point is inside one of the eight districts', () => {
    const data = dataset();
    const points: LonLat[] = [
      ...data.intelligenceReports.flatMap((report) => (report.location ? [report.location] : [])),
      ...data.missingEpisodes.flatMap((episode) => [episode.lastSeen, episode.found].filter((p) => p !== null)),
    ];
    expect(points.filter((point) => districtAt(point) === null)).toEqual([]);
  });

  it('every listed town centre is inside its district', () => {
    expect(towns.filter((town) => !isInsideDistrict(town.centre, town.districtCode)).map((town) => town.name)).toEqual(
      [],
    );
  });
});

describe('uniqueness and formats', () => {
  it('ids are version-4 UUIDs, unique across the dataset', () => {
    const data = dataset();
    const ids = [
      ...data.agencies,
      ...data.users,
      ...data.people,
      ...data.places,
      ...data.vehicles,
      ...data.intelligenceReports,
      ...data.links,
      ...data.missingEpisodes,
    ].map((record) => record.id);
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(duplicates(ids)).toEqual([]);
  });

  it('references, e-mails and registrations are unique and well formed', () => {
    const data = dataset();
    const pseudonyms = data.people.map((person) => person.pseudonymRef);
    expect(pseudonyms.filter((ref) => !PSEUDONYM.test(ref))).toEqual([]);
    expect(duplicates(pseudonyms)).toEqual([]);
    expect(duplicates(data.people.flatMap((person) => (person.externalRef ? [person.externalRef] : [])))).toEqual([]);
    const episodeRefs = data.missingEpisodes.map((episode) => episode.episodeRef);
    expect(episodeRefs.filter((ref) => !/^ME-\d{6}$/.test(ref))).toEqual([]);
    expect(duplicates(episodeRefs)).toEqual([]);
    expect(duplicates(data.intelligenceReports.map((report) => report.reference))).toEqual([]);
    const emails = data.users.map((user) => user.email);
    expect(emails.filter((email) => email !== email.toLowerCase() || !email.endsWith('@lantern.test'))).toEqual([]);
    expect(duplicates(emails)).toEqual([]);
    const registrations = data.vehicles.map((vehicle) => vehicle.registration);
    // Current GB format with a Q among the random letters, which the DVLA never issues there.
    expect(
      registrations.filter((plate) => !/^[A-HJ-PR-Y]{2}\d{2}[A-HJ-Z]{3}$/.test(plate) || !/Q/.test(plate.slice(4))),
    ).toEqual([]);
    expect(duplicates(registrations)).toEqual([]);
  });
});

describe('agencies and demo users', () => {
  it('has the partnership agencies', () => {
    const data = dataset();
    const kinds = new Set(data.agencies.map((agency) => agency.kind));
    for (const kind of ['police', 'county_council', 'district_council', 'health', 'education', 'charity'] as const) {
      expect(kinds).toContain(kind);
    }
    const councils = data.agencies.filter((agency) => agency.kind === 'district_council');
    expect(councils.map((agency) => agency.districtCode).sort()).toEqual([...countyDistrictCodes].sort());
    expect(duplicates(data.agencies.map((agency) => agency.name))).toEqual([]);
  });

  it('has a user for every role, and an officer and NSD attendee for each of the eight districts', () => {
    const data = dataset();
    for (const role of roles) expect(data.users.some((user) => user.roles.includes(role))).toBe(true);
    const councils = new Map(data.agencies.map((agency) => [agency.id, agency]));
    for (const code of [...countyDistrictCodes, NOTTINGHAM_CITY]) {
      const officer = data.users.find(
        (user) => user.roles.includes('district_officer') && user.districtCodes[0] === code,
      );
      expect(officer, code).toBeDefined();
      expect(councils.get(officer?.agencyId ?? '')?.districtCode).toBe(code);
      expect(data.users.some((user) => user.roles.includes('nsd_attendee') && user.districtCodes.includes(code))).toBe(
        true,
      );
    }
    const analyst = data.users.find((user) => user.email === 'analyst@lantern.test');
    expect(analyst?.districtCodes).toHaveLength(8);
    expect(data.users.find((user) => user.email === 'coordinator@lantern.test')?.districtCodes).toHaveLength(7);
    expect(data.users.find((user) => user.email === 'admin@lantern.test')?.districtCodes).toEqual([]);
    expect(data.users.every((user) => user.password.length >= 12)).toBe(true);
  });
});
