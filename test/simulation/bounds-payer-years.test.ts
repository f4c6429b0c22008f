/**
 * contractBounds with yearly payer caps: a yearly commitment is not a contract-long cap (the most a
 * payer can pay is not its yearly amount), a payer taking another's overflow may pay more than its
 * share, and a cap that cuts or defers leaves nothing sure. Each vector's settlement lies within.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractBounds } from '../../src/simulation.js';
import { settleWith } from '../settlement/settle-helper.js';

const cents = (text: string): bigint => BigInt(text.replace('.', ''));

describe('contractBounds with yearly payer caps', () => {
  it.each(['72-payer-year-cap-deferred-fiscal.json', '73-payer-year-cap-not-paid-calendar.json', '74-payer-year-cap-taken-by-chain.json'])('%s: the settlement lies within the bounds', (file) => {
    const vector = JSON.parse(readFileSync(`test/vectors/${file}`, 'utf8')) as { contract: { cohorts: Record<string, unknown>[] }; records: unknown[]; options: { asOf: string } };
    const contract = structuredClone(vector.contract);
    for (const cohort of contract.cohorts) cohort['targetSize'] = vector.records.length;
    const bounds = contractBounds(contract);
    if (!bounds.ok) expect.fail(JSON.stringify(bounds.issues));
    const settled = settleWith(contract, vector.records, vector.options);
    if (!settled.ok) expect.fail(JSON.stringify(settled.issues));
    expect(cents(settled.value.totals.earned) <= cents(bounds.value.most.total)).toBe(true);
    expect(cents(settled.value.totals.earned) >= cents(bounds.value.least.total)).toBe(true);
    for (const payer of settled.value.payers) {
      const most = bounds.value.most.payers.find((p) => p.payer === payer.payer)?.amount ?? '0';
      const least = bounds.value.least.payers.find((p) => p.payer === payer.payer)?.amount ?? '0';
      expect(cents(payer.earned) <= cents(most), `${payer.payer} ${payer.earned} <= ${most}`).toBe(true);
      expect(cents(payer.earned) >= cents(least), `${payer.payer} ${payer.earned} >= ${least}`).toBe(true);
    }
  });
});
