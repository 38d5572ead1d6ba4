import { describe, expect, it } from 'vitest';
import { profileFigure, profileFigures } from '../test/profile-fixtures.ts';
import { changedSince, figureChangeText, figuresByKey, figureValueText, writingParts } from './profile-format.ts';

describe('figureValueText', () => {
  it('says "no data" for a figure with nothing found, and 0 for a count of none', () => {
    expect(figureValueText(null, true, 'full')).toBe('no data');
    expect(figureValueText(0, true, 'full')).toBe('0');
    expect(figureValueText(0, true, 'partner')).toBe('0');
  });

  it('shows a count of 1 to 4 people as "<5" in the partner edition only', () => {
    expect([1, 4, 5].map((value) => figureValueText(value, true, 'partner'))).toEqual(['<5', '<5', '5']);
    expect(figureValueText(3, true, 'full')).toBe('3');
    expect(figureValueText(3, false, 'partner')).toBe('3');
  });

  it('passes through a value the API has already suppressed', () => {
    expect(figureValueText('<5', true, 'partner')).toBe('<5');
  });
});

describe('figureChangeText', () => {
  it('gives the change with its sign and whole percent', () => {
    expect(figureChangeText(profileFigure('a.b', 'A', 42, 35), 'full')).toBe('+7 (+20%)');
    expect(figureChangeText(profileFigure('a.b', 'A', 30, 40), 'full')).toBe('−10 (−25%)');
    expect(figureChangeText(profileFigure('a.b', 'A', 5, 5), 'full')).toBe('no change');
  });

  it('says nothing when a side is unknown, or small enough to be suppressed for partners', () => {
    expect(figureChangeText(profileFigure('a.b', 'A', null, 4), 'full')).toBeNull();
    expect(figureChangeText(profileFigure('a.b', 'A', 12, 3), 'partner')).toBeNull();
    expect(figureChangeText(profileFigure('a.b', 'A', 12, 3), 'full')).toBe('+9 (+300%)');
  });
});

describe('writingParts', () => {
  const figures = figuresByKey(profileFigures());

  it('reads a figure reference as the figure’s value, in the edition shown', () => {
    const text = 'We identified {{scale.children_identified}} children; {{scale.missing_episodes}} went missing.';
    expect(
      writingParts(text, figures, 'full')
        .map((part) => part.text)
        .join(''),
    ).toBe('We identified 42 children; 3 went missing.');
    expect(
      writingParts(text, figures, 'partner')
        .map((part) => part.text)
        .join(''),
    ).toBe('We identified 42 children; <5 went missing.');
  });

  it('marks a reference to no figure of the profile', () => {
    const parts = writingParts('See {{scale.nothing}}.', figures, 'full');
    expect(parts[1]).toEqual({
      kind: 'figure',
      key: 'scale.nothing',
      text: '[unknown figure scale.nothing]',
      known: false,
    });
  });
});

describe('changedSince', () => {
  it('gives the value before a refresh when it moved, and nothing when it did not', () => {
    const now = profileFigure('a.b', 'A', 42, 35);
    expect(changedSince(now, profileFigure('a.b', 'A', 40, 35), 'full')).toBe('was 40');
    expect(changedSince(now, profileFigure('a.b', 'A', null, 35), 'full')).toBe('was no data');
    expect(changedSince(now, profileFigure('a.b', 'A', 2, 35), 'partner')).toBe('was <5');
    expect(changedSince(now, now, 'full')).toBeNull();
    expect(changedSince(now, undefined, 'full')).toBeNull();
  });
});
