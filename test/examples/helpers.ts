/**
 * Shared helpers of the example tests: load an example folder, settle it from either records file.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRecords, readNdjsonRecords, settle, type Result, type Settlement } from '../../src/index.js';

/** The repository root (tests run from it). */
export const ROOT = process.cwd();

/** An example folder's inputs. */
export interface Example {
  readonly dir: string;
  readonly contract: unknown;
  readonly csv: string;
  readonly ndjson: string;
  readonly indicators: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  readonly expected: string;
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function readOptional(path: string): string | undefined {
  try {
    return readText(path);
  } catch {
    return undefined;
  }
}

/** Loads `examples/<name>/`: contract, both records files, indicators (if any), expected settlement. */
export function loadExample(name: string): Example {
  const dir = join(ROOT, 'examples', name);
  const indicators = readOptional(join(dir, 'indicators.json'));
  return {
    dir,
    contract: JSON.parse(readText(join(dir, 'contract.json'))) as unknown,
    csv: readOptional(join(dir, 'records.csv')) ?? '',
    ndjson: readOptional(join(dir, 'records.ndjson')) ?? '',
    indicators: indicators === undefined ? undefined : (JSON.parse(indicators) as Example['indicators']),
    expected: readOptional(join(dir, 'expected-settlement.json')) ?? '',
  };
}

/** Reads a records file with the library's reader; throws if the file itself cannot be read. */
export function readRecordsText(text: string, format: 'csv' | 'ndjson'): readonly unknown[] {
  const read = format === 'csv' ? readCsvRecords(text) : readNdjsonRecords(text);
  if (!read.ok) throw new Error(`cannot read ${format}: ${JSON.stringify(read.issues)}`);
  if (read.value.issues.length > 0) throw new Error(`unreadable ${format} rows: ${JSON.stringify(read.value.issues)}`);
  return read.value.records;
}

/** Settles an example at its as-of date from one of its records files. */
export function settleExample(example: Example, asOf: string, format: 'csv' | 'ndjson', detail: 'totals' | 'participants' = 'totals'): Result<Settlement> {
  const records = readRecordsText(format === 'csv' ? example.csv : example.ndjson, format);
  return settle(example.contract, records, {
    asOf,
    detail,
    ...(example.indicators === undefined ? {} : { indicators: example.indicators }),
  });
}

/** Settles and throws with the issues if the settlement fails. */
export function settledExample(example: Example, asOf: string, format: 'csv' | 'ndjson' = 'ndjson', detail: 'totals' | 'participants' = 'totals'): Settlement {
  const result = settleExample(example, asOf, format, detail);
  if (!result.ok) throw new Error(`settlement failed: ${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

/** The text an expected settlement is stored as. */
export function settlementText(settlement: Settlement): string {
  return `${JSON.stringify(settlement, null, 2)}\n`;
}

/** Writes a file of an example folder (regeneration only). */
export function writeExampleFile(example: Example, file: string, text: string): void {
  writeFileSync(join(example.dir, file), text);
}
