/**
 * settlementCsv on a settlement written by hand: every expected file is written out below, field
 * by field, from the figures of the settlement (the arithmetic in the comments), with the rules of
 * docs/spreadsheets.md: a byte-order mark, CRLF, RFC 4180 quoting, amounts exact (a decimal comma
 * in French), text that a spreadsheet could run as a formula behind an apostrophe.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../src/index.js';
import { settlementCsv } from '../../src/spreadsheets.js';
import { HEX, SETTLEMENT } from './hand-settlement.js';

const BOM = '\uFEFF';
const rows = (...lines: string[]): string => `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
const file = (files: readonly { name: string; text: string }[], name: string): string | undefined => files.find((f) => f.name === name)?.text;

describe('settlementCsv on a settlement written by hand', () => {
  const en = settlementCsv(SETTLEMENT);
  const fr = settlementCsv(SETTLEMENT, { locale: 'fr' });

  it('gives every table, always in the same order, each with its header', () => {
    expect(en.map((f) => f.name)).toEqual([
      'settlement.csv', 'previous.csv', 'payers.csv', 'tranches.csv', 'payer-splits.csv', 'lines.csv', 'line-payers.csv', 'cap-cuts.csv', 'reinvestment.csv',
      'adjustments.csv', 'adjustment-causes.csv', 'exits.csv', 'minimum-performance.csv', 'minimum-performance-reviews.csv', 'minimum-performance-tranches.csv', 'participant-caps.csv', 'participant-claims.csv', 'unscheduled.csv', 'hiring-guarantees.csv', 'tallies.csv',
      'decisions-at-risk.csv', 'data-issues.csv',
    ]);
    expect(fr.map((f) => f.name)).toEqual(en.map((f) => f.name));
    // a table with no rows is its header alone
    expect(file(en, 'exits.csv')).toBe(rows('clause,checkOn,outcome,explanation,figures'));
  });

  it('settlement.csv: the identity, the totals (due 1200.00 − 1300.00 = −100.00) and the fingerprints; a comma and quotes in the name quoted', () => {
    expect(file(en, 'settlement.csv')).toBe(
      rows(
        'format,formatVersion,library,libraryVersion,contract,contractName,currency,rounding,asOf,earned,previouslyPaid,due,reinvested,withheld,recordsRead,recordsSettled,recordsExcluded,issuesDelivered,fingerprintInputs,fingerprintContract,fingerprintRecords,fingerprintOptions,fingerprintRecordsEvidence',
        `outcome-pay/settlement,2,outcome-pay,0.1.0,c-1,"Sud, ""pilot""",EUR,half-even,2025-06-30,1200.00,1300.00,-100.00,0.00,0.00,4,3,1,,${HEX('a')},${HEX('b')},${HEX('c')},${HEX('d')},`,
      ),
    );
  });

  it('tranches.csv and payer-splits.csv: negative amounts stay numbers, the payer id that starts with = is guarded', () => {
    expect(file(en, 'tranches.csv')).toBe(
      rows(
        'tranche,name,status,byClause,measuredOn,dueOn,earned,previouslyPaid,due,withheld,reinvested,toProvider',
        't1,Mid-term,settled,,2025-06-30,2025-07-31,1200.00,1300.00,-100.00,0.00,0.00,1200.00',
      ),
    );
    expect(file(en, 'payer-splits.csv')).toBe(
      rows('tranche,payer,share,earned,previouslyPaid,due,exact,part', 't1,region,0.6,720.00,780.00,-60.00,,', "t1,'=agency,0.4,480.00,520.00,-40.00,,"),
    );
    expect(file(en, 'payers.csv')).toBe(rows('payer,share,earned,previouslyPaid,due', 'region,0.6,720.00,780.00,-60.00', "'=agency,0.4,480.00,520.00,-40.00"));
  });

  it('lines.csv: numbered within the tranche, the inputs as JSON text (quoted: it holds commas and quotes), how many participants are listed', () => {
    expect(file(en, 'lines.csv')).toBe(
      rows(
        'tranche,line,rule,kind,cohort,outcome,claims,unit,exact,rounding,earned,paid,formula,inputs,participants,payers,version',
        't1,1,pay-placement,rateCard,A,placement,2,500,1000,half-even,1000.00,1000.00,2 participants × 500,"{""claims"":2,""unit"":""500""}",2,,',
        't1,2,bonus,bonus,A,,,,250,half-even,250.00,200.00,fixed 250,{},0,,',
      ),
    );
    expect(file(en, 'cap-cuts.csv')).toBe(rows('tranche,cap,kind,limit,usedBefore,requested,cut,claims,participants', 't1,cap-p,participant,600.00,500.00,500.00,400.00,1,1', 't1,cap-t,tranche,1200.00,0.00,1250.00,50.00,,'));
  });

  it('version: the last column of lines.csv and adjustment-causes.csv, empty without amendments; an amended contract\'s lines and causes name theirs', () => {
    // without amendments: the header ends with version, every row with an empty cell (above too)
    expect(file(en, 'adjustment-causes.csv')).toBe(rows('tranche,payer,cause,rule,outcome,claims,participants,trancheAmount,amount,explanation,version'));
    const [adjustment] = SETTLEMENT.adjustments;
    if (adjustment === undefined) throw new Error('no adjustment');
    const cause = { rule: 'pay-placement', outcome: 'placement', claims: 1, participants: ['P1'], trancheAmount: '-100.00', amount: '-60.00', explanation: 'priced anew' } as const;
    const caused: Settlement = { ...SETTLEMENT, adjustments: [{ ...adjustment, causes: [{ cause: 'amended', ...cause, version: 'avenant-2020' }, { cause: 'caps', ...cause }] }] };
    expect(file(settlementCsv(caused), 'adjustment-causes.csv')).toBe(
      rows(
        'tranche,payer,cause,rule,outcome,claims,participants,trancheAmount,amount,explanation,version',
        't1,region,amended,pay-placement,placement,1,"[""P1""]",-100.00,-60.00,priced anew,avenant-2020',
        't1,region,caps,pay-placement,placement,1,"[""P1""]",-100.00,-60.00,priced anew,',
      ),
    );
    // vector 99 (amendments priced by enrolment): T1's line under the base; T2's four lines at 1250.00
    // (P3, P6: avenant-2020), 1000.00 (P2, P7: base), 1200.00 (P4: base), 1500.00 (P5: avenant-2020)
    const vector = JSON.parse(readFileSync('test/vectors/99-amendment-priced-by-enrolment.json', 'utf8')) as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const settled = settle(vector.contract, vector.records, { asOf: vector.options.asOf });
    if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
    const lines = file(settlementCsv(settled.value), 'lines.csv')?.split('\r\n').filter((line) => line !== '') ?? [];
    expect(lines.map((line) => line.split(',').at(-1))).toEqual(['version', 'base', 'avenant-2020', 'base', 'base', 'avenant-2020']);
  });

  it('participant-claims.csv: one row per participant of a line, pointing at its tranche and line; +P2 guarded', () => {
    expect(file(en, 'participant-claims.csv')).toBe(
      // the last column, version, is empty: the line was not priced by several versions
      rows(
        'participant,source,tranche,line,rule,cohort,outcome,cap,version',
        'P1,line,t1,1,pay-placement,A,placement,,',
        "'+P2,line,t1,1,pay-placement,A,placement,,",
        'P3,trancheCapCut,t1,,,,,cap-p,', // the per-participant cap's cut in t1
      ),
    );
  });

  it('adjustments.csv and data-issues.csv: a reason with a semicolon and quotes; the path as text; the participant -P7 guarded', () => {
    expect(file(en, 'adjustments.csv')).toBe(
      rows('tranche,payer,previouslyPaid,earned,amount,reason', 't1,region,780.00,720.00,-60.00,"records corrected; ""late"" exit"'),
    );
    expect(file(en, 'data-issues.csv')).toBe(
      rows('code,action,recordIndex,line,participantId,path,message,other', `DATE_FORMAT,excluded,3,5,'-P7,[3].exitedOn,"exitedOn ""2025-13-01"", not a date",`),
    );
    expect(file(en, 'previous.csv')).toBe(rows('kind,inputs,asOf,contract', `settlement,${HEX('e')},2024-12-31,${HEX('b')}`));
    expect(file(en, 'tallies.csv')).toBe(rows('cohort,group,outcome,enrolled,achieved,failed,pending', 'A,,placement,3,2,1,0'));
  });

  it('in French: ; between fields, decimal commas in amounts (-100.00 is -100,00), counts and dates unchanged, quoting by the new separator', () => {
    expect(file(fr, 'tranches.csv')).toBe(
      rows(
        'tranche;name;status;byClause;measuredOn;dueOn;earned;previouslyPaid;due;withheld;reinvested;toProvider',
        't1;Mid-term;settled;;2025-06-30;2025-07-31;1200,00;1300,00;-100,00;0,00;0,00;1200,00',
      ),
    );
    expect(file(fr, 'payer-splits.csv')).toBe(rows('tranche;payer;share;earned;previouslyPaid;due;exact;part', 't1;region;0,6;720,00;780,00;-60,00;;', "t1;'=agency;0,4;480,00;520,00;-40,00;;"));
    // the name holds a comma, which is no longer the separator: quoted for its quotes only
    expect(file(fr, 'settlement.csv')?.split('\r\n')[1]).toContain(';c-1;"Sud, ""pilot""";EUR;half-even;2025-06-30;1200,00;1300,00;-100,00;');
    // the reason holds the separator now
    expect(file(fr, 'adjustments.csv')).toBe(rows('tranche;payer;previouslyPaid;earned;amount;reason', 't1;region;780,00;720,00;-60,00;"records corrected; ""late"" exit"'));
    // JSON text keeps its decimal points: it is text, not an amount
    expect(file(fr, 'lines.csv')?.split('\r\n')[1]).toBe('t1;1;pay-placement;rateCard;A;placement;2;500;1000;half-even;1000,00;1000,00;2 participants × 500;"{""claims"":2,""unit"":""500""}";2;;');
  });
});
