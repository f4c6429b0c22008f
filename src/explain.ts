/**
 * `outcome-pay/explain`: one participant's story in a settlement, for a payment in dispute: each
 * outcome's status and date with the facts it was decided on, each claim with the per-participant
 * caps that cut it, and the tranche and line that paid it (docs/settlement.md, Explaining one
 * participant). Pure, and runs in a browser. An entry point of its own, so the settlement core a
 * browser bundles does not carry it (docs/browser.md, Size).
 *
 * @example
 * import { explainParticipant } from 'outcome-pay/explain';
 * const result = explainParticipant(contractJson, recordsJson, 'P007', { asOf: '2025-06-30' });
 *
 * @module outcome-pay/explain
 */
export { explainParticipant } from './explain/index.js';
export type {
  ClaimFate,
  ExplainedEarnings,
  ExplainedClaim,
  ExplainedGap,
  ExplainedOutcome,
  ExplainedParticipantCut,
  ExplainedRecord,
  ExplainedRestatement,
  ExplainedSpell,
  ExplainedTrancheLine,
  ParticipantExplanation,
} from './explain/index.js';
