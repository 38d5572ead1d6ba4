import { describe, expect, it } from 'vitest';
import { areGivenNameVariants } from './given-name-variants.ts';
import { DUPLICATE_THRESHOLD, type DuplicateFeatures, normaliseName, scoreDuplicate } from './score-duplicate.ts';

const person = (givenName: string, familyName: string, dateOfBirth: string | null, aliases: string[] = []) =>
  ({ givenName, familyName, dateOfBirth, aliases }) satisfies DuplicateFeatures;
const kinds = (left: DuplicateFeatures, right: DuplicateFeatures) =>
  scoreDuplicate(left, right).reasons.map((reason) => reason.kind);

describe('scoreDuplicate', () => {
  it('scores one person recorded twice identically at 1 with both reasons', () => {
    const result = scoreDuplicate(person('Kyle', 'Smith', '2008-04-03'), person('Kyle', 'Smith', '2008-04-03'));
    expect(result).toEqual({
      score: 1,
      reasons: [
        { kind: 'same_name', detail: 'same name' },
        { kind: 'same_date_of_birth', detail: 'same date of birth' },
      ],
    });
  });

  it('finds Kyle Smith and Kyle Smyth with day and month swapped (sounds alike)', () => {
    const result = scoreDuplicate(person('Kyle', 'Smith', '2008-04-03'), person('Kyle', 'Smyth', '2008-03-04'));
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['sounds_alike', 'day_month_swapped']);
    expect(result.reasons[0]?.detail).toBe('family names sound alike: Smith / Smyth');
  });

  it('treats transliterations of Muhammad as one given name', () => {
    for (const variant of ['Mohammed', 'Mohamed', 'Mohammad']) {
      const result = scoreDuplicate(person('Muhammad', 'Khan', '2009-10-11'), person(variant, 'Khan', '2009-10-11'));
      expect(result.score, variant).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('treats nicknames as the given name they shorten', () => {
    expect(kinds(person('Bill', 'Turner', '1990-02-03'), person('William', 'Turner', '1990-02-03'))).toEqual([
      'nickname',
      'same_date_of_birth',
    ]);
    expect(kinds(person('Jess', 'Patel', '2010-06-07'), person('Jessica', 'Patel', '2010-06-07'))[0]).toBe('nickname');
    expect(areGivenNameVariants('bill', 'jessica')).toBe(false);
  });

  it('accepts a date of birth a year apart with the same day and month', () => {
    const result = scoreDuplicate(person('Amber', 'Hughes', '2009-01-20'), person('Amber', 'Hughes', '2010-01-20'));
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['same_name', 'year_apart']);
    expect(result.score).toBe(0.9);
  });

  it('lets an alias stand in for the name', () => {
    const result = scoreDuplicate(
      person('Tank', 'Price', '1999-05-06'),
      person('Jayden', 'Price', '1999-05-06', ['Tank']),
    );
    expect(result.reasons.map((reason) => reason.kind)).toContain('alias');
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('does not let an alias that is only a given name override a different family name', () => {
    // Found on the seeded county: "Jay Wright, also Bailey" is not "Bailey Stone" born the same day.
    const result = scoreDuplicate(
      person('Jay', 'Wright', '2008-01-01', ['Bailey']),
      person('Bailey', 'Stone', '2008-01-01'),
    );
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(areGivenNameVariants('daisy', 'megan')).toBe(false);
  });

  it('keeps namesakes born on other days below the threshold', () => {
    const result = scoreDuplicate(person('Oliver', 'Smith', '2009-01-20'), person('Oliver', 'Smith', '2011-07-02'));
    expect(result.score).toBe(0.6);
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('keeps twins (same surname and birthday, other given names) below the threshold', () => {
    const result = scoreDuplicate(person('Ruby', 'Hall', '2010-05-05'), person('Oscar', 'Hall', '2010-05-05'));
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('keeps strangers born on the same day low', () => {
    expect(
      scoreDuplicate(person('Ruby', 'Hall', '2010-05-05'), person('Oscar', 'Begum', '2010-05-05')).score,
    ).toBeLessThan(0.6);
  });

  it('adds shared places and associates as reasons and a little score', () => {
    const left = person('Kai', 'Ward', '2008-09-10');
    const right = person('Kai', 'Ward', '2011-01-02');
    const alone = scoreDuplicate(left, right);
    const connected = scoreDuplicate(left, right, { places: 1, associates: 2 });
    expect(connected.score).toBeCloseTo(alone.score + 0.03 + 0.08, 3);
    expect(connected.reasons.slice(-2)).toEqual([
      { kind: 'shared_places', detail: 'linked to 1 of the same places' },
      { kind: 'shared_associates', detail: 'linked to 2 of the same people' },
    ]);
  });

  it('notes a missing date of birth and scores it as neutral', () => {
    const result = scoreDuplicate(person('Kai', 'Ward', null), person('Kai', 'Ward', '2008-10-09'));
    expect(result.score).toBe(0.8);
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['same_name', 'no_date_of_birth']);
  });

  it('matches given and family names written the other way round', () => {
    const result = scoreDuplicate(person('Hussain', 'Ali', '2007-03-03'), person('Ali', 'Hussain', '2007-03-03'));
    expect(result.reasons[0]).toEqual({ kind: 'same_name', detail: 'same name, given and family swapped' });
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('is symmetric', () => {
    const left = person('Jess', 'Smyth', '2008-04-03', ['JJ']);
    const right = person('Jessica', 'Smith', '2008-03-04');
    expect(scoreDuplicate(left, right).score).toBe(scoreDuplicate(right, left).score);
  });
});

describe('normaliseName', () => {
  it('drops accents, case and punctuation', () => {
    expect(normaliseName("Siân O'Brien-Jones")).toBe('sianobrienjones');
  });
});
