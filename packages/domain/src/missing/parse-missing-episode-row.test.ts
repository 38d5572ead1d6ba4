import { describe, expect, it } from 'vitest';
import { missingEpisodeLayout } from './missing-episode-layout.ts';
import {
  type MissingEpisodeFields,
  missingEpisodeColumns,
  parseMissingEpisodeRow,
} from './parse-missing-episode-row.ts';

const good: MissingEpisodeFields = {
  episode_ref: 'ME-0001',
  child_ref: 'CH-100001',
  sex: 'F',
  date_of_birth: '2009-05-01',
  care_status: 'county_care',
  police_risk: 'medium',
  reported_at: '2024-07-01T21:00',
  returned_at: '2024-07-02T08:30:00+01:00',
  last_seen_lat: '53.1372',
  last_seen_lon: '-1.1962',
  found_lat: '',
  found_lon: '',
  rhi_service: 'childrens_social_care',
  rhi_completed_at: '2024-07-04T10:00Z',
  mam_held_at: '',
};
const parse = (changes: Partial<MissingEpisodeFields>) => parseMissingEpisodeRow({ ...good, ...changes }, 'e.csv', 7);
const problemsOf = (changes: Partial<MissingEpisodeFields>) => {
  const result = parse(changes);
  return result.ok ? [] : result.problems.map(({ field, value, message }) => ({ field, value, message }));
};

describe('parseMissingEpisodeRow', () => {
  it('converts a valid row, reading a time without offset as London time', () => {
    expect(parse({})).toEqual({
      ok: true,
      episode: {
        episodeRef: 'ME-0001',
        childRef: 'CH-100001',
        sex: 'F',
        dateOfBirth: '2009-05-01',
        careStatus: 'county_care',
        policeRisk: 'medium',
        reportedAt: new Date('2024-07-01T20:00:00Z'),
        returnedAt: new Date('2024-07-02T07:30:00Z'),
        lastSeen: { lon: -1.1962, lat: 53.1372 },
        found: null,
        rhiService: 'childrens_social_care',
        rhiCompletedAt: new Date('2024-07-04T10:00:00Z'),
        mamHeldAt: null,
      },
    });
  });

  it('accepts an open episode with no RHI and an unknown date of birth', () => {
    const result = parse({ returned_at: '', rhi_service: '', rhi_completed_at: '', date_of_birth: '', sex: 'U' });
    expect(result.ok && result.episode).toMatchObject({
      returnedAt: null,
      rhiService: null,
      dateOfBirth: null,
      sex: 'U',
    });
  });

  it('lists every problem of a row with field, value and message', () => {
    expect(
      problemsOf({
        episode_ref: '',
        sex: 'female',
        date_of_birth: '2009-02-30',
        police_risk: 'urgent',
        reported_at: '01/07/2024 21:00',
        last_seen_lat: '95',
        found_lat: '53.0',
      }),
    ).toEqual([
      { field: 'episode_ref', value: '', message: 'must not be empty' },
      { field: 'sex', value: 'female', message: 'must be one of M, F, X, U' },
      { field: 'date_of_birth', value: '2009-02-30', message: 'must be a date as YYYY-MM-DD or empty' },
      { field: 'police_risk', value: 'urgent', message: 'must be one of high, medium, low, no_apparent_risk' },
      {
        field: 'reported_at',
        value: '01/07/2024 21:00',
        message: 'must be an ISO 8601 date-time such as 2024-07-01T09:15 or 2024-07-01T09:15:00Z',
      },
      { field: 'last_seen_lat', value: '95', message: 'must be a decimal number of degrees between -90 and 90' },
      { field: 'found_lon', value: '', message: 'must be given together with found_lat' },
    ]);
  });

  it('refuses a return before the report and an interview that cannot have happened', () => {
    expect(problemsOf({ returned_at: '2024-07-01T20:59' })).toEqual([
      { field: 'returned_at', value: '2024-07-01T20:59', message: 'must not be before reported_at' },
    ]);
    expect(problemsOf({ returned_at: '', rhi_service: '' })).toEqual([
      {
        field: 'rhi_completed_at',
        value: '2024-07-04T10:00Z',
        message: 'needs rhi_service (which service completed it)',
      },
      {
        field: 'rhi_completed_at',
        value: '2024-07-04T10:00Z',
        message: 'needs returned_at (an interview follows the return)',
      },
    ]);
    expect(problemsOf({ rhi_completed_at: '2024-07-02T07:00Z' })).toEqual([
      { field: 'rhi_completed_at', value: '2024-07-02T07:00Z', message: 'must not be before returned_at' },
    ]);
  });

  it('refuses a London time the March clock change skips, and a birth after the report', () => {
    expect(problemsOf({ reported_at: '2024-03-31T01:30', returned_at: '', rhi_completed_at: '' })).toEqual([
      {
        field: 'reported_at',
        value: '2024-03-31T01:30',
        message: 'is a London time that did not exist (the clocks went forward); add the offset, e.g. +01:00',
      },
    ]);
    expect(problemsOf({ date_of_birth: '2024-07-02' })).toEqual([
      { field: 'date_of_birth', value: '2024-07-02', message: 'must not be after reported_at' },
    ]);
  });

  it('names the file and line', () => {
    const result = parse({ care_status: 'foster' });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'e.csv',
        line: 7,
        field: 'care_status',
        value: 'foster',
        message: 'must be one of home, county_care, ola_care',
      },
    ]);
  });
});

describe('missingEpisodeLayout', () => {
  it('maps columns in any order, ignoring case and extra columns', () => {
    const header = ['Notes', ...[...missingEpisodeColumns].reverse().map((c) => c.toUpperCase())];
    const layout = missingEpisodeLayout(header, 'e.csv');
    if (!layout.ok) throw new Error(layout.problem.message);
    const record = ['ignored', ...[...missingEpisodeColumns].reverse().map((c) => `<${c}>`)];
    expect(layout.toFields(record).episode_ref).toBe('<episode_ref>');
    expect(layout.toFields(record).mam_held_at).toBe('<mam_held_at>');
  });

  it('names the missing columns', () => {
    const layout = missingEpisodeLayout(['episode_ref', 'child_ref', 'sex'], 'e.csv');
    expect(layout.ok ? '' : layout.problem.message).toMatch(
      /^not a missing-episodes CSV: missing columns date_of_birth, care_status, police_risk, reported_at,/,
    );
  });

  it('refuses a column named twice', () => {
    const layout = missingEpisodeLayout([...missingEpisodeColumns, 'sex'], 'e.csv');
    expect(layout.ok ? undefined : layout.problem).toEqual({
      file: 'e.csv',
      line: 1,
      field: 'sex',
      message: 'the header names this column twice',
    });
  });
});
