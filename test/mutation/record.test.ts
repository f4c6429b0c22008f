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
import { type MutationRecord, MUTATION_FOLDERS, MUTATION_TARGETS, RECORD_FILE, TARGET_SCORE, folderScores, mutateGlobs, mutationScore, readRecord, sourceFiles, sourceHash, writeRecord } from '../../scripts/mutation-record.mjs';

const markdown = readFileSync(RECORD_FILE, 'utf8');
const records = readRecord(markdown);

describe('recorded mutation scores (docs/testing.md)', () => {
  for (const record of records) {
    const target = MUTATION_TARGETS.find((each) => each.name === record.name);
    if (!record.measured || target === undefined) {
      test.todo(`src/${record.name}: mutation score not yet measured (npm run test:mutation -- ${record.name})`);
      continue;
    }
    test(`src/${record.name}: ${record.score.toFixed(2)} % on ${record.date}, and the code has not changed since`, () => {
      expect(
        sourceHash('.', target),
        `src/${record.name} changed after its mutation score was measured on ${record.date}: run \`npm run test:mutation -- '${record.name}'\`, add tests for the mutants that survive, and commit docs/testing.md and reports/stryker-incremental-${target.slug}.json`,
      ).toBe(record.hash);
      // The recorded score is the one its counts give.
      expect(mutationScore(record)).toBe(record.score);
    });
  }
  for (const folder of folderScores(records)) {
    if (!folder.measured) {
      test.todo(`src/${folder.folder}: not every part measured (npm run test:mutation -- ${folder.folder})`);
      continue;
    }
    test(`src/${folder.folder}: ${folder.score.toFixed(2)} %${folder.parts > 1 ? ` over its ${folder.parts} parts` : ''}, at least ${TARGET_SCORE} %`, () => {
      expect(folder.score, `src/${folder.folder} is below the target of ${TARGET_SCORE} %`).toBeGreaterThanOrEqual(TARGET_SCORE);
    });
  }

  test('the table has one row per target, in order, and the targets cover every source file of the four folders once', () => {
    expect(records.map((record) => record.name)).toEqual(MUTATION_TARGETS.map((target) => target.name));
    expect(MUTATION_FOLDERS).toEqual(['money', 'calendar', 'outcomes', 'settlement']);
    for (const folder of MUTATION_FOLDERS) {
      const covered = MUTATION_TARGETS.filter((target) => target.folder === folder).flatMap((target) => sourceFiles('.', target));
      expect(covered.slice().sort(), folder).toEqual(sourceFiles('.', folder));
    }
    expect(MUTATION_TARGETS.map((target) => [target.slug, ...mutateGlobs(target)])).toEqual([
      ['money', 'src/money/**/*.ts'],
      ['calendar', 'src/calendar/**/*.ts'],
      ['outcomes', 'src/outcomes/**/*.ts'],
      ['settlement-rules', 'src/settlement/rules/**/*.ts'],
      ['settlement-caps', 'src/settlement/caps/**/*.ts'],
      ['settlement-a-o', 'src/settlement/[a-o]*.ts'],
      ['settlement-p-r', 'src/settlement/[p-r]*.ts'],
      ['settlement-s-z', 'src/settlement/[s-z]*.ts'],
    ]);
  });

  test('a folder in parts is scored from the sum of its parts, once all are measured', () => {
    const row = (name: string, killed: number, survived: number): MutationRecord => ({ name, folder: 'settlement', measured: true as const, score: 0, killed, timeout: 1, survived, noCoverage: 1, errors: 2, date: '2026-12-06', hash: '0123456789abcdef' });
    const parts = ['settlement/rules', 'settlement/caps', 'settlement/[a-o]*.ts', 'settlement/[p-r]*.ts', 'settlement/[s-z]*.ts'];
    const all = parts.map((name, index) => row(name, 80 + index, 10));
    // killed 80+81+82+83+84 = 410, timed out 5, survived 50, no coverage 5: 415 / 470 = 88.297… -> 88.29
    expect(folderScores(all).find((folder) => folder.folder === 'settlement')).toEqual({
      folder: 'settlement', measured: true, parts: 5, killed: 410, timeout: 5, survived: 50, noCoverage: 5, errors: 10, score: 88.29,
    });
    const oneMissing: MutationRecord[] = [...all.slice(0, 4), { name: parts[4] ?? '', folder: 'settlement', measured: false }];
    expect(folderScores(oneMissing).find((folder) => folder.folder === 'settlement')).toEqual({ folder: 'settlement', measured: false, parts: 5 });
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
      name: 'outcomes',
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
    expect(read.find((record) => record.name === 'outcomes')).toEqual({
      name: 'outcomes',
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
    expect(read.filter((record) => record.name !== 'outcomes')).toEqual(records.filter((record) => record.name !== 'outcomes'));
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
    const unknown = markdown.replace(/\| `src\/money` \|/, '| `src/moneys` |');
    expect(() => readRecord(unknown)).toThrow(/files that are not a target/);
  });

  test('a part of a folder hashes only its own files: a subfolder, or the files of a letter range', () => {
    mkdirSync(join(root, 'src/settlement/rules'), { recursive: true });
    writeFileSync(join(root, 'src/settlement/accumulate.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'src/settlement/previous.ts'), 'export const p = 1;\n');
    writeFileSync(join(root, 'src/settlement/rules/fee.ts'), 'export const f = 1;\n');
    const part = (name: string): (typeof MUTATION_TARGETS)[number] => {
      const found = MUTATION_TARGETS.find((target) => target.name === name);
      if (found === undefined) throw new Error(`no target ${name}`);
      return found;
    };
    expect(sourceFiles(root, part('settlement/[a-o]*.ts'))).toEqual(['src/settlement/accumulate.ts']);
    expect(sourceFiles(root, part('settlement/[p-r]*.ts'))).toEqual(['src/settlement/previous.ts']);
    expect(sourceFiles(root, part('settlement/rules'))).toEqual(['src/settlement/rules/fee.ts']);
    const before = [part('settlement/[a-o]*.ts'), part('settlement/[p-r]*.ts'), part('settlement/rules')].map((target) => sourceHash(root, target));
    writeFileSync(join(root, 'src/settlement/rules/fee.ts'), 'export const f = 2;\n');
    const after = [part('settlement/[a-o]*.ts'), part('settlement/[p-r]*.ts'), part('settlement/rules')].map((target) => sourceHash(root, target));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
  });
});
