/**
 * The assumptions document: the example parses and its JSON Schema (checked by an independent
 * validator, ajv) accepts it; each kind of mistake is refused with its code and path.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseAssumptions } from '../../src/simulation/index.js';
import { assumptionsJsonSchema } from '../../src/schema/json-schema.js';

const contract = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8')) as unknown;
const example = JSON.parse(readFileSync('examples/region-sud/assumptions.json', 'utf8')) as Record<string, unknown>;

const REMOVE = Symbol('remove');

/** The codes and paths of the problems of the example with the value at `at` set (or removed). */
function problems(at: readonly (string | number)[], value: unknown): string[] {
  const copy = structuredClone(example);
  let node: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1] ?? '';
  if (value === REMOVE) Reflect.deleteProperty(node, last);
  else node[last] = value;
  const parsed = parseAssumptions(copy, contract);
  return parsed.ok ? [] : parsed.issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
}

describe('assumptions', () => {
  it('the region-sud example parses, and the JSON Schema accepts it and refuses a typo', () => {
    expect(parseAssumptions(example, contract).ok).toBe(true);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(assumptionsJsonSchema());
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, daysToExitt: 3 })).toBe(false);
    expect(validate({ ...example, outcomes: { placement: { probability: 1.5 } } })).toBe(false);
  });

  it('refuses each mistake with its code and path', () => {
    expect(problems(['daysToExitt'], 3)).toEqual(['ASSUMPTIONS_UNKNOWN_KEY daysToExitt']);
    expect(problems(['daysToExit'], REMOVE)).toEqual(['ASSUMPTIONS_REQUIRED daysToExit']);
    expect(problems(['outcomes', 'placement', 'probability'], 1.2)).toEqual(['ASSUMPTIONS_INVALID outcomes.placement.probability']);
    expect(problems(['cohorts', '2023-C'], { size: 3 })).toEqual(['ASSUMPTIONS_UNKNOWN_COHORT cohorts.2023-C']);
    expect(problems(['mix', 0, 'groups'], ['rsaa'])).toEqual(['ASSUMPTIONS_UNKNOWN_GROUP mix.0.groups.0']);
    expect(problems(['outcomes', 'placment'], { probability: 0.5 })).toEqual(['ASSUMPTIONS_UNKNOWN_OUTCOME outcomes.placment']);
    expect(problems(['outcomes', 'wage-10pc'], REMOVE)).toEqual(['ASSUMPTIONS_OUTCOME_MISSING outcomes.wage-10pc']);
    expect(problems(['outcomes', 'retention-6m', 'days'], 30)).toEqual(['ASSUMPTIONS_OUTCOME_KIND outcomes.retention-6m.days']);
    expect(problems(['mix', 0, 'share'], 0.4)).toEqual(['ASSUMPTIONS_SHARES mix']);
    expect(problems(['daysToExit'], { uniform: { min: 9, max: 3 } })).toEqual(['ASSUMPTIONS_RANGE daysToExit.uniform']);
    expect(problems(['cohorts', '2023-A', 'enrolment'], { from: '2023-02-30', to: '2023-03-01' })).toEqual(['ASSUMPTIONS_INVALID cohorts.2023-A.enrolment.from']);
    expect(problems(['indicators'], { placement: { '*': '0.5' } })).toEqual(['ASSUMPTIONS_OUTCOME_KIND indicators.placement']);
    expect(parseAssumptions([], contract).ok).toBe(false);
  });

  it('a cohort with no size in either document is refused', () => {
    const withoutTarget = structuredClone(contract) as { cohorts: { targetSize?: number }[] };
    for (const cohort of withoutTarget.cohorts) delete cohort.targetSize;
    const copy = structuredClone(example);
    delete copy['cohorts'];
    const parsed = parseAssumptions(copy, withoutTarget);
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.code)).toEqual(['ASSUMPTIONS_COHORT_SIZE', 'ASSUMPTIONS_COHORT_SIZE']);
  });
});
