/**
 * The codes of errors that mean a bug in outcome-pay or in a caller of its internal functions,
 * never a problem of the data: a case the types say cannot happen, an inconsistent compiled
 * contract. Please report them.
 *
 * @module
 */

/**
 * Every internal error code, with a one-line meaning.
 *
 * @example
 * INTERNAL_CODES.INTERNAL_UNREACHABLE; // 'a case the types exclude was reached ...'
 */
export const INTERNAL_CODES = {
  INTERNAL_UNREACHABLE: 'a case the types exclude was reached (a bug: please report it)',
  OUTCOME_INTERNAL: 'the outcome resolver met a state it cannot be in (a bug: please report it)',
  OUTCOME_ID_DUPLICATE: 'outcomes compiled with the same id twice (parseContract refuses such contracts first)',
  OUTCOME_PLACEMENT_REFERENCE: 'an outcome compiled against a placement outcome that is not one (parseContract refuses such contracts first)',
  RECORDS_FORMAT_UNKNOWN: 'readRecords was given a format other than json, ndjson or csv (thrown)',
  CSV_COLUMN_KIND_UNKNOWN: 'a CSV column mapping of an unknown kind (thrown; a bug)',
} as const;

/**
 * One of the internal error codes.
 *
 * @example
 * const code: InternalCode = 'INTERNAL_UNREACHABLE';
 */
export type InternalCode = keyof typeof INTERNAL_CODES;
