/**
 * simulationReport on the ppp-impact example (two investors, two exit clauses, four caps): the
 * figures of its tables checked against the runs' own amounts by independent code (sums, nearest
 * rank percentiles and counts written here with decimal.js, not the simulation's statistics), the
 * page's structure (every chart an inline SVG, nothing external), the tornado when given, misuse.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { simulationReport } from '../../src/report.js';
import { simulate, tornado, type SimulationSamples } from '../../src/simulation.js';
import { EXTERNAL, chartNames, tableCells } from './fixture.js';

const contract: unknown = JSON.parse(readFileSync('examples/ppp-impact/contract.json', 'utf8'));
const assumptions: unknown = JSON.parse(readFileSync('examples/ppp-impact/assumptions.json', 'utf8'));
const RUNS = 40;

function simulated(): SimulationSamples {
  const result = simulate(contract, assumptions, { runs: RUNS, seed: 3 });
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

const samples = simulated();
const html = await simulationReport(contract, samples);
const rows = (name: string): string[][] => tableCells(html, name).slice(1);

/** The nearest-rank percentile of amounts: the amount at rank ceil(p / 100 × n) in increasing order. */
function percentile(amounts: readonly Decimal[], p: number): string {
  const sorted = [...amounts].sort((a, b) => a.comparedTo(b));
  return (sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? new Decimal(0)).toFixed(2);
}

describe('simulationReport', () => {
  const totals = samples.total.map((amount) => new Decimal(amount.toFixed()));

  it('is one HTML page with every chart an inline SVG, nothing external', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`${RUNS} runs, seed 3, amounts in EUR`);
    expect(chartNames(html)).toEqual(['distribution', 'cash-flow', 'probabilities', 'investors']);
    expect(html).not.toMatch(EXTERNAL);
  });

  it('the total cost: the mean (sum / runs, half-even to the cent) and nearest-rank percentiles of the runs', () => {
    const [total] = rows('statistics');
    const mean = totals.reduce((sum, amount) => sum.plus(amount), new Decimal(0)).div(RUNS).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
    expect(total?.[0]).toBe('Total cost');
    expect(total?.[1]).toBe(`${mean} EUR`);
    expect(total?.slice(3)).toEqual([5, 25, 50, 75, 95].map((p) => `${percentile(totals, p)} EUR`));
  });

  it('one row per payer and per tranche slot after the total', () => {
    expect(rows('statistics')).toHaveLength(1 + samples.payers.length + samples.tranches.length);
  });

  it('the cash flow: one row per month in which a tranche falls due, in date order, with its tranches', () => {
    const months = new Map<string, string[]>();
    samples.trancheDueOn.forEach((date, slot) => months.set(date.slice(0, 7), [...(months.get(date.slice(0, 7)) ?? []), samples.tranches[slot] ?? '']));
    // what an exit clause pays is named `exit:<clause>` by the simulation, and for people "exit clause <clause>"
    const label = (tranche: string): string => (tranche.startsWith('exit:') ? `exit clause ${tranche.slice(5)}` : tranche);
    const expected = [...months.keys()].sort().map((month) => [month, (months.get(month) ?? []).map(label).join(', ')]);
    expect(expected.some(([, tranches]) => tranches?.includes('exit clause '))).toBe(true);
    expect(rows('cash-flow').map((row) => row.slice(0, 2))).toEqual(expected);
  });

  it('the probabilities: how many runs each exit clause fired in and each cap bound in, counted from the runs', () => {
    const counted = [
      ...samples.exitClauses.map((clause, index) => [`exit clause ${clause} fires`, `${String(samples.fired[index]?.filter(Boolean).length ?? 0)} / ${String(RUNS)}`]),
      ...samples.levels.map((level, index) => [`minimum performance ${level} missed`, `${String(samples.missed[index]?.filter(Boolean).length ?? 0)} / ${String(RUNS)}`]),
      ...samples.caps.map((cap, index) => [`cap ${cap.id} (${cap.kind}) binds`, `${String(samples.capBound[index]?.filter(Boolean).length ?? 0)} / ${String(RUNS)}`]),
    ];
    expect(rows('probabilities').map((row) => row.slice(0, 2))).toEqual(counted);
  });

  it('the investors: three rows each (multiple, IRR, probability of losing capital), in the waterfall\'s order', () => {
    const investors = rows('investors');
    expect(investors).toHaveLength(3 * samples.investors.length);
    expect(investors.map((row) => row[2]?.replace(/ \(no IRR in .*\)$/, ''))).toEqual(samples.investors.flatMap(() => ['Multiple', 'IRR (annual)', 'Probability of losing capital']));
  });

  it('with a tornado: its table in swing order and its chart', async () => {
    const table = tornado(contract, assumptions, { runs: 5, seed: 1, step: 0.05 });
    if (!table.ok) throw new Error('no tornado');
    const withTornado = await simulationReport(contract, samples, { tornado: table.value });
    expect(chartNames(withTornado)).toEqual(['distribution', 'cash-flow', 'probabilities', 'tornado', 'investors']);
    expect(tableCells(withTornado, 'tornado').slice(1).map((row) => row[0])).toEqual(table.value.rows.map((row) => row.assumption));
  }, 120_000);

  it('in French: the caps\' kinds in French, exit clause payments named, a French colon (examples/ppp-impact/contract.json)', async () => {
    const french = await simulationReport(contract, samples, { language: 'fr' });
    const label = (name: string): string[] => tableCells(french, name).slice(1).map((row) => row[0] ?? '');
    // the contract's caps: cap-2023-A and cap-2023-B per cohort, cap-t1 on tranche t1, cap-contract on the whole contract
    expect(label('probabilities').slice(-4)).toEqual([
      'le plafond cap-2023-A (cohorte) est atteint',
      'le plafond cap-2023-B (cohorte) est atteint',
      'le plafond cap-t1 (tranche) est atteint',
      'le plafond cap-contract (contrat) est atteint',
    ]);
    // tranche t1 of the contract, then what its two exit clauses pay
    expect(label('statistics')).toContain('t1 : Placement impact, seed grant and equity bonus');
    expect(label('statistics')).toEqual(expect.arrayContaining(['clause de sortie satisfaction-review', 'clause de sortie budget-exhausted']));
    expect(french).not.toContain('exit:');
  });

  it('refuses what is not a simulation, a bad tornado and an invalid contract', async () => {
    await expect(simulationReport(contract, { runs: 3 } as unknown as SimulationSamples)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    await expect(simulationReport(contract, samples, { tornado: 'x' as never })).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    await expect(simulationReport(null, samples)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
  });
});
