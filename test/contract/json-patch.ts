/**
 * A small JSON-patch subset (add, replace, remove) for the invalid-contract corpus. Keys are set
 * with `Object.defineProperty`, so a patch can create an own `__proto__` key exactly as
 * `JSON.parse` does, without touching any prototype.
 */

/** One patch operation: `path` is a JSON pointer (`""` = the whole document, `-` = append). */
export interface PatchOp {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string;
  readonly value?: unknown;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Applies `ops` to a deep copy of `doc` and returns the copy.
 *
 * @example
 * applyPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]); // { a: 2 }
 */
export function applyPatch(doc: unknown, ops: readonly PatchOp[]): unknown {
  let root: unknown = structuredClone(doc);
  for (const { op, path, value } of ops) {
    if (path === '') {
      if (op === 'remove') throw new Error('cannot remove the root');
      root = structuredClone(value);
      continue;
    }
    const tokens = path.split('/').slice(1).map(unescape);
    const last = tokens.pop();
    if (last === undefined) throw new Error(`bad pointer ${path}`);
    let parent: unknown = root;
    for (const token of tokens) {
      parent = Array.isArray(parent) ? (parent as unknown[])[Number(token)] : (parent as Record<string, unknown>)[token];
      if (typeof parent !== 'object' || parent === null) throw new Error(`pointer ${path} does not resolve`);
    }
    const copy: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, copy);
      else if (op === 'replace') parent[index] = copy;
      else parent.splice(index, 1);
    } else {
      const record = parent as Record<string, unknown>;
      if (op === 'remove') {
        if (!Object.hasOwn(record, last)) throw new Error(`nothing to remove at ${path}`);
        Reflect.deleteProperty(record, last);
      } else {
        if (op === 'replace' && !Object.hasOwn(record, last)) throw new Error(`nothing to replace at ${path}`);
        setOwn(record, last, copy);
      }
    }
  }
  return root;
}
