/**
 * The rule table (src/settlement/rules/index.ts): each rule dispatched to its kind's module for
 * the outcomes it pays for, the rates it reads, its preparation (in contract order, with its
 * index) and its bounds.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import { outcomesPaidBy, prepareRules, rateUsesOf, ruleBounds, RULES } from '../../../src/settlement/rules/index.js';
import { boundTerms, paidCohort, ruleTerms } from './fixtures.js';

const card = { kind: 'rateCard', id: 'card', outcome: 'retention', price: '100.00', groupPricing: { kind: 'flat' }, prerequisites: [] } as unknown as PaymentRule;
const rate = {
  kind: 'cohortRate', id: 'rate', outcome: 'placement', cohorts: ['A'], pooling: 'perCohort', denominator: { kind: 'enrolled' }, pending: 'exclude', emptyCohort: 'nothing', amountBasis: 'perCohort',
  schedule: { kind: 'allOrNothing', threshold: '0.5', amount: '10.00' },
} as unknown as PaymentRule;
const rate2 = { ...rate, id: 'rate2', outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' } } as unknown as PaymentRule;
const perStart = { kind: 'fee', id: 'fee', charge: { kind: 'perStart', amount: '5.00' } } as unknown as PaymentRule;

describe('the rule table', () => {
  it('one module per kind, each under its own name', () => {
    expect(Object.entries(RULES).map(([kind, module]) => `${kind}=${module.kind}`).sort()).toEqual([
      'bonus=bonus', 'cohortRate=cohortRate', 'fee=fee', 'rateCard=rateCard', 'resultsIndicator=resultsIndicator', 'sustainment=sustainment',
    ]);
  });
  it('outcomesPaidBy and rateUsesOf dispatch by kind', () => {
    expect(outcomesPaidBy(card)).toEqual(['retention']);
    expect(outcomesPaidBy(perStart)).toEqual([]);
    expect(rateUsesOf([card, rate, perStart, rate2])).toEqual([rate, rate2]);
    expect(rateUsesOf([])).toEqual([]);
  });
  it('prepareRules: every rule in contract order, with its index, rule, outcomes and parts', () => {
    const prepared = prepareRules(ruleTerms({ rules: [perStart, card] }));
    expect(prepared.map((p) => `${p.index} ${p.rule.id} [${p.paysFor.join(',')}] ${p.prices.map((price) => price.toFixed(2)).join(',')} ${typeof p.claims} ${typeof p.lines}`)).toEqual([
      '0 fee [] 5.00 function function',
      '1 card [retention] 100.00 function function',
    ]);
    expect(prepared[1]?.rule).toBe(card);
  });
  it('ruleBounds: the module of the rule\'s kind', () => {
    // 3 × 100
    expect(ruleBounds(card, boundTerms({ rules: [card], paidCohorts: [paidCohort('A', 3)] })).map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)}`)).toEqual(['A retention 300.00']);
    // 3 × 5 (certain, last enrolment measured: least 15)
    expect(ruleBounds(perStart, boundTerms({ paidCohorts: [paidCohort('A', 3)] })).map((c) => `${c.most.toFixed(2)} ${c.least.toFixed(2)}`)).toEqual(['15.00 15.00']);
  });
});
