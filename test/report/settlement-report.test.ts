/**
 * settlementReport on a small programme (test/report/fixture.ts) whose every figure is worked out
 * by hand in the comments: the tranche and payers, the outcome rates per cohort and group, the
 * cohort indicator, the wages observed and the equity of access; the page's structure (every
 * chart an inline SVG, nothing external); misuse refused.
 */
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../src/index.js';
import { settlementReport } from '../../src/report.js';
import { AS_OF, CONTRACT, EXTERNAL, RECORDS, chartNames, tableCells } from './fixture.js';

function settled(): Settlement {
  const result = settle(CONTRACT, RECORDS, { asOf: AS_OF });
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

const settlement = settled();
const html = await settlementReport(CONTRACT, settlement, RECORDS, { indicators: { satisfaction: { A: '4.2' } } });
const rows = (name: string): string[][] => tableCells(html, name).slice(1);

describe('settlementReport', () => {
  it('is one HTML page: its title, the identity line, the language, every chart an inline SVG, nothing external', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    // the contract's name escaped: & and < are text, not markup
    expect(html).toContain('<title>Report fixture &amp; &lt;programme&gt;: settlement as of 2024-06-30</title>');
    expect(html).toContain(settlement.fingerprint.inputs);
    expect(chartNames(html)).toEqual(['tranches', 'payers', 'rates', 'equity']);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(EXTERNAL);
    expect(html).not.toContain('xmlns');
  });

  it('the tranche: 4 placements (A1, A3, A4, B2) × 1000.00 = 4000.00, all due', () => {
    expect(rows('tranches')).toEqual([['T1: First tranche', 'settled', '2024-06-30', '2024-06-30', '4000.00 EUR', '0.00 EUR', '4000.00 EUR', '0.00 EUR', '0.00 EUR', '4000.00 EUR']]);
  });

  it('the payers: 60 % of 4000.00 = 2400.00, 40 % = 1600.00', () => {
    expect(rows('payers')).toEqual([
      // the shares as the summary writes them (0.6 = 60 %), not as decimals
      ['Region', '60%', '2400.00 EUR', '0.00 EUR', '2400.00 EUR'],
      ['Agency', '40%', '1600.00 EUR', '0.00 EUR', '1600.00 EUR'],
    ]);
  });

  it('the outcome rates: achieved / enrolled per cohort and group, half-even to one decimal', () => {
    const outcome = 'Placement rate: Job within 90 days';
    expect(rows('outcomes')).toEqual([
      // A: A1, A2, A3, A4 enrolled; A1, A3, A4 placed; A2 failed: 3/4
      [outcome, 'Cohort A', 'everyone', '4', '3', '1', '0', '75.0%'],
      // rsa in A: A1 placed, A2 failed: 1/2
      [outcome, 'Cohort A', 'RSA', '2', '1', '1', '0', '50.0%'],
      // youth in A: A2 failed, A4 placed: 1/2
      [outcome, 'Cohort A', 'Youth', '2', '1', '1', '0', '50.0%'],
      // nobody in ltu: no rate
      [outcome, 'Cohort A', 'LTU', '0', '0', '0', '0', '—'],
      // B: B2 placed, B1 pending (its window ends 2024-08-30): 1/2
      [outcome, 'Cohort B', 'everyone', '2', '1', '0', '1', '50.0%'],
      [outcome, 'Cohort B', 'RSA', '1', '0', '0', '1', '0.0%'],
      [outcome, 'Cohort B', 'Youth', '0', '0', '0', '0', '—'],
      [outcome, 'Cohort B', 'LTU', '0', '0', '0', '0', '—'],
      // all cohorts: 4 of 6 = 66.666… → 66.7
      [outcome, 'all cohorts', 'everyone', '6', '4', '1', '1', '66.7%'],
      // rsa: A1, A2, B1; A1 placed: 1/3 = 33.333… → 33.3
      [outcome, 'all cohorts', 'RSA', '3', '1', '1', '1', '33.3%'],
      [outcome, 'all cohorts', 'Youth', '2', '1', '1', '0', '50.0%'],
      [outcome, 'all cohorts', 'LTU', '0', '0', '0', '0', '—'],
    ]);
  });

  it('the cohort indicator: the value given for A, none for B', () => {
    expect(rows('indicators')).toEqual([
      ['Employer satisfaction', 'Cohort A', '4.2'],
      ['Employer satisfaction', 'Cohort B', 'not given'],
    ]);
  });

  it('the wages: participants with a baseline and a wage observed by the as-of date (A1, A2, A4; A2 by its May wage, July is later)', () => {
    expect(rows('wages')).toEqual([
      // (1000 + 800 + 0) / 3 = 600.00; (1200 + 1000 + 1500) / 3 = 1233.333… → 1233.33; 3700 / 1800 − 1 = 1.0555… → 105.6 %
      ['Cohort A', 'everyone', '3', '600.00 EUR', '1233.33 EUR', '105.6%'],
      // A1, A2: 1800 / 2 = 900.00; 2200 / 2 = 1100.00; 2200 / 1800 − 1 = 0.2222… → 22.2 %
      ['Cohort A', 'RSA', '2', '900.00 EUR', '1100.00 EUR', '22.2%'],
      // A2, A4: 800 / 2 = 400.00; 2500 / 2 = 1250.00; 2500 / 800 − 1 = 2.125 → 212.5 %
      ['Cohort A', 'Youth', '2', '400.00 EUR', '1250.00 EUR', '212.5%'],
      // B has no wage observed: no row; all cohorts are A's figures
      ['all cohorts', 'everyone', '3', '600.00 EUR', '1233.33 EUR', '105.6%'],
      ['all cohorts', 'RSA', '2', '900.00 EUR', '1100.00 EUR', '22.2%'],
      ['all cohorts', 'Youth', '2', '400.00 EUR', '1250.00 EUR', '212.5%'],
    ]);
  });

  it('the equity of access: each group\'s share of the enrolments against its minimum', () => {
    expect(rows('equity')).toEqual([
      // rsa: A 2 of 4 = 50 %, at its minimum of 50 %: met; B 1 of 2; all 3 of 6
      ['RSA', 'Cohort A', '2', '4', '50.0%', '50%', 'yes'],
      ['RSA', 'Cohort B', '1', '2', '50.0%', '50%', 'yes'],
      ['RSA', 'all cohorts', '3', '6', '50.0%', '50%', 'yes'],
      // youth (minimum 30 %): A 2 of 4 = 50 %; B 0 of 2 = 0 %: not met; all 2 of 6 = 33.3 %, above 30 %
      ['Youth', 'Cohort A', '2', '4', '50.0%', '30%', 'yes'],
      ['Youth', 'Cohort B', '0', '2', '0.0%', '30%', 'no'],
      ['Youth', 'all cohorts', '2', '6', '33.3%', '30%', 'yes'],
      // ltu has no minimum
      ['LTU', 'Cohort A', '0', '4', '0.0%', 'none', '—'],
      ['LTU', 'Cohort B', '0', '2', '0.0%', 'none', '—'],
      ['LTU', 'all cohorts', '0', '6', '0.0%', 'none', '—'],
    ]);
  });

  it('no exit clause: says so; totals line', () => {
    expect(html).toContain('The contract has no exit clause.');
    expect(html).toContain('Earned to date 4000.00 EUR; previously paid 0.00 EUR; due now 4000.00 EUR.');
    expect(html).not.toContain('class="warning"');
  });

  it('without the records, the wages section says they were not given; without indicators, the values are not given', async () => {
    const bare = await settlementReport(CONTRACT, settlement);
    expect(bare).toContain('The records were not given to the report');
    expect(bare).not.toContain('data-table="wages"');
    expect(tableCells(bare, 'indicators').slice(1).map((row) => row[2])).toEqual(['not given', 'not given']);
  });

  it('a settlement with invalid records excluded has the warning at the top', async () => {
    const withBad = settle(CONTRACT, [...RECORDS, { id: 'X', cohort: 'nope', enrolledOn: '2024-01-01' }], { asOf: AS_OF, maxExcluded: '1' });
    if (!withBad.ok) throw new Error('not settled');
    expect(await settlementReport(CONTRACT, withBad.value)).toContain('<p class="warning">Warning: 1 record of 7 was invalid and excluded from this settlement; the figures below do not count it.');
  });

  it('refuses a settlement of another contract, a settlement that is not one, an invalid contract and an unknown language', async () => {
    const other = { ...CONTRACT, id: 'other' };
    await expect(settlementReport(other, settlement)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID', message: expect.stringContaining('not made with this contract') as unknown });
    await expect(settlementReport(CONTRACT, { ...settlement, totals: null } as unknown as Settlement)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    await expect(settlementReport({ schemaVersion: '2.0' }, settlement)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID', message: expect.stringContaining('contract is not a valid contract') as unknown });
    await expect(settlementReport(CONTRACT, settlement, undefined, { language: 'xx' as 'en' })).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    await expect(settlementReport(CONTRACT, settlement, undefined, { colour: 'red' } as never)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
  });
});
