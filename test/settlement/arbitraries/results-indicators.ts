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
 * period's target (from 80 % of the previous target in 70 % of the later periods: the achievement
 * mostly grows, and a later verification catches up what an earlier one did not earn), not always
 * increasing (a later verification can find less); or, half the time,
 * the rule counts the participants who achieved one of the contract's outcomes (bands of 1 to 4).
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
  // half the time the achievement is a count of participants who achieved an outcome (the records: 1 to 12)
  const counted = chance(g, 50) ? pick(g, contract.outcomes.filter((outcome) => outcome.kind !== 'cohortIndicator').map((outcome) => outcome.id)) : undefined;
  const baseline = counted !== undefined ? int(g, 0, 1) : chance(g, 50) ? 0 : int(g, 1, 500);
  let target = baseline;
  const values: Record<string, Record<string, string>> = {};
  const outcomes: ContractInput['outcomes'] = [];
  const periods = verified.map((day, j) => {
    const below = target;
    target += counted === undefined ? int(g, 1, 300) : int(g, 1, 4);
    const indicator = `ri-${j + 1}`;
    if (counted === undefined) {
      outcomes.push({ kind: 'cohortIndicator', id: indicator, name: `Results indicator, period ${j + 1}`, unit: 'count' });
      values[indicator] = { '*': String(chance(g, 10) ? below : int(g, j === 0 || chance(g, 30) ? 0 : Math.round(below * 0.8), Math.round(target * 1.2))) };
    }
    const units = int(g, 0, 30_000) * currency.scale;
    return { id: `p${j + 1}`, indicator: counted === undefined ? indicator : undefined, verifiedOn: formatDate(day), target: String(target), allocation: unitsText(currency, units), units, width: target - below };
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
    ...(counted === undefined ? {} : { participants: { outcome: counted } }),
    periods: periods.map((period) => ({ id: period.id, ...(period.indicator === undefined ? {} : { indicator: period.indicator }), verifiedOn: period.verifiedOn, target: period.target, allocation: period.allocation })),
    ...(chance(g, 60) ? { rollover: { until: formatDate(addDays(lastVerified, int(g, 0, Math.max(0, end - lastVerified)))) } } : {}),
  };
  // listed by the last tranche by date, and each other with probability 4/5
  const lastTranche = contract.tranches.find((tranche) => parseDate(tranche.measuredOn) === last);
  const tranches = contract.tranches.map((tranche) => (tranche === lastTranche || chance(g, 80) ? { ...tranche, rules: [...tranche.rules, rule.id] } : tranche));
  // payers with shares scoped by rule: the first (share 1 of its part) funds the new rule too
  let scoped = false;
  const payers = contract.parties.payers.map((payer) => {
    if (scoped || payer.share === undefined || payer.funds?.rules === undefined) return payer;
    scoped = true;
    return { ...payer, funds: { ...payer.funds, rules: [...payer.funds.rules, rule.id] } };
  });
  const indicatorValues = Object.keys(values).length === 0 ? indicators : { ...(indicators ?? {}), ...values };
  return {
    contract: { ...contract, parties: { ...contract.parties, payers }, outcomes: [...contract.outcomes, ...outcomes], rules: [...contract.rules, rule], tranches },
    indicators: indicatorValues,
  };
}
