/**
 * Participant ids holding a control character or an invisible formatting character are refused
 * (ID_CONTROL_CHARACTER): such an id is shown as another one, so the same participant given twice,
 * once disguised, would be paid twice with no DUPLICATE_ID.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, validateRecords, type Settlement } from '../../src/index.js';
import { settleStream } from '../../src/streaming.js';
import { OutcomeRecordSchema } from '../../src/schemas.js';
import { ID_PATTERN, hasIdControlCharacter } from '../../src/records/limits.js';
import { CONTEXT } from './fixtures.js';

const contract: unknown = JSON.parse(readFileSync(new URL('../../examples/contracts/region-agency-convention.json', import.meta.url), 'utf8'));
const sample = JSON.parse(readFileSync(new URL('../../examples/records/sample.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
const p008 = sample[7] ?? {};

/** The refused characters, listed here from docs/records.md, independently of the library's table. */
const REFUSED: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];
const refused = (c: number): boolean => REFUSED.some(([from, to]) => c >= from && c <= to);

describe('which characters an id may not hold', () => {
  it('the fast test, the schema pattern and the documented list agree on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const id = `P${String.fromCharCode(c)}1`;
      expect(hasIdControlCharacter(id), c.toString(16)).toBe(refused(c));
      expect(ID_PATTERN.test(id), c.toString(16)).toBe(!refused(c));
    }
  });

  it('ids in any script, with accents, dashes, dots, slashes, spaces inside or emoji are accepted', () => {
    for (const id of ['P-0042', 'Ström/12', 'Ελλάδα.3', '東京 7', 'ID 💶 1', 'a_b:c#d']) {
      expect(hasIdControlCharacter(id), id).toBe(false);
      expect(OutcomeRecordSchema.safeParse({ id, cohort: '2023-A', enrolledOn: '2023-01-09' }).success).toBe(true);
    }
  });
});

describe('a record whose id holds one is excluded with ID_CONTROL_CHARACTER', () => {
  it.each([
    ['NUL', 'P\u0000008'],
    ['ESC [2K (erases the line)', 'P008\u001b[2K'],
    ['a line feed', 'P008\nOK'],
    ['a right-to-left override', 'P\u202e800'],
    ['a zero-width space', 'P008\u200b'],
    ['a C1 next-line (U+0085)', 'P008\u0085'],
  ])('%s', (_, id) => {
    const result = validateRecords([{ id, cohort: '2023-A', enrolledOn: '2023-01-09' }], CONTEXT, { mode: 'lenient' });
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['ID_CONTROL_CHARACTER', [0, 'id']]]);
    expect(result.ok && result.value.records).toEqual([]);
    expect(OutcomeRecordSchema.safeParse({ id, cohort: '2023-A', enrolledOn: '2023-01-09' }).success).toBe(false);
  });
});

describe('the same participant twice, once with a disguised id', () => {
  // "P\u202E800" is shown as P008: before this check it was settled as a second participant and
  // P008's 4000.00 was paid twice (18800.00 instead of the sample's 14800.00)
  const disguised = [...sample, { ...p008, id: 'P\u202e800' }];
  const options = { asOf: '2025-06-30', maxExcluded: 1 };

  function earned(result: ReturnType<typeof settle>): Settlement {
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value;
  }

  it('is not paid twice: the disguised copy is excluded and reported, settle and settleStream alike', async () => {
    const alone = earned(settle(contract, sample, options));
    const whole = earned(settle(contract, disguised, options));
    expect(whole.totals).toEqual(alone.totals);
    expect(whole.dataQuality.issues.map((issue) => [issue.code, issue.path])).toEqual([['ID_CONTROL_CHARACTER', [9, 'id']]]);
    const ndjson = new TextEncoder().encode(disguised.map((record) => JSON.stringify(record)).join('\n'));
    const streamed = earned(
      await settleStream(contract, { format: 'ndjson', chunks: async function* chunks() { yield await Promise.resolve(ndjson); } }, options),
    );
    expect(streamed.totals).toEqual(alone.totals);
    expect(streamed.dataQuality.issues.map((issue) => issue.code)).toEqual(['ID_CONTROL_CHARACTER']);
  });
});
