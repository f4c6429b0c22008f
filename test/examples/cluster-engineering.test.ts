// Hand checks of examples/cluster-engineering/expected-settlement.json (a snapshot of what the
// engine computes): the figures are recomputed here from the records and the contract, by code
// that shares nothing with the engine (the reference settlement and its outcomes) or by
// arithmetic written out, never read back from the engine.
import { describe, expect, test } from 'vitest';
import type { Settlement } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { refDay } from '../settlement/reference/dates.js';
import { refOutcomes } from '../settlement/reference/outcomes.js';
import { referenceSettlement } from '../settlement/reference/settle.js';
import { settleWith } from '../settlement/settle-helper.js';
import { cents, checkSettlementArithmetic, loadExample, money, plainNdjson, shownAsReference } from './helpers.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

const example = loadExample('cluster-engineering');
const expected = JSON.parse(example.expected) as Settlement;
const records = plainNdjson<WireRecord>(example.ndjson);
const AS_OF = '2028-07-15';
const valid = records.filter((r) => r.id !== 'CE-X04');
const contract = example.contract as Parameters<typeof refOutcomes>[0];
const MEMBERS = new Set(['ge-meca', 'm01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10']);

/** The participants whose `outcome` the reference resolves as achieved on or before `date`. */
function achieved(outcome: string, date: string = AS_OF): WireRecord[] {
  return valid.filter((r) => {
    const resolved = refOutcomes(contract, r, refDay(AS_OF)).get(outcome);
    return resolved?.status === 'achieved' && (resolved.on ?? Infinity) <= refDay(date);
  });
}

function settledAlone(id: string): Settlement {
  const settled = settleWith(example.contract, records.filter((r) => r.id === id), { asOf: AS_OF });
  if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
  return settled.value;
}

function paidLines(settlement: Settlement): (string | number | null | undefined)[][] {
  return settlement.tranches.flatMap((t) => t.lines.map((l) => [t.id, l.rule, l.claims, l.paid]));
}

describe.skipIf(REGENERATING)('examples/cluster-engineering, checked by hand', () => {
  test('every amount adds up: lines, tranches, payers, totals', () => {
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('CE-X01, a woman moving from one member to another: 1000.00 + 1500.00 + 3600.00 + 2000.00 = 8100.00', () => {
    // apprenticeship with the GE from 2025-09-15, past its 45-day trial on 2025-10-29: tranche 2025;
    // degree 2026-07-03 and a permanent job with m03 from 2026-10-01 (17 days after the end of the
    // apprenticeship, within 122), priced 3000.00 x 1.2 = 3600.00 for a woman: tranche 2026;
    // twelve months from 2026-10-01 end on 2027-09-30; the move from m03 (to 2027-05-31) to m07
    // (from 2027-06-16) leaves a gap of 15 days, within the 31 allowed: tranche 2027.
    expect(paidLines(settledAlone('CE-X01'))).toEqual([
      ['2025', 'pay-apprenticeship', 1, '1000.00'],
      ['2026', 'pay-degree', 1, '1500.00'],
      ['2026', 'pay-member-job', 1, '3600.00'],
      ['2027', 'pay-member-12m', 1, '2000.00'],
    ]);
  });

  test('CE-X02, a job outside the cluster: the apprenticeship and the degree only, 2500.00', () => {
    const alone = settledAlone('CE-X02');
    expect(paidLines(alone)).toEqual([
      ['2025', 'pay-apprenticeship', 1, '1000.00'],
      ['2026', 'pay-degree', 1, '1500.00'],
    ]);
    expect(alone.totals.earned).toBe('2500.00');
  });

  test('CE-X03, leaving a member for an employer outside the cluster: no twelve months, 4000.00', () => {
    // job with m02 from 2026-10-05 (4 weeks after the end of the apprenticeship on 2026-09-07); from
    // 2027-06-01 with ext-aero-31, whose days are a gap: more than 31 days before 2027-10-04
    expect(refOutcomes(contract, records.find((r) => r.id === 'CE-X03') as WireRecord, refDay(AS_OF)).get('member-12m')?.status).toBe('failed');
    expect(paidLines(settledAlone('CE-X03'))).toEqual([
      ['2025', 'pay-apprenticeship', 1, '1000.00'],
      ['2026', 'pay-member-job', 1, '3000.00'],
    ]);
  });

  test('the Région pays 1000.00 per apprenticeship and 1500.00 per degree, counted from the records', () => {
    const apprenticeships = achieved('apprenticeship');
    // a degree is paid only to an apprentice (prerequisite), within 456 days of enrolment
    const degrees = achieved('degree').filter((r) => apprenticeships.includes(r));
    const region = expected.payers.find((p) => p.payer === 'region');
    expect(region?.earned).toBe(money(BigInt(apprenticeships.length) * 100000n + BigInt(degrees.length) * 150000n));
    // the 2025 tranche: the contracts past their trial by 2025-12-31
    expect(expected.tranches.find((t) => t.id === '2025')?.earned).toBe(money(BigInt(achieved('apprenticeship', '2025-12-31').length) * 100000n));
  });

  test('only jobs with the GE or a member count: every job paid has such an employer', () => {
    for (const r of achieved('member-job')) {
      const placedOn = refOutcomes(contract, r, refDay(AS_OF)).get('member-job')?.placedOn;
      const job = r.spells.find((s) => refDay(s.start) === placedOn);
      expect(MEMBERS.has(job?.employer ?? ''), r.id).toBe(true);
    }
    // and some jobs outside the cluster exist in the records, so the restriction is exercised
    expect(valid.some((r) => r.spells.some((s) => s.contractType === 'permanent' && !MEMBERS.has(s.employer ?? '')))).toBe(true);
  });

  test("the cluster's commitment binds: its outcomes earn more than 90000.00, it pays 90000.00", () => {
    // member job 3000.00 (3600.00 for a woman) after an apprenticeship, twelve months 2000.00
    const apprentices = new Set(achieved('apprenticeship'));
    const jobs = achieved('member-job').filter((r) => apprentices.has(r));
    const beforeCap = jobs.reduce((sum, r) => sum + (r.groups.includes('women') ? 360000n : 300000n), 0n) + BigInt(achieved('member-12m').length) * 200000n;
    expect(beforeCap > cents('90000.00')).toBe(true);
    expect(expected.payers.find((p) => p.payer === 'cluster')?.earned).toBe('90000.00');
  });

  test('every tranche, payer part and cap recomputed by the reference settlement (test/settlement/reference), which shares nothing with the engine', () => {
    const reference = referenceSettlement(contract, valid, AS_OF);
    // the payers fund different outcomes, so the document shows each tranche's split before the
    // cluster's cap (payerSplit), as the reference computes it
    const shown = shownAsReference(expected);
    expect({
      ...shown,
      tranches: shown.tranches.map((t, i) => {
        const split = expected.tranches[i]?.payerSplit ?? [];
        return { ...(t as object), split: { exact: split.map((p) => p.exact), parts: split.map((p) => p.part) } };
      }),
    }).toEqual(reference);
    expect(expected.totals.earned).toBe(money(reference.tranches.reduce((sum, t) => sum + cents(t.earned), 0n)));
  });

  test('data quality: the job of CE-X04 ends before it starts, so that record is excluded (72 read, 71 settled)', () => {
    expect(expected.dataQuality.issues.map((i) => [i.code, i.participantId])).toEqual([['SPELL_END_BEFORE_START', 'CE-X04']]);
    expect([expected.dataQuality.recordsRead, expected.dataQuality.recordsSettled]).toEqual([72, 71]);
  });
});
