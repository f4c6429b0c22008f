/**
 * Settlement options: checked like any other input, every problem reported with a code.
 *
 * @module
 */
import { checkDate, formatDate, type CalendarDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import { expectContract } from '../contract/shape.js';
import type { Issue } from '../errors.js';
import { describeValue, isPlainObject, readOwnFields, thrownReason } from '../guard.js';
import { checkAmount, checkAmountLimits, type Amount } from '../money/index.js';
import type { ValidationMode } from '../records/index.js';
import { ownFields } from '../own-data.js';
import { canonicalJson } from './canonical-json.js';
import type { PreviousPayments } from './previous.js';
import { DEFAULT_MAX_EXCLUDED, readMaxExcluded, type ExcludedLimit } from './record-limits.js';

/**
 * Options of {@link settle}.
 *
 * @example
 * const options: SettleOptions = { asOf: '2025-06-30', indicators: { 'employer-satisfaction': { '2023-A': '4.2' } } };
 */
export interface SettleOptions {
  /** The date the settlement is made at, `YYYY-MM-DD`: outcomes and tranches up to this date count. */
  readonly asOf: string;
  /** Earlier settlements of the same contract whose `due` amounts were paid. */
  readonly previous?: readonly unknown[];
  /** Values of cohort indicators: indicator id → cohort id (or `*` for pooled cohorts) → decimal string. */
  readonly indicators?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `'totals'` (default) or `'participants'`: list the participant ids behind every line. */
  readonly detail?: 'totals' | 'participants';
  /** What to do with invalid records: `'lenient'` (default: exclude and report) or `'strict'` (fail). */
  readonly records?: ValidationMode;
  /**
   * `true`: the settlement also carries `fingerprint.recordsEvidence`, a cryptographic,
   * order-independent fingerprint of the records (SHA-256 of every record, sorted), for disputes;
   * it costs a SHA-256 per record and 32 bytes of memory per record (docs/settlement.md).
   */
  readonly evidenceFingerprint?: boolean;
  /**
   * Contract fingerprints (`fingerprint.contract` of their settlements) of earlier versions of
   * this contract, which it amends: previous settlements made with them are accepted, and the
   * settlement lists them in `previous.amendedFrom`. Without it, a previous settlement of another
   * contract fingerprint is refused (`PREVIOUS_CONTRACT_CHANGED`).
   */
  readonly amendedFrom?: readonly string[];
  /**
   * `true` confirms a settlement that earns nothing and so recovers everything the previous
   * settlements paid (without it: `PREVIOUS_RECOVERS_ALL`, as such a result usually means records
   * missing from the input).
   */
  readonly allowFullRecovery?: boolean;
  /**
   * Lenient mode: how many invalid records may be excluded before the settlement fails with
   * `RECORDS_EXCLUDED_LIMIT`: a whole number of records (`10`) or a share of the records read
   * (`'2%'`). Default `'5%'` (`DEFAULT_MAX_EXCLUDED`).
   */
  readonly maxExcluded?: number | string;
  /** Settle an input of no records at all (default false: it fails with `RECORDS_EMPTY`). */
  readonly allowEmpty?: boolean;
}

/** Options after checking. */
export interface CheckedOptions {
  /** As-of date. */
  readonly asOf: CalendarDate;
  /** Indicator values. */
  readonly indicators: ReadonlyMap<string, ReadonlyMap<string, Amount>>;
  /** Keep participant ids. */
  readonly keepParticipants: boolean;
  /** Record validation mode. */
  readonly records: ValidationMode;
  /** Compute the evidence fingerprint of the records. */
  readonly evidence: boolean;
  /** Earlier contract fingerprints accepted for previous settlements. */
  readonly amendedFrom: readonly string[];
  /** A settlement may recover everything paid before. */
  readonly allowFullRecovery: boolean;
  /** How many excluded records are accepted (lenient mode). */
  readonly maxExcluded: ExcludedLimit;
  /** Whether an input of no records settles. */
  readonly allowEmpty: boolean;
}

const KNOWN_KEYS = new Set(['asOf', 'previous', 'indicators', 'detail', 'records', 'evidenceFingerprint', 'amendedFrom', 'allowFullRecovery', 'maxExcluded', 'allowEmpty']);

/**
 * Checks settlement options against a contract. The options are data: whatever they are (`null`,
 * a string, an object whose getter throws), a problem is an issue (`OPTIONS_NOT_OBJECT`,
 * `OPTIONS_UNREADABLE`, ...). The contract must be the value of `parseContract`: anything else
 * throws {@link OutcomePayError} `ARGUMENT_INVALID`.
 *
 * @example
 * checkOptions({ asOf: '2025-06-30' }, contract); // { options, issues: [] }
 */
export function checkOptions(input: unknown, contract: Contract): { options: CheckedOptions | undefined; issues: Issue[] } {
  expectContract('checkOptions', 'contract', contract);
  const { options, issues } = readSettleOptions(input, contract);
  return { options, issues };
}

/** What {@link readSettleOptions} read: the checked options, every problem, and the options as given (own fields, read once). */
export interface ReadOptions {
  readonly options: CheckedOptions | undefined;
  readonly issues: Issue[];
  /** The options' own fields, indicator values included, each read once: what the settlement uses after the check (undefined when refused). */
  readonly given: SettleOptions | undefined;
}

/**
 * {@link checkOptions} for `settle` and `settleStream`, which parsed the contract themselves: also
 * gives the options as read, so that nothing reads them a second time (a getter could answer
 * differently).
 *
 * @example
 * const read = readSettleOptions({ asOf: '2025-06-30' }, contract); // read.given.asOf === '2025-06-30'
 */
export function readSettleOptions(given: unknown, contract: Contract): ReadOptions {
  const read = readOwnFields(given);
  if (read.error !== undefined) {
    return { options: undefined, given: undefined, issues: [{ code: 'OPTIONS_UNREADABLE', path: ['options'], message: `the settlement options could not be read (${thrownReason(read.error)})` }] };
  }
  if (read.fields === undefined) {
    return { options: undefined, given: undefined, issues: [{ code: 'OPTIONS_NOT_OBJECT', path: ['options'], message: `settlement options must be an object with at least asOf, not ${describeValue(given)}` }] };
  }
  const indicators = readIndicators(read.fields['indicators']);
  // own fields only, in an object without a prototype: an option not given is not read from Object.prototype
  const input = ownFields(read.fields);
  if (indicators.values !== undefined) input['indicators'] = indicators.values;
  const checked = checkOptionFields(input, contract, indicators.issue);
  return { ...checked, given: checked.options === undefined ? undefined : (input as unknown as SettleOptions) };
}

/** The indicator values read once, two levels deep (indicator → cohort → value), or the issue of an object that cannot be read. */
function readIndicators(value: unknown): { values: Record<string, unknown> | undefined; issue: Issue | undefined } {
  const outer = readOwnFields(value);
  if (outer.fields === undefined) return { values: undefined, issue: outer.error === undefined ? undefined : unreadableIndicators([], outer.error) };
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [indicator, byCohort] of Object.entries(outer.fields)) {
    const inner = readOwnFields(byCohort);
    if (inner.error !== undefined) return { values: undefined, issue: unreadableIndicators([indicator], inner.error) };
    values[indicator] = inner.fields ?? byCohort;
  }
  return { values, issue: undefined };
}

function unreadableIndicators(at: readonly string[], error: unknown): Issue {
  return { code: 'OPTIONS_INDICATORS', path: ['options', 'indicators', ...at], message: `the indicator values could not be read (${thrownReason(error)})` };
}

function checkOptionFields(input: Record<string, unknown>, contract: Contract, unreadable: Issue | undefined): { options: CheckedOptions | undefined; issues: Issue[] } {
  const issues: Issue[] = unreadable === undefined ? [] : [unreadable];
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) issues.push({ code: 'OPTIONS_UNKNOWN_KEY', path: ['options', key], message: `unknown settlement option "${key}"; known: ${[...KNOWN_KEYS].join(', ')}` });
  }
  const asOf = checkDate(input['asOf'], ['options', 'asOf']);
  if (!asOf.ok) issues.push(...asOf.issues);
  const detail = input['detail'] ?? 'totals';
  if (detail !== 'totals' && detail !== 'participants') {
    issues.push({ code: 'OPTIONS_DETAIL', path: ['options', 'detail'], message: `detail must be "totals" or "participants", not ${JSON.stringify(detail)}` });
  }
  const records = input['records'] ?? 'lenient';
  if (records !== 'lenient' && records !== 'strict') {
    issues.push({ code: 'OPTIONS_RECORDS_MODE', path: ['options', 'records'], message: `records must be "lenient" or "strict", not ${JSON.stringify(records)}` });
  }
  const evidence = input['evidenceFingerprint'] ?? false;
  if (typeof evidence !== 'boolean') {
    issues.push({ code: 'OPTIONS_EVIDENCE_FINGERPRINT', path: ['options', 'evidenceFingerprint'], message: `evidenceFingerprint must be true or false, not ${JSON.stringify(evidence)}` });
  }
  const amendedFrom = input['amendedFrom'] ?? [];
  if (!Array.isArray(amendedFrom) || !everyItem(amendedFrom, (item) => typeof item === 'string' && /^[0-9a-f]{64}$/.test(item))) {
    issues.push({ code: 'OPTIONS_AMENDED_FROM', path: ['options', 'amendedFrom'], message: 'amendedFrom must be an array of contract fingerprints (64 lower-case hex digits, the fingerprint.contract of a settlement)' });
  }
  const allowFullRecovery = input['allowFullRecovery'] ?? false;
  if (typeof allowFullRecovery !== 'boolean') {
    issues.push({ code: 'OPTIONS_ALLOW_FULL_RECOVERY', path: ['options', 'allowFullRecovery'], message: `allowFullRecovery must be true or false, not ${JSON.stringify(allowFullRecovery)}` });
  }
  const maxExcluded = readMaxExcluded(input['maxExcluded'] === undefined ? DEFAULT_MAX_EXCLUDED : input['maxExcluded'], ['options', 'maxExcluded']);
  issues.push(...maxExcluded.issues);
  const allowEmpty = input['allowEmpty'] === undefined ? false : input['allowEmpty'];
  if (typeof allowEmpty !== 'boolean') {
    issues.push({ code: 'OPTIONS_ALLOW_EMPTY', path: ['options', 'allowEmpty'], message: `allowEmpty must be true or false, not ${JSON.stringify(allowEmpty)}` });
  }
  if (input['previous'] !== undefined && !Array.isArray(input['previous'])) {
    issues.push({ code: 'OPTIONS_PREVIOUS', path: ['options', 'previous'], message: 'previous must be an array of settlement documents' });
  }
  const indicators = new Map<string, Map<string, Amount>>();
  const rawIndicators = input['indicators'] ?? {};
  const declared = new Set(contract.outcomes.filter((outcome) => outcome.kind === 'cohortIndicator').map((outcome) => outcome.id));
  const cohorts = new Set(contract.cohorts.map((cohort) => cohort.id));
  if (unreadable !== undefined) {
    // reported above
  } else if (!isPlainObject(rawIndicators)) {
    issues.push({ code: 'OPTIONS_INDICATORS', path: ['options', 'indicators'], message: 'indicators must be an object: indicator id → cohort id → value' });
  } else {
    for (const [indicator, values] of Object.entries(rawIndicators)) {
      // Object.entries lists own properties only
      const path = ['options', 'indicators', indicator];
      if (!declared.has(indicator)) {
        issues.push({ code: 'INDICATOR_UNKNOWN', path, message: `"${indicator}" is not a cohortIndicator outcome of the contract` });
        continue;
      }
      if (!isPlainObject(values)) {
        issues.push({ code: 'OPTIONS_INDICATORS', path, message: `indicator "${indicator}" must map cohort ids to decimal strings` });
        continue;
      }
      const byCohort = new Map<string, Amount>();
      for (const [cohort, value] of Object.entries(values)) {
        if (cohort !== '*' && !cohorts.has(cohort)) {
          issues.push({ code: 'INDICATOR_COHORT_UNKNOWN', path: [...path, cohort], message: `indicator "${indicator}": "${cohort}" is not a cohort of the contract (use "*" for pooled cohorts)` });
          continue;
        }
        const amount = checkAmount(value, [...path, cohort]);
        const beyond = amount.ok ? checkAmountLimits(amount.value, [...path, cohort]) : undefined;
        if (!amount.ok) issues.push(...amount.issues);
        else if (beyond !== undefined) issues.push(beyond);
        else byCohort.set(cohort, amount.value);
      }
      indicators.set(indicator, byCohort);
    }
  }
  if (issues.length > 0 || !asOf.ok || maxExcluded.limit === undefined) return { options: undefined, issues };
  return {
    options: {
      asOf: asOf.value,
      indicators,
      keepParticipants: detail === 'participants',
      records: records as ValidationMode,
      evidence: evidence === true,
      amendedFrom: [...new Set(amendedFrom as string[])],
      allowFullRecovery: allowFullRecovery === true,
      maxExcluded: maxExcluded.limit,
      allowEmpty: allowEmpty === true,
    },
    issues,
  };
}

/** `list.every(test)`, false when the list cannot be read (a Proxy that throws). */
function everyItem(list: readonly unknown[], test: (item: unknown) => boolean): boolean {
  try {
    return list.every(test);
  } catch {
    return false;
  }
}

/**
 * The canonical text of the options that enter the settlement's fingerprint: the as-of date, the
 * detail level, the indicator values, the record mode, the fingerprints of the previous
 * settlements (in the order they were made) and of the earlier contracts accepted, whether a full
 * recovery was allowed and whether the evidence fingerprint was asked for (not `maxExcluded` nor
 * `allowEmpty`: they decide whether a settlement is made, and change nothing in one that is).
 * `settle` and `settleStream` both use it, so their fingerprints agree. `options` is the `given`
 * of {@link readSettleOptions}: own fields in an object without a prototype.
 *
 * @example
 * optionsFingerprintText({ asOf: '2025-06-30' }, checked, previous); // '{"asOf":"2025-06-30",...}'
 */
export function optionsFingerprintText(options: SettleOptions, checked: CheckedOptions, previous: PreviousPayments): string {
  return canonicalJson({
    asOf: formatDate(checked.asOf),
    detail: options.detail ?? 'totals',
    indicators: options.indicators ?? {},
    previous: previous.fingerprints,
    records: checked.records,
    ...(previous.amendedFrom.length > 0 ? { amendedFrom: previous.amendedFrom } : {}),
    ...(checked.allowFullRecovery ? { allowFullRecovery: true } : {}),
    ...(checked.evidence ? { evidenceFingerprint: true } : {}),
  });
}
