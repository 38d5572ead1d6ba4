import { describe, expect, it } from 'vitest';
import { allDates, concernOverlaps, monthEnd, monthStart, tileUrl } from './map-filters.ts';

describe('tileUrl', () => {
  it('leaves the query off when nothing filters', () => {
    expect(tileUrl('crime', allDates)).toBe('/tiles/crime/{z}/{x}/{y}.pbf');
  });

  it('carries the dates and the types', () => {
    expect(tileUrl('crime', { from: '2024-01-01', to: '2024-02-29' }, ['Burglary', 'Drugs'])).toBe(
      '/tiles/crime/{z}/{x}/{y}.pbf?from=2024-01-01&to=2024-02-29&types=Burglary%2CDrugs',
    );
  });
});

describe('concernOverlaps', () => {
  const place = { concernSince: '2024-03-10', concernUntil: '2024-06-30' };

  it('keeps a place whose concern overlaps the range at either end', () => {
    expect(concernOverlaps(place, { from: '2024-06-30', to: null })).toBe(true);
    expect(concernOverlaps(place, { from: null, to: '2024-03-10' })).toBe(true);
  });

  it('drops a place whose concern ended before or started after the range', () => {
    expect(concernOverlaps(place, { from: '2024-07-01', to: null })).toBe(false);
    expect(concernOverlaps(place, { from: null, to: '2024-03-09' })).toBe(false);
  });

  it('treats a concern with no end as still running', () => {
    expect(concernOverlaps({ concernSince: '2020-01-01', concernUntil: null }, { from: '2026-01-01', to: null })).toBe(
      true,
    );
  });
});

describe('month bounds', () => {
  it('gives the first and last day, leap years included', () => {
    expect(monthStart('2024-02')).toBe('2024-02-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-02')).toBe('2023-02-28');
    expect(monthEnd('2024-12')).toBe('2024-12-31');
  });
});
