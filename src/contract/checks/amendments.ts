/**
 * Amendment checks (docs/mechanics/amendments.md): ids unique and not `base`, `effectiveFrom`
 * strictly increasing and inside the period (after its start), every change naming a rule or cap
 * the contract has, of a kind amendments can change, once per amendment, a group pricing of the
 * rule's own kind. (Amounts: numbers.ts; group ids: references.ts; impossible dates: dates.ts.)
 *
 * @module
 */
import { compareDates } from '../../calendar/index.js';
import type { Issue, PathSegment } from '../../errors.js';
import { BASE_VERSION } from '../amendments.js';
import type { Amendments, Contract } from '../schema.js';
import { dateKey, type DateTable } from './dates.js';
import { issueAt } from './issue.js';

type Amendment = Amendments['versions'][number];

/** The cap kinds an amendment may give a new amount (a payer cap only without `per`). */
const AMENDABLE_CAPS: ReadonlySet<string> = new Set(['outcome', 'cohort', 'tranche', 'contract', 'payer']);

function checkDates(c: Contract, versions: readonly Amendment[], table: DateTable, issues: Issue[]): void {
  const start = table.get(dateKey(['period', 'start']));
  const end = table.get(dateKey(['period', 'end']));
  let previous: { day: number; id: string } | undefined;
  for (const [i, amendment] of versions.entries()) {
    const path: PathSegment[] = ['amendments', 'versions', i, 'effectiveFrom'];
    const day = table.get(dateKey(path));
    if (day === undefined) continue;
    if (start !== undefined && end !== undefined && (compareDates(day, start) <= 0 || compareDates(day, end) > 0)) {
      issues.push(issueAt('AMENDMENT_OUTSIDE_PERIOD', path, `amendment "${amendment.id}" is in force from ${amendment.effectiveFrom}, not after the period start ${c.period.start} and on or before its end ${c.period.end} (the base version is in force from the start)`));
    }
    if (previous !== undefined && day <= previous.day) {
      issues.push(issueAt('AMENDMENT_DATES_ORDER', path, `amendment "${amendment.id}" is in force from ${amendment.effectiveFrom}, not after the amendment before it ("${previous.id}"): list amendments in strictly increasing effectiveFrom order, one per day at most`));
    }
    previous = { day, id: amendment.id };
  }
}

function checkRuleChanges(c: Contract, amendment: Amendment, i: number, issues: Issue[]): void {
  const seen = new Set<string>();
  for (const [j, change] of (amendment.changes.rules ?? []).entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['amendments', 'versions', i, 'changes', 'rules', j, ...rest];
    if (seen.has(change.rule)) {
      issues.push(issueAt('AMENDMENT_DUPLICATE_CHANGE', at('rule'), `amendment "${amendment.id}" changes rule "${change.rule}" twice: write its changes in one entry`));
      continue;
    }
    seen.add(change.rule);
    const rule = c.rules.find((candidate) => candidate.id === change.rule);
    if (rule === undefined) {
      issues.push(issueAt('AMENDMENT_UNKNOWN_RULE', at('rule'), `amendment "${amendment.id}" changes rule "${change.rule}", which the contract does not have`));
      continue;
    }
    if (rule.kind !== 'rateCard') {
      issues.push(issueAt('AMENDMENT_UNSUPPORTED_CHANGE', at('rule'), `amendment "${amendment.id}" changes rule "${change.rule}" of kind ${rule.kind}: amendments change rate-card prices only`));
      continue;
    }
    if (change.price === undefined && change.groupPricing === undefined) {
      issues.push(issueAt('AMENDMENT_UNSUPPORTED_CHANGE', at(), `amendment "${amendment.id}" names rule "${change.rule}" but changes neither its price nor its groupPricing`));
    }
    if (change.groupPricing !== undefined && change.groupPricing.kind !== rule.groupPricing.kind) {
      issues.push(issueAt('AMENDMENT_KIND_CHANGE', at('groupPricing', 'kind'), `amendment "${amendment.id}" gives rule "${change.rule}" a groupPricing of kind ${change.groupPricing.kind}, but the rule's is ${rule.groupPricing.kind}: an amendment changes the prices, not how groups are priced`));
    }
  }
}

function checkCapChanges(c: Contract, amendment: Amendment, i: number, issues: Issue[]): void {
  const seen = new Set<string>();
  for (const [j, change] of (amendment.changes.caps ?? []).entries()) {
    const at: PathSegment[] = ['amendments', 'versions', i, 'changes', 'caps', j, 'cap'];
    if (seen.has(change.cap)) {
      issues.push(issueAt('AMENDMENT_DUPLICATE_CHANGE', at, `amendment "${amendment.id}" changes cap "${change.cap}" twice: write one amount`));
      continue;
    }
    seen.add(change.cap);
    const cap = (c.caps ?? []).find((candidate) => candidate.id === change.cap);
    if (cap === undefined) {
      issues.push(issueAt('AMENDMENT_UNKNOWN_CAP', at, `amendment "${amendment.id}" changes cap "${change.cap}", which the contract does not have`));
      continue;
    }
    if (!AMENDABLE_CAPS.has(cap.kind) || (cap.kind === 'payer' && cap.per !== undefined)) {
      const what = cap.kind === 'payer' ? 'a yearly payer cap (per)' : `a ${cap.kind} cap`;
      issues.push(issueAt('AMENDMENT_UNSUPPORTED_CHANGE', at, `amendment "${amendment.id}" changes cap "${change.cap}", ${what}: amendments change the amounts of outcome, cohort, tranche, contract and whole-contract payer caps only`));
    }
  }
}

/**
 * The amendment issues of a structurally valid contract (none without amendments).
 *
 * @example
 * checkAmendments(contract, parseContractDates(contract).table); // [{ code: 'AMENDMENT_UNKNOWN_RULE', ... }] for a change of rule "pay-typo"
 */
export function checkAmendments(c: Contract, table: DateTable): Issue[] {
  const versions = c.amendments?.versions;
  if (versions === undefined) return [];
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  for (const [i, amendment] of versions.entries()) {
    const path: PathSegment[] = ['amendments', 'versions', i, 'id'];
    const first = ids.get(amendment.id);
    if (amendment.id === BASE_VERSION) issues.push(issueAt('AMENDMENT_DUPLICATE_ID', path, `"${BASE_VERSION}" is the id of the contract as first written: give the amendment another id`));
    else if (first !== undefined) issues.push(issueAt('AMENDMENT_DUPLICATE_ID', path, `amendment id "${amendment.id}" is also the id of amendments.versions[${first}]`));
    else ids.set(amendment.id, i);
    checkRuleChanges(c, amendment, i, issues);
    checkCapChanges(c, amendment, i, issues);
  }
  checkDates(c, versions, table, issues);
  return issues;
}
