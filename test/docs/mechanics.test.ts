/**
 * The worked examples of docs/mechanics/: each page's example contract (the ```json block after a
 * `<!-- mechanics-example: asOf <date>, earned <amount> -->` marker) settled on its records (the
 * next ```json block, or a ```csv block read with the CSV options the marker gives after `csv`) earns
 * what the page says, worked out by hand there. A restatement example (`<!-- mechanics-restatement:
 * paid asOf <date>, asOf <date>, due <amount>, causes <cause>=<amount>... -->`, then the contract,
 * the records paid on and the records after) is settled twice, the second with the first as the
 * previous settlement. A contract written from a page alone settles as the page says.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, type CsvOptions } from '../../src/records/index.js';
import { settleWith } from '../settlement/settle-helper.js';

const dir = join(import.meta.dirname, '..', '..', 'docs', 'mechanics');
const pages = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort();

interface Example {
  readonly asOf: string;
  readonly earned: string;
  /** Each payer's earned amount, when the marker lists them (`payers region=333.34 agency=333.33`). */
  readonly payers: readonly (readonly [string, string])[];
  readonly contract: unknown;
  readonly records: readonly unknown[];
  /** The indicator values given with the settlement, when the records block is `{ records, indicators }`. */
  readonly indicators: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

function examples(text: string): Example[] {
  const found: Example[] = [];
  for (const match of text.matchAll(/<!-- mechanics-example: asOf (\S+), earned ([^\s,]+)(?:, payers ([^>]*?))?(?:, csv (\{[^>]*?\}))? -->\s*```json\n([\s\S]*?)^```\s*```(json|csv)\n([\s\S]*?)^```/gm)) {
    const payers = (match[3] ?? '').split(' ').filter((entry) => entry !== '').map((entry) => entry.split('=') as [string, string]);
    const contract = JSON.parse(match[5] ?? '') as unknown;
    if (match[6] === 'csv') {
      const read = readRecords(match[7] ?? '', 'csv', JSON.parse(match[4] ?? '{}') as CsvOptions);
      if (!read.ok || read.value.issues.length > 0) throw new Error(`the CSV block does not read: ${JSON.stringify(read.ok ? read.value.issues : read.issues)}`);
      found.push({ asOf: match[1] ?? '', earned: match[2] ?? '', payers, contract, records: read.value.records, indicators: undefined });
      continue;
    }
    // the second block is the records, or `{ "records": [...], "indicators": {...} }` for a page whose contract reads indicator values
    const data = JSON.parse(match[7] ?? '') as unknown[] | { records: unknown[]; indicators: Record<string, Record<string, string>> };
    const [records, indicators] = Array.isArray(data) ? [data, undefined] : [data.records, data.indicators];
    found.push({ asOf: match[1] ?? '', earned: match[2] ?? '', payers, contract, records, indicators });
  }
  return found;
}

interface Restatement {
  readonly paidOn: string;
  readonly asOf: string;
  readonly due: string;
  readonly causes: readonly (readonly [string, string])[];
  readonly contract: unknown;
  readonly paidRecords: unknown[];
  readonly records: unknown[];
}

function restatements(text: string): Restatement[] {
  const found: Restatement[] = [];
  for (const match of text.matchAll(/<!-- mechanics-restatement: paid asOf (\S+), asOf (\S+), due ([^\s,]+), causes ([^>]*?) -->\s*```json\n([\s\S]*?)^```[\s\S]*?```json\n([\s\S]*?)^```[\s\S]*?```json\n([\s\S]*?)^```/gm)) {
    const causes = (match[4] ?? '').split(' ').map((entry) => entry.split('=') as [string, string]);
    found.push({ paidOn: match[1] ?? '', asOf: match[2] ?? '', due: match[3] ?? '', causes, contract: JSON.parse(match[5] ?? ''), paidRecords: JSON.parse(match[6] ?? '') as unknown[], records: JSON.parse(match[7] ?? '') as unknown[] });
  }
  return found;
}

describe('docs/mechanics', () => {
  it('has an index listing every page', () => {
    const index = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(index).toContain(`](${page})`);
  });

  it.each(pages)('%s: the worked example earns what the page says', (page) => {
    const text = readFileSync(join(dir, page), 'utf8');
    const found = examples(text);
    const restated = restatements(text);
    expect(found.length + restated.length).toBeGreaterThan(0);
    for (const example of restated) {
      const paid = settleWith(example.contract, example.paidRecords, { asOf: example.paidOn, detail: 'participants' });
      if (!paid.ok) expect.fail(JSON.stringify(paid.issues));
      const result = settleWith(example.contract, example.records, { asOf: example.asOf, detail: 'participants', previous: [JSON.parse(JSON.stringify(paid.value)) as unknown] });
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.totals.due).toBe(example.due);
      const causes = result.value.adjustments.flatMap((adjustment) => adjustment.causes ?? []).map((cause) => [cause.cause, cause.trancheAmount] as const);
      expect(causes).toEqual(example.causes);
    }
    for (const example of found) {
      const result = settleWith(example.contract, example.records, example.indicators === undefined ? { asOf: example.asOf } : { asOf: example.asOf, indicators: example.indicators });
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.totals.earned).toBe(example.earned);
      for (const [payer, earned] of example.payers) expect(result.value.payers.find((p) => p.payer === payer)?.earned, `${page}: ${payer}`).toBe(earned);
    }
  });
});
