import type { Database } from './connect.ts';
import { appliedMigrations } from './migrate.ts';

/** `lantern db status --format json` (docs/ARCHITECTURE.md): the backend, migrations and row counts. */
export interface DatabaseStatus {
  backend: Database['backend'];
  migrations: number;
  counts: {
    districts: number;
    wards: number;
    lsoas: number;
    agencies: number;
    users: number;
    people: number;
    places: number;
    vehicles: number;
    crimeEvents: number;
    intelligenceReports: number;
    links: number;
    missingEpisodes: number;
    auditEvents: number;
    disruptionActions: number;
    nsdMeetings: number;
    exploitationEvents: number;
  };
}

export async function databaseStatus(db: Database): Promise<DatabaseStatus> {
  const migrations = (await appliedMigrations(db.sql)).filter((row) => row.finished_at && !row.rolled_back_at).length;
  if (migrations === 0) {
    const zero = { districts: 0, wards: 0, lsoas: 0, agencies: 0, users: 0, people: 0, places: 0, vehicles: 0 };
    return {
      backend: db.backend,
      migrations,
      counts: {
        ...zero,
        crimeEvents: 0,
        intelligenceReports: 0,
        links: 0,
        missingEpisodes: 0,
        auditEvents: 0,
        disruptionActions: 0,
        nsdMeetings: 0,
        exploitationEvents: 0,
      },
    };
  }
  const { prisma } = db;
  // Sequential on purpose: PGlite has one connection, and the counts are cheap.
  const counts: DatabaseStatus['counts'] = {
    districts: await prisma.district.count(),
    wards: await prisma.ward.count(),
    lsoas: await prisma.lsoa.count(),
    agencies: await prisma.agency.count(),
    users: await prisma.user.count(),
    people: await prisma.person.count(),
    places: await prisma.placeOfConcern.count(),
    vehicles: await prisma.vehicle.count(),
    crimeEvents: await prisma.crimeEvent.count(),
    intelligenceReports: await prisma.intelligenceReport.count(),
    links: await prisma.entityLink.count(),
    missingEpisodes: await prisma.missingEpisode.count(),
    auditEvents: await prisma.auditEvent.count(),
    disruptionActions: await prisma.disruptionAction.count(),
    nsdMeetings: await prisma.nsdMeeting.count(),
    exploitationEvents: await prisma.exploitationEvent.count(),
  };
  return { backend: db.backend, migrations, counts };
}
