import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { z } from 'zod/mini';
import { ContractSchema } from '../../src/contract/index.js';
import { MAX_AMOUNT_DECIMALS, MAX_AMOUNT_INTEGER_DIGITS, checkAmountLimits, parseAmount } from '../../src/money/index.js';
import { AMOUNT_DECIMALS_PATTERN, AMOUNT_MAGNITUDE_PATTERN, isWithinAmountLimits } from '../../src/money/limits.js';
import { OutcomeRecordSchema } from '../../src/records/index.js';

const codeOf = (text: string): string | undefined => checkAmountLimits(parseAmount(text))?.code;

describe('amount limits', () => {
  it('are 15 digits before the point and 12 after', () => {
    expect([MAX_AMOUNT_INTEGER_DIGITS, MAX_AMOUNT_DECIMALS]).toEqual([15, 12]);
  });

  it.each([
    ['999999999999999.999999999999', undefined],
    ['-999999999999999.99', undefined],
    ['1000000000000000', 'AMOUNT_TOO_LARGE'],
    ['-1000000000000000.5', 'AMOUNT_TOO_LARGE'],
    ['1000000000000000000000000000000000000000000000000000000000000001.01', 'AMOUNT_TOO_LARGE'],
    ['0.000000000001', undefined],
    ['0.0000000000001', 'AMOUNT_TOO_PRECISE'],
    ['1185.000000000000001', 'AMOUNT_TOO_PRECISE'],
    ['1.5000000000000000000', undefined], // trailing zeros are not decimals of the value
    ['0', undefined],
  ])('%s: %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('the schema patterns accept exactly the texts whose value is within the limits (leading and trailing zeros allowed)', () => {
    const text = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.stringMatching(/^[1-9][0-9]{0,17}$|^0$/), fc.option(fc.stringMatching(/^[0-9]{1,16}$/), { nil: undefined }), fc.integer({ min: 0, max: 3 }))
      .map(([negative, zeros, whole, fraction, trailing]) => `${negative ? '-' : ''}${'0'.repeat(zeros)}${whole}${fraction === undefined ? '' : `.${fraction}${'0'.repeat(trailing)}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const patterns = AMOUNT_MAGNITUDE_PATTERN.test(t) && AMOUNT_DECIMALS_PATTERN.test(t);
        expect(patterns, t).toBe(isWithinAmountLimits(parseAmount(t)));
        expect(checkAmountLimits(parseAmount(t)) === undefined).toBe(patterns);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('the published JSON Schemas carry them, for contract decimals and record wages', () => {
    const contract = JSON.stringify(z.toJSONSchema(ContractSchema, { io: 'input' }));
    const records = JSON.stringify(z.toJSONSchema(OutcomeRecordSchema, { io: 'input' }));
    for (const schema of [contract, records]) {
      expect(schema).toContain(JSON.stringify(AMOUNT_MAGNITUDE_PATTERN.source));
      expect(schema).toContain(JSON.stringify(AMOUNT_DECIMALS_PATTERN.source));
    }
  });
});
