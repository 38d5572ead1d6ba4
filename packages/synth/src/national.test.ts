import { describe, expect, it } from 'vitest';
import { crimeTypes } from './crime.ts';
import { generateDataset } from './generate.ts';
import { isInsideDistrict } from './geography.ts';
import { allDistrictCodes } from './towns.ts';

// One national dataset for both passes' tests: its events are generated afresh at each iteration.
let shared: ReturnType<typeof generateDataset> | undefined;
const nationalDataset = () => {
  shared ??= generateDataset({ seed: 9, scale: 'national' });
  return shared;
};

describe('national scale crime events', () => {
  it('yields at least a million events inside the period, each inside its district', () => {
    const dataset = nationalDataset();
    const types = new Set(crimeTypes.map(([type]) => type));
    const firstMonth = `${dataset.periodStart.slice(0, 7)}-01`;
    let count = 0;
    const badFields: string[] = [];
    // Crimes share anonymised map points, so checking each distinct point covers every event.
    const distinctPoints = new Map<string, { lon: number; lat: number; districtCode: string }>();
    const districts = new Set<string>();
    for (const event of dataset.crimeEvents()) {
      count += 1;
      if (
        event.id !== `synth-${count}` ||
        event.month < firstMonth ||
        event.month > dataset.periodEnd ||
        !/^\d{4}-\d{2}-01$/.test(event.month) ||
        !types.has(event.crimeType)
      ) {
        badFields.push(event.id);
      }
      districts.add(event.districtCode);
      distinctPoints.set(`${event.districtCode}|${event.location.lon},${event.location.lat}`, {
        ...event.location,
        districtCode: event.districtCode,
      });
    }
    expect(count).toBeGreaterThanOrEqual(1_000_000);
    expect(count).toBe(dataset.crimeEventCount);
    expect(badFields).toEqual([]);
    expect([...districts].sort()).toEqual([...allDistrictCodes].sort());
    const outside = [...distinctPoints.values()].filter((point) => !isInsideDistrict(point, point.districtCode));
    expect(outside).toEqual([]);
  });

  it('gives the same events on a second pass', () => {
    const dataset = nationalDataset();
    const take = (limit: number) => {
      const events = [];
      for (const event of dataset.crimeEvents()) {
        events.push(event);
        if (events.length === limit) break;
      }
      return events;
    };
    expect(take(2000)).toEqual(take(2000));
  });

  it('yields nothing at county scale', () => {
    const dataset = generateDataset({ seed: 9 });
    expect(dataset.crimeEventCount).toBe(0);
    expect([...dataset.crimeEvents()]).toEqual([]);
  });
});
