import type {
  CreateLinkInput,
  EntityRef,
  EntityType,
  IntelligenceCategory,
  LinkReliability,
  LinkSourceType,
  PersonKind,
  PlaceCategory,
} from '@lantern/domain';
import { londonDate, utcDate } from '@lantern/domain';
import { type DistrictScope, districtScopeFilter } from './district-scope.ts';
import type { PrismaTx } from './prisma-tx.ts';

/** Links between records, and the records at their ends, with district scope in every WHERE. */
export interface LinkRow {
  id: string;
  from: { type: EntityType; id: string };
  to: { type: EntityType; id: string };
  linkType: string;
  source: { type: LinkSourceType; id: string };
  firstSeen: string;
  lastSeen: string;
  reliability: LinkReliability;
  version: number;
}

export interface LinkableRecord {
  type: EntityType;
  id: string;
  /** For people: whether a child or an associate (the caller's view depends on it). */
  personKind: PersonKind | null;
}

/**
 * The record a reference names, if it exists and is in scope. Vehicles have no district, so scope
 * does not apply to them; records of the other kinds without a district are out of every scope
 * but the analysts' (as people.get treats people without a home district).
 */
export async function findLinkable(prisma: PrismaTx, ref: EntityRef, scope: DistrictScope) {
  const found = await findByType(prisma, ref, scope);
  return found ? ({ type: ref.type, id: ref.id, personKind: found.kind ?? null } satisfies LinkableRecord) : null;
}

async function findByType(
  prisma: PrismaTx,
  { type, id }: EntityRef,
  scope: DistrictScope,
): Promise<{ id: string; kind?: PersonKind } | null> {
  const districts = districtScopeFilter(scope);
  switch (type) {
    case 'person':
      return prisma.person.findFirst({ where: { id, homeDistrictCode: districts }, select: { id: true, kind: true } });
    case 'place':
      return prisma.placeOfConcern.findFirst({ where: { id, districtCode: districts }, select: { id: true } });
    case 'vehicle':
      return prisma.vehicle.findFirst({ where: { id }, select: { id: true } });
    case 'intelligence_report':
      return prisma.intelligenceReport.findFirst({ where: { id, districtCode: districts }, select: { id: true } });
    case 'missing_episode':
      return prisma.missingEpisode.findFirst({ where: { id, districtCode: districts }, select: { id: true } });
  }
}

/** Whether the record a link cites exists. Assessments have no table yet: the API refuses them. */
export async function sourceExists(prisma: PrismaTx, type: Exclude<LinkSourceType, 'assessment'>, id: string) {
  const found =
    type === 'intelligence_report'
      ? await prisma.intelligenceReport.findUnique({ where: { id }, select: { id: true } })
      : await prisma.missingEpisode.findUnique({ where: { id }, select: { id: true } });
  return found !== null;
}

const linkSelect = {
  id: true,
  fromType: true,
  fromId: true,
  toType: true,
  toId: true,
  linkType: true,
  sourceType: true,
  sourceId: true,
  firstSeen: true,
  lastSeen: true,
  reliability: true,
  version: true,
} as const;

type LinkRecord = {
  id: string;
  fromType: EntityType;
  fromId: string;
  toType: EntityType;
  toId: string;
  linkType: string;
  sourceType: LinkSourceType;
  sourceId: string;
  firstSeen: Date;
  lastSeen: Date;
  reliability: LinkReliability;
  version: number;
};

/** Prisma carries a `date` column as UTC midnight of that date. */
const dateOnly = (value: Date) => utcDate(value);
const dateColumn = (value: string) => new Date(`${value}T00:00:00Z`);

function toLinkRow(record: LinkRecord): LinkRow {
  return {
    id: record.id,
    from: { type: record.fromType, id: record.fromId },
    to: { type: record.toType, id: record.toId },
    linkType: record.linkType,
    source: { type: record.sourceType, id: record.sourceId },
    firstSeen: dateOnly(record.firstSeen),
    lastSeen: dateOnly(record.lastSeen),
    reliability: record.reliability,
    version: record.version,
  };
}

export async function createLink(tx: PrismaTx, input: CreateLinkInput): Promise<LinkRow> {
  const created = await tx.entityLink.create({
    data: {
      fromType: input.from.type,
      fromId: input.from.id,
      toType: input.to.type,
      toId: input.to.id,
      linkType: input.linkType,
      sourceType: input.source.type,
      sourceId: input.source.id,
      firstSeen: dateColumn(input.firstSeen),
      lastSeen: dateColumn(input.lastSeen),
      reliability: input.reliability,
    },
    select: linkSelect,
  });
  return toLinkRow(created);
}

/** Every link with the record at either end, most recently seen first. */
export async function listLinksOf(prisma: PrismaTx, ref: EntityRef): Promise<LinkRow[]> {
  const rows = await prisma.entityLink.findMany({
    where: {
      OR: [
        { fromType: ref.type, fromId: ref.id },
        { toType: ref.type, toId: ref.id },
      ],
    },
    orderBy: [{ lastSeen: 'desc' }, { id: 'asc' }],
    select: linkSelect,
  });
  return rows.map(toLinkRow);
}

export interface LinkedSummaries {
  places: Map<string, { name: string; category: PlaceCategory; districtCode: string | null }>;
  vehicles: Map<string, { registration: string }>;
  intelligenceReports: Map<string, { reference: string; category: IntelligenceCategory; districtCode: string | null }>;
  missingEpisodes: Map<string, { reportedOn: string; districtCode: string | null }>;
}

/**
 * Short descriptions of the records (other than people) at the other ends of links, limited to
 * the caller's districts; a record missing from the maps is out of scope or gone.
 */
export async function linkedSummaries(
  prisma: PrismaTx,
  ids: { place: string[]; vehicle: string[]; intelligence_report: string[]; missing_episode: string[] },
  scope: DistrictScope,
): Promise<LinkedSummaries> {
  const districts = districtScopeFilter(scope);
  // One query after another: an interactive transaction has one connection to run them on.
  const places =
    ids.place.length === 0
      ? []
      : await prisma.placeOfConcern.findMany({
          where: { id: { in: ids.place }, districtCode: districts },
          select: { id: true, name: true, category: true, districtCode: true },
        });
  const vehicles =
    ids.vehicle.length === 0
      ? []
      : await prisma.vehicle.findMany({ where: { id: { in: ids.vehicle } }, select: { id: true, registration: true } });
  const reports =
    ids.intelligence_report.length === 0
      ? []
      : await prisma.intelligenceReport.findMany({
          where: { id: { in: ids.intelligence_report }, districtCode: districts },
          select: { id: true, reference: true, category: true, districtCode: true },
        });
  const episodes =
    ids.missing_episode.length === 0
      ? []
      : await prisma.missingEpisode.findMany({
          where: { id: { in: ids.missing_episode }, districtCode: districts },
          select: { id: true, reportedAt: true, districtCode: true },
        });
  return {
    places: new Map(places.map(({ id, ...rest }) => [id, rest])),
    vehicles: new Map(vehicles.map(({ id, ...rest }) => [id, rest])),
    intelligenceReports: new Map(reports.map(({ id, ...rest }) => [id, rest])),
    missingEpisodes: new Map(
      episodes.map(({ id, reportedAt, districtCode }) => [id, { reportedOn: londonDate(reportedAt), districtCode }]),
    ),
  };
}

export async function vehicleExists(tx: PrismaTx, vehicleId: string): Promise<boolean> {
  return (await tx.vehicle.findUnique({ where: { id: vehicleId }, select: { id: true } })) !== null;
}
