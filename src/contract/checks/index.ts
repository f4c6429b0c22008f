/**
 * All cross-field checks, run after the structural (zod) pass.
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import type { Contract } from '../schema.js';
import { checkAmendments } from './amendments.js';
import { checkDateOrder, parseContractDates } from './dates.js';
import { checkFunding } from './funding.js';
import { checkNumbers } from './numbers.js';
import { checkPayerYears } from './payer-years.js';
import { checkPrerequisiteCycles } from './prerequisites.js';
import { checkReferences } from './references.js';
import { checkTiming } from './timing.js';

/**
 * Runs every cross-field check on a structurally valid contract and returns every issue found.
 *
 * @example
 * const issues = checkContract(structurallyValid); // [] for a sound contract
 */
export function checkContract(c: Contract): Issue[] {
  const { table, issues: dateIssues } = parseContractDates(c);
  return [
    ...dateIssues,
    ...checkDateOrder(c, table),
    ...checkNumbers(c),
    ...checkReferences(c),
    ...checkFunding(c),
    ...checkPayerYears(c),
    ...checkPrerequisiteCycles(c),
    ...checkTiming(c, table),
    ...checkAmendments(c, table),
  ];
}
