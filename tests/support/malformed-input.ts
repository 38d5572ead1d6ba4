import fc from 'fast-check';

/**
 * Arbitraries of malformed procedure input: junk of every type, and valid inputs with one part
 * broken (a key dropped, a value swapped for a nasty one, an unknown key added). Values are
 * what a hostile or buggy client could send: wrong types, empty and huge strings, NUL and other
 * control characters, malformed and well-formed-but-absent UUIDs, impossible dates, NaN and
 * infinities, deep nesting.
 */
const nastyConstants = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  ' ',
  '\t\n',
  '\u0000',
  'Jordan\u0000Smith',
  '\uD800',
  'a\uD800b',
  '\uDC00',
  '%',
  "'; DROP TABLE person; --",
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '6f1c0c4e-9b1a-4c1e-8f3a-2d9b7e0a1c55',
  '6F1C0C4E-9B1A-4C1E-8F3A-2D9B7E0A1C55',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '0000-01-01',
  '9999-12-31',
  '-001000-01-01',
  '2025-03-07T19:30:00',
  '2025-03-07T19:30:00+99:99',
  '2025-03-07T25:61:00Z',
  '0000-01-01T00:00:00Z',
  'E07000999',
  'e07000174',
  'child',
  'person',
  [],
  [null],
  {},
  { type: 'person' },
  { id: '6f1c0c4e-9b1a-4c1e-8f3a-2d9b7e0a1c55', type: 'vehicle' },
] as const;

const hugeString = fc
  .tuple(fc.constantFrom('x', 'é', '\u{1F600}', ' ', '\u0000'), fc.integer({ min: 101, max: 200_000 }))
  .map(([unit, length]) => unit.repeat(length));

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyConstants) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }) },
);

type Path = readonly (string | number)[];

/** Every position in a JSON-like value: the root, each object key and each array index, recursively. */
function positions(value: unknown, path: Path = []): Path[] {
  const found: Path[] = [path];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) found.push(...positions(item, [...path, index]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) found.push(...positions(child, [...path, key]));
  }
  return found;
}

/** Objects (and arrays) in a value, where an extra key can go. */
function containers(value: unknown): Path[] {
  return positions(value).filter((path) => {
    const at = get(value, path);
    return at !== null && typeof at === 'object';
  });
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key], value);
}

type Mutation =
  | { kind: 'drop'; path: Path }
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'add'; path: Path; key: string; value: unknown };

const dateLike = /^\d{4}-\d{2}-\d{2}/;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A valid value broken the way its type invites: a string with a control character slipped in,
 * a date moved to the year 0 or to a day that does not exist, a UUID with a bad digit or one that
 * names nothing, a number that is not finite or not whole.
 */
function corruptions(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') {
    const insert = (chars: fc.Arbitrary<string>) =>
      fc.tuple(fc.nat(value.length), chars).map(([at, char]) => `${value.slice(0, at)}${char}${value.slice(at)}`);
    // NUL weighs most: PostgreSQL text cannot hold it, so it is the character most likely to escape validation.
    const shapes: fc.WeightedArbitrary<unknown>[] = [
      { weight: 3, arbitrary: insert(fc.constant('\u0000')) },
      { weight: 1, arbitrary: insert(fc.constantFrom('\u0001', '\u001b', '\uD800', '\uDC00', '\uFFFE', '\r\n')) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', value.repeat(300), `${value} `) },
    ];
    if (dateLike.test(value)) {
      shapes.push({
        weight: 4,
        arbitrary: fc.constantFrom(
          value.replace(/^\d{4}/, '0000'),
          value.replace(/^\d{4}/, '-0001'),
          value.replace(/^\d{4}/, '99999'),
          // Real calendar dates no record can have: the years 1, 1000 and 9999, and offsets that
          // carry a date past the year's end (a 500 before dates were bounded).
          value.replace(/^\d{4}/, '0001'),
          value.replace(/^\d{4}/, '1000'),
          value.replace(/^\d{4}/, '9999'),
          '9999-12-31T23:59:59-23:59',
          '0001-01-01T00:00:00+14:00',
          value.replace(/^(\d{4})-\d{2}-\d{2}/, '$1-02-30'),
          value.replace(/^(\d{4})-\d{2}/, '$1-00'),
          value.slice(0, 10),
          `${value.slice(0, 10)}T24:00:00Z`,
        ),
      });
    }
    if (uuidLike.test(value)) {
      shapes.push({
        weight: 2,
        arbitrary: fc.oneof(
          fc.constantFrom(
            '00000000-0000-0000-0000-000000000000',
            value.toUpperCase(),
            `${value.slice(0, -1)}g`,
            value.replaceAll('-', ''),
            `{${value}}`,
          ),
          fc.uuid(),
        ),
      });
    }
    return fc.oneof(...shapes);
  }
  if (typeof value === 'number') {
    return fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      value + 0.5,
      -value,
      value * 1e6,
      Number.MAX_SAFE_INTEGER + 2,
      // Whole numbers past PostgreSQL's int4 (a version of 2^31 answered 500).
      2 ** 31,
      Number.MAX_SAFE_INTEGER,
      String(value),
    );
  }
  if (typeof value === 'boolean') return fc.constantFrom(String(value), value ? 1 : 0, null);
  return nastyValue;
}

function apply(valid: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0 && mutation.kind !== 'add')
    return mutation.kind === 'drop' ? undefined : mutation.value;
  const copy = structuredClone(valid);
  if (mutation.kind === 'add') {
    // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
    Object.defineProperty(get(copy, mutation.path), mutation.key, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  const parent = get(copy, mutation.path.slice(0, -1)) as Record<string | number, unknown>;
  const key = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = mutation.value;
  return copy;
}

/** One to three mutations of a valid input. */
function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const all = positions(valid);
  const nonRoot = all.filter((path) => path.length > 0);
  const leaves = nonRoot.filter((path) => {
    const at = get(valid, path);
    return at === null || typeof at !== 'object';
  });
  const objects = containers(valid);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...(leaves.length > 0
      ? [
          {
            weight: 4,
            arbitrary: fc
              .constantFrom(...leaves)
              .chain((path) =>
                corruptions(get(valid, path)).map((value): Mutation => ({ kind: 'replace', path, value })),
              ),
          },
        ]
      : []),
    ...(nonRoot.length > 0
      ? [{ weight: 1, arbitrary: fc.constantFrom(...nonRoot).map((path): Mutation => ({ kind: 'drop', path })) }]
      : []),
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...all), nastyValue)
        .map(([path, value]): Mutation => ({ kind: 'replace', path, value })),
    },
    ...(objects.length > 0
      ? [
          {
            weight: 1,
            arbitrary: fc
              .tuple(
                fc.constantFrom(...objects),
                fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'version')),
                nastyValue,
              )
              .map(([path, key, value]): Mutation => ({ kind: 'add', path, key, value })),
          },
        ]
      : []),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce<unknown>((input, next) => applySafely(input, next), valid));
}

/** A later mutation may aim at a position an earlier one removed; then it is skipped. */
function applySafely(input: unknown, mutation: Mutation): unknown {
  const isObject = (value: unknown) => value !== null && typeof value === 'object';
  if (mutation.kind === 'add') return isObject(get(input, mutation.path)) ? apply(input, mutation) : input;
  if (mutation.path.length > 0 && !isObject(get(input, mutation.path.slice(0, -1)))) return input;
  return apply(input, mutation);
}

/** Malformed variants of `valid`, mixed with junk of any shape. */
export function malformedInput(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: mutationsOf(valid) }, { weight: 1, arbitrary: nastyValue });
}
