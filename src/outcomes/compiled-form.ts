/**
 * The compiled form of a contract's outcome definitions: parsed once per contract (decimals to
 * exact amounts or numbers, placement references to indexes), then used for every participant.
 *
 * @module
 */
import type { CalendarDate, Duration } from '../calendar/index.js';
import type { Amount, RoundingMode } from '../money/index.js';

/**
 * A window `[anchor, anchor + days]`, both ends inclusive.
 *
 * @example
 * const w: CompiledWindow = { from: 'exit', days: 90 };
 */
export interface CompiledWindow {
  readonly from: 'enrolment' | 'exit';
  readonly days: number;
}

/**
 * The jobs an outcome counts (a contract's `jobs` restriction): a spell counts when its sector is in
 * `sectors` and its employer in `employers`, each list `undefined` when the contract gives none.
 *
 * @example
 * const jobs: CompiledJobs = { sectors: new Set(['62.01Z']), employers: undefined };
 */
export interface CompiledJobs {
  readonly sectors: ReadonlySet<string> | undefined;
  readonly employers: ReadonlySet<string> | undefined;
}

/**
 * A compiled placement outcome.
 *
 * @example
 * const p: CompiledPlacement = { kind: 'placement', id: 'job', window: { from: 'exit', days: 90 }, contractTypes: 'any' };
 */
export interface CompiledPlacement {
  readonly kind: 'placement';
  readonly id: string;
  readonly window: CompiledWindow;
  /** `'any'`, or the allowed contract types. */
  readonly contractTypes: 'any' | ReadonlySet<string>;
  /** Minimum weekly hours; absent = no minimum. */
  readonly minWeeklyHours?: number | undefined;
  /** Minimum spell length in days; absent = no minimum. */
  readonly minSpellDays?: number | undefined;
  /** The jobs that count; absent = every job. */
  readonly jobs?: CompiledJobs | undefined;
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * How retention is measured (as in the contract).
 *
 * @example
 * const m: CompiledRetentionMeasure = { kind: 'continuous', allowedGapDays: 14 };
 */
export type CompiledRetentionMeasure =
  | { readonly kind: 'continuous'; readonly allowedGapDays: number }
  | { readonly kind: 'cumulative'; readonly minDays: number }
  | { readonly kind: 'anniversary' };

/**
 * A compiled retention outcome; `placement` is the index of its placement outcome.
 *
 * @example
 * const r: CompiledRetention = {
 *   kind: 'retention', id: 'ret-6m', placement: 0, duration: { unit: 'months', count: 6 },
 *   measure: { kind: 'anniversary' }, endBoundary: 'inclusive',
 * };
 */
export interface CompiledRetention {
  readonly kind: 'retention';
  readonly id: string;
  readonly placement: number;
  /** The period's length from the placement date, in the unit the contract states it in. */
  readonly duration: Duration;
  readonly measure: CompiledRetentionMeasure;
  readonly endBoundary: 'inclusive' | 'exclusive';
  /** The jobs in work counts in; absent = every job. */
  readonly jobs?: CompiledJobs | undefined;
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * A compiled wage threshold (exact decimals).
 *
 * @example
 * const t: CompiledWageThreshold = { kind: 'percent', percent: parseAmount('10') };
 */
export type CompiledWageThreshold =
  | { readonly kind: 'percent'; readonly percent: Amount }
  | { readonly kind: 'amount'; readonly amount: Amount };

/**
 * A compiled wage progression outcome; `placement` is the index of its placement outcome.
 *
 * @example
 * const w: CompiledWageProgression = {
 *   kind: 'wageProgression', id: 'wage', placement: 0, duration: { unit: 'months', count: 12 }, baseline: 'placement',
 *   threshold: { kind: 'percent', percent: parseAmount('10') },
 * };
 */
export interface CompiledWageProgression {
  readonly kind: 'wageProgression';
  readonly id: string;
  readonly placement: number;
  /** The measurement date's distance from the placement date, in the unit the contract states it in. */
  readonly duration: Duration;
  readonly baseline: 'preProgramme' | 'placement';
  readonly threshold: CompiledWageThreshold;
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * A compiled milestone outcome.
 *
 * @example
 * const m: CompiledMilestone = { kind: 'milestone', id: 'trained', event: 'training-completed' };
 */
export interface CompiledMilestone {
  readonly kind: 'milestone';
  readonly id: string;
  readonly event: string;
  /** Absent = any date, and the milestone never fails. */
  readonly within?: CompiledWindow | undefined;
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * A compiled earnings threshold: an amount, or `hours` × `weeks` × the rate in force (rates by
 * effective day, increasing) rounded to a multiple of `increment` with `rounding`.
 *
 * @example
 * const t: CompiledEarningsThreshold = { kind: 'amount', amount: parseAmount('2000') };
 */
export type CompiledEarningsThreshold =
  | { readonly kind: 'amount'; readonly amount: Amount }
  | {
      readonly kind: 'minimumWage';
      readonly hours: Amount;
      readonly weeks: number;
      readonly rates: readonly { readonly from: CalendarDate; readonly hourly: Amount }[];
      readonly rateOn: 'windowStart' | 'windowEnd';
      readonly rounding: RoundingMode;
      readonly increment: Amount;
    };

/**
 * A compiled earnings threshold outcome.
 *
 * @example
 * const e: CompiledEarningsOutcome = {
 *   kind: 'earningsThreshold', id: 'step-1', window: { from: 'enrolment', days: 730 },
 *   threshold: { kind: 'amount', amount: parseAmount('2000') }, periodAcrossStart: 'proRata',
 * };
 */
export interface CompiledEarningsOutcome {
  readonly kind: 'earningsThreshold';
  readonly id: string;
  readonly window: CompiledWindow;
  readonly threshold: CompiledEarningsThreshold;
  readonly periodAcrossStart: 'full' | 'proRata' | 'exclude';
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * A compiled quarter-after-exit outcome: employed (earnings above zero, at least `minimumEarnings`)
 * in the `quarter`-th calendar quarter after the exit quarter, decided when its data is due.
 *
 * @example
 * const q: CompiledQuarterAfterExit = {
 *   kind: 'quarterAfterExit', id: 'employed-q2', quarter: 2, minimumEarnings: undefined, dataLag: { unit: 'months', count: 4 },
 * };
 */
export interface CompiledQuarterAfterExit {
  readonly kind: 'quarterAfterExit';
  readonly id: string;
  readonly quarter: number;
  /** The earnings the quarter must reach; `undefined`: any earnings above zero. */
  readonly minimumEarnings: Amount | undefined;
  readonly dataLag: { readonly unit: 'months' | 'days'; readonly count: number };
  /** The groups whose participants can achieve it; absent = every participant. */
  readonly groups?: ReadonlySet<string> | undefined;
}

/**
 * A compiled cohort indicator (resolved as not applicable per participant).
 *
 * @example
 * const c: CompiledCohortIndicator = { kind: 'cohortIndicator', id: 'satisfaction' };
 */
export interface CompiledCohortIndicator {
  readonly kind: 'cohortIndicator';
  readonly id: string;
}

/**
 * Any compiled outcome, discriminated by `kind`.
 *
 * @example
 * const o: CompiledOutcome = { kind: 'cohortIndicator', id: 'satisfaction' };
 */
export type CompiledOutcome =
  | CompiledPlacement
  | CompiledRetention
  | CompiledWageProgression
  | CompiledMilestone
  | CompiledCohortIndicator
  | CompiledEarningsOutcome
  | CompiledQuarterAfterExit;

/**
 * A contract's outcomes, compiled: `outcomes` in contract order (resolutions are aligned with it),
 * `order` the evaluation order (every placement before the outcomes that depend on it), `indexById`
 * the position of each outcome id.
 *
 * @example
 * const compiled: CompiledOutcomes = compileOutcomes(contract.outcomes);
 * compiled.indexById.get('placement'); // 0
 */
export interface CompiledOutcomes {
  readonly outcomes: readonly CompiledOutcome[];
  readonly order: readonly number[];
  readonly indexById: ReadonlyMap<string, number>;
}
