/**
 * What `settle` reports about its options: each problem at the option's path with a registered
 * code (the as-of date's and the indicator values' come from the calendar and money cores), a
 * missing indicator value at its option path too, and docs/settlement.md says where each
 * settlement code applies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isErrorCode, settle } from '../../src/index.js';
import { readRecords } from '../../src/readers.js';
import { SETTLEMENT_ISSUE_CODES } from '../../src/codes/index.js';

const doc = readFileSync(new URL('../../docs/settlement.md', import.meta.url), 'utf8');
const contract: unknown = JSON.parse(readFileSync(new URL('../../examples/ppp-impact/contract.json', import.meta.url), 'utf8'));
const one = [{ id: 'P1', cohort: '2023-A', enrolledOn: '2023-02-01' }];
const read = readRecords(readFileSync(new URL('../../examples/ppp-impact/records.csv', import.meta.url), 'utf8'), 'csv');
if (!read.ok) throw new Error('ppp-impact records');

function issuesOf(options: unknown, records: Parameters<typeof settle>[1] = one): { code: string; path: readonly (string | number)[] }[] {
  const result = settle(contract, records, options as never);
  return result.ok ? [] : result.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

describe('settlement issue codes', () => {
  it('docs/settlement.md lists every code of SETTLEMENT_ISSUE_CODES', () => {
    for (const code of Object.keys(SETTLEMENT_ISSUE_CODES)) expect(doc).toContain(`\`${code}\``);
  });

  it.each([
    ['asOf missing', {}, 'DATE_TYPE', ['options', 'asOf']],
    ['asOf a number', { asOf: 20250630 }, 'DATE_TYPE', ['options', 'asOf']],
    ['asOf day first', { asOf: '30/06/2025' }, 'DATE_FORMAT', ['options', 'asOf']],
    ['asOf 2025-02-30', { asOf: '2025-02-30' }, 'DATE_IMPOSSIBLE', ['options', 'asOf']],
    ['asOf a date-time', { asOf: '2025-06-30T12:00' }, 'DATE_TIME_WITHOUT_OFFSET', ['options', 'asOf']],
    ['an indicator value 0.55', { asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': 0.55 } } }, 'AMOUNT_FRACTIONAL_NUMBER', ['options', 'indicators', 'comparison-rate', '2023-A']],
    ['an indicator value true', { asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': true } } }, 'AMOUNT_TYPE', ['options', 'indicators', 'comparison-rate', '2023-A']],
    ['an indicator value 2^53', { asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': 2 ** 53 } } }, 'AMOUNT_UNSAFE_INTEGER', ['options', 'indicators', 'comparison-rate', '2023-A']],
    ['an indicator value NaN', { asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': Number.NaN } } }, 'AMOUNT_NOT_FINITE', ['options', 'indicators', 'comparison-rate', '2023-A']],
    ['an indicator value "55%"', { asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': '55%' } } }, 'AMOUNT_FORMAT', ['options', 'indicators', 'comparison-rate', '2023-A']],
  ])('%s: %s is a registered code, at the option', (_, options, code, path) => {
    expect(issuesOf(options)).toContainEqual({ code, path });
    expect(isErrorCode(code)).toBe(true);
  });

  it('a missing indicator value is reported at its option path, like every other indicator problem', () => {
    // the exit clause indicatorBelow employer-satisfaction reads cohorts 2023-A and 2023-B
    const found = issuesOf({ asOf: '2025-09-30', indicators: { 'comparison-rate': { '2023-A': '0.55', '2023-B': '0.6' } } });
    expect(found).toEqual([
      { code: 'INDICATOR_MISSING', path: ['options', 'indicators', 'employer-satisfaction', '2023-A'] },
      { code: 'INDICATOR_MISSING', path: ['options', 'indicators', 'employer-satisfaction', '2023-B'] },
    ]);
    // the placement-impact rule's baseline reads comparison-rate, per cohort (on the example's records:
    // with no trainee who completed, the cohort is empty and its rate is not computed)
    const rule = issuesOf({ asOf: '2025-09-30', indicators: { 'employer-satisfaction': { '2023-A': '3.9', '2023-B': '3.4' } } }, read.value);
    expect(rule.length).toBeGreaterThan(0);
    for (const issue of rule) {
      expect(issue.code).toBe('INDICATOR_MISSING');
      expect(issue.path.slice(0, 3)).toEqual(['options', 'indicators', 'comparison-rate']);
    }
  });
});
