/**
 * Properties of settlementCsv over generated settlements (the settlement tests' scenarios, with
 * invalid records and a previous settlement drawn in so that issues, decisions at risk and
 * adjustments appear, and payers funding in fractions, weights, top-ups and scopes so that
 * payerSplit and lines[].payers do): parsing the files back with csv-parse and reading each cell
 * by its documented kind gives the settlement's values exactly, in English and in French; and no text
 * cell a spreadsheet would run as a formula is ever written, whatever the ids and names hold.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Settlement } from '../../src/index.js';
import { settlementCsv } from '../../src/spreadsheets.js';
import { runs, timeLimit } from '../runs.js';
import { scenarioArbitrary, type Scenario } from '../settlement/arbitraries/index.js';
import { settleOk } from '../settlement/settle-helper.js';
import { comparable, parseCsv, readBack } from './read-back.js';
import { SETTLEMENT } from './hand-settlement.js';

vi.setConfig({ testTimeout: timeLimit(60_000) });

interface Drawn {
  readonly scenario: Scenario;
  readonly participants: boolean;
  readonly invalid: boolean;
  readonly previousOf: number;
}

const drawn = fc.record({ scenario: scenarioArbitrary(), participants: fc.boolean(), invalid: fc.boolean(), previousOf: fc.nat() });

/** The scenario settled: some records invalid (excluded, with issues), and after a previous settlement of fewer records (adjustments). */
function settlementOf({ scenario, participants, invalid, previousOf }: Drawn): Settlement {
  const detail = participants ? 'participants' : 'totals';
  const records: unknown[] = [...scenario.records];
  if (invalid) {
    records.push({ id: '=BAD-1', cohort: 'no-such-cohort', enrolledOn: '2024-01-01' });
    records.push({ id: '-BAD-2', cohort: scenario.contract.cohorts[0]?.id, enrolledOn: '2024-01-10', exitedOn: '2024-01-01' });
  }
  const kept = previousOf % (scenario.records.length + 1);
  if (kept === scenario.records.length) return settleOk(scenario, { detail }, records);
  const previous = settleOk(scenario, { detail }, scenario.records.slice(0, kept));
  // more records can earn less (a cap, an exit clause), down to nothing: a full recovery, confirmed
  return settleOk(scenario, { detail, previous: [previous], allowFullRecovery: true }, records);
}

/** Every text cell of every file: the cells of the columns that are neither amounts nor counts. */
const AMOUNT_OR_COUNT = /^-?[0-9]+([.,][0-9]+)?$/;

describe('settlementCsv read back', () => {
  it('gives the settlement exactly, in English and in French', () => {
    let withIssues = 0;
    let withAdjustments = 0;
    let withParticipants = 0;
    let withSplit = 0;
    let withLinePayers = 0;
    let withVersions = 0;
    fc.assert(
      fc.property(drawn, (draw) => {
        const settlement = settlementOf(draw);
        if (settlement.dataQuality.issues.length > 0) withIssues++;
        if (settlement.adjustments.length > 0) withAdjustments++;
        if (settlement.tranches.some((t) => t.lines.some((l) => (l.participants?.length ?? 0) > 0))) withParticipants++;
        if (settlement.tranches.some((t) => t.payerSplit !== undefined)) withSplit++;
        if (settlement.tranches.some((t) => t.lines.some((l) => l.payers !== undefined))) withLinePayers++;
        if (settlement.tranches.some((t) => t.lines.some((l) => l.version !== undefined))) withVersions++;
        const expected = comparable(settlement);
        expect(readBack(settlementCsv(settlement), 'en')).toEqual(expected);
        expect(readBack(settlementCsv(settlement, { locale: 'fr' }), 'fr')).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
    // the generated settlements reach what the files are for (not a silent pass on empty tables)
    expect(withIssues).toBeGreaterThan(0);
    expect(withAdjustments).toBeGreaterThan(0);
    expect(withParticipants).toBeGreaterThan(0);
    // payers funding in fractions, weights, top-ups or scopes: payer-splits.csv's exact and part, line-payers.csv
    expect(withSplit).toBeGreaterThan(0);
    expect(withLinePayers).toBeGreaterThan(0);
    // amended contracts: the lines' version column
    expect(withVersions).toBeGreaterThan(0);
  });

  it('the settlement written by hand, too (payer share, null fields, an issue with every field)', () => {
    expect(readBack(settlementCsv(SETTLEMENT), 'en')).toEqual(comparable(SETTLEMENT));
    expect(readBack(settlementCsv(SETTLEMENT, { locale: 'fr' }), 'fr')).toEqual(comparable(SETTLEMENT));
  });
});

describe('the formula guard', () => {
  // not empty: an empty text and a missing value are both an empty cell (docs/spreadsheets.md)
  const hostile = fc.oneof(
    fc.string({ minLength: 1 }),
    fc.constantFrom('=1+2', '+33 6 12', '-12.50', '@SUM(A1)', '\t=1', '\r=1', "'quoted", "''", '=HYPERLINK("http://x";"y")', '-', '='),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'"), fc.string()).map(([first, rest]) => first + rest),
  );

  it('no text cell starts with = + - @ tab or CR, and the text comes back exactly, whatever the ids, names and messages hold', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, fc.constantFrom('en' as const, 'fr' as const), (name, payer, participant, message, locale) => {
        const [tranche] = SETTLEMENT.tranches;
        if (tranche === undefined) throw new Error('no tranche');
        const settlement: Settlement = {
          ...SETTLEMENT,
          contract: { ...SETTLEMENT.contract, name },
          payers: SETTLEMENT.payers.map((p, i) => (i === 0 ? { ...p, payer } : p)),
          tranches: [{ ...tranche, name, lines: tranche.lines.map((l) => ({ ...l, participants: [participant, ...(l.participants ?? [])] })) }],
          dataQuality: { ...SETTLEMENT.dataQuality, issues: SETTLEMENT.dataQuality.issues.map((issue) => ({ ...issue, message, participantId: participant })) },
        };
        const files = settlementCsv(settlement, { locale });
        for (const file of files) {
          const { rows } = parseCsv(file.text, locale);
          for (const row of rows) {
            for (const cell of Object.values(row)) {
              if (AMOUNT_OR_COUNT.test(cell)) continue; // an amount or a count: a number, never a formula
              expect(cell, `${file.name}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
            }
          }
        }
        expect(readBack(files, locale)).toEqual(comparable(settlement));
      }),
      { numRuns: runs(200) },
    );
  });

  it('an amount is never guarded: -60.00 is written as it is, and the same text as an id is', () => {
    const settlement: Settlement = { ...SETTLEMENT, payers: SETTLEMENT.payers.map((p, i) => (i === 0 ? { ...p, payer: '-60.00' } : p)) };
    const payers = settlementCsv(settlement).find((f) => f.name === 'payers.csv')?.text;
    // payer -60.00 (text, guarded), share 0.6, earned 720.00, paid 780.00, due -60.00 (an amount, as it is)
    expect(payers?.split('\r\n')[1]).toBe("'-60.00,0.6,720.00,780.00,-60.00");
  });
});
