/**
 * Turns the computed schedule into the settlement document: amounts as canonical strings, due
 * amounts against previous payments, adjustments, tallies, data quality.
 *
 * @module
 */
import { formatDate, parseDate } from '../calendar/index.js';
import { ZERO, formatDecimal, formatMoney, parseAmount, sumAmounts, type Amount } from '../money/index.js';
import { VERSION } from '../version.js';
import type { CapCut } from './caps.js';
import type { Ledger, Tally } from './ledger.js';
import type { Line } from './lines.js';
import type { SettlementPlan } from './plan.js';
import type { PreviousPayments } from './previous.js';
import type { RunResult, TrancheResult } from './run.js';
import type {
  PayerAmounts,
  Settlement,
  SettlementAdjustment,
  SettlementDataQuality,
  SettlementHiringGuarantee,
  SettlementLine,
  SettlementTally,
  SettlementTranche,
} from './types.js';

/** Fingerprints of the inputs. */
export type Fingerprint = Settlement['fingerprint'];

function lineReport(plan: SettlementPlan, line: Line, money: (a: Amount) => string): SettlementLine {
  const report: SettlementLine = {
    rule: line.rule,
    kind: line.kind,
    cohort: line.cohort,
    outcome: line.outcome,
    claims: line.claims,
    unit: line.unit === null ? null : formatDecimal(line.unit),
    inputs: line.inputs,
    formula: line.formula,
    exact: formatDecimal(line.exact),
    rounding: `${plan.rounding} to ${plan.currency} minor units`,
    earned: money(line.amount),
    paid: money(line.paid),
  };
  return line.participants === undefined ? report : { ...report, participants: line.participants };
}

function capReport(cut: CapCut, money: (a: Amount) => string): SettlementTranche['capCuts'][number] {
  return {
    cap: cut.cap,
    kind: cut.kind,
    limit: money(cut.limit),
    usedBefore: money(cut.usedBefore),
    requested: money(cut.requested),
    cut: money(cut.cut),
  };
}

function tallies(plan: SettlementPlan, ledger: Ledger): SettlementTally[] {
  const out: SettlementTally[] = [];
  const asOf = plan.asOf;
  const push = (cohort: string, group: string | null, tally: Tally): void => {
    const enrolled = tally.enrolled.upTo(asOf);
    plan.contract.outcomes.forEach((outcome, index) => {
      if (outcome.kind === 'cohortIndicator') return;
      const counts = tally.outcomes[index];
      const achieved = counts === undefined ? 0 : counts.achieved.upTo(asOf);
      const failed = counts === undefined ? 0 : counts.failed.upTo(asOf);
      out.push({ cohort, group, outcome: outcome.id, enrolled, achieved, failed, pending: enrolled - achieved - failed });
    });
  };
  plan.contract.cohorts.forEach((cohort, index) => {
    const ledgerCohort = ledger.cohorts[index];
    if (ledgerCohort === undefined) return;
    push(cohort.id, null, ledgerCohort.tally);
    for (const group of [...ledgerCohort.groups.keys()].sort()) {
      const tally = ledgerCohort.groups.get(group);
      if (tally !== undefined) push(cohort.id, group, tally);
    }
  });
  return out;
}

function guarantees(plan: SettlementPlan, ledger: Ledger, money: (a: Amount) => string): SettlementHiringGuarantee[] {
  return (plan.contract.hiringGuarantees ?? []).map((guarantee, index) => {
    const counts = ledger.guarantees[index];
    const qualified = counts === undefined ? 0 : counts.qualified.upTo(plan.asOf);
    const hired = counts === undefined ? 0 : counts.hired.upTo(plan.asOf);
    const enrolmentOpen = guarantee.cohorts.some((id) => {
      const cohort = plan.contract.cohorts.find((candidate) => candidate.id === id);
      return cohort !== undefined && parseDate(cohort.enrolmentEnd) > plan.asOf;
    });
    const undecided = counts?.undecided ?? 0;
    const shortfallPositions = Math.max(0, guarantee.positions - hired);
    const status = shortfallPositions === 0 ? 'met' : undecided > 0 || enrolmentOpen ? 'open' : 'shortfall';
    const perPosition = guarantee.shortfallAmountPerPosition;
    return {
      guarantee: guarantee.id,
      employer: guarantee.employer,
      positions: guarantee.positions,
      qualified,
      hired,
      undecided,
      status,
      shortfallPositions,
      shortfallAmount: status === 'shortfall' && perPosition !== undefined ? money(parseAmount(perPosition).times(shortfallPositions)) : null,
    };
  });
}

interface Inputs {
  readonly plan: SettlementPlan;
  readonly ledger: Ledger;
  readonly run: RunResult;
  readonly previous: PreviousPayments;
  readonly dataQuality: SettlementDataQuality;
  readonly fingerprint: Fingerprint;
}

function trancheReport(
  inputs: Inputs,
  tranche: TrancheResult | undefined,
  meta: { id: string; name: string; measuredOn: string; dueOn: string },
  adjustments: SettlementAdjustment[],
  money: (a: Amount) => string,
): SettlementTranche {
  const { plan, previous } = inputs;
  const paidBefore = previous.paid.get(meta.id);
  // a change to a tranche an earlier settlement settled (measured by its as-of date) is an
  // adjustment, for every payer, even one whose part was 0.00; the first payment of a tranche
  // measured since is not
  const settledBefore = previous.tranches.some((earlier) => earlier.id === meta.id && earlier.settled === true);
  const payers: PayerAmounts[] = plan.contract.parties.payers.map((payer, index) => {
    const earned = tranche?.payerParts[index] ?? ZERO;
    const before = paidBefore?.get(payer.id) ?? ZERO;
    const due = earned.minus(before);
    if ((settledBefore || !before.isZero()) && !due.isZero()) {
      adjustments.push({
        tranche: meta.id,
        payer: payer.id,
        previouslyPaid: money(before),
        earned: money(earned),
        amount: money(due),
        reason:
          tranche === undefined
            ? 'the tranche is no longer earned with the data as of this settlement'
            : `earned amount moved from ${money(before)} to ${money(earned)} with the data as of this settlement`,
      });
    }
    return { payer: payer.id, share: payer.share, earned: money(earned), previouslyPaid: money(before), due: money(due) };
  });
  const earned = tranche?.earned ?? ZERO;
  const previouslyPaid = sumAmounts(paidBefore?.values() ?? []);
  const reinvested = sumAmounts((tranche?.reinvestment ?? []).map((part) => part.amount));
  return {
    id: meta.id,
    name: meta.name,
    status: tranche?.status ?? 'withdrawn',
    byClause: tranche?.byClause ?? null,
    measuredOn: meta.measuredOn,
    dueOn: meta.dueOn,
    earned: money(earned),
    previouslyPaid: money(previouslyPaid),
    due: money(earned.minus(previouslyPaid)),
    withheld: money(tranche?.withheld ?? ZERO),
    reinvested: money(reinvested),
    toProvider: money(earned.minus(reinvested)),
    payers,
    lines: (tranche?.lines ?? []).map((line) => lineReport(plan, line, money)),
    capCuts: (tranche?.capCuts ?? []).map((cut) => capReport(cut, money)),
    reinvestment: (tranche?.reinvestment ?? []).map((part) => ({
      reinvestment: part.reinvestment,
      destination: part.destination,
      amount: money(part.amount),
      formula: part.formula,
    })),
  };
}

/**
 * Builds the settlement document.
 *
 * @example
 * const settlement = buildSettlement({ plan, ledger, run, previous, dataQuality, fingerprint });
 */
export function buildSettlement(inputs: Inputs): Settlement {
  const { plan, ledger, run, previous } = inputs;
  const money = (amount: Amount): string => formatMoney(amount, plan.currency);
  const adjustments: SettlementAdjustment[] = [];
  const tranches = run.tranches.map((tranche) =>
    trancheReport(inputs, tranche, { id: tranche.id, name: tranche.name, measuredOn: formatDate(tranche.measuredOn), dueOn: formatDate(tranche.dueOn) }, adjustments, money),
  );
  for (const earlier of previous.tranches) {
    if (run.tranches.some((tranche) => tranche.id === earlier.id)) continue;
    tranches.push(trancheReport(inputs, undefined, earlier, adjustments, money));
  }
  const payers: PayerAmounts[] = plan.contract.parties.payers.map((payer) => {
    const all = tranches.map((tranche) => tranche.payers.find((part) => part.payer === payer.id));
    const total = (key: 'earned' | 'previouslyPaid' | 'due'): string =>
      money(sumAmounts(all.map((part) => (part === undefined ? ZERO : parseAmount(part[key])))));
    return { payer: payer.id, share: payer.share, earned: total('earned'), previouslyPaid: total('previouslyPaid'), due: total('due') };
  });
  const sum = (key: 'earned' | 'previouslyPaid' | 'due' | 'reinvested' | 'withheld'): string =>
    money(sumAmounts(tranches.map((tranche) => parseAmount(tranche[key]))));
  return {
    format: 'outcome-pay/settlement',
    formatVersion: 1,
    library: { name: 'outcome-pay', version: VERSION },
    contract: { id: plan.contract.id, name: plan.contract.name, currency: plan.currency, rounding: plan.rounding },
    asOf: formatDate(plan.asOf),
    fingerprint: inputs.fingerprint,
    totals: { earned: sum('earned'), previouslyPaid: sum('previouslyPaid'), due: sum('due'), reinvested: sum('reinvested'), withheld: sum('withheld') },
    payers,
    tranches,
    adjustments,
    exits: run.exits.map((exit) => ({
      clause: exit.clause,
      checkOn: formatDate(exit.checkOn),
      outcome: exit.outcome,
      figures: exit.figures,
      explanation: exit.explanation,
    })),
    participantCaps: plan.participantCaps.map((cap, index) => {
      const cuts = ledger.participantCaps[index];
      const report = {
        cap: cap.id,
        limit: money(cap.amount),
        claimsCut: cuts?.claims ?? 0,
        amountCut: money(cuts?.amount ?? ZERO),
      };
      return cuts?.participants === undefined ? report : { ...report, participants: [...new Set(cuts.participants)].sort() };
    }),
    unscheduled: run.unscheduled.map((item) => ({ ...item, amount: money(item.amount) })),
    hiringGuarantees: guarantees(plan, ledger, money),
    tallies: tallies(plan, ledger),
    dataQuality: inputs.dataQuality,
  };
}
