import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/errors.js';
import { editJsonText, type JsonTextEdit } from '../../src/text/json-edit.js';
import { runs } from '../runs.js';

/** Every member of every object in a JSON value: its path (the object's, then its key). */
function members(value: unknown, path: readonly PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => members(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [[...path, key], ...members(item, [...path, key])]);
}

/** The value with one edit applied, written independently of editJsonText: on the value, not the text. */
function applied(value: unknown, edit: JsonTextEdit, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item: unknown, index) => (edit.path[depth] === index ? applied(item, edit, depth + 1) : item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key !== edit.path[depth]) return [key, item];
      if (depth < edit.path.length - 1) return [key, applied(item, edit, depth + 1)];
      return [edit.key ?? key, edit.value === undefined ? item : edit.value];
    }),
  );
}

describe('editJsonText: keys renamed and values replaced in place', () => {
  it('renames a key and replaces a value, keeping every other character', () => {
    const text = '\ufeff{ "schemaVersion" : "1.0",\r\n  "rules": [ { "groupPricing": {"mode":"flat"} }, 7.50, {"mode": [1, "}", "\\"]"]} ]\n}\n';
    const edited = editJsonText(text, [
      { path: ['schemaVersion'], value: '2.0' },
      { path: ['rules', 0, 'groupPricing', 'mode'], key: 'kind' },
      { path: ['rules', 2, 'mode'], key: 'kind', value: null },
    ]);
    expect(edited).toBe('\ufeff{ "schemaVersion" : "2.0",\r\n  "rules": [ { "groupPricing": {"kind":"flat"} }, 7.50, {"kind": null} ]\n}\n');
  });

  it('finds a key written with escapes by its value', () => {
    expect(editJsonText('{"mo\\u0064e":"x"}', [{ path: ['mode'], key: 'kind' }])).toBe('{"kind":"x"}');
  });

  it('throws INTERNAL_UNREACHABLE for a path that names no member (a bug of the caller)', () => {
    expect(() => editJsonText('{"a":{"b":1}}', [{ path: ['a', 'c'], key: 'd' }])).toThrow(expect.objectContaining({ code: 'INTERNAL_UNREACHABLE' }));
    expect(() => editJsonText('[{"a":1}]', [{ path: ['a'], key: 'b' }])).toThrow(expect.objectContaining({ code: 'INTERNAL_UNREACHABLE' }));
  });

  it('walks deep text without recursion', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}{"mode":1}${']'.repeat(depth)}`;
    const edited = editJsonText(text, [{ path: [...Array<number>(depth).fill(0), 'mode'], key: 'kind' }]);
    expect(edited).toBe(`${'['.repeat(depth)}{"kind":1}${']'.repeat(depth)}`);
  });

  it('gives the value JSON.parse reads with the same edits made on the value, and the same text for edits that change nothing', () => {
    const scenario = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 0, 1, 2, '\t'))
      .chain(([value, indent]) => {
        const paths = members(value);
        const edit =
          paths.length === 0
            ? fc.constant(undefined)
            : fc.record({
                path: fc.constantFrom(...paths),
                key: fc.option(fc.constantFrom('kind', 'renamed key', 'é"\\'), { nil: undefined }),
                value: fc.option(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { nil: undefined }),
              });
        return fc.tuple(fc.constant(value), fc.constant(indent), edit);
      });
    fc.assert(
      fc.property(scenario, ([value, indent, edit]) => {
        const text = JSON.stringify(value, null, indent);
        const paths = members(value);
        // renaming every key to itself rewrites nothing
        expect(editJsonText(text, paths.map((path) => ({ path, key: path.at(-1) as string })))).toBe(text);
        fc.pre(edit !== undefined);
        // the value as its text reads back (-0 is written "0"): what the edited text is compared with
        const read = JSON.parse(text) as unknown;
        const taken = members(applied(read, { path: edit.path })).filter((path) => path.length === edit.path.length && path.slice(0, -1).every((segment, k) => segment === edit.path[k]));
        const clash = edit.key !== undefined && edit.key !== edit.path.at(-1) && taken.some((path) => path.at(-1) === edit.key);
        fc.pre(!clash); // a rename onto a key the object already has would make a duplicate key
        const clean: JsonTextEdit = { path: edit.path, ...(edit.key === undefined ? {} : { key: edit.key }), ...(edit.value === undefined ? {} : { value: edit.value }) };
        expect(JSON.parse(editJsonText(text, [clean]))).toEqual(applied(read, clean));
      }),
      { numRuns: runs(500) },
    );
  });
});
