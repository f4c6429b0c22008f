/**
 * `outcome-pay statements` on real directories (the process's own file system, nodeIo): the
 * statements of the Région Sud example as of 2025-06-30 (two payers of the two tranches measured
 * by then: four files), their paths on stdout, the exit code of the settlement (3: the example has
 * invalid records); files already there refused before any is written, replaced with
 * --overwrite; the language; the same pages as the library writes.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { Settlement } from '../../src/index.js';
import { paymentStatements } from '../../src/statements.js';
import { capturedNodeIo } from './captured-node-io.js';

const work = mkdtempSync(join(tmpdir(), 'outcome-pay-statements-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const ARGS = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30'];
const NAMES = ['statement-t1+region', 'statement-t1+agency', 'statement-t2+region', 'statement-t2+agency'];

describe('outcome-pay statements', () => {
  it('writes one statement per payer and measured tranche into a directory it creates, the same pages as paymentStatements', async () => {
    const dir = join(work, 'a', 'fr');
    const io = capturedNodeIo();
    expect(await run(['statements', ...ARGS, '--out', dir, '--lang', 'fr'], io)).toBe(3);
    expect(io.stdoutText()).toBe(NAMES.map((name) => `${dir}/${name}.fr.html\n`).join(''));
    expect(readdirSync(dir).sort()).toEqual(NAMES.map((name) => `${name}.fr.html`).sort());
    // --lang fr: the notice on stderr in French too
    expect(io.stderrText()).toContain('outcome-pay: attention : 3 enregistrements sur 94 ont été exclus car invalides (dataQuality.issues)');
    // the pages are those of the library for the same settlement
    const json = capturedNodeIo();
    expect(await run(['settle', ...ARGS], json)).toBe(3);
    const settlement = JSON.parse(json.stdoutText()) as Settlement;
    for (const statement of paymentStatements(settlement, { lang: 'fr' })) expect(readFileSync(join(dir, statement.fileName), 'utf8')).toBe(statement.html);
    expect(readFileSync(join(dir, 'statement-t1+region.fr.html'), 'utf8')).toContain('data-figure="due">34\u00A0056,00\u00A0€<'); // 56760.00 × 0.6
  });

  it('is English by default; --detail participants names the participants of every line', async () => {
    const dir = join(work, 'en');
    expect(await run(['statements', ...ARGS, '--out', dir, '--detail', 'participants'], capturedNodeIo())).toBe(3);
    const page = readFileSync(join(dir, 'statement-t1+region.en.html'), 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('data-figure="due">€34,056.00<');
    expect(page).toMatch(/<p class="note">Participants: RS-\d{4}/);
  });

  it('refuses a directory that already holds a statement of the same name (OUT_FILES_EXIST), writing none; --overwrite replaces them', async () => {
    const dir = join(work, 'again');
    expect(await run(['statements', ...ARGS, '--out', dir], capturedNodeIo())).toBe(3);
    rmSync(join(dir, 'statement-t1+region.en.html'));
    writeFileSync(join(dir, 'statement-t2+agency.en.html'), 'mine');
    const io = capturedNodeIo();
    expect(await run(['statements', ...ARGS, '--out', dir], io)).toBe(2);
    expect(io.stderrText()).toContain(`statements: OUT_FILES_EXIST: ${JSON.stringify(dir)} already holds statement-t1+agency.en.html, statement-t2+region.en.html, statement-t2+agency.en.html; nothing was written`);
    expect(existsSync(join(dir, 'statement-t1+region.en.html'))).toBe(false);
    expect(readFileSync(join(dir, 'statement-t2+agency.en.html'), 'utf8')).toBe('mine');
    expect(await run(['statements', ...ARGS, '--out', dir, '--overwrite'], capturedNodeIo())).toBe(3);
    expect(readFileSync(join(dir, 'statement-t2+agency.en.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(existsSync(join(dir, 'statement-t1+region.en.html'))).toBe(true);
  });

  it('a directory that cannot be created is refused before anything is settled (OUT_DIRECTORY_UNWRITABLE)', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const io = capturedNodeIo();
    expect(await run(['statements', ...ARGS, '--out', join(file, 'sub')], io)).toBe(2);
    expect(io.stderrText()).toContain('statements: OUT_DIRECTORY_UNWRITABLE: cannot write statements to');
  });

  it('needs --out, and takes --lang en or fr only', async () => {
    const io = capturedNodeIo();
    expect(await run(['statements', ...ARGS], io)).toBe(2);
    expect(io.stderrText()).toContain('--out <dir>');
    const other = capturedNodeIo();
    expect(await run(['statements', ...ARGS, '--out', join(work, 'de'), '--lang', 'de'], other)).toBe(2);
    expect(other.stderrText()).toContain('"en" or "fr"');
  });

  it('writes nothing for invalid input (exit 1)', async () => {
    const dir = join(work, 'bad');
    const io = capturedNodeIo();
    expect(await run(['statements', ...ARGS.slice(0, -1), 'not-a-date', '--out', dir], io)).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
