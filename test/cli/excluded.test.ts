/**
 * `settle` on inputs with excluded records or no records at all: never a clean success.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
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
    const cases: [string, number][] = [['3', 0], ['3.1%', 1], ['2', 1], ['3.2%', 0]];
    for (const [limit, code] of cases) {
      const io = fakeIo(files);
      const status = await run([...settle, '--records', 'records.csv', '--max-excluded', limit], io);
      expect(status === 0 ? 0 : status, limit).toBe(code);
      if (code === 1) expect(io.stderrText(), limit).toContain(`more than maxExcluded ${limit} allows`);
    }
    const bad = fakeIo(files);
    expect(await run([...settle, '--records', 'records.csv', '--max-excluded', 'lots'], bad)).toBe(1);
    expect(bad.stderrText()).toContain('OPTIONS_MAX_EXCLUDED');
  });
});
