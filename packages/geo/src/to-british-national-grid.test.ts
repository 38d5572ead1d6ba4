import { describe, expect, it } from 'vitest';
import { fromBritishNationalGrid, toBritishNationalGrid } from './to-british-national-grid.ts';

describe('toBritishNationalGrid', () => {
  // Golden values from PostGIS 3.3 ST_Transform(…, 27700) (PROJ, an independent implementation).
  it.each([
    ['Old Market Square, Nottingham', -1.1497, 52.9533, 457223.835, 339885.078],
    [
      'Caister-on-Sea (far east of the grid)',
      1 + 43 / 60 + 4.5177 / 3600,
      52 + 39 / 60 + 27.2531 / 3600,
      651538.641,
      313138.404,
    ],
  ])('agrees with PROJ for %s to within 1 cm', (_place, lon, lat, expectedEasting, expectedNorthing) => {
    const [easting, northing] = toBritishNationalGrid([lon, lat]);
    expect(Math.abs(easting - expectedEasting)).toBeLessThan(0.01);
    expect(Math.abs(northing - expectedNorthing)).toBeLessThan(0.01);
  });

  it('round-trips to within a few centimetres', () => {
    const [lon, lat] = fromBritishNationalGrid(toBritishNationalGrid([-1.1497, 52.9533]));
    expect(lon).toBeCloseTo(-1.1497, 6);
    expect(lat).toBeCloseTo(52.9533, 6);
  });

  it('refuses coordinates that are not longitude/latitude', () => {
    expect(() => toBritishNationalGrid([457000, 339000])).toThrow('not a WGS84 longitude/latitude: [457000, 339000]');
  });
});
