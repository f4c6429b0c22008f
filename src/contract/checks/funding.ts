/**
 * Payer funding checks: each payer names exactly one of `share`, `weight`, `topUp`; shares and
 * weights are not mixed; shares and top-ups are at most 1; and every line a tranche or payment on
 * exit can show is funded in full (the shares of the share payers funding it sum to exactly 1,
 * top-ups to at most 1, and what top-ups leave is split by someone).
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import { compareRatios, isFractionText, ratioOfInteger, ratioPlus, ratioText, RATIO_ZERO, shareRatio } from '../../money/index.js';
import { fundedLines, fundingBasis, isUniformFunding, lineSplit, payerFundings, type FundedLine } from '../funding.js';
import type { Contract } from '../schema.js';
import { issueAt } from './issue.js';

const ONE = ratioOfInteger(1);
/** Lines named in one issue at most; the rest are counted. */
const NAMED_LINES = 3;

function describeLine(line: FundedLine): string {
  return `rule ${line.rule}, cohort ${line.cohort ?? '(none)'}, outcome ${line.outcome ?? '(none)'}`;
}

function linesIssue(code: 'PAYER_SHARES_SUM' | 'PAYER_TOP_UPS_SUM' | 'PAYER_LINE_UNFUNDED', problems: readonly string[], what: string): Issue[] {
  if (problems.length === 0) return [];
  const named = problems.slice(0, NAMED_LINES).join('; ');
  const more = problems.length > NAMED_LINES ? `; and ${String(problems.length - NAMED_LINES)} other lines (${String(problems.length)} in all)` : '';
  return [issueAt(code, ['parties', 'payers'], `${what}: ${named}${more}`)];
}

function checkBases(c: Contract, issues: Issue[]): boolean {
  let sound = true;
  let proportional: 'share' | 'weight' | undefined;
  for (const [i, payer] of c.parties.payers.entries()) {
    const basis = fundingBasis(payer);
    if (basis === undefined) {
      sound = false;
      issues.push(issueAt('PAYER_FUNDING_BASIS', ['parties', 'payers', i], `payer "${payer.id}" names ${[payer.share, payer.weight, payer.topUp].some((v) => v !== undefined) ? 'more than one' : 'none'} of share, weight and topUp: name exactly one`));
      continue;
    }
    for (const key of ['share', 'topUp'] as const) {
      const text = payer[key];
      if (text !== undefined && compareRatios(shareRatio(text), ONE) > 0) {
        sound = false;
        const hint = isFractionText(text) ? '' : ' (write rates and shares as fractions: 60% is "0.6")';
        issues.push(issueAt('RATE_RANGE', ['parties', 'payers', i, key], `"${text}" is above 1${hint}`));
      }
    }
    if (basis === 'topUp') continue;
    if (proportional === undefined) proportional = basis;
    else if (proportional !== basis) {
      sound = false;
      issues.push(issueAt('PAYER_FUNDING_MIXED', ['parties', 'payers', i, basis], `payer "${payer.id}" has a ${basis} while an earlier payer has a ${proportional}: the payers splitting a payment use shares, or weights, not both`));
    }
  }
  return sound;
}

/** The check every contract had before scopes and top-ups: shares of all payers sum to exactly 1 (same message). */
function checkUniformShares(c: Contract, issues: Issue[]): void {
  const payers = c.parties.payers;
  if (!payers.every((payer) => payer.share !== undefined)) return;
  const total = payers.reduce((sum, payer) => ratioPlus(sum, shareRatio(payer.share ?? '0')), RATIO_ZERO);
  if (compareRatios(total, ONE) !== 0) {
    const shares = payers.map((p) => `${p.id} ${p.share ?? ''}`).join(' + ');
    issues.push(issueAt('PAYER_SHARES_SUM', ['parties', 'payers'], `payer shares sum to ${ratioText(total)}, not exactly 1 (${shares})`));
  }
}

/**
 * Funding checks on a structurally valid contract whose references resolve.
 *
 * @example
 * checkFunding(contract); // [{ code: 'PAYER_LINE_UNFUNDED', ... }] when no payer funds the fee
 */
export function checkFunding(c: Contract): Issue[] {
  const issues: Issue[] = [];
  if (!checkBases(c, issues)) return issues;
  const uniform = isUniformFunding(c.parties.payers);
  if (uniform && c.parties.payers.every((payer) => payer.share !== undefined)) {
    checkUniformShares(c, issues);
    return issues;
  }
  const fundings = payerFundings(c.parties.payers);
  const shares = fundings.some((payer) => payer.basis === 'share');
  const sums: string[] = [];
  const topUps: string[] = [];
  const unfunded: string[] = [];
  for (const line of fundedLines(c)) {
    const split = lineSplit(fundings, line);
    const byWhom = split.funders.length === 0 ? 'no payer funds it' : `funded by ${split.funders.join(', ')}`;
    if (compareRatios(split.topUps, ONE) > 0) topUps.push(`${describeLine(line)} (top-ups ${ratioText(split.topUps)})`);
    else if (split.unfunded.numerator !== 0n) unfunded.push(`${describeLine(line)} (${byWhom}; ${ratioText(split.unfunded)} of it unfunded)`);
    else if (shares && split.proportional.numerator !== 0n && compareRatios(split.proportional, ONE) !== 0) {
      sums.push(`${describeLine(line)} (shares of ${split.funders.join(', ')} sum to ${ratioText(split.proportional)})`);
    }
  }
  issues.push(
    ...linesIssue('PAYER_SHARES_SUM', sums, 'the shares of the payers funding a line must sum to exactly 1, not for'),
    ...linesIssue('PAYER_TOP_UPS_SUM', topUps, 'the top-ups of the payers funding a line must sum to at most 1, not for'),
    ...linesIssue('PAYER_LINE_UNFUNDED', unfunded, 'every line must be funded in full (a share or weight payer funds it, or top-ups sum to 1), not'),
  );
  return issues;
}
