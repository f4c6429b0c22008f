/** A deep partial matcher for settlement documents, shared by the vectors and the docs example. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where `actual` differs from the partial `expected`: every key of an expected object must be
 * present and match; arrays match element by element, by position, and must have the same
 * length (so `[]` means "none"); anything else must be equal. Returns the differences, each
 * as `path: expected … actual …`.
 */
export function partialMismatches(expected: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const out: string[] = [];
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} elements, got ${actual.length}`);
    expected.forEach((item, index) => {
      if (index < actual.length) out.push(...partialMismatches(item, actual[index], `${path}[${index}]`));
    });
    return out;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual ? partialMismatches(value, actual[key], `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
