/**
 * Reinvestment, which the reference implementation leaves out (it changes neither what is earned
 * nor what each payer pays, so reference.test.ts does not compare it): checked here against the
 * contract's words instead (docs/contract.md "Reinvestment", docs/settlement.md step 7).
 *
 * - Every generated scenario (both triggers, both destinations): no reinvestment sets aside more
 *   than its `cap` over the contract, and the tranches' set-asides add up to `totals.reinvested`.
 * - A contract whose only reinvestment is `paymentsAboveThreshold` (generated: the reinvestment of
 *   any generated scenario replaced by one): what is set aside over the contract is
 *   `min(cap, round(share × max(0, earned − threshold)))` with the contract's rounding mode,
 *   computed here with the reference's decimals. A tranche's own limit (never more than it earned)
 *   cannot bind with one reinvestment: the set-aside grows by at most ⌈share × the tranche's
 *   earnings⌉ ≤ its earnings, in minor units, as share ≤ 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../../src/contract/index.js';
import { runs } from '../../runs.js';
import { moneyText, scenarioArbitrary, type Scenario } from '../arbitraries/index.js';
import { D, roundMinor } from '../reference/decimal.js';
import { settleOk } from '../settle-helper.js';
import { moneyOf } from './helpers.js';

type Reinvestment = NonNullable<ContractInput['reinvestment']>[number];

/** A scenario whose contract has exactly one reinvestment, `paymentsAboveThreshold`, of the given terms. */
const aboveThreshold: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArbitrary(), fc.integer({ min: 0, max: 10_000 }), fc.nat({ max: 3_000_000 }), fc.nat({ max: 3_000_000 }), fc.boolean())
  .map(([scenario, shareBp, thresholdUnits, capUnits, external]) => {
    const places = scenario.currency.places;
    const reinvestment: Reinvestment = {
      id: 'reinvest',
      name: 'Reinvestment',
      trigger: { kind: 'paymentsAboveThreshold', threshold: moneyText(BigInt(thresholdUnits), places) },
      share: new D(shareBp).div(10_000).toString(),
      destination: external ? { kind: 'external', name: 'Fund' } : { kind: 'cohort', cohort: scenario.contract.cohorts[0]?.id ?? '' },
      cap: moneyText(BigInt(capUnits), places),
    };
    return { ...scenario, contract: { ...scenario.contract, reinvestment: [reinvestment] } };
  });

describe('reinvestment', () => {
  it('no reinvestment sets aside more than its cap over the contract; the set-asides add up to the total', () => {
    let setAside = 0;
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario);
        const m = moneyOf(scenario);
        for (const reinvestment of scenario.contract.reinvestment ?? []) {
          const total = m.sum(s.tranches.flatMap((t) => t.reinvestment.filter((part) => part.reinvestment === reinvestment.id).map((part) => part.amount)));
          expect(total <= m.of(reinvestment.cap), `${reinvestment.id}: ${total} > ${reinvestment.cap}`).toBe(true);
          if (total > 0n) setAside += 1;
        }
        expect(m.sum(s.tranches.flatMap((t) => t.reinvestment.map((part) => part.amount)))).toBe(m.of(s.totals.reinvested));
      }),
      { numRuns: runs(100) },
    );
    expect(setAside).toBeGreaterThan(0); // something was set aside, so the cap comparison meant something
  });

  it('paymentsAboveThreshold alone: min(cap, share × (earned − threshold)), rounded once with the contract rounding', () => {
    let between = 0;
    fc.assert(
      fc.property(aboveThreshold, (scenario) => {
        const s = settleOk(scenario);
        const [reinvestment] = scenario.contract.reinvestment ?? [];
        if (reinvestment?.trigger.kind !== 'paymentsAboveThreshold') expect.fail('the arbitrary gives one paymentsAboveThreshold reinvestment');
        const places = scenario.currency.places;
        const above = D.max(0, new D(s.totals.earned).minus(reinvestment.trigger.threshold));
        const wanted = roundMinor(above.times(reinvestment.share), places, scenario.contract.rounding);
        const expected = D.min(wanted, reinvestment.cap);
        expect(s.totals.reinvested).toBe(expected.toFixed(places));
        if (expected.gt(0) && expected.lt(reinvestment.cap)) between += 1;
      }),
      { numRuns: runs(100) },
    );
    expect(between).toBeGreaterThan(10); // neither nothing nor the cap, often: the share and the rounding were checked
  });
});
