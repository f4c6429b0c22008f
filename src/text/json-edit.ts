/**
 * Editing JSON text in place: a key renamed or a value replaced at a path, every other character
 * (spaces, line ends, the order of the keys, how numbers and strings are written) kept as it is.
 * `outcome-pay migrate` rewrites a contract file this way, so that the file changes only where the
 * format changed.
 *
 * @module
 */
import { OutcomePayError, formatPath, type PathSegment } from '../errors.js';

/**
 * One edit of a member of a JSON object: at `path` (the object's path, then the member's key),
 * rename the key to `key`, replace the value by the JSON primitive `value`, or both.
 *
 * @example
 * const rename: JsonTextEdit = { path: ['rules', 0, 'groupPricing', 'mode'], key: 'kind' };
 * const bump: JsonTextEdit = { path: ['schemaVersion'], value: '2.0' };
 */
export interface JsonTextEdit {
  readonly path: readonly PathSegment[];
  readonly key?: string;
  readonly value?: string | number | boolean | null;
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The edits as a tree of paths: the edit of a member, and the nodes of the members below it. */
interface Node {
  edit?: JsonTextEdit;
  readonly below: Map<PathSegment, Node>;
}

/** An open object or array while walking: the node of its path (undefined when no edit is below it), and the member being read. */
interface Frame {
  readonly node: Node | undefined;
  readonly array: boolean;
  /** The index of the next element (arrays). */
  index: number;
  /** The member whose value is being read (after its key, for objects): its node and where its value starts. */
  member: { readonly node: Node | undefined; readonly start: number } | undefined;
}

function treeOf(edits: readonly JsonTextEdit[]): Node {
  const root: Node = { below: new Map() };
  for (const edit of edits) {
    let node = root;
    for (const segment of edit.path) {
      let next = node.below.get(segment);
      if (next === undefined) {
        next = { below: new Map() };
        node.below.set(segment, next);
      }
      node = next;
    }
    node.edit = edit;
  }
  return root;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The index after the string token that starts at `start` (a quote). The text is valid JSON. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The index after the number or literal (`true`, `false`, `null`) that starts at `start`. */
function scalarEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && !',}]'.includes(text.charAt(i))) i++;
  return i;
}

/**
 * Applies edits to JSON text and returns the new text: each edited key or value is replaced by
 * its new JSON text (`JSON.stringify`), every other character is kept, a leading byte-order mark
 * included. The text must be valid JSON with no key twice in an object (what `parseJsonText`
 * accepts); it is walked without recursion, however deep. A path that names no member of the
 * text is a bug of the caller: it throws `OutcomePayError` `INTERNAL_UNREACHABLE`.
 *
 * @param text - valid JSON text
 * @param edits - at most one edit per path
 * @example
 * editJsonText('{ "mode": "flat" }', [{ path: ['mode'], key: 'kind' }]); // '{ "kind": "flat" }'
 * editJsonText('{"schemaVersion":"1.0"}', [{ path: ['schemaVersion'], value: '2.0' }]); // '{"schemaVersion":"2.0"}'
 */
export function editJsonText(text: string, edits: readonly JsonTextEdit[]): string {
  const root = treeOf(edits);
  const found = new Set<JsonTextEdit>();
  const splices: Splice[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** A value of the innermost frame ended at `i`: its edit, if it replaces the value. */
  const ended = (): void => {
    const frame = stack.at(-1);
    if (frame === undefined) return;
    const edit = frame.member?.node?.edit;
    if (edit?.value !== undefined && frame.member !== undefined) splices.push({ start: frame.member.start, end: i, text: JSON.stringify(edit.value) });
    frame.member = undefined;
    frame.index++;
  };
  const begin = (frame: Frame, segment: PathSegment): Node | undefined => {
    const node = frame.node?.below.get(segment);
    if (node?.edit !== undefined) found.add(node.edit);
    frame.member = { node, start: i };
    return node;
  };
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const c = text.charAt(i);
    const frame = stack.at(-1);
    if (c === ',') {
      i++;
    } else if (c === '}' || c === ']') {
      i++;
      stack.pop();
      ended();
    } else if (frame !== undefined && !frame.array && frame.member === undefined) {
      // a key, its colon, and the start of its value
      const end = stringEnd(text, i);
      const keyStart = i;
      i = text.indexOf(':', end) + 1;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const edit = begin(frame, JSON.parse(text.slice(keyStart, end)) as string)?.edit;
      if (edit?.key !== undefined) splices.push({ start: keyStart, end, text: JSON.stringify(edit.key) });
    } else {
      if (frame?.array === true) begin(frame, frame.index);
      const node = frame === undefined ? root : frame.member?.node;
      if (c === '{' || c === '[') {
        i++;
        stack.push({ node, array: c === '[', index: 0, member: undefined });
      } else {
        i = c === '"' ? stringEnd(text, i) : scalarEnd(text, i);
        ended();
      }
    }
  }
  const missing = edits.find((edit) => !found.has(edit));
  if (missing !== undefined) throw new OutcomePayError('INTERNAL_UNREACHABLE', `editJsonText: no member at ${formatPath(missing.path)} to edit`);
  let out = '';
  let at = 0;
  for (const splice of [...splices].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return out + text.slice(at);
}
