/**
 * forecast, a property over the Région Sud example (per-participant, payer and contract caps, an
 * exit clause, prerequisites, group prices, three tranches) and its real records, at any as-of
 * date from 2023 to 2026 and with any fixed probabilities: what is still to pay is never negative,
 * per tranche and per payer, in any run; nothing more is to pay on a tranche measured on or before
 * D; and known achievements are never lost (every run's contract total is at least what is
 * settled at D). The forecast applies no restatement
 * (`previous`), so a negative amount would be a real loss of what D settles, not a recovery.
 *
 * Reach, asserted below: some cases settle money at D and leave money to pay after it, some have
 * participants enrolled after D (left out), some a tranche settled at D. With as-of dates uniform
 * over 2023–2026, three runs of 12 cases had only 1, 3 and 5 cases that settled and left money
 * pending; so a third of the dates are now drawn in 2023 (enrolment) and a third between
 * 2024-06-30 (t1 measured) and 2025-12-31, where both happen. Measured on three runs of the quick
 * suite's 15 cases: settled and pending in 5 to 9, records after D in 5 to 9, a tranche settled
 * in 6 to 9.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNdjsonRecords } from '../../src/readers.js';
import { forecast, summarizeForecast } from '../../src/simulation/index.js';
import { runs } from '../runs.js';

const contract: unknown = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8'));
const base = JSON.parse(readFileSync('examples/region-sud/assumptions.json', 'utf8')) as { outcomes: Record<string, { probability: unknown }>; mix: { outcomes?: Record<string, { probability: unknown }> }[] };
const read = readNdjsonRecords(readFileSync('examples/region-sud/records.ndjson', 'utf8'));
if (!read.ok) throw new Error('the example records do not read');
const records = read.value;

const measured = (contract as { tranches: { id: string; measuredOn: string }[] }).tranches;
const OUTCOMES = ['training', 'placement', 'retention-6m', 'retention-12m', 'wage-10pc'] as const;

/** The example's assumptions with every probability fixed (the RSA part's placement too). */
function assumptionsWith(p: readonly number[], rsaPlacement: number): unknown {
  const outcomes = Object.fromEntries(OUTCOMES.map((id, k) => [id, { ...base.outcomes[id], probability: p[k] ?? 0 }]));
  const mix = base.mix.map((part, k) => (k === 0 ? { ...part, outcomes: { placement: { ...part.outcomes?.['placement'], probability: rsaPlacement } } } : part));
  return { ...base, outcomes, mix };
}

const between = (from: number, to: number): fc.Arbitrary<string> => fc.integer({ min: from / 86_400_000, max: to / 86_400_000 }).map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));
/** Any day from 2023 to 2026; or during enrolment (2023); or between t1's measurement and the last 12-month retentions, where money is both settled and pending. */
const day = fc.oneof(between(Date.UTC(2023, 0, 1), Date.UTC(2026, 11, 31)), between(Date.UTC(2023, 0, 1), Date.UTC(2023, 11, 31)), between(Date.UTC(2024, 5, 30), Date.UTC(2025, 11, 31)));
const probability = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

describe('forecast, property', () => {
  it('still to pay is never negative per tranche and payer, and the contract total never below what is settled at D', () => {
    const reach = { settledAndPending: 0, enrolledAfter: 0, trancheSettled: 0 };
    fc.assert(
      fc.property(day, fc.array(probability, { minLength: 5, maxLength: 5 }), probability, fc.integer({ min: 0, max: 0xffff_ffff }), (asOf, p, rsa, seed) => {
        const result = forecast(contract, records, assumptionsWith(p, rsa), { asOf, runs: 3, seed });
        fc.pre(result.ok);
        if (!result.ok) return;
        const samples = result.value;
        const summary = summarizeForecast(samples);
        const amounts = [...samples.trancheEarned.flat(), ...samples.tranchePayers.flat(2)];
        expect(amounts.filter((amount) => amount.isNegative()).map((amount) => amount.toFixed(2))).toEqual([]);
        expect(Number(summary.contractTotal.min)).toBeGreaterThanOrEqual(Number(summary.dueAtAsOf.total));
        // a tranche measured on or before D is settled on the same facts at the end: nothing more to pay on it
        for (const tranche of measured) if (tranche.measuredOn <= asOf) expect(summary.stillToPay.tranches.find((still) => still.tranche === tranche.id)?.amount.max).toBe('0.00');
        if (Number(summary.dueAtAsOf.total) > 0 && Number(summary.stillToPay.total.max) > 0) reach.settledAndPending++;
        if (summary.records.recordsAfterAsOf > 0) reach.enrolledAfter++;
        if (summary.dueAtAsOf.tranches.some((tranche) => Number(tranche.amount) > 0)) reach.trancheSettled++;
      }),
      { numRuns: runs(15) },
    );
    expect(reach.settledAndPending).toBeGreaterThan(0);
    expect(reach.enrolledAfter).toBeGreaterThan(0);
    expect(reach.trancheSettled).toBeGreaterThan(0);
  }, 300_000);
});
