/**
 * Chains of previous settlements, the contract's payers amended along the way: for every subset
 * of a chain given as previous settlements, the settlement is either refused with a chain code
 * (the subset is not the chain's beginning) or made, and then payer parts sum to their tranche,
 * tranches to the totals and to each payer's totals, and what was paid before is what the given
 * settlements made due. Sums are checked here in integer minor units of the contract's currency, not by the engine's own checks.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays, formatDate, parseDate, type CalendarDate, type Settlement } from '../../../src/index.js';
import { runs, timeLimit } from '../../runs.js';
import { scenarioArbitrary, type Scenario } from '../arbitraries/index.js';
import { scenarioOptions, settleWith } from '../settle-helper.js';
import { moneyOf, type MoneyOf } from './helpers.js';

vi.setConfig({ testTimeout: timeLimit(60_000) });

type Payers = Scenario['contract']['parties']['payers'];

/** Another set of payers: some kept (shares redrawn), some dropped, maybe a new one; shares sum to 1. */
const amendedPayers = (payers: Payers) =>
  fc.tuple(fc.subarray(payers.map((p) => p.id)), fc.boolean(), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 })).map(([kept, added, weights]) => {
    const ids = [...kept, ...(added || kept.length === 0 ? ['newcomer'] : [])];
    const total = ids.reduce((sum, _, i) => sum + (weights[i] ?? 1), 0);
    // shares in thousandths, the last takes the rest so that they sum to exactly 1
    let left = 1000;
    return ids.map((id, i) => {
      const share = i === ids.length - 1 ? left : Math.floor((1000 * (weights[i] ?? 1)) / total);
      left -= share;
      return { id, name: id, share: share === 1000 ? '1' : `0.${String(share).padStart(3, '0')}` };
    });
  });

/** The contract with other payers: caps of payers it no longer has go, and exit clauses on those caps and amendments' changes of them. */
function amend(contract: Scenario['contract'], payers: Payers): Scenario['contract'] {
  const ids = new Set(payers.map((p) => p.id));
  const caps = (contract.caps ?? []).filter((cap) => cap.kind !== 'payer' || ids.has(cap.payer));
  const capIds = new Set(caps.map((cap) => cap.id));
  const exitClauses = (contract.exitClauses ?? []).filter((clause) => clause.condition.kind !== 'capReached' || capIds.has(clause.condition.cap));
  // amendments no longer change the caps that went
  const versions = contract.amendments?.versions.map((version) => {
    const capChanges = version.changes.caps?.filter((change) => capIds.has(change.cap));
    const changes = { ...version.changes };
    delete changes.caps;
    return { ...version, changes: capChanges === undefined || capChanges.length === 0 ? changes : { ...changes, caps: capChanges } };
  });
  const amended: Scenario['contract'] = { ...contract, parties: { ...contract.parties, payers } };
  delete amended.caps;
  delete amended.exitClauses;
  if (caps.length > 0) amended.caps = caps;
  if (exitClauses.length > 0) amended.exitClauses = exitClauses;
  if (versions !== undefined && contract.amendments !== undefined) amended.amendments = { ...contract.amendments, versions };
  return amended;
}

function check(s: Settlement, given: readonly Settlement[], m: MoneyOf): void {
  const toCents = (text: string): bigint => m.of(text);
  const sumCents = (texts: readonly string[]): bigint => m.sum(texts);
  for (const t of s.tranches) {
    for (const key of ['earned', 'previouslyPaid', 'due'] as const) expect(sumCents(t.payers.map((p) => p[key])), `${t.id} ${key}`).toBe(toCents(t[key]));
    expect(toCents(t.due)).toBe(toCents(t.earned) - toCents(t.previouslyPaid));
    expect(t.payers.map((p) => p.payer)).toEqual(s.payers.map((p) => p.payer));
  }
  for (const key of ['earned', 'previouslyPaid', 'due'] as const) {
    expect(sumCents(s.tranches.map((t) => t[key])), `totals ${key}`).toBe(toCents(s.totals[key]));
    expect(sumCents(s.payers.map((p) => p[key])), `payers ${key}`).toBe(toCents(s.totals[key]));
    s.payers.forEach((payer, i) => {
      expect(sumCents(s.tranches.map((t) => t.payers[i]?.[key] ?? '0.00')), `${payer.payer} ${key}`).toBe(toCents(payer[key]));
    });
  }
  // paid before, per tranche and payer: what the given settlements made due
  for (const t of s.tranches) {
    for (const p of t.payers) {
      const dues = given.flatMap((g) => g.tranches.filter((gt) => gt.id === t.id).flatMap((gt) => gt.payers.filter((gp) => gp.payer === p.payer).map((gp) => gp.due)));
      expect(toCents(p.previouslyPaid), `${t.id} ${p.payer} paid before`).toBe(sumCents(dues));
    }
  }
  for (const p of s.payers) if (p.share === null) expect(toCents(p.earned)).toBe(0n);
}

describe('chains of previous settlements with amended payers', () => {
  it('every subset of a chain: refused with a chain code, or every level adds up', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (scenario, steps, amendAt, subsetSeed) => {
          const amendedContract = amend(scenario.contract, fc.sample(amendedPayers(scenario.contract.parties.payers), { seed: subsetSeed, numRuns: 1 })[0] ?? []);
          const amendedFrom: string[] = [];
          const chain: Settlement[] = [];
          // from the first tranche's measurement on, so that something is earned and paid
          let asOf: number = Math.max(parseDate(scenario.asOf), Math.min(...scenario.contract.tranches.map((t) => parseDate(t.measuredOn))));
          for (const [k, step] of [0, ...steps].entries()) {
            asOf += step;
            const contract = k >= amendAt ? amendedContract : scenario.contract;
            // the amendment is stated from the first settlement of the amended contract on
            const result = settleWith(contract, scenario.records, scenarioOptions(scenario, { asOf: formatDate(asOf as CalendarDate), previous: [...chain], amendedFrom: k >= amendAt ? amendedFrom : [], allowFullRecovery: true }));
            if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
            chain.push(JSON.parse(JSON.stringify(result.value)) as Settlement);
            if (k < amendAt && k + 1 >= amendAt) amendedFrom.push(result.value.fingerprint.contract);
          }
          const last = formatDate(addDays(asOf as CalendarDate, 1));
          const subsets = fc.sample(fc.subarray(chain.map((_, i) => i)), { seed: subsetSeed, numRuns: 4 });
          for (const subset of subsets) {
            const given = subset.map((i) => chain[i] as Settlement);
            const prefix = subset.every((i, k) => i === k);
            // the contract as it is at the end; the amendment is stated when a settlement of the earlier version is given
            const amended = amendAt < chain.length;
            const contract = amended ? amendedContract : scenario.contract;
            const statement = amended && subset.some((i) => i < amendAt) ? amendedFrom : [];
            const result = settleWith(contract, scenario.records, scenarioOptions(scenario, { asOf: last, previous: [...given].reverse(), amendedFrom: statement, allowFullRecovery: true }));
            if (!prefix) {
              expect(result.ok).toBe(false);
              if (!result.ok) expect(result.issues.map((i) => i.code).every((code) => code === 'PREVIOUS_CHAIN_INCOMPLETE' || code === 'PREVIOUS_CHAIN_FORK'), JSON.stringify(result.issues[0])).toBe(true);
              continue;
            }
            if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
            check(result.value, given, moneyOf(scenario));
            // paid before in all = what the last given settlement earned (a chain pays what it earns)
            if (given.length > 0) expect(result.value.totals.previouslyPaid).toBe(given.at(-1)?.totals.earned);
          }
        },
      ),
      { numRuns: runs(25) },
    );
  });
});
