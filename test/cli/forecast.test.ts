/**
 * `outcome-pay forecast`: JSON by default and byte-identical for the same seed, a readable summary
 * with the hand-worked figures of the forecast fixtures, coded problems (exit 1), exit 3 with a
 * warning when records were excluded, usage errors for a missing option (exit 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { ForecastSummary } from '../../src/simulation/index.js';
import { fixedAssumptions, forecastContract, record } from '../simulation/forecast-fixtures.js';
import { fakeIo } from './helpers.js';

// The records of forecast.test.ts whose outcomes are all decided at 2024-09-30: t1 settled at
// 3 × 1000.00 = 3000.00 (state 0.6: 1800.00, city 0.4: 1200.00), t2 still to pay 2 × 600.00 = 1200.00
const decided = [
  record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]),
  record('P2', 'A', '2024-01-15', '2024-02-15', [['2024-03-01', '2024-04-15']]),
  record('P3', 'A', '2024-02-01', '2024-02-20', []),
  record('P4', 'A', '2024-03-01', '2024-03-31', [['2024-05-20']]),
];
const files = {
  'contract.json': JSON.stringify(forecastContract),
  'records.json': JSON.stringify(decided),
  'bad-records.json': JSON.stringify([...decided, { id: 'BAD', cohort: 'A', groups: [], enrolledOn: '2024-13-01' }]),
  'youth.json': JSON.stringify([...decided, record('Y1', 'A', '2024-01-10', undefined, [], ['youth'])]),
  'assumptions.json': JSON.stringify(fixedAssumptions(0.5, 0.5, { uniform: { min: 0, max: 90 } })),
  'rs-contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'rs-records.csv': readFileSync('examples/region-sud/records.csv', 'utf8'),
  'rs-assumptions.json': readFileSync('examples/region-sud/assumptions.json', 'utf8'),
};
const args = ['forecast', '--contract', 'contract.json', '--records', 'records.json', '--as-of', '2024-09-30', '--assumptions', 'assumptions.json', '--runs', '5', '--seed', '2'];

describe('outcome-pay forecast', () => {
  it('prints the summary as JSON, the same bytes for the same seed', async () => {
    const first = fakeIo(files);
    expect(await run(args, first)).toBe(0);
    const summary = JSON.parse(first.stdoutText()) as ForecastSummary;
    expect([summary.asOf, summary.settledOn, summary.dueAtAsOf.total, summary.stillToPay.total.mean, summary.stillToPay.payers.map((payer) => payer.mean)]).toEqual(['2024-09-30', '2024-12-31', '3000.00', '1200.00', ['720.00', '480.00']]);
    const second = fakeIo(files);
    expect(await run(args, second)).toBe(0);
    expect(second.stdoutText()).toBe(first.stdoutText());
    expect(first.stderrText()).toBe('');
  });

  it('prints a readable summary with --summary', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--summary'], io)).toBe(0);
    const lines = io.stdoutText().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Forecast as of 2024-09-30: 5 runs, seed 2, amounts in EUR',
      'Records: 4 read, 4 known at 2024-09-30, 0 enrolled after it (left out); participants still to enrol, drawn: 0',
      'Settled at 2024-09-30: 3000.00; state 1800.00; city 1200.00',
      'Still to pay after 2024-09-30 (settled on 2024-12-31): mean 1200.00, sd 0.00, 5 % 1200.00, median 1200.00, 95 % 1200.00',
    ]);
    expect(lines).toContain('  2025-01: 1200.00 (1200.00 to 1200.00); state 720.00 (720.00 to 720.00); city 480.00 (480.00 to 480.00) [t2]');
  });

  it('exit 3 with a warning when records were excluded; exit 1 with coded problems; exit 2 without --as-of', async () => {
    const excluded = fakeIo(files);
    expect(await run(['forecast', '--contract', 'contract.json', '--records', 'bad-records.json', '--as-of', '2024-09-30', '--assumptions', 'assumptions.json', '--runs', '2'], excluded)).toBe(3);
    expect(excluded.stderrText()).toBe('outcome-pay: warning: 1 of 5 records was excluded as invalid (records.issues); the forecast is of the others; exit status 3\n');
    expect((JSON.parse(excluded.stdoutText()) as ForecastSummary).records.issues.map((issue) => issue.code)).toEqual(['DATE_IMPOSSIBLE']);
    const badDate = fakeIo(files);
    expect(await run(['forecast', '--contract', 'contract.json', '--records', 'records.json', '--as-of', '30/09/2024', '--assumptions', 'assumptions.json'], badDate)).toBe(1);
    expect(badDate.stderrText()).toMatch(/FORECAST_AS_OF/);
    expect(badDate.stdoutText()).toBe('');
    const youth = fakeIo(files);
    expect(await run(['forecast', '--contract', 'contract.json', '--records', 'youth.json', '--as-of', '2024-09-30', '--assumptions', 'assumptions.json'], youth)).toBe(1);
    expect(youth.stderrText()).toMatch(/FORECAST_GROUP_UNASSUMED.*participant Y1.*youth/);
    const usage = fakeIo(files);
    expect(await run(['forecast', '--contract', 'contract.json', '--records', 'records.json', '--assumptions', 'assumptions.json'], usage)).toBe(2);
  });

  it('forecasts the Région Sud example from its CSV records: what is settled at D is what settle says at D', async () => {
    const io = fakeIo(files);
    expect(await run(['forecast', '--contract', 'rs-contract.json', '--records', 'rs-records.csv', '--as-of', '2024-06-30', '--assumptions', 'rs-assumptions.json', '--runs', '3'], io)).toBe(3);
    const summary = JSON.parse(io.stdoutText()) as ForecastSummary;
    const settled = fakeIo(files);
    expect(await run(['settle', '--contract', 'rs-contract.json', '--records', 'rs-records.csv', '--as-of', '2024-06-30'], settled)).toBe(3);
    const settlement = JSON.parse(settled.stdoutText()) as { tranches: { id: string; status: string; earned: string; payers: { earned: string }[] }[] };
    const atD = settlement.tranches.map((tranche) => [tranche.id, tranche.status === 'scheduled' ? '0.00' : tranche.earned, ...tranche.payers.map((payer) => (tranche.status === 'scheduled' ? '0.00' : payer.earned))]);
    expect(summary.dueAtAsOf.tranches.filter((tranche) => !tranche.tranche.startsWith('exit:')).map((tranche) => [tranche.tranche, tranche.amount, ...tranche.payers.map((payer) => payer.amount)])).toEqual(atD);
    expect(summary.records).toMatchObject({ recordsRead: 94, recordsExcluded: 3, recordsKnown: 91 });
    // something is settled at D, something is still to pay
    expect([Number(summary.dueAtAsOf.total) > 0, Number(summary.stillToPay.total.min) > 0]).toEqual([true, true]);
  });
});
