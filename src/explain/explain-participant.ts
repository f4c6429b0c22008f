/**
 * `explainParticipant`: one participant's story in a settlement, for a finance officer answering
 * a provider who disputes a payment. An extra pass after the settlement: the settlement is made
 * as `settle` makes it (with the participant ids of every line), the one record is resolved by
 * the outcome resolver, its claims made by the rules' own claim functions and cut by the
 * settlement's own per-participant caps, and each claim is found in the lines that name the
 * participant. No payment logic of its own.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { invalidArgument } from '../guard.js';
import { formatMoney, sumAmounts, parseAmount, ZERO } from '../money/index.js';
import { resolveRecord } from '../outcomes/index.js';
import { recordsArgument, validateBatch, type RawRecords } from '../records/index.js';
import { fail, ok, withNotices, type Result } from '../result.js';
import { buildPlan, prepareSettlement, recordContext, settle, type Settlement, type SettleOptions } from '../settlement/index.js';
import { explainClaims } from './claims.js';
import { explainOutcomes, explainedRecord } from './outcome-evidence.js';
import type { ExplainedRestatement, ParticipantExplanation } from './types.js';

/**
 * Explains one participant of a settlement: the record as settled, each outcome's status and
 * date with the period the resolver examined and the spells, wages and events in it, each claim
 * with the per-participant caps that cut it (the amount before and the cut), and the tranche and
 * line that paid it (or will, or why none will), with the cuts of the caps covering that line.
 *
 * It settles the contract as `settle` does, with `detail: 'participants'` (whatever `options`
 * says), then explains the one record: the amounts are the settlement's, and the explanation
 * names the fingerprints of the contract and records, which are those of the same inputs settled
 * with any detail. A claim whose line a money, payer or outcome-volume cap cut has no amount of
 * its own (`paid: null`, fate `cutInLine`): the contract cuts the line, not a participant.
 *
 * Never throws for bad data: the contract, records and options are checked as `settle` checks
 * them, and an id that no record has is `PARTICIPANT_UNKNOWN`. A record excluded as invalid is
 * explained with status `excluded` and its problems. Throws `ARGUMENT_INVALID` when
 * `participant` is not a non-empty string (a misuse, not data).
 *
 * @param contract - the contract JSON (parsed)
 * @param records - outcome records (parsed JSON objects), or what a records reader returned
 * @param participant - the participant id
 * @param options - the settlement's options (`asOf`, `previous`, `indicators`...), as for `settle`
 * @example
 * const result = explainParticipant(contractJson, recordsJson, 'P007', { asOf: '2025-06-30' });
 * if (result.ok) {
 *   for (const claim of result.value.claims) console.log(claim.rule, claim.amount, claim.fate, claim.tranche?.tranche);
 * } else if (result.issues[0]?.code === 'PARTICIPANT_UNKNOWN') console.error('no such participant');
 */
export function explainParticipant(contract: unknown, records: readonly unknown[] | RawRecords, participant: string, options: SettleOptions): Result<ParticipantExplanation> {
  if (typeof participant !== 'string' || participant === '') throw invalidArgument('explainParticipant', 'participant', 'a participant id (a non-empty string)', participant);
  const prepared = prepareSettlement(contract, options);
  if (!prepared.ok) return prepared;
  const { contract: parsed, given, options: checked } = prepared.value;
  const settled = settle(contract, records, { ...given, detail: 'participants' });
  if (!settled.ok) return settled;
  const settlement = settled.value;
  const read = recordsArgument(records);
  if (read.issue !== undefined) return fail([read.issue]);
  const validated = validateBatch(read.batch, recordContext(parsed), checked.records);
  if (!validated.ok) return fail(validated.issues);
  const head = {
    format: 'outcome-pay/participant-explanation' as const,
    formatVersion: 1 as const,
    participant,
    contract: { id: settlement.contract.id, name: settlement.contract.name, currency: settlement.contract.currency },
    asOf: settlement.asOf,
    fingerprint: { contract: settlement.fingerprint.contract, records: settlement.fingerprint.records },
    dataQuality: {
      recordsRead: settlement.dataQuality.recordsRead,
      recordsSettled: settlement.dataQuality.recordsSettled,
      recordsExcluded: settlement.dataQuality.recordsExcluded,
    },
  };
  const restated = restatementsOf(settlement.adjustments, participant);
  const zero = formatMoney(ZERO, parsed.currency);
  const none = { claimed: zero, participantCapCuts: zero, paid: zero, claimsNotAttributed: 0 };
  const record = validated.value.records.find((each) => each.id === participant);
  if (record === undefined) {
    const excluded = validated.value.excluded.filter((entry) => entry.participantId === participant);
    if (excluded.length === 0) return fail([unknownParticipant(participant, validated.value.records.length + validated.value.excluded.length)]);
    const issues: Issue[] = excluded.flatMap((entry) => entry.issues);
    return withNotices(ok({ ...head, status: 'excluded', record: null, outcomes: [], claims: [], totals: none, issues, ...restated }), settled);
  }
  const plan = buildPlan(parsed, checked.asOf, false);
  if (record.enrolledOn > plan.asOf) {
    return withNotices(ok({ ...head, status: 'notYetEnrolled', record: explainedRecord(record, parsed.currency), outcomes: [], claims: [], totals: none, issues: [] }), settled);
  }
  const resolutions = resolveRecord(record, plan.outcomes, plan.asOf);
  const claims = explainClaims(plan, settlement, record, resolutions);
  const money = (values: readonly string[]): string => formatMoney(sumAmounts(values.map((value) => parseAmount(value))), parsed.currency);
  const totals = {
    claimed: money(claims.map((claim) => claim.claimed)),
    participantCapCuts: money(claims.flatMap((claim) => claim.participantCuts.map((cut) => cut.cut))),
    paid: money(claims.flatMap((claim) => (claim.paid === null ? [] : [claim.paid]))),
    claimsNotAttributed: claims.filter((claim) => claim.paid === null).length,
  };
  const outcomes = explainOutcomes(plan.outcomes, record, resolutions, plan.asOf, plan.currency);
  return withNotices(ok({ ...head, status: 'settled', record: explainedRecord(record, parsed.currency), outcomes, claims, totals, issues: [], ...restated }), settled);
}

/** The cause lines of the adjustments that name the participant, once per tranche and line. */
function restatementsOf(adjustments: Settlement['adjustments'], participant: string): { restatements?: ExplainedRestatement[] } {
  const found: ExplainedRestatement[] = [];
  const seen = new Set<string>();
  for (const adjustment of adjustments) {
    for (const cause of adjustment.causes ?? []) {
      const key = `${adjustment.tranche}\u0000${cause.cause}\u0000${cause.rule ?? ''}`;
      if (!cause.participants.includes(participant) || seen.has(key)) continue;
      seen.add(key);
      found.push({ tranche: adjustment.tranche, cause: cause.cause, rule: cause.rule, trancheAmount: cause.trancheAmount, explanation: cause.explanation });
    }
  }
  return found.length === 0 ? {} : { restatements: found };
}

function unknownParticipant(participant: string, count: number): Issue {
  return {
    code: 'PARTICIPANT_UNKNOWN',
    path: ['participant'],
    message: `no record has the participant id ${JSON.stringify(participant)} (${count} record${count === 1 ? '' : 's'} read); ids are compared exactly, case and spaces included`,
  };
}

