/**
 * Earnings threshold outcomes and earnings by pay period (issue #16 items 3 and 4), drawn last in a
 * scenario so that every draw before them (contracts, records, indicators, as-of dates, later terms,
 * payer funding, levels) is what it was before earnings existed (seeded regression scenarios and the
 * generator's measured shares stay as they were).
 *
 * - Often (70 %) an outcome `earnings`: an amount, or (80 %) hours × weeks × a minimum wage of a
 *   two-rate table (the second rate in force from a day in the first year), rounded with any mode to
 *   a minor unit or a whole unit; a window from enrolment or exit; sometimes (15 %) restricted to a
 *   group; and sometimes (40 %) a second ladder step `earnings-step-2`, a larger amount. Each is paid
 *   by a rate card (80 %) listed in every tranche and funded by the first payer when payers fund
 *   listed rules or outcomes only.
 * - Earnings by pay period on most records (75 %) of such contracts, and now and then (10 %) without:
 *   consecutive months or quarters from a month start shortly before the window's anchor (a period
 *   across the start), 300 to 3,000 units a month, now and then 0, in order of period end.
 * - On request (`EarningsDraw`), always an outcome `earnings` (`always`), or always a ladder
 *   (`ladder`): both steps, the first of an amount (not a minimum wage) for every participant (no
 *   group restriction) and the second of an amount at least the first's. Every draw is made as in
 *   the default (`sometimes`) and only its outcome overridden, so the default scenarios are what
 *   they were.
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { moneyText, unitsText, type Currency } from './currencies.js';
import { chance, int, pick, someOf, type Gen } from './gen.js';
import type { WireRecord } from './records.js';

type Outcome = ContractInput['outcomes'][number];
type EarningsOutcome = Extract<Outcome, { kind: 'earningsThreshold' }>;
type Rule = ContractInput['rules'][number];

const ROUNDING = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;

/**
 * Which earnings outcomes a scenario has: `sometimes` (70 % of contracts, the default), `always`, or
 * `ladder` (always, both steps, amounts in order, for every participant; see the module comment).
 */
export type EarningsDraw = 'sometimes' | 'always' | 'ladder';

function outcomesOf(g: Gen, contract: ContractInput, c: Currency, ladder: boolean): EarningsOutcome[] {
  const whole = (from: number, to: number): number => int(g, from, to);
  const units = (from: number, to: number): string => unitsText(c, whole(from, to) * c.scale);
  const start = parseDate(contract.period.start);
  // each chance is drawn before `ladder` is read, so the default draws are what they were
  const amountThreshold = chance(g, 20) || ladder;
  const first = amountThreshold ? whole(2_000, 9_000) : 0;
  const threshold: EarningsOutcome['threshold'] = amountThreshold
    ? { kind: 'amount', amount: unitsText(c, first * c.scale) }
    : {
        kind: 'minimumWage',
        hours: pick(g, ['16', '16.5', '20']),
        weeks: pick(g, [13, 26]),
        rates: [
          { from: formatDate(addDays(start, -int(g, 0, 400))), hourly: units(8, 11) },
          { from: formatDate(addDays(start, int(g, 30, 365))), hourly: units(11, 14) },
        ],
        rateOn: pick(g, ['windowStart', 'windowEnd'] as const),
        rounding: pick(g, ROUNDING),
        increment: chance(g, 50) ? unitsText(c, 1) : unitsText(c, c.scale),
      };
  const window = { from: pick(g, ['enrolment', 'exit'] as const), days: int(g, 90, 500) };
  const periodAcrossStart = pick(g, ['full', 'proRata', 'exclude'] as const);
  const groups = (contract.groups ?? []).map((group) => group.id);
  const participants = groups.length > 0 && chance(g, 15) && !ladder ? { participants: { groups: someOf(g, groups) } } : {};
  const described = chance(g, 25) ? { description: 'Paid once per participant.' } : {};
  const list: EarningsOutcome[] = [{ kind: 'earningsThreshold', id: 'earnings', name: 'Earnings threshold', ...described, window, threshold, periodAcrossStart, ...participants }];
  if (chance(g, 40) || ladder) {
    const second = units(ladder ? Math.max(6_000, first) : 6_000, 12_000);
    list.push({ kind: 'earningsThreshold', id: 'earnings-step-2', name: 'Earnings ladder, second step', window, threshold: { kind: 'amount', amount: second }, periodAcrossStart });
  }
  return list;
}

/** The payers, the first one funding the new rules and outcomes when payers fund listed rules or outcomes only. */
export function funded(contract: ContractInput, rules: readonly string[], outcomes: readonly string[]): ContractInput['parties']['payers'] {
  return contract.parties.payers.map((payer, i) => {
    const funds = payer.funds;
    if (i > 0 || funds === undefined) return payer;
    return {
      ...payer,
      funds: {
        ...funds,
        ...(funds.rules === undefined ? {} : { rules: [...funds.rules, ...rules] }),
        ...(funds.outcomes === undefined ? {} : { outcomes: [...funds.outcomes, ...outcomes] }),
      },
    };
  });
}

function earningsFor(g: Gen, outcome: EarningsOutcome | undefined, c: Currency, record: WireRecord): WireRecord {
  if (!chance(g, outcome === undefined ? 10 : 75)) return record;
  const enrolled = parseDate(record.enrolledOn);
  const anchor = outcome?.window.from === 'exit' && record.exitedOn !== undefined ? parseDate(record.exitedOn) : enrolled;
  const near = formatDate(addDays(anchor, -int(g, 0, 40)));
  let from: CalendarDate = parseDate(`${near.slice(0, 8)}01`);
  const months = chance(g, 70) ? 1 : 3;
  const earnings: { from: string; to: string; amount: string }[] = [];
  for (let n = int(g, 1, 9); n > 0; n--) {
    const next = addMonths(from, months);
    const amount = chance(g, 8) ? 0 : int(g, 300, 3_000) * months * c.scale;
    const text = moneyText(amount, c.places);
    earnings.push({ from: formatDate(from), to: formatDate(addDays(next, -1)), amount: c.places > 0 && chance(g, 15) ? text.replace(/\.?0+$/, '') : text });
    from = next;
  }
  return { ...record, earnings };
}

/**
 * The scenario's contract with earnings outcomes (often, or as `draw` asks) and its records with
 * earnings (see the module comment).
 *
 * @example
 * const { contract, records } = drawEarnings(g, contract, records, currency);
 */
export function drawEarnings(g: Gen, contract: ContractInput, records: readonly WireRecord[], c: Currency, draw: EarningsDraw = 'sometimes'): { contract: ContractInput; records: WireRecord[] } {
  const outcomes = chance(g, 70) || draw !== 'sometimes' ? outcomesOf(g, contract, c, draw === 'ladder') : [];
  const rules: Rule[] = outcomes.flatMap((o) =>
    chance(g, 80) ? [{ kind: 'rateCard' as const, id: `pay-${o.id}`, name: `Pay ${o.id}`, outcome: o.id, price: unitsText(c, int(g, 100, 2_000) * c.scale), groupPricing: { kind: 'flat' as const }, prerequisites: [] }] : [],
  );
  const ruleIds = rules.map((r) => r.id);
  const withOutcomes: ContractInput =
    outcomes.length === 0
      ? contract
      : {
          ...contract,
          parties: { ...contract.parties, payers: funded(contract, ruleIds, outcomes.map((o) => o.id)) },
          outcomes: [...contract.outcomes, ...outcomes],
          rules: [...contract.rules, ...rules],
          tranches: contract.tranches.map((t) => ({ ...t, rules: [...t.rules, ...ruleIds] })),
        };
  return { contract: withOutcomes, records: records.map((record) => earningsFor(g, outcomes[0], c, record)) };
}
