/**
 * `settle --format csv --out <dir>` on real directories (the process's own file system, nodeIo):
 * the 22 files written, their paths on stdout, the exit code of the settlement (3: the example has
 * invalid records); a directory created with its parents; files already there refused before
 * anything is settled, replaced with --overwrite; the options checked against each other; a
 * directory that cannot be written to refused with its code.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { nodeIo } from '../../src/cli/node-io.js';
import type { Settlement } from '../../src/index.js';
import { comparable, readBack } from '../spreadsheet/read-back.js';
import { capturedNodeIo } from './captured-node-io.js';
import { fakeIo } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'outcome-pay-csv-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const SETTLE = ['settle', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30'];

const captured = capturedNodeIo;

function filesIn(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

describe('settle --format csv --out <dir>', () => {
  it('writes the 22 files into a directory it creates, prints their paths, exits as settle does; the files read back to the JSON settlement', async () => {
    const dir = join(work, 'a', 'b');
    const io = captured();
    expect(await run([...SETTLE, '--detail', 'participants', '--format', 'csv', '--out', dir], io)).toBe(3);
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(22);
    expect(io.stdoutText()).toBe(
      ['settlement', 'previous', 'payers', 'tranches', 'payer-splits', 'lines', 'line-payers', 'cap-cuts', 'reinvestment', 'adjustments', 'adjustment-causes', 'exits', 'minimum-performance', 'minimum-performance-reviews', 'minimum-performance-tranches', 'participant-caps', 'participant-claims', 'unscheduled', 'hiring-guarantees', 'tallies', 'decisions-at-risk', 'data-issues']
        .map((name) => `${dir}/${name}.csv\n`)
        .join(''),
    );
    expect(io.stderrText()).toContain('excluded');
    // the same settlement as JSON, then the files read back to it
    const json = captured();
    expect(await run([...SETTLE, '--detail', 'participants'], json)).toBe(3);
    const settlement = JSON.parse(json.stdoutText()) as Settlement;
    expect(readBack(filesIn(dir), 'en')).toEqual(comparable(settlement));
  });

  it('--csv-locale fr: ";" and decimal commas', async () => {
    const dir = join(work, 'fr');
    expect(await run([...SETTLE, '--format', 'csv', '--csv-locale', 'fr', '--out', dir], captured())).toBe(3);
    const payers = readFileSync(join(dir, 'payers.csv'), 'utf8');
    expect(payers.split('\r\n')[0]).toBe('\uFEFFpayer;share;earned;previouslyPaid;due');
    expect(payers.split('\r\n')[1]).toMatch(/^region;0,6;[0-9]+,[0-9]{2};0,00;[0-9]+,[0-9]{2}$/);
  });

  it('refuses a directory that holds files of the same names before settling (OUT_FILES_EXIST), and replaces them with --overwrite', async () => {
    const dir = join(work, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tranches.csv'), 'mine');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    const io = captured();
    expect(await run([...SETTLE, '--format', 'csv', '--out', dir], io)).toBe(2);
    expect(io.stderrText()).toContain(`settle: OUT_FILES_EXIST: ${JSON.stringify(dir)} already holds tranches.csv; nothing was settled`);
    expect(io.stdoutText()).toBe('');
    expect(readFileSync(join(dir, 'tranches.csv'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'tranches.csv']);

    expect(await run([...SETTLE, '--format', 'csv', '--out', dir, '--overwrite'], captured())).toBe(3);
    expect(readFileSync(join(dir, 'tranches.csv'), 'utf8').startsWith('\uFEFFtranche,name,status')).toBe(true);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toHaveLength(23); // the 22 files and notes.txt
  });

  it('a directory that cannot be created or written to: OUT_DIRECTORY_UNWRITABLE, nothing written', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const io = captured();
    expect(await run([...SETTLE, '--format', 'csv', '--out', join(file, 'sub')], io)).toBe(2);
    expect(io.stderrText()).toMatch(/settle: OUT_DIRECTORY_UNWRITABLE: cannot write CSV files to ".*a-file\/sub" \((ENOTDIR|EEXIST)\); nothing was settled/);
    expect(io.stderrText()).not.toContain('internal error');

    // a read-only directory (root ignores permissions: then only the first case holds)
    const locked = join(work, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const lockedIo = captured();
    const code = await run([...SETTLE, '--format', 'csv', '--out', locked], lockedIo);
    if (process.getuid?.() !== 0) {
      expect(code).toBe(2);
      expect(lockedIo.stderrText()).toContain('OUT_DIRECTORY_UNWRITABLE');
    }
    chmodSync(locked, 0o700);
  });

  it.each([
    [['--format', 'csv'], 'settle: OUT_DIRECTORY_MISSING: --format csv writes one file per table: give the directory with --out <dir>'],
    [['--out', 'x'], 'settle: --out <dir> is for --format csv'],
    [['--csv-locale', 'fr'], 'settle: --csv-locale is for --format csv'],
    [['--overwrite'], 'settle: --overwrite is for --format csv'],
    [['--format', 'csv', '--out', 'x', '--summary'], 'settle: --summary and --format csv are two outputs; give one'],
    [['--format', 'xlsx'], "option '--format <format>' argument 'xlsx' is invalid. It takes \"json\" or \"csv\"."],
    [['--format', 'csv', '--out', 'x', '--csv-locale', 'de'], 'It takes "en" or "fr".'],
  ])('%j is a usage error, nothing written', async (extra, message) => {
    const io = captured();
    expect(await run([...SETTLE, ...extra], io)).toBe(2);
    expect(io.stderrText()).toContain(message);
    expect(existsSync('x')).toBe(false);
  });

  it('without a file system to write to (an embedding CliIo without createDirectory), --out is refused', async () => {
    const io = Object.assign(fakeIo(), { readFile: nodeIo().readFile });
    expect(await run([...SETTLE, '--format', 'csv', '--out', join(work, 'none')], io)).toBe(2);
    expect(io.stderrText()).toContain('settle: --out needs a file system to write to');
  });
});
