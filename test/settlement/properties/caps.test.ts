/**
 * No cap is ever exceeded: cumulative paid under every cap, over the life of the contract, is at
 * most the cap; and no amount is negative except a due (or adjustment) after previous payments.
 * The generators bind a cap in at least a fifth of the scenarios (generator.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary, type Scenario } from '../arbitraries/index.js';
import { settleOk } from '../settle-helper.js';
import { moneyOf, sharePayable, type MoneyOf } from './helpers.js';

/**
 * The caps of a scenario, each money cap at its highest amount over an amended contract's versions
 * (a tranche's caps are those in force on its due date: what one version let through before is never
 * taken back, so over the contract no cap lets through more than its highest amount).
 */
function widestCaps(scenario: Scenario, m: MoneyOf): NonNullable<Scenario['contract']['caps']> {
  const changes = (scenario.contract.amendments?.versions ?? []).flatMap((version) => version.changes.caps ?? []);
  return (scenario.contract.caps ?? []).map((cap) => {
    if (!('amount' in cap)) return cap;
    const amounts = [cap.amount, ...changes.filter((change) => change.cap === cap.id).map((change) => change.amount)];
    return { ...cap, amount: amounts.reduce((max, amount) => (m.of(amount) > m.of(max) ? amount : max)) };
  });
}

function checkCaps(scenario: Scenario, s: Settlement, m: MoneyOf): void {
  const lines = s.tranches.flatMap((t) => t.lines.map((line) => ({ tranche: t.id, line })));
  for (const cap of widestCaps(scenario, m)) {
    switch (cap.kind) {
      case 'participant': {
        // per participant, from the participant claims (rate card, sustainment and per-start fee
        // lines, which list their participants with detail: 'participants'): Σ unit over the claims
        const perParticipant = new Map<string, bigint>();
        for (const { line } of lines) {
          if (line.claims === null || line.unit === null) continue;
          for (const id of line.participants ?? []) perParticipant.set(id, (perParticipant.get(id) ?? 0n) + m.of(line.unit));
        }
        for (const [id, total] of perParticipant) expect(total <= m.of(cap.amount), `${cap.id} ${id}: ${total}`).toBe(true);
        break;
      }
      case 'outcomeVolume': {
        const claims = lines.filter(({ line }) => line.rule === cap.rule).reduce((n, { line }) => n + (line.claims ?? 0), 0);
        expect(claims).toBeLessThanOrEqual(cap.targetUnits);
        break;
      }
      case 'outcome':
        expect(m.sum(lines.filter(({ line }) => line.outcome === cap.outcome).map(({ line }) => line.paid)) <= m.of(cap.amount), cap.id).toBe(true);
        break;
      case 'cohort':
        expect(m.sum(lines.filter(({ line }) => line.cohort === cap.cohort).map(({ line }) => line.paid)) <= m.of(cap.amount), cap.id).toBe(true);
        break;
      case 'tranche': {
        const tranche = s.tranches.find((t) => t.id === cap.tranche);
        expect(tranche, cap.tranche).toBeDefined();
        expect(m.of(tranche?.earned ?? '0') <= m.of(cap.amount), cap.id).toBe(true);
        break;
      }
      case 'payer': {
        if (cap.per !== undefined) break; // a yearly commitment: payer-years.test.ts
        const payer = s.payers.find((p) => p.payer === cap.payer);
        expect(payer).toBeDefined();
        expect(m.of(payer?.earned ?? '0') <= m.of(cap.amount), cap.id).toBe(true);
        break;
      }
      case 'contract':
        expect(m.of(s.totals.earned) <= m.of(cap.amount), cap.id).toBe(true);
        break;
      case 'share':
        // per cohort: the claims paid under the rule, over every tranche, are at most share × participants, rounded as the cap says
        for (const cohort of scenario.contract.cohorts) {
          const size = scenario.records.filter((r) => r.cohort === cohort.id && r.enrolledOn <= scenario.asOf).length;
          const payable = sharePayable(cap.share, size, cap.rounding);
          const claims = lines.filter(({ line }) => line.rule === cap.rule && line.cohort === cohort.id).reduce((n, { line }) => n + (line.claims ?? 0), 0);
          expect(claims, `${cap.id} ${cohort.id}: ${claims} paid of ${payable} payable`).toBeLessThanOrEqual(payable);
        }
        break;
      default: {
        const never: never = cap;
        throw new Error(`unknown cap ${JSON.stringify(never)}`);
      }
    }
  }
}

function checkSigns(s: Settlement, m: MoneyOf): void {
  const nonNegative: [string, string][] = [
    ['totals.earned', s.totals.earned],
    ['totals.reinvested', s.totals.reinvested],
    ['totals.withheld', s.totals.withheld],
    ...s.payers.map((p): [string, string] => [`payer ${p.payer} earned`, p.earned]),
    ...s.tranches.flatMap((t): [string, string][] => [
      [`${t.id}.earned`, t.earned],
      [`${t.id}.reinvested`, t.reinvested],
      [`${t.id}.toProvider`, t.toProvider],
      [`${t.id}.withheld`, t.withheld],
      ...t.payers.map((p): [string, string] => [`${t.id} ${p.payer} earned`, p.earned]),
      ...t.lines.flatMap((l): [string, string][] => [[`${t.id} ${l.rule} earned`, l.earned], [`${t.id} ${l.rule} paid`, l.paid]]),
      ...t.capCuts.flatMap((c): [string, string][] => [[`${t.id} ${c.cap} cut`, c.cut], [`${t.id} ${c.cap} requested`, c.requested]]),
    ]),
    ...s.unscheduled.map((u): [string, string] => [`unscheduled ${u.rule}`, u.amount]),
  ];
  for (const [where, value] of nonNegative) expect(m.of(value) >= 0n, `${where} = ${value}`).toBe(true);
}

describe('settlement caps and signs', () => {
  it('cumulative paid under every cap is at most the cap; without previous settlements nothing is negative and due = earned', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario, { detail: 'participants' });
        const m = moneyOf(scenario);
        checkCaps(scenario, s, m);
        checkSigns(s, m);
        expect(s.adjustments).toEqual([]);
        expect(s.totals.due).toBe(s.totals.earned);
        for (const t of s.tranches) for (const p of t.payers) expect(p.due).toBe(p.earned);
      }),
      { numRuns: runs(200) },
    );
  });
});

/** The per-participant caps' cuts each tranche reports (capCuts of kind `participant`), per cap. */
function reportedParticipantCuts(s: Settlement, m: MoneyOf): Map<string, bigint> {
  const cuts = new Map<string, bigint>();
  for (const t of s.tranches) {
    for (const cut of t.capCuts) {
      if (cut.kind !== 'participant') continue;
      // each claim cut was asked for in full and paid what was left under the cap: 0 < cut ≤ requested
      expect(m.of(cut.cut) > 0n && m.of(cut.cut) <= m.of(cut.requested), `${t.id} ${cut.cap}: cut ${cut.cut} of ${cut.requested}`).toBe(true);
      // what its participants had before plus what the cut claims still pay is within the cap, claim by claim
      const claims = BigInt(cut.claims ?? 0);
      expect(claims > 0n, `${t.id} ${cut.cap}: claims`).toBe(true);
      expect(m.of(cut.usedBefore) + m.of(cut.requested) - m.of(cut.cut) <= m.of(cut.limit) * claims, `${t.id} ${cut.cap}: within the cap`).toBe(true);
      cuts.set(cut.cap, (cuts.get(cut.cap) ?? 0n) + m.of(cut.cut));
    }
  }
  return cuts;
}

/**
 * Whether the schedule took every claim made by the as-of date: every tranche settled, the last
 * measured on the as-of date, and every rule paying participant claims taken for every cohort by a
 * tranche that pays all its outcomes. (A claim a cap cut to nothing is in no line and is not listed
 * as unscheduled: only then are all of them known to be in a tranche.)
 */
function tookEveryClaim(scenario: Scenario, s: Settlement): boolean {
  const contract = scenario.contract;
  if (!s.tranches.every((t) => t.status === 'settled') || !s.tranches.some((t) => t.measuredOn === scenario.asOf)) return false;
  const claimRules = contract.rules.filter((rule) => rule.kind === 'rateCard' || rule.kind === 'sustainment' || (rule.kind === 'fee' && rule.charge.kind === 'perStart'));
  return claimRules.every((rule) =>
    contract.cohorts.every((cohort) => contract.tranches.some((t) => t.rules.includes(rule.id) && t.cohorts.includes(cohort.id) && !('outcomes' in t && t.outcomes !== undefined))),
  );
}

describe('per-participant cap cuts where they applied', () => {
  it('each tranche reports the cuts of the claims it took; over a schedule that took every claim they add up to the cap totals; a cut line names its list price', () => {
    let checkedEqual = 0;
    let cutLines = 0;
    let groupedLines = 0;
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        fc.pre((scenario.contract.caps ?? []).some((cap) => cap.kind === 'participant'));
        const s = settleOk(scenario, { detail: 'participants' });
        const m = moneyOf(scenario);
        const reported = reportedParticipantCuts(s, m);
        const tookEvery = tookEveryClaim(scenario, s);
        for (const cap of s.participantCaps) {
          const inTranches = reported.get(cap.cap) ?? 0n;
          expect(inTranches <= m.of(cap.amountCut), `${cap.cap}: ${inTranches} reported in tranches, ${cap.amountCut} in all`).toBe(true);
          if (tookEvery) {
            expect(inTranches, cap.cap).toBe(m.of(cap.amountCut));
            if (inTranches > 0n) checkedEqual += 1;
          }
        }
        for (const t of s.tranches) {
          for (const line of t.lines) {
            const listed = line.inputs['listUnit'];
            if (listed === undefined) continue;
            cutLines += 1;
            // the claims cut on a line were listed higher than they pay, and the formula says so;
            // a line that also holds other claims (cut from another amount, or not cut) counts
            // each group of cut claims (`cutClaims`), no more than the line's claims in all
            const units = String(listed).split(',');
            const caps = String(line.inputs['participantCaps']).split(',');
            const counted = line.inputs['cutClaims'];
            const counts = counted === undefined ? [line.claims ?? 0] : String(counted).split(',').map(Number);
            if (counted !== undefined) groupedLines += 1;
            expect([caps.length, counts.length], `${t.id} ${line.rule}: one cap list and count per listed amount`).toEqual([units.length, units.length]);
            expect(counts.reduce((a, b) => a + b, 0) <= (line.claims ?? 0)).toBe(true);
            units.forEach((unit, k) => {
              expect(m.of(unit) > m.of(line.unit ?? '0'), `${t.id} ${line.rule}: ${unit} → ${line.unit}`).toBe(true);
              expect(line.formula).toContain(`${counted === undefined ? '' : ` at `}${unit} cut to `);
              expect(line.formula).toContain(`by participant cap ${String(caps[k]).split('+').join(', ')}`);
            });
          }
        }
      }),
      // on a fixed seed unless FC_SEED sets one: lines with several groups of cut claims are rare
      // (1 to 7 per 200 cases on seeds 1-12, so none on about 1.4 % of random seeds), and a reach
      // measurement must not fail by chance (the generator measurement is on a fixed seed too)
      { numRuns: runs(200), ...(process.env['FC_SEED'] === undefined ? { seed: 1 } : {}) },
    );
    // reach: the equality is checked on schedules where a cap cut, and lines cut in part are met
    expect(checkedEqual, 'schedules where tranche cuts were checked against the totals').toBeGreaterThanOrEqual(10);
    expect(cutLines, 'lines cut in part by a per-participant cap').toBeGreaterThanOrEqual(5);
    // lines holding claims cut from several amounts (or cut and uncut) share one line: 3 on seed 1
    // (2 on 20261124, the mutation runs' seed; 4 on 42)
    expect(groupedLines, 'lines with several groups of cut claims').toBeGreaterThanOrEqual(1);
  });
});
