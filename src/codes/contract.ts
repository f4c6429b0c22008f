/**
 * The stable issue codes reported by `parseContract`. Codes never change meaning between
 * versions; messages may be reworded. Dates and amounts also use the calendar and money cores'
 * own codes (`DATE_IMPOSSIBLE`, ...).
 *
 * @module
 */

/**
 * Every code `parseContract` can report, with a one-line meaning (documented in docs/contract.md).
 * All are problems (in `{ ok: false, issues }`) but `CONTRACT_UPGRADED`, the notice an ok result
 * carries when it read an earlier version of the format.
 *
 * @example
 * CONTRACT_ISSUE_CODES.CONTRACT_UNKNOWN_KEY; // 'a key the schema does not define (often a typo)'
 */
export const CONTRACT_ISSUE_CODES = {
  CONTRACT_NOT_OBJECT: 'the document is not a JSON object',
  CONTRACT_UNREADABLE: 'the document could not be read (a getter threw, a cycle, a proxy)',
  CONTRACT_TOO_DEEP: 'the document nests deeper than any contract can',
  FORBIDDEN_KEY: 'a "__proto__", "constructor" or "prototype" key, refused anywhere',
  CONTRACT_UNKNOWN_KEY: 'a key the schema does not define (often a typo)',
  CONTRACT_REQUIRED: 'a required field is missing',
  CONTRACT_TYPE: 'a field has the wrong JSON type (or a non-integer where an integer is required)',
  CONTRACT_ENUM: 'a field is not one of its allowed values',
  CONTRACT_UNKNOWN_KIND: 'a "kind" discriminator names no known variant (in a 1.0 document, also "mode" or "basis")',
  CONTRACT_SCHEMA_VERSION: 'schemaVersion is not a version this library reads (2.0, or 1.0 upgraded on read)',
  CONTRACT_UPGRADED: 'a notice, in an ok result: the document was written in an earlier version (1.0) and was upgraded on read; outcome-pay migrate rewrites the file',
  CONTRACT_TOO_SMALL: 'a list is empty where at least one item is required, or a number is below its minimum',
  CONTRACT_TOO_BIG: 'a text or number is above its maximum',
  CONTRACT_ID_FORMAT: 'an id is not letters, digits, ".", "_", "-" (at most 64 characters)',
  CONTRACT_INVALID: 'any other structural problem',
  DATE_FORMAT: 'a date is not written YYYY-MM-DD',
  DATE_IMPOSSIBLE: 'a date does not exist in the calendar (2023-02-29)',
  AMOUNT_FORMAT: 'an amount, rate or share is not a non-negative decimal string such as "1500.00" (a share may be a fraction such as "1/3")',
  AMOUNT_PRECISION: 'an amount has more decimals than the currency\'s minor unit',
  AMOUNT_TOO_LARGE: 'an amount, rate, factor or percentage is 10^15 or more (the largest kept exact)',
  AMOUNT_TOO_PRECISE: 'a rate, share, factor or other decimal has more than 12 decimal places',
  CURRENCY_FORMAT: 'the currency is not three capital letters',
  CURRENCY_UNKNOWN: 'the currency is not an ISO 4217 code known to the money core',
  DATE_ORDER: 'two dates are in the wrong order (start after end, measured after due)',
  DATE_OUTSIDE_PERIOD: 'a date lies outside the contract period',
  PAYER_SHARES_SUM: 'payer shares do not sum to exactly 1 (over every payer, or over the payers funding a line)',
  PAYER_FUNDING_BASIS: 'a payer names none, or more than one, of share, weight and topUp',
  PAYER_FUNDING_MIXED: 'some payers have a share and others a weight: the payers splitting a payment use one or the other',
  PAYER_TOP_UPS_SUM: 'the top-ups of the payers funding a line sum to more than 1',
  PAYER_YEAR_CAP_INCOMPLETE: 'a payer cap has `per` (a yearly commitment) without `overflow`, or `overflow` without `per`: a yearly cap says both',
  PAYER_YEAR_CAP_TWICE: 'a payer has two yearly caps (`per`): one yearly commitment per payer',
  PAYER_CAP_TAKEN_BY_CYCLE: 'yearly caps whose overflow is taken by another payer form a cycle (a payer taking, through others, its own overflow, or its own overflow directly)',
  PAYER_LINE_UNFUNDED: 'a line a tranche can pay is not funded in full by the payers (their scopes leave it out, or their weights are all zero)',
  DUPLICATE_ID: 'two items of the same list (or two parties) have the same id',
  DUPLICATE_REFERENCE: 'one list names the same id twice (a prerequisite, a tranche\'s rule or cohort, a priced group, a contract type...)',
  UNKNOWN_REFERENCE: 'an id refers to nothing in the contract',
  REFERENCE_KIND: 'an id refers to an item of the wrong kind (e.g. a retention anchored on a milestone)',
  RATE_RANGE: 'a rate, share or factor is outside [0, 1]',
  THRESHOLD_ORDER: 'thresholds or amounts out of order (floor above target, tiers not increasing)',
  RESULTS_INDICATOR_SOURCE: 'a results indicator names both an indicator per period and participants to count, or neither',
  TRANCHE_BEFORE_OUTCOME: 'a tranche is measured before a cohort it pays for can have the outcome',
  PREREQUISITE_CYCLE: 'prerequisites of outcomes form a cycle',
  RULE_WITHOUT_TRANCHE: 'a payment rule is paid by no tranche, so it would never be paid',
  BONUS_PAYMENT_TRIGGER: 'a per-unit uplift bonus needs a volume trigger',
  EXIT_SUSPENDS_PAST_TRANCHE: 'an exit clause suspends a tranche due on or before its check date',
  INVESTOR_PRINCIPAL: 'an investor\'s principal exceeds its commitment',
  INVESTOR_DRAWDOWNS: 'an investor\'s drawdowns do not add up to exactly its principal',
  DURATION_UNITS: 'a retention or wage progression states its duration in none, or more than one, of "months", "weeks", "days" (exactly one is required)',
  ROUNDING_INCREMENT_ZERO: 'a rounding increment is zero (derived prices are rounded to a multiple of it)',
  AMENDMENT_DUPLICATE_ID: 'two amendments have the same id, or an amendment takes the id "base" (the version of the contract as first written)',
  AMENDMENT_DATES_ORDER: 'amendments are not listed in strictly increasing effectiveFrom order (two on the same day included)',
  AMENDMENT_OUTSIDE_PERIOD: 'an amendment\'s effectiveFrom is on or before the period start (the base version is in force then) or after the period end',
  AMENDMENT_UNKNOWN_RULE: 'an amendment changes a rule id the contract does not have',
  AMENDMENT_UNKNOWN_CAP: 'an amendment changes a cap id the contract does not have',
  AMENDMENT_KIND_CHANGE: 'an amendment gives a rule a groupPricing of another kind than the rule\'s',
  AMENDMENT_UNSUPPORTED_CHANGE: 'an amendment changes what amendments cannot change yet (a rule other than a rate card, a participant, outcome-volume, share or yearly payer cap), or a rule change says neither price nor groupPricing',
  AMENDMENT_DUPLICATE_CHANGE: 'one amendment changes the same rule or cap twice',
  JOBS_RESTRICTION_EMPTY: 'an outcome\'s "jobs" names neither "sectors" nor "employers"',
} as const;

/**
 * A code from `CONTRACT_ISSUE_CODES` (docs/codes.md lists them).
 *
 * @example
 * const code: ContractIssueCode = 'PAYER_SHARES_SUM';
 */
export type ContractIssueCode = keyof typeof CONTRACT_ISSUE_CODES;
