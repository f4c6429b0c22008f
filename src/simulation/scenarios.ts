/**
 * Scenarios of a simulation: the assumptions moved to a pessimistic, central or optimistic case
 * (every probability fixed, so no run draws a rate), and the variants of the sensitivity analysis
 * (one assumption moved down or up by a step). Pure functions of validated assumptions: the
 * result is validated again by whoever simulates it.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { betaQuantile } from './beta-quantile.js';
import type { Assumptions, DaysDistribution, OutcomeAssumption, Probability } from './assumptions.js';

/**
 * The named scenarios: `pessimistic` (the programme does worse: fewer outcomes, later), `central`
 * (every probability at its mean), `optimistic` (more outcomes, sooner).
 *
 * @example
 * SCENARIOS.includes('central'); // true
 */
export const SCENARIOS = ['pessimistic', 'central', 'optimistic'] as const;

/** A named scenario. */
export type ScenarioName = (typeof SCENARIOS)[number];

/** The percentile of an uncertain (beta) probability in the pessimistic scenario; 100 minus it in the optimistic one. */
export const SCENARIO_PERCENTILE = 10;

const clamp = (p: number): number => Math.min(1, Math.max(0, p));
/** Probabilities moved by a step: rounded to 12 places so 0.6 + 0.05 prints 0.65, not 0.6499999999999999. */
const tidy = (p: number): number => Math.round(clamp(p) * 1e12) / 1e12;

/** The fixed probability of a scenario. */
function scenarioProbability(probability: Probability, scenario: ScenarioName, step: number): number {
  if (typeof probability === 'number') return scenario === 'central' ? probability : tidy(probability + (scenario === 'optimistic' ? step : -step));
  const { alpha, beta } = probability.beta;
  if (scenario === 'central') return tidy(alpha / (alpha + beta));
  return betaQuantile((scenario === 'optimistic' ? 100 - SCENARIO_PERCENTILE : SCENARIO_PERCENTILE) / 100, alpha, beta);
}

/** Days of a scenario: the slow end (max) when pessimistic, the fast end (min) when optimistic, unchanged when central. */
function scenarioDays(days: DaysDistribution | undefined, scenario: ScenarioName, slow: boolean): DaysDistribution | undefined {
  if (days === undefined || typeof days === 'number' || scenario === 'central') return days;
  return (scenario === 'pessimistic') === slow ? days.uniform.max : days.uniform.min;
}

function scenarioOutcomes(outcomes: Readonly<Record<string, OutcomeAssumption>>, scenario: ScenarioName, step: number): Record<string, OutcomeAssumption> {
  return Object.fromEntries(
    Object.entries(outcomes).map(([id, assumption]) => {
      const days = scenarioDays(assumption.days, scenario, true);
      return [id, { probability: scenarioProbability(assumption.probability, scenario, step), ...(days === undefined ? {} : { days }) }];
    }),
  );
}

/**
 * The assumptions of a named scenario. Every probability becomes fixed: `central` at its mean
 * (a beta's alpha / (alpha + beta)); `pessimistic` a beta at its 10th percentile and a fixed one
 * `step` lower (at least 0); `optimistic` a beta at its 90th percentile and a fixed one `step`
 * higher (at most 1). Timing goes to the slow end (each uniform `days` and `daysToExit` at its
 * max, `jobDays` at its min) when pessimistic, the fast end when optimistic. Cohort sizes, the mix
 * and indicator values are unchanged.
 *
 * @example
 * scenarioAssumptions(assumptions, 'central', 0.05).outcomes['placement']; // { probability: 0.55 } for Beta(55, 45)
 */
export function scenarioAssumptions(assumptions: Assumptions, scenario: ScenarioName, step: number): Assumptions {
  const exit = scenarioDays(assumptions.daysToExit, scenario, true) ?? assumptions.daysToExit;
  const job = scenarioDays(assumptions.jobDays, scenario, false);
  return {
    ...assumptions,
    daysToExit: exit,
    ...(job === undefined ? {} : { jobDays: job }),
    outcomes: scenarioOutcomes(assumptions.outcomes, scenario, step),
    ...(assumptions.mix === undefined
      ? {}
      : { mix: assumptions.mix.map((entry) => (entry.outcomes === undefined ? entry : { ...entry, outcomes: scenarioOutcomes(entry.outcomes, scenario, step) })) }),
  };
}

/** A probability moved by `delta`: a fixed one clamped to [0, 1]; a beta's mean moved keeping alpha + beta (its certainty). */
function movedProbability(probability: Probability, delta: number): Probability {
  if (typeof probability === 'number') return tidy(probability + delta);
  const { alpha, beta } = probability.beta;
  const mean = alpha / (alpha + beta) + delta;
  if (mean <= 0 || mean >= 1) return tidy(mean);
  return { beta: { alpha: mean * (alpha + beta), beta: (1 - mean) * (alpha + beta) } };
}

/** Days scaled by 1 + `factor`, rounded to whole days. */
function scaledDays(days: DaysDistribution, factor: number): DaysDistribution {
  const scale = (n: number): number => Math.max(0, Math.round(n * (1 + factor)));
  return typeof days === 'number' ? scale(days) : { uniform: { min: scale(days.uniform.min), max: scale(days.uniform.max) } };
}

/**
 * One assumption of the sensitivity analysis and how to move it: `move(assumptions, -1)` is its
 * low variant, `move(assumptions, 1)` its high one.
 */
export interface SensitivityAssumption {
  /** Where it sits in the assumptions document, e.g. `outcomes.placement.probability`. */
  readonly assumption: string;
  /** How it moves by one step, in words. */
  readonly moved: string;
  /** The assumptions with it moved down (-1) or up (+1). */
  readonly move: (direction: -1 | 1) => Assumptions;
}

function withOutcome(outcomes: Readonly<Record<string, OutcomeAssumption>>, id: string, assumption: OutcomeAssumption): Record<string, OutcomeAssumption> {
  return { ...outcomes, [id]: assumption };
}

function outcomeAssumptionsOf(
  outcomes: Readonly<Record<string, OutcomeAssumption>>,
  prefix: string,
  step: number,
  rebuild: (outcomes: Record<string, OutcomeAssumption>) => Assumptions,
): SensitivityAssumption[] {
  return Object.entries(outcomes).flatMap(([id, assumption]): SensitivityAssumption[] => [
    {
      assumption: `${prefix}.${id}.probability`,
      moved: `± ${step} (a beta's mean, keeping alpha + beta)`,
      move: (direction) => rebuild(withOutcome(outcomes, id, { ...assumption, probability: movedProbability(assumption.probability, direction * step) })),
    },
    ...(assumption.days === undefined
      ? []
      : [
          {
            assumption: `${prefix}.${id}.days`,
            moved: `× (1 ± ${step}), whole days`,
            move: (direction: -1 | 1) => rebuild(withOutcome(outcomes, id, { ...assumption, days: scaledDays(assumption.days as DaysDistribution, direction * step) })),
          },
        ]),
  ]);
}

/**
 * Every assumption the sensitivity analysis moves, in document order: each outcome's probability
 * (± step) and days (× (1 ± step)), `daysToExit` and `jobDays` (× (1 ± step)), each cohort's size
 * (× (1 ± step), whole participants) and each mix entry's share (± step, the other shares scaled
 * so they still add up to 1), with the mix entries' own outcome assumptions.
 *
 * @example
 * sensitivityAssumptions(contract, assumptions, 0.05).map((entry) => entry.assumption); // ['outcomes.placement.probability', 'daysToExit', 'cohorts.c1.size']
 */
export function sensitivityAssumptions(contract: Contract, assumptions: Assumptions, step: number): SensitivityAssumption[] {
  const list: SensitivityAssumption[] = outcomeAssumptionsOf(assumptions.outcomes, 'outcomes', step, (outcomes) => ({ ...assumptions, outcomes }));
  list.push({ assumption: 'daysToExit', moved: `× (1 ± ${step}), whole days`, move: (direction) => ({ ...assumptions, daysToExit: scaledDays(assumptions.daysToExit, direction * step) }) });
  const jobDays = assumptions.jobDays;
  if (jobDays !== undefined) list.push({ assumption: 'jobDays', moved: `× (1 ± ${step}), whole days`, move: (direction) => ({ ...assumptions, jobDays: scaledDays(jobDays, direction * step) }) });
  for (const cohort of contract.cohorts) {
    const given = assumptions.cohorts !== undefined && Object.hasOwn(assumptions.cohorts, cohort.id) ? assumptions.cohorts[cohort.id] : undefined;
    const size = given?.size ?? cohort.targetSize;
    if (size === undefined) continue;
    list.push({
      assumption: `cohorts.${cohort.id}.size`,
      moved: `× (1 ± ${step}), whole participants`,
      move: (direction) => ({ ...assumptions, cohorts: { ...assumptions.cohorts, [cohort.id]: { ...given, size: Math.max(0, Math.round(size * (1 + direction * step))) } } }),
    });
  }
  const mix = assumptions.mix;
  if (mix !== undefined && mix.length > 1) {
    mix.forEach((entry, index) => {
      if (entry.share === 1) return; // the others have no share to give or take
      list.push({
        assumption: `mix.${index}.share`,
        moved: `± ${step}, the other shares scaled to keep the sum 1`,
        move: (direction) => {
          const share = clamp(entry.share + direction * step);
          const others = 1 - entry.share;
          return { ...assumptions, mix: mix.map((other, k) => ({ ...other, share: k === index ? share : (other.share * (1 - share)) / others })) };
        },
      });
    });
  }
  mix?.forEach((entry, index) => {
    if (entry.outcomes === undefined) return;
    list.push(
      ...outcomeAssumptionsOf(entry.outcomes, `mix.${index}.outcomes`, step, (outcomes) => ({ ...assumptions, mix: mix.map((other, k) => (k === index ? { ...other, outcomes } : other)) })),
    );
  });
  return list;
}
