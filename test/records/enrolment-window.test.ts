/**
 * A record enrolled outside its cohort's enrolment window (and so any record enrolled before the
 * contract period) is not a participant of that cohort under the contract: ENROLMENT_OUTSIDE_WINDOW,
 * excluded in lenient mode and counted towards maxExcluded; on every path (whole array, streamed
 * NDJSON and CSV, their fast paths) and in `outcome-pay validate`.
 */
import { describe, expect, it } from 'vitest';
import { parseDate, settle, validateRecords, type Settlement } from '../../src/index.js';
import { settleStream } from '../../src/streaming.js';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from '../cli/helpers.js';

// One cohort enrolling 2024-01-01 to 2024-03-31, inside the period 2024-01-01 to 2026-12-31; a
// 1000.00 placement (a job within 90 days of enrolment), measured 2024-12-31.
const contract = {
  schemaVersion: '2.0',
  id: 'window',
  name: 'window',
  currency: 'EUR',
  rounding: 'half-even',
  period: { start: '2024-01-01', end: '2026-12-31' },
  parties: { payers: [{ id: 'region', name: 'Region', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
  cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' }],
  outcomes: [{ kind: 'placement', id: 'placement', name: 'Job within 90 days of enrolment', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
  rules: [{ kind: 'rateCard', id: 'pay', name: 'pay', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] }],
  tranches: [{ id: 'T1', name: 'T1', rules: ['pay'], cohorts: ['A'], measuredOn: '2024-12-31', dueOn: '2024-12-31' }],
};

function placed(id: string, enrolledOn: string, start: string): Record<string, unknown> {
  return { id, cohort: 'A', enrolledOn, spells: [{ start }] };
}

// Every record placed 10 days after enrolment. In the window: first and last days (inclusive).
// Outside: the day before it opens, the day after it closes, and a date before the contract period.
const records = [
  placed('first-day', '2024-01-01', '2024-01-11'),
  placed('last-day', '2024-03-31', '2024-04-10'),
  placed('day-before', '2023-12-31', '2024-01-10'),
  placed('day-after', '2024-04-01', '2024-04-11'),
  placed('before-period', '2023-06-01', '2023-06-11'),
];
const OUTSIDE = ['day-before', 'day-after', 'before-period'];
const ndjson = `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
const csv = `id,cohort,enrolledOn,spell1_start\n${records.map((r) => `${String(r['id'])},A,${String(r['enrolledOn'])},${String((r['spells'] as { start: string }[])[0]?.start)}`).join('\n')}\n`;

function outside(settlement: Settlement): (string | undefined)[] {
  return settlement.dataQuality.issues.filter((issue) => issue.code === 'ENROLMENT_OUTSIDE_WINDOW').map((issue) => issue.participantId);
}

async function* chunksOf(text: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield text;
}

describe('ENROLMENT_OUTSIDE_WINDOW', () => {
  it('settle, settleStream from records, NDJSON and CSV: the three outside the window are excluded; 2 × 1000.00 paid', async () => {
    const options = { asOf: '2024-12-31', maxExcluded: 3 };
    const results = [
      settle(contract, records, options),
      await settleStream(
        contract,
        async function* rows() {
          await Promise.resolve();
          yield* records;
        },
        options,
      ),
      await settleStream(contract, { format: 'ndjson', chunks: () => chunksOf(ndjson) }, options),
      await settleStream(contract, { format: 'csv', chunks: () => chunksOf(csv) }, options),
    ];
    for (const result of results) {
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(outside(result.value)).toEqual(OUTSIDE);
      expect(result.value.dataQuality).toMatchObject({ recordsRead: 5, recordsSettled: 2, recordsExcluded: 3 });
      expect(result.value.totals.earned).toBe('2000.00'); // first-day and last-day only (was 5000.00)
      expect(result.value.dataQuality.issues.find((issue) => issue.participantId === 'day-after')?.message).toContain(
        'enrolledOn 2024-04-01 is outside the enrolment window of cohort "A", 2024-01-01 to 2024-03-31',
      );
    }
  });

  it('counts towards maxExcluded: 3 of 5 is beyond the default 5 %', () => {
    const result = settle(contract, records, { asOf: '2024-12-31' });
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['RECORDS_EXCLUDED_LIMIT', ...OUTSIDE.map(() => 'ENROLMENT_OUTSIDE_WINDOW')]);
  });

  it('validateRecords checks the window when the context gives it, with the path of enrolledOn', () => {
    const context = {
      cohortIds: new Set(['A']),
      groupIds: new Set<string>(),
      enrolmentWindows: new Map([['A', { start: parseDate('2024-01-01'), end: parseDate('2024-03-31') }]]),
    };
    const result = validateRecords(records, context, { mode: 'lenient' });
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['ENROLMENT_OUTSIDE_WINDOW', [2, 'enrolledOn']],
      ['ENROLMENT_OUTSIDE_WINDOW', [3, 'enrolledOn']],
      ['ENROLMENT_OUTSIDE_WINDOW', [4, 'enrolledOn']],
    ]);
    expect(validateRecords(records, { cohortIds: context.cohortIds, groupIds: context.groupIds }).issues).toEqual([]);
  });

  it('outcome-pay validate reports them', async () => {
    const io = fakeIo({ 'contract.json': JSON.stringify(contract), 'records.ndjson': ndjson });
    expect(await run(['validate', 'contract.json', '--records', 'records.ndjson'], io)).toBe(1);
    expect(io.stdoutText().match(/ENROLMENT_OUTSIDE_WINDOW/g)).toHaveLength(3);
  });
});
