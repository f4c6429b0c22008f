/**
 * Amendments (docs/mechanics/amendments.md). The figures of amended contracts are checked against
 * the reference model (reference.test.ts, which prices each claim by the version in force on its
 * day and applies the caps of the version in force on each due date); here, what the versions
 * must not change and what they must name:
 * - amendments that restate the base terms (every changed price, group pricing and cap amount
 *   written as the base writes it) pay exactly what the contract without amendments pays, tranche
 *   by tranche and payer by payer, priced by the achievement date's version or the enrolment
 *   date's alike;
 * - a settlement of an amended contract names a version on every line, one the contract has, and a
 *   line of claims the version in force at some day of its claim window, except a rate-card line
 *   priced by the enrolment date's version: the version in force on the enrolment date of a
 *   participant of its cohort enrolled by the end of its window, and none earlier than the
 *   enrolment version of a participant it pays; without amendments, no line and no restatement
 *   cause carries a version (earlier settlements stay byte for byte);
 * - reach, measured over a fixed seed: amended scenarios pay lines under an amendment (under each
 *   `pricedBy`), caps whose amount an amendment changed cut tranches under that amount, and
 *   pricing by the enrolment date's version settles otherwise than pricing by the achievement
 *   date's in some scenarios (the two are told apart).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import type { Settlement } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary, type Scenario } from '../arbitraries/index.js';
import { settleOk } from '../settle-helper.js';
import { moneyOf } from './helpers.js';

type Contract = Scenario['contract'];

function hasAmendments(scenario: Scenario): boolean {
  return scenario.contract.amendments !== undefined;
}

function withoutAmendments(scenario: Scenario): Scenario {
  const contract: Contract = { ...scenario.contract };
  delete contract.amendments;
  return { ...scenario, contract };
}

/** The amendments with every change restating the base terms. */
function restating(scenario: Scenario): Scenario {
  const contract = scenario.contract;
  const amendments = contract.amendments;
  if (amendments === undefined) return scenario;
  const versions = amendments.versions.map((version) => ({
    ...version,
    changes: {
      ...(version.changes.rules === undefined
        ? {}
        : {
            rules: version.changes.rules.map((change) => {
              const rule = contract.rules.find((each) => each.id === change.rule);
              if (rule?.kind !== 'rateCard') throw new Error(`not a rate card: ${change.rule}`);
              return { rule: change.rule, ...(change.price === undefined ? {} : { price: rule.price }), ...(change.groupPricing === undefined ? {} : { groupPricing: rule.groupPricing }) };
            }),
          }),
      ...(version.changes.caps === undefined
        ? {}
        : {
            caps: version.changes.caps.map((change) => {
              const cap = (contract.caps ?? []).find((each) => each.id === change.cap);
              if (cap === undefined || !('amount' in cap)) throw new Error(`not a money cap: ${change.cap}`);
              return { cap: change.cap, amount: cap.amount };
            }),
          }),
    },
  }));
  return { ...scenario, contract: { ...contract, amendments: { ...amendments, versions } } };
}

/** Tranche by tranche: status, earned, withheld and each payer's part. */
function figures(s: Settlement): unknown {
  return s.tranches.map((t) => [t.id, t.status, t.earned, t.withheld, t.payers.map((p) => [p.payer, p.earned])]);
}

/** The versions of an amended contract: id and first day, base first. */
function versionsOf(contract: Contract): { id: string; from: number }[] {
  return [{ id: 'base', from: parseDate(contract.period.start) }, ...(contract.amendments?.versions ?? []).map((version) => ({ id: version.id, from: parseDate(version.effectiveFrom) }))];
}

/** The index of the version in force on `day` (0: base). */
function indexOn(versions: readonly { id: string; from: number }[], day: number): number {
  let found = 0;
  versions.forEach((version, k) => {
    if (version.from <= day) found = k;
  });
  return found;
}

/** The same scenario priced by `pricedBy` (an amended scenario). */
function pricedBy(scenario: Scenario, by: 'achievement' | 'enrolment'): Scenario {
  const amendments = scenario.contract.amendments;
  if (amendments === undefined) return scenario;
  return { ...scenario, contract: { ...scenario.contract, amendments: { ...amendments, pricedBy: by } } };
}

/** The ids of the versions in force on some day of (after, upTo]. */
function versionsIn(versions: readonly { id: string; from: number }[], after: number, upTo: number): Set<string> {
  const found = new Set<string>();
  versions.forEach((version, k) => {
    const until = (versions[k + 1]?.from ?? Infinity) - 1;
    if (version.from <= upTo && until > after) found.add(version.id);
  });
  return found;
}

describe('amendments', () => {
  it('amendments restating the base terms pay what the contract without them pays, tranche by tranche and payer by payer, priced by achievement or enrolment', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        fc.pre(hasAmendments(scenario));
        const none = figures(settleOk(withoutAmendments(scenario)));
        expect(figures(settleOk(restating(pricedBy(scenario, 'achievement'))))).toEqual(none);
        expect(figures(settleOk(restating(pricedBy(scenario, 'enrolment'))))).toEqual(none);
      }),
      { numRuns: runs(40) },
    );
  });

  it('every line of an amended contract names a version it has, a claim line one in force in its claim window; without amendments none does', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        fc.pre(hasAmendments(scenario));
        const versions = versionsOf(scenario.contract);
        const ids = new Set(versions.map((version) => version.id));
        const byEnrolment = scenario.contract.amendments?.pricedBy === 'enrolment';
        const enrolled = new Map(scenario.records.map((record) => [record.id, parseDate(record.enrolledOn)]));
        const s = settleOk(scenario, { detail: 'participants' });
        for (const line of s.tranches.flatMap((t) => t.lines)) {
          expect(line.version !== undefined && ids.has(line.version), `${line.rule}: ${String(line.version)}`).toBe(true);
          const after = line.inputs['claimedAfter'];
          const upTo = line.inputs['claimedUpTo'];
          if (line.claims === null || typeof after !== 'string' || typeof upTo !== 'string') continue;
          if (byEnrolment && line.kind === 'rateCard') {
            const named = versions.findIndex((version) => version.id === line.version);
            const cohortVersions = scenario.records.filter((record) => record.cohort === line.cohort && parseDate(record.enrolledOn) <= parseDate(upTo)).map((record) => indexOn(versions, parseDate(record.enrolledOn)));
            expect(cohortVersions, `${line.rule} ${line.cohort ?? ''}: ${String(line.version)}`).toContain(named);
            for (const id of line.participants ?? []) expect(indexOn(versions, enrolled.get(id) ?? -Infinity), `${line.rule}: ${id}`).toBeLessThanOrEqual(named);
            continue;
          }
          expect(versionsIn(versions, after === 'start' ? -Infinity : parseDate(after), parseDate(upTo)).has(line.version ?? ''), `${line.rule} ${after}..${upTo}: ${String(line.version)}`).toBe(true);
        }
        const plain = settleOk(withoutAmendments(scenario));
        expect(plain.tranches.flatMap((t) => t.lines).some((line) => 'version' in line)).toBe(false);
        expect(plain.adjustments.flatMap((a) => a.causes ?? []).some((cause) => 'version' in cause)).toBe(false);
      }),
      { numRuns: runs(40) },
    );
  });

  it('reach (measured over seed 42): amended scenarios pay under an amendment (also when priced by enrolment), an amended cap cuts at its amended amount, and enrolment pricing settles otherwise than achievement pricing', () => {
    const scenarios = fc.sample(scenarioArbitrary(), { seed: 42, numRuns: 300 }).filter(hasAmendments);
    let paidUnderAmendment = 0;
    let cutAtAmendedAmount = 0;
    const byEnrolment = scenarios.filter((scenario) => scenario.contract.amendments?.pricedBy === 'enrolment');
    let enrolmentPaidUnderAmendment = 0;
    let enrolmentOtherwise = 0;
    for (const scenario of scenarios) {
      const s = settleOk(scenario);
      const lines = s.tranches.flatMap((t) => t.lines);
      const m = moneyOf(scenario);
      const paysUnderAmendment = lines.some((line) => line.version !== 'base' && line.claims !== null && m.of(line.paid) > 0n);
      if (paysUnderAmendment) paidUnderAmendment += 1;
      if (scenario.contract.amendments?.pricedBy === 'enrolment') {
        if (paysUnderAmendment) enrolmentPaidUnderAmendment += 1;
        if (JSON.stringify(figures(s)) !== JSON.stringify(figures(settleOk(pricedBy(scenario, 'achievement'))))) enrolmentOtherwise += 1;
      }
      const amended = new Map((scenario.contract.amendments?.versions ?? []).flatMap((version) => (version.changes.caps ?? []).map((change) => [change.cap, change.amount] as const)));
      const base = new Map((scenario.contract.caps ?? []).flatMap((cap) => ('amount' in cap ? [[cap.id, cap.amount] as const] : [])));
      const cuts = s.tranches.flatMap((t) => t.capCuts);
      if (cuts.some((cut) => amended.has(cut.cap) && m.of(cut.limit) !== m.of(base.get(cut.cap) ?? '0'))) cutAtAmendedAmount += 1;
    }
    expect(scenarios.length).toBeGreaterThanOrEqual(100);
    expect(byEnrolment.length / scenarios.length).toBeGreaterThanOrEqual(0.3);
    expect(paidUnderAmendment / scenarios.length).toBeGreaterThanOrEqual(0.3);
    expect(enrolmentPaidUnderAmendment / byEnrolment.length).toBeGreaterThanOrEqual(0.2);
    expect(enrolmentOtherwise / byEnrolment.length).toBeGreaterThanOrEqual(0.1);
    expect(cutAtAmendedAmount / scenarios.length).toBeGreaterThanOrEqual(0.05);
  });
});
