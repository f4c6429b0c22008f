/**
 * The --csv-* options of a records file of another locale (docs/cli.md): declared on settle,
 * explain and validate; examples/records/sample-fr.csv settles as sample.csv with --csv-preset fr
 * (whole and streamed), and without it the one issue names the option to set.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from './helpers.js';

const files = {
  'contract.json': readFileSync('examples/contracts/region-agency-convention.json', 'utf8'),
  'records.csv': readFileSync('examples/records/sample.csv', 'utf8'),
  'records-fr.csv': readFileSync('examples/records/sample-fr.csv', 'utf8'),
  'records.ndjson': readFileSync('examples/records/sample.ndjson', 'utf8'),
  'tabs.csv': 'Participant\tKohorte\tEintritt\nP1\t2023-A\t09.01.2023\n',
  'columns.json': '{ "Participant": "id", "Kohorte": "cohort", "Eintritt": "enrolledOn" }',
};
const SETTLE = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

describe('outcome-pay --csv-* options of the records file', () => {
  it('settle --csv-preset fr: the French twin settles as the English file', async () => {
    const en = fakeIo(files);
    const fr = fakeIo(files);
    expect(await run([...SETTLE, '--records', 'records.csv'], en)).toBe(0);
    expect(await run([...SETTLE, '--records', 'records-fr.csv', '--csv-preset', 'fr'], fr)).toBe(0);
    expect(fr.stdoutText()).toBe(en.stdoutText());
  });

  it('validate and explain read it too', async () => {
    const validate = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'records-fr.csv', '--csv-preset', 'fr'], validate)).toBe(0);
    expect(validate.stdoutText()).toMatch(/9 valid records/);
    const explain = fakeIo(files);
    expect(await run(['explain', '--contract', 'contract.json', '--records', 'records-fr.csv', '--csv-preset', 'fr', '--as-of', '2025-06-30', '--participant', 'P001'], explain)).toBe(0);
  });

  it('without the preset: one CSV_DELIMITER naming --csv-delimiter and --csv-preset fr', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'records-fr.csv'], io)).not.toBe(0);
    const text = io.stdoutText() + io.stderrText();
    expect(text).toContain('CSV_DELIMITER');
    expect(text).toContain('--csv-preset fr');
    expect(text).not.toContain('CSV_UNKNOWN_COLUMN');
  });

  it('a tab, a date format and a mapping of the headers from a JSON file', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'tabs.csv', '--csv-delimiter', 'tab', '--csv-date-format', 'DD.MM.YYYY', '--csv-columns', 'columns.json'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/1 valid record/);
  });

  it('refuses the options for a file that is not CSV, and a value not listed', async () => {
    const ndjson = fakeIo(files);
    expect(await run([...SETTLE, '--records', 'records.ndjson', '--csv-preset', 'fr'], ndjson)).toBe(2);
    expect(ndjson.stderrText()).toContain('not one (.csv)');
    const bad = fakeIo(files);
    expect(await run([...SETTLE, '--records', 'records.csv', '--csv-delimiter', ':'], bad)).toBe(2);
  });
});
