/**
 * The worked examples of docs/mechanics/: each page's example contract (the ```json block after a
 * `<!-- mechanics-example: asOf <date>, earned <amount> -->` marker) settled on its records (the
 * next ```json block) earns what the page says, worked out by hand there. A contract written from a
 * page alone settles as the page says.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleWith } from '../settlement/settle-helper.js';

const dir = join(import.meta.dirname, '..', '..', 'docs', 'mechanics');
const pages = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort();

interface Example {
  readonly asOf: string;
  readonly earned: string;
  /** Each payer's earned amount, when the marker lists them (`payers region=333.34 agency=333.33`). */
  readonly payers: readonly (readonly [string, string])[];
  readonly contract: unknown;
  readonly records: unknown[];
  /** The indicator values given with the settlement, when the records block is `{ records, indicators }`. */
  readonly indicators: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

function examples(text: string): Example[] {
  const found: Example[] = [];
  for (const match of text.matchAll(/<!-- mechanics-example: asOf (\S+), earned ([^\s,]+)(?:, payers ([^>]*?))? -->\s*```json\n([\s\S]*?)^```\s*```json\n([\s\S]*?)^```/gm)) {
    const payers = (match[3] ?? '').split(' ').filter((entry) => entry !== '').map((entry) => entry.split('=') as [string, string]);
    // the second block is the records, or `{ "records": [...], "indicators": {...} }` for a page whose contract reads indicator values
    const data = JSON.parse(match[5] ?? '') as unknown[] | { records: unknown[]; indicators: Record<string, Record<string, string>> };
    const [records, indicators] = Array.isArray(data) ? [data, undefined] : [data.records, data.indicators];
    found.push({ asOf: match[1] ?? '', earned: match[2] ?? '', payers, contract: JSON.parse(match[4] ?? ''), records, indicators });
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
    const found = examples(readFileSync(join(dir, page), 'utf8'));
    expect(found.length).toBeGreaterThan(0);
    for (const example of found) {
      const result = settleWith(example.contract, example.records, example.indicators === undefined ? { asOf: example.asOf } : { asOf: example.asOf, indicators: example.indicators });
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.totals.earned).toBe(example.earned);
      for (const [payer, earned] of example.payers) expect(result.value.payers.find((p) => p.payer === payer)?.earned, `${page}: ${payer}`).toBe(earned);
    }
  });
});
