/**
 * explainParticipant against the settlement it explains, on generated scenarios (every term of
 * the contract format, currencies with 0, 2 and 3 decimals): the explanations of all the
 * participants, put together, must give back the settlement's own aggregates. The settlement
 * exposes no amount per participant, so the checks are what it does expose:
 *
 * - every claim line names exactly the participants whose explained claims it took (the same ids,
 *   as many times), each claim at the line's unit before any price reduction;
 * - what the explanations say was paid, over the lines they attribute, is what those lines paid;
 * - each per-participant cap's claims cut, amount cut and participants are the sums of the
 *   explained cuts;
 * - the claims explained as unscheduled are the settlement's unscheduled claims, in number and amount;
 * - each cohort's achieved, failed and pending counts are the explained outcome statuses.
 *
 * Money is compared in integer minor units (no float).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement, SettlementLine } from '../../src/index.js';
import { explainParticipant, type ParticipantExplanation } from '../../src/explain.js';
import { runs } from '../runs.js';
import { scenarioArbitrary, type Scenario } from '../settlement/arbitraries/index.js';
import { moneyOf, type MoneyOf } from '../settlement/properties/helpers.js';
import { scenarioOptions, settleOk } from '../settlement/settle-helper.js';

function explainAll(scenario: Scenario): ParticipantExplanation[] {
  const options = { ...scenarioOptions(scenario), allowEmpty: true, maxExcluded: '100%' };
  return scenario.records.map((record) => {
    const result = explainParticipant(scenario.contract, scenario.records, record.id, options);
    if (!result.ok) expect.fail(`explain ${record.id}: ${JSON.stringify(result.issues.slice(0, 3))}`);
    return result.value;
  });
}

const key = (tranche: string, line: number): string => `${tranche}#${line}`;

function shareCut(line: SettlementLine): string[] {
  const cut = line.inputs['cutParticipants'];
  return typeof cut === 'string' ? cut.split(',') : [];
}

/** Each claim line names the participants whose explained claims it took, each at the line's base unit. */
function checkLines(s: Settlement, explanations: readonly ParticipantExplanation[], m: MoneyOf): void {
  const named = new Map<string, string[]>();
  for (const e of explanations) {
    for (const claim of e.claims) {
      const line = claim.tranche?.line;
      if (claim.tranche === null || line === null || line === undefined) continue;
      const k = key(claim.tranche.tranche, line);
      named.set(k, [...(named.get(k) ?? []), e.participant]);
      const settled = s.tranches.find((t) => t.id === claim.tranche?.tranche)?.lines[line - 1];
      const base = settled?.inputs['basePrice'] ?? settled?.unit;
      expect(m.of(claim.amount), `${e.participant} ${k}`).toBe(m.of(String(base)));
    }
  }
  for (const t of s.tranches) {
    t.lines.forEach((line, index) => {
      if (line.participants === undefined) return;
      const expected = [...line.participants, ...shareCut(line)].sort();
      expect((named.get(key(t.id, index + 1)) ?? []).sort(), `${t.id} line ${index + 1}`).toEqual(expected);
    });
  }
}

/** Over every line whose claims all have a paid amount, the explained amounts add up to what it paid (0 in a suspended tranche). */
function checkPaid(s: Settlement, explanations: readonly ParticipantExplanation[], m: MoneyOf): void {
  const paid = new Map<string, bigint>();
  const unattributed = new Set<string>();
  for (const e of explanations) {
    for (const claim of e.claims) {
      if (claim.tranche?.line === null || claim.tranche === null) continue;
      const k = key(claim.tranche.tranche, claim.tranche.line);
      if (claim.paid === null) unattributed.add(k);
      else paid.set(k, (paid.get(k) ?? 0n) + m.of(claim.paid));
    }
  }
  for (const [k, amount] of paid) {
    if (unattributed.has(k)) continue;
    const [tranche, number] = k.split('#');
    const t = s.tranches.find((each) => each.id === tranche);
    const line = t?.lines[Number(number) - 1];
    expect(amount, k).toBe(m.of(line?.paid ?? '0'));
  }
  // and a participant's total paid is the sum of its claims' paid amounts
  for (const e of explanations) expect(m.of(e.totals.paid)).toBe(m.sum(e.claims.flatMap((c) => (c.paid === null ? [] : [c.paid]))));
}

/** Each per-participant cap's figures are the sums of the explained cuts. */
function checkParticipantCaps(s: Settlement, explanations: readonly ParticipantExplanation[], m: MoneyOf): void {
  for (const cap of s.participantCaps) {
    const cuts = explanations.flatMap((e) => e.claims.flatMap((c) => c.participantCuts.filter((cut) => cut.cap === cap.cap).map((cut) => ({ who: e.participant, cut }))));
    expect(cuts.length, cap.cap).toBe(cap.claimsCut);
    expect(m.sum(cuts.map(({ cut }) => cut.cut)), cap.cap).toBe(m.of(cap.amountCut));
    // the settlement names each participant a cap cut once, however many of its claims were cut
    expect([...new Set(cuts.map(({ who }) => who))].sort()).toEqual([...(cap.participants ?? [])].sort());
    for (const { cut } of cuts) expect(m.of(cut.before) - m.of(cut.cut)).toBe(m.of(cut.after));
  }
  for (const e of explanations) {
    for (const claim of e.claims) expect(m.of(claim.claimed) - m.sum(claim.participantCuts.map((cut) => cut.cut))).toBe(m.of(claim.amount));
  }
}

/** The claims explained as unscheduled are the settlement's unscheduled participant claims. */
function checkUnscheduled(s: Settlement, explanations: readonly ParticipantExplanation[], m: MoneyOf): void {
  const claims = explanations.flatMap((e) => e.claims.filter((c) => c.fate === 'unscheduled'));
  const participantRules = new Set(explanations.flatMap((e) => e.claims.map((c) => c.rule)));
  const entries = s.unscheduled.filter((u) => u.cohort !== null && participantRules.has(u.rule));
  expect(claims.length).toBe(entries.reduce((total, u) => total + u.claims, 0));
  expect(m.sum(claims.map((c) => c.amount))).toBe(m.sum(entries.map((u) => u.amount)));
}

/** Each cohort's achieved, failed and pending counts are the explained statuses of its participants. */
function checkTallies(s: Settlement, explanations: readonly ParticipantExplanation[]): void {
  for (const tally of s.tallies) {
    if (tally.group !== null) continue;
    const statuses = explanations
      .filter((e) => e.status === 'settled' && e.record?.cohort === tally.cohort)
      .map((e) => e.outcomes.find((o) => o.outcome === tally.outcome)?.status);
    if (statuses.includes('notApplicable')) continue;
    expect(statuses.length, `${tally.cohort} ${tally.outcome} enrolled`).toBe(tally.enrolled);
    expect(statuses.filter((status) => status === 'achieved').length, `${tally.cohort} ${tally.outcome}`).toBe(tally.achieved);
    expect(statuses.filter((status) => status === 'failed').length, `${tally.cohort} ${tally.outcome}`).toBe(tally.failed);
    expect(statuses.filter((status) => status === 'pending').length, `${tally.cohort} ${tally.outcome}`).toBe(tally.pending);
  }
}

describe('explainParticipant against the settlement', () => {
  it('the explanations of every participant add up to the settlement’s lines, caps, unscheduled claims and tallies', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxRecords: 8 }), (scenario) => {
        const ids = scenario.records.map((record) => record.id);
        fc.pre(new Set(ids).size === ids.length);
        const s = settleOk(scenario, { detail: 'participants' });
        const m = moneyOf(scenario);
        const explanations = explainAll(scenario);
        checkLines(s, explanations, m);
        checkPaid(s, explanations, m);
        checkParticipantCaps(s, explanations, m);
        checkUnscheduled(s, explanations, m);
        checkTallies(s, explanations);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('the scenarios of the property above reach what it checks (measured over seed 42)', () => {
  it('claims are paid, cut by a per-participant cap, cut in a line, and left unscheduled often enough to mean something', () => {
    const drawn = fc.sample(scenarioArbitrary({ maxRecords: 8 }), { seed: 42, numRuns: 60 });
    const scenarios = drawn.filter((scenario) => new Set(scenario.records.map((r) => r.id)).size === scenario.records.length);
    const fates = new Map<string, number>(); // scenarios in which a claim has each fate
    let participantCut = 0;
    for (const scenario of scenarios) {
      const explanations = explainAll(scenario);
      const claims = explanations.flatMap((e) => e.claims);
      for (const fate of new Set(claims.map((c) => c.fate))) fates.set(fate, (fates.get(fate) ?? 0) + 1);
      if (claims.some((c) => c.participantCuts.length > 0)) participantCut += 1;
    }
    const n = scenarios.length;
    expect(n).toBeGreaterThanOrEqual(50);
    expect((fates.get('paid') ?? 0) / n, 'scenarios where a claim is paid').toBeGreaterThanOrEqual(0.5);
    expect(participantCut / n, 'scenarios where a per-participant cap cuts a claim').toBeGreaterThanOrEqual(0.05);
    for (const fate of ['cutInLine', 'unscheduled', 'awaitingTranche']) expect(fates.get(fate) ?? 0, `scenarios with a ${fate} claim`).toBeGreaterThanOrEqual(2);
  });
});
