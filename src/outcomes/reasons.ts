/**
 * The stable reason codes of a {@link Resolution}: why an outcome is achieved, failed, pending or
 * not applicable. Codes never change between versions; `REASON_TEXT` gives a sentence for people.
 *
 * @module
 */

/**
 * Every reason code, in documentation order. See `docs/outcomes.md` for the rule behind each.
 *
 * @example
 * REASON_CODES.includes('GAP_TOO_LONG'); // true
 */
export const REASON_CODES = [
  // placement
  'SPELL_IN_WINDOW',
  'WINDOW_CLOSED',
  'SPELL_TOO_SHORT',
  'WINDOW_OPEN',
  'SPELL_RUNNING',
  'AWAITING_EXIT',
  // retention and wage progression: the placement they depend on
  'AWAITING_PLACEMENT',
  'PLACEMENT_FAILED',
  // retention
  'CONTINUOUSLY_EMPLOYED',
  'GAP_TOO_LONG',
  'ENOUGH_DAYS_EMPLOYED',
  'TOO_FEW_DAYS_EMPLOYED',
  'EMPLOYED_ON_END_DATE',
  'NOT_EMPLOYED_ON_END_DATE',
  'PERIOD_RUNNING',
  // wage progression
  'WAGE_ROSE',
  'WAGE_BELOW_THRESHOLD',
  'NO_WAGE_DATA',
  'NO_BASELINE',
  'AWAITING_MEASURE_DATE',
  'AWAITING_BASELINE',
  // milestone
  'EVENT_RECORDED',
  'AWAITING_EVENT',
  // earnings threshold
  'EARNINGS_REACHED',
  'EARNINGS_BELOW_THRESHOLD',
  'NO_RATE_IN_FORCE',
  // quarter after exit
  'EMPLOYED_IN_QUARTER',
  'NOT_EMPLOYED_IN_QUARTER',
  'AWAITING_QUARTER_DATA',
  // cohort indicator
  'COHORT_LEVEL',
  // any outcome restricted to participants of some groups
  'NOT_IN_GROUPS',
] as const;

/**
 * A stable reason code.
 *
 * @example
 * const reason: ReasonCode = 'WINDOW_CLOSED';
 */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * A short English explanation of each reason code, for reports. Match on the code, not the text.
 *
 * @example
 * REASON_TEXT.GAP_TOO_LONG; // 'a gap in employment was longer than the allowed gap'
 */
export const REASON_TEXT: Readonly<Record<ReasonCode, string>> = {
  SPELL_IN_WINDOW: 'a qualifying employment spell started in the window',
  WINDOW_CLOSED: 'the window closed without a qualifying spell or event',
  SPELL_TOO_SHORT: 'spells started in the window but every one ended before lasting the minimum number of days',
  WINDOW_OPEN: 'the window is still open',
  SPELL_RUNNING: 'a spell started in the window is still running and may yet reach the minimum length',
  AWAITING_EXIT: 'the window counts from programme exit, which is not recorded yet',
  AWAITING_PLACEMENT: 'the placement this outcome counts from is still pending',
  PLACEMENT_FAILED: 'the placement this outcome counts from failed',
  CONTINUOUSLY_EMPLOYED: 'employed over the whole period, every gap within the allowed gap',
  GAP_TOO_LONG: 'a gap in employment was longer than the allowed gap',
  ENOUGH_DAYS_EMPLOYED: 'employed at least the required number of days in the period',
  TOO_FEW_DAYS_EMPLOYED: 'too many days without employment to reach the required number of days',
  EMPLOYED_ON_END_DATE: 'employed on the last day of the period',
  NOT_EMPLOYED_ON_END_DATE: 'not employed on the last day of the period',
  PERIOD_RUNNING: 'the retention period has not ended yet',
  WAGE_ROSE: 'the wage rose by at least the threshold over the baseline',
  WAGE_BELOW_THRESHOLD: 'the wage rose by less than the threshold over the baseline',
  NO_WAGE_DATA: 'no wage known on the measurement date',
  NO_BASELINE: 'no baseline wage',
  AWAITING_MEASURE_DATE: 'the wage measurement date has not come yet',
  AWAITING_BASELINE: 'the placement wage may still be observed',
  EVENT_RECORDED: 'the event was recorded',
  AWAITING_EVENT: 'the event has not been recorded yet (no window: it never fails)',
  EARNINGS_REACHED: 'the earnings counted in the window reached the threshold',
  EARNINGS_BELOW_THRESHOLD: 'the window closed with the earnings counted in it below the threshold',
  NO_RATE_IN_FORCE: 'no rate of the minimum wage table is in force on the date the threshold is set on',
  EMPLOYED_IN_QUARTER: 'earnings were recorded in the quarter after exit (at least the minimum), as known when its data was due',
  NOT_EMPLOYED_IN_QUARTER: 'no earnings (or less than the minimum) were recorded in the quarter after exit when its data was due',
  AWAITING_QUARTER_DATA: "the quarter's wage data is not due yet",
  COHORT_LEVEL: 'a cohort indicator is supplied at cohort level, not per participant',
  NOT_IN_GROUPS: 'the participant is in none of the groups the outcome is for',
};
