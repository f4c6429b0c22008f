import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { isExactNumberToken } from '../../src/text/json-number.js';
import { parseJsonText, scanJsonText } from '../../src/text/json-text.js';

/** Whether JSON.parse accepts the text. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const codes = (text: string): string[] => scanJsonText(text).problems.map((problem) => problem.code);

describe('the strict JSON reader: syntax and values as JSON.parse', () => {
  it('accepts what JSON.parse accepts, with the same value', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t'), (text, space) => {
        const spaced = `${space}${text}${space}`;
        const scan = scanJsonText(spaced);
        const syntax = scan.problems.some((problem) => problem.code === 'JSON_SYNTAX');
        expect(syntax).toBe(false);
        if (scan.problems.length === 0) expect(scan.value).toEqual(JSON.parse(spaced));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('refuses what JSON.parse refuses, text cut, changed or extended anywhere', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', '"', '\\', ',', ':', '{', '}', '[', ']', '-', '0', '1', 'e', '.', 'x', '\u0001', ' ', 'tru', 'nul'), fc.boolean());
    fc.assert(
      fc.property(fc.json(), fc.array(edit, { minLength: 1, maxLength: 3 }), (json, edits) => {
        let text = json;
        for (const [at, insert, replace] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(replace ? i + 1 : i);
        }
        const scan = scanJsonText(text);
        const syntax = scan.problems.some((problem) => problem.code === 'JSON_SYNTAX');
        expect(syntax).toBe(!parses(text));
        if (!syntax) expect(scan.value).toEqual(JSON.parse(text));
      }),
      { numRuns: runs(5000) },
    );
  });

  it('gives a "__proto__" key as an own property, as JSON.parse does', () => {
    const read = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('skips a byte-order mark, in text and in bytes', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x31, 0x5d]))).toEqual({ ok: true, value: [1] });
  });

  it('names the line of a syntax error, counting CRLF, LF and a lone CR each as one line end', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['{', '  "a": 1,', '  "b": }', '}'].join(end);
      const problem = scanJsonText(text).problems[0];
      expect(problem).toMatchObject({ code: 'JSON_SYNTAX', line: 3 });
      expect(problem?.message).toBe('expected a value, found "}"');
    }
    expect(scanJsonText('[1,').problems[0]?.message).toBe('the text ends before the JSON value is complete (an object or array is not closed)');
    expect(scanJsonText('{"a":"x\ty"}').problems[0]?.message).toBe('a string holds control character U+0009 (write it as an escape)');
    expect(scanJsonText('').problems[0]?.message).toBe('the text holds no JSON value');
  });
});

describe('repeated keys: JSON_DUPLICATE_KEY with the path and lines', () => {
  it('the issue example: a payer share given twice', () => {
    const text = '{\n  "payers": [\n    { "id": "state", "share": "0.6",\n      "share": "0.1" }\n  ]\n}';
    const read = parseJsonText(text);
    expect(read).toEqual({
      ok: false,
      issues: [
        {
          code: 'JSON_DUPLICATE_KEY',
          path: ['payers', 0, 'share'],
          line: 4,
          message: 'key "share" appears twice in the object at payers[0] (lines 3 and 4); JSON.parse would keep only the last value',
        },
      ],
    });
  });

  it('finds repeats however keys are escaped, and in objects of any size', () => {
    expect(codes('{"id":"P1","\\u0069d":"P2"}')).toEqual(['JSON_DUPLICATE_KEY']);
    expect(codes('{"a\\n":1,"a\\u000a":2}')).toEqual(['JSON_DUPLICATE_KEY']);
    const many = Array.from({ length: 40 }, (_, k) => `"k${k}":${k}`);
    expect(codes(`{${many.join(',')}}`)).toEqual([]);
    expect(codes(`{${many.join(',')},"k3":0}`)).toEqual(['JSON_DUPLICATE_KEY']);
    // the same key in different objects, or in an object closed before, is no repeat
    expect(codes('[{"a":1},{"a":2,"b":{"a":3}},{"a":4}]')).toEqual([]);
    expect(scanJsonText('[{"a":{"x":1,"x":2}}]').problems[0]?.path).toEqual([0, 'a', 'x']);
  });

  it('reports every repeat, against an oracle that knows which keys it wrote', () => {
    const key = fc.constantFrom('a', 'b', 'id', 'share', '\\u0061', 'é', '__proto__');
    const decoded = (k: string): string => JSON.parse(`"${k}"`) as string;
    fc.assert(
      fc.property(fc.array(key, { maxLength: 24 }), (keys) => {
        const text = `{${keys.map((k, i) => `"${k}":${i}`).join(',')}}`;
        const seen = new Set<string>();
        const expected: string[] = [];
        for (const k of keys) {
          if (seen.has(decoded(k))) expected.push(decoded(k));
          seen.add(decoded(k));
        }
        expect(scanJsonText(text).problems.map((problem) => problem.path[0])).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('numbers that a double cannot hold: JSON_NUMBER_INEXACT', () => {
  it('the issue examples, and numbers that lose nothing', () => {
    const read = parseJsonText('[\n{"id": "P1", "baselineWage": 1000.00000000000001},\n{"id": "P2", "baselineWage": 1185.000000000000001}]');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual([
      ['JSON_NUMBER_INEXACT', [0, 'baselineWage'], 2],
      ['JSON_NUMBER_INEXACT', [1, 'baselineWage'], 3],
    ]);
    expect(read.issues[0]?.message).toBe(
      'the number 1000.00000000000001 at [0].baselineWage cannot be held exactly by a JSON number reader (JSON.parse would read 1000); write amounts as decimal strings',
    );
    for (const inexact of ['9007199254740993', '1e400', '-1e400', '1e-400', '123456789012345678', '0.30000000000000000001']) {
      expect(codes(inexact), inexact).toEqual(['JSON_NUMBER_INEXACT']);
    }
    for (const exact of ['0', '-0', '0.0', '35', '17.5', '1800', '0.1', '1e21', '1.5e-7', '9007199254740992', '1.0000000000000000', '-12.25E+2', '5e-324']) {
      expect(codes(exact), exact).toEqual([]);
    }
  });

  it('agrees with exact decimal arithmetic: a token is exact when the double prints back to its value', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 25 });
    const token = fc
      .tuple(fc.boolean(), digits, fc.option(digits), fc.option(fc.integer({ min: -330, max: 330 })))
      .map(([negative, int, fraction, exponent]) => {
        const whole = int.replace(/^0+(?=\d)/, '');
        return `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `e${exponent}`}`;
      });
    fc.assert(
      fc.property(token, (text) => {
        const value = Number(text);
        const expected = Number.isFinite(value) && new Decimal(text).eq(new Decimal(String(value)));
        expect(isExactNumberToken(text, 0, text.length)).toBe(expected);
        expect(codes(text)).toEqual(expected ? [] : ['JSON_NUMBER_INEXACT']);
      }),
      { numRuns: runs(5000) },
    );
  });
});

describe('limits and element lines', () => {
  it('refuses strings and keys longer than maxStringChars (TEXT_TOO_LONG), with their path', () => {
    const long = 'x'.repeat(11);
    const scan = scanJsonText(`[{"id":"${long}"},{"${long}":1}]`, { maxStringChars: 10 });
    expect(scan.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['TEXT_TOO_LONG', [0, 'id']],
      ['TEXT_TOO_LONG', [1, long]],
    ]);
    expect(scanJsonText(`["${'x'.repeat(10)}"]`, { maxStringChars: 10 }).problems).toEqual([]);
  });

  it('gives where each element of a top-level array starts and ends, and its line', () => {
    const text = '\uFEFF[\r\n {"a": [1, 2]},\r "x",\n\n 3 ]';
    const { elements } = scanJsonText(text);
    expect(elements.lines).toEqual([2, 3, 5]);
    expect(elements.starts.map((start, k) => text.slice(start, elements.ends[k]))).toEqual(['{"a": [1, 2]}', '"x"', '3']);
  });
});
