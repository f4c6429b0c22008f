/**
 * The dashboard shows outcomes in quarters after exit (WIOA) like the other per-participant
 * outcomes: the counts of test vector 98, worked out in its own arithmetic, read here by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';
import { settle } from '../../src/index.js';
import { outcomeRows } from '../../src/report/dashboard.js';

const vector = JSON.parse(readFileSync(new URL('../vectors/98-quarters-after-exit-wioa.json', import.meta.url), 'utf8')) as { contract: unknown; records: unknown[] };

describe('dashboard: quarters after exit', () => {
  it('employed in Q2 and Q4 after exit: achieved, failed and pending as vector 98 decides them', () => {
    const contract = parseContract(vector.contract);
    const settlement = settle(vector.contract, vector.records, { asOf: '2025-06-30' });
    if (!contract.ok || !settlement.ok) throw new Error('vector 98 does not settle');
    const whole = (outcome: string): unknown => {
      const row = outcomeRows(contract.value, settlement.value).find((each) => each.outcome === outcome && each.cohort === null && each.group === null);
      return row === undefined ? undefined : [row.kind, row.enrolled, row.achieved, row.failed, row.pending, row.rate];
    };
    // employed-q2: P1, P2, P3 achieved; P6 failed; P4 (data not due) and P5 (no exit) pending: 3 / 6 = 50.0 %
    expect(whole('employed-q2')).toEqual(['quarterAfterExit', 6, 3, 1, 2, '50.0']);
    // employed-q4: P1, P6 achieved; P2, P3 failed; P4, P5 pending: 2 / 6 = 33.3 %
    expect(whole('employed-q4')).toEqual(['quarterAfterExit', 6, 2, 2, 2, '33.3']);
  });
});
