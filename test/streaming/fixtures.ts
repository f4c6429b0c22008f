/** Shared inputs of the streaming tests: the example contract, the sample records, and a messy variant. */
import { readFileSync } from 'node:fs';
import { type Settlement } from '../../src/index.js';
import { readNdjsonRecords } from '../../src/readers.js';

/** The example contract the sample records belong to. */
export const contract: unknown = JSON.parse(readFileSync('examples/contracts/region-agency-convention.json', 'utf8'));
/** The sample records as NDJSON and CSV text. */
export const ndjson = readFileSync('examples/records/sample.ndjson', 'utf8');
export const csv = readFileSync('examples/records/sample.csv', 'utf8');
/**
 * The options every streaming test settles with (unless it adds to them): `maxExcluded: '100%'`,
 * so that inputs made mostly of invalid records settle, as these tests need.
 */
export const options = { asOf: '2025-06-30', maxExcluded: '100%' } as const;

const read = readNdjsonRecords(ndjson);
if (!read.ok) throw new Error('sample.ndjson must read');
/** The sample's raw records. */
export const sample = read.value.records;

/** Sample records with problems: invalid records, an id used three times (one copy invalid), a bad cohort, a non-object. */
export const messy: unknown[] = [
  ...sample,
  { ...(sample[1] as object), exitedOn: '2022-01-01' },
  { ...(sample[3] as object) },
  { id: 'X1', cohort: 'nope', enrolledOn: '2023-01-09' },
  { ...(sample[3] as object), baselineWage: '-1' },
  42,
];
/** The sample and 20 records of an unknown cohort: ids that do not repeat, so a stream of them is read once. */
export const manyInvalid: unknown[] = [...sample, ...Array.from({ length: 20 }, (_, i) => ({ id: `Q${i}`, cohort: 'nope', enrolledOn: '2023-01-09' }))];
/** `messy` as NDJSON text. */
export const messyNdjson = `${messy.map((record) => JSON.stringify(record)).join('\n')}\n`;

/** The items as an async iterable, one step per item. */
export async function* fromArray(items: readonly unknown[]): AsyncGenerator {
  for (const item of items) yield await Promise.resolve(item);
}

/** The text in chunks of `size` characters, arriving asynchronously. */
export async function* chunks(text: string, size = 97): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield await Promise.resolve(text.slice(at, at + size));
}

/** The settlement `settle` gives, as it would be with its issues delivered: `issues` empty, their number after them. */
export function asDelivered(settlement: Settlement): Settlement {
  const { issues, ...counts } = settlement.dataQuality;
  return { ...settlement, dataQuality: { ...counts, issues: [], issuesDelivered: issues.length } };
}

/** The text in chunks cut at the given offsets (in any order; repeated or out-of-range cuts are ignored), arriving asynchronously. */
export async function* chunked(text: string, cuts: readonly number[] = []): AsyncGenerator<string> {
  await Promise.resolve(); // chunks arrive asynchronously, as from a file
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= at || cut >= text.length) continue;
    yield text.slice(at, cut);
    at = cut;
  }
  yield text.slice(at);
}
