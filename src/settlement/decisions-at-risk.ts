/**
 * Decisions at risk: every decision a settlement made on counts (an exit clause fired or not, a
 * cohort rate's threshold met or tier reached, a bonus triggered, a cap binding, a hiring
 * guarantee met) that would go the other way if the excluded records were counted, all as
 * achieved or all as not achieved. Computed on the tallies after the records, by running the
 * schedule again on what-if ledgers; only when records were excluded.
 *
 * @module
 */
import { ownText } from '../text/index.js';
import { formatMoney } from '../money/index.js';
import type { IndicatorValues } from './rules/index.js';
import type { Ledger } from './ledger.js';
import type { SettlementPlan } from './plan.js';
import { guaranteeReports } from './report.js';
import { runSchedule, type RunResult } from './schedule.js';
import type { SettlementDecisionAtRisk } from './types.js';
import { ledgerWithUnseen, type UnseenScenario } from './unseen-records.js';

/**
 * The excluded records of a settlement, by the cohort they name: `byCohort` counts those whose
 * own `cohort` field is a cohort of the contract, `unknown` the others (a row that could not be
 * read, a missing or unknown cohort), which may belong to any cohort.
 *
 * @example
 * const excluded: ExcludedCohorts = { byCohort: new Map([['2023-A', 2]]), unknown: 1 };
 */
export interface ExcludedCohorts {
  readonly byCohort: ReadonlyMap<string, number>;
  readonly unknown: number;
}

/**
 * Counts excluded records by cohort, one raw record (or unreadable row: `undefined`) at a time.
 *
 * @example
 * const tally = excludedCohortsTally(new Set(['2023-A']));
 * tally.add({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-02-30' });
 * tally.add(undefined); // a row that could not be read
 * tally.counts(); // { byCohort: Map { '2023-A' => 1 }, unknown: 1 }
 */
export function excludedCohortsTally(cohortIds: ReadonlySet<string>): { add(raw: unknown): void; counts(): ExcludedCohorts } {
  const byCohort = new Map<string, number>();
  let unknown = 0;
  return {
    add(raw) {
      const cohort = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'cohort') ? (raw as { cohort: unknown }).cohort : undefined;
      if (typeof cohort === 'string' && cohortIds.has(cohort)) {
        const id = ownText(cohort);
        byCohort.set(id, (byCohort.get(id) ?? 0) + 1);
      } else unknown += 1;
    },
    counts: () => ({ byCohort, unknown }),
  };
}

/** A decision of a run, by a key naming what was decided. */
interface Decision {
  readonly kind: SettlementDecisionAtRisk['kind'];
  readonly id: string;
  readonly tranche: string | null;
  readonly cohort: string | null;
  readonly outcome: string;
}

/** Every decision of a run on a ledger, in report order (exit clauses, tranches, caps, guarantees). */
function decisionsOf(plan: SettlementPlan, ledger: Ledger, run: RunResult): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const put = (decision: Decision): void => {
    decisions.set(`${decision.kind}|${decision.id}|${decision.tranche ?? ''}|${decision.cohort ?? ''}`, decision);
  };
  for (const exit of run.exits) {
    if (exit.outcome === 'fired' || exit.outcome === 'notFired') put({ kind: 'exitClause', id: exit.clause, tranche: null, cohort: null, outcome: exit.outcome });
  }
  // money caps bind where they cut a tranche's amount, share caps where they cut a claim of the tranche;
  // participant and outcome-volume caps are decided over the contract (below)
  const caps = (plan.contract.caps ?? []).filter((cap) => cap.kind !== 'participant' && cap.kind !== 'outcomeVolume');
  for (const tranche of run.tranches) {
    if (tranche.status !== 'settled') continue;
    for (const line of tranche.lines) {
      if (line.decision === undefined || (line.kind !== 'cohortRate' && line.kind !== 'bonus')) continue;
      put({ kind: line.kind, id: line.rule, tranche: tranche.id, cohort: line.cohort, outcome: line.decision });
    }
    for (const cap of caps) {
      const binds = cap.kind === 'share' ? tranche.shareCuts.has(cap.id) : tranche.capCuts.some((cut) => cut.cap === cap.id) || (tranche.budgetYears ?? []).some((entry) => entry.cap === cap.id && !entry.over.isZero());
      put({ kind: 'cap', id: cap.id, tranche: tranche.id, cohort: null, outcome: binds ? 'binds' : 'does not bind' });
    }
  }
  plan.participantCaps.forEach((cap, index) => {
    const binds = (ledger.participantCaps[index]?.claims ?? 0) > 0;
    put({ kind: 'cap', id: cap.id, tranche: null, cohort: null, outcome: binds ? 'binds' : 'does not bind' });
  });
  for (const cap of plan.contract.caps ?? []) {
    if (cap.kind !== 'outcomeVolume') continue;
    const binds = (run.volumeCuts.get(plan.ruleIndex.get(cap.rule) ?? -1) ?? 0) > 0;
    put({ kind: 'cap', id: cap.id, tranche: null, cohort: null, outcome: binds ? 'binds' : 'does not bind' });
  }
  for (const guarantee of guaranteeReports(plan, ledger, (amount) => formatMoney(amount, plan.currency))) {
    put({ kind: 'hiringGuarantee', id: guarantee.guarantee, tranche: null, cohort: null, outcome: guarantee.status });
  }
  return decisions;
}

/**
 * The decisions of the settled run that would go another way with the excluded records counted:
 * in the cohort they name, or (cohort unknown) in every cohort at once; as all achieved (in no
 * group, then in every group: the first that differs is given) and as none achieved. A decision
 * the what-if run does not make (a tranche an earlier flipped clause cancels) is not compared:
 * the earlier decision is the one listed.
 *
 * @example
 * decisionsAtRisk(plan, ledger, run, indicators, { byCohort: new Map([['2023-A', 2]]), unknown: 0 });
 */
export function decisionsAtRisk(
  plan: SettlementPlan,
  ledger: Ledger,
  run: RunResult,
  indicators: IndicatorValues,
  excluded: ExcludedCohorts,
): SettlementDecisionAtRisk[] {
  const counts = plan.contract.cohorts.map((cohort) => (excluded.byCohort.get(cohort.id) ?? 0) + excluded.unknown);
  if (counts.every((count) => count === 0)) return [];
  const whatIf = { ...plan, keepParticipants: false };
  const decided = decisionsOf(plan, ledger, run);
  const alternative = (scenario: UnseenScenario): Map<string, Decision> => {
    const unseen = ledgerWithUnseen(plan, ledger, counts, scenario);
    return decisionsOf(whatIf, unseen, runSchedule(whatIf, unseen, indicators));
  };
  const allAchieved = alternative('allAchieved');
  // group tallies decide group-share bonuses only: the run in every group is needed for them alone
  const groupShares = plan.contract.rules.some((rule) => rule.kind === 'bonus' && rule.trigger.kind === 'groupShare');
  const inGroups = groupShares ? alternative('allAchievedInGroups') : allAchieved;
  const noneAchieved = alternative('noneAchieved');
  const atRisk: SettlementDecisionAtRisk[] = [];
  for (const [key, decision] of decided) {
    const outcomeIn = (decisions: ReadonlyMap<string, Decision>): string => decisions.get(key)?.outcome ?? decision.outcome;
    const noGroup = outcomeIn(allAchieved);
    const ifAllAchieved = noGroup !== decision.outcome ? noGroup : outcomeIn(inGroups);
    const ifNoneAchieved = outcomeIn(noneAchieved);
    if (ifAllAchieved === decision.outcome && ifNoneAchieved === decision.outcome) continue;
    const { kind, id, tranche, cohort, outcome } = decision;
    atRisk.push({ kind, id, tranche, cohort, decided: outcome, ifAllAchieved, ifNoneAchieved });
  }
  return atRisk;
}
