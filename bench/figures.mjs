/**
 * The figures of a settlement that the bench checks against its independent computation
 * (expected.mjs), in the shape that computation gives them, and the differences between two such
 * sets of figures.
 */

/** The checked figures of a settlement document (the engine's output). */
export function settlementFigures(settlement) {
  const quality = settlement.dataQuality;
  return {
    records: { read: quality.recordsRead, settled: quality.recordsSettled, excluded: quality.recordsExcluded },
    totals: { earned: settlement.totals.earned, due: settlement.totals.due },
    payers: settlement.payers.map((p) => ({ payer: p.payer, earned: p.earned, due: p.due })),
    tranches: settlement.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned, payers: t.payers.map((p) => ({ payer: p.payer, earned: p.earned })) })),
    participantCaps: settlement.participantCaps.map((c) => ({ cap: c.cap, claimsCut: c.claimsCut, amountCut: c.amountCut })),
    lines: settlement.tranches.flatMap((t) => t.lines.map((l) => `${t.id}|${l.rule}|${l.cohort}|${unitCents(l.unit)}: ${l.claims} ${l.paid}`)).sort(),
    unscheduled: settlement.unscheduled.length,
    exits: settlement.exits.map((e) => ({ clause: e.clause, outcome: e.outcome, achieved: e.figures?.achieved, failed: e.figures?.failed, pending: e.figures?.pending, rateDenominator: e.figures?.rateDenominator })),
    tallies: settlement.tallies.filter((t) => t.enrolled > 0).map((t) => `${t.cohort}|${t.group ?? ''}|${t.outcome}: ${t.enrolled} ${t.achieved} ${t.failed} ${t.pending}`).sort(),
  };
}

/** A line's unit ("1320", "250.5") in cents, as digits. */
function unitCents(unit) {
  const [whole, fraction = ''] = unit.split('.');
  return String(BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0')));
}

/** Every place where `actual` differs from `expected`, as "path: expected X, got Y" (empty if equal). */
export function differences(expected, actual, path = '') {
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    return Object.is(expected, actual) ? [] : [`${path || '(root)'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((key) => differences(expected[key], actual[key], `${path}${Array.isArray(expected) ? `[${key}]` : `.${key}`}`));
}
