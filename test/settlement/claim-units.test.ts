import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';
import { parseDate } from '../../src/calendar/index.js';
import { parseAmount } from '../../src/money/index.js';
import { validateRecords } from '../../src/records/index.js';
import { accumulate } from '../../src/settlement/accumulate.js';
import { amountOfUnits, claimUnits } from '../../src/settlement/claim-units.js';
import { claimBuckets, type Ledger } from '../../src/settlement/ledger.js';
import { buildPlan, emptyLedgerOf, type SettlementPlan } from '../../src/settlement/plan.js';
import { runs } from '../runs.js';
import { scenarioArbitrary } from './arbitraries/index.js';

describe('claimUnits', () => {
  it('counts every amount in units of the finest decimal place among them', () => {
    // 1500.00 has 0 places once normalised, 1320.5 has 1, 0.25 has 2: the unit is 0.01
    const amounts = ['1500.00', '1320.5', '0.25'].map((text) => parseAmount(text));
    const units = claimUnits(amounts);
    expect(units === undefined ? undefined : amounts.map((a) => units.of.get(a))).toEqual([150_000, 132_050, 25]);
    expect(units === undefined ? undefined : amountOfUnits(units, 75).toFixed()).toBe('0.75');
  });

  it('declines amounts it cannot count exactly: negative, over nine places, too large', () => {
    expect(claimUnits([parseAmount('-1')])).toBeUndefined();
    expect(claimUnits([parseAmount('0.0000000001')])).toBeUndefined();
    expect(claimUnits([parseAmount('10000000000000')])).toBeUndefined(); // 1e13 units > 2^40 (about 1.1e12)
    expect(claimUnits([parseAmount('1000000000000'), parseAmount('0.1')])).toBeUndefined();
    expect(claimUnits([])?.of.size).toBe(0);
  });
});

function ledgerText(plan: SettlementPlan, records: Parameters<typeof accumulate>[2][], keepParticipants = true): string {
  const ledger: Ledger = emptyLedgerOf(plan, keepParticipants);
  for (const record of records) accumulate(plan, ledger, record);
  const claims = ledger.cohorts.map((cohort) =>
    [...claimBuckets(cohort)].map((b) => `${b.rule}@${b.date}:${b.amount.toFixed()}x${b.count}[${(b.participants ?? []).join(',')}]`).sort(),
  );
  const cuts = ledger.participantCaps.map((c) => `${c.claims}:${c.amount.toFixed()}[${(c.participants ?? []).join(',')}]`);
  return JSON.stringify({ claims, cuts });
}

describe('per-participant caps in integer units', () => {
  it('give exactly the claims and cuts of decimal arithmetic', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        fc.pre((scenario.contract.caps ?? []).some((cap) => cap.kind === 'participant'));
        const contract = parseContract(scenario.contract);
        if (!contract.ok) expect.fail(`contract: ${JSON.stringify(contract.issues.slice(0, 2))}`);
        const records = validateRecords(scenario.records, {
          cohortIds: new Set(contract.value.cohorts.map((c) => c.id)),
          groupIds: new Set((contract.value.groups ?? []).map((g) => g.id)),
        }, { mode: 'strict' });
        if (!records.ok) expect.fail(`records: ${JSON.stringify(records.issues.slice(0, 2))}`);
        const plan = buildPlan(contract.value, parseDate(scenario.asOf), true);
        // the generated amounts (prices, caps, in 0, 2 or 3 decimals) are all countable in units
        expect(plan.participantCapUnits).toBeDefined();
        const decimals: SettlementPlan = { ...plan, participantCapUnits: undefined };
        expect(ledgerText(plan, [...records.value.records])).toBe(ledgerText(decimals, [...records.value.records]));
      }),
      { numRuns: runs(100) },
    );
  });
});
