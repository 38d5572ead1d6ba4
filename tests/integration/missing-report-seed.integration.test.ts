import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportMissing } from '@lantern/app';
import { type Database, importMissingEpisodesFile } from '@lantern/db';
import { type MissingReport, missingEpisodeColumns, rhiServices, wholePercent } from '@lantern/domain';
import { calibrationFigures, financialYearStarts, type SyntheticDataset } from '@lantern/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededTestDatabase, syntheticDataset } from '../support/seeded-database.ts';
import { createTestDatabase } from '../support/test-database.ts';

/*
 * Two independent computations of the committee figures must agree on a whole synthetic county:
 * packages/synth's calibration (its own MAM rule and London dates, over the generated records)
 * and `lantern report missing` (SQL → the domain's rules). And the same episodes exported as a
 * missing-episodes CSV and imported into an empty database must report the same again.
 */
let seeded: Database;
let imported: Database;
let dataset: SyntheticDataset;
let importReport: Awaited<ReturnType<typeof importMissingEpisodesFile>>;

/** The missing-episodes CSV of a dataset, with child_ref = the person's external reference. */
function episodesCsv(data: SyntheticDataset): string {
  const people = new Map(data.people.map((person) => [person.id, person]));
  const point = (location: { lon: number; lat: number } | null) =>
    location === null ? ['', ''] : [String(location.lat), String(location.lon)];
  const rows = data.missingEpisodes.map((episode) => {
    const child = people.get(episode.personId);
    if (!child?.externalRef) throw new Error(`episode ${episode.episodeRef}: child without an external reference`);
    return [
      episode.episodeRef,
      child.externalRef,
      child.sex,
      child.dateOfBirth,
      episode.careStatus,
      episode.policeRisk,
      episode.reportedAt,
      episode.returnedAt ?? '',
      ...point(episode.lastSeen),
      ...point(episode.found),
      episode.rhiService ?? '',
      episode.rhiCompletedAt ?? '',
      episode.mamHeldAt ?? '',
    ];
  });
  // Every value is a reference, an enum, a date or a number: nothing a CSV needs to quote.
  return [[...missingEpisodeColumns], ...rows].map((row) => row.join(',')).join('\n');
}

beforeAll(async () => {
  dataset = syntheticDataset(5);
  seeded = await createSeededTestDatabase(5);
  imported = await createTestDatabase();
  const path = join(mkdtempSync(join(tmpdir(), 'lantern-seed-csv-')), 'seed-episodes.csv');
  writeFileSync(path, episodesCsv(dataset));
  importReport = await importMissingEpisodesFile(imported.sql, path);
});
afterAll(async () => {
  await seeded.close();
  await imported.close();
});

/** The report's counts as the calibration states them (its percentages are unrounded). */
function fromCalibration(dataset: SyntheticDataset, from: string) {
  const figures = calibrationFigures(dataset, from);
  return {
    notifications: figures.notifications,
    individuals: figures.individuals,
    fromHome: figures.byCareStatus.home,
    fromCareCounty: figures.byCareStatus.county_care,
    fromCareOtherLA: figures.byCareStatus.ola_care,
    rhiRequired: figures.returnInterviews.required,
    byService: rhiServices.map((service) => {
      const { required, completed, completedWithin72h } = figures.returnInterviews.byService[service];
      return { service, required, completed, completedWithin72h };
    }),
    mam: { required: figures.multiAgencyMeetings.required, held: figures.multiAgencyMeetings.held },
  };
}

function countsOf(report: MissingReport) {
  return {
    notifications: report.notifications,
    individuals: report.individuals,
    fromHome: report.fromHome,
    fromCareCounty: report.fromCareCounty,
    fromCareOtherLA: report.fromCareOtherLA,
    rhiRequired: report.returnInterviews.required,
    byService: rhiServices.map((service) => {
      const { required, completed, completedWithin72h } = report.returnInterviews.byService[service];
      return { service, required, completed, completedWithin72h };
    }),
    mam: { required: report.multiAgencyMeetings.required, held: report.multiAgencyMeetings.held },
  };
}

describe('the committee figures of a seeded county', () => {
  it('imports every generated episode from its CSV', () => {
    expect(importReport).toMatchObject({ rows: dataset.missingEpisodes.length, rejected: 0 });
    expect(importReport.inserted).toBe(dataset.missingEpisodes.length);
  });

  it.each([0, 1, 2])('agree with the generator’s calibration for year %i, seeded or imported', async (index) => {
    const from = financialYearStarts(dataset)[index] as string;
    const to = `${Number(from.slice(0, 4)) + 1}-03-31`;
    const expected = fromCalibration(dataset, from);
    const direct = await reportMissing({ db: seeded }, { from, to });
    expect(countsOf(direct)).toEqual(expected);
    expect(direct.sexRatio.male).toBe(Math.floor(calibrationFigures(dataset, from).malePct + 0.5));
    expect(direct.returnInterviews.requiredPct).toBe(wholePercent(expected.rhiRequired, expected.notifications));
    expect(await reportMissing({ db: imported }, { from, to })).toEqual(direct);
  });
});
