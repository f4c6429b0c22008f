/**
 * `settle --format csv` on every example programme under examples/ (at its as-of date, with the
 * participants listed, in English and in French), as a new user would run it: the files read back
 * to the settlement the library makes, nothing left out (each example has excluded records: their
 * issues are there), and the example's expected-settlement.json, a document read back from JSON,
 * is written the same way.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { Settlement } from '../../src/index.js';
import { settlementCsv } from '../../src/spreadsheets.js';
import { capturedNodeIo } from '../cli/captured-node-io.js';
import { loadExample, settledExample } from '../examples/helpers.js';
import { PROGRAMMES } from '../examples/programmes.js';
import { comparable, parseCsv, readBack } from './read-back.js';

const work = mkdtempSync(join(tmpdir(), 'outcome-pay-csv-examples-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe.each(PROGRAMMES)('examples/$name', (programme) => {
  const example = loadExample(programme.name);
  const indicators = example.indicators === undefined ? [] : ['--indicators', join(example.dir, 'indicators.json')];
  const argv = ['settle', '--contract', join(example.dir, 'contract.json'), '--records', join(example.dir, 'records.csv'), '--as-of', programme.asOf, ...indicators, '--detail', 'participants'];
  /** The command line with the real file system, its output captured. */
  const cli = async (extra: readonly string[]): Promise<{ code: number; stdout: string }> => {
    const io = capturedNodeIo();
    const code = await run([...argv, ...extra], io);
    return { code, stdout: io.stdoutText() };
  };

  it('the library settles the example as the command line does (records with their line numbers aside)', async () => {
    const fromCli = JSON.parse((await cli([])).stdout) as Settlement;
    const strip = (s: Settlement): unknown => ({ ...s, fingerprint: null, dataQuality: { ...s.dataQuality, issues: s.dataQuality.issues.map((i) => i.code) } });
    expect(strip(fromCli)).toEqual(strip(settledExample(example, programme.asOf, 'csv', 'participants')));
  });

  it.each(['en', 'fr'] as const)('settle --format csv --csv-locale %s writes files that read back to the settlement', async (locale) => {
    const dir = join(work, `${programme.name}-${locale}`);
    const { code } = await cli(['--format', 'csv', '--csv-locale', locale, '--out', dir]);
    expect(code).toBe(3); // every example holds invalid records on purpose
    const json = await cli([]);
    expect(json.code).toBe(3);
    const settlement = JSON.parse(json.stdout) as Settlement;
    const files = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    expect(files).toHaveLength(22);
    expect(readBack(files, locale)).toEqual(comparable(settlement));
    // every line and every issue is a row
    const rowsOf = (name: string): number => parseCsv(files.find((f) => f.name === name)?.text ?? '', locale).rows.length;
    expect(rowsOf('lines.csv')).toBe(settlement.tranches.reduce((n, t) => n + t.lines.length, 0));
    expect(rowsOf('data-issues.csv')).toBe(settlement.dataQuality.issues.length);
    expect(rowsOf('data-issues.csv')).toBeGreaterThan(0);
    const listed = settlement.tranches.reduce((n, t) => n + t.lines.reduce((m, l) => m + (l.participants?.length ?? 0), 0), 0) +
      settlement.tranches.reduce((n, t) => n + t.capCuts.reduce((m, c) => m + (c.participants?.length ?? 0), 0), 0) +
      settlement.participantCaps.reduce((n, c) => n + (c.participants?.length ?? 0), 0);
    expect(rowsOf('participant-claims.csv')).toBe(listed);
  });

  it('expected-settlement.json, read back from its file, is written whole too', () => {
    const document = JSON.parse(example.expected) as Settlement;
    expect(readBack(settlementCsv(document), 'en')).toEqual(comparable(document));
  });
});
