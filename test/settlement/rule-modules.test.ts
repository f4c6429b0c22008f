/**
 * The rule-module tables: one module per payment rule kind on each side (contract format and
 * settlement), registered by kind, so a kind without a module does not compile and none is
 * dispatched by elimination. The compile-time half is checked by `npm run typecheck` (the
 * `@ts-expect-error` lines fail it if an incomplete table ever compiles).
 */
import { describe, expect, it } from 'vitest';
import { PaymentRuleSchema, RULE_FACTS } from '../../src/contract/rules/index.js';
import { RULES } from '../../src/settlement/rules/index.js';
import { bonus } from '../../src/settlement/rules/bonus.js';
import { cohortRate } from '../../src/settlement/rules/cohort-rate.js';
import { rateCard } from '../../src/settlement/rules/rate-card.js';
import { sustainment } from '../../src/settlement/rules/sustainment.js';
import { variantsOf } from '../contract/variants.js';

const kinds = variantsOf(PaymentRuleSchema, 'kind').sort();

describe('rule modules', () => {
  it('every kind of the contract format has a settlement module and contract facts, under its own name', () => {
    expect(kinds).toEqual(['bonus', 'cohortRate', 'fee', 'rateCard', 'resultsIndicator', 'sustainment']);
    expect(Object.keys(RULES).sort()).toEqual(kinds);
    expect(Object.keys(RULE_FACTS).sort()).toEqual(kinds);
    for (const [kind, module] of Object.entries(RULES)) expect(module.kind).toBe(kind);
  });

  it('a table without a kind does not compile', () => {
    // @ts-expect-error the fee module is missing
    const incomplete: typeof RULES = { rateCard, sustainment, cohortRate, bonus };
    expect(Object.keys(incomplete)).not.toContain('fee');
  });
});
