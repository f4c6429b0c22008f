/**
 * Pre-pass over untrusted input: refuses `__proto__`, `constructor` and `prototype` keys
 * anywhere, cycles, and absurd nesting, without ever throwing.
 *
 * @module
 */
import { formatPath, type Issue, type PathSegment } from '../errors.js';

/**
 * Keys refused anywhere in a contract (prototype pollution vectors).
 *
 * @example
 * FORBIDDEN_KEYS.has('__proto__'); // true
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting a contract document may have (the schema itself needs fewer than 10 levels). */
export const MAX_DEPTH = 32;

/**
 * Walks `input` and reports forbidden keys (`FORBIDDEN_KEY`), cycles and unreadable values
 * (`CONTRACT_UNREADABLE`) and excessive nesting (`CONTRACT_TOO_DEEP`). Own keys are read with
 * `Object.keys`, so the own `__proto__` property `JSON.parse` creates is seen.
 *
 * @example
 * scanKeys(JSON.parse('{"a":{"__proto__":{}}}')); // [{ code: 'FORBIDDEN_KEY', path: ['a', '__proto__'], ... }]
 */
export function scanKeys(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const onPath = new Set<object>();
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value !== 'object' || value === null) return;
    if (path.length > MAX_DEPTH) {
      issues.push({ code: 'CONTRACT_TOO_DEEP', path, message: `${formatPath(path)}: nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (onPath.has(value)) {
      issues.push({ code: 'CONTRACT_UNREADABLE', path, message: `${formatPath(path)}: the value contains itself (a cycle), which JSON cannot` });
      return;
    }
    onPath.add(value);
    try {
      if (Array.isArray(value)) {
        value.forEach((item: unknown, index) => {
          visit(item, [...path, index]);
        });
      } else {
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) {
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              code: 'FORBIDDEN_KEY',
              path: [...path, key],
              message: `${formatPath([...path, key])}: the key "${key}" is refused anywhere in a contract`,
            });
            continue;
          }
          visit(record[key], [...path, key]);
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      issues.push({ code: 'CONTRACT_UNREADABLE', path, message: `${formatPath(path)}: could not be read (${reason})` });
    }
    onPath.delete(value);
  };
  visit(input, []);
  return issues;
}
