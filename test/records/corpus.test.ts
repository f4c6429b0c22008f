import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readRecords, validateRawRecords, validateRecords, type RecordsResult } from '../../src/records/index.js';
import type { Issue } from '../../src/errors.js';
import { CONTEXT } from './fixtures.js';

interface Expected {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly recordIndex?: number;
  readonly line?: number;
}
interface Case {
  readonly name: string;
  readonly records?: unknown[];
  readonly file?: string;
  readonly expect: readonly Expected[];
}

const folder = new URL('../corpus/records/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('cases.json', folder), 'utf8')) as { cases: Case[] };

function run(entry: Case): readonly Issue[] {
  if (entry.records !== undefined) return validateRecords(entry.records, CONTEXT).issues;
  const file = entry.file ?? '';
  const format = detectFormat(file);
  if (format === undefined) throw new Error(`no format for ${file}`);
  const read = readRecords(readFileSync(new URL(file, folder), 'utf8'), format);
  if (!read.ok) return read.issues;
  const result: RecordsResult = validateRawRecords(read.value, CONTEXT);
  return result.issues;
}

describe('invalid records corpus (strict mode)', () => {
  it('has at least 15 cases', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(corpus.cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const issues = run(entry);
    expect(
      issues.map((issue) => {
        const seen: Expected = { code: issue.code, path: issue.path };
        return {
          ...seen,
          ...(issue.recordIndex === undefined ? {} : { recordIndex: issue.recordIndex }),
          ...(issue.line === undefined || entry.expect.every((e) => e.line === undefined) ? {} : { line: issue.line }),
        };
      }),
    ).toEqual(entry.expect);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});
