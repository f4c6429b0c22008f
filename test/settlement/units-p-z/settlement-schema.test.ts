/**
 * The settlement document's shape (src/settlement/settlement-schema.ts): a settlement of the
 * minimal contract passes; each kind of problem is refused with its code, path and message —
 * money that is not canonical in the currency's minor units or negative where settle never writes
 * a negative (PREVIOUS_AMOUNT), unknown keys one by one, values of another type, and a document
 * the schema cannot read at all (PREVIOUS_MALFORMED).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../../src/index.js';
import { SETTLEMENT_FORMAT, SETTLEMENT_FORMAT_VERSION, checkSettlementShape } from '../../../src/settlement/settlement-schema.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));

/** The minimal contract settled with one participant placed and retained: t1 earns 1500.00. */
function settlement(): Settlement {
  const result = settle(minimal, [{ id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] }], { asOf: '2025-06-30' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return JSON.parse(JSON.stringify(result.value)) as Settlement;
}

const at = ['previous', 0] as const;
const issues = (value: unknown, units = 2) => checkSettlementShape(value, units, at).issues.map((issue) => [issue.code, issue.path.join('.'), issue.message]);
const withTotals = (s: Settlement, totals: Partial<Settlement['totals']>): unknown => ({ ...s, totals: { ...s.totals, ...totals } });

describe('checkSettlementShape', () => {
  it('the format and version this library writes', () => {
    expect([SETTLEMENT_FORMAT, SETTLEMENT_FORMAT_VERSION]).toEqual(['outcome-pay/settlement', 2]);
  });

  it('a settlement passes, read as the document it is', () => {
    const s = settlement();
    const checked = checkSettlementShape(s, 2, at);
    expect(checked.issues).toEqual([]);
    expect(checked.value).toEqual(s);
  });

  it('money not canonical in 2 minor units, or negative where it cannot be: PREVIOUS_AMOUNT', () => {
    const s = settlement();
    expect(issues(withTotals(s, { earned: '1500.0' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.earned', 'previous[0].totals.earned: the string "1500.0" is not a canonical amount (non-negative, 2 decimals)'],
    ]);
    expect(issues(withTotals(s, { earned: '-1500.00' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.earned', 'previous[0].totals.earned: the string "-1500.00" is not a canonical amount (non-negative, 2 decimals)'],
    ]);
    expect(issues(withTotals(s, { earned: '01500.00' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.earned', 'previous[0].totals.earned: the string "01500.00" is not a canonical amount (non-negative, 2 decimals)'],
    ]);
    // a due may be negative, but a zero is written unsigned
    expect(issues(withTotals(s, { due: '-1500.00' }))).toEqual([]);
    expect(issues(withTotals(s, { due: '-0.00' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.due', 'previous[0].totals.due: the string "-0.00" is not a canonical amount (2 decimals)'],
    ]);
    expect(issues(withTotals(s, { due: '1500.001' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.due', 'previous[0].totals.due: the string "1500.001" is not a canonical amount (2 decimals)'],
    ]);
    expect(issues(withTotals(s, { withheld: '0.00', reinvested: '0' }))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.reinvested', 'previous[0].totals.reinvested: the string "0" is not a canonical amount (non-negative, 2 decimals)'],
    ]);
  });

  it('in a currency of 0 or 3 minor units, the amounts are written with 0 or 3 decimals', () => {
    const s = settlement();
    const yen = { earned: '1500', previouslyPaid: '0', due: '-1500', reinvested: '0', withheld: '0' };
    expect(issues(withTotals(s, yen), 0).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([]);
    expect(issues(withTotals(s, { ...yen, due: '-0' }), 0).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.due', 'previous[0].totals.due: the string "-0" is not a canonical amount (0 decimals)'],
    ]);
    const dinars = { earned: '1500.000', previouslyPaid: '0.000', due: '-0.001', reinvested: '0.000', withheld: '0.000' };
    expect(issues(withTotals(s, dinars), 3).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([]);
    expect(issues(withTotals(s, { ...dinars, earned: '1500.00' }), 3).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.earned', 'previous[0].totals.earned: the string "1500.00" is not a canonical amount (non-negative, 3 decimals)'],
    ]);
  });

  it('unknown keys: one issue each, named by its own path', () => {
    const s = settlement();
    expect(issues({ ...s, paidOn: '2025-07-01', note: 1 })).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.paidOn', 'previous[0].paidOn: is not a field of a settlement document here'],
      ['PREVIOUS_MALFORMED', 'previous.0.note', 'previous[0].note: is not a field of a settlement document here'],
    ]);
    expect(issues(withTotals(s, { extra: '1' } as Partial<Settlement['totals']>))).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.totals.extra', 'previous[0].totals.extra: is not a field of a settlement document here'],
    ]);
  });

  it('a value of another type, or missing: what it is and what it must be', () => {
    const s = settlement();
    expect(issues({ ...s, asOf: 5 })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.asOf', 'previous[0].asOf: expected a string, got the number 5']]);
    expect(issues({ ...s, asOf: true })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.asOf', 'previous[0].asOf: expected a string, got true']]);
    expect(issues({ ...s, asOf: undefined })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.asOf', 'previous[0].asOf: missing (a string expected)']]);
    // worded as a contract's problems are (src/contract/zod-messages.ts): the kind expected, with
    // its article (an object; an array expected is called a list), then the value found
    expect(issues({ ...s, totals: 'x' })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.totals', 'previous[0].totals: expected an object, got the string "x"']]);
    expect(issues({ ...s, tranches: {} })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.tranches', 'previous[0].tranches: expected a list, got an object']]);
    expect(issues({ ...s, totals: undefined })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.totals', 'previous[0].totals: missing (an object expected)']]);
    expect(issues({ ...s, dataQuality: { ...s.dataQuality, recordsRead: 1.5 } })).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.dataQuality.recordsRead', 'previous[0].dataQuality.recordsRead: expected an integer, got the number 1.5'],
    ]);
    expect(issues({ ...s, dataQuality: { ...s.dataQuality, recordsRead: -1 } }).map((row) => row.slice(0, 2))).toEqual([['PREVIOUS_MALFORMED', 'previous.0.dataQuality.recordsRead']]);
  });

  it('a long text is cut to 40 characters in the message', () => {
    const s = settlement();
    const long = `2025-06-30${'x'.repeat(40)}`;
    const [row] = issues({ ...s, asOf: long });
    expect(row?.slice(0, 2)).toEqual(['PREVIOUS_MALFORMED', 'previous.0.asOf']);
    expect(row?.[2]).toMatch(new RegExp(`^previous\\[0\\]\\.asOf: the string "${long.slice(0, 40)}\\.\\.\\." `));
    // 40 characters are shown whole
    const forty = `2025-06-30${'x'.repeat(30)}`;
    expect(issues({ ...s, asOf: forty })[0]?.[2]).toMatch(new RegExp(`^previous\\[0\\]\\.asOf: the string "${forty}" `));
  });

  it('an impossible date, a fingerprint that is not 64 hex digits, an unregistered issue code', () => {
    const s = settlement();
    expect(issues({ ...s, asOf: '2025-02-30' })).toEqual([['PREVIOUS_MALFORMED', 'previous.0.asOf', 'previous[0].asOf: the string "2025-02-30" is not a calendar date']]);
    expect(issues({ ...s, fingerprint: { ...s.fingerprint, inputs: 'ABC' } })).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.fingerprint.inputs', 'previous[0].fingerprint.inputs: the string "ABC" is not 64 lower-case hex digits'],
    ]);
    const issue = { code: 'NOT_A_CODE', path: [], message: 'x' };
    expect(issues({ ...s, dataQuality: { ...s.dataQuality, issues: [issue] } })).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.dataQuality.issues.0.code', 'previous[0].dataQuality.issues[0].code: the string "NOT_A_CODE" is not a registered issue code (docs/codes.md)'],
    ]);
    // an issue without a code: the refinement is asked about undefined and says it is missing
    expect(issues({ ...s, dataQuality: { ...s.dataQuality, issues: [{ path: [], message: 'x' }] } })).toEqual([
      ['PREVIOUS_MALFORMED', 'previous.0.dataQuality.issues.0.code', 'previous[0].dataQuality.issues[0].code: a missing value is not a registered issue code (docs/codes.md)'],
    ]);
  });

  it('a document the schema cannot read is refused, never thrown', () => {
    const unreadable = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(issues(unreadable)).toEqual([['PREVIOUS_MALFORMED', 'previous.0', 'previous[0]: could not be checked (boom)']]);
    // at the root, the path is written (root)
    expect(checkSettlementShape(unreadable, 2, []).issues.map((issue) => issue.message)).toEqual(['(root): could not be checked (boom)']);
  });
});
