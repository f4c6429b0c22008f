/**
 * `simulate`: a contract run many times on participants drawn from the assumptions, each run
 * settled by the real engine (`accumulate` into a ledger, `evaluateTallies` on it), its amounts
 * kept exactly. Runs are numbered from 0 and run `r` draws from its own random stream, so any
 * split of the runs into chunks gives the same amounts, and chunks merge by concatenation.
 *
 * @module
 */
import { formatDate, parseDate, type CalendarDate } from '../calendar/index.js';
import { parseContract, type Contract } from '../contract/index.js';
import type { Issue } from '../errors.js';
import { isObjectValue, thrownReason } from '../guard.js';
import { ZERO, parseAmount, type Amount } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import { accumulate, clearLedger, evaluateTallies, buildPlan, emptyLedgerOf, type Ledger, type SettlementPlan, type IndicatorValues } from '../settlement/index.js';
import { checkAssumptions, type Assumptions, type IndicatorValue } from './assumptions.js';
import { waterfallTerms, type InvestorTerms } from './investor-terms.js';
import { drawParticipant, meanProbabilities, participantModel, runProbabilities, type ParticipantModel } from './participants.js';
import { expectedCounts } from './binomial.js';
import { consecutiveChunks } from './chunks.js';
import { runStreams, wholeBetween, type Stream } from './random.js';
import { countModel, countPathBlocker, drawCounts, type CountModel } from './count-path.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of runs (1 to 10,000,000). */
  readonly runs: number;
  /** Seed of the random streams: a whole number from 0 to 2^32 − 1. */
  readonly seed: number;
  /** First run to compute (default 0): a chunk of a larger simulation computes runs `firstRun` to `firstRun + runs − 1`. */
  readonly firstRun?: number;
  /** Called after each run with the runs done and the runs asked for (for a progress bar). */
  readonly onProgress?: (done: number, runs: number) => void;
  /**
   * How runs are drawn: `"auto"` (default) draws counts where the contract allows it (the count
   * path) and participants otherwise; `"participants"` always draws participants.
   */
  readonly path?: 'auto' | 'participants';
}

/**
 * The exact amounts of a set of runs, run by run: what {@link summarize} reads, and what chunks
 * of a simulation merge (see `mergeSamples`).
 */
export interface SimulationSamples {
  /** Currency of the amounts. */
  readonly currency: string;
  /** Seed of the runs. */
  readonly seed: number;
  /** Index of the first run. */
  readonly firstRun: number;
  /** How the runs were drawn: `"count"` (counts of participants alike) or `"participants"` (each participant). */
  readonly path: 'count' | 'participants';
  /** Why the participant path ran (the option, or what in the contract or assumptions needs it); empty on the count path. */
  readonly pathReason: string;
  /** Payer ids, contract order. */
  readonly payers: readonly string[];
  /** Tranche ids: the contract's tranches, then `exit:<clause>` for every exit clause. */
  readonly tranches: readonly string[];
  /** Per tranche slot: the day its money falls due, `YYYY-MM-DD` (a payment on exit: its clause's check date), as a settlement dates it. */
  readonly trancheDueOn: readonly string[];
  /** Exit clause ids, contract order. */
  readonly exitClauses: readonly string[];
  /** Every cap of the contract, contract order. */
  readonly caps: readonly { readonly id: string; readonly kind: string }[];
  /** Reinvestment ids, contract order. */
  readonly reinvestments: readonly string[];
  /** Ids of the outcomes participants achieve (every outcome but cohort indicators), contract order. */
  readonly outcomes: readonly string[];
  /** The investors of the waterfall, in the order they are repaid (those with terms and capital). */
  readonly investors: readonly InvestorTerms[];
  /** Per run: earned in total. */
  readonly total: Amount[];
  /** Per tranche slot, per run: earned. */
  readonly trancheEarned: Amount[][];
  /** Per tranche slot, per payer, per run: the payer's part. */
  readonly tranchePayers: Amount[][][];
  /** Per exit clause, per run: whether it fired. */
  readonly fired: boolean[][];
  /** Minimum performance level ids, contract order. */
  readonly levels: readonly string[];
  /** Per minimum performance level, per run: whether a review found it not met. */
  readonly missed: boolean[][];
  /** Per cap, per run: whether it cut something (it bound). */
  readonly capBound: boolean[][];
  /** Per reinvestment, per run: set aside over the contract. */
  readonly reinvested: Amount[][];
  /** Per outcome, per run: the participants who achieved it by the simulation's as-of date, every cohort. */
  readonly achieved: number[][];
}

/** A contract and assumptions prepared for runs. */
interface Prepared {
  readonly contract: Contract;
  readonly plan: SettlementPlan;
  readonly model: ParticipantModel;
  readonly indicators: AssumedIndicators;
  readonly trancheSlots: ReadonlyMap<string, number>;
  readonly tranches: readonly string[];
  /** Per tranche slot: the day it falls due. */
  readonly trancheDueOn: readonly number[];
  /** The contract indexes of the outcomes participants achieve (cohort indicators left out). */
  readonly participantOutcomes: readonly number[];
  /** The count path's model, when it runs (with the ledger its runs refill). */
  readonly counts: CountModel | undefined;
  /** Why the participant path runs (empty on the count path). */
  readonly pathReason: string;
}

/**
 * The day every tranche, exit check and the contract's period are over: the simulation's as-of date.
 *
 * @example
 * formatDate(horizon(contract)); // '2026-06-30'
 */
export function horizon(contract: Contract): CalendarDate {
  const dates = [contract.period.end, ...contract.tranches.flatMap((tranche) => [tranche.measuredOn]), ...(contract.exitClauses ?? []).map((clause) => clause.checkOn)];
  return parseDate(dates.reduce((latest, date) => (date > latest ? date : latest)));
}

/** The count path's model, or why the participant path runs. */
function choosePath(contract: Contract, assumptions: Assumptions, plan: SettlementPlan, model: ParticipantModel, path: 'auto' | 'participants'): CountModel | string {
  if (path === 'participants') return 'asked for (path: "participants")';
  return countPathBlocker(contract, assumptions, model) ?? countModel(contract, plan, model, emptyLedgerOf(plan, false));
}

function prepare(contract: Contract, assumptions: Assumptions, path: 'auto' | 'participants'): Prepared {
  const tranches = [...contract.tranches.map((tranche) => tranche.id), ...(contract.exitClauses ?? []).map((clause) => `exit:${clause.id}`)];
  const plan = buildPlan(contract, horizon(contract), false);
  const model = participantModel(contract, assumptions);
  const chosen = choosePath(contract, assumptions, plan, model, path);
  return {
    counts: typeof chosen === 'string' ? undefined : chosen,
    pathReason: typeof chosen === 'string' ? chosen : '',
    contract,
    plan,
    model,
    indicators: assumedIndicators(assumptions),
    trancheSlots: new Map(tranches.map((id, k) => [id, k])),
    tranches,
    trancheDueOn: [...contract.tranches.map((tranche) => tranche.dueOn), ...(contract.exitClauses ?? []).map((clause) => clause.checkOn)].map((date) => parseDate(date)),
    participantOutcomes: contract.outcomes.flatMap((outcome, k) => (outcome.kind === 'cohortIndicator' ? [] : [k])),
  };
}

/** The indicator values of assumptions, one per indicator and cohort (or `*`). */
export type AssumedIndicators = readonly { readonly id: string; readonly cohort: string; readonly value: IndicatorValue }[];

/**
 * The indicator values of the assumptions, listed one per indicator and cohort.
 *
 * @example
 * assumedIndicators(assumptions).map((entry) => entry.id);
 */
export function assumedIndicators(assumptions: Assumptions): AssumedIndicators {
  return Object.entries(assumptions.indicators ?? {}).flatMap(([id, byCohort]) => Object.entries(byCohort).map(([cohort, value]) => ({ id, cohort, value })));
}

/**
 * Indicator values: drawn, or (`expected`) a uniform one at its middle step (min + step × ⌊steps / 2⌋), nothing drawn.
 *
 * @example
 * drawIndicators(assumedIndicators(assumptions), stream);
 */
export function drawIndicators(indicators: AssumedIndicators, stream: Stream, expected = false): IndicatorValues {
  const values = new Map<string, Map<string, Amount>>();
  for (const { id, cohort, value } of indicators) {
    let byCohort = values.get(id);
    if (byCohort === undefined) values.set(id, (byCohort = new Map<string, Amount>()));
    if (typeof value === 'string') {
      byCohort.set(cohort, parseAmount(value));
      continue;
    }
    const min = parseAmount(value.uniform.min);
    const step = parseAmount(value.uniform.step);
    const steps = parseAmount(value.uniform.max).minus(min).dividedToIntegerBy(step).toNumber();
    byCohort.set(cohort, min.plus(step.times(expected ? Math.floor(steps / 2) : wholeBetween(stream, 0, steps))));
  }
  return values;
}

function emptySamples(prepared: Prepared, seed: number, firstRun: number): SimulationSamples {
  const { contract } = prepared;
  const payers = contract.parties.payers.map((payer) => payer.id);
  const caps = (contract.caps ?? []).map((cap) => ({ id: cap.id, kind: cap.kind }));
  const reinvestments = (contract.reinvestment ?? []).map((reinvestment) => reinvestment.id);
  const outcomes = prepared.participantOutcomes.map((k) => contract.outcomes[k]?.id ?? '');
  return {
    currency: contract.currency,
    seed,
    firstRun,
    path: prepared.counts === undefined ? 'participants' : 'count',
    pathReason: prepared.pathReason,
    payers,
    tranches: prepared.tranches,
    trancheDueOn: prepared.trancheDueOn.map((day) => formatDate(day as CalendarDate)),
    exitClauses: (contract.exitClauses ?? []).map((clause) => clause.id),
    caps,
    reinvestments,
    outcomes,
    investors: waterfallTerms(contract),
    total: [],
    trancheEarned: prepared.tranches.map(() => []),
    tranchePayers: prepared.tranches.map(() => payers.map(() => [])),
    fired: (contract.exitClauses ?? []).map(() => []),
    levels: (contract.minimumPerformance ?? []).map((level) => level.id),
    missed: (contract.minimumPerformance ?? []).map(() => []),
    capBound: caps.map(() => []),
    reinvested: reinvestments.map(() => []),
    achieved: outcomes.map(() => []),
  };
}

/**
 * One run: participants drawn, accumulated into a fresh ledger, the contract evaluated on it; or
 * (`expected`, count path only) every count at its expected value, nothing drawn.
 */
function oneRun(prepared: Prepared, stream: Stream, samples: SimulationSamples, expected = false): void {
  const { plan, model } = prepared;
  const probabilities = expected ? meanProbabilities(model) : runProbabilities(model, stream);
  const indicators = drawIndicators(prepared.indicators, stream, expected);
  const ledger = prepared.counts === undefined ? emptyLedgerOf(plan, false) : prepared.counts.ledger;
  if (prepared.counts !== undefined) {
    clearLedger(ledger);
    drawCounts(prepared.counts, probabilities, stream, expected ? expectedCounts : undefined);
  } else {
    for (const cohort of model.cohorts) {
      for (let i = 0; i < cohort.size; i++) accumulate(plan, ledger, drawParticipant(model, probabilities, cohort, stream));
    }
  }
  const evaluation = evaluateTallies(plan, ledger, indicators);
  samples.total.push(evaluation.earned);
  const seen = new Array<boolean>(prepared.tranches.length).fill(false);
  for (const tranche of evaluation.tranches) {
    const slot = prepared.trancheSlots.get(tranche.id) ?? -1;
    if (slot < 0) continue;
    // the cash flow dates a slot's money by this day: it must be the settlement's own
    if (tranche.dueOn !== prepared.trancheDueOn[slot]) throw new Error(`outcome-pay internal error: tranche ${tranche.id} falls due on another day than its slot`);
    seen[slot] = true;
    samples.trancheEarned[slot]?.push(tranche.earned);
    tranche.payerParts.forEach((part, payer) => samples.tranchePayers[slot]?.[payer]?.push(part));
  }
  seen.forEach((was, slot) => {
    if (was) return;
    samples.trancheEarned[slot]?.push(ZERO);
    for (const parts of samples.tranchePayers[slot] ?? []) parts.push(ZERO);
  });
  samples.exitClauses.forEach((clause, k) => samples.fired[k]?.push(evaluation.fired.includes(clause)));
  samples.levels.forEach((level, k) => samples.missed[k]?.push(evaluation.levelsMissed.includes(level)));
  samples.caps.forEach((cap, k) => samples.capBound[k]?.push(evaluation.capsCut.includes(cap.id)));
  evaluation.reinvested.forEach((amount, k) => samples.reinvested[k]?.push(amount));
  prepared.participantOutcomes.forEach((outcome, k) => samples.achieved[k]?.push(achievers(ledger, outcome, plan.asOf)));
}

/** The participants of every cohort who achieved outcome `k` on or before `asOf`. */
function achievers(ledger: Ledger, k: number, asOf: number): number {
  let count = 0;
  for (const cohort of ledger.cohorts) count += cohort.tally.outcomes[k]?.achieved.upTo(asOf) ?? 0;
  return count;
}

/**
 * The options of a simulation read once, or the issue that refuses them (`SIMULATION_OPTIONS`).
 *
 * @example
 * readRunOptions({ runs: 100, seed: 1 }); // { runs: 100, seed: 1, firstRun: 0, onProgress: undefined, path: 'auto' }
 */
export function readRunOptions(options: unknown): { runs: number; seed: number; firstRun: number; onProgress: ((done: number, runs: number) => void) | undefined; path: 'auto' | 'participants' } | Issue {
  const refuse = (message: string): Issue => ({ code: 'SIMULATION_OPTIONS', path: ['options'], message: `options: ${message}` });
  if (!isObjectValue(options) || Array.isArray(options)) return refuse('expected an object { runs, seed }');
  let fields: { runs: unknown; seed: unknown; firstRun: unknown; onProgress: unknown; path: unknown };
  try {
    fields = { runs: options['runs'], seed: options['seed'], firstRun: options['firstRun'] ?? 0, onProgress: options['onProgress'], path: options['path'] ?? 'auto' };
  } catch (error) {
    return refuse(`could not be read (${thrownReason(error)})`);
  }
  const { runs, seed, firstRun, onProgress, path } = fields;
  if (typeof runs !== 'number' || !Number.isSafeInteger(runs) || runs < 1 || runs > MAX_RUNS) return refuse('runs must be a whole number from 1 to 10,000,000');
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0 || seed > 0xffff_ffff) return refuse('seed must be a whole number from 0 to 4294967295');
  if (typeof firstRun !== 'number' || !Number.isSafeInteger(firstRun) || firstRun < 0 || firstRun > MAX_RUNS) return refuse('firstRun must be a whole number from 0 to 10,000,000');
  if (onProgress !== undefined && typeof onProgress !== 'function') return refuse('onProgress must be a function');
  if (path !== 'auto' && path !== 'participants') return refuse('path must be "auto" or "participants"');
  return { runs, seed, firstRun, onProgress: onProgress as ((done: number, runs: number) => void) | undefined, path };
}

const MAX_RUNS = 10_000_000;

/**
 * Simulates a contract under assumptions: `runs` runs, each drawing every participant of every
 * cohort and settling them through the real rules. Returns the exact amounts of every run (read
 * them with {@link summarize}), or the problems of the options (`SIMULATION_OPTIONS`), of the
 * contract or of the assumptions (their paths start with "assumptions").
 *
 * @example
 * const samples = simulate(contractJson, assumptionsJson, { runs: 1000, seed: 42 });
 * if (samples.ok) console.log(summarize(samples.value).total.mean);
 */
export function simulate(contractInput: unknown, assumptionsInput: unknown, options: SimulateOptions): Result<SimulationSamples> {
  const read = readRunOptions(options);
  if ('code' in read) return fail([read]);
  const contract = parseContract(contractInput);
  if (!contract.ok) return fail(contract.issues);
  const assumptions = checkAssumptions(assumptionsInput, contract.value);
  if (!assumptions.ok) return fail(assumptions.issues.map((problem): Issue => ({ ...problem, path: ['assumptions', ...problem.path] })));
  const prepared = prepare(contract.value, assumptions.value, read.path);
  const samples = emptySamples(prepared, read.seed, read.firstRun);
  const streams = runStreams(read.seed, read.firstRun);
  for (let run = 0; run < read.runs; run++) {
    oneRun(prepared, streams.next(), samples);
    read.onProgress?.(run + 1, read.runs);
  }
  return ok(samples);
}

/**
 * The expected schedule, without randomness: the contract evaluated once, through the real rules,
 * with every count at its expected value (cohort size × share × probability, each rounded to a
 * whole participant, probabilities at their means, a uniform indicator at its middle step), so the
 * same output whatever the seed. Its samples hold one run (read them with {@link summarize}: its
 * cash flow is the schedule by month, quarter and payer). It needs the count path: a contract that
 * needs each participant on their own is refused (`SIMULATION_OPTIONS`, saying why). It is the
 * schedule at the expected counts, a spreadsheet's figure: where caps or thresholds bend the
 * payments it is not the expected payment (the mean of {@link simulate}'s runs is).
 *
 * @example
 * const schedule = expectedSchedule(contractJson, assumptionsJson);
 * if (schedule.ok) console.log(summarize(schedule.value).total.mean); // the same for every seed
 */
export function expectedSchedule(contractInput: unknown, assumptionsInput: unknown): Result<SimulationSamples> {
  const contract = parseContract(contractInput);
  if (!contract.ok) return fail(contract.issues);
  const assumptions = checkAssumptions(assumptionsInput, contract.value);
  if (!assumptions.ok) return fail(assumptions.issues.map((problem): Issue => ({ ...problem, path: ['assumptions', ...problem.path] })));
  const prepared = prepare(contract.value, assumptions.value, 'auto');
  if (prepared.counts === undefined) {
    return fail([{ code: 'SIMULATION_OPTIONS', path: ['options'], message: `options: the expected schedule needs the count path, and this contract needs each participant on their own (${prepared.pathReason})` }]);
  }
  const samples = emptySamples(prepared, 0, 0);
  // the stream is never read: expected counts, mean probabilities, middle indicator steps
  oneRun(prepared, runStreams(0, 0).next(), samples, true);
  return ok(samples);
}

/**
 * Merges the samples of consecutive chunks of one simulation (same contract, assumptions and
 * seed; each chunk starting where the one before ended) into the samples of the whole: equal to
 * simulating every run at once.
 *
 * @example
 * const a = simulate(contract, assumptions, { runs: 500, seed: 7 });
 * const b = simulate(contract, assumptions, { runs: 500, seed: 7, firstRun: 500 });
 * if (a.ok && b.ok) mergeSamples([a.value, b.value]); // the samples of { runs: 1000, seed: 7 }
 */
export function mergeSamples(chunks: readonly SimulationSamples[]): SimulationSamples {
  const first = consecutiveChunks(
    'mergeSamples',
    chunks,
    (a, b) => a.seed === b.seed && a.path === b.path && a.tranches.join('\n') === b.tranches.join('\n'),
    'consecutive chunks of one simulation (same seed, path and tranches, each starting where the one before ended)',
  );
  return {
    ...first,
    total: chunks.flatMap((chunk) => chunk.total),
    trancheEarned: first.trancheEarned.map((_, slot) => chunks.flatMap((chunk) => chunk.trancheEarned[slot] ?? [])),
    tranchePayers: first.tranchePayers.map((payers, slot) => payers.map((_, payer) => chunks.flatMap((chunk) => chunk.tranchePayers[slot]?.[payer] ?? []))),
    fired: first.fired.map((_, k) => chunks.flatMap((chunk) => chunk.fired[k] ?? [])),
    missed: first.missed.map((_, k) => chunks.flatMap((chunk) => chunk.missed[k] ?? [])),
    capBound: first.capBound.map((_, k) => chunks.flatMap((chunk) => chunk.capBound[k] ?? [])),
    reinvested: first.reinvested.map((_, k) => chunks.flatMap((chunk) => chunk.reinvested[k] ?? [])),
    achieved: first.achieved.map((_, k) => chunks.flatMap((chunk) => chunk.achieved[k] ?? [])),
  };
}
