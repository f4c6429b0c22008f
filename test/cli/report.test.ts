/**
 * `outcome-pay report` on real files (the process's own file system): every example under
 * examples/ gives a settlement report at the date of its expected settlement, and each example
 * with assumptions a simulation report; the path written is printed, the exit code is settle's;
 * an existing file is refused before anything is computed (OUT_FILE_EXISTS) and replaced with
 * --overwrite; the two kinds of options are not mixed; missing chart libraries are a usage error
 * with REPORT_CHARTS_MISSING (the command's own handling, with a loader that fails).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { capturedNodeIo } from './captured-node-io.js';

const work = mkdtempSync(join(tmpdir(), 'outcome-pay-report-cli-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The examples with a contract of their own, each settled at the date of its expected settlement. */
const EXAMPLES = readdirSync('examples', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('examples', entry.name, 'contract.json')))
  .map((entry) => entry.name)
  .sort();

/** What an example's settlement takes besides its contract and records. */
function settleArgs(name: string): string[] {
  const dir = join('examples', name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected-settlement.json'), 'utf8')) as { asOf: string; dataQuality: { recordsRead: number; recordsExcluded: number } };
  const records = existsSync(join(dir, 'records.ndjson')) ? join(dir, 'records.ndjson') : join(dir, 'records.csv');
  return [
    '--contract', join(dir, 'contract.json'),
    '--records', records,
    '--as-of', expected.asOf,
    ...(existsSync(join(dir, 'indicators.json')) ? ['--indicators', join(dir, 'indicators.json')] : []),
    // world-bank-results' records file is empty on purpose: no participant has enrolled yet
    ...(expected.dataQuality.recordsRead === 0 ? ['--allow-empty'] : []),
  ];
}

const expectedExit = (name: string): number =>
  (JSON.parse(readFileSync(join('examples', name, 'expected-settlement.json'), 'utf8')) as { dataQuality: { recordsExcluded: number } }).dataQuality.recordsExcluded > 0 ? 3 : 0;

/** The charts of a report: each figure's name. */
const charts = (html: string): string[] => [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">\n<svg /g)].map((match) => match[1] ?? '');

describe('outcome-pay report', () => {
  it('the examples are the eight of examples/', () => {
    expect(EXAMPLES).toEqual(['cluster-engineering', 'idf-apprenticeship', 'ppp-impact', 'profession-emploi', 'region-sud', 'uk-earnings', 'uk-rate-card', 'world-bank-results']);
  });

  it.each(EXAMPLES)('%s: a settlement report, its path printed, the exit code of settle', async (name) => {
    const out = join(work, `${name}.html`);
    const io = capturedNodeIo();
    expect(await run(['report', ...settleArgs(name), '--out', out], io), io.stderrText()).toBe(expectedExit(name));
    expect(io.stdoutText()).toBe(`${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const expected = JSON.parse(readFileSync(join('examples', name, 'expected-settlement.json'), 'utf8')) as { contract: { name: string }; tranches: unknown[] };
    expect(html).toContain(expected.contract.name.replaceAll('&', '&amp;').replaceAll("'", '&#39;'));
    // the tranches and payers charts whenever the settlement has tranches
    expect(charts(html).slice(0, 2)).toEqual(expected.tranches.length > 0 ? ['tranches', 'payers'] : []);
    expect(html).not.toMatch(/https?:/);
    if (expectedExit(name) === 3) expect(io.stderrText()).toContain('excluded');
  }, 120_000);

  it.each(EXAMPLES.filter((name) => existsSync(join('examples', name, 'assumptions.json'))))('%s: a simulation report of 20 runs', async (name) => {
    const out = join(work, `${name}-simulation.html`);
    const io = capturedNodeIo();
    const args = ['report', '--contract', join('examples', name, 'contract.json'), '--assumptions', join('examples', name, 'assumptions.json'), '--runs', '20', '--out', out];
    expect(await run(args, io), io.stderrText()).toBe(0);
    expect(io.stdoutText()).toBe(`${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(charts(html).slice(0, 2)).toEqual(['distribution', 'cash-flow']);
    expect(html).not.toMatch(/https?:/);
  }, 120_000);

  it('--tornado adds the tornado chart and table', async () => {
    const out = join(work, 'tornado.html');
    const io = capturedNodeIo();
    const args = ['report', '--contract', 'examples/region-sud/contract.json', '--assumptions', 'examples/region-sud/assumptions.json', '--runs', '3', '--tornado', '--out', out]; // 3 runs a variant: the chart and the table are what is checked
    expect(await run(args, io), io.stderrText()).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(charts(html)).toContain('tornado');
    expect(html).toContain('<table data-table="tornado">');
  }, 120_000);

  it('refuses an --out file that exists before anything is computed (OUT_FILE_EXISTS), replaces it with --overwrite', async () => {
    const out = join(work, 'exists.html');
    writeFileSync(out, 'kept');
    const io = capturedNodeIo();
    expect(await run(['report', ...settleArgs('uk-earnings'), '--out', out], io)).toBe(2);
    expect(io.stderrText()).toContain('OUT_FILE_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect(await run(['report', ...settleArgs('uk-earnings'), '--out', out, '--overwrite'], capturedNodeIo())).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  }, 120_000);

  it('an --out file in a missing directory is OUT_FILE_UNWRITABLE', async () => {
    const io = capturedNodeIo();
    expect(await run(['report', ...settleArgs('uk-earnings'), '--out', join(work, 'missing', 'r.html')], io)).toBe(2);
    expect(io.stderrText()).toContain('OUT_FILE_UNWRITABLE');
  }, 120_000);

  it('asks for one kind of report: settlement options and simulation options are not mixed, and one of the two is given', async () => {
    const mixed = capturedNodeIo();
    expect(await run(['report', ...settleArgs('region-sud'), '--runs', '10', '--out', join(work, 'mixed.html')], mixed)).toBe(2);
    expect(mixed.stderrText()).toContain('--records is for a settlement report and --runs for a simulation report');
    const neither = capturedNodeIo();
    expect(await run(['report', '--contract', 'examples/region-sud/contract.json', '--out', join(work, 'neither.html')], neither)).toBe(2);
    expect(neither.stderrText()).toContain('give --records <file> and --as-of <YYYY-MM-DD> for a settlement report, or --assumptions <file>');
    const noDate = capturedNodeIo();
    expect(await run(['report', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--out', join(work, 'nodate.html')], noDate)).toBe(2);
    expect(existsSync(join(work, 'mixed.html')) || existsSync(join(work, 'neither.html')) || existsSync(join(work, 'nodate.html'))).toBe(false);
  });

  it('invalid input: exit 1, the problems listed, no file written', async () => {
    const contract = join(work, 'bad-contract.json');
    writeFileSync(contract, '{"schemaVersion": "2.0"}');
    const io = capturedNodeIo();
    const out = join(work, 'bad.html');
    expect(await run(['report', '--contract', contract, '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30', '--out', out], io)).toBe(1);
    expect(io.stderrText()).toContain('nothing was settled');
    expect(existsSync(out)).toBe(false);
  });
});
