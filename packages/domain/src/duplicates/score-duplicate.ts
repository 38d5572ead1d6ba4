import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { readableDate } from '../calendar/calendar.ts';
import { areGivenNameVariants } from './given-name-variants.ts';

/** What duplicate scoring reads of a person: names and date of birth only. */
export interface DuplicateFeatures {
  givenName: string;
  familyName: string;
  aliases: readonly string[];
  /** 'YYYY-MM-DD' or null when not recorded. */
  dateOfBirth: string | null;
}

/** What the two records share in the database: places and people both are linked to. */
export interface SharedConnections {
  places: number;
  associates: number;
}

export const duplicateReasonKinds = [
  'same_name',
  'similar_name',
  'sounds_alike',
  'nickname',
  'alias',
  'same_date_of_birth',
  'day_month_swapped',
  'year_apart',
  'no_date_of_birth',
  'shared_places',
  'shared_associates',
] as const;
export type DuplicateReasonKind = (typeof duplicateReasonKinds)[number];

export interface DuplicateReason {
  kind: DuplicateReasonKind;
  /** One line for the screen, e.g. "given names are nickname forms: Bill / William". */
  detail: string;
}

export interface DuplicateScore {
  /** 0–1; pairs at or above `DUPLICATE_THRESHOLD` are shown as candidates. */
  score: number;
  reasons: DuplicateReason[];
}

/**
 * The score at which a pair becomes a candidate. Chosen on the seeded county with injected
 * duplicates (tests/integration/duplicate-people.integration.test.ts prints precision and recall).
 */
export const DUPLICATE_THRESHOLD = 0.75;

/** Lower case, accents dropped, letters only: "Siân O'Brien" → "sianobrien". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function levenshteinSimilarity(left: string, right: string): number {
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - distance(left, right) / longest;
}

function soundAlike(left: string, right: string): boolean {
  if (left.length < 2 || right.length < 2) return false;
  const [leftPrimary, leftSecondary] = doubleMetaphone(left);
  const [rightPrimary, rightSecondary] = doubleMetaphone(right);
  return (
    leftPrimary === rightPrimary ||
    leftPrimary === rightSecondary ||
    leftSecondary === rightPrimary ||
    leftSecondary === rightSecondary
  );
}

type NameMatch = 'same' | 'nickname' | 'sounds_alike' | 'similar' | 'different';

interface PartMatch {
  match: NameMatch;
  similarity: number;
}

/** How alike two name parts are (given names may also be nicknames of each other). */
function compareNamePart(leftRaw: string, rightRaw: string, nicknames: boolean): PartMatch {
  const left = normaliseName(leftRaw);
  const right = normaliseName(rightRaw);
  if (left === '' || right === '') return { match: 'different', similarity: 0 };
  if (left === right) return { match: 'same', similarity: 1 };
  if (nicknames && areGivenNameVariants(left, right)) return { match: 'nickname', similarity: 0.95 };
  const edit = levenshteinSimilarity(left, right);
  if (soundAlike(left, right)) return { match: 'sounds_alike', similarity: Math.max(0.9, edit) };
  // One slip of the keyboard in a short name still reads as the same name.
  if (edit >= 0.75 || distance(left, right) <= 1) return { match: 'similar', similarity: Math.max(0.8, edit) };
  return { match: 'different', similarity: edit * 0.5 };
}

function combineParts(given: number, family: number): number {
  return 0.3 * Math.min(given, family) + 0.7 * (0.45 * given + 0.55 * family);
}

interface NameComparison {
  similarity: number;
  given: PartMatch;
  family: PartMatch;
  swapped: boolean;
}

/**
 * Given and family names compared part by part. A wholly different given name caps the score,
 * so siblings (same surname, same birthday as twins) stay below the threshold.
 */
function compareNames(left: DuplicateFeatures, right: DuplicateFeatures): NameComparison {
  const straight = {
    given: compareNamePart(left.givenName, right.givenName, true),
    family: compareNamePart(left.familyName, right.familyName, false),
  };
  const crossed = {
    given: compareNamePart(left.givenName, right.familyName, false),
    family: compareNamePart(left.familyName, right.givenName, false),
  };
  const combine = ({ given, family }: { given: PartMatch; family: PartMatch }) =>
    combineParts(given.similarity, family.similarity);
  const straightScore = combine(straight);
  const crossedScore = combine(crossed) * 0.9;
  return crossedScore > straightScore
    ? { similarity: crossedScore, ...crossed, swapped: true }
    : { similarity: straightScore, ...straight, swapped: false };
}

/** The best match of one record's aliases against the other's names (or aliases). */
interface AliasMatch {
  similarity: number;
  alias: string;
  /** The alias matched a given name only: the family names must agree as well. */
  givenOnly: boolean;
}

function aliasMatch(left: DuplicateFeatures, right: DuplicateFeatures): AliasMatch | null {
  const names = (person: DuplicateFeatures) => [
    { name: `${person.givenName} ${person.familyName}`, givenOnly: false },
    { name: person.givenName, givenOnly: true },
    ...person.aliases.map((name) => ({ name, givenOnly: true })),
  ];
  let best: AliasMatch | null = null;
  for (const [from, to] of [
    [left, right],
    [right, left],
  ] as const) {
    for (const alias of from.aliases) {
      const aliasKey = normaliseName(alias);
      if (aliasKey.length < 2) continue;
      for (const { name, givenOnly } of names(to)) {
        const nameKey = normaliseName(name);
        if (nameKey.length < 2) continue;
        const similarity = aliasKey === nameKey ? 1 : levenshteinSimilarity(aliasKey, nameKey) >= 0.85 ? 0.9 : 0;
        if (similarity > (best?.similarity ?? 0)) best = { similarity, alias, givenOnly };
      }
    }
  }
  return best;
}

type DateMatch = { kind: 'same_date_of_birth' | 'day_month_swapped' | 'year_apart'; score: number } | null;

function compareDates(left: string, right: string): DateMatch {
  if (left === right) return { kind: 'same_date_of_birth', score: 1 };
  const [ly, lm, ld] = left.split('-');
  const [ry, rm, rd] = right.split('-');
  if (ly === ry && lm === rd && ld === rm) return { kind: 'day_month_swapped', score: 0.85 };
  if (lm === rm && ld === rd && Math.abs(Number(ly) - Number(ry)) === 1) return { kind: 'year_apart', score: 0.75 };
  return null;
}

const nameDetail = (part: string, match: PartMatch, left: string, right: string) => {
  switch (match.match) {
    case 'nickname':
      return { kind: 'nickname' as const, detail: `${part} names are forms of one name: ${left} / ${right}` };
    case 'sounds_alike':
      return { kind: 'sounds_alike' as const, detail: `${part} names sound alike: ${left} / ${right}` };
    case 'similar':
      return { kind: 'similar_name' as const, detail: `${part} names differ by a slip: ${left} / ${right}` };
    default:
      return null;
  }
};

/**
 * How likely two people are one person, with the reasons. Names weigh 60% and the date of birth
 * 40%; an alias naming the other record stands in for the name; shared places and associates add
 * a little each. Pure: the caller supplies the shared connections it counted.
 *
 * @example
 * scoreDuplicate(
 *   { givenName: 'Kyle', familyName: 'Smith', aliases: [], dateOfBirth: '2008-04-03' },
 *   { givenName: 'Kyle', familyName: 'Smyth', aliases: [], dateOfBirth: '2008-03-04' },
 * ).score; // → 0.88 (sounds alike, day and month swapped)
 */
export function scoreDuplicate(
  left: DuplicateFeatures,
  right: DuplicateFeatures,
  shared: SharedConnections = { places: 0, associates: 0 },
): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  const names = compareNames(left, right);
  const alias = aliasMatch(left, right);
  let nameScore = names.similarity;
  const leftName = `${left.givenName} ${left.familyName}`;
  const rightName = `${right.givenName} ${right.familyName}`;
  if (names.given.match === 'same' && names.family.match === 'same') {
    reasons.push({ kind: 'same_name', detail: names.swapped ? `same name, given and family swapped` : 'same name' });
  } else {
    const [leftGiven, rightGiven, leftFamily, rightFamily] = names.swapped
      ? [left.givenName, right.familyName, left.familyName, right.givenName]
      : [left.givenName, right.givenName, left.familyName, right.familyName];
    for (const reason of [
      nameDetail('given', names.given, leftGiven, rightGiven),
      nameDetail('family', names.family, leftFamily, rightFamily),
    ]) {
      if (reason) reasons.push(reason);
    }
    if (names.given.match === 'same' && names.family.match !== 'different' && reasons.length === 0) {
      reasons.push({ kind: 'similar_name', detail: `similar names: ${leftName} / ${rightName}` });
    }
  }
  // An alias that is only a given name stands in for the given name; the family names still count.
  const aliasScore = alias
    ? alias.givenOnly
      ? combineParts(alias.similarity * 0.95, compareNamePart(left.familyName, right.familyName, false).similarity)
      : alias.similarity * 0.95
    : 0;
  if (alias && aliasScore > nameScore - 0.05) {
    nameScore = Math.max(nameScore, aliasScore);
    reasons.push({ kind: 'alias', detail: `alias "${alias.alias}" matches the other record` });
  }

  let dateScore = 0.5;
  if (left.dateOfBirth === null || right.dateOfBirth === null) {
    reasons.push({ kind: 'no_date_of_birth', detail: 'a date of birth is missing on one record' });
  } else {
    const dates = compareDates(left.dateOfBirth, right.dateOfBirth);
    dateScore = dates?.score ?? 0;
    if (dates?.kind === 'same_date_of_birth') reasons.push({ kind: dates.kind, detail: 'same date of birth' });
    if (dates?.kind === 'day_month_swapped')
      reasons.push({
        kind: dates.kind,
        detail: `dates of birth with day and month swapped: ${readableDate(left.dateOfBirth)} / ${readableDate(right.dateOfBirth)}`,
      });
    if (dates?.kind === 'year_apart')
      reasons.push({
        kind: dates.kind,
        detail: `dates of birth a year apart: ${readableDate(left.dateOfBirth)} / ${readableDate(right.dateOfBirth)}`,
      });
  }

  let bonus = 0;
  if (shared.places > 0) {
    bonus += Math.min(0.06, 0.03 * shared.places);
    reasons.push({ kind: 'shared_places', detail: `linked to ${shared.places} of the same places` });
  }
  if (shared.associates > 0) {
    bonus += Math.min(0.08, 0.04 * shared.associates);
    reasons.push({ kind: 'shared_associates', detail: `linked to ${shared.associates} of the same people` });
  }
  const score = Math.min(1, 0.6 * nameScore + 0.4 * dateScore + bonus);
  return { score: Math.round(score * 1000) / 1000, reasons };
}
