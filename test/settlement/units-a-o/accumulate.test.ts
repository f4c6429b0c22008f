/**
 * The per-participant pass (src/settlement/accumulate.ts) on a hand-built plan: each record's
 * resolutions are given by the test (the outcome resolver is replaced here, so that every status,
 * date and anchor is chosen by hand), and the claim rules are the test's own functions. What is
 * checked: which records count (cohort, enrolment against the as-of date), the tallies of the
 * cohort and of each group, the rate counts (entry by enrolment or by an outcome, enrolledBy, the
 * later of entry and resolution), hiring guarantees (qualified, hired within the window, undecided),
 * claims (zero amounts left out, versions, ids, per-participant cuts), and the count path
 * (resolvedIncrements, addResolved, accumulateResolved).
 */
import { describe, expect, it, vi } from 'vitest';
import { parseAmount, ZERO } from '../../../src/money/index.js';
import type { Resolution } from '../../../src/outcomes/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { accumulate, accumulateResolved, addResolved, resolvedIncrements } from '../../../src/settlement/accumulate.js';
import type { DateCounts } from '../../../src/settlement/date-counts.js';
import { claimBuckets, emptyLedger, type Ledger } from '../../../src/settlement/ledger.js';
import type { SettlementPlan } from '../../../src/settlement/plan.js';
import type { ParticipantClaims } from '../../../src/settlement/rules/rule-module.js';

const RESOLUTIONS = vi.hoisted(() => new Map<string, unknown[]>());
vi.mock('../../../src/outcomes/index.js', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  resolveRecord: (record: { id: string }) => RESOLUTIONS.get(record.id) ?? [],
}));

const AS_OF = 1000;

const achieved = (on: number, anchor?: number): Resolution => ({ status: 'achieved', on, anchor, reason: 'X' }) as unknown as Resolution;
const failed = (on: number): Resolution => ({ status: 'failed', on, reason: 'X' }) as unknown as Resolution;
const pending = (anchor?: number): Resolution => ({ status: 'pending', on: undefined, anchor, reason: 'X' }) as unknown as Resolution;

function record(id: string, enrolledOn: number, resolutions: Resolution[], more: Partial<OutcomeRecord> = {}): OutcomeRecord {
  RESOLUTIONS.set(id, resolutions);
  return { id, cohort: 'A', enrolledOn, groups: [], ...more } as unknown as OutcomeRecord;
}

const P100 = parseAmount('100');

/** Claims of rule 0: one per achieved outcome 0 at 100 on its day, and one of 0 (left out). */
const payOutcome0: ParticipantClaims = (_record, resolutions, claims) => {
  const first = resolutions[0];
  if (first?.status === 'achieved') claims.push({ rule: 0, date: first.on, amount: P100 });
  claims.push({ rule: 0, date: 1, amount: ZERO });
};

function planOf(changes: Partial<Record<keyof SettlementPlan, unknown>> = {}): SettlementPlan {
  return {
    asOf: AS_OF,
    cohortIndex: new Map([
      ['A', 0],
      ['B', 1],
    ]),
    rateSpecs: [],
    guarantees: [],
    claimRules: [],
    participantCaps: [],
    participantCapUnits: undefined,
    keepParticipants: false,
    ...changes,
  } as unknown as SettlementPlan;
}

function ledgerOf(plan: SettlementPlan, outcomes = 2): Ledger {
  return emptyLedger(
    { cohorts: 2, outcomes, rateSpecs: plan.rateSpecs.length, participantCaps: plan.participantCaps.length, guarantees: plan.guarantees.length, rulePrices: [[P100]] },
    plan.keepParticipants,
    ZERO,
  );
}

function days(counts: DateCounts | undefined): string {
  const seen: string[] = [];
  counts?.forEach((day, count) => seen.push(`${day}:${count}`));
  return seen.join(' ');
}

function tallyText(ledger: Ledger, cohort = 0): string[] {
  const tally = ledger.cohorts[cohort]?.tally;
  return [`enrolled ${days(tally?.enrolled)}`, ...(tally?.outcomes ?? []).map((o, k) => `o${k} +${days(o.achieved)} -${days(o.failed)}`)];
}

function bucketsText(ledger: Ledger, cohort = 0): string[] {
  const c = ledger.cohorts[cohort];
  if (c === undefined) return [];
  return [...claimBuckets(c)].map((b) => `${b.rule}@${b.date} ${b.amount.toFixed(2)}×${b.count}${b.participants === undefined ? '' : ` [${b.participants.join(',')}]`}${b.version === undefined ? '' : ` v${b.version}`}${b.cut === undefined ? '' : ` cut from ${b.cut.listed.toFixed(2)}`}`);
}

describe('accumulate: which records count', () => {
  it('a record of no cohort of the plan counts nowhere, not even as a participant', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('Z', 10, [achieved(20)], { cohort: 'Z' }));
    expect(ledger.participants).toBe(0);
    expect(tallyText(ledger)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
  });

  it('enrolled after the as-of date: a participant, nothing counted; enrolled on it: counted', () => {
    const plan = planOf({ claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('late', AS_OF + 1, [achieved(AS_OF + 1)]));
    expect(ledger.participants).toBe(1);
    expect(tallyText(ledger)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
    expect(bucketsText(ledger)).toEqual([]);
    accumulate(plan, ledger, record('onTime', AS_OF, [achieved(AS_OF)]));
    expect(ledger.participants).toBe(2);
    expect(tallyText(ledger)).toEqual([`enrolled ${AS_OF}:1`, `o0 +${AS_OF}:1 -`, 'o1 + -']);
  });

  it('the cohort named by the record: B', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('b', 10, [], { cohort: 'B' }));
    expect(tallyText(ledger, 1)).toEqual(['enrolled 10:1', 'o0 + -', 'o1 + -']);
    expect(tallyText(ledger, 0)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
  });
});

describe('accumulate: tallies', () => {
  it('achieved and failed outcomes by their day; pending ones and outcomes the tally has no room for are left out', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan, 2);
    accumulate(plan, ledger, record('P1', 10, [achieved(30), failed(40), achieved(50)]));
    accumulate(plan, ledger, record('P2', 11, [pending(12), achieved(35)]));
    accumulate(plan, ledger, record('P3', 11, [failed(31)]));
    expect(tallyText(ledger)).toEqual(['enrolled 10:1 11:2', 'o0 +30:1 -31:1', 'o1 +35:1 -40:1']);
    expect(ledger.participants).toBe(3);
  });

  it('each group of the record gets the same counts as the cohort', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, [achieved(30), failed(40)], { groups: ['rsa', 'youth'] }));
    accumulate(plan, ledger, record('P2', 12, [failed(33)], { groups: ['youth'] }));
    const groups = ledger.cohorts[0]?.groups;
    expect([...(groups?.keys() ?? [])]).toEqual(['rsa', 'youth']);
    const text = (id: string): string[] => {
      const tally = groups?.get(id);
      return [`enrolled ${days(tally?.enrolled)}`, ...(tally?.outcomes ?? []).map((o, k) => `o${k} +${days(o.achieved)} -${days(o.failed)}`)];
    };
    expect(text('rsa')).toEqual(['enrolled 10:1', 'o0 +30:1 -', 'o1 + -40:1']);
    expect(text('youth')).toEqual(['enrolled 10:1 12:1', 'o0 +30:1 -33:1', 'o1 + -40:1']);
  });
});

describe('accumulate: rate counts', () => {
  const spec = (outcome: number, entryOutcome: number, enrolledBy = Number.MAX_SAFE_INTEGER) => ({ key: `k${outcome}/${entryOutcome}`, outcome, basis: 'x', entryOutcome, enrolledBy });

  function ratesText(ledger: Ledger, index: number): string {
    const rate = ledger.cohorts[0]?.rates[index];
    return `in ${days(rate?.denominator)} | + ${days(rate?.achieved)} | - ${days(rate?.failed)}`;
  }

  it('over the enrolled: entry on enrolment; achieved and failed on their day', () => {
    const plan = planOf({ rateSpecs: [spec(0, -1)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, [achieved(30)]));
    accumulate(plan, ledger, record('P2', 10, [failed(31)]));
    accumulate(plan, ledger, record('P3', 11, [pending()]));
    expect(ratesText(ledger, 0)).toEqual('in 10:2 11:1 | + 30:1 | - 31:1');
  });

  it('over those who achieved an entry outcome: entry on its day, resolution counted at the later of the two; no entry, no count', () => {
    const plan = planOf({ rateSpecs: [spec(1, 0)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, [achieved(20), achieved(25)])); // after entry: 25
    accumulate(plan, ledger, record('P2', 10, [achieved(20), achieved(15)])); // before entry: counted at 20
    accumulate(plan, ledger, record('P3', 10, [achieved(22), failed(18)])); // failed before entry: 22
    accumulate(plan, ledger, record('P4', 10, [achieved(22), failed(40)]));
    accumulate(plan, ledger, record('P5', 10, [failed(20), achieved(25)])); // never entered
    accumulate(plan, ledger, record('P6', 10, [pending(), achieved(25)])); // never entered
    accumulate(plan, ledger, record('P7', 10, [achieved(23)])); // entered, outcome unknown
    expect(ratesText(ledger, 0)).toEqual('in 20:2 22:2 23:1 | + 20:1 25:1 | - 22:1 40:1');
  });

  it('enrolledBy: a participant enrolled on the day counts, one enrolled the day after does not', () => {
    const plan = planOf({ rateSpecs: [spec(0, -1, 10), spec(0, -1)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, [achieved(30)]));
    accumulate(plan, ledger, record('P2', 11, [achieved(30)]));
    expect(ratesText(ledger, 0)).toEqual('in 10:1 | + 30:1 | - ');
    expect(ratesText(ledger, 1)).toEqual('in 10:1 11:1 | + 30:2 | - ');
  });

  it('a specification the ledger has no counts for is skipped', () => {
    const plan = planOf({ rateSpecs: [spec(0, -1)] });
    const ledger = emptyLedger({ cohorts: 1, outcomes: 1, rateSpecs: 0, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
    accumulate(plan, ledger, record('P1', 10, [achieved(30)]));
    expect(ledger.cohorts[0]?.rates).toEqual([]);
    expect(ledger.participants).toBe(1);
  });
});

describe('accumulate: hiring guarantees', () => {
  // outcome 0 qualifies, outcome 1 is the placement; a placement must start within 30 days of exit
  const guarantee = { cohorts: new Set([0]), qualifying: 0, placement: 1, withinDays: 30 };

  function run(records: [resolutions: Resolution[], exitedOn: number | undefined, cohort?: string][], asOf = AS_OF) {
    const plan = planOf({ guarantees: [guarantee], asOf });
    const ledger = ledgerOf(plan);
    records.forEach(([resolutions, exitedOn, cohort], k) => {
      accumulate(plan, ledger, record(`G${k}`, 10, resolutions, { exitedOn, cohort: cohort ?? 'A' } as Partial<OutcomeRecord>));
    });
    const counts = ledger.guarantees[0];
    return { qualified: days(counts?.qualified), hired: days(counts?.hired), undecided: counts?.undecided };
  }

  it('placed within the window after exit: qualified and hired (on the later of qualifying and placement)', () => {
    // exit 100, deadline 130: anchor 130 is within, on its last day
    expect(run([[[achieved(50), achieved(140, 130)], 100]])).toEqual({ qualified: '50:1', hired: '140:1', undecided: 0 });
    // placement before qualifying: hired on the qualifying day
    expect(run([[[achieved(150), achieved(120, 120)], 100]])).toEqual({ qualified: '150:1', hired: '150:1', undecided: 0 });
  });

  it('placed one day too late: qualified, not hired, decided', () => {
    expect(run([[[achieved(50), achieved(140, 131)], 100]])).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
  });

  it('not qualified: failed counts nowhere, pending is undecided; another cohort is not covered', () => {
    expect(run([[[failed(50), achieved(140, 120)], 100]])).toEqual({ qualified: '', hired: '', undecided: 0 });
    expect(run([[[pending(), achieved(140, 120)], 100]])).toEqual({ qualified: '', hired: '', undecided: 1 });
    expect(run([[[achieved(50), achieved(140, 120)], 100, 'B']])).toEqual({ qualified: '', hired: '', undecided: 0 });
  });

  it('qualified but not exited by the as-of date: undecided; an exit on the as-of date counts', () => {
    expect(run([[[achieved(50), pending()], undefined]])).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([[[achieved(50), achieved(200, 200)], AS_OF + 1]])).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([[[achieved(50), achieved(AS_OF + 5, AS_OF + 5)], AS_OF]])).toEqual({ qualified: '50:1', hired: `${AS_OF + 5}:1`, undecided: 0 });
  });

  it('exited, no placement yet: undecided while the window is open (to its last day), decided after', () => {
    // exit 100, deadline 130
    expect(run([[[achieved(50), pending()], 100]], 130)).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([[[achieved(50), pending()], 100]], 131)).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
    // a failed placement is decided at once
    expect(run([[[achieved(50), failed(110)], 100]], 120)).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
    // an achieved placement without an anchor is not a hire: undecided while the window is open
    expect(run([[[achieved(50), achieved(110)], 100]], 120)).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([[[achieved(50), achieved(110)], 100]], 131)).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
  });

  it('a plan guarantee the ledger has no counts for is skipped', () => {
    const plan = planOf({ guarantees: [guarantee] });
    const ledger = emptyLedger({ cohorts: 1, outcomes: 2, rateSpecs: 0, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
    accumulate(plan, ledger, record('G', 10, [achieved(50), achieved(110, 110)], { exitedOn: 100 } as Partial<OutcomeRecord>));
    expect(ledger.participants).toBe(1);
  });
});

describe('accumulate: claims', () => {
  it('every rule claim of the participant, amounts of zero left out, at the rule price counted, versions kept', () => {
    const versioned: ParticipantClaims = (_record, _resolutions, claims) => {
      claims.push({ rule: 0, date: 40, amount: P100, version: 2 });
      claims.push({ rule: 1, date: 41, amount: parseAmount('7.50') });
    };
    const plan = planOf({ claimRules: [payOutcome0, versioned] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, [achieved(30)]));
    accumulate(plan, ledger, record('P2', 10, [failed(30)]));
    expect(bucketsText(ledger)).toEqual(['0@40 100.00×2 v2', '1@41 7.50×2', '0@30 100.00×1']);
  });

  it('no claims: nothing added; participant ids kept when the plan keeps them', () => {
    const none = planOf({ claimRules: [] });
    const ledger = ledgerOf(none);
    accumulate(none, ledger, record('P1', 10, [achieved(30)]));
    expect(bucketsText(ledger)).toEqual([]);
    const keep = planOf({ claimRules: [payOutcome0], keepParticipants: true });
    const kept = ledgerOf(keep);
    accumulate(keep, kept, record('P1', 10, [achieved(30)]));
    accumulate(keep, kept, record('P2', 10, [achieved(30)]));
    expect(bucketsText(kept)).toEqual(['0@30 100.00×2 [P1,P2]']);
  });

  it('a per-participant cap cuts the claims: the cut claim is kept apart with its listed amount', () => {
    const twice: ParticipantClaims = (_record, _resolutions, claims) => {
      claims.push({ rule: 0, date: 30, amount: P100 });
      claims.push({ rule: 0, date: 31, amount: P100 });
    };
    const plan = planOf({ claimRules: [twice], participantCaps: [{ id: 'each', amount: parseAmount('150'), partialPayment: true, claimOrder: 'achievementDate' }] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, []));
    // 100 paid on day 30, then 50 of the second 100 (150 in all)
    expect(bucketsText(ledger)).toEqual(['0@31 50.00×1 cut from 100.00', '0@30 100.00×1']);
    expect(ledger.participantCaps[0]?.claims).toBe(1);
    expect(ledger.participantCaps[0]?.amount.toFixed(2)).toBe('50.00');
  });

  it('a cap that cuts nothing leaves the claims as they are; a cut inherited from Object.prototype is not read', () => {
    const plan = planOf({ claimRules: [payOutcome0], participantCaps: [{ id: 'each', amount: parseAmount('1000'), partialPayment: true, claimOrder: 'achievementDate' }] });
    const ledger = ledgerOf(plan);
    const proto = Object.prototype as { cut?: unknown };
    proto.cut = { caps: ['evil'], listed: parseAmount('1') };
    try {
      accumulate(plan, ledger, record('P1', 10, [achieved(30)]));
    } finally {
      delete proto.cut;
    }
    expect(bucketsText(ledger)).toEqual(['0@30 100.00×1']);
  });
});

describe('resolvedIncrements, addResolved and accumulateResolved', () => {
  const spec = { key: 'k', outcome: 1, basis: 'x', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER };

  it('refuses a plan that needs each participant on their own', () => {
    const message = 'outcome-pay internal error: accumulateResolved on a plan that needs each participant on their own';
    const cap = { id: 'c', amount: P100, partialPayment: true, claimOrder: 'ruleOrder' };
    const guarantee = { cohorts: new Set([0]), qualifying: 0, placement: 1, withinDays: 30 };
    for (const plan of [planOf({ participantCaps: [cap] }), planOf({ guarantees: [guarantee] }), planOf({ keepParticipants: true })]) {
      expect(() => resolvedIncrements(plan, ledgerOf(plan), record('P', 10, []), [])).toThrow(message);
      expect(() => { accumulateResolved(plan, ledgerOf(plan), record('P', 10, []), [], 2); }).toThrow(message);
      // no participant to add: nothing is worked out, nothing refused
      accumulateResolved(plan, ledgerOf(plan), record('P', 10, []), [], 0);
    }
  });

  it('notes the histograms and days the participant adds to, adding nothing to the ledger', () => {
    const plan = planOf({ rateSpecs: [spec], claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    const cohort = ledger.cohorts[0];
    if (cohort === undefined) throw new Error('no cohort');
    const resolutions = [achieved(30), failed(40)];
    const increments = resolvedIncrements(plan, ledger, record('P', 10, [], { groups: ['g'] }), resolutions);
    expect(increments.cohort).toBe(0);
    const group = cohort.groups.get('g');
    expect(group).toBeDefined(); // created as accumulate would
    const rate = cohort.rates[0];
    expect(increments.counts.map((c) => c.day)).toEqual([10, 30, 40, 10, 30, 40, 10, 40]);
    const histograms = [cohort.tally.enrolled, cohort.tally.outcomes[0]?.achieved, cohort.tally.outcomes[1]?.failed, group?.enrolled, group?.outcomes[0]?.achieved, group?.outcomes[1]?.failed, rate?.denominator, rate?.failed];
    increments.counts.forEach((c, k) => { expect(c.counts).toBe(histograms[k]); });
    expect(increments.claims.map((c) => `${c.rule}@${c.date} ${c.amount.toFixed(2)}`)).toEqual(['0@30 100.00']); // the zero claim left out
    expect(tallyText(ledger)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
    expect(days(rate?.denominator)).toBe('');
    expect(ledger.participants).toBe(0);

    addResolved(ledger, increments, 250);
    expect(ledger.participants).toBe(250);
    expect(tallyText(ledger)).toEqual(['enrolled 10:250', 'o0 +30:250 -', 'o1 + -40:250']);
    expect(days(group?.enrolled)).toBe('10:250');
    expect(`${days(rate?.denominator)} | ${days(rate?.achieved)} | ${days(rate?.failed)}`).toBe('10:250 |  | 40:250');
    expect(bucketsText(ledger)).toEqual(['0@30 100.00×250']);
    addResolved(ledger, increments, 0);
    addResolved(ledger, increments, -3);
    expect(ledger.participants).toBe(250);
  });

  it('a record of no cohort or enrolled after the as-of date adds nothing', () => {
    const plan = planOf({ claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    expect(resolvedIncrements(plan, ledger, record('Z', 10, [], { cohort: 'Z' }), [achieved(30)])).toEqual({ cohort: -1, counts: [], claims: [] });
    expect(resolvedIncrements(plan, ledger, record('L', AS_OF + 1, []), [achieved(AS_OF + 1)])).toEqual({ cohort: 0, counts: [], claims: [] });
    const onDay = resolvedIncrements(plan, ledger, record('B', AS_OF, [], { cohort: 'B' }), [achieved(AS_OF)]);
    expect(onDay.cohort).toBe(1);
    expect(onDay.counts).toHaveLength(2);
    addResolved(ledger, { cohort: -1, counts: [], claims: [] }, 5);
    expect(ledger.participants).toBe(0);
  });

  it('accumulateResolved adds count participants alike: as accumulate adding each', () => {
    const plan = planOf({ rateSpecs: [spec], claimRules: [payOutcome0] });
    const many = ledgerOf(plan);
    const one = ledgerOf(plan);
    const resolutions = [achieved(30), achieved(45)];
    const r = record('P', 10, resolutions, { groups: ['g'] });
    accumulateResolved(plan, many, r, resolutions, 3);
    for (let k = 0; k < 3; k++) accumulate(plan, one, r);
    expect(many.participants).toBe(3);
    expect(tallyText(many)).toEqual(tallyText(one));
    expect(tallyText(many)).toEqual(['enrolled 10:3', 'o0 +30:3 -', 'o1 +45:3 -']);
    expect(bucketsText(many)).toEqual(bucketsText(one));
    expect(days(many.cohorts[0]?.rates[0]?.achieved)).toBe('45:3');
  });
});

