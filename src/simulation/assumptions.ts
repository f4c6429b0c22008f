/**
 * The assumptions of a simulation: a validated document (a zod schema, published as JSON Schema by
 * `outcome-pay schema assumptions`) saying how many participants each cohort enrols and when, the
 * mix of groups, per group the probability of each per-participant outcome and its timing, and
 * the cohort indicators as distributions. docs/simulation.md explains each field.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import * as z from 'zod/mini';
import type { SimulationCode } from '../codes/index.js';
import { parseContract, type Contract } from '../contract/index.js';
import { CountSchema, DaysSchema, DecimalStringSchema, IdSchema, TextSchema } from '../contract/primitives.js';
import { formatPath, type Issue, type PathSegment } from '../errors.js';
import { parseAmount } from '../money/index.js';
import { inEnglish } from '../contract/zod-messages.js';
import { DateSchema } from '../records/schema.js';
import { fail, ok, type Result } from '../result.js';

/**
 * A number of days: fixed (a whole number) or drawn uniformly from `[min, max]`, both inclusive.
 *
 * @example
 * DaysDistributionSchema.parse(30);
 * DaysDistributionSchema.parse({ uniform: { min: 0, max: 120 } });
 */
export const DaysDistributionSchema = z
  .union([
    DaysSchema.check(z.describe('A fixed number of days.')),
    z
      .strictObject({ uniform: z.strictObject({ min: DaysSchema, max: DaysSchema }) })
      .check(z.describe('A whole number of days drawn uniformly from [min, max], both inclusive.')),
  ])
  .check(z.describe('A number of days: fixed, or { "uniform": { "min", "max" } }.'));

/**
 * A probability: fixed, or uncertain and drawn once per run from a beta distribution (mean
 * alpha / (alpha + beta)), so every participant of a run shares it.
 *
 * @example
 * ProbabilitySchema.parse(0.6);
 * ProbabilitySchema.parse({ beta: { alpha: 60, beta: 40 } }); // mean 0.6, drawn once per run
 */
export const ProbabilitySchema = z
  .union([
    z.number().check(z.minimum(0), z.maximum(1), z.describe('A fixed probability, 0 to 1.')),
    z
      .strictObject({ beta: z.strictObject({ alpha: z.number().check(z.positive(), z.maximum(1e6)), beta: z.number().check(z.positive(), z.maximum(1e6)) }) })
      .check(z.describe('A probability drawn once per run from Beta(alpha, beta): mean alpha / (alpha + beta).')),
  ])
  .check(z.describe('A probability: a number from 0 to 1, or { "beta": { "alpha", "beta" } } drawn once per run.'));

/**
 * What is assumed of one per-participant outcome. `probability` is conditional: a retention or
 * wage progression on its placement being achieved, a retention also on the shorter retentions of
 * the same placement. `days` times a placement (from the start of its window) or a milestone (from
 * the start of its `within` window, else from enrolment); default: uniform over the window.
 *
 * @example
 * OutcomeAssumptionSchema.parse({ probability: 0.55, days: { uniform: { min: 10, max: 150 } } });
 */
export const OutcomeAssumptionSchema = z
  .strictObject({
    probability: ProbabilitySchema,
    days: z
      .optional(DaysDistributionSchema)
      .check(
        z.describe(
          'Placement: days from the start of its window to the job start; milestone: days from the start of its window (else enrolment) to the event. Default: uniform over the window. Not for retention or wage progression.',
        ),
      ),
  })
  .check(z.describe('The probability of an outcome (conditional on its placement for retention and wage progression) and its timing.'));

/**
 * An indicator value: fixed (a decimal string) or drawn once per run uniformly from the steps of
 * `[min, max]` (min, min + step, ..., up to max), exactly.
 *
 * @example
 * IndicatorValueSchema.parse('0.42');
 * IndicatorValueSchema.parse({ uniform: { min: '0.30', max: '0.50', step: '0.01' } });
 */
export const IndicatorValueSchema = z
  .union([
    DecimalStringSchema.check(z.describe('A fixed value.')),
    z
      .strictObject({ uniform: z.strictObject({ min: DecimalStringSchema, max: DecimalStringSchema, step: DecimalStringSchema }) })
      .check(z.describe('A value drawn once per run uniformly from min, min + step, ... up to max.')),
  ])
  .check(z.describe('A cohort indicator value: a decimal string, or { "uniform": { "min", "max", "step" } }.'));

/** A part of the participants: the groups they belong to, their share, and what differs for them. */
const MixEntrySchema = z
  .strictObject({
    groups: z.array(IdSchema).check(z.describe('The contract groups these participants belong to (none: []).')),
    share: z.number().check(z.minimum(0), z.maximum(1), z.describe('Their share of every cohort; the shares add up to 1.')),
    outcomes: z
      .optional(z.record(IdSchema, OutcomeAssumptionSchema))
      .check(z.describe('Outcome assumptions that differ for them (outcome id → assumption); the others are the top-level ones.')),
  })
  .check(z.describe('One part of the participants.'));

/**
 * The assumptions document on the wire.
 *
 * @example
 * AssumptionsSchema.safeParse({ schemaVersion: '1.0', daysToExit: 120, outcomes: { placement: { probability: 0.6 } } }).success; // true
 */
export const AssumptionsSchema = z
  .strictObject({
    schemaVersion: z.literal('1.0').check(z.describe('Version of the assumptions format: "1.0".')),
    description: z.optional(TextSchema),
    cohorts: z
      .optional(
        z.record(
          IdSchema,
          z.strictObject({
            size: z.optional(CountSchema).check(z.describe("Participants enrolled. Default: the cohort's targetSize.")),
            enrolment: z
              .optional(z.strictObject({ from: DateSchema, to: DateSchema }))
              .check(z.describe("Enrolment dates are drawn uniformly from [from, to]. Default: the cohort's enrolment window.")),
          }),
        ),
      )
      .check(z.describe('Per cohort id: its size and enrolment dates. A cohort not listed enrols its targetSize over its enrolment window.')),
    daysToExit: DaysDistributionSchema.check(z.describe('Days from enrolment to programme exit.')),
    baselineWage: z
      .optional(DecimalStringSchema)
      .check(z.describe('Monthly wage before the programme and at placement, for wage progression. Default "1000.00".')),
    jobDays: z
      .optional(DaysDistributionSchema)
      .check(z.describe('Length in days of the job of a participant who passes every retention of their placement. Default: still in it (no end).')),
    outcomes: z.record(IdSchema, OutcomeAssumptionSchema).check(z.describe('Per outcome id: every per-participant outcome of the contract.')),
    mix: z.optional(z.array(MixEntrySchema).check(z.minLength(1))).check(z.describe('The mix of groups. Default: every participant in no group.')),
    indicators: z
      .optional(z.record(IdSchema, z.record(z.string(), IndicatorValueSchema)))
      .check(z.describe('Cohort indicator values: indicator id → cohort id (or "*" for pooled cohorts) → value.')),
  })
  .check(z.describe('The assumptions of a simulation of an outcome-pay contract (docs/simulation.md).'));

/**
 * The assumptions, as validated.
 *
 * @example
 * const assumptions: Assumptions = { schemaVersion: '1.0', daysToExit: 120, outcomes: { placement: { probability: 0.6 } } };
 */
export type Assumptions = z.output<typeof AssumptionsSchema>;

/** A days distribution, validated. */
export type DaysDistribution = z.output<typeof DaysDistributionSchema>;

/** A probability, validated. */
export type Probability = z.output<typeof ProbabilitySchema>;

/** An outcome assumption, validated. */
export type OutcomeAssumption = z.output<typeof OutcomeAssumptionSchema>;

/** An indicator value, validated. */
export type IndicatorValue = z.output<typeof IndicatorValueSchema>;

function issue(code: SimulationCode, path: readonly PathSegment[], message: string): Issue {
  return { code, path, message: `${formatPath(path)}: ${message}` };
}

function structural(zodIssue: z.core.$ZodIssue): Issue[] {
  const path = zodIssue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (zodIssue.code === 'unrecognized_keys') return zodIssue.keys.map((key) => issue('ASSUMPTIONS_UNKNOWN_KEY', [...path, key], `unknown key "${key}" (check its spelling)`));
  if (zodIssue.input === undefined && (zodIssue.code === 'invalid_type' || zodIssue.code === 'invalid_union')) return [issue('ASSUMPTIONS_REQUIRED', path, 'required field is missing')];
  return [issue('ASSUMPTIONS_INVALID', path, zodIssue.message)];
}

function checkDays(days: DaysDistribution | undefined, path: readonly PathSegment[], issues: Issue[]): void {
  if (days !== undefined && typeof days !== 'number' && days.uniform.min > days.uniform.max) {
    issues.push(issue('ASSUMPTIONS_RANGE', [...path, 'uniform'], `min ${days.uniform.min} is above max ${days.uniform.max}`));
  }
}

function checkOutcomes(
  contract: Contract,
  outcomes: Readonly<Record<string, OutcomeAssumption>>,
  path: readonly PathSegment[],
  issues: Issue[],
): void {
  for (const [id, assumption] of Object.entries(outcomes)) {
    const outcome = contract.outcomes.find((candidate) => candidate.id === id);
    const at = [...path, id];
    if (outcome === undefined) issues.push(issue('ASSUMPTIONS_UNKNOWN_OUTCOME', at, `the contract has no outcome "${id}"`));
    else if (outcome.kind === 'cohortIndicator') issues.push(issue('ASSUMPTIONS_OUTCOME_KIND', at, `"${id}" is a cohort indicator: give its values under "indicators"`));
    else if ((outcome.kind === 'retention' || outcome.kind === 'wageProgression') && assumption.days !== undefined) {
      issues.push(issue('ASSUMPTIONS_OUTCOME_KIND', [...at, 'days'], `"${id}" is a ${outcome.kind} outcome: it is timed by its placement, so it takes no days`));
    } else if (outcome.kind === 'quarterAfterExit' && assumption.days !== undefined) {
      issues.push(issue('ASSUMPTIONS_OUTCOME_KIND', [...at, 'days'], `"${id}" is a quarterAfterExit outcome: it is timed by the exit and its quarter, so it takes no days`));
    }
    checkDays(assumption.days, [...at, 'days'], issues);
  }
}

function checkCohorts(contract: Contract, assumptions: Assumptions, issues: Issue[]): void {
  const given = assumptions.cohorts ?? {};
  for (const id of Object.keys(given)) {
    if (!contract.cohorts.some((cohort) => cohort.id === id)) issues.push(issue('ASSUMPTIONS_UNKNOWN_COHORT', ['cohorts', id], `the contract has no cohort "${id}"`));
  }
  for (const cohort of contract.cohorts) {
    const assumed = ownValue(given, cohort.id);
    if (assumed?.size === undefined && cohort.targetSize === undefined) {
      issues.push(issue('ASSUMPTIONS_COHORT_SIZE', ['cohorts', cohort.id, 'size'], `cohort "${cohort.id}" has no targetSize in the contract: give its size`));
    }
    const window = assumed?.enrolment;
    if (window !== undefined && window.from > window.to) issues.push(issue('ASSUMPTIONS_RANGE', ['cohorts', cohort.id, 'enrolment'], `enrolment from ${window.from} is after to ${window.to}`));
  }
}

function checkMix(contract: Contract, assumptions: Assumptions, issues: Issue[]): void {
  const mix = assumptions.mix;
  if (mix === undefined) return;
  const groups = new Set((contract.groups ?? []).map((group) => group.id));
  mix.forEach((entry, index) => {
    entry.groups.forEach((group, k) => {
      if (!groups.has(group)) issues.push(issue('ASSUMPTIONS_UNKNOWN_GROUP', ['mix', index, 'groups', k], `the contract has no group "${group}"`));
    });
    if (entry.outcomes !== undefined) checkOutcomes(contract, entry.outcomes, ['mix', index, 'outcomes'], issues);
  });
  // shares are probabilities (never money): a float sum, compared with a tolerance far below any meaningful share
  const total = mix.reduce((sum, entry) => sum + entry.share, 0);
  if (Math.abs(total - 1) > 1e-9) issues.push(issue('ASSUMPTIONS_SHARES', ['mix'], `the shares add up to ${total}, not 1`));
}

function checkIndicators(contract: Contract, assumptions: Assumptions, issues: Issue[]): void {
  for (const [id, byCohort] of Object.entries(assumptions.indicators ?? {})) {
    const outcome = contract.outcomes.find((candidate) => candidate.id === id);
    if (outcome === undefined) issues.push(issue('ASSUMPTIONS_UNKNOWN_OUTCOME', ['indicators', id], `the contract has no outcome "${id}"`));
    else if (outcome.kind !== 'cohortIndicator') issues.push(issue('ASSUMPTIONS_OUTCOME_KIND', ['indicators', id], `"${id}" is a ${outcome.kind} outcome, not a cohort indicator: give its probability under "outcomes"`));
    for (const [cohort, value] of Object.entries(byCohort)) {
      if (cohort !== '*' && !contract.cohorts.some((candidate) => candidate.id === cohort)) {
        issues.push(issue('ASSUMPTIONS_UNKNOWN_COHORT', ['indicators', id, cohort], `the contract has no cohort "${cohort}"`));
      }
      if (typeof value !== 'string') {
        const { min, max, step } = value.uniform;
        if (parseAmount(min).greaterThan(parseAmount(max)) || parseAmount(step).isZero()) {
          issues.push(issue('ASSUMPTIONS_RANGE', ['indicators', id, cohort, 'uniform'], `min ${min} must not be above max ${max}, and step ${step} must be above 0`));
        }
      }
    }
  }
}

/**
 * Validates an assumptions document against a contract already parsed (see {@link parseAssumptions}).
 *
 * @example
 * const contract = parseContract(contractJson);
 * if (contract.ok) checkAssumptions(JSON.parse(text), contract.value);
 */
export function checkAssumptions(input: unknown, contract: Contract): Result<Assumptions> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([issue('ASSUMPTIONS_NOT_OBJECT', [], `the assumptions must be a JSON object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`)]);
  }
  let parsed: ReturnType<typeof AssumptionsSchema.safeParse>;
  try {
    parsed = AssumptionsSchema.safeParse(input, inEnglish({ reportInput: true }));
  } catch (error) {
    return fail([issue('ASSUMPTIONS_NOT_OBJECT', [], `the assumptions could not be read (${error instanceof Error ? error.message : 'unknown error'})`)]);
  }
  if (!parsed.success) return fail(parsed.error.issues.flatMap(structural));
  const assumptions = parsed.data;
  const issues: Issue[] = [];
  checkCohorts(contract, assumptions, issues);
  checkDays(assumptions.daysToExit, ['daysToExit'], issues);
  checkDays(assumptions.jobDays, ['jobDays'], issues);
  checkOutcomes(contract, assumptions.outcomes, ['outcomes'], issues);
  for (const outcome of contract.outcomes) {
    if (outcome.kind !== 'cohortIndicator' && ownValue(assumptions.outcomes, outcome.id) === undefined) {
      issues.push(issue('ASSUMPTIONS_OUTCOME_MISSING', ['outcomes', outcome.id], `the contract's ${outcome.kind} outcome "${outcome.id}" needs a probability`));
    }
  }
  checkMix(contract, assumptions, issues);
  checkIndicators(contract, assumptions, issues);
  return issues.length > 0 ? fail(issues) : ok(assumptions);
}

/**
 * Validates an assumptions document (usually `JSON.parse` of a file) against the contract it is
 * for (a contract document, parsed here). Never throws for bad data: returns every problem of the
 * contract, or else of the assumptions, each with a stable code (`SIMULATION_CODES` for the
 * assumptions) and a path in its document.
 *
 * @example
 * const assumptions = parseAssumptions(JSON.parse(assumptionsText), JSON.parse(contractText));
 * if (!assumptions.ok) for (const problem of assumptions.issues) console.error(problem.code, problem.message);
 */
export function parseAssumptions(input: unknown, contract: unknown): Result<Assumptions> {
  const parsed = parseContract(contract);
  return parsed.ok ? checkAssumptions(input, parsed.value) : fail(parsed.issues);
}
