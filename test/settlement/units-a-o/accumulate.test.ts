/**
 * The per-participant pass (src/settlement/accumulate.ts) on a hand-built plan whose outcomes are
 * resolved by the real resolver from hand-made records: outcome 0 is a milestone (event `q`
 * within 100 days of enrolment: achieved on the event's day, failed on enrolment + 101, pending
 * before), outcome 1 a placement (a spell starting within 900 days of enrolment: achieved on its
 * start, anchored there; failed on enrolment + 901), outcome 2 a milestone with no window (event
 * `m`: achieved on its day, no anchor; pending without it). The claim rules are the test's own
 * functions. What is checked: which records count (cohort, enrolment against the as-of date), the
 * tallies of the cohort and of each group, the rate counts (entry by enrolment or by an outcome,
 * enrolledBy, the later of entry and resolution), hiring guarantees (qualified, hired within the
 * window, undecided), claims (zero amounts left out, versions, ids, per-participant cuts), and the
 * count path (resolvedIncrements, addResolved, accumulateResolved) with resolutions given by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount, ZERO } from '../../../src/money/index.js';
import { compileOutcomes, type Resolution } from '../../../src/outcomes/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { accumulate, accumulateResolved, addResolved, resolvedIncrements } from '../../../src/settlement/accumulate.js';
import type { DateCounts } from '../../../src/settlement/date-counts.js';
import { claimBuckets, emptyLedger, type Ledger } from '../../../src/settlement/ledger.js';
import type { SettlementPlan } from '../../../src/settlement/plan.js';
import type { ParticipantClaims } from '../../../src/settlement/rules/rule-module.js';

const OUTCOMES = compileOutcomes([
  { kind: 'milestone', id: 'qual', name: 'Qualified', event: 'q', within: { from: 'enrolment', days: 100 } },
  { kind: 'placement', id: 'job', name: 'Job', window: { from: 'enrolment', days: 900 }, contractTypes: 'any' },
  { kind: 'milestone', id: 'm', name: 'Milestone', event: 'm' },
] as never);

const AS_OF = 1000;

/** Resolutions given by hand (the count path takes them as they are). */
const achieved = (on: number, anchor?: number): Resolution => ({ status: 'achieved', on, anchor, reason: 'X' }) as unknown as Resolution;
const failed = (on: number): Resolution => ({ status: 'failed', on, reason: 'X' }) as unknown as Resolution;

interface Events {
  /** Day of the event `q` (outcome 0). */
  readonly q?: number;
  /** Start of a spell (outcome 1). */
  readonly spell?: number;
  /** Day of the event `m` (outcome 2). */
  readonly m?: number;
  readonly exitedOn?: number;
  readonly groups?: string[];
  readonly cohort?: string;
}

function record(id: string, enrolledOn: number, events: Events = {}): OutcomeRecord {
  return {
    id,
    cohort: events.cohort ?? 'A',
    enrolledOn,
    exitedOn: events.exitedOn,
    groups: events.groups ?? [],
    spells: events.spell === undefined ? [] : [{ start: events.spell }],
    events: [...(events.q === undefined ? [] : [{ kind: 'q', on: events.q }]), ...(events.m === undefined ? [] : [{ kind: 'm', on: events.m }])],
  } as unknown as OutcomeRecord;
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
    outcomes: OUTCOMES,
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
    accumulate(plan, ledger, record('Z', 10, { q: 20, cohort: 'Z' }));
    expect(ledger.participants).toBe(0);
    expect(tallyText(ledger)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
  });

  it('enrolled after the as-of date: a participant, nothing counted; enrolled on it: counted', () => {
    const plan = planOf({ claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('late', AS_OF + 1, { q: AS_OF + 1 }));
    expect(ledger.participants).toBe(1);
    expect(tallyText(ledger)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
    expect(bucketsText(ledger)).toEqual([]);
    accumulate(plan, ledger, record('onTime', AS_OF, { q: AS_OF }));
    expect(ledger.participants).toBe(2);
    // the placement's window closes on 1000 + 901: pending
    expect(tallyText(ledger)).toEqual([`enrolled ${AS_OF}:1`, `o0 +${AS_OF}:1 -`, 'o1 + -']);
    expect(bucketsText(ledger)).toEqual([`0@${AS_OF} 100.00×1`]);
  });

  it('the cohort named by the record: B', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('b', 10, { cohort: 'B' }));
    // no event q: failed on 10 + 101 = 111; no spell: failed on 10 + 901 = 911
    expect(tallyText(ledger, 1)).toEqual(['enrolled 10:1', 'o0 + -111:1', 'o1 + -911:1']);
    expect(tallyText(ledger, 0)).toEqual(['enrolled ', 'o0 + -', 'o1 + -']);
  });
});

describe('accumulate: tallies', () => {
  it('achieved and failed outcomes by their day; pending ones are left out', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan, 2);
    accumulate(plan, ledger, record('P1', 10, { q: 30 })); // o0 achieved 30; o1 failed 911
    accumulate(plan, ledger, record('P2', 11, { spell: 35 })); // o0 failed 112; o1 achieved 35
    accumulate(plan, ledger, record('P3', 500)); // o0 failed 601; o1 pending (closes 1401)
    expect(tallyText(ledger)).toEqual(['enrolled 10:1 11:1 500:1', 'o0 +30:1 -112:1 601:1', 'o1 +35:1 -911:1']);
    expect(ledger.participants).toBe(3);
  });

  it('outcomes the tally has no room for are left out', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan, 1);
    accumulate(plan, ledger, record('P1', 10, { q: 30, spell: 40 }));
    expect(tallyText(ledger)).toEqual(['enrolled 10:1', 'o0 +30:1 -']);
  });

  it('each group of the record gets the same counts as the cohort', () => {
    const plan = planOf();
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, { q: 30, groups: ['rsa', 'youth'] })); // o1 failed 911
    accumulate(plan, ledger, record('P2', 12, { spell: 50, groups: ['youth'] })); // o0 failed 113
    const groups = ledger.cohorts[0]?.groups;
    expect([...(groups?.keys() ?? [])]).toEqual(['rsa', 'youth']);
    const text = (id: string): string[] => {
      const tally = groups?.get(id);
      return [`enrolled ${days(tally?.enrolled)}`, ...(tally?.outcomes ?? []).map((o, k) => `o${k} +${days(o.achieved)} -${days(o.failed)}`)];
    };
    // the group tallies have room for every outcome resolved (3)
    expect(text('rsa')).toEqual(['enrolled 10:1', 'o0 +30:1 -', 'o1 + -911:1', 'o2 + -']);
    expect(text('youth')).toEqual(['enrolled 10:1 12:1', 'o0 +30:1 -113:1', 'o1 +50:1 -911:1', 'o2 + -']);
  });
});

describe('accumulate: rate counts', () => {
  const spec = (outcome: number, entryOutcome: number, enrolledBy = Number.MAX_SAFE_INTEGER) => ({ key: `k${outcome}/${entryOutcome}`, outcome, basis: 'x', entryOutcome, enrolledBy });

  function ratesText(ledger: Ledger, index: number): string {
    const rate = ledger.cohorts[0]?.rates[index];
    return `in ${days(rate?.denominator)} | + ${days(rate?.achieved)} | - ${days(rate?.failed)}`;
  }

  it('over the enrolled: entry on enrolment; achieved and failed on their day', () => {
    const plan = planOf({ rateSpecs: [spec(1, -1)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, { spell: 30 }));
    accumulate(plan, ledger, record('P2', 10)); // failed 911
    accumulate(plan, ledger, record('P3', 200)); // pending: closes 1101
    expect(ratesText(ledger, 0)).toEqual('in 10:2 200:1 | + 30:1 | - 911:1');
  });

  it('over those who achieved an entry outcome: entry on its day, resolution counted at the later of the two; no entry, no count', () => {
    const plan = planOf({ rateSpecs: [spec(1, 0)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, { q: 20, spell: 25 })); // in 20, achieved 25
    accumulate(plan, ledger, record('P2', 10, { q: 20, spell: 15 })); // placed before entry: counted at 20
    accumulate(plan, ledger, record('P3', 900, { q: 950 })); // in 950; the job pending (its window closes on 1801)
    accumulate(plan, ledger, record('P4', 10, { q: 22 })); // in 22, failed 911
    accumulate(plan, ledger, record('P5', 10, { spell: 25 })); // q failed: never entered
    accumulate(plan, ledger, record('P6', 950, { spell: 960 })); // q pending (closes 1051): never entered
    accumulate(plan, ledger, record('P7', 10, { q: 100 })); // job failed 911, after entry 100
    accumulate(plan, ledger, record('P8', 850, { q: 950 })); // the same, enrolled earlier: in 950, the job pending (closes 1751)
    expect(ratesText(ledger, 0)).toEqual('in 20:2 22:1 100:1 950:2 | + 20:1 25:1 | - 911:2');
  });

  it('a resolution before entry is counted on the entry day', () => {
    const plan = planOf({ rateSpecs: [spec(0, 1)] });
    const ledger = ledgerOf(plan);
    // entry: placed on 40; q achieved on 30 (before): counted on 40
    accumulate(plan, ledger, record('P1', 10, { q: 30, spell: 40 }));
    // entry: placed on 40; q failed on 111 (after): counted on 111
    accumulate(plan, ledger, record('P2', 10, { spell: 40 }));
    // entry: placed on 300; q failed on 111 (before): counted on 300
    accumulate(plan, ledger, record('P3', 10, { spell: 300 }));
    expect(ratesText(ledger, 0)).toEqual('in 40:2 300:1 | + 40:1 | - 111:1 300:1');
  });

  it('enrolledBy: a participant enrolled on the day counts, one enrolled the day after does not', () => {
    const plan = planOf({ rateSpecs: [spec(1, -1, 10), spec(1, -1)] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10, { spell: 30 }));
    accumulate(plan, ledger, record('P2', 11, { spell: 30 }));
    expect(ratesText(ledger, 0)).toEqual('in 10:1 | + 30:1 | - ');
    expect(ratesText(ledger, 1)).toEqual('in 10:1 11:1 | + 30:2 | - ');
  });

  it('a specification the ledger has no counts for is skipped', () => {
    const plan = planOf({ rateSpecs: [spec(0, -1)] });
    const ledger = emptyLedger({ cohorts: 1, outcomes: 1, rateSpecs: 0, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
    accumulate(plan, ledger, record('P1', 10, { q: 30 }));
    expect(ledger.cohorts[0]?.rates).toEqual([]);
    expect(ledger.participants).toBe(1);
  });
});

describe('accumulate: hiring guarantees', () => {
  // outcome 0 qualifies, outcome 1 is the placement (anchored on the spell start); a placement must start within 30 days of exit
  const guarantee = { cohorts: new Set([0]), qualifying: 0, placement: 1, withinDays: 30 };

  function run(records: OutcomeRecord[], asOf = AS_OF, of = guarantee) {
    const plan = planOf({ guarantees: [of], asOf });
    const ledger = ledgerOf(plan);
    for (const r of records) accumulate(plan, ledger, r);
    const counts = ledger.guarantees[0];
    return { qualified: days(counts?.qualified), hired: days(counts?.hired), undecided: counts?.undecided };
  }

  it('placed within the window after exit: qualified and hired (on the later of qualifying and placement)', () => {
    // exit 100, deadline 130: a spell starting on 130 is within, on the last day
    expect(run([record('G', 10, { q: 50, exitedOn: 100, spell: 130 })])).toEqual({ qualified: '50:1', hired: '130:1', undecided: 0 });
    // placed (120) before qualifying (150): hired on the qualifying day
    expect(run([record('G', 60, { q: 150, exitedOn: 100, spell: 120 })])).toEqual({ qualified: '150:1', hired: '150:1', undecided: 0 });
  });

  it('placed one day too late: qualified, not hired, decided', () => {
    expect(run([record('G', 10, { q: 50, exitedOn: 100, spell: 131 })])).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
  });

  it('not qualified: failed counts nowhere, pending is undecided; another cohort is not covered', () => {
    expect(run([record('G', 10, { exitedOn: 100, spell: 120 })])).toEqual({ qualified: '', hired: '', undecided: 0 });
    expect(run([record('G', 950, { exitedOn: 960, spell: 970 })])).toEqual({ qualified: '', hired: '', undecided: 1 });
    expect(run([record('G', 10, { q: 50, exitedOn: 100, spell: 120, cohort: 'B' })])).toEqual({ qualified: '', hired: '', undecided: 0 });
  });

  it('qualified but not exited by the as-of date: undecided; an exit on the as-of date counts', () => {
    expect(run([record('G', 10, { q: 50 })])).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([record('G', 10, { q: 50, exitedOn: AS_OF + 1, spell: 200 })])).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([record('G', 500, { q: 550, exitedOn: AS_OF, spell: AS_OF })])).toEqual({ qualified: '550:1', hired: `${AS_OF}:1`, undecided: 0 });
  });

  it('exited, no placement yet: undecided while the window is open (to its last day), decided after', () => {
    // exit 100, deadline 130; the placement is pending (its own window closes on 911)
    expect(run([record('G', 10, { q: 50, exitedOn: 100 })], 130)).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([record('G', 10, { q: 50, exitedOn: 100 })], 131)).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
    // a failed placement (911) is decided, though the guarantee's window (exit 990: to 1020) is open
    expect(run([record('G', 10, { q: 50, exitedOn: 990 })])).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
  });

  it('a placement outcome achieved with no anchor is not a hire: undecided while the window is open', () => {
    const milestone = { ...guarantee, placement: 2 };
    expect(run([record('G', 10, { q: 50, exitedOn: 100, m: 110 })], 130, milestone)).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
    expect(run([record('G', 10, { q: 50, exitedOn: 100, m: 110 })], 131, milestone)).toEqual({ qualified: '50:1', hired: '', undecided: 0 });
  });

  it('a plan guarantee the ledger has no counts for is skipped', () => {
    const plan = planOf({ guarantees: [guarantee] });
    const ledger = emptyLedger({ cohorts: 1, outcomes: 2, rateSpecs: 0, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
    accumulate(plan, ledger, record('G', 10, { q: 50, exitedOn: 100, spell: 110 }));
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
    accumulate(plan, ledger, record('P1', 10, { q: 30 }));
    accumulate(plan, ledger, record('P2', 10));
    expect(bucketsText(ledger)).toEqual(['0@40 100.00×2 v2', '1@41 7.50×2', '0@30 100.00×1']);
  });

  it('no claims: nothing added; participant ids kept when the plan keeps them', () => {
    const none = planOf({ claimRules: [] });
    const ledger = ledgerOf(none);
    accumulate(none, ledger, record('P1', 10, { q: 30 }));
    expect(bucketsText(ledger)).toEqual([]);
    const keep = planOf({ claimRules: [payOutcome0], keepParticipants: true });
    const kept = ledgerOf(keep);
    accumulate(keep, kept, record('P1', 10, { q: 30 }));
    accumulate(keep, kept, record('P2', 10, { q: 30 }));
    expect(bucketsText(kept)).toEqual(['0@30 100.00×2 [P1,P2]']);
  });

  it('a per-participant cap cuts the claims: the cut claim is kept apart with its listed amount', () => {
    const twice: ParticipantClaims = (_record, _resolutions, claims) => {
      claims.push({ rule: 0, date: 30, amount: P100 });
      claims.push({ rule: 0, date: 31, amount: P100 });
    };
    const plan = planOf({ claimRules: [twice], participantCaps: [{ id: 'each', amount: parseAmount('150'), partialPayment: true, claimOrder: 'achievementDate' }] });
    const ledger = ledgerOf(plan);
    accumulate(plan, ledger, record('P1', 10));
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
      accumulate(plan, ledger, record('P1', 10, { q: 30 }));
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
      expect(() => resolvedIncrements(plan, ledgerOf(plan), record('P', 10), [])).toThrow(message);
      expect(() => { accumulateResolved(plan, ledgerOf(plan), record('P', 10), [], 2); }).toThrow(message);
      // no participant to add: nothing is worked out, nothing refused
      accumulateResolved(plan, ledgerOf(plan), record('P', 10), [], 0);
    }
  });

  it('notes the histograms and days the participant adds to, adding nothing to the ledger', () => {
    const plan = planOf({ rateSpecs: [spec], claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    const cohort = ledger.cohorts[0];
    if (cohort === undefined) throw new Error('no cohort');
    const resolutions = [achieved(30), failed(40)];
    const increments = resolvedIncrements(plan, ledger, record('P', 10, { groups: ['g'] }), resolutions);
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
    // no participant, no claim bucket, even for an amount that is no price
    const odd = { ...increments, claims: [{ rule: 0, date: 31, amount: parseAmount('3.5') }] };
    addResolved(ledger, odd, 0);
    expect(bucketsText(ledger)).toEqual(['0@30 100.00×250']);
    addResolved(ledger, odd, 2);
    expect(bucketsText(ledger)).toEqual(['0@30 100.00×250', '0@31 3.50×2']); // the first bucket was made when the claims were read above
  });

  it('a record of no cohort or enrolled after the as-of date adds nothing', () => {
    const plan = planOf({ claimRules: [payOutcome0] });
    const ledger = ledgerOf(plan);
    expect(resolvedIncrements(plan, ledger, record('Z', 10, { cohort: 'Z' }), [achieved(30)])).toEqual({ cohort: -1, counts: [], claims: [] });
    expect(resolvedIncrements(plan, ledger, record('L', AS_OF + 1), [achieved(AS_OF + 1)])).toEqual({ cohort: 0, counts: [], claims: [] });
    const onDay = resolvedIncrements(plan, ledger, record('B', AS_OF, { cohort: 'B' }), [achieved(AS_OF)]);
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
    const r = record('P', 10, { q: 30, spell: 45, groups: ['g'] });
    accumulateResolved(plan, many, r, resolutions, 3);
    for (let k = 0; k < 3; k++) accumulate(plan, one, r);
    expect(many.participants).toBe(3);
    expect(tallyText(many)).toEqual(tallyText(one));
    expect(tallyText(many)).toEqual(['enrolled 10:3', 'o0 +30:3 -', 'o1 +45:3 -']);
    expect(bucketsText(many)).toEqual(bucketsText(one));
    expect(days(many.cohorts[0]?.rates[0]?.achieved)).toBe('45:3');
  });
});


describe('accumulate: a hiring guarantee whose placement outcome is pending with an anchor', () => {
  // a retention outcome (kept 100 days after the job's start) as the guarantee's placement: while
  // its period runs it is pending, anchored on the job's start, and has no date of its own
  const outcomes = compileOutcomes([
    { kind: 'milestone', id: 'qual', name: 'Qualified', event: 'q', within: { from: 'enrolment', days: 100 } },
    { kind: 'placement', id: 'job', name: 'Job', window: { from: 'enrolment', days: 900 }, contractTypes: 'any' },
    { kind: 'retention', id: 'kept', name: 'Kept', placementOutcome: 'job', days: 100, measure: { kind: 'anniversary' }, endBoundary: 'inclusive' },
  ] as never);
  const guarantee = { cohorts: new Set([0]), qualifying: 0, placement: 2, withinDays: 30 };

  it('is not a hire: undecided while the window is open', () => {
    // qualified 50, exit 100 (deadline 130), job from 110: at 130 the period (110 to 210) runs:
    // pending, anchored 110 ≤ 130, but not achieved: undecided, nothing hired
    const plan = planOf({ guarantees: [guarantee], outcomes, asOf: 130 });
    const ledger = ledgerOf(plan, 3);
    accumulate(plan, ledger, record('G', 10, { q: 50, exitedOn: 100, spell: 110 }));
    const counts = ledger.guarantees[0];
    expect({ qualified: days(counts?.qualified), hired: days(counts?.hired), undecided: counts?.undecided }).toEqual({ qualified: '50:1', hired: '', undecided: 1 });
  });
});
