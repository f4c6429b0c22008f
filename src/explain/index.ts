/**
 * Explanations of a settlement for people who must answer for it: one participant's story, from
 * the facts of the record to the tranche that paid each claim. An extra pass over the
 * settlement's own results: nothing here computes a payment.
 *
 * @module
 */
export { explainParticipant } from './explain-participant.js';
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
} from './types.js';
