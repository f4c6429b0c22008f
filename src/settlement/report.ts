/**
 * Turns the computed schedule into the settlement document: amounts as canonical strings, due
 * amounts against previous payments, adjustments, tallies, data quality.
 *
 * @module
 */
import { formatDate, parseDate } from '../calendar/index.js';
import { RATIO_ZERO, ZERO, formatDecimal, formatMoney, parseAmount, ratioText, sumAmounts, type Amount } from '../money/index.js';
import { lineFractions, payerShareText } from './payer-split.js';
import { VERSION } from '../version.js';
import { ownValue } from '../own-data.js';
import type { CapCut } from './caps/money-caps.js';
import { describeBudgetYear, type BudgetYearEntry } from './caps/payer-years.js';
import type { Ledger, Tally } from './ledger.js';
import type { Line } from './lines.js';
import type { SettlementPlan } from './plan.js';
import { lastLinesOf, type PreviousPayments } from './previous.js';
import type { RunResult, TrancheResult } from './schedule.js';
import { levelReport } from './level-report.js';
import { causeReport, splitCauses, trancheCauses } from './restatement-causes.js';
import { SETTLEMENT_FORMAT_VERSION } from './settlement-schema.js';
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
  // own property only: a line of a contract without amendments has none (a polluted prototype must not add one)
  const version = ownValue(line, 'version');
  const versioned = version === undefined ? report : { ...report, version };
  const listed = line.participants === undefined ? versioned : { ...versioned, participants: line.participants };
  const each = ownValue(line, 'participantVersions');
  const withParticipants = each === undefined ? listed : { ...listed, participantVersions: each };
  const fractions = lineFractions(plan.payerSplit, line);
  if (fractions === undefined) return withParticipants;
  const payers = plan.contract.parties.payers.flatMap((payer, p) => {
    const fraction = fractions[p];
    return fraction === undefined || fraction.numerator === 0n ? [] : [{ payer: payer.id, fraction: ratioText(fraction) }];
  });
  return { ...withParticipants, payers };
}

function capReport(cut: CapCut, money: (a: Amount) => string): SettlementTranche['capCuts'][number] {
  const report = {
    cap: cut.cap,
    kind: cut.kind,
    limit: money(cut.limit),
    usedBefore: money(cut.usedBefore),
    requested: money(cut.requested),
    cut: money(cut.cut),
  };
  if (cut.kind !== 'participant') return report;
  const participants = ownValue(cut, 'participants');
  return { ...report, claims: ownValue(cut, 'claims') ?? 0, ...(participants === undefined ? {} : { participants }) };
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

/**
 * The hiring guarantees at the as-of date, from the ledger's counts.
 *
 * @example
 * guaranteeReports(plan, ledger, (amount) => formatMoney(amount, plan.currency)).map((g) => g.status);
 */
export function guaranteeReports(plan: SettlementPlan, ledger: Ledger, money: (a: Amount) => string): SettlementHiringGuarantee[] {
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
  /** Whether a participant named by the last previous settlement's lines is among the records settled (undefined: not known). */
  readonly present?: (id: string) => boolean | undefined;
  /** The claims ({@link claimKey}) an amendment since the last previous settlement moved between tranches (see {@link claimsMoved}). */
  readonly moved?: ReadonlySet<string>;
}

/** A payer of the settlement: a payer of the contract, or one only previous settlements name (share null). */
interface ReportPayer {
  readonly id: string;
  readonly share: string | null;
  /** Index among the contract's payers, or -1 for a former payer. */
  readonly index: number;
}

/**
 * The settlement's payers: the contract's, then those the previous settlements name that the
 * contract no longer does (an amendment removed them) and that still hold a payment, in order of
 * first appearance.
 */
function reportPayers(inputs: Inputs): ReportPayer[] {
  const payers: ReportPayer[] = inputs.plan.contract.parties.payers.map((payer, index) => ({ id: payer.id, share: payerShareText(inputs.plan.contract, index), index }));
  const holds = (id: string): boolean => [...inputs.previous.paid.values()].some((byPayer) => byPayer.get(id)?.isZero() === false);
  for (const id of inputs.previous.payers) if (!payers.some((payer) => payer.id === id) && holds(id)) payers.push({ id, share: null, index: -1 });
  return payers;
}

function adjustmentReason(payer: ReportPayer, tranche: TrancheResult | undefined, amended: boolean, before: string, earned: string): string {
  if (payer.index === -1) return `payer "${payer.id}" is not a payer of the contract as amended: what it paid is returned to it, and the contract's payers now pay the tranche`;
  const basis = amended ? 'the data and the contract as amended' : 'the data';
  if (tranche === undefined) return `the tranche is no longer earned with ${basis} as of this settlement`;
  return `earned amount moved from ${before} to ${earned} with ${basis} as of this settlement`;
}

function trancheReport(
  inputs: Inputs,
  payerList: readonly ReportPayer[],
  tranche: TrancheResult | undefined,
  meta: { id: string; name: string; measuredOn: string; dueOn: string },
  adjustments: SettlementAdjustment[],
  money: (a: Amount) => string,
): SettlementTranche {
  const { plan, previous } = inputs;
  const paidBefore = previous.paid.get(meta.id);
  // a change to a tranche an earlier settlement settled (measured by its as-of date) is an
  // adjustment, for every payer, even one whose part was 0.00; the first payment of a tranche
  // measured since is not. An exit tranche an earlier settlement did not list (its clause did not
  // fire on that data) was settled at nothing all the same: the clause fires on a date that
  // settlement had passed, so its amount is a correction, as checkSettlementFigures expects
  const settledBefore = previous.settlements.some((earlier) => meta.measuredOn <= earlier.asOf);
  const parts = payerList.map((payer) => {
    const earned = (payer.index === -1 ? undefined : tranche?.payerParts[payer.index]) ?? ZERO;
    const before = paidBefore?.get(payer.id) ?? ZERO;
    return { payer, earned, before, due: earned.minus(before) };
  });
  const earned = tranche?.earned ?? ZERO;
  const previouslyPaid = sumAmounts(paidBefore?.values() ?? []);
  const lines = (tranche?.lines ?? []).map((line) => lineReport(plan, line, money));
  const adjusted = parts.filter(({ before, due }) => (settledBefore || !before.isZero()) && !due.isZero());
  const causes = adjusted.length === 0 ? [] : trancheCauses({
    before: lastLinesOf(previous)?.get(meta.id),
    now: lines,
    net: earned.minus(previouslyPaid),
    present: inputs.present ?? (() => undefined),
    amended: amendedSinceLast(previous),
    moved: (rule, id) => inputs.moved?.has(claimKey(rule, id)) === true,
  });
  const split = splitCauses(causes, parts.map(({ before, due }) => ((settledBefore || !before.isZero()) ? due : ZERO)), plan.currency);
  const payers: PayerAmounts[] = parts.map(({ payer, earned: payerEarned, before, due }, p) => {
    if (adjusted.some((part) => part.payer === payer)) {
      adjustments.push({
        tranche: meta.id,
        payer: payer.id,
        previouslyPaid: money(before),
        earned: money(payerEarned),
        amount: money(due),
        reason: adjustmentReason(payer, tranche, previous.amendedFrom.length > 0, money(before), money(payerEarned)),
        causes: causes.flatMap((cause, c) => {
          const part = split[c]?.[p] ?? ZERO;
          return part.isZero() ? [] : [causeReport(cause, part, money)];
        }),
      });
    }
    return { payer: payer.id, share: payer.share, earned: money(payerEarned), previouslyPaid: money(before), due: money(due) };
  });
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
    lines,
    capCuts: (tranche?.capCuts ?? []).map((cut) => capReport(cut, money)),
    reinvestment: (tranche?.reinvestment ?? []).map((part) => ({
      reinvestment: part.reinvestment,
      destination: part.destination,
      amount: money(part.amount),
      formula: part.formula,
    })),
    ...payerSplitReport(inputs, tranche),
    ...budgetYearsReport(inputs, tranche, money),
  };
}

/** What the yearly payer caps did to the tranche, with each line explained, for contracts with yearly caps. */
function budgetYearsReport(inputs: Inputs, tranche: TrancheResult | undefined, money: (a: Amount) => string): Pick<SettlementTranche, 'budgetYears'> {
  const entries = tranche?.budgetYears;
  if (entries === undefined) return {};
  const status = (id: string): string | undefined => inputs.run.tranches.find((candidate) => candidate.id === id)?.status;
  const year = (span: BudgetYearEntry['year']): { from: string; to: string } => ({ from: formatDate(span.from), to: formatDate(span.to) });
  return {
    budgetYears: entries.map((entry) => ({
      cap: entry.cap,
      payer: entry.payer,
      year: year(entry.year),
      limit: money(entry.limit),
      usedBefore: money(entry.usedBefore),
      part: money(entry.part),
      takenFrom: entry.takenFrom.map((taken) => ({ payer: taken.payer, amount: money(taken.amount) })),
      carriedFrom: entry.carriedFrom.map((carry) => ({ tranche: carry.tranche, year: year(carry.year), amount: money(carry.amount) })),
      requested: money(entry.requested),
      paid: money(entry.paid),
      over: money(entry.over),
      overflow: entry.overflow,
      to: entry.to,
      explanation: describeBudgetYear(entry, money, status),
    })),
  };
}

/** The exact part of each payer and its part after the largest-remainder split (before payer caps), unless plain decimal shares. */
function payerSplitReport(inputs: Inputs, tranche: TrancheResult | undefined): Pick<SettlementTranche, 'payerSplit'> {
  const exact = tranche?.payerExact;
  if (tranche === undefined || exact === undefined) return {};
  const money = (amount: Amount): string => formatMoney(amount, inputs.plan.currency);
  const parts = tranche.splitParts ?? [];
  return {
    payerSplit: inputs.plan.contract.parties.payers.map((payer, p) => ({ payer: payer.id, exact: ratioText(exact[p] ?? RATIO_ZERO), part: money(parts[p] ?? ZERO) })),
  };
}

/** The minimum performance levels, for contracts that have some. */
function levelsReport(run: RunResult, money: (a: Amount) => string): Pick<Settlement, 'minimumPerformance'> {
  if (run.levels.length === 0) return {};
  return { minimumPerformance: run.levels.map((level) => levelReport(level, money)) };
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
  const payerList = reportPayers(inputs);
  const withMoved = { ...inputs, moved: claimsMoved(previous, run) };
  const tranches = run.tranches.map((tranche) =>
    trancheReport(withMoved, payerList, tranche, { id: tranche.id, name: tranche.name, measuredOn: formatDate(tranche.measuredOn), dueOn: formatDate(tranche.dueOn) }, adjustments, money),
  );
  for (const earlier of previous.tranches) {
    if (run.tranches.some((tranche) => tranche.id === earlier.id)) continue;
    tranches.push(trancheReport(withMoved, payerList, undefined, earlier, adjustments, money));
  }
  const payers: PayerAmounts[] = payerList.map((payer, index) => {
    const total = (key: 'earned' | 'previouslyPaid' | 'due'): string =>
      money(sumAmounts(tranches.map((tranche) => parseAmount(tranche.payers[index]?.[key] ?? '0'))));
    return { payer: payer.id, share: payer.share, earned: total('earned'), previouslyPaid: total('previouslyPaid'), due: total('due') };
  });
  const sum = (key: 'earned' | 'previouslyPaid' | 'due' | 'reinvested' | 'withheld'): string =>
    money(sumAmounts(tranches.map((tranche) => parseAmount(tranche[key]))));
  return {
    format: 'outcome-pay/settlement',
    formatVersion: SETTLEMENT_FORMAT_VERSION,
    library: { name: 'outcome-pay', version: VERSION },
    contract: { id: plan.contract.id, name: plan.contract.name, currency: plan.currency, rounding: plan.rounding },
    asOf: formatDate(plan.asOf),
    fingerprint: inputs.fingerprint,
    previous: { settlements: previous.settlements.map((settlement) => ({ ...settlement })), amendedFrom: [...previous.amendedFrom] },
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
    ...levelsReport(run, money),
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
    hiringGuarantees: guaranteeReports(plan, ledger, money),
    tallies: tallies(plan, ledger),
    dataQuality: inputs.dataQuality,
  };
}

/** Whether the last previous settlement, whose lines the restatement causes compare with, was made with another version of the contract. */
function amendedSinceLast(previous: PreviousPayments): boolean {
  const last = previous.settlements[previous.settlements.length - 1];
  return last !== undefined && previous.amendedFrom.includes(last.contract);
}

/** A participant's claims of a rule, as a key. */
function claimKey(rule: string, id: string): string {
  return `${rule}\u0000${id}`;
}

/** The tranches each participant's claims of each rule are in ({@link claimKey}), by the lines' participants. */
function tranchesOfClaims(tranches: Iterable<readonly [string, readonly { readonly rule: string; readonly participants?: readonly string[] | undefined }[]]>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [tranche, lines] of tranches) {
    for (const line of lines) {
      for (const id of line.participants ?? []) {
        const key = claimKey(line.rule, id);
        const set = found.get(key) ?? new Set<string>();
        set.add(tranche);
        found.set(key, set);
      }
    }
  }
  return found;
}

/**
 * The claims an amendment since the last previous settlement moved between tranches: a
 * participant's claims of a rule that left a tranche the last settlement listed them in and are
 * now in one they were not in (both settlements made with `detail: 'participants'`). Without an
 * amendment since, none: what moved is then put down to the records.
 */
function claimsMoved(previous: PreviousPayments, run: RunResult): ReadonlySet<string> {
  const lastLines = lastLinesOf(previous);
  if (lastLines === undefined || !amendedSinceLast(previous)) return new Set();
  const before = tranchesOfClaims(lastLines.entries());
  const now = tranchesOfClaims(run.tranches.map((tranche) => [tranche.id, tranche.lines] as const));
  const moved = new Set<string>();
  for (const [key, there] of now) {
    const was = before.get(key);
    if (was !== undefined && [...was].some((tranche) => !there.has(tranche)) && [...there].some((tranche) => !was.has(tranche))) moved.add(key);
  }
  return moved;
}
