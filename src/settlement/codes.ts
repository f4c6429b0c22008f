/**
 * Every issue code the settlement itself can report (options, previous settlements, indicator
 * values), with a one-line meaning. Contract and record problems keep their own registries
 * (`CONTRACT_ISSUE_CODES`, `RECORD_ISSUE_CODES`).
 *
 * @module
 */

/**
 * The stable issue codes of `settle` and `settleStream` beyond the contract's and the records'
 * own, and what each means.
 *
 * @example
 * Object.keys(SETTLEMENT_ISSUE_CODES).includes('PREVIOUS_OTHER_CONTRACT'); // true
 */
export const SETTLEMENT_ISSUE_CODES = {
  // options
  OPTIONS_NOT_OBJECT: 'the settlement options are not an object',
  OPTIONS_UNKNOWN_KEY: 'an option the settlement does not define',
  OPTIONS_DETAIL: 'detail is not "totals" or "participants"',
  OPTIONS_RECORDS_MODE: 'records is not "lenient" or "strict"',
  OPTIONS_PREVIOUS: 'previous is not an array of settlement documents',
  OPTIONS_INDICATORS: 'indicators is not an object of indicator id → cohort id → decimal string',
  OPTIONS_MAX_EXCLUDED: 'maxExcluded is not a whole number of records nor a share from "0%" to "100%"',
  OPTIONS_ALLOW_EMPTY: 'allowEmpty is not true or false',
  // the records as a whole
  RECORDS_EMPTY: 'no records were read (and allowEmpty is not set)',
  RECORDS_EXCLUDED_LIMIT: 'more invalid records would be excluded than maxExcluded allows (a likely format mistake)',
  // indicator values
  INDICATOR_UNKNOWN: 'an indicator value names no cohortIndicator outcome of the contract',
  INDICATOR_COHORT_UNKNOWN: 'an indicator value names a cohort the contract does not have',
  INDICATOR_MISSING: 'a rule or exit clause needs an indicator value that was not given',
  // previous settlements
  PREVIOUS_NOT_SETTLEMENT: 'a previous settlement is not an outcome-pay settlement document',
  PREVIOUS_OTHER_CONTRACT: 'a previous settlement belongs to another contract or currency',
  PREVIOUS_AFTER_AS_OF: 'a previous settlement is dated after the as-of date (or has no valid asOf)',
} as const;

/**
 * One of the stable settlement issue codes.
 *
 * @example
 * const code: SettlementIssueCode = 'PREVIOUS_AFTER_AS_OF';
 */
export type SettlementIssueCode = keyof typeof SETTLEMENT_ISSUE_CODES;
