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
  OPTIONS_NOT_OBJECT: 'the settlement options are not an object (null, a string, an array, a Map)',
  OPTIONS_UNREADABLE: 'the settlement options could not be read (a getter threw, a proxy)',
  OPTIONS_UNKNOWN_KEY: 'an option the settlement does not define',
  OPTIONS_DETAIL: 'detail is not "totals" or "participants"',
  OPTIONS_RECORDS_MODE: 'records is not "lenient" or "strict"',
  OPTIONS_PREVIOUS: 'previous is not an array of settlement documents',
  OPTIONS_INDICATORS: 'indicators is not an object of indicator id → cohort id → decimal string',
  OPTIONS_EVIDENCE_FINGERPRINT: 'evidenceFingerprint is not true or false',
  OPTIONS_AMENDED_FROM: 'amendedFrom is not an array of contract fingerprints (64 lower-case hex digits)',
  OPTIONS_ALLOW_FULL_RECOVERY: 'allowFullRecovery is not true or false',
  OPTIONS_MAX_EXCLUDED: 'maxExcluded is not a whole number of records nor a share from "0%" to "100%"',
  OPTIONS_ALLOW_EMPTY: 'allowEmpty is not true or false',
  // the records as a whole
  RECORDS_EMPTY: 'no records were read (and allowEmpty is not set)',
  RECORDS_EXCLUDED_LIMIT: 'more invalid records would be excluded than maxExcluded allows (a likely format mistake)',
  // indicator values
  INDICATOR_UNKNOWN: 'an indicator value names no cohortIndicator outcome of the contract',
  INDICATOR_COHORT_UNKNOWN: 'an indicator value names a cohort the contract does not have',
  INDICATOR_MISSING: 'a rule or exit clause needs an indicator value that was not given',
  AMOUNT_TOO_LARGE: 'an indicator value is 10^15 or more in absolute value (the largest amount kept exact)',
  AMOUNT_TOO_PRECISE: 'an indicator value has a non-zero digit after the 12th decimal place',
  // previous settlements
  PREVIOUS_NOT_SETTLEMENT: 'a previous settlement is not an outcome-pay settlement document',
  PREVIOUS_OTHER_CONTRACT: 'a previous settlement belongs to another contract or currency',
  PREVIOUS_AFTER_AS_OF: 'a previous settlement is dated after the as-of date (or has no valid asOf)',
  PREVIOUS_FORMAT_VERSION: 'a previous settlement has a formatVersion this library does not read',
  PREVIOUS_MALFORMED: 'a field of a previous settlement is missing, unknown or of the wrong type',
  PREVIOUS_AMOUNT: "an amount of a previous settlement is not canonical money in the contract currency's minor units, or is negative where settle never writes a negative",
  PREVIOUS_FIGURES: "a previous settlement's figures do not add up (payers to tranches, tranches to totals, due = earned − previouslyPaid, adjustments)",
  PREVIOUS_CONTRACT_CHANGED: 'a previous settlement was made with another version of the contract (another contract fingerprint) not stated in amendedFrom',
  PREVIOUS_AMENDMENT_UNUSED: 'amendedFrom names a contract fingerprint that no previous settlement carries',
  PREVIOUS_DUPLICATE: 'the same previous settlement (same fingerprint.inputs) is given twice',
  PREVIOUS_CHAIN_INCOMPLETE: 'a previous settlement deducted an earlier settlement that is not given',
  PREVIOUS_CHAIN_FORK: 'two previous settlements were each made without the other, so both cannot have been paid',
  PREVIOUS_PAID_MISMATCH: "a previous settlement's previouslyPaid is not what the settlements before it made due",
  PREVIOUS_RECOVERS_ALL: 'the settlement earns nothing and would recover everything paid before, without allowFullRecovery',
  // explaining one participant
  PARTICIPANT_UNKNOWN: 'explainParticipant (outcome-pay explain --participant): no record read, valid or excluded, has this participant id (compared exactly)',
} as const;

/**
 * One of the stable settlement issue codes.
 *
 * @example
 * const code: SettlementIssueCode = 'PREVIOUS_AFTER_AS_OF';
 */
export type SettlementIssueCode = keyof typeof SETTLEMENT_ISSUE_CODES;
