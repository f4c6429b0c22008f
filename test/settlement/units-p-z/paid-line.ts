/**
 * A tranche's line as the engine computes it, built by hand for the unit tests of
 * test/settlement/units-p-z/.
 */
import { parseAmount } from '../../../src/money/index.js';
import type { Line } from '../../../src/settlement/lines.js';

/**
 * A line earning and paying `paid` (exact, earned and paid alike): one rate-card claim of rule
 * `r` for outcome `placement` in cohort `A`, unless `fields` says otherwise.
 *
 * @example
 * paidLine('500.00', { claims: 2, outcome: 'retention' });
 */
export function paidLine(paid: string, fields: Partial<Line> = {}): Line {
  const amount = parseAmount(paid);
  return { rule: 'r', kind: 'rateCard', cohort: 'A', outcome: 'placement', claims: 1, unit: null, inputs: {}, formula: '', exact: amount, amount, paid: amount, participants: undefined, ...fields };
}
