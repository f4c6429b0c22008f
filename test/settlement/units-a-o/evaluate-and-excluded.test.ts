/**
 * evaluateTallies (src/settlement/evaluate.ts): the exit clauses that fired and the minimum
 * performance levels missed, on hand-worked vectors whose expected settlements say which clause
 * fired and which review was not met; and excludedCohortsTally (decisions-at-risk.ts): excluded
 * records counted by the cohort they name, own fields only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../../src/contract/index.js';
import { validateRecords } from '../../../src/records/index.js';
import { accumulate } from '../../../src/settlement/accumulate.js';
import { excludedCohortsTally } from '../../../src/settlement/decisions-at-risk.js';
import { evaluateTallies, type TallyEvaluation } from '../../../src/settlement/evaluate.js';
import { checkOptions } from '../../../src/settlement/options.js';
import { buildPlan, emptyLedgerOf } from '../../../src/settlement/plan.js';
import { recordContext } from '../../../src/settlement/record-context.js';

interface Vector {
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

function evaluated(name: string): TallyEvaluation {
  const vector = JSON.parse(readFileSync(`test/vectors/${name}.json`, 'utf8')) as Vector;
  const contract = parseContract(vector.contract);
  if (!contract.ok) throw new Error('contract');
  const options = checkOptions(vector.options, contract.value).options;
  if (options === undefined) throw new Error('options');
  const records = validateRecords(vector.records, recordContext(contract.value), { mode: 'lenient' });
  if (!records.ok) throw new Error('records');
  const plan = buildPlan(contract.value, options.asOf, false);
  const ledger = emptyLedgerOf(plan, false);
  for (const record of records.value.records) accumulate(plan, ledger, record);
  return evaluateTallies(plan, ledger, options.indicators);
}

describe('evaluateTallies: exit clauses fired and levels missed', () => {
  it('the clauses that fired, not those that did not, were skipped or are not yet checked', () => {
    // vector 37: low-rate fires, review is checked after the as-of date
    expect(evaluated('37-exit-suspend-tranche').fired).toEqual(['low-rate']);
    // vector 36: stop fires (date passed), later is skipped (the contract had ended)
    expect(evaluated('36-exit-date-passed-nothing-and-not-yet-checked').fired).toEqual(['stop']);
    // vector 58: mid-review does not fire
    expect(evaluated('58-decision-at-risk-exit-clause').fired).toEqual([]);
  });

  it('a level with any review not met is missed, even when a later review met it; no level, none missed', () => {
    // vector 86: reviews not met, then met
    expect(evaluated('86-minimum-performance-flag-enrolled-by').levelsMissed).toEqual(['mpl']);
    // vector 82: the one review not met
    expect(evaluated('82-minimum-performance-withhold-released').levelsMissed).toEqual(['mpl']);
    expect(evaluated('37-exit-suspend-tranche').levelsMissed).toEqual([]);
  });
});

describe('excludedCohortsTally', () => {
  it('counts each excluded record under the cohort it names, else as unknown', () => {
    const tally = excludedCohortsTally(new Set(['2023-A', '2023-B']));
    tally.add({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-02-30' });
    tally.add({ id: 'P2', cohort: '2023-A' });
    tally.add({ id: 'P3', cohort: '2023-B' });
    tally.add({ id: 'P4', cohort: '2023-C' }); // not a cohort of the contract
    tally.add({ id: 'P5', cohort: 7 });
    tally.add({ id: 'P6' });
    tally.add(Object.create({ cohort: '2023-A' }) as unknown); // inherited: not its own field
    tally.add(undefined); // a row that could not be read
    tally.add(null);
    tally.add('2023-A');
    const counts = tally.counts();
    expect([...counts.byCohort]).toEqual([
      ['2023-A', 2],
      ['2023-B', 1],
    ]);
    expect(counts.unknown).toBe(7);
  });

  it('nothing added: nothing counted', () => {
    const counts = excludedCohortsTally(new Set(['A'])).counts();
    expect(counts.byCohort.size).toBe(0);
    expect(counts.unknown).toBe(0);
  });
});
