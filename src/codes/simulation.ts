/**
 * The codes of a simulation's assumptions document (`simulate`, `outcome-pay simulate`), each with
 * a one-line meaning. The contract keeps its own codes: a simulation of an invalid contract reports
 * the contract's issues.
 *
 * @module
 */

/**
 * The stable issue codes of the assumptions document, and what each means.
 *
 * @example
 * Object.keys(SIMULATION_CODES).includes('ASSUMPTIONS_UNKNOWN_OUTCOME'); // true
 */
export const SIMULATION_CODES = {
  SIMULATION_OPTIONS: 'the options of a simulation are not an object with runs (1 to 10,000,000), seed (0 to 2^32 − 1) and, optionally, firstRun and onProgress',
  FORECAST_AS_OF: 'the as-of date of a forecast is missing or not a calendar date YYYY-MM-DD',
  FORECAST_GROUP_UNASSUMED: "a record belongs to a group that no part of the assumptions' mix names (or to groups no part fits), so nothing says how its pending outcomes fall",
  CALIBRATION_OPTIONS: 'the options of a calibration are wrong: a budget that is not an amount in the contract currency, a percentile outside (0, 100], a cap the contract does not have or that has no amount, a precision that is not a positive decimal',
  ASSUMPTIONS_NOT_OBJECT: 'the assumptions are not a JSON object, or could not be read',
  ASSUMPTIONS_UNKNOWN_KEY: 'the assumptions hold a key their schema does not define (check its spelling)',
  ASSUMPTIONS_REQUIRED: 'a required field of the assumptions is missing',
  ASSUMPTIONS_INVALID: 'a field of the assumptions has the wrong type or is out of range (a probability outside [0, 1], a negative day count)',
  ASSUMPTIONS_UNKNOWN_COHORT: 'the assumptions name a cohort the contract does not have',
  ASSUMPTIONS_UNKNOWN_GROUP: 'the group mix names a group the contract does not have',
  ASSUMPTIONS_UNKNOWN_OUTCOME: 'the assumptions name an outcome the contract does not have',
  ASSUMPTIONS_OUTCOME_MISSING: 'a per-participant outcome of the contract has no probability in the assumptions',
  ASSUMPTIONS_OUTCOME_KIND: 'an assumption does not fit the kind of its outcome (days for a retention, a probability for a cohort indicator)',
  ASSUMPTIONS_COHORT_SIZE: 'a cohort has no size: neither the assumptions nor the contract (targetSize) give one',
  ASSUMPTIONS_SHARES: 'the shares of the group mix do not add up to 1',
  ASSUMPTIONS_RANGE: 'a range runs backwards (min above max, an enrolment window that ends before it starts) or leaves the calendar',
} as const;

/**
 * An assumptions issue code.
 *
 * @example
 * const code: SimulationCode = 'ASSUMPTIONS_SHARES';
 */
export type SimulationCode = keyof typeof SIMULATION_CODES;
