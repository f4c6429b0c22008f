import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { checkRecordShape } from '../../src/records/check-shape.js';
import { OutcomeRecordSchema } from '../../src/records/index.js';
import { mutatedRecord, shapeValidRecord } from './arbitraries.js';

function handAccepts(raw: unknown): boolean {
  const codes: string[] = [];
  const record = checkRecordShape(raw, (code) => codes.push(code));
  // the hand path never returns a record while reporting, nor fails silently
  expect(record === undefined).toBe(codes.length > 0);
  return record !== undefined;
}

describe('hand-written shape check agrees with OutcomeRecordSchema (the published source of truth)', () => {
  it('accepts every record the generator builds as valid', () => {
    fc.assert(
      fc.property(shapeValidRecord, (raw) => {
        expect(OutcomeRecordSchema.safeParse(raw).success).toBe(true);
        expect(handAccepts(raw)).toBe(true);
      }),
    );
  });

  it('accepts and refuses the same mutated records', () => {
    let refused = 0;
    fc.assert(
      fc.property(mutatedRecord, (raw) => {
        const zodAccepts = OutcomeRecordSchema.safeParse(raw).success;
        if (!zodAccepts) refused++;
        expect(handAccepts(raw)).toBe(zodAccepts);
      }),
      { numRuns: 2000 },
    );
    // the generator must exercise refusals, not only valid records
    expect(refused).toBeGreaterThan(400);
  });

  it('agrees on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(handAccepts(raw)).toBe(OutcomeRecordSchema.safeParse(raw).success);
      }),
    );
  });

  it('exports to JSON Schema (no transforms inside)', () => {
    const schema = z.toJSONSchema(OutcomeRecordSchema, { io: 'input' });
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['id', 'cohort', 'enrolledOn'] });
  });
});
