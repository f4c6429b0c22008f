/**
 * Shared helpers of the example tests: load an example folder, settle it from either records file.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Result, type Settlement } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { settleWith } from '../settlement/settle-helper.js';

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
  return settleWith(example.contract, records, {
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

/** A money string to integer cents ("1234.5" → 123450n), exact, for hand arithmetic in tests. */
export function cents(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) throw new Error(`not a money string with at most 2 decimals: ${text}`);
  return BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Integer cents back to a money string with two decimals. */
export function money(value: bigint): string {
  const text = value.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/**
 * The arithmetic every settlement must satisfy, checked from the document alone: each claim line
 * pays claims × unit; a tranche's earned is the sum of its lines less what payer caps cut from the
 * payers' parts (docs/settlement.md: payer caps cut a payer's part, not a line); the provider gets earned minus
 * reinvested; the payers' parts sum to the tranche; the totals sum the tranches.
 */
export function checkSettlementArithmetic(settlement: Settlement): string[] {
  const problems: string[] = [];
  let total = 0n;
  for (const tranche of settlement.tranches) {
    let sum = 0n;
    for (const line of tranche.lines) {
      if (line.claims !== null && line.unit !== null && cents(line.earned) !== BigInt(line.claims) * cents(line.unit)) {
        problems.push(`${tranche.id} ${line.rule}: ${line.claims} × ${line.unit} ≠ ${line.earned}`);
      }
      sum += cents(line.paid);
    }
    const payerCuts = tranche.capCuts.reduce((acc, cut) => acc + (cut.kind === 'payer' ? cents(cut.cut) : 0n), 0n);
    if (tranche.status === 'settled' && sum - payerCuts !== cents(tranche.earned)) problems.push(`${tranche.id}: lines ${money(sum)} less payer-cap cuts ${money(payerCuts)} ≠ earned ${tranche.earned}`);
    if (cents(tranche.earned) - cents(tranche.reinvested) !== cents(tranche.toProvider)) problems.push(`${tranche.id}: toProvider`);
    const payers = tranche.payers.reduce((acc, payer) => acc + cents(payer.earned), 0n);
    if (payers !== cents(tranche.earned)) problems.push(`${tranche.id}: payers ${money(payers)} ≠ ${tranche.earned}`);
    total += cents(tranche.earned);
  }
  if (total !== cents(settlement.totals.earned)) problems.push(`totals ${settlement.totals.earned} ≠ ${money(total)}`);
  return problems;
}

/** Raw wire records with the list fields defaulted (NDJSON leaves empty lists out). */
export function wireRecords<T>(raw: readonly unknown[]): T[] {
  return raw.map((r) => ({ groups: [], spells: [], wages: [], events: [], ...(r as object) }) as T);
}

/**
 * The records of an NDJSON file parsed line by line with JSON.parse (not the library's reader),
 * list fields defaulted: for hand checks that share nothing with the engine.
 */
export function plainNdjson<T>(text: string): T[] {
  return wireRecords<T>(text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown));
}

/** The figures the reference settlement computes, as a settlement shows them: what each exit clause did, and each tranche's status, earned amount and payer parts. */
export function shownAsReference(settlement: Settlement): { exits: unknown[]; tranches: unknown[] } {
  return {
    exits: settlement.exits.map((e) => ({ clause: e.clause, outcome: e.outcome })),
    tranches: settlement.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned, payers: t.payers.map((p) => p.earned) })),
  };
}
