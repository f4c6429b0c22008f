/**
 * What a settlement prepares before reading a record (src/settlement/prepare.ts, plan.ts,
 * record-context.ts), on the minimal contract with a participant cap, a contract cap, a hiring
 * guarantee and an exit clause added: the failures in their order (contract, options, previous
 * settlements), the plan's parsed caps, dates, guarantees and rate specifications, and the record
 * context.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import { parseContract, type Contract } from '../../../src/index.js';
import { buildPlan, emptyLedgerOf } from '../../../src/settlement/plan.js';
import { prepareSettlement } from '../../../src/settlement/prepare.js';
import { recordContext } from '../../../src/settlement/record-context.js';
import { applyPatch } from '../../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const full = applyPatch(minimal, [
  { op: 'add', path: '/caps', value: [
    { kind: 'contract', id: 'cap-all', amount: '100000.00', partialPayment: true },
    { kind: 'participant', id: 'cap-p', amount: '1200.00', partialPayment: false, claimOrder: 'ruleOrder' },
  ] },
  { op: 'add', path: '/hiringGuarantees', value: [
    { id: 'g1', employer: 'Acme', cohorts: ['2024-A'], positions: 3, qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60, shortfallAmountPerPosition: '2000.00' },
  ] },
  { op: 'add', path: '/exitClauses', value: [
    {
      id: 'low-rate', name: 'low-rate', checkOn: '2024-05-15',
      condition: { kind: 'outcomeRateBelow', outcome: 'placement', cohorts: ['2024-A'], denominator: { kind: 'enrolled' }, pending: 'exclude', threshold: '0.5' },
      effect: { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } },
    },
  ] },
]);

function parsed(doc: unknown): Contract {
  const result = parseContract(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

describe('prepareSettlement', () => {
  it('a contract that does not parse: its issues, before the options are read', () => {
    const prepared = prepareSettlement({ id: 'x' }, 'not options');
    const contractIssues = parseContract({ id: 'x' });
    expect(contractIssues.ok).toBe(false);
    expect(prepared.ok ? [] : prepared.issues).toEqual(contractIssues.ok ? ['a contract'] : contractIssues.issues);
  });

  it('options that are not an object: OPTIONS_NOT_OBJECT', () => {
    const prepared = prepareSettlement(minimal, 'not options');
    expect(prepared.ok ? [] : prepared.issues).toEqual([
      { code: 'OPTIONS_NOT_OBJECT', path: ['options'], message: 'settlement options must be an object with at least asOf, not the string "not options"' },
    ]);
  });

  it('a previous settlement that is not one: its issue', () => {
    const prepared = prepareSettlement(minimal, { asOf: '2025-06-30', previous: [{ format: 'other' }] });
    expect(prepared.ok ? [] : prepared.issues.map((issue) => [issue.code, issue.path])).toEqual([['PREVIOUS_NOT_SETTLEMENT', ['previous', 0]]]);
  });

  it('sound input: the contract, the options read, nothing paid before, the options’ fingerprint text', () => {
    const prepared = prepareSettlement(minimal, { asOf: '2025-06-30' });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    expect(prepared.value.contract.id).toBe('minimal');
    expect(prepared.value.given.asOf).toBe('2025-06-30');
    expect(prepared.value.options.asOf).toBe(parseDate('2025-06-30'));
    expect(prepared.value.previous.settlements).toEqual([]);
    expect(prepared.value.parsed.ok).toBe(true);
    expect(typeof prepared.value.optionsText).toBe('string');
    // the same options give the same text; another as-of date another
    const again = prepareSettlement(minimal, { asOf: '2025-06-30' });
    const later = prepareSettlement(minimal, { asOf: '2025-07-01' });
    expect(again.ok && again.value.optionsText).toBe(prepared.value.optionsText);
    expect(later.ok && later.value.optionsText).not.toBe(prepared.value.optionsText);
  });
});

describe('buildPlan', () => {
  const asOf = parseDate('2025-06-30');

  it('parses the participant caps only, in contract order, and counts claim amounts in units', () => {
    const plan = buildPlan(parsed(full), asOf, true);
    expect(plan.participantCaps.map((cap) => ({ ...cap, amount: cap.amount.toFixed(2) }))).toEqual([
      { id: 'cap-p', amount: '1200.00', partialPayment: false, claimOrder: 'ruleOrder' },
    ]);
    expect(plan.participantCapUnits).toBeDefined();
    expect(plan.keepParticipants).toBe(true);
    expect(plan.asOf).toBe(asOf);
    // without participant caps there are no units to count
    const bare = buildPlan(parsed(minimal), asOf, false);
    expect(bare.participantCaps).toEqual([]);
    expect(bare.participantCapUnits).toBeUndefined();
    expect(bare.keepParticipants).toBe(false);
  });

  it('the exit clauses’ check dates, the guarantees’ indexes, and the rates the exit clauses read', () => {
    const plan = buildPlan(parsed(full), asOf, false);
    expect(plan.exitCheckDates).toEqual([parseDate('2024-05-15')]);
    // outcomes: placement 0, retention-6m 1, training 2; cohort 2024-A is 0
    expect(plan.guarantees).toEqual([{ cohorts: new Set([0]), qualifying: 2, placement: 0, withinDays: 60 }]);
    expect(plan.rateSpecs.map((spec) => spec.key)).toEqual(['placement/enrolled']);
    const bare = buildPlan(parsed(minimal), asOf, false);
    expect(bare.exitCheckDates).toEqual([]);
    expect(bare.guarantees).toEqual([]);
    expect(bare.rateSpecs).toEqual([]);
  });

  it('the rules in contract order, each paying per participant in the claim rules', () => {
    const plan = buildPlan(parsed(minimal), asOf, false);
    expect(plan.rules.map((rule) => rule.prices.map(String))).toEqual([['1000'], ['500']]);
    expect(plan.claimRules).toHaveLength(2);
  });

  it('an empty ledger of the plan’s shape', () => {
    const plan = buildPlan(parsed(full), asOf, false);
    const ledger = emptyLedgerOf(plan, false);
    expect(ledger.cohorts).toHaveLength(1);
    expect(ledger.participantCaps).toHaveLength(1);
    expect(ledger.guarantees).toHaveLength(1);
    expect(ledger.cohorts[0]?.rates).toHaveLength(1);
    expect(ledger.cohorts[0]?.tally.outcomes).toHaveLength(3);
  });
});

describe('recordContext', () => {
  it('the cohort and group ids and each cohort’s enrolment window', () => {
    const context = recordContext(parsed(minimal));
    expect([...context.cohortIds]).toEqual(['2024-A']);
    expect([...context.groupIds]).toEqual(['youth']);
    expect([...(context.enrolmentWindows ?? [])]).toEqual([['2024-A', { start: parseDate('2024-01-01'), end: parseDate('2024-06-30') }]]);
  });
  it('a contract without groups: none', () => {
    const doc = applyPatch(minimal, [{ op: 'remove', path: '/groups' }]);
    expect([...recordContext(parsed(doc)).groupIds]).toEqual([]);
  });
});

describe('buildPlan: a hiring guarantee on a cohort and an outcome that are not the first', () => {
  it('the guarantee reads the indices of its cohorts and outcomes', () => {
    // cohorts: 2024-A (0), 2024-B (1); outcomes: placement (0), retention-6m (1), training (2), placement-b (3)
    const contract = applyPatch(minimal, [
      { op: 'add', path: '/cohorts/-', value: { id: '2024-B', enrolmentStart: '2024-07-01', enrolmentEnd: '2025-12-31' } },
      { op: 'add', path: '/outcomes/-', value: { kind: 'placement', id: 'placement-b', name: 'Placement B', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' } },
      { op: 'add', path: '/hiringGuarantees', value: [{ id: 'g1', employer: 'Acme', cohorts: ['2024-B'], positions: 3, qualifyingOutcome: 'training', placementOutcome: 'placement-b', withinDays: 60 }] },
    ]);
    const parsed = parseContract(contract);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 2)));
    const plan = buildPlan(parsed.value, parseDate('2025-06-30'), false);
    expect(plan.guarantees.map((g) => [[...g.cohorts], g.qualifying, g.placement, g.withinDays])).toEqual([[[1], 2, 3, 60]]);
  });
});
