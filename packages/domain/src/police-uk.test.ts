import { describe, expect, it } from 'vitest';
import { crimeTypeFromFileName, parsePoliceUkRow, policeUkColumns, policeUkLayout } from './police-uk.ts';

const header = [...policeUkColumns];
const good = [
  'abc123',
  '2024-01',
  'Nottinghamshire Police',
  'Nottinghamshire Police',
  '-1.150000',
  '52.950000',
  'On or near Market Square',
  'E01013861',
  'Nottingham 039A',
  'Burglary',
  'Under investigation',
  '',
];

function street(record: string[]) {
  const result = policeUkLayout(header, 'f.csv');
  if (!result.ok) throw new Error(result.problem.message);
  return result.layout.toStreetFields(record);
}

function withField(column: (typeof policeUkColumns)[number], value: string) {
  const record = [...good];
  record[policeUkColumns.indexOf(column)] = value;
  return street(record);
}

describe('parsePoliceUkRow', () => {
  it('converts a valid row, with the month as its first day', () => {
    const result = parsePoliceUkRow(street(good), 'f.csv', 2);
    expect(result).toEqual({
      ok: true,
      crime: {
        crimeId: 'abc123',
        month: '2024-01-01',
        reportedBy: 'Nottinghamshire Police',
        fallsWithin: 'Nottinghamshire Police',
        lon: -1.15,
        lat: 52.95,
        location: 'On or near Market Square',
        lsoaCode: 'E01013861',
        lsoaName: 'Nottingham 039A',
        crimeType: 'Burglary',
        outcome: 'Under investigation',
        context: null,
      },
    });
  });

  it('keeps a row without coordinates, with no location', () => {
    const record = [...good];
    record[4] = '';
    record[5] = '';
    const result = parsePoliceUkRow(street(record), 'f.csv', 2);
    expect(result.ok && [result.crime.lon, result.crime.lat]).toEqual([null, null]);
  });

  it.each([
    ['Month', '2024-13', 'must be a month as YYYY-MM'],
    ['Month', 'Jan 2024', 'must be a month as YYYY-MM'],
    ['Longitude', 'abc', 'is not a decimal number'],
    ['Longitude', '-181.5', 'is out of range (-180 to 180)'],
    ['Latitude', '95.1', 'is out of range (-90 to 90)'],
    ['Latitude', '', 'is empty while the other coordinate is given'],
  ] as const)('rejects %s = "%s" naming file, line and field', (field, value, message) => {
    const result = parsePoliceUkRow(withField(field, value), 'street.csv', 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'street.csv', line: 7, field, message });
  });

  it('requires a crime type', () => {
    const result = parsePoliceUkRow(withField('Crime type', ' '), 'f.csv', 3);
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'f.csv', line: 3, field: 'Crime type', message: 'is required' },
    ]);
  });
});

describe('policeUkLayout', () => {
  it('names every missing column of an unknown file', () => {
    const result = policeUkLayout(['Crime ID', 'Month'], 'other.csv');
    expect(result.ok ? '' : result.problem.message).toBe(
      'not a data.police.uk street CSV: missing columns "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"',
    );
  });

  it('reads a reduced extract, taking the crime type from the file name', () => {
    const result = policeUkLayout(
      ['month', 'longitude', 'latitude', 'location', 'lsoa_code'],
      '2022-nottingham-city-robbery.csv',
    );
    if (!result.ok) throw new Error(result.problem.message);
    const fields = result.layout.toStreetFields(['2022-03-01', '-1.19', '53.01', 'Main Street', 'E01013885']);
    const parsed = parsePoliceUkRow(fields, 'r.csv', 2, result.layout.columnName);
    expect(parsed.ok && parsed.crime).toMatchObject({
      month: '2022-03-01',
      crimeType: 'Robbery',
      location: 'On or near Main Street',
      lsoaCode: 'E01013885',
    });
  });

  it("names the reduced file's own column in errors", () => {
    const result = policeUkLayout(['month', 'longitude', 'latitude', 'location', 'lsoa_code'], 'x-burglary.csv');
    if (!result.ok) throw new Error(result.problem.message);
    const parsed = parsePoliceUkRow(
      result.layout.toStreetFields(['2022-03-02', '1', '2', '', '']),
      'x.csv',
      9,
      result.layout.columnName,
    );
    expect(parsed.ok ? undefined : parsed.problems[0]?.field).toBe('month');
  });

  it('finds crime types in file names', () => {
    expect(crimeTypeFromFileName('2022-nottingham-city-burglary.csv')).toBe('Burglary');
    expect(crimeTypeFromFileName('x-anti-social-behaviour.csv')).toBe('Anti-social behaviour');
    expect(crimeTypeFromFileName('2022-nottingham-city.csv')).toBeUndefined();
  });
});
