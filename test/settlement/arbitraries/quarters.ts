/**
 * Outcomes in calendar quarters after the exit quarter (issue #16 item 9, `quarterAfterExit`),
 * drawn after the earnings draws so that every earlier draw is what it was.
 *
 * - Often (50 %) an outcome `employed-q`: quarter 1 to 4 after the exit quarter, its data due 0 to
 *   6 months or 0 to 150 days after the quarter, sometimes (40 %) a minimum of earnings, sometimes
 *   (30 %) restricted to a group; paid by a rate card in the tranches measured once every cohort
 *   they list can have it (the contract refuses an earlier tranche, TRANCHE_BEFORE_OUTCOME).
 * - Outside monotone scenarios, half the time a median earnings target as the docs write it: a
 *   second outcome `q-target` (the same quarter with a minimum of earnings) and a cohort rate over
 *   those who achieved `employed-q` (denominator `achieved`), at least half of them reaching it.
 * - Half of the exit clauses on a rate over those placed or who completed count them as those who
 *   achieved that outcome (denominator `achieved`, the same rate).
 * - Quarterly wage records on most records without earnings (60 %): from the exit quarter, 1 to 5
 *   consecutive calendar quarters, now and then one skipped, a 0.00, or three months instead of a
 *   quarter, 0 to 12,000 units a quarter.
 * - On request (`always`), the outcome `employed-q` in every contract; every draw is made as in the
 *   default and only that choice overridden, so the default scenarios are what they were.
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { refDay, refQuarterAfter } from '../reference/dates.js';
import { moneyText, unitsText, type Currency } from './currencies.js';
import { funded } from './earnings.js';
import { chance, int, pick, someOf, type Gen } from './gen.js';
import type { WireRecord } from './records.js';

type Outcome = ContractInput['outcomes'][number];
type QuarterOutcome = Extract<Outcome, { kind: 'quarterAfterExit' }>;
type Rule = ContractInput['rules'][number];

function outcomeOf(g: Gen, contract: ContractInput, c: Currency): QuarterOutcome {
  const dataLag = chance(g, 50) ? { unit: 'months' as const, count: int(g, 0, 6) } : { unit: 'days' as const, count: int(g, 0, 150) };
  const groups = (contract.groups ?? []).map((group) => group.id);
  return {
    kind: 'quarterAfterExit',
    id: 'employed-q',
    name: 'Employed in a quarter after exit',
    ...(chance(g, 25) ? { description: 'Quarterly wage records.' } : {}),
    quarter: int(g, 1, 4),
    ...(chance(g, 40) ? { minimumEarnings: unitsText(c, int(g, 500, 6_000) * c.scale) } : {}),
    dataLag,
    ...(groups.length > 0 && chance(g, 30) ? { participants: { groups: someOf(g, groups) } } : {}),
  };
}

/** The tranches measured on or after the day every cohort they list can have `o` (its data due for an exit on the cohort's first day). */
function readyTranches(contract: ContractInput, o: QuarterOutcome): Set<string> {
  const starts = new Map(contract.cohorts.map((cohort) => [cohort.id, refDay(cohort.enrolmentStart)]));
  return new Set(
    contract.tranches
      .filter((t) => t.cohorts.every((id) => refQuarterAfter(starts.get(id) ?? 0, o.quarter, o.dataLag).due <= refDay(t.measuredOn)))
      .map((t) => t.id),
  );
}

function wageRecords(g: Gen, c: Currency, record: WireRecord): WireRecord {
  if (record.exitedOn === undefined || record.earnings !== undefined || !chance(g, 60)) return record;
  const month = Number(record.exitedOn.slice(5, 7));
  let from: CalendarDate = parseDate(`${record.exitedOn.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`);
  const earnings: { from: string; to: string; amount: string }[] = [];
  for (let n = int(g, 1, 5); n > 0; n--) {
    const next = addMonths(from, 3);
    if (!chance(g, 15)) {
      const amount = chance(g, 10) ? 0 : int(g, 0, 12_000) * c.scale;
      if (chance(g, 15)) {
        // three monthly records instead of one for the quarter
        for (let m = 0; m < 3; m++) earnings.push({ from: formatDate(addMonths(from, m)), to: formatDate(addDays(addMonths(from, m + 1), -1)), amount: moneyText(Math.floor(amount / 3), c.places) });
      } else earnings.push({ from: formatDate(from), to: formatDate(addDays(next, -1)), amount: moneyText(amount, c.places) });
    }
    from = next;
  }
  return { ...record, earnings };
}

/**
 * Half of the exit clauses on a rate over those placed (or who completed) count them as those who
 * achieved the same outcome (denominator `achieved`): the same rate, written the other way.
 */
function achievedDenominators(g: Gen, contract: ContractInput): ContractInput {
  const clauses = contract.exitClauses;
  if (clauses === undefined) return contract;
  return {
    ...contract,
    exitClauses: clauses.map((clause) => {
      const condition = clause.condition;
      if (condition.kind !== 'outcomeRateBelow' || condition.denominator.kind === 'enrolled' || !chance(g, 50)) return clause;
      return { ...clause, condition: { ...condition, denominator: { kind: 'achieved' as const, outcome: condition.denominator.outcome } } };
    }),
  };
}

/**
 * The scenario's contract with a quarter-after-exit outcome (often, or always when `always`) and a
 * median earnings target (outside monotone scenarios, half of those), and its records with quarterly
 * wage records (see the module comment).
 *
 * @example
 * const { contract, records } = drawQuarters(g, contract, records, currency, false);
 */
export function drawQuarters(g: Gen, drawn: ContractInput, records: readonly WireRecord[], c: Currency, monotone: boolean, always = false): { contract: ContractInput; records: WireRecord[] } {
  const contract = achievedDenominators(g, drawn);
  // the chance is drawn before `always` is read, so the default draws are what they were
  if (!chance(g, 50) && !always) return { contract, records: [...records] };
  const employed = outcomeOf(g, contract, c);
  const outcomes: QuarterOutcome[] = [employed];
  const rules: Rule[] = [{ kind: 'rateCard', id: 'pay-employed-q', name: 'Pay employed-q', outcome: employed.id, price: unitsText(c, int(g, 100, 2_000) * c.scale), groupPricing: { kind: 'flat' }, prerequisites: [] }];
  if (!monotone && chance(g, 50)) {
    outcomes.push({ kind: 'quarterAfterExit', id: 'q-target', name: 'Earnings target in the quarter', quarter: employed.quarter, dataLag: employed.dataLag, minimumEarnings: unitsText(c, int(g, 1_000, 9_000) * c.scale) });
    rules.push({
      kind: 'cohortRate',
      id: 'median-target',
      name: 'Median earnings target',
      outcome: 'q-target',
      cohorts: contract.cohorts.map((cohort) => cohort.id),
      // per cohort: a pooled line names no cohort, which a payer funding listed cohorts only would not fund
      pooling: 'perCohort',
      denominator: { kind: 'achieved', outcome: employed.id },
      pending: pick(g, ['exclude', 'countAsNotAchieved'] as const),
      emptyCohort: pick(g, ['nothing', 'maximum'] as const),
      amountBasis: pick(g, ['perCohort', 'perAchiever'] as const),
      schedule: { kind: 'allOrNothing', threshold: '0.5', amount: unitsText(c, int(g, 500, 5_000) * c.scale) },
    });
  }
  const ready = readyTranches(contract, employed);
  const paid = ready.size === 0 ? [] : rules;
  const ruleIds = paid.map((rule) => rule.id);
  return {
    contract: {
      ...contract,
      parties: { ...contract.parties, payers: funded(contract, ruleIds, outcomes.map((o) => o.id)) },
      outcomes: [...contract.outcomes, ...outcomes],
      rules: [...contract.rules, ...paid],
      tranches: contract.tranches.map((t) => (ready.has(t.id) ? { ...t, rules: [...t.rules, ...ruleIds] } : t)),
    },
    records: records.map((record) => wageRecords(g, c, record)),
  };
}
