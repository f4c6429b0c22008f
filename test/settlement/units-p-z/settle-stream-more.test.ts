/**
 * settleStream (src/settlement/settle-stream.ts) with sources read once or read again, for the
 * mutants of the 2026-12-07 run without coverage: a source that can be read only once settles
 * when no id repeats, and is refused (STREAM_NOT_REPEATABLE) when one does, since every record
 * of a repeated id must be excluded on a second read; a source that gives other records the
 * second time is refused (STREAM_CHANGED).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settleStream } from '../../../src/streaming.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const good = (id: string) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] });

async function* fromArray(items: readonly unknown[]): AsyncGenerator {
  for (const item of items) yield await Promise.resolve(item);
}
const options = { asOf: '2025-06-30', records: 'lenient', maxExcluded: 2 } as const;

describe('settleStream: reading the source again', () => {
  it('a source read once (not a function) settles when no id repeats: it is not read again', async () => {
    const streamed = await settleStream(minimal, fromArray([good('P1'), good('P2')]), options);
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    // P1 and P2 placed and retained: 2 × (1000.00 + 500.00) = 3000.00
    expect(streamed.value.totals.earned).toBe('3000.00');
  });

  it('a source read once with a repeated id: STREAM_NOT_REPEATABLE', async () => {
    const refused = await settleStream(minimal, fromArray([good('P1'), good('P2'), good('P1')]), options);
    expect(refused.ok).toBe(false);
    expect(refused.issues).toEqual([
      {
        code: 'STREAM_NOT_REPEATABLE',
        path: [],
        message:
          'some participant ids occur more than once, and every record of a repeated id must be excluded, but the records source can be read only once: pass a function that opens it again',
      },
    ]);
  });

  it('a source that gives fewer records the second time: STREAM_CHANGED, with both counts', async () => {
    let reads = 0;
    const changing = () => {
      reads++;
      return fromArray(reads === 1 ? [good('P1'), good('P2'), good('P1')] : [good('P1'), good('P1')]);
    };
    const refused = await settleStream(minimal, changing, options);
    expect(reads).toBe(2);
    expect(refused.ok).toBe(false);
    expect(refused.issues).toEqual([
      { code: 'STREAM_CHANGED', path: [], message: 'the records source gave 3 records the first time and 2 the second: it changed while being settled' },
    ]);
  });
});
