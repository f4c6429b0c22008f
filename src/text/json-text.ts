/**
 * The strict JSON text reader: the values `JSON.parse` gives, but only for text that `JSON.parse`
 * reads without losing anything. Objects with a key twice (`JSON.parse` keeps the last value) and
 * numbers with more precision than a double holds (`JSON.parse` rounds them) are refused with a
 * code, the path of the value and its line.
 *
 * One scan checks the syntax, the keys and the number tokens (and finds the lines), then the
 * native `JSON.parse` builds the values: own data properties only, a `"__proto__"` key an own
 * property like any other.
 *
 * @module
 */
import { formatPath, type PathSegment } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { TextIssueCode } from '../codes/index.js';
import { isExactNumberToken } from './json-number.js';
import { decodeText, textFailureIssue } from './utf8.js';
import { expectText } from '../guard.js';
import { ownValue } from '../own-data.js';

/**
 * A problem the scan found: a code, the path of the value, its 1-based line, a message.
 *
 * @example
 * const problem: JsonProblem = { code: 'JSON_DUPLICATE_KEY', path: ['payers', 0, 'share'], line: 14, message: '...' };
 */
export interface JsonProblem {
  readonly code: TextIssueCode;
  readonly path: readonly PathSegment[];
  readonly line: number;
  readonly message: string;
}

/**
 * What {@link scanJsonText} found. `value` is present when the syntax is valid (even with other
 * problems: the caller decides); `elements` describes the elements of a top-level array (where each
 * starts and ends, and its line), when asked for.
 *
 * @example
 * const scan: JsonScan = { value: [1], problems: [], elements: { starts: [1], ends: [2], lines: [1] } };
 */
export interface JsonScan {
  readonly value?: unknown;
  readonly problems: readonly JsonProblem[];
  readonly elements: { readonly starts: readonly number[]; readonly ends: readonly number[]; readonly lines: readonly number[] };
}

/**
 * Options of {@link scanJsonText}: `maxStringChars` refuses longer strings and keys
 * (`TEXT_TOO_LONG`); `firstLine` is the line of the text's first character (default 1). Each is
 * read as an own property (an option not given is not found on `Object.prototype`).
 *
 * @example
 * const options: JsonTextOptions = { maxStringChars: 4096 };
 */
export interface JsonTextOptions {
  readonly maxStringChars?: number;
  readonly firstLine?: number;
}

// what the scan expects next
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // after '['
const KEY = 2;
const KEY_OR_CLOSE = 3; // after '{'
const COLON = 4;
const AFTER_VALUE = 5;

const ARRAY = 0;
const OBJECT = 1;

/** Objects with more keys than this find repeats through a set of the keys instead of comparing. */
const COMPARED_KEYS = 16;

/** A text shortened for a message. */
function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function where(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

/**
 * Scans JSON text (a leading byte-order mark is skipped): the syntax (as RFC 8259 and
 * `JSON.parse` define it), repeated keys (`JSON_DUPLICATE_KEY`), number tokens that lose
 * information when read as a double (`JSON_NUMBER_INEXACT`), strings and keys longer than
 * `maxStringChars` (`TEXT_TOO_LONG`). A syntax error gives one `JSON_SYNTAX` and no value; the
 * other problems are all listed and the value is still given. Lines count CRLF, LF and a lone CR
 * each as one line end.
 *
 * `JSON.parse` runs first and builds the value; the text it accepts is then walked once, finding
 * a string's end with a native search. Only text it refuses is walked character by character,
 * to say where the syntax error is.
 *
 * @param text - the JSON text
 * @param options - limits and the first line's number
 * @example
 * scanJsonText('{"share":"0.6","share":"0.1"}').problems[0]?.code; // 'JSON_DUPLICATE_KEY'
 */
export function scanJsonText(text: string, options: JsonTextOptions = {}): JsonScan {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const walked = walk(text, options, false);
    const syntax = walked.problems.find((problem) => problem.code === 'JSON_SYNTAX');
    // the walk refuses what JSON.parse refuses; should they ever differ, JSON.parse decides
    const problem = syntax ?? { code: 'JSON_SYNTAX', path: [], line: ownValue(options, 'firstLine') ?? 1, message: error instanceof Error ? error.message : String(error) };
    return { value: undefined, problems: [problem], elements: walked.elements };
  }
  const walked = walk(text, options, true);
  return { value, problems: walked.problems, elements: walked.elements };
}

/**
 * The walk of {@link scanJsonText}. `valid`: the text is known to be valid JSON (`JSON.parse`
 * read it), so strings end at the next quote that no backslash escapes.
 */
function walk(text: string, options: JsonTextOptions, valid: boolean): Omit<JsonScan, 'value'> {
  const maxString = ownValue(options, 'maxStringChars') ?? Infinity;
  const problems: JsonProblem[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const elementLines: number[] = [];
  const elements = { starts, ends, lines: elementLines };
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = ownValue(options, 'firstLine') ?? 1;
  let expect = VALUE;
  let depth = 0;
  let topArray = false;
  // one entry per open container (index `depth - 1`)
  const kinds: number[] = [];
  const counts: number[] = []; // arrays: the index of the current element; objects: keys read
  const keyFrom: number[] = []; // objects: the current key's content
  const keyTo: number[] = [];
  const keyBase: number[] = []; // objects: where their keys start in `keys`
  const keySets: (Set<string> | undefined)[] = [];
  const keys: number[] = []; // the keys of the open objects: [from, to, line, escaped (1) or not (0)] each, up to `keysEnd`
  let keysEnd = 0;
  let backslash = -2; // the first backslash at or after the last key read (-1: none), searched again only once passed

  const keyText = (from: number, to: number): string => {
    const raw = text.slice(from, to);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  const pathHere = (): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let d = 0; d < depth; d++) path.push(kinds[d] === ARRAY ? (counts[d] as number) : keyText(keyFrom[d] as number, keyTo[d] as number));
    return path;
  };
  const syntax = (message: string): Omit<JsonScan, 'value'> => ({ problems: [{ code: 'JSON_SYNTAX', path: [], line, message }], elements });
  const describe = (at: number): string => (at >= n ? 'the end of the text' : shown(text.slice(at, at + 1)));

  /** Checks the key `[from, to)` of the object open at `d` against its earlier keys. */
  const addKey = (d: number, from: number, to: number): void => {
    const base = keyBase[d] as number;
    if (backslash !== -1 && backslash < from) backslash = text.indexOf('\\', from);
    const escaped = backslash !== -1 && backslash < to;
    let set = keySets[d];
    let repeatedLine = 0; // none
    if (set === undefined && (escaped || keysEnd - base >= 4 * COMPARED_KEYS || hasEscapedKey(base))) {
      set = new Set();
      for (let k = base; k < keysEnd; k += 4) set.add(keyText(keys[k] as number, keys[k + 1] as number));
      keySets[d] = set;
    }
    if (set !== undefined) {
      const key = keyText(from, to);
      if (set.has(key)) repeatedLine = lineOfKey(base, key);
      set.add(key);
    } else {
      const length = to - from;
      const first = text.charCodeAt(from);
      for (let k = base; k < keysEnd; k += 4) {
        const kFrom = keys[k] as number;
        if ((keys[k + 1] as number) - kFrom !== length || text.charCodeAt(kFrom) !== first) continue;
        let m = 1;
        while (m < length && text.charCodeAt(kFrom + m) === text.charCodeAt(from + m)) m++;
        if (m >= length) {
          repeatedLine = keys[k + 2] as number;
          break;
        }
      }
    }
    keys[keysEnd] = from;
    keys[keysEnd + 1] = to;
    keys[keysEnd + 2] = line;
    keys[keysEnd + 3] = escaped ? 1 : 0;
    keysEnd += 4;
    if (repeatedLine !== 0) {
      const path = [...pathHere().slice(0, d), keyText(from, to)];
      problems.push({
        code: 'JSON_DUPLICATE_KEY',
        path,
        line,
        message: `key ${shown(keyText(from, to))} appears twice in the object at ${where(path.slice(0, -1))} (lines ${repeatedLine} and ${line}); JSON.parse would keep only the last value`,
      });
    }
  };
  const hasEscapedKey = (base: number): boolean => {
    for (let k = base + 3; k < keysEnd; k += 4) if (keys[k] === 1) return true;
    return false;
  };
  const lineOfKey = (base: number, key: string): number => {
    for (let k = base; k < keysEnd; k += 4) if (keyText(keys[k] as number, keys[k + 1] as number) === key) return keys[k + 2] as number;
    return line;
  };
  const tooLong = (from: number, to: number, isKey: boolean): void => {
    const path = pathHere(); // a key's path ends with the key
    problems.push({
      code: 'TEXT_TOO_LONG',
      path,
      line,
      message: `the ${isKey ? 'key' : 'text'} at ${where(path)} is ${to - from} characters long; at most ${maxString} are read`,
    });
  };
  const inexact = (from: number, to: number): void => {
    const token = text.slice(from, to);
    const path = pathHere();
    problems.push({
      code: 'JSON_NUMBER_INEXACT',
      path,
      line,
      message: `the number ${token.length > 40 ? `${token.slice(0, 40)}…` : token} at ${where(path)} cannot be held exactly by a JSON number reader (JSON.parse would read ${String(Number(token))}); write amounts as decimal strings`,
    });
  };
  const valueDone = (end: number): void => {
    expect = AFTER_VALUE;
    if (depth === 1 && topArray) ends.push(end);
  };

  for (;;) {
    let c = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 9) continue;
      if (c === 10) line++;
      else if (c === 13) {
        line++;
        if (text.charCodeAt(i + 1) === 10) i++;
      } else break;
    }
    if (i >= n) break;
    switch (expect) {
      case VALUE_OR_CLOSE:
      case VALUE: {
        if (expect === VALUE_OR_CLOSE && c === 93) {
          depth--;
          i++;
          valueDone(i);
          break;
        }
        if (depth === 1 && topArray) {
          starts.push(i);
          elementLines.push(line);
        }
        if (c === 34) {
          const end = valid ? validStringEnd(text, i) : stringEnd(text, i, n);
          if (end < 0) return syntax(stringProblem(text, i));
          if (end - i - 1 > maxString) tooLong(i + 1, end, false);
          i = end + 1;
          valueDone(i);
        } else if (c === 123 || c === 91) {
          kinds[depth] = c === 123 ? OBJECT : ARRAY;
          counts[depth] = 0;
          keyBase[depth] = keysEnd;
          keySets[depth] = undefined;
          if (depth === 0 && c === 91) topArray = true;
          depth++;
          expect = c === 123 ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
          i++;
        } else if (c === 45 || isDigit(c)) {
          const end = numberEnd(text, i);
          if (end < 0) return syntax(`${shown(text.slice(i, i + 24))} is not a JSON number`);
          if (!isExactNumberToken(text, i, end)) inexact(i, end);
          i = end;
          valueDone(i);
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          valueDone(i);
        } else if (text.startsWith('false', i)) {
          i += 5;
          valueDone(i);
        } else return syntax(`expected a value, found ${describe(i)}`);
        break;
      }
      case KEY_OR_CLOSE:
      case KEY: {
        if (expect === KEY_OR_CLOSE && c === 125) {
          depth--;
          keysEnd = keyBase[depth] as number;
          i++;
          valueDone(i);
          break;
        }
        if (c !== 34) return syntax(`expected a key in double quotes, found ${describe(i)}`);
        const end = valid ? validStringEnd(text, i) : stringEnd(text, i, n);
        if (end < 0) return syntax(stringProblem(text, i));
        const d = depth - 1;
        keyFrom[d] = i + 1;
        keyTo[d] = end;
        counts[d] = (counts[d] as number) + 1;
        if (end - i - 1 > maxString) tooLong(i + 1, end, true);
        addKey(d, i + 1, end);
        i = end + 1;
        expect = COLON;
        break;
      }
      case COLON:
        if (c !== 58) return syntax(`expected ':' after the key, found ${describe(i)}`);
        i++;
        expect = VALUE;
        break;
      default: {
        if (depth === 0) return syntax(`unexpected ${describe(i)} after the JSON value`);
        const d = depth - 1;
        const array = kinds[d] === ARRAY;
        if (c === 44) {
          if (array) counts[d] = (counts[d] as number) + 1;
          expect = array ? VALUE : KEY;
          i++;
        } else if (c === (array ? 93 : 125)) {
          if (!array) keysEnd = keyBase[d] as number;
          depth--;
          i++;
          valueDone(i);
        } else return syntax(`expected ',' or '${array ? ']' : '}'}' after a value, found ${describe(i)}`);
      }
    }
  }
  if (depth > 0 || expect !== AFTER_VALUE) return syntax(depth > 0 ? 'the text ends before the JSON value is complete (an object or array is not closed)' : 'the text holds no JSON value');
  return { problems, elements };
}

/** What is wrong with the string opening at `at` (which {@link stringEnd} refused). */
function stringProblem(text: string, at: number): string {
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) break;
    if (c === 92) {
      if (text.charCodeAt(j + 1) === 117) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return 'a \\u escape needs four hexadecimal digits';
        j += 5;
      } else if ('"\\/bfnrt'.includes(text[j + 1] ?? '')) j++;
      else return `${shown(text.slice(j, j + 2))} is not a JSON escape`;
    } else if (c < 32) return `a string holds control character U+${c.toString(16).toUpperCase().padStart(4, '0')} (write it as an escape)`;
  }
  return 'a string is not closed';
}

/** In valid JSON: the index of the quote closing the string opening at `at`. */
function validStringEnd(text: string, at: number): number {
  let j = text.indexOf('"', at + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
}

/** The end of the number token at `at`, or -1 when it is not valid JSON number syntax. */
function numberEnd(text: string, at: number): number {
  let j = at;
  if (text.charCodeAt(j) === 45) j++;
  const first = text.charCodeAt(j);
  if (first === 48) j++;
  else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(j))) j++;
  else return -1;
  if (text.charCodeAt(j) === 46) {
    j++;
    if (!isDigit(text.charCodeAt(j))) return -1;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    j++;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(text.charCodeAt(j))) return -1;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/** The index of the closing quote of the string opening at `at`, or -1 when it is not valid. */
function stringEnd(text: string, at: number, n: number): number {
  for (let j = at + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j;
    if (c === 92) {
      const e = text.charCodeAt(j + 1);
      if (e === 117) {
        for (let k = j + 2; k < j + 6; k++) {
          const h = text.charCodeAt(k);
          if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) return -1;
        }
        j += 5;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) j++;
      else return -1;
    } else if (c < 32) return -1;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Reads JSON text strictly: bytes are decoded as UTF-8 with a fatal decoder (`TEXT_NOT_UTF8`,
 * `TEXT_ENCODING_UNSUPPORTED`), a leading byte-order mark is skipped, and the text must parse
 * (`JSON_SYNTAX`) without a repeated key (`JSON_DUPLICATE_KEY`) or a number that a double cannot
 * hold as written (`JSON_NUMBER_INEXACT`). The value is the one `JSON.parse` gives. Every issue
 * has the path of the value and its `line`. Use it instead of `JSON.parse` for a contract or a
 * previous settlement read from a file.
 *
 * @param input - the JSON text, or its UTF-8 bytes
 * @example
 * const json = parseJsonText(readFileSync('contract.json'));
 * const contract = json.ok ? parseContract(json.value) : json;
 * parseJsonText('{"baselineWage": 1000.00000000000001}'); // { ok: false, issues: [{ code: 'JSON_NUMBER_INEXACT', path: ['baselineWage'], line: 1, ... }] }
 */
export function parseJsonText(input: string | Uint8Array): Result<unknown> {
  expectText('parseJsonText', 'input', input);
  const decoded = decodeText(input);
  if (decoded.failure !== undefined) return fail([textFailureIssue(decoded.failure, decoded.text)]);
  const scan = scanJsonText(decoded.text);
  if (scan.problems.length > 0) return fail(scan.problems.map((problem) => ({ ...problem })));
  return ok(scan.value);
}
