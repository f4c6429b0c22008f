import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../src/calendar/index.js';
import { sustainmentClaimDates } from '../../src/settlement/rules/sustainment.js';

const rule = {
  kind: 'sustainment', id: 'sustain', name: 'Sustainment', placementOutcome: 'job',
  periodDays: 28, maxPayments: 20, price: '120.00', allowedGapDays: 7, paymentLagDays: 14, windowDays: 728,
} as const;

describe('sustainment claim dates', () => {
  it('a claim that would fall after 9999-12-31 is not claimable yet, not an error', () => {
    // placed 9999-11-01, in work since: period 1 completes 9999-11-28 (day 28), claim + 14 = 9999-12-12;
    // period 2 completes 9999-12-26, claim 10000-01-09: after the calendar, so after asOf 9999-12-31
    const spells = [{ start: parseDate('9999-11-01') }];
    const claims = sustainmentClaimDates(rule, spells, parseDate('9999-11-01'), parseDate('9999-12-31'));
    expect(claims.map(formatDate)).toEqual(['9999-12-12']);
  });
});
