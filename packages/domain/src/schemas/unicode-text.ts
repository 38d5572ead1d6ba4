/** A UTF-16 surrogate without its partner: text no database or UTF-8 file can hold. */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string in an input that is not valid Unicode (it holds an unpaired
 * surrogate, as `"a\ud800b"` does), or null. JSON can carry such strings; PostgreSQL cannot store
 * them, so they are refused as bad input naming the field rather than failing as a 500.
 *
 * @example
 * invalidUnicodePath({ changes: { name: 'a\ud800b' } }); // → 'changes.name'
 */
export function invalidUnicodePath(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === 'string') return unpairedSurrogate.test(value) ? path.join('.') || 'input' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = invalidUnicodePath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (unpairedSurrogate.test(key)) return [...path, key].join('.');
      const found = invalidUnicodePath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
