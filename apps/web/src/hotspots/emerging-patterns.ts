import type { emergingPatternNames } from '@lantern/domain';

export type EmergingPattern = (typeof emergingPatternNames)[number];

/**
 * The emerging hot-spot classes (rules in packages/geo/src/classify-emerging-pattern.ts) in the
 * order analysts read them, each with what it means: warm colours for hot patterns, cool for cold,
 * darker where the pattern is more pressing.
 */
export const emergingPatterns: ReadonlyArray<{
  pattern: EmergingPattern;
  label: string;
  meaning: string;
  hot: string;
  cold: string;
}> = [
  { pattern: 'new', label: 'New', meaning: 'a spot in the latest month only', hot: '#67000d', cold: '#08306b' },
  {
    pattern: 'consecutive',
    label: 'Consecutive',
    meaning: 'an unbroken run of months up to the latest (under 90% of months)',
    hot: '#a50f15',
    cold: '#08519c',
  },
  {
    pattern: 'intensifying',
    label: 'Intensifying',
    meaning: 'a spot in 90% of months or more, getting stronger',
    hot: '#d7301f',
    cold: '#2171b5',
  },
  {
    pattern: 'persistent',
    label: 'Persistent',
    meaning: 'a spot in 90% of months or more, no significant trend',
    hot: '#ef6548',
    cold: '#4292c6',
  },
  {
    pattern: 'diminishing',
    label: 'Diminishing',
    meaning: 'a spot in 90% of months or more, getting weaker',
    hot: '#fc8d59',
    cold: '#6baed6',
  },
  {
    pattern: 'sporadic',
    label: 'Sporadic',
    meaning: 'a spot now and on and off before, never the opposite kind',
    hot: '#fdbb84',
    cold: '#9ecae1',
  },
  {
    pattern: 'oscillating',
    label: 'Oscillating',
    meaning: 'a spot now, the opposite kind in some earlier month',
    hot: '#fdd49e',
    cold: '#c6dbef',
  },
  {
    pattern: 'historical',
    label: 'Historical',
    meaning: 'a spot in 90% of months or more, but not the latest',
    hot: '#fee8c8',
    cold: '#deebf7',
  },
];

export function emergingColour(pattern: EmergingPattern, kind: 'hot' | 'cold'): string {
  const entry = emergingPatterns.find((candidate) => candidate.pattern === pattern);
  return entry ? entry[kind] : '#00000000';
}
