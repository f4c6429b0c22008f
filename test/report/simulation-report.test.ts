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
import { simulate, summarize, tornado, type SimulationSamples } from '../../src/simulation.js';
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

/** How many runs each event (exit clause fired, level missed, cap bound) happened in, counted from the runs. */
function eventCounts(of: SimulationSamples): number[] {
  return [...of.fired, ...of.missed, ...of.capBound].map((runs) => runs.filter(Boolean).length);
}

/** A ratio as a percentage, half-even to `places`, written here with decimal.js (the report's own code not used). */
const percent = (ratio: string, places: number): string => `${new Decimal(ratio).times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN).toFixed(places)}%`;

describe('simulationReport', () => {
  const totals = samples.total.map((amount) => new Decimal(amount.toFixed()));

  it('is one HTML page with every chart an inline SVG, nothing external', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`${RUNS} runs, seed 3, amounts in EUR`);
    // no exit clause fired and no cap bound in these 40 runs: no chart of bars all at 0 (#18, the new user's trial)
    expect(chartNames(html)).toEqual(['distribution', 'cash-flow', 'investors']);
    expect(html).not.toMatch(EXTERNAL);
  });

  it('no event in any run: a sentence says so instead of an empty chart; the probabilities as percentages', () => {
    expect(eventCounts(samples).every((count) => count === 0)).toBe(true);
    expect(html).toContain(`No exit clause fired, no minimum performance level was missed and no cap bound in any of the ${String(RUNS)} runs.`);
    expect(rows('probabilities').map((row) => row[2])).toEqual(eventCounts(samples).map(() => '0.0%'));
  });

  it('an event in some runs: its chart is drawn and its probability is a percentage to one place (idf-apprenticeship, 200 runs)', async () => {
    const idf: unknown = JSON.parse(readFileSync('examples/idf-apprenticeship/contract.json', 'utf8'));
    const result = simulate(idf, JSON.parse(readFileSync('examples/idf-apprenticeship/assumptions.json', 'utf8')), { runs: 200, seed: 1 });
    if (!result.ok) throw new Error('not simulated');
    const counts = eventCounts(result.value);
    expect(counts.some((count) => count > 0)).toBe(true);
    const page = await simulationReport(idf, result.value, { language: 'fr' });
    expect(chartNames(page)).toContain('probabilities');
    expect(page).not.toContain('Aucune clause de sortie ne s');
    // each probability: runs / 200 as a percentage, half-even to one place (9 runs: 4,5 %), French comma
    const expected = counts.map((count) => percent(new Decimal(count).div(200).toFixed(), 1).replace('.', ',').replace('%', '\u00a0%'));
    expect(tableCells(page, 'probabilities').slice(1).map((row) => row[2])).toEqual(expected);
  }, 60_000);

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

  it('the investors\' figures for people: the IRR a percentage to two places (not 0.0734...), the multiple with ×, the probability a percentage', () => {
    const view = summarize(samples).investors;
    if (view === null) throw new Error('no investors');
    const investors = rows('investors');
    view.investors.forEach((investor, index) => {
      const [multiple, irr, lost] = [investors[3 * index], investors[3 * index + 1], investors[3 * index + 2]];
      const { mean, p5, p50, p95 } = investor.multiple;
      expect(multiple?.slice(3)).toEqual([mean, p5, p50, p95].map((value) => `${new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2)}×`));
      expect(irr?.slice(3)).toEqual([investor.irr.mean, investor.irr.p5, investor.irr.p50, investor.irr.p95].map((value) => (value === null ? '—' : percent(value, 2))));
      expect(lost?.[3]).toBe(percent(investor.capitalLost.probability, 1));
    });
    // the first investor's median IRR in these runs is negative: a rate of about -9 %, written with two places
    expect(investors[1]?.[5]).toMatch(/^-\d+\.\d{2}%$/);
  });

  it('with a tornado: its table in swing order and its chart', async () => {
    const table = tornado(contract, assumptions, { runs: 5, seed: 1, step: 0.05 });
    if (!table.ok) throw new Error('no tornado');
    const withTornado = await simulationReport(contract, samples, { tornado: table.value });
    expect(chartNames(withTornado)).toEqual(['distribution', 'cash-flow', 'tornado', 'investors']);
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
