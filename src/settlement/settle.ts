/**
 * `settle`: from a contract and outcome records at a date, the tranches owed, split among payers,
 * every amount explained.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { recordsArgument, validateBatch, type RawRecords } from '../records/index.js';
import { fail, ok, withNotices, type Result } from '../result.js';
import type { SettleOptions } from './options.js';
import { excludedCohortsTally } from './decisions-at-risk.js';
import { prepareSettlement } from './prepare.js';
import { recordContext } from './record-context.js';
import { recordsProblem } from './record-limits.js';
import { createSession } from './session.js';
import type { Settlement } from './types.js';

/**
 * Settles a contract: validates the contract, the options and the records, computes every
 * tranche as of `options.asOf`, and returns the settlement document, or every problem found.
 * Never throws for bad data. Deterministic: the same inputs give the same document, whatever the
 * order of the records or the machine's time zone.
 *
 * @param contract - the contract JSON (parsed), validated with `parseContract`
 * @param records - outcome records (parsed JSON objects), or what a records reader returned
 *   (`readCsvRecords(text)` etc., whose line numbers then appear in the data-quality issues),
 *   validated against the contract
 * @param options - as-of date, previous settlements, indicator values, detail, record mode, how
 *   many excluded records are accepted (`maxExcluded`, default 5 % of those read: beyond it the
 *   settlement fails with `RECORDS_EXCLUDED_LIMIT` and every problem), whether no records at all
 *   may settle (`allowEmpty`; otherwise `RECORDS_EMPTY`)
 *
 * The three arguments are data: a contract, records or options of the wrong type (`null`, a
 * string of CSV text, an object whose getter throws) are refused with issues
 * (`CONTRACT_NOT_OBJECT`, `RECORDS_NOT_ARRAY`, `OPTIONS_NOT_OBJECT`, `OPTIONS_UNREADABLE`), never
 * thrown.
 *
 * A contract written in an earlier version of the format (1.0) settles as its rewrite in the
 * current one; the ok result then carries the notice `CONTRACT_UPGRADED` in `issues`, as
 * `parseContract` does (the settlement document is the same).
 * @example
 * const result = settle(contractJson, recordsJson, { asOf: '2025-06-30' });
 * if (result.ok) console.log(result.value.totals.due); // e.g. '48200.00'
 */
export function settle(contract: unknown, records: readonly unknown[] | RawRecords, options: SettleOptions): Result<Settlement> {
  const prepared = prepareSettlement(contract, options);
  if (!prepared.ok) return prepared;
  const { contract: parsed, options: checked, previous, optionsText } = prepared.value;
  const context = recordContext(parsed);
  const read = recordsArgument(records);
  if (read.issue !== undefined) return fail([read.issue]);
  const batch: RawRecords = read.batch;
  const validated = validateBatch(batch, context, checked.records);
  if (!validated.ok) return fail(validated.issues);
  const dataQuality = {
    recordsRead: batch.records.length + batch.issues.length,
    recordsSettled: validated.value.records.length,
    recordsExcluded: validated.value.excluded.length,
    issues: validated.issues as readonly Issue[],
  };
  const problem = recordsProblem(dataQuality, checked);
  if (problem !== undefined) return fail([problem, ...validated.issues]);
  const session = createSession(parsed, checked, previous);
  for (const record of validated.value.records) session.add(record);
  const excluded = excludedCohortsTally(context.cohortIds);
  for (const entry of validated.value.excluded) excluded.add(entry.recordIndex === undefined ? undefined : batch.records[entry.recordIndex]);
  const result = session.finish(dataQuality, optionsText, excluded.counts());
  return withNotices(result.ok ? ok(result.value) : result, prepared.value.parsed);
}
