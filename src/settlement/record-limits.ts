/**
 * What a settlement accepts of its records as a whole: at least one record read (unless an empty
 * input is allowed), and no more excluded records than `maxExcluded` allows. Checked on the
 * counts once every record has been read, never per record.
 *
 * @module
 */
import { describeValue } from '../describe-value.js';
import type { Issue, PathSegment } from '../errors.js';
import { parseAmount, type Amount } from '../money/index.js';

/**
 * How many excluded records a lenient settlement accepts: a number of records, or a share (in
 * percent) of the records read.
 *
 * @example
 * const limit: ExcludedLimit = { kind: 'share', percent: parseAmount('1'), text: '1%' };
 */
export type ExcludedLimit =
  | { readonly kind: 'count'; readonly count: number; readonly text: string }
  | { readonly kind: 'share'; readonly percent: Amount; readonly text: string };

/**
 * The default `maxExcluded`: 5 % of the records read. A formatting mistake (dates written
 * DD/MM/YYYY, wages as JSON numbers with decimals, a renamed column) excludes most records, or all
 * of them, and must fail rather than settle what is left; a programme of a hundred participants
 * with two or three genuine errors still settles, its excluded records listed, the decisions they
 * could change named (`dataQuality.decisionsAtRisk`) and the command line's exit status saying so,
 * rather than teaching everyone to raise the limit on every run.
 *
 * @example
 * DEFAULT_MAX_EXCLUDED; // '5%'
 */
export const DEFAULT_MAX_EXCLUDED = '5%';

const COUNT = /^(0|[1-9][0-9]{0,14})$/;
const SHARE = /^(0|[1-9][0-9]{0,2})(\.[0-9]{1,6})?%$/;

/**
 * Reads the `maxExcluded` option: a whole number of records (`10`, `'10'`) or a share of the
 * records read (`'2%'`, `'0.5%'`, at most `'100%'`).
 *
 * @example
 * readMaxExcluded('2%', ['options', 'maxExcluded']); // { limit: { kind: 'share', ... }, issues: [] }
 */
export function readMaxExcluded(value: unknown, path: readonly PathSegment[]): { limit: ExcludedLimit | undefined; issues: Issue[] } {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text === 'string' && COUNT.test(text)) return { limit: { kind: 'count', count: Number(text), text }, issues: [] };
  if (typeof text === 'string' && SHARE.test(text)) {
    const percent = parseAmount(text.slice(0, -1));
    if (percent.lessThanOrEqualTo(100)) return { limit: { kind: 'share', percent, text }, issues: [] };
  }
  return {
    limit: undefined,
    issues: [{ code: 'OPTIONS_MAX_EXCLUDED', path, message: `maxExcluded must be a whole number of records (10) or a share of the records read from 0% to 100% ("2%"), not ${describeValue(value)}` }],
  };
}

/**
 * True when `excluded` of `read` records is within the limit (exactly: a share is compared as
 * excluded × 100 ≤ read × percent).
 *
 * @example
 * withinLimit(2, 94, { kind: 'share', percent: parseAmount('1'), text: '1%' }); // false: 200 > 94
 */
export function withinLimit(excluded: number, read: number, limit: ExcludedLimit): boolean {
  if (limit.kind === 'count') return excluded <= limit.count;
  return parseAmount(excluded * 100).lessThanOrEqualTo(limit.percent.times(read));
}

/** The counts a settlement's records come to. */
export interface RecordCounts {
  /** Records read (and rows that could not be read as records). */
  readonly recordsRead: number;
  /** Records left out. */
  readonly recordsExcluded: number;
}

/**
 * The problem with a settlement's records as a whole, if any: `RECORDS_EMPTY` (nothing was read
 * and `allowEmpty` is not set) or `RECORDS_EXCLUDED_LIMIT` (more records excluded than
 * `maxExcluded` allows).
 *
 * @example
 * recordsProblem({ recordsRead: 0, recordsExcluded: 0 }, { allowEmpty: false, maxExcluded }); // RECORDS_EMPTY
 */
export function recordsProblem(counts: RecordCounts, options: { readonly allowEmpty: boolean; readonly maxExcluded: ExcludedLimit }): Issue | undefined {
  if (counts.recordsRead === 0) {
    if (options.allowEmpty) return undefined;
    return {
      code: 'RECORDS_EMPTY',
      path: ['records'],
      message: 'no records were read (an empty file, a CSV header alone, an empty array): nothing can be settled on them; if no participant has enrolled yet, settle with allowEmpty (--allow-empty)',
    };
  }
  if (withinLimit(counts.recordsExcluded, counts.recordsRead, options.maxExcluded)) return undefined;
  const share = parseAmount(counts.recordsExcluded * 100).dividedBy(counts.recordsRead).toDecimalPlaces(1).toFixed(1);
  return {
    code: 'RECORDS_EXCLUDED_LIMIT',
    path: ['records'],
    message: `${counts.recordsExcluded} of ${counts.recordsRead} records are invalid and would be excluded (${share}%), more than maxExcluded ${options.maxExcluded.text} allows: a mistake in the format of the file is likely; nothing was settled (the problems follow; to settle without those records, raise maxExcluded, --max-excluded)`,
  };
}
