/**
 * `settle` on inputs with excluded records or no records at all: never a clean success.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from './helpers.js';

const regionCsv = readFileSync('examples/region-sud/records.csv', 'utf8');
const files = {
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'records.csv': regionCsv,
  'empty.ndjson': '',
  'header.csv': 'id,cohort,enrolledOn\n',
  'empty.json': '[]',
  'ddmm.csv': regionCsv.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1'),
};
const settle = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

describe('outcome-pay settle: no records', () => {
  it.each(['empty.ndjson', 'header.csv', 'empty.json'])('%s is refused (exit 1, RECORDS_EMPTY); --allow-empty settles it', async (records) => {
    const refused = fakeIo(files);
    expect(await run([...settle, '--records', records], refused)).toBe(1);
    expect(refused.stderrText()).toContain('RECORDS_EMPTY');
    expect(refused.stdoutText()).toBe('');
    const allowed = fakeIo(files);
    expect(await run([...settle, '--records', records, '--allow-empty'], allowed)).toBe(0);
    expect((JSON.parse(allowed.stdoutText()) as { dataQuality: { recordsRead: number } }).dataQuality.recordsRead).toBe(0);
  });
});

describe('outcome-pay settle: settled with records excluded (exit 3)', () => {
  const ppp = {
    'ppp.json': readFileSync('examples/ppp-impact/contract.json', 'utf8'),
    'ppp.csv': readFileSync('examples/ppp-impact/records.csv', 'utf8'),
    'indicators.json': readFileSync('examples/ppp-impact/indicators.json', 'utf8'),
  };
  const pppArgs = ['settle', '--contract', 'ppp.json', '--records', 'ppp.csv', '--indicators', 'indicators.json', '--as-of', '2025-09-30'];

  it('JSON: exit 3 and one warning line on stderr, the document on stdout as before', async () => {
    const io = fakeIo(files);
    expect(await run([...settle, '--records', 'records.csv'], io)).toBe(3);
    const settlement = JSON.parse(io.stdoutText()) as { dataQuality: { recordsExcluded: number; decisionsAtRisk: unknown[] } };
    expect(settlement.dataQuality.recordsExcluded).toBe(3);
    expect(settlement.dataQuality.decisionsAtRisk).toEqual([]);
    expect(io.stderrText()).toBe('outcome-pay: warning: 3 of 94 records were excluded as invalid (dataQuality.issues); no decision would change with them counted; exit status 3\n');
  });

  it('--summary: the warning comes first, with the first problems and the decisions at risk', async () => {
    const io = fakeIo(ppp);
    expect(await run([...pppArgs, '--summary'], io)).toBe(3);
    const lines = io.stdoutText().split('\n');
    expect(lines[0]).toBe('WARNING: 3 of 102 records were excluded as invalid and are not in this settlement (exit status 3).');
    expect(lines[1]).toBe('First problems:');
    expect(lines.slice(2, 5).map((line) => line.split(' ')[2])).toEqual(['DUPLICATE_ID', 'DUPLICATE_ID', 'GROUP_UNKNOWN']);
    expect(lines[5]).toBe('Decisions that would change if the excluded records were counted (1):');
    expect(lines[6]).toBe(
      '  cohort rate placement-impact (tranche t1, cohort 2023-B): below the baseline plus the minimum difference; if they all achieved: tier from 0.6; if none did: below the baseline plus the minimum difference',
    );
    expect(lines[8]).toMatch(/^Public-private partnership/);
    expect(io.stderrText()).toBe('');
  });

  it('--summary with --issues: the problems went to the file, and the warning says so', async () => {
    const written: string[] = [];
    const file = { write: (text: string) => void written.push(text), close: () => Promise.resolve(), discard: () => Promise.resolve() };
    const io = Object.assign(fakeIo(files), { createFile: () => Promise.resolve(file) });
    expect(await run([...settle, '--records', 'records.csv', '--summary', '--issues', 'issues.ndjson'], io)).toBe(3);
    expect(io.stdoutText()).toContain('\nTheir 3 problems were reported separately (--issues).\n');
    expect(written).toHaveLength(3);
  });

  it('every record valid: exit 0, no warning', async () => {
    const clean = (readFileSync('examples/region-sud/records.csv', 'utf8').split('\n').filter((line) => !/^RS-(0008|X03|X04),/.test(line))).join('\n');
    for (const extra of [[], ['--summary']]) {
      const io = fakeIo({ ...files, 'clean.csv': clean });
      expect(await run([...settle, '--records', 'clean.csv', ...extra], io)).toBe(0);
      expect(io.stdoutText()).not.toMatch(/WARNING/);
      expect(io.stderrText()).toBe('');
    }
  });
});

describe('outcome-pay settle: --max-excluded', () => {
  it('dates written DD/MM/YYYY exclude all 94 records: exit 1, nothing settled, the reason on the last problem line', async () => {
    const io = fakeIo(files);
    expect(await run([...settle, '--records', 'ddmm.csv'], io)).toBe(1);
    expect(io.stdoutText()).toBe('');
    const lines = io.stderrText().trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^settle: \d+ problems found; nothing was settled$/);
    expect(lines.at(-2)).toMatch(/^RECORDS_EXCLUDED_LIMIT at records: 94 of 94 records are invalid/);
    expect(lines.filter((line) => line.startsWith('DATE_FORMAT'))).not.toHaveLength(0);
  });

  it('takes a count or a share: 3 of 94 excluded pass --max-excluded 3 and 3.2%, fail 2 and 3.1%', async () => {
    const cases: [string, number][] = [['3', 3], ['3.1%', 1], ['2', 1], ['3.2%', 3]];
    for (const [limit, code] of cases) {
      const io = fakeIo(files);
      const status = await run([...settle, '--records', 'records.csv', '--max-excluded', limit], io);
      expect(status, limit).toBe(code);
      if (code === 1) expect(io.stderrText(), limit).toContain(`more than maxExcluded ${limit} allows`);
    }
    const bad = fakeIo(files);
    expect(await run([...settle, '--records', 'records.csv', '--max-excluded', 'lots'], bad)).toBe(1);
    expect(bad.stderrText()).toContain('OPTIONS_MAX_EXCLUDED');
  });
});
