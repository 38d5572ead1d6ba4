import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.ts';

describe('generateDataset determinism', () => {
  it('gives deep-equal data for the same seed and options', () => {
    const first = generateDataset({ seed: 42 });
    const second = generateDataset({ seed: 42 });
    expect(second.people).toEqual(first.people);
    expect(second.missingEpisodes).toEqual(first.missingEpisodes);
    expect(second.intelligenceReports).toEqual(first.intelligenceReports);
    expect(second.links).toEqual(first.links);
    expect(second.places).toEqual(first.places);
    expect(second.users).toEqual(first.users);
    expect(second.exploitationEvents).toEqual(first.exploitationEvents);
    expect(second.exploitationPathways).toEqual(first.exploitationPathways);
  });

  it('gives different data for different seeds', () => {
    const first = generateDataset({ seed: 1 });
    const second = generateDataset({ seed: 2 });
    expect(second.people.map((person) => person.id)).not.toEqual(first.people.map((person) => person.id));
    expect(second.missingEpisodes.map((episode) => episode.reportedAt)).not.toEqual(
      first.missingEpisodes.map((episode) => episode.reportedAt),
    );
    expect(second.places.map((place) => place.location)).not.toEqual(first.places.map((place) => place.location));
  });

  it('covers the three years ending at periodEnd', () => {
    const dataset = generateDataset({ seed: 3, periodEnd: '2025-12-31' });
    expect(dataset.periodStart).toBe('2023-01-01');
    expect(dataset.periodEnd).toBe('2025-12-31');
    const reported = dataset.missingEpisodes.map((episode) => episode.reportedAt).sort();
    expect(reported[0]?.slice(0, 7)).toBe('2023-01');
    expect(reported.at(-1)?.slice(0, 7)).toBe('2025-12');
  });

  it('rejects a malformed periodEnd with the offending value', () => {
    expect(() => generateDataset({ periodEnd: '2026-02-30' })).toThrow("Not a calendar date: '2026-02-30'");
  });
});
