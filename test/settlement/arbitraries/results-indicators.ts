/**
 * A results indicator (docs/mechanics/results-indicators.md) added to a generated contract, drawn
 * after every other term (payer funding and minimum performance levels included) so that every
 * earlier draw of a scenario stays as it was. In 55 % of the contracts whose payers can fund it: one
 * to three periods, each verified on a day from the contract's start to the last measurement date
 * (most just before a measurement, so a tranche follows), cumulative targets above a baseline, an
 * allocation each; paid in proportion or per unit (an amount per unit that lets the band earn from
 * half to twice its allocation: the cap binds often), any rounding mode; a rollover until a day
 * between the last verification and the end of the period in 60 %. Each period's indicator is a
 * cohortIndicator outcome of its own whose value (key `*`) is drawn from 0 to 120 % of the
 * period's target, not always increasing (a later verification can find less).
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { unitsText, type Currency } from './currencies.js';
import { measurementDays } from './dates.js';
import { chance, int, pick, type Gen } from './gen.js';
import type { Indicators } from './indicators.js';

type Rule = Extract<ContractInput['rules'][number], { kind: 'resultsIndicator' }>;

const ROUNDING = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;

/** Whether the payers fund a contract-level line of a rule they do not list: not when shares are scoped by outcome or cohort (a partition of ids the line has none of). */
function fundable(contract: ContractInput): boolean {
  return !contract.parties.payers.some((payer) => payer.share !== undefined && payer.funds !== undefined && payer.funds.rules === undefined);
}

/**
 * The contract with a results indicator drawn, and the indicator values for it.
 *
 * @example
 * const { contract, indicators } = drawResultsIndicator(g, contract, currency, indicators);
 */
export function drawResultsIndicator(g: Gen, contract: ContractInput, currency: Currency, indicators: Indicators | undefined): { contract: ContractInput; indicators: Indicators | undefined } {
  if (!fundable(contract) || !chance(g, 55)) return { contract, indicators };
  const start = parseDate(contract.period.start);
  const end = parseDate(contract.period.end);
  const measured = measurementDays(contract);
  const last = measured.at(-1) as CalendarDate;
  const count = int(g, 1, 3);
  const days = new Set<number>();
  for (let j = 0; j < count; j += 1) {
    const near = chance(g, 70) ? addDays(pick(g, measured), -int(g, 0, 60)) : addDays(start, int(g, 0, last - start));
    days.add(Math.min(last, Math.max(start, near)));
  }
  const verified = [...days].sort((a, b) => a - b) as CalendarDate[];
  const baseline = chance(g, 50) ? 0 : int(g, 1, 500);
  let target = baseline;
  const values: Record<string, Record<string, string>> = {};
  const outcomes: ContractInput['outcomes'] = [];
  const periods = verified.map((day, j) => {
    const below = target;
    target += int(g, 1, 300);
    const indicator = `ri-${j + 1}`;
    outcomes.push({ kind: 'cohortIndicator', id: indicator, name: `Results indicator, period ${j + 1}`, unit: 'count' });
    values[indicator] = { '*': String(chance(g, 10) ? below : int(g, 0, Math.round(target * 1.2))) };
    const units = int(g, 0, 30_000) * currency.scale;
    return { id: `p${j + 1}`, indicator, verifiedOn: formatDate(day), target: String(target), allocation: unitsText(currency, units), units, width: target - below };
  });
  const perUnit = chance(g, 50);
  // per unit: an amount that earns the band from about half to twice the first period's allocation
  const first = periods[0];
  const perUnitAmount = (): string => {
    const allocation = first?.units ?? 0;
    return unitsText(currency, Math.max(1, Math.round(((allocation / (first?.width ?? 1)) * int(g, 50, 200)) / 100)));
  };
  const lastVerified = verified.at(-1) as CalendarDate;
  const rule: Rule = {
    kind: 'resultsIndicator',
    id: 'results-indicator',
    name: 'Results indicator',
    ...(chance(g, 30) ? { description: 'A disbursement-linked indicator' } : {}),
    baseline: String(baseline),
    payment: perUnit ? { kind: 'perUnit', amount: perUnitAmount() } : { kind: 'proportional' },
    rounding: pick(g, ROUNDING),
    periods: periods.map(({ id, indicator, verifiedOn, target, allocation }) => ({ id, indicator, verifiedOn, target, allocation })),
    ...(chance(g, 60) ? { rollover: { until: formatDate(addDays(lastVerified, int(g, 0, Math.max(0, end - lastVerified)))) } } : {}),
  };
  // listed by the last tranche by date, and each other with probability 3/5
  const lastTranche = contract.tranches.find((tranche) => parseDate(tranche.measuredOn) === last);
  const tranches = contract.tranches.map((tranche) => (tranche === lastTranche || chance(g, 60) ? { ...tranche, rules: [...tranche.rules, rule.id] } : tranche));
  // payers with shares scoped by rule: the first (share 1 of its part) funds the new rule too
  let scoped = false;
  const payers = contract.parties.payers.map((payer) => {
    if (scoped || payer.share === undefined || payer.funds?.rules === undefined) return payer;
    scoped = true;
    return { ...payer, funds: { ...payer.funds, rules: [...payer.funds.rules, rule.id] } };
  });
  return {
    contract: { ...contract, parties: { ...contract.parties, payers }, outcomes: [...contract.outcomes, ...outcomes], rules: [...contract.rules, rule], tranches },
    indicators: { ...(indicators ?? {}), ...values },
  };
}
