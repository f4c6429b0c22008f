/**
 * The settlement document's schema (zod): the shape `settle` writes, with money as canonical
 * strings in the currency's minor units and a sign only where `settle` can produce one. Used to
 * read previous settlements; their figures are then checked to add up (settlement-figures.ts).
 *
 * @module
 */
import * as z from 'zod/mini';
import type { ErrorCode } from '../codes/index.js';
import { isErrorCode } from '../codes/is-error-code.js';
import { formatPath, type Issue, type PathSegment } from '../errors.js';
import { DATE_PATTERN } from '../contract/primitives.js';
import { checkDate } from '../calendar/index.js';
import { withEveryKey } from '../contract/every-key.js';
import { inEnglish } from '../contract/zod-messages.js';
import { describeValue } from '../describe-value.js';
import { thrownReason } from '../guard.js';
import type { Settlement, SettlementLine } from './types.js';

/** The `format` of a settlement document. */
export const SETTLEMENT_FORMAT = 'outcome-pay/settlement';
/** The `formatVersion` this library writes and reads. */
export const SETTLEMENT_FORMAT_VERSION = 2;

const HEX64 = /^[0-9a-f]{64}$/;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** A share or exact fraction as a settlement writes it: a decimal, or `n/d`. */
const SHARE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$|^-?(0|[1-9][0-9]*)\/[1-9][0-9]*$/;

/** Canonical money in `units` minor units: `"1234.50"` (`"100"` with 0 units), never `"-0.00"`; signed or not. */
function moneyPattern(units: number, signed: boolean): RegExp {
  const fraction = units === 0 ? '' : `\\.[0-9]{${units}}`;
  const zero = units === 0 ? '0' : `0\\.0{${units}}`;
  const unsigned = `(0${fraction}|[1-9][0-9]*${fraction})`;
  // a zero is written unsigned; "-" only before a non-zero amount
  return new RegExp(signed ? `^(${zero}|-?(?!${zero}$)${unsigned})$` : `^${unsigned}$`);
}

const MONEY_MESSAGE = 'is not a canonical amount';

function date() {
  return z.string().check(z.regex(DATE_PATTERN), z.refine((text) => checkDate(text, []).ok, { message: 'is not a calendar date' }));
}

const hex = () => z.string().check(z.regex(HEX64, { error: 'is not 64 lower-case hex digits' }));
const count = () => z.int().check(z.minimum(0));
const text = () => z.string();
const errorCode = () => z.custom<ErrorCode>((value) => typeof value === 'string' && isErrorCode(value), { error: 'is not a registered issue code (docs/codes.md)' });

/**
 * The zod schema of a settlement document in a currency with `units` minor units: built once per
 * number of minor units (0, 2, 3 or 4: every ISO 4217 currency) when the module loads. zod reads
 * the parameters of a schema being built (`{ error }`) with their inherited properties, so a
 * schema built after `Object.prototype` was changed could differ or throw; one built before
 * cannot (docs/reliability.md, "Inherited properties").
 *
 * @example
 * settlementSchema(2).safeParse(JSON.parse(text)).success; // true for a EUR settlement
 */
export function settlementSchema(units: number): SettlementSchema {
  return SCHEMAS.get(units) ?? buildSettlementSchema(units);
}

type SettlementSchema = ReturnType<typeof buildSettlementSchema>;

function buildSettlementSchema(units: number) {
  const money = z.string().check(z.regex(moneyPattern(units, false), { error: `${MONEY_MESSAGE} (non-negative, ${units} decimals)` }));
  const signed = z.string().check(z.regex(moneyPattern(units, true), { error: `${MONEY_MESSAGE} (${units} decimals)` }));
  const decimal = z.string().check(z.regex(DECIMAL, { error: 'is not a decimal' }));
  const share = z.string().check(z.regex(SHARE, { error: 'is not a decimal or a fraction' }));
  const payer = z.strictObject({ payer: text(), share: z.nullable(share), earned: money, previouslyPaid: money, due: signed });
  // an object of any keys (not z.record: zod reads a record key type's `values` through the prototype chain)
  const figures = z.catchall(z.object({}), z.union([z.string(), z.number()]));
  const line = z.strictObject({
    rule: text(),
    kind: z.enum(['rateCard', 'sustainment', 'cohortRate', 'bonus', 'fee', 'resultsIndicator', 'exitPayment'] satisfies readonly SettlementLine['kind'][]),
    cohort: z.nullable(text()),
    outcome: z.nullable(text()),
    claims: z.nullable(count()),
    unit: z.nullable(decimal),
    inputs: figures,
    formula: text(),
    exact: decimal,
    rounding: text(),
    earned: money,
    paid: money,
    version: z.exactOptional(text()),
    participants: z.exactOptional(z.array(text())),
    participantVersions: z.exactOptional(z.array(text())),
    payers: z.exactOptional(z.array(z.strictObject({ payer: text(), fraction: share }))),
  });
  const year = z.strictObject({ from: date(), to: date() });
  const budgetYearEntry = z.strictObject({
    cap: text(),
    payer: text(),
    year,
    limit: money,
    usedBefore: money,
    part: money,
    takenFrom: z.array(z.strictObject({ payer: text(), amount: money })),
    carriedFrom: z.array(z.strictObject({ tranche: text(), year, amount: money })),
    requested: money,
    paid: money,
    over: money,
    overflow: z.enum(['notPaid', 'deferred', 'takenBy']),
    to: z.nullable(text()),
    explanation: text(),
  });
  const tranche = z.strictObject({
    id: text(),
    name: text(),
    status: z.enum(['settled', 'scheduled', 'cancelled', 'suspended', 'withdrawn']),
    byClause: z.nullable(text()),
    measuredOn: date(),
    dueOn: date(),
    earned: money,
    previouslyPaid: money,
    due: signed,
    withheld: money,
    reinvested: money,
    toProvider: money,
    payers: z.array(payer),
    lines: z.array(line),
    capCuts: z.array(
      z.strictObject({
        cap: text(),
        kind: z.enum(['outcome', 'cohort', 'tranche', 'contract', 'payer', 'participant']),
        limit: money,
        usedBefore: money,
        requested: money,
        cut: money,
        claims: z.exactOptional(count()),
        participants: z.exactOptional(z.array(text())),
      }),
    ),
    reinvestment: z.array(z.strictObject({ reinvestment: text(), destination: text(), amount: money, formula: text() })),
    payerSplit: z.exactOptional(z.array(z.strictObject({ payer: text(), exact: share, part: money }))),
    budgetYears: z.exactOptional(z.array(budgetYearEntry)),
  });
  return z.strictObject({
    format: z.literal(SETTLEMENT_FORMAT),
    formatVersion: z.literal(SETTLEMENT_FORMAT_VERSION),
    library: z.strictObject({ name: z.literal('outcome-pay'), version: text() }),
    contract: z.strictObject({ id: text(), name: text(), currency: text(), rounding: text() }),
    asOf: date(),
    fingerprint: z.strictObject({ inputs: hex(), contract: hex(), records: hex(), options: hex(), recordsEvidence: z.nullable(hex()) }),
    previous: z.strictObject({
      settlements: z.array(z.strictObject({ inputs: hex(), asOf: date(), contract: hex() })),
      amendedFrom: z.array(hex()),
    }),
    totals: z.strictObject({ earned: money, previouslyPaid: money, due: signed, reinvested: money, withheld: money }),
    payers: z.array(payer),
    tranches: z.array(tranche),
    adjustments: z.array(
      z.strictObject({
        tranche: text(),
        payer: text(),
        previouslyPaid: money,
        earned: money,
        amount: signed,
        reason: text(),
        causes: z.exactOptional(
          z.array(
            z.strictObject({
              cause: z.enum(['withdrawn', 'corrected', 'late', 'amended', 'caps', 'other']),
              rule: z.nullable(text()),
              outcome: z.nullable(text()),
              claims: count(),
              participants: z.array(text()),
              trancheAmount: signed,
              amount: signed,
              explanation: text(),
              version: z.exactOptional(text()),
            }),
          ),
        ),
      }),
    ),
    exits: z.array(
      z.strictObject({ clause: text(), checkOn: date(), outcome: z.enum(['fired', 'notFired', 'notYetChecked', 'skipped']), figures, explanation: text() }),
    ),
    minimumPerformance: z.exactOptional(
      z.array(
        z.strictObject({
          id: text(),
          name: text(),
          outcome: text(),
          cohorts: z.nullable(z.array(text())),
          enrolledBy: z.nullable(date()),
          level: decimal,
          consequence: z.enum(['withhold', 'priceReduction', 'flag']),
          reviews: z.array(
            z.strictObject({
              reviewOn: date(),
              outcome: z.enum(['met', 'notMet', 'notYetReviewed']),
              achieved: z.nullable(count()),
              participants: z.nullable(count()),
              rate: z.nullable(text()),
              level: decimal,
              amount: money,
              explanation: text(),
            }),
          ),
          tranches: z.array(
            z.strictObject({
              tranche: text(),
              measuredOn: date(),
              review: date(),
              achieved: count(),
              participants: count(),
              rate: text(),
              met: z.boolean(),
              action: z.enum(['withheld', 'reduced', 'released', 'ended']),
              amount: money,
            }),
          ),
          withheld: money,
          released: money,
          outstanding: money,
          reduced: money,
        }),
      ),
    ),
    participantCaps: z.array(
      z.strictObject({ cap: text(), limit: money, claimsCut: count(), amountCut: money, participants: z.exactOptional(z.array(text())) }),
    ),
    unscheduled: z.array(
      z.strictObject({ rule: text(), cohort: z.nullable(text()), claims: count(), amount: money, from: date(), to: date(), reason: text() }),
    ),
    hiringGuarantees: z.array(
      z.strictObject({
        guarantee: text(),
        employer: text(),
        positions: count(),
        qualified: count(),
        hired: count(),
        undecided: count(),
        status: z.enum(['met', 'open', 'shortfall']),
        shortfallPositions: count(),
        shortfallAmount: z.nullable(money),
      }),
    ),
    tallies: z.array(
      z.strictObject({ cohort: text(), group: z.nullable(text()), outcome: text(), enrolled: count(), achieved: count(), failed: count(), pending: count() }),
    ),
    dataQuality: z.strictObject({
      recordsRead: count(),
      recordsSettled: count(),
      recordsExcluded: count(),
      decisionsAtRisk: z.exactOptional(
        z.array(
          z.strictObject({
            kind: z.enum(['exitClause', 'cohortRate', 'bonus', 'cap', 'hiringGuarantee']),
            id: text(),
            tranche: z.nullable(text()),
            cohort: z.nullable(text()),
            decided: text(),
            ifAllAchieved: text(),
            ifNoneAchieved: text(),
          }),
        ),
      ),
      issues: z.array(z.looseObject({ code: errorCode(), path: z.array(z.union([z.string(), z.number()])), message: text() })),
      issuesDelivered: z.exactOptional(count()),
    }),
  });
}

const SCHEMAS: ReadonlyMap<number, SettlementSchema> = new Map([0, 2, 3, 4].map((units) => [units, buildSettlementSchema(units)]));

/**
 * Checks that a value is a settlement document of this format version in a currency with
 * `units` minor units. Problems: `PREVIOUS_AMOUNT` (an amount that is not canonical money in
 * those minor units, or negative where `settle` never writes a negative), otherwise
 * `PREVIOUS_MALFORMED`, each with its path under `at`. Never throws: a document the schema
 * cannot check at all is `PREVIOUS_MALFORMED` at `at`.
 *
 * @example
 * const checked = checkSettlementShape(document, 2, ['previous', 0]);
 * if (checked.issues.length === 0) use(checked.value);
 */
export function checkSettlementShape(value: unknown, units: number, at: readonly PathSegment[]): { value: Settlement | undefined; issues: Issue[] } {
  const schema = settlementSchema(units);
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(value, inEnglish({ reportInput: true }));
  } catch (error) {
    // zod itself failed (it reads a few of its own settings through the prototype chain, such as
    // a check's `when`: docs/reliability.md, "Inherited properties"): refused, never thrown
    return { value: undefined, issues: [malformed([...at], `could not be checked (${thrownReason(error)})`)] };
  }
  // every object of the document read holds every key of its schema (absent ones undefined)
  if (parsed.success) return { value: withEveryKey(schema, parsed.data satisfies Settlement), issues: [] };
  const issues = parsed.error.issues.flatMap((problem): Issue[] => {
    const path = [...at, ...problem.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)))];
    // an unknown key is named by its own path, one issue each
    if (problem.code === 'unrecognized_keys') return problem.keys.map((key) => malformed([...path, key], 'is not a field of a settlement document here'));
    const amount = problem.code === 'invalid_format' && problem.message.startsWith(MONEY_MESSAGE);
    // a pattern's or a refinement's own message is a predicate ("is not a calendar date"); the
    // other messages (src/contract/zod-messages.ts) name the value themselves, as a contract's
    // do ("expected an object, got null", "missing (a string expected)")
    const what = problem.code === 'invalid_format' || problem.code === 'custom' ? `${problem.input === undefined ? 'a missing value' : describeValue(problem.input)} ${problem.message}` : problem.message;
    return [{ code: amount ? 'PREVIOUS_AMOUNT' : 'PREVIOUS_MALFORMED', path, message: `${formatPath(path)}: ${what}` }];
  });
  return { value: undefined, issues };
}

function malformed(path: readonly PathSegment[], what: string): Issue {
  return { code: 'PREVIOUS_MALFORMED', path, message: `${formatPath(path)}: ${what}` };
}
