/**
 * Per-participant caps (src/settlement/caps/participant-caps.ts) on one participant's hand-made
 * claims: both claim orders and their tie-breaks, partial payment or not, two caps on one
 * participant, and the cut records (the ledger's byClaim with usedBefore / requested / cut, the
 * day each cut was known, the claim's `cut` with its listed amount and cap ids). Every scenario
 * runs twice, in integer units (the plan's `participantCapUnits`) and in decimals (no units),
 * with the same expected figures, worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount, ZERO, type Amount } from '../../../src/money/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { applyParticipantCaps } from '../../../src/settlement/caps/participant-caps.js';
import { claimUnits } from '../../../src/settlement/claim-units.js';
import { emptyLedger, type Ledger } from '../../../src/settlement/ledger.js';
import type { ParticipantCapPlan, SettlementPlan } from '../../../src/settlement/plan.js';
import type { Claim } from '../../../src/settlement/rules/rule-module.js';

interface CapSpec {
  readonly id: string;
  readonly amount: string;
  readonly partialPayment: boolean;
  readonly claimOrder: 'achievementDate' | 'ruleOrder';
}
type ClaimSpec = readonly [rule: number, date: number, amount: string];

const RECORD = { id: 'P1' } as OutcomeRecord;

/**
 * Runs the caps on the claims, in units (`units`: the amounts are the plan's shared objects, as
 * the engine's prices are) or in decimals; `ledgerCuts: false` for a ledger without the caps' cut
 * records (explaining one participant).
 */
function run(caps: readonly CapSpec[], specs: readonly ClaimSpec[], options: { units: boolean; keep?: boolean; cohort?: number; ledgerCuts?: boolean }) {
  const shared = new Map<string, Amount>();
  const amountOf = (text: string): Amount => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    const amount = parseAmount(text);
    shared.set(text, amount);
    return amount;
  };
  const plans: ParticipantCapPlan[] = caps.map((cap) => ({ id: cap.id, amount: amountOf(cap.amount), partialPayment: cap.partialPayment, claimOrder: cap.claimOrder }));
  const claims: Claim[] = specs.map(([rule, date, amount]) => ({ rule, date, amount: amountOf(amount) }));
  const units = options.units ? claimUnits([...shared.values()]) : undefined;
  if (options.units) expect(units).toBeDefined();
  const plan = { participantCaps: plans, participantCapUnits: units } as unknown as SettlementPlan;
  const ledger: Ledger = emptyLedger(
    { cohorts: 0, outcomes: 0, rateSpecs: 0, participantCaps: options.ledgerCuts === false ? 0 : caps.length, guarantees: 0, rulePrices: [] },
    options.keep ?? true,
    ZERO,
  );
  applyParticipantCaps(plan, ledger, RECORD, claims, options.cohort ?? 0);
  return { claims, ledger };
}

/** A claim as text: `rule@date amount`, and when cut `(listed X, by a+b)`. */
function claimText(claim: Claim): string {
  const cut = claim.cut === undefined ? '' : ` (listed ${claim.cut.listed.toFixed(2)}, by ${claim.cut.caps.join('+')})`;
  return `r${claim.rule}@${claim.date} ${claim.amount.toFixed(2)}${cut}`;
}

/** A cap's cut record as text. */
function cutsText(ledger: Ledger, index: number) {
  const cuts = ledger.participantCaps[index];
  if (cuts === undefined) throw new Error('no cuts');
  const known: string[] = [];
  cuts.dates.forEach((day, count) => known.push(`${day}:${count}`));
  return {
    claims: cuts.claims,
    amount: cuts.amount.toFixed(2),
    participants: cuts.participants,
    known,
    byClaim: [...cuts.byClaim.entries()].map(
      ([key, c]) => `${key} n${c.count} before ${c.usedBefore.toFixed(2)} asked ${c.requested.toFixed(2)} cut ${c.cut.toFixed(2)} ${c.participants?.join(',') ?? '-'}`,
    ),
  };
}

const PATHS = [
  { name: 'in integer units', units: true },
  { name: 'in decimals', units: false },
] as const;

describe.each(PATHS)('applyParticipantCaps $name', ({ units }) => {
  it('achievement date order, partial payment: the claim crossing the cap is paid up to it', () => {
    // sorted by date: r1@10 600 fits (400 left); r0@20 500 → 400, used before 600, cut 100, known on day 20
    const { claims, ledger } = run([{ id: 'pp', amount: '1000.00', partialPayment: true, claimOrder: 'achievementDate' }], [[0, 20, '500.00'], [1, 10, '600.00']], { units, cohort: 3 });
    expect(claims.map(claimText)).toEqual(['r1@10 600.00', 'r0@20 400.00 (listed 500.00, by pp)']);
    expect(cutsText(ledger, 0)).toEqual({ claims: 1, amount: '100.00', participants: ['P1'], known: ['20:1'], byClaim: ['3|0|20 n1 before 600.00 asked 500.00 cut 100.00 P1'] });
  });

  it('rule order, partial payment: the later rule is cut, known on the latest day taken', () => {
    // sorted by rule: r0@20 500 fits (500 left); r1@10 600 → 500, used before 500, cut 100;
    // the latest day of the claims taken so far is 20 (not the cut claim's 10)
    const { claims, ledger } = run([{ id: 'pp', amount: '1000.00', partialPayment: true, claimOrder: 'ruleOrder' }], [[1, 10, '600.00'], [0, 20, '500.00']], { units, cohort: 3 });
    expect(claims.map(claimText)).toEqual(['r0@20 500.00', 'r1@10 500.00 (listed 600.00, by pp)']);
    expect(cutsText(ledger, 0)).toEqual({ claims: 1, amount: '100.00', participants: ['P1'], known: ['20:1'], byClaim: ['3|1|10 n1 before 500.00 asked 600.00 cut 100.00 P1'] });
  });

  it('same achievement date: rule order decides; same rule: the date decides', () => {
    // achievementDate, both on day 5: r0 500 fits (300 left), r1 600 → 300
    const byDate = run([{ id: 'pp', amount: '800.00', partialPayment: true, claimOrder: 'achievementDate' }], [[1, 5, '600.00'], [0, 5, '500.00']], { units });
    expect(byDate.claims.map(claimText)).toEqual(['r0@5 500.00', 'r1@5 300.00 (listed 600.00, by pp)']);
    // ruleOrder, both rule 0: day 3 500 fits (300 left), day 9 600 → 300
    const byRule = run([{ id: 'pp', amount: '800.00', partialPayment: true, claimOrder: 'ruleOrder' }], [[0, 9, '600.00'], [0, 3, '500.00']], { units });
    expect(byRule.claims.map(claimText)).toEqual(['r0@3 500.00', 'r0@9 300.00 (listed 600.00, by pp)']);
    expect(cutsText(byRule.ledger, 0).byClaim).toEqual(['0|0|9 n1 before 500.00 asked 600.00 cut 300.00 P1']);
  });

  it('sorts three claims in the cap order (insertion from the back)', () => {
    // achievementDate: days 1, 2, 3 whatever the order given; cap 900: 200 + 300 fit (400 left), 500 → 400
    const { claims } = run([{ id: 'pp', amount: '900.00', partialPayment: true, claimOrder: 'achievementDate' }], [[0, 3, '500.00'], [1, 2, '300.00'], [2, 1, '200.00']], { units });
    expect(claims.map(claimText)).toEqual(['r2@1 200.00', 'r1@2 300.00', 'r0@3 400.00 (listed 500.00, by pp)']);
  });

  it('without partial payment the crossing claim gets nothing, and a later claim that fits is paid', () => {
    // cap 1000: day 1 600 fits (400 left); day 2 500 > 400 → 0 (used before 600, cut 500); day 3 300 fits (100 left)
    const { claims, ledger } = run([{ id: 'pp', amount: '1000.00', partialPayment: false, claimOrder: 'achievementDate' }], [[0, 1, '600.00'], [1, 2, '500.00'], [2, 3, '300.00']], { units });
    expect(claims.map(claimText)).toEqual(['r0@1 600.00', 'r1@2 0.00 (listed 500.00, by pp)', 'r2@3 300.00']);
    expect(cutsText(ledger, 0)).toEqual({ claims: 1, amount: '500.00', participants: ['P1'], known: ['2:1'], byClaim: ['0|1|2 n1 before 600.00 asked 500.00 cut 500.00 P1'] });
  });

  it('a first claim above the cap: paid up to it with nothing used before, and the next claims cut to nothing', () => {
    // cap 400: day 5 500 → 400 (before 0, cut 100); day 6 100 → 0 (before 400, cut 100); day 7 50 → 0 (before 400, cut 50)
    const { claims, ledger } = run([{ id: 'pp', amount: '400.00', partialPayment: true, claimOrder: 'achievementDate' }], [[0, 5, '500.00'], [0, 6, '100.00'], [0, 7, '50.00']], { units });
    expect(claims.map(claimText)).toEqual(['r0@5 400.00 (listed 500.00, by pp)', 'r0@6 0.00 (listed 100.00, by pp)', 'r0@7 0.00 (listed 50.00, by pp)']);
    // 100 + 100 + 50 = 250 cut; known on days 5, 6, 7
    expect(cutsText(ledger, 0)).toEqual({
      claims: 3,
      amount: '250.00',
      participants: ['P1', 'P1', 'P1'],
      known: ['5:1', '6:1', '7:1'],
      byClaim: ['0|0|5 n1 before 0.00 asked 500.00 cut 100.00 P1', '0|0|6 n1 before 400.00 asked 100.00 cut 100.00 P1', '0|0|7 n1 before 400.00 asked 50.00 cut 50.00 P1'],
    });
  });

  it('a first claim above the cap without partial payment gets nothing', () => {
    // cap 400: 500 → 0 (before 0, cut 500); 300 fits (100 left)
    const { claims, ledger } = run([{ id: 'pp', amount: '400.00', partialPayment: false, claimOrder: 'ruleOrder' }], [[0, 5, '500.00'], [1, 6, '300.00']], { units });
    expect(claims.map(claimText)).toEqual(['r0@5 0.00 (listed 500.00, by pp)', 'r1@6 300.00']);
    expect(cutsText(ledger, 0).byClaim).toEqual(['0|0|5 n1 before 0.00 asked 500.00 cut 500.00 P1']);
  });

  it('claims that add up to the cap exactly are not cut', () => {
    // 400 + 600 = 1000
    const { claims, ledger } = run([{ id: 'pp', amount: '1000.00', partialPayment: true, claimOrder: 'achievementDate' }], [[0, 1, '400.00'], [1, 2, '600.00']], { units });
    expect(claims.map(claimText)).toEqual(['r0@1 400.00', 'r1@2 600.00']);
    expect(cutsText(ledger, 0)).toEqual({ claims: 0, amount: '0.00', participants: [], known: [], byClaim: [] });
  });

  it('a single claim above the cap is cut', () => {
    const { claims } = run([{ id: 'pp', amount: '250.50', partialPayment: true, claimOrder: 'ruleOrder' }], [[0, 1, '300.00']], { units });
    expect(claims.map(claimText)).toEqual(['r0@1 250.50 (listed 300.00, by pp)']);
  });

  it('two caps on one participant: each in its order, the second seeing what the first left', () => {
    // cap A 1000 by date: r0@10 600 fits (400 left); r1@20 500 → 400 (before 600, cut 100).
    // cap B 800 by rule: r0 600 fits (200 left); r1 now 400 → 200 (before 600, asked 400, cut 200).
    // The claim keeps its listed 500 and both cap ids, in the order they applied.
    const { claims, ledger } = run(
      [
        { id: 'cap-a', amount: '1000.00', partialPayment: true, claimOrder: 'achievementDate' },
        { id: 'cap-b', amount: '800.00', partialPayment: true, claimOrder: 'ruleOrder' },
      ],
      [[1, 20, '500.00'], [0, 10, '600.00']],
      { units, cohort: 1 },
    );
    expect(claims.map(claimText)).toEqual(['r0@10 600.00', 'r1@20 200.00 (listed 500.00, by cap-a+cap-b)']);
    expect(cutsText(ledger, 0).byClaim).toEqual(['1|1|20 n1 before 600.00 asked 500.00 cut 100.00 P1']);
    expect(cutsText(ledger, 1).byClaim).toEqual(['1|1|20 n1 before 600.00 asked 400.00 cut 200.00 P1']);
    expect(cutsText(ledger, 1).amount).toBe('200.00');
  });

  it('the second cap of two in the other order cuts the other claim', () => {
    // cap A 1000 by rule: r0@30 600 fits (400 left); r1@20 500 → 400 (before 600, known on 30).
    // cap B 700 by date: r1@20 400 fits (300 left); r0@30 600 → 300 (before 400, cut 300).
    const { claims, ledger } = run(
      [
        { id: 'cap-a', amount: '1000.00', partialPayment: true, claimOrder: 'ruleOrder' },
        { id: 'cap-b', amount: '700.00', partialPayment: true, claimOrder: 'achievementDate' },
      ],
      [[0, 30, '600.00'], [1, 20, '500.00']],
      { units },
    );
    expect(claims.map(claimText)).toEqual(['r1@20 400.00 (listed 500.00, by cap-a)', 'r0@30 300.00 (listed 600.00, by cap-b)']);
    expect(cutsText(ledger, 0)).toMatchObject({ known: ['30:1'], byClaim: ['0|1|20 n1 before 600.00 asked 500.00 cut 100.00 P1'] });
    expect(cutsText(ledger, 1)).toMatchObject({ known: ['30:1'], byClaim: ['0|0|30 n1 before 400.00 asked 600.00 cut 300.00 P1'] });
  });

  it('without participant detail the cuts keep no ids', () => {
    const { ledger } = run([{ id: 'pp', amount: '100.00', partialPayment: true, claimOrder: 'ruleOrder' }], [[0, 1, '300.00']], { units, keep: false });
    expect(cutsText(ledger, 0)).toEqual({ claims: 1, amount: '200.00', participants: undefined, known: ['1:1'], byClaim: ['0|0|1 n1 before 0.00 asked 300.00 cut 200.00 -'] });
  });

  it('without the ledger\'s cut records (one participant explained) the claims are still cut', () => {
    const { claims } = run([{ id: 'pp', amount: '100.00', partialPayment: true, claimOrder: 'ruleOrder' }], [[0, 1, '300.00'], [1, 2, '50.00']], { units, ledgerCuts: false });
    expect(claims.map(claimText)).toEqual(['r0@1 100.00 (listed 300.00, by pp)', 'r1@2 0.00 (listed 50.00, by pp)']);
  });
});

describe('applyParticipantCaps with units that do not know every amount', () => {
  it('falls back to decimals when a claim amount has no unit value', () => {
    // units know the cap and 600 but not the 500 made afterwards: decimals, same result as ever
    const cap = parseAmount('1000.00');
    const known = parseAmount('600.00');
    const units = claimUnits([cap, known]);
    const claims: Claim[] = [
      { rule: 0, date: 1, amount: known },
      { rule: 1, date: 2, amount: parseAmount('500.00') },
    ];
    const plan = { participantCaps: [{ id: 'pp', amount: cap, partialPayment: true, claimOrder: 'achievementDate' }], participantCapUnits: units } as unknown as SettlementPlan;
    const ledger = emptyLedger({ cohorts: 0, outcomes: 0, rateSpecs: 0, participantCaps: 1, guarantees: 0, rulePrices: [] }, true, ZERO);
    applyParticipantCaps(plan, ledger, RECORD, claims, 0);
    expect(claims.map(claimText)).toEqual(['r0@1 600.00', 'r1@2 400.00 (listed 500.00, by pp)']);
  });

  it('falls back to decimals when the cap amount has no unit value', () => {
    const price = parseAmount('600.00');
    const units = claimUnits([price]);
    const claims: Claim[] = [
      { rule: 0, date: 1, amount: price },
      { rule: 1, date: 2, amount: price },
    ];
    const plan = { participantCaps: [{ id: 'pp', amount: parseAmount('1000.00'), partialPayment: true, claimOrder: 'ruleOrder' }], participantCapUnits: units } as unknown as SettlementPlan;
    const ledger = emptyLedger({ cohorts: 0, outcomes: 0, rateSpecs: 0, participantCaps: 1, guarantees: 0, rulePrices: [] }, true, ZERO);
    applyParticipantCaps(plan, ledger, RECORD, claims, 0);
    // 600 fits (400 left), 600 → 400
    expect(claims.map(claimText)).toEqual(['r0@1 600.00', 'r1@2 400.00 (listed 600.00, by pp)']);
  });
});
