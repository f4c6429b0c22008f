/**
 * The float BASELINE: what a user would write by hand for the benchmark contract's rate card,
 * with floating-point money and native Date. Deliberately naive (it lives only in bench/): prices
 * times group multipliers in floats, "rounded up" with Math.ceil, month arithmetic with setMonth,
 * a 10 % wage rise tested as wage >= base * 1.1, no gap rules.
 */
const PRICES = { placement: 1200, retention6: 800, retention12: 1000, wage: 500 };
const MULTIPLIERS = { rsa: 1.25, ltu: 1.1 };
const TYPES = new Set(['permanent', 'fixed-term', 'apprenticeship']);
const DAY = 86_400_000;

/** The baseline's payment for one participant (a float), and per rule. */
export function baselinePayment(record, asOfText) {
  const asOf = new Date(asOfText);
  let multiplier = 1;
  for (const group of record.groups ?? []) multiplier = Math.max(multiplier, MULTIPLIERS[group] ?? 1);
  const price = (base) => Math.ceil(base * multiplier * 100) / 100;
  const enrolled = new Date(record.enrolledOn);
  const training = (record.events ?? []).find((e) => e.kind === 'training-completed');
  if (training === undefined || (new Date(training.on) - enrolled) / DAY > 365 || new Date(training.on) > asOf) return { total: 0, rules: {} };
  if (record.exitedOn === undefined) return { total: 0, rules: {} };
  const exit = new Date(record.exitedOn);
  const spell = (record.spells ?? []).find((s) => {
    const start = new Date(s.start);
    const days = (start - exit) / DAY;
    const end = s.end === undefined ? asOf : new Date(s.end);
    return days >= 0 && days <= 180 && (s.hoursPerWeek ?? 0) >= 24 && TYPES.has(s.contractType) && (end - start) / DAY + 1 >= 30 && start <= asOf;
  });
  if (spell === undefined) return { total: 0, rules: {} };
  const rules = { 'pay-placement': price(PRICES.placement) };
  const start = new Date(spell.start);
  const end = spell.end === undefined ? undefined : new Date(spell.end);
  const at6 = new Date(start);
  at6.setMonth(at6.getMonth() + 6);
  if (at6 <= asOf && (end === undefined || end >= at6)) rules['pay-retention-6m'] = price(PRICES.retention6);
  const at12 = new Date(start);
  at12.setMonth(at12.getMonth() + 12);
  if (rules['pay-retention-6m'] && at12 <= asOf && (end === undefined || end >= at12)) rules['pay-retention-12m'] = price(PRICES.retention12);
  if (record.baselineWage !== undefined) {
    const base = Number(record.baselineWage);
    const later = (record.wages ?? []).find((w) => new Date(w.on) >= at12 && new Date(w.on) <= asOf);
    if (later !== undefined && Number(later.monthlyWage) >= base * 1.1) rules['pay-wage'] = PRICES.wage;
  }
  let total = 0;
  for (const amount of Object.values(rules)) total += amount;
  return { total, rules };
}
