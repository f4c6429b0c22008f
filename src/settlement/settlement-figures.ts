/**
 * The figures of a settlement document add up: payers' parts to their tranche, tranches to the
 * totals and to each payer's totals, `due = earned − previouslyPaid` at every level, what the
 * provider receives, the lines, the adjustments, what a minimum performance level still withholds. Every settlement `settle` writes passes; a
 * document that does not was altered or is not one.
 *
 * @module
 */
import type { Issue, PathSegment } from '../errors.js';
import { parseAmount, sumAmounts, type Amount } from '../money/index.js';
import type { PayerAmounts, Settlement } from './types.js';

const FIGURES = ['earned', 'previouslyPaid', 'due'] as const;

function amount(text: string): Amount {
  return parseAmount(text);
}

function sum(texts: readonly string[]): Amount {
  return sumAmounts(texts.map(amount));
}

/**
 * Checks that a settlement document's figures add up; each mismatch is a `PREVIOUS_FIGURES`
 * issue with its path under `at`. The document must already have the settlement's shape
 * (`checkSettlementShape`).
 *
 * @example
 * checkSettlementFigures(document, ['previous', 0]); // [] when every figure adds up
 */
export function checkSettlementFigures(document: Settlement, at: readonly PathSegment[]): Issue[] {
  const issues: Issue[] = [];
  const mismatch = (path: readonly PathSegment[], message: string): void => {
    issues.push({ code: 'PREVIOUS_FIGURES', path: [...at, ...path], message: `${message}: the figures do not add up` });
  };
  const equal = (path: readonly PathSegment[], given: string, expected: Amount, what: string): void => {
    if (!amount(given).eq(expected)) mismatch(path, `${what} is ${given}, not ${expected.toFixed()}`);
  };
  const balance = (path: readonly PathSegment[], figures: Pick<PayerAmounts, 'earned' | 'previouslyPaid' | 'due'>, what: string): void => {
    equal([...path, 'due'], figures.due, amount(figures.earned).minus(amount(figures.previouslyPaid)), `${what}'s due (earned − previously paid)`);
  };
  const payerIds = document.payers.map((payer) => payer.payer);
  if (new Set(payerIds).size !== payerIds.length) mismatch(['payers'], 'a payer is listed twice');
  const trancheIds = document.tranches.map((tranche) => tranche.id);
  if (new Set(trancheIds).size !== trancheIds.length) mismatch(['tranches'], 'a tranche is listed twice');

  document.tranches.forEach((tranche, t) => {
    const path = ['tranches', t];
    const ids = tranche.payers.map((payer) => payer.payer);
    if (ids.join('\u0000') !== payerIds.join('\u0000')) {
      mismatch([...path, 'payers'], `tranche "${tranche.id}" lists the payers ${JSON.stringify(ids)}, not the settlement's ${JSON.stringify(payerIds)}`);
      return;
    }
    for (const key of FIGURES) {
      equal([...path, key], tranche[key], sum(tranche.payers.map((payer) => payer[key])), `tranche "${tranche.id}" ${key} (the sum of its payers' parts)`);
    }
    balance(path, tranche, `tranche "${tranche.id}"`);
    tranche.payers.forEach((payer, p) => {
      balance([...path, 'payers', p], payer, `payer "${payer.payer}" in tranche "${tranche.id}"`);
    });
    equal([...path, 'reinvested'], tranche.reinvested, sum(tranche.reinvestment.map((part) => part.amount)), `tranche "${tranche.id}" reinvested`);
    equal([...path, 'toProvider'], tranche.toProvider, amount(tranche.earned).minus(amount(tranche.reinvested)), `tranche "${tranche.id}" toProvider (earned − reinvested)`);
    const payerCuts = sum(tranche.capCuts.filter((cut) => cut.kind === 'payer').map((cut) => cut.cut));
    const years = tranche.budgetYears ?? [];
    const deferred = sum(years.filter((entry) => entry.overflow === 'deferred').map((entry) => entry.over));
    const carried = sum(years.flatMap((entry) => entry.carriedFrom.map((carry) => carry.amount)));
    years.forEach((entry, e) => {
      const asked = sum([entry.part, ...entry.takenFrom.map((taken) => taken.amount), ...entry.carriedFrom.map((carry) => carry.amount)]);
      equal([...path, 'budgetYears', e, 'requested'], entry.requested, asked, `tranche "${tranche.id}" budget year of cap "${entry.cap}" requested (part + taken + carried)`);
      equal([...path, 'budgetYears', e, 'over'], entry.over, amount(entry.requested).minus(amount(entry.paid)), `tranche "${tranche.id}" budget year of cap "${entry.cap}" over (requested − paid)`);
    });
    const expected = sum(tranche.lines.map((line) => line.paid)).minus(payerCuts).minus(deferred).plus(carried);
    equal([...path, 'earned'], tranche.earned, expected, `tranche "${tranche.id}" earned (its lines paid less payer cap cuts and deferrals, plus amounts deferred to it)`);
  });

  document.payers.forEach((payer, p) => {
    for (const key of FIGURES) {
      const parts = document.tranches.map((tranche) => tranche.payers[p]?.[key] ?? '0');
      equal(['payers', p, key], payer[key], sum(parts), `payer "${payer.payer}" ${key} (the sum over the tranches)`);
    }
    for (const tranche of document.tranches) {
      const share = tranche.payers[p]?.share;
      if (share !== undefined && share !== payer.share) mismatch(['payers', p, 'share'], `payer "${payer.payer}" has share ${String(payer.share)} but ${String(share)} in tranche "${tranche.id}"`);
    }
  });
  for (const key of ['earned', 'previouslyPaid', 'due', 'reinvested', 'withheld'] as const) {
    equal(['totals', key], document.totals[key], sum(document.tranches.map((tranche) => tranche[key])), `totals ${key} (the sum over the tranches)`);
  }

  // a minimum performance level holds what it withheld and has not released
  (document.minimumPerformance ?? []).forEach((level, l) => {
    equal(['minimumPerformance', l, 'outstanding'], level.outstanding, amount(level.withheld).minus(amount(level.released)), `minimum performance level "${level.id}" outstanding (withheld − released)`);
  });

  // adjustments: exactly the parts whose amount moves in a tranche settled before (measured on or
  // before a previous settlement's as-of date, whatever it paid) or already paid, each with its difference
  const expected = new Map<string, { earned: string; previouslyPaid: string; due: string }>();
  for (const tranche of document.tranches) {
    const settledBefore = document.previous.settlements.some((previous) => tranche.measuredOn <= previous.asOf);
    for (const payer of tranche.payers) {
      if ((settledBefore || !amount(payer.previouslyPaid).isZero()) && !amount(payer.due).isZero()) expected.set(`${tranche.id}\u0000${payer.payer}`, payer);
    }
  }
  document.adjustments.forEach((adjustment, a) => {
    const key = `${adjustment.tranche}\u0000${adjustment.payer}`;
    const part = expected.get(key);
    const what = `adjustment of payer "${adjustment.payer}" in tranche "${adjustment.tranche}"`;
    if (part === undefined) {
      mismatch(['adjustments', a], `${what} matches no part settled or paid before whose amount moved`);
      return;
    }
    expected.delete(key);
    equal(['adjustments', a, 'previouslyPaid'], adjustment.previouslyPaid, amount(part.previouslyPaid), `${what}: previouslyPaid`);
    equal(['adjustments', a, 'earned'], adjustment.earned, amount(part.earned), `${what}: earned`);
    equal(['adjustments', a, 'amount'], adjustment.amount, amount(part.due), `${what}: amount`);
    const causes = adjustment.causes;
    if (causes !== undefined) equal(['adjustments', a, 'causes'], adjustment.amount, sum(causes.map((cause) => cause.amount)), `${what}: the sum of its causes`);
  });
  for (const key of expected.keys()) {
    const [tranche = '', payer = ''] = key.split('\u0000');
    mismatch(['adjustments'], `payer "${payer}" in tranche "${tranche}" was settled or paid before and its amount moved, but no adjustment says so`);
  }
  return issues;
}
