/**
 * evaluateTallies: a contract evaluated from a ledger alone (no settlement document, no
 * fingerprints, no audit text), through the same rule modules as a settlement. Checked against
 * the hand-worked vectors' totals, against the explained run line by line, and on a ledger built
 * from counts with no record at all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../src/calendar/index.js';
import { parseAmount } from '../../src/money/index.js';
import { evaluateTallies } from '../../src/settlement/evaluate.js';
import { addClaims } from '../../src/settlement/ledger.js';
import { buildPlan, emptyLedgerOf } from '../../src/settlement/plan.js';
import { runSchedule } from '../../src/settlement/schedule.js';
import { settle } from '../../src/settlement/settle.js';
import type { SettleOptions } from '../../src/settlement/options.js';
import { tallied } from './tallied.js';

interface Vector {
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly expected?: { readonly totals?: { readonly earned?: string } };
}

const dir = join(import.meta.dirname, '..', 'vectors');
const vectors = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, vector: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector }))
  // a vector that continues another settlement pays less than it earns; evaluation has no previous payments
  .filter(({ vector }) => vector.options['previous'] === undefined && vector.expected?.totals?.earned !== undefined);

describe('evaluateTallies', () => {
  it('earns what the hand-worked vectors say', () => {
    expect(vectors.length).toBeGreaterThan(40);
    const wrong = vectors.flatMap(({ file, vector }) => {
      const { options, plan, ledger } = tallied(vector);
      const earned = evaluateTallies(plan, ledger, options.indicators).earned.toFixed(2);
      return earned === vector.expected?.totals?.earned ? [] : [`${file}: ${earned}, by hand ${vector.expected?.totals?.earned ?? '?'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('pays every line the explained run pays, and writes no audit text', () => {
    for (const { vector } of vectors) {
      const { options, plan, ledger } = tallied(vector);
      const explained = runSchedule(plan, ledger, options.indicators, true);
      const bare = runSchedule(plan, ledger, options.indicators, false);
      const amounts = (run: typeof bare): string[][] => run.tranches.map((tranche) => [tranche.id, tranche.status, tranche.earned.toFixed(), ...tranche.lines.map((line) => `${line.rule} ${line.paid.toFixed()}`)]);
      expect(amounts(bare)).toEqual(amounts(explained));
      for (const line of bare.tranches.flatMap((tranche) => tranche.lines)) {
        if (line.kind === 'exitPayment') continue; // a fixed payment on exit has no figures to explain
        expect([line.formula, Object.keys(line.inputs).length]).toEqual(['', 0]);
      }
      const texts = explained.tranches.flatMap((tranche) => tranche.lines.filter((line) => line.kind !== 'exitPayment').map((line) => line.formula));
      expect(texts.every((text) => text.length > 0)).toBe(true);
    }
  });

  it('evaluates a ledger built from counts, with no record', () => {
    // vector 01: a flat rate card of 1500.00 for placement, one tranche measured 2024-06-30 paying cohort A
    const { contract } = tallied(vectors.find(({ file }) => file.startsWith('01-'))?.vector ?? ({} as Vector));
    const plan = buildPlan(contract, parseDate('2024-12-31'), false);
    const ledger = emptyLedgerOf(plan, false);
    const cohort = ledger.cohorts[0];
    if (cohort === undefined) throw new Error('cohort');
    addClaims(cohort, 0, parseDate('2024-05-01'), parseAmount('1500.00'), 7); // 7 × 1500.00 = 10500.00, in the tranche
    addClaims(cohort, 0, parseDate('2024-07-01'), parseAmount('1500.00'), 2); // after its measurement: no tranche pays them
    const evaluation = evaluateTallies(plan, ledger, new Map());
    expect(evaluation.tranches.map((tranche) => [tranche.id, tranche.status, tranche.earned.toFixed(2), tranche.payerParts.map((part) => part.toFixed(2))])).toEqual([
      ['T1', 'settled', '10500.00', ['10500.00']],
    ]);
    expect(evaluation.earned.toFixed(2)).toBe('10500.00');
    expect(evaluation.fired).toEqual([]);
    expect([evaluation.capsCut, evaluation.reinvested]).toEqual([[], []]);
  });

  it("names the caps that cut something and the set-asides, as the settlement document's audit trail shows them", () => {
    const withCuts: string[] = [];
    const withReinvestment: string[] = [];
    for (const { file, vector } of vectors) {
      const { contract, options, plan, ledger } = tallied(vector);
      const settled = settle(vector.contract, vector.records, vector.options as unknown as SettleOptions);
      if (!settled.ok) throw new Error(`${file}: ${JSON.stringify(settled.issues)}`);
      // from the document: money and payer cap cuts, yearly commitments exceeded, participant cap cuts, lines cut by a share or a volume cap
      const cut = new Set<string>();
      for (const tranche of settled.value.tranches) {
        for (const capCut of tranche.capCuts) cut.add(capCut.cap);
        // a yearly payer cap binds where its commitment is exceeded (deferred, taken by another or not paid)
        for (const entry of tranche.budgetYears ?? []) if (parseAmount(entry.over).greaterThan(0)) cut.add(entry.cap);
        for (const line of tranche.lines) {
          if (Number(line.inputs['cutByShareCap'] ?? 0) > 0) cut.add(String(line.inputs['shareCap']));
          if (Number(line.inputs['cutByVolumeCap'] ?? 0) > 0) for (const cap of contract.caps ?? []) if (cap.kind === 'outcomeVolume' && cap.rule === line.rule) cut.add(cap.id);
        }
      }
      for (const cap of settled.value.participantCaps) if (cap.claimsCut > 0) cut.add(cap.cap);
      const evaluation = evaluateTallies(plan, ledger, options.indicators);
      expect(evaluation.capsCut, file).toEqual((contract.caps ?? []).map((cap) => cap.id).filter((id) => cut.has(id)));
      if (cut.size > 0) withCuts.push(file);
      const setAside = (contract.reinvestment ?? []).map((reinvestment) =>
        settled.value.tranches
          .flatMap((tranche) => tranche.reinvestment.filter((part) => part.reinvestment === reinvestment.id).map((part) => parseAmount(part.amount)))
          .reduce((sum, amount) => sum.plus(amount), parseAmount('0'))
          .toFixed(2),
      );
      expect(evaluation.reinvested.map((amount) => amount.toFixed(2)), file).toEqual(setAside);
      if (setAside.some((amount) => amount !== '0.00')) withReinvestment.push(file);
      expect(evaluation.tranches.map((tranche) => formatDate(tranche.dueOn)), file).toEqual(settled.value.tranches.map((tranche) => tranche.dueOn));
    }
    // the vectors of caps (participant, volume, outcome, cohort, tranche, contract, payer, share) and of reinvestment
    expect(withCuts.length).toBeGreaterThanOrEqual(10);
    expect(withReinvestment.length).toBeGreaterThanOrEqual(3);
  });
});
