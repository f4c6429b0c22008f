/**
 * A settlement in progress: records are added one at a time (or shards merged), then the
 * settlement is computed. `settle` uses it for arrays; streaming readers feed it directly.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import type { Issue } from '../errors.js';
import { ZERO } from '../money/index.js';
import type { OutcomeRecord } from '../records/index.js';
import { fail, ok, type Result } from '../result.js';
import { VERSION } from '../version.js';
import { accumulate } from './accumulate.js';
import { canonicalJson } from './canonical-json.js';
import { emptyLedger, mergeLedger, type Ledger } from './ledger.js';
import type { CheckedOptions } from './options.js';
import { buildPlan, type SettlementPlan } from './plan.js';
import type { PreviousPayments } from './previous.js';
import { addToDigest, digestText, emptyDigest, mergeDigest, type RecordDigest } from './record-digest.js';
import { buildSettlement } from './report.js';
import { runSchedule } from './run.js';
import { createSha256, sha256Hex } from './sha256.js';
import type { Settlement, SettlementDataQuality } from './types.js';

/**
 * An open settlement: add validated records, merge shards, then finish.
 *
 * @example
 * const session = openSession(contract, options, previous);
 * for (const record of records) session.add(record);
 * const result = session.finish(dataQuality, optionsFingerprint);
 */
export interface SettlementSession {
  /** Adds one validated record. */
  add(record: OutcomeRecord): void;
  /** Adds everything another session (of the same contract and options) has seen. */
  merge(other: SettlementSession): void;
  /** Computes the settlement. */
  finish(dataQuality: SettlementDataQuality, optionsText: string): Result<Settlement>;
  /** The ledger so far (for merging and tests). */
  readonly ledger: Ledger;
  /** The record digest so far. */
  readonly digest: RecordDigest;
}

/**
 * Opens a settlement session for a validated contract and checked options.
 *
 * @example
 * const session = openSession(contract, checked, { paid: new Map(), tranches: [], fingerprints: [] });
 */
export function openSession(contract: Contract, options: CheckedOptions, previous: PreviousPayments): SettlementSession {
  const plan: SettlementPlan = buildPlan(contract, options.asOf, options.keepParticipants);
  const ledger = emptyLedger(
    {
      cohorts: contract.cohorts.length,
      outcomes: contract.outcomes.length,
      rateSpecs: plan.rateSpecs.length,
      participantCaps: plan.participantCaps.length,
      guarantees: plan.guarantees.length,
    },
    options.keepParticipants,
    ZERO,
  );
  const digest = emptyDigest();
  return {
    ledger,
    digest,
    add(record) {
      addToDigest(digest, record);
      accumulate(plan, ledger, record);
    },
    merge(other) {
      mergeLedger(ledger, other.ledger);
      mergeDigest(digest, other.digest);
    },
    finish(dataQuality, optionsText) {
      const run = runSchedule(plan, ledger, options.indicators);
      if (run.problems.length > 0) return fail(run.problems.map((problem): Issue => ({ ...problem })));
      const contractHash = sha256Hex(canonicalJson(contract));
      const recordsHash = recordsFingerprint(digestText(digest), dataQuality.issues);
      const optionsHash = sha256Hex(optionsText);
      const fingerprint = {
        inputs: sha256Hex(`outcome-pay ${VERSION}|${contractHash}|${recordsHash}|${optionsHash}`),
        contract: contractHash,
        records: recordsHash,
        options: optionsHash,
      };
      return ok(buildSettlement({ plan, ledger, run, previous, dataQuality, fingerprint }));
    },
  };
}

/**
 * The records' fingerprint: the SHA-256 of the digest text, `|`, and the canonical JSON of the
 * list of `[code, recordIndex, participantId]` of every issue. Hashed one issue at a time: the
 * same bytes as the whole text, without building it (at 50,000 issues, it and its pieces would
 * be some 15 MB at once).
 */
function recordsFingerprint(digest: string, issues: readonly Issue[]): string {
  const hash = createSha256();
  hash.update(`${digest}|[`);
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    hash.update(`${i === 0 ? '' : ','}${canonicalJson([issue.code, issue.recordIndex ?? null, issue.participantId ?? null])}`);
  }
  hash.update(']');
  return hash.hex();
}
