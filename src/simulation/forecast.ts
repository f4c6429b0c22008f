/**
 * `forecast`: what is still to be paid under a contract, from the records known at an as-of date
 * D and assumptions for what is pending (docs/simulation.md, "Forecast from actual records"). Each
 * run completes the known participants by draws conditional on what D shows, draws the
 * participants still to enrol, settles everything with the real engine (`accumulate`,
 * `evaluateTallies`) at the contract's end, and subtracts what a settlement at D already settles,
 * per tranche and payer, exactly.
 *
 * @module
 */
import { checkDate, formatDate, type CalendarDate } from '../calendar/index.js';
import { parseContract, type Contract } from '../contract/index.js';
import type { Issue } from '../errors.js';
import { isObjectValue, thrownReason } from '../guard.js';
import { ZERO, type Amount } from '../money/index.js';
import { recordContext, accumulate, buildPlan, emptyLedgerOf, evaluateTallies, type IndicatorValues, type SettlementPlan } from '../settlement/index.js';
import { validateRawRecords, type OutcomeRecord } from '../records/index.js';
import { fail, ok, type Result } from '../result.js';
import { checkAssumptions } from './assumptions.js';
import { completeKnown, knownAt, type KnownParticipant } from './forecast-records.js';
import { drawParticipant, participantModel, runProbabilities, type CohortPlan, type ParticipantModel } from './participants.js';
import { runStreams } from './random.js';
import { assumedIndicators, drawIndicators, horizon, readRunOptions, type AssumedIndicators } from './simulate.js';

/** Options of {@link forecast}. */
export interface ForecastOptions {
  /** The as-of date D, `YYYY-MM-DD`: the records' facts dated on or before it are known, the rest is drawn. */
  readonly asOf: string;
  /** Number of runs (1 to 10,000,000). */
  readonly runs: number;
  /** Seed of the random streams: a whole number from 0 to 2^32 − 1. */
  readonly seed: number;
  /** First run to compute (default 0), as in `simulate`. */
  readonly firstRun?: number;
  /** Called after each run with the runs done and the runs asked for. */
  readonly onProgress?: (done: number, runs: number) => void;
}

/** What was read of the records: how many, how many were excluded and why, how many are known at D. */
export interface ForecastRecords {
  /** Records read (valid or not). */
  readonly recordsRead: number;
  /** Records excluded as invalid (their problems are in `issues`). */
  readonly recordsExcluded: number;
  /** Valid records of participants enrolled on or before D: the known participants. */
  readonly recordsKnown: number;
  /** Valid records of participants enrolled after D: not known at D, left out (their cohorts' places drawn instead). */
  readonly recordsAfterAsOf: number;
  /** The problems of the excluded records, as a settlement reports them. */
  readonly issues: readonly Issue[];
}

/**
 * The exact amounts of a forecast's runs: per run, what is still to pay after D per tranche slot
 * and payer, and (the same in every run) what a settlement at D already settles. Read them with
 * {@link summarizeForecast}.
 */
export interface ForecastSamples {
  /** Currency of the amounts. */
  readonly currency: string;
  /** Seed of the runs. */
  readonly seed: number;
  /** Index of the first run. */
  readonly firstRun: number;
  /** The as-of date D, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The date of the final settlement of every run, `YYYY-MM-DD`: the latest of the contract's end, its measurement and check dates, and D. */
  readonly settledOn: string;
  /** Payer ids, contract order. */
  readonly payers: readonly string[];
  /** Tranche ids: the contract's tranches, then `exit:<clause>` for every exit clause. */
  readonly tranches: readonly string[];
  /** Per tranche slot: the day its money falls due, `YYYY-MM-DD`. */
  readonly trancheDueOn: readonly string[];
  /** Per tranche slot: what the settlement at D settles (the same in every run). */
  readonly dueEarned: readonly Amount[];
  /** Per tranche slot, per payer: the payer's part of it. */
  readonly duePayers: readonly (readonly Amount[])[];
  /** Per run: still to pay in total. */
  readonly total: Amount[];
  /** Per tranche slot, per run: still to pay. */
  readonly trancheEarned: Amount[][];
  /** Per tranche slot, per payer, per run: the payer's part of it. */
  readonly tranchePayers: Amount[][][];
  /** The participants of every run: known at D, and drawn to enrol after D. */
  readonly participants: { readonly known: number; readonly enrolling: number };
  /** The records read. */
  readonly records: ForecastRecords;
}

/** A contract, assumptions and known records prepared for runs. */
interface Prepared {
  readonly contract: Contract;
  readonly asOf: CalendarDate;
  readonly plan: SettlementPlan;
  readonly model: ParticipantModel;
  readonly known: readonly KnownParticipant[];
  /** The participants still to enrol after D, per cohort. */
  readonly enrolling: readonly CohortPlan[];
  readonly indicators: AssumedIndicators;
  readonly slots: ReadonlyMap<string, number>;
  readonly tranches: readonly string[];
  readonly trancheDueOn: readonly string[];
}

const issueOf = (code: 'FORECAST_AS_OF' | 'FORECAST_GROUP_UNASSUMED', path: Issue['path'], message: string): Issue => ({ code, path, message });

/** D, read from the options as an own property. */
function readAsOf(options: unknown): CalendarDate | Issue {
  let value: unknown;
  try {
    value = isObjectValue(options) && Object.hasOwn(options, 'asOf') ? options['asOf'] : undefined;
  } catch (error) {
    return issueOf('FORECAST_AS_OF', ['options', 'asOf'], `options.asOf: could not be read (${thrownReason(error)})`);
  }
  const date = checkDate(value, ['options', 'asOf']);
  if (date.ok) return date.value;
  return issueOf('FORECAST_AS_OF', ['options', 'asOf'], `options.asOf: the as-of date must be a calendar date YYYY-MM-DD (${date.issues.map((problem) => problem.message).join('; ')})`);
}

/**
 * The part of the mix a participant's groups fall in: the one with exactly their groups, else the
 * one with the most of their groups and none other (the first in mix order on a tie); `undefined`
 * when none has only groups of theirs.
 */
function profileFor(model: ParticipantModel, groups: readonly string[]): number | undefined {
  const own = new Set(groups);
  let best: number | undefined;
  let bestSize = -1;
  model.profiles.forEach((profile, k) => {
    const inside = new Set(profile.groups);
    if (![...inside].every((group) => own.has(group))) return;
    const exact = inside.size === own.size;
    const size = exact ? Infinity : inside.size;
    if (size > bestSize) {
      best = k;
      bestSize = size;
    }
  });
  return best;
}

/**
 * The part of the mix each known participant belongs to ({@link profileFor}); the problems of the
 * participants with a group no part of the mix names, or whose groups no part fits, one per
 * combination of groups.
 */
function profilesOf(model: ParticipantModel, records: readonly { readonly record: OutcomeRecord; readonly index: number }[]): { known: KnownParticipant[] } | { problems: Issue[] } {
  const named = new Set(model.profiles.flatMap((profile) => profile.groups));
  const known: KnownParticipant[] = [];
  const missing = new Map<string, { first: { readonly record: OutcomeRecord; readonly index: number }; count: number }>();
  for (const entry of records) {
    const profile = entry.record.groups.every((group) => named.has(group)) ? profileFor(model, entry.record.groups) : undefined;
    if (profile !== undefined) {
      known.push({ record: entry.record, profile });
      continue;
    }
    const key = [...new Set(entry.record.groups)].sort().join('\u0000');
    const seen = missing.get(key);
    if (seen === undefined) missing.set(key, { first: entry, count: 1 });
    else seen.count++;
  }
  if (missing.size === 0) return { known };
  return {
    problems: [...missing.values()].map(({ first, count }) => {
      const groups = first.record.groups;
      const unnamed = groups.filter((group) => !named.has(group));
      const others = count === 1 ? '' : ` (and ${count - 1} other record${count === 2 ? '' : 's'} alike)`;
      const why =
        unnamed.length > 0
          ? `belongs to the group${unnamed.length === 1 ? '' : 's'} ${unnamed.join(', ')}, which no part of the assumptions' mix names`
          : `belongs to ${groups.length === 0 ? 'no group' : `the groups ${[...groups].sort().join(' + ')}`}, and every part of the assumptions' mix names a group it does not have`;
      return issueOf('FORECAST_GROUP_UNASSUMED', ['records', first.index, 'groups'], `records[${first.index}] (participant ${first.record.id})${others} ${why}: add a part to "mix" for it (with its share and any outcomes that differ)`);
    }),
  };
}

/** The participants still to enrol after D: per cohort whose enrolment runs past D, its size less those known, enrolling from the day after D. */
function enrollingAfter(model: ParticipantModel, known: readonly KnownParticipant[], asOf: CalendarDate): CohortPlan[] {
  return model.cohorts.flatMap((cohort) => {
    if (cohort.to <= asOf) return [];
    const enrolled = known.filter((participant) => participant.record.cohort === cohort.id).length;
    const size = Math.max(cohort.size - enrolled, 0);
    const from = (Math.max(cohort.from, asOf + 1) as CalendarDate);
    return size === 0 ? [] : [{ id: cohort.id, size, from, to: cohort.to }];
  });
}

/** Per tranche slot, what an evaluation earns, and each payer's part (0 for a slot it does not list). */
function slotAmounts(prepared: Prepared, plan: SettlementPlan, records: Iterable<OutcomeRecord>, indicators: IndicatorValues): { earned: Amount[]; payers: Amount[][] } {
  const ledger = emptyLedgerOf(plan, false);
  for (const record of records) accumulate(plan, ledger, record);
  const payers = prepared.contract.parties.payers.length;
  const earned = prepared.tranches.map(() => ZERO);
  const parts = prepared.tranches.map(() => new Array<Amount>(payers).fill(ZERO));
  for (const tranche of evaluateTallies(plan, ledger, indicators).tranches) {
    const slot = prepared.slots.get(tranche.id);
    if (slot === undefined) continue;
    earned[slot] = tranche.earned;
    parts[slot] = tranche.payerParts.slice();
  }
  return { earned, payers: parts };
}

/** The records of one run: every known participant completed, then the participants still to enrol. */
function* runRecords(prepared: Prepared, probabilities: ReturnType<typeof runProbabilities>, stream: ReturnType<ReturnType<typeof runStreams>['next']>): Generator<OutcomeRecord> {
  for (const participant of prepared.known) yield completeKnown(prepared.model, probabilities, participant, prepared.asOf, stream);
  for (const cohort of prepared.enrolling) {
    for (let i = 0; i < cohort.size; i++) yield drawParticipant(prepared.model, probabilities, cohort, stream);
  }
}

/**
 * Forecasts what is still to be paid under a contract from the records known at `options.asOf`
 * (D) and assumptions for what is pending: each of `runs` runs keeps every fact dated on or before
 * D, draws what follows conditionally on it (docs/simulation.md, "Forecast from actual records"),
 * draws the participants still to enrol, settles the whole with the real rules at the contract's
 * end, and subtracts what a settlement at D already settles, per tranche and payer. Invalid records
 * are excluded and reported (`records.issues`), as a settlement does. Returns the exact amounts of
 * every run (read them with {@link summarizeForecast}), or the problems: of the options
 * (`SIMULATION_OPTIONS`, `FORECAST_AS_OF`), the contract, the assumptions (paths starting with
 * "assumptions"), the records argument, or a record in a combination of groups the assumptions'
 * mix does not have (`FORECAST_GROUP_UNASSUMED`).
 *
 * @example
 * const samples = forecast(contractJson, recordsJson, assumptionsJson, { asOf: '2024-12-31', runs: 1000, seed: 1 });
 * if (samples.ok) console.log(summarizeForecast(samples.value).stillToPay.total.mean);
 */
export function forecast(contractInput: unknown, recordsInput: unknown, assumptionsInput: unknown, options: ForecastOptions): Result<ForecastSamples> {
  const read = readRunOptions(options);
  if ('code' in read) return fail([read]);
  const asOf = readAsOf(options);
  if (typeof asOf !== 'number') return fail([asOf]);
  const contract = parseContract(contractInput);
  if (!contract.ok) return fail(contract.issues);
  const assumptions = checkAssumptions(assumptionsInput, contract.value);
  if (!assumptions.ok) return fail(assumptions.issues.map((problem): Issue => ({ ...problem, path: ['assumptions', ...problem.path] })));
  const validated = validateRawRecords(recordsInput as never, recordContext(contract.value), { mode: 'lenient' });
  if (!validated.ok) return fail(validated.issues);
  const model = participantModel(contract.value, assumptions.value);
  const excludedIndexes = new Set(validated.value.excluded.map((entry) => entry.recordIndex));
  // the valid records, with their index in the input (an excluded record has one unless a reader could not read it)
  const indexes: number[] = [];
  for (let index = 0; indexes.length < validated.value.records.length; index++) if (!excludedIndexes.has(index)) indexes.push(index);
  const visible = validated.value.records.flatMap((record, k) => {
    const known = knownAt(record, asOf);
    return known === undefined ? [] : [{ record: known, index: indexes[k] ?? k }];
  });
  const known = profilesOf(model, visible);
  if ('problems' in known) return fail(known.problems);
  const participants = known.known;
  const tranches = [...contract.value.tranches.map((tranche) => tranche.id), ...(contract.value.exitClauses ?? []).map((clause) => `exit:${clause.id}`)];
  const end = horizon(contract.value);
  const prepared: Prepared = {
    contract: contract.value,
    asOf,
    plan: buildPlan(contract.value, end > asOf ? end : asOf, false),
    model,
    known: participants,
    enrolling: enrollingAfter(model, participants, asOf),
    indicators: assumedIndicators(assumptions.value),
    slots: new Map(tranches.map((id, k) => [id, k])),
    tranches,
    trancheDueOn: [...contract.value.tranches.map((tranche) => tranche.dueOn), ...(contract.value.exitClauses ?? []).map((clause) => clause.checkOn)],
  };
  const streams = runStreams(read.seed, read.firstRun);
  // at D: the records as known, indicator values as the assumptions fix them (a uniform one at its middle step)
  const due = slotAmounts(prepared, buildPlan(contract.value, asOf, false), participants.map((participant) => participant.record), drawIndicators(prepared.indicators, runStreams(0, 0).next(), true));
  const samples = emptySamples(prepared, read.seed, read.firstRun, due, {
    recordsRead: validated.value.records.length + validated.value.excluded.length,
    recordsExcluded: validated.value.excluded.length,
    recordsKnown: participants.length,
    recordsAfterAsOf: validated.value.records.length - participants.length,
    issues: validated.issues,
  });
  for (let run = 0; run < read.runs; run++) {
    const stream = streams.next();
    const probabilities = runProbabilities(model, stream);
    const indicators = drawIndicators(prepared.indicators, stream);
    const final = slotAmounts(prepared, prepared.plan, runRecords(prepared, probabilities, stream), indicators);
    let total = ZERO;
    final.earned.forEach((amount, slot) => {
      const still = amount.minus(due.earned[slot] ?? ZERO);
      total = total.plus(still);
      samples.trancheEarned[slot]?.push(still);
      final.payers[slot]?.forEach((part, payer) => samples.tranchePayers[slot]?.[payer]?.push(part.minus(due.payers[slot]?.[payer] ?? ZERO)));
    });
    samples.total.push(total);
    read.onProgress?.(run + 1, read.runs);
  }
  return ok(samples);
}

function emptySamples(prepared: Prepared, seed: number, firstRun: number, due: { earned: Amount[]; payers: Amount[][] }, records: ForecastRecords): ForecastSamples {
  const payers = prepared.contract.parties.payers.map((payer) => payer.id);
  return {
    currency: prepared.contract.currency,
    seed,
    firstRun,
    asOf: formatDate(prepared.asOf),
    settledOn: formatDate(prepared.plan.asOf),
    payers,
    tranches: prepared.tranches,
    trancheDueOn: prepared.trancheDueOn,
    dueEarned: due.earned,
    duePayers: due.payers,
    total: [],
    trancheEarned: prepared.tranches.map(() => []),
    tranchePayers: prepared.tranches.map(() => payers.map(() => [])),
    participants: { known: prepared.known.length, enrolling: prepared.enrolling.reduce((sum, cohort) => sum + cohort.size, 0) },
    records,
  };
}
