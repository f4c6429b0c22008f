/**
 * The report in French (`language: 'fr'`): the same figures as the English report of the same
 * fixture (worked out by hand in settlement-report.test.ts), written as a French reader writes
 * them: `4 000,00 €` (U+00A0 between the groups and before the symbol), `30 juin 2024`, decimal
 * commas, a no-break space before `%`; the words from REPORT_MESSAGES.fr, which has every key of
 * the English table.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { REPORT_MESSAGES, settlementReport } from '../../src/report.js';
import { AS_OF, CONTRACT, RECORDS, tableCells } from './fixture.js';

const NBSP = '\u00a0';
const settlement = settle(CONTRACT, RECORDS, { asOf: AS_OF });
if (!settlement.ok) throw new Error('the report fixture does not settle');
const html = await settlementReport(CONTRACT, settlement.value, RECORDS, { language: 'fr', indicators: { satisfaction: { A: '4.2' } } });
const rows = (name: string): string[][] => tableCells(html, name).slice(1);

/** The keys of a messages object, deeply (functions and strings are leaves). */
function keys(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [at];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, `${at}.${key}`));
}

describe('settlementReport in French', () => {
  it('declares French and uses the French words', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Report fixture &amp; &lt;programme&gt; : règlement au 30 juin 2024</title>');
    expect(html).toContain('Tableau de bord du programme');
    expect(html).toContain('Équité d&#39;accès');
  });

  it('the tranche: 4 × 1000.00 = 4000.00 written 4 000,00 €, the dates in words', () => {
    const euros = (text: string): string => `${text}${NBSP}€`;
    expect(rows('tranches')).toEqual([['T1 : First tranche', 'réglée', '30 juin 2024', '30 juin 2024', euros(`4${NBSP}000,00`), euros('0,00'), euros(`4${NBSP}000,00`), euros('0,00'), euros('0,00'), euros(`4${NBSP}000,00`)]]);
    // 60 % and 40 % of 4000.00: 2400.00 and 1600.00; shares as the French summary writes them (60 %, not 0,6)
    expect(rows('payers')).toEqual([
      ['Region', `60${NBSP}%`, euros(`2${NBSP}400,00`), euros('0,00'), euros(`2${NBSP}400,00`)],
      ['Agency', `40${NBSP}%`, euros(`1${NBSP}600,00`), euros('0,00'), euros(`1${NBSP}600,00`)],
    ]);
  });

  it('rates with a decimal comma and a no-break space before %: 3/4 = 75,0 %, 4/6 = 66,7 %', () => {
    const outcomes = rows('outcomes');
    expect(outcomes[0]?.slice(1)).toEqual(['Cohort A', 'tous', '4', '3', '1', '0', `75,0${NBSP}%`]);
    // the kind of outcome and its name, with a French colon (a space before it)
    expect(outcomes[0]?.[0]).toBe('Taux de placement : Job within 90 days');
    expect(outcomes.find((row) => row[1] === 'toutes les cohortes' && row[2] === 'tous')?.[7]).toBe(`66,7${NBSP}%`);
  });

  it('the French table has every key of the English one', () => {
    expect(keys(REPORT_MESSAGES.fr).sort()).toEqual(keys(REPORT_MESSAGES.en).sort());
  });
});
