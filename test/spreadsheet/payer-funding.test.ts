/**
 * settlementCsv on the payer-funding vectors 68-71 (docs/mechanics/payer-funding.md): the files
 * that carry the split among payers (payers.csv, payer-splits.csv with `exact` and `part`,
 * lines.csv's `payers` count, line-payers.csv) written out below from each vector's expected
 * figures and arithmetic, in English and in French. Nothing was paid before, so every
 * `previouslyPaid` is 0.00 and every `due` is the `earned` beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutcomePayError, type Settlement } from '../../src/index.js';
import { settlementCsv } from '../../src/spreadsheets.js';
import { settleWith } from '../settlement/settle-helper.js';
import { parseCsv } from './read-back.js';

const BOM = '\uFEFF';
const rows = (...lines: string[]): string => `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;

function settledVector(file: string): Settlement {
  const vector = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', file), 'utf8')) as { contract: unknown; records: unknown[]; options: { asOf: string } };
  const result = settleWith(vector.contract, vector.records, vector.options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

function files(settlement: Settlement, locale: 'en' | 'fr'): (name: string) => string {
  const written = settlementCsv(settlement, { locale });
  return (name) => written.find((f) => f.name === name)?.text ?? `no ${name}`;
}

/** The `payers` column of lines.csv, one cell per line. */
const linePayerCounts = (text: string, locale: 'en' | 'fr'): string[] => parseCsv(text, locale).rows.map((r) => r['payers'] ?? 'missing');

const SPLIT_HEADER = 'tranche,payer,share,earned,previouslyPaid,due,exact,part';
const LINE_PAYERS_HEADER = 'tranche,line,rule,cohort,outcome,payer,fraction';

describe('settlementCsv with payers funding in fractions, weights, top-ups and scopes (vectors 68-71)', () => {
  it('68, three payers at 1/3 of 1000.01: shares and exact parts 100001/300 written as fractions, parts 333.34 333.34 333.33; no line lists its payers', () => {
    const s = settledVector('68-payers-exact-thirds.json');
    const en = files(s, 'en');
    const fr = files(s, 'fr');
    expect(en('payers.csv')).toBe(rows('payer,share,earned,previouslyPaid,due', 'region,1/3,333.34,0.00,333.34', 'agency,1/3,333.34,0.00,333.34', 'fund,1/3,333.33,0.00,333.33'));
    // exact part: 1000.01 / 3 = 100001/300 each; the 2 cents left over by the floors (333.33 × 3 = 999.99) go to region and agency
    expect(en('payer-splits.csv')).toBe(
      rows(SPLIT_HEADER, 'T1,region,1/3,333.34,0.00,333.34,100001/300,333.34', 'T1,agency,1/3,333.34,0.00,333.34,100001/300,333.34', 'T1,fund,1/3,333.33,0.00,333.33,100001/300,333.33'),
    );
    // French: the fractions as they are, the amounts with a decimal comma
    expect(fr('payer-splits.csv')).toBe(
      rows(SPLIT_HEADER.replaceAll(',', ';'), 'T1;region;1/3;333,34;0,00;333,34;100001/300;333,34', 'T1;agency;1/3;333,34;0,00;333,34;100001/300;333,34', 'T1;fund;1/3;333,33;0,00;333,33;100001/300;333,33'),
    );
    // every line is split alike (no top-up, no scope): the settlement lists no line's payers
    expect(linePayerCounts(en('lines.csv'), 'en')).toEqual(['']);
    expect(en('line-payers.csv')).toBe(rows(LINE_PAYERS_HEADER));
    expect(fr('line-payers.csv')).toBe(rows(LINE_PAYERS_HEADER.replaceAll(',', ';')));
  });

  it('69, weights 2 and 1 of 1000.00: shares 2/3 and 1/3, exact parts 2000/3 and 1000/3, parts 666.67 and 333.33', () => {
    const s = settledVector('69-payers-weights-two-to-one.json');
    const en = files(s, 'en');
    expect(en('payers.csv')).toBe(rows('payer,share,earned,previouslyPaid,due', 'region,2/3,666.67,0.00,666.67', 'agency,1/3,333.33,0.00,333.33'));
    // 1000.00 × 2/3 = 2000/3 = 666.66 and 2/3 of a cent; × 1/3 = 1000/3 = 333.33 and 1/3: the leftover cent to region
    expect(en('payer-splits.csv')).toBe(rows(SPLIT_HEADER, 'T1,region,2/3,666.67,0.00,666.67,2000/3,666.67', 'T1,agency,1/3,333.33,0.00,333.33,1000/3,333.33'));
    expect(files(s, 'fr')('payer-splits.csv')).toBe(rows(SPLIT_HEADER.replaceAll(',', ';'), 'T1;region;2/3;666,67;0,00;666,67;2000/3;666,67', 'T1;agency;1/3;333,33;0,00;333,33;1000/3;333,33'));
    expect(en('line-payers.csv')).toBe(rows(LINE_PAYERS_HEADER));
  });

  it('70, a fund topping up 20 % of the retention line: each line lists its payers, 0.8 and 0.2 with a decimal comma in French', () => {
    const s = settledVector('70-payers-top-up-some-outcomes.json');
    const en = files(s, 'en');
    const fr = files(s, 'fr');
    // council 2000.00 + 0.8 × 1500.00 = 3200.00; lcf 0.2 × 1500.00 = 300.00: exact parts whole (3200, 300)
    expect(en('payers.csv')).toBe(rows('payer,share,earned,previouslyPaid,due', 'council,1,3200.00,0.00,3200.00', 'lcf,0.2,300.00,0.00,300.00'));
    expect(en('payer-splits.csv')).toBe(rows(SPLIT_HEADER, 'T1,council,1,3200.00,0.00,3200.00,3200,3200.00', 'T1,lcf,0.2,300.00,0.00,300.00,300,300.00'));
    expect(fr('payer-splits.csv')).toBe(rows(SPLIT_HEADER.replaceAll(',', ';'), 'T1;council;1;3200,00;0,00;3200,00;3200;3200,00', 'T1;lcf;0,2;300,00;0,00;300,00;300;300,00'));
    // line 1 (placements) funded by the council alone; line 2 (retention) by the council at 1 − 0.2 = 0.8 and the fund at 0.2
    expect(linePayerCounts(en('lines.csv'), 'en')).toEqual(['1', '2']);
    expect(en('line-payers.csv')).toBe(rows(LINE_PAYERS_HEADER, 'T1,1,pay-pl,A,placement,council,1', 'T1,2,pay-ret,A,retention-6m,council,0.8', 'T1,2,pay-ret,A,retention-6m,lcf,0.2'));
    expect(fr('line-payers.csv')).toBe(
      rows(LINE_PAYERS_HEADER.replaceAll(',', ';'), 'T1;1;pay-pl;A;placement;council;1', 'T1;2;pay-ret;A;retention-6m;council;0,8', 'T1;2;pay-ret;A;retention-6m;lcf;0,2'),
    );
  });

  it('71, a region beside two sector partners each funding its own cohort: each cohort line half region, half its partner', () => {
    const s = settledVector('71-payers-partners-own-cohorts.json');
    const en = files(s, 'en');
    // three weights of 1: each payer's share is its weight over the sum, 1/3 (of the lines it funds)
    // region 0.5 × 2000.00 + 0.5 × 1000.00 = 1500.00; metal 0.5 × 2000.00 = 1000.00; care 0.5 × 1000.00 = 500.00
    expect(en('payers.csv')).toBe(rows('payer,share,earned,previouslyPaid,due', 'region,1/3,1500.00,0.00,1500.00', 'metal,1/3,1000.00,0.00,1000.00', 'care,1/3,500.00,0.00,500.00'));
    expect(en('payer-splits.csv')).toBe(
      rows(SPLIT_HEADER, 'T1,region,1/3,1500.00,0.00,1500.00,1500,1500.00', 'T1,metal,1/3,1000.00,0.00,1000.00,1000,1000.00', 'T1,care,1/3,500.00,0.00,500.00,500,500.00'),
    );
    expect(linePayerCounts(en('lines.csv'), 'en')).toEqual(['2', '2']);
    expect(en('line-payers.csv')).toBe(
      rows(LINE_PAYERS_HEADER, 'T1,1,pay-pl,metal,placement,region,0.5', 'T1,1,pay-pl,metal,placement,metal,0.5', 'T1,2,pay-pl,care,placement,region,0.5', 'T1,2,pay-pl,care,placement,care,0.5'),
    );
    expect(files(s, 'fr')('line-payers.csv')).toBe(
      rows(
        LINE_PAYERS_HEADER.replaceAll(',', ';'),
        'T1;1;pay-pl;metal;placement;region;0,5',
        'T1;1;pay-pl;metal;placement;metal;0,5',
        'T1;2;pay-pl;care;placement;region;0,5',
        'T1;2;pay-pl;care;placement;care;0,5',
      ),
    );
  });

  it('a payer id that starts with = is guarded in line-payers.csv and payer-splits.csv; a payerSplit naming a payer its tranche does not list is refused', () => {
    const s = settledVector('70-payers-top-up-some-outcomes.json');
    const rename = (id: string): string => (id === 'lcf' ? '=lcf' : id);
    const renamed: Settlement = {
      ...s,
      payers: s.payers.map((p) => ({ ...p, payer: rename(p.payer) })),
      tranches: s.tranches.map((t) => ({
        ...t,
        payers: t.payers.map((p) => ({ ...p, payer: rename(p.payer) })),
        lines: t.lines.map((l) => ({ ...l, ...(l.payers === undefined ? {} : { payers: l.payers.map((p) => ({ ...p, payer: rename(p.payer) })) }) })),
        ...(t.payerSplit === undefined ? {} : { payerSplit: t.payerSplit.map((p) => ({ ...p, payer: rename(p.payer) })) }),
      })),
    };
    const en = files(renamed, 'en');
    expect(en('line-payers.csv').split('\r\n')[3]).toBe("T1,2,pay-ret,A,retention-6m,'=lcf,0.2");
    expect(en('payer-splits.csv').split('\r\n')[2]).toBe("T1,'=lcf,0.2,300.00,0.00,300.00,300,300.00");
    const stray: Settlement = { ...s, tranches: s.tranches.map((t) => ({ ...t, payers: t.payers.filter((p) => p.payer !== 'lcf') })) };
    expect(() => settlementCsv(stray)).toThrow(OutcomePayError);
    expect(() => settlementCsv(stray)).toThrow('settlementCsv: settlement.tranches[0].payerSplit[1].payer must be a payer that tranche "T1" lists, not the string "lcf"');
  });
});
