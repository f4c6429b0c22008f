/**
 * CI does not run the mutation test (hours for the four folders), so it checks instead that each
 * score recorded in docs/testing.md still describes the code: the record keeps, per folder, a hash
 * of its source files as they were when measured, and any change to them (a file edited, added,
 * removed or renamed) makes the record stale until `npm run test:mutation -- <folder>` is run again.
 * A folder not yet measured does not fail; it is listed as a todo.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MUTATION_FOLDERS, RECORD_FILE, TARGET_SCORE, mutationScore, readRecord, sourceHash, writeRecord } from '../../scripts/mutation-record.mjs';

const markdown = readFileSync(RECORD_FILE, 'utf8');
const records = readRecord(markdown);

describe('recorded mutation scores (docs/testing.md)', () => {
  for (const record of records) {
    if (!record.measured) {
      test.todo(`src/${record.folder}: mutation score not yet measured (npm run test:mutation -- ${record.folder})`);
      continue;
    }
    test(`src/${record.folder}: ${record.score.toFixed(2)} % on ${record.date}, and the code has not changed since`, () => {
      expect(
        sourceHash('.', record.folder),
        `src/${record.folder} changed after its mutation score was measured on ${record.date}: run \`npm run test:mutation -- ${record.folder}\`, add tests for the mutants that survive, and commit docs/testing.md and reports/stryker-incremental-${record.folder}.json`,
      ).toBe(record.hash);
      expect(record.score, `src/${record.folder} is below the target of ${TARGET_SCORE} %`).toBeGreaterThanOrEqual(TARGET_SCORE);
      // The recorded score is the one its counts give.
      expect(mutationScore(record)).toBe(record.score);
    });
  }

  test('the table has one row per mutated folder, in order', () => {
    expect(records.map((record) => record.folder)).toEqual(['money', 'calendar', 'outcomes', 'settlement']);
    expect(MUTATION_FOLDERS).toEqual(['money', 'calendar', 'outcomes', 'settlement']);
  });
});

describe('the record check itself', () => {
  const root = mkdtempSync(join(tmpdir(), 'mutation-record-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('the source hash changes when a file is edited, added or renamed, and not otherwise', () => {
    mkdirSync(join(root, 'src/money/deep'), { recursive: true });
    writeFileSync(join(root, 'src/money/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'src/money/deep/b.ts'), 'export const b = 2;\n');
    writeFileSync(join(root, 'src/money/notes.md'), 'not source\n');
    const first = sourceHash(root, 'money');
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceHash(root, 'money')).toBe(first);
    writeFileSync(join(root, 'src/money/notes.md'), 'still not source\n');
    expect(sourceHash(root, 'money')).toBe(first);
    // Windows line ends do not count as a change.
    writeFileSync(join(root, 'src/money/a.ts'), 'export const a = 1;\r\n');
    expect(sourceHash(root, 'money')).toBe(first);

    writeFileSync(join(root, 'src/money/a.ts'), 'export const a = 2;\n');
    const edited = sourceHash(root, 'money');
    expect(edited).not.toBe(first);
    renameSync(join(root, 'src/money/deep/b.ts'), join(root, 'src/money/deep/c.ts'));
    const renamed = sourceHash(root, 'money');
    expect(renamed).not.toBe(edited);
    writeFileSync(join(root, 'src/money/deep/d.ts'), '');
    expect(sourceHash(root, 'money')).not.toBe(renamed);
  });

  test('a row written is read back, the other rows kept', () => {
    const written = writeRecord(markdown, {
      folder: 'outcomes',
      measured: true,
      score: 87.5,
      killed: 60,
      timeout: 10,
      survived: 8,
      noCoverage: 2,
      errors: 3,
      date: '2026-12-05',
      hash: '0123456789abcdef',
    });
    const read = readRecord(written);
    expect(read.find((record) => record.folder === 'outcomes')).toEqual({
      folder: 'outcomes',
      measured: true,
      score: 87.5,
      killed: 60,
      timeout: 10,
      survived: 8,
      noCoverage: 2,
      errors: 3,
      date: '2026-12-05',
      hash: '0123456789abcdef',
    });
    expect(read.filter((record) => record.folder !== 'outcomes')).toEqual(records.filter((record) => record.folder !== 'outcomes'));
    expect(written.slice(written.indexOf('<!-- mutation-scores:end -->'))).toBe(markdown.slice(markdown.indexOf('<!-- mutation-scores:end -->')));
  });

  test('the score is detected over valid mutants, rounded down', () => {
    // (60 + 10) / (60 + 10 + 8 + 2) = 70 / 80 = 87.5 %
    expect(mutationScore({ killed: 60, timeout: 10, survived: 8, noCoverage: 2 })).toBe(87.5);
    // 2 / 3 = 66.666… % -> 66.66 (not 66.67)
    expect(mutationScore({ killed: 2, timeout: 0, survived: 1, noCoverage: 0 })).toBe(66.66);
    // 5666 / 6667 = 84.9857… % -> 84.98: never rounded up to the target
    expect(mutationScore({ killed: 5666, timeout: 0, survived: 0, noCoverage: 1001 })).toBe(84.98);
  });

  test('an unreadable row is refused, not taken as not measured', () => {
    const broken = markdown.replace(/\| `src\/money` \|[^\n]*/, '| `src/money` | about 90 | | | | | | | |');
    expect(() => readRecord(broken)).toThrow(/unreadable mutation score row/);
    expect(() => readRecord('no table here')).toThrow(/no mutation score table/);
  });
});
