/**
 * The contract's checks of quarter-after-exit outcomes and of the `achieved` denominator
 * (docs/contract.md "Quarters after exit"): what parses, and each refusal with its code and path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';

const base = JSON.parse(readFileSync(new URL('../../examples/contracts/wioa-quarters.json', import.meta.url), 'utf8')) as { outcomes: Record<string, unknown>[]; rules: Record<string, unknown>[]; tranches: Record<string, unknown>[] };

function issues(change: (c: typeof base) => void): [string, string][] {
  const c = structuredClone(base);
  change(c);
  const result = parseContract(c);
  return result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path.join('.')]);
}

describe('quarterAfterExit in a contract', () => {
  it('parses as the example writes it', () => {
    expect(issues(() => undefined)).toEqual([]);
  });

  it('refuses quarter 0 and a fractional quarter', () => {
    expect(issues((c) => { (c.outcomes[0] as Record<string, unknown>)['quarter'] = 0; }).map(([, path]) => path)).toEqual(['outcomes.0.quarter']);
    expect(issues((c) => { (c.outcomes[0] as Record<string, unknown>)['quarter'] = 1.5; }).map(([, path]) => path)).toEqual(['outcomes.0.quarter']);
  });

  it('refuses a minimum below the minor unit of the currency (USD: cents)', () => {
    expect(issues((c) => { (c.outcomes[2] as Record<string, unknown>)['minimumEarnings'] = '9000.001'; })).toEqual([['AMOUNT_PRECISION', 'outcomes.2.minimumEarnings']]);
  });

  it('refuses a lag in weeks', () => {
    expect(issues((c) => { (c.outcomes[0] as Record<string, unknown>)['dataLag'] = { unit: 'weeks', count: 4 }; }).map(([, path]) => path)).toEqual(['outcomes.0.dataLag.unit']);
  });

  it("refuses a tranche measured before a cohort's data can be due", () => {
    // cohort A starts 2023-01-01: the 4th quarter after January-March 2023 is January-March 2024, due 2024-06-30
    const early = issues((c) => { c.tranches[0] = { ...c.tranches[0], measuredOn: '2024-06-29', dueOn: '2024-07-31' }; });
    expect(early).toContainEqual(['TRANCHE_BEFORE_OUTCOME', 'tranches.0.measuredOn']);
    expect(issues((c) => { c.tranches[0] = { ...c.tranches[0], measuredOn: '2024-06-30', dueOn: '2024-07-31' }; })).toEqual([]);
  });

  it("refuses an 'achieved' denominator naming no outcome, or a cohort indicator", () => {
    expect(issues((c) => { (c.rules[3] as Record<string, unknown>)['denominator'] = { kind: 'achieved', outcome: 'nobody' }; })).toEqual([['UNKNOWN_REFERENCE', 'rules.3.denominator.outcome']]);
    const withIndicator = issues((c) => {
      c.outcomes.push({ kind: 'cohortIndicator', id: 'median', name: 'Median', unit: 'amount' });
      (c.rules[3] as Record<string, unknown>)['denominator'] = { kind: 'achieved', outcome: 'median' };
    });
    expect(withIndicator.map(([, path]) => path)).toEqual(['rules.3.denominator.outcome']);
  });
});
