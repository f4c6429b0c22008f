/**
 * The message tables: French has every key of English (the compiler checks the type; this checks
 * the objects themselves, nested tables included), and every text is words, not left empty.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/format/index.js';

/** Every key path of a table, with the kind of its value. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (Array.isArray(value)) return [`${path}[${String(value.length)}]`];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
  return [`${path}: ${typeof value}`];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('MESSAGES', () => {
  it('French and English have the same keys, the same kinds of values, the same lengths of headers', () => {
    expect(shape(MESSAGES.fr).sort()).toEqual(shape(MESSAGES.en).sort());
    expect(shape(MESSAGES.en).length).toBeGreaterThan(100);
  });

  it('no text is empty, and French is not English left untranslated', () => {
    expect(strings(MESSAGES.fr).filter((text) => text.trim() === '')).toEqual([]);
    expect(strings(MESSAGES.en).filter((text) => text.trim() === '')).toEqual([]);
    expect(MESSAGES.fr.statement.title).not.toBe(MESSAGES.en.statement.title);
    expect(MESSAGES.fr.summary.trancheStatus.settled).toBe('réglée');
    expect(MESSAGES.fr.summary.claims(1)).toBe('1 demande');
    expect(MESSAGES.fr.summary.claims(0)).toBe('0 demande');
    expect(MESSAGES.en.summary.claims(0)).toBe('0 claims');
  });
});
