/**
 * copyLedger and DateCounts.copy: a copy settles exactly as the original, and changing it changes
 * nothing in the original (the what-if ledgers of decisionsAtRisk rely on both).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';
import { validateRecords } from '../../src/records/index.js';
import { DateCounts } from '../../src/settlement/date-counts.js';
import { copyLedger } from '../../src/settlement/ledger.js';
import { checkOptions } from '../../src/settlement/options.js';
import { buildPlan } from '../../src/settlement/plan.js';
import { readPrevious } from '../../src/settlement/previous.js';
import { recordContext } from '../../src/settlement/record-context.js';
import { runSchedule } from '../../src/settlement/schedule.js';
import { openSession } from '../../src/settlement/session.js';
import { ledgerWithUnseen } from '../../src/settlement/unseen-records.js';

describe('DateCounts.copy', () => {
  it('holds the same counts, dense and outlying, and changes independently', () => {
    const counts = new DateCounts();
    counts.add(19_000, 2);
    counts.add(19_010);
    counts.add(19_000 + 20_000); // beyond the dense span: an outlier
    expect(counts.upTo(19_005)).toBe(2);
    const copy = counts.copy();
    expect([19_000, 19_010, 39_000].map((day) => copy.upTo(day))).toEqual([2, 3, 4]);
    copy.add(19_005, 5);
    copy.add(40_000);
    expect([19_005, 40_000].map((day) => copy.upTo(day))).toEqual([7, 10]);
    expect([19_005, 40_000].map((day) => counts.upTo(day))).toEqual([2, 4]);
  });
});

describe('copyLedger', () => {
  it('settles as the original; what-if participants added to a copy leave the original as it was', () => {
    for (const detail of ['totals', 'participants'] as const) {
      const vector = JSON.parse(readFileSync('test/vectors/23-cap-participant-partial.json', 'utf8')) as { contract: unknown; records: unknown[]; options: { asOf: string } };
      const contract = parseContract(vector.contract);
      if (!contract.ok) throw new Error('contract');
      const checked = checkOptions({ ...vector.options, detail }, contract.value);
      if (checked.options === undefined) throw new Error('options');
      const validated = validateRecords(vector.records, recordContext(contract.value));
      if (!validated.ok) throw new Error('records');
      const session = openSession(contract.value, checked.options, readPrevious([], contract.value, checked.options.asOf).value);
      for (const record of validated.value.records) session.add(record);
      const plan = buildPlan(contract.value, checked.options.asOf, false);
      const text = (ledger: Parameters<typeof runSchedule>[1]): string => JSON.stringify(runSchedule(plan, ledger, new Map()));
      const before = text(session.ledger);
      // the copy holds no participant ids (documented): it settles as the original, ids aside
      const withoutIds = (ledger: Parameters<typeof runSchedule>[1]): string =>
        JSON.stringify(runSchedule(plan, ledger, new Map()), (key, value: unknown) => (key === 'participants' ? undefined : value));
      expect(withoutIds(copyLedger(session.ledger))).toBe(withoutIds(session.ledger));
      if (detail === 'participants') expect(before).toContain('"participants":["P1","P2"]');
      const whatIf = ledgerWithUnseen(plan, session.ledger, contract.value.cohorts.map(() => 2), 'allAchieved');
      expect(text(whatIf)).not.toBe(before);
      expect(text(session.ledger)).toBe(before);
    }
  });
});
