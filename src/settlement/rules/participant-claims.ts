/**
 * Lines from participant claims, shared by the rules that pay per participant (rate card,
 * sustainment, per-start fee): a tranche takes the claims of its rule and cohorts dated after the
 * previous tranche that took them and on or before its own measurement date, grouped into one
 * line per unit amount. An outcome-volume cap pays the earliest claims first.
 *
 * @module
 */
import { formatDate } from '../../calendar/index.js';
import { versionAt, type Contract, type ContractVersion, type PaymentRule } from '../../contract/index.js';
import { formatDecimal, roundMoney, ratioOf, ratioTimes, roundRatioMoney, type Amount } from '../../money/index.js';
import { allotShares, type ShareAllotment, type ShareCapCohort, type ShareCapPlan } from '../caps/share-caps.js';
import { claimBuckets, type ClaimBucket, type Ledger, type ParticipantCut } from '../ledger.js';
import type { Line } from '../lines.js';
import { priceFactor, reducedBy } from './price-reductions.js';
import { NO_INPUTS, type RuleTerms, type RunState, type TrancheRun } from './rule-module.js';

/** How a derived unit amount was worked out, for the audit text of the lines that pay it. */
export interface UnitDerivation {
  /** Inputs added to the line (`listPrice`, `multiplier`, `unrounded`, ...). */
  readonly inputs: Readonly<Record<string, string>>;
  /** The derivation in words, added to the formula. */
  readonly text: string;
}

/** How a rule's claim lines are worded. */
export interface ClaimWording {
  /** The outcome the lines pay for, or null (fees). */
  readonly outcome: string | null;
  /** What `count` claims are, in words (`3 starts`, `1 participant who achieved placement`). */
  readonly what: (count: number) => string;
  /** How a claim amount was derived, when the lines must show it (read only when lines are explained); undefined: never shown. */
  readonly derivation: ((amount: Amount) => UnitDerivation | undefined) | undefined;
}

/** A window of claim dates: after `after`, on or before `upTo`. */
interface Window {
  readonly after: number;
  readonly upTo: number;
}

/**
 * The smallest outcome-volume cap on the rule `ruleId`, in claims, or undefined when none caps it.
 *
 * @example
 * volumeTarget(contract, 'placement-fee'); // 120
 */
export function volumeTarget(contract: Contract, ruleId: string): number | undefined {
  let target: number | undefined;
  for (const cap of contract.caps ?? []) {
    if (cap.kind === 'outcomeVolume' && cap.rule === ruleId) target = Math.min(target ?? cap.targetUnits, cap.targetUnits);
  }
  return target;
}

function bucketsIn(ledger: Ledger, cohort: number, rule: number, window: Window): ClaimBucket[] {
  const cohortLedger = ledger.cohorts[cohort];
  const buckets: ClaimBucket[] = [];
  if (cohortLedger === undefined) return buckets;
  for (const bucket of claimBuckets(cohortLedger)) {
    if (bucket.rule === rule && bucket.date > window.after && bucket.date <= window.upTo) buckets.push(bucket);
  }
  return buckets;
}

/**
 * Allots an outcome-volume cap's remaining units to the claims of `rule` that a tranche takes,
 * over all its cohorts together: earliest first (same day: larger amount first, then cohort
 * order), so a later claim in one cohort never takes a unit from an earlier claim in another.
 * Claims a share cap cut (`kept`) are not offered.
 */
function allotVolume(
  ledger: Ledger,
  state: RunState,
  rule: number,
  target: number,
  windows: readonly { readonly cohort: number; readonly window: Window }[],
  kept: ReadonlyMap<ClaimBucket, number> | undefined,
): Map<ClaimBucket, number> {
  const taken: { bucket: ClaimBucket; cohort: number }[] = [];
  for (const { cohort, window } of windows) for (const bucket of bucketsIn(ledger, cohort, rule, window)) taken.push({ bucket, cohort });
  taken.sort((a, b) => a.bucket.date - b.bucket.date || b.bucket.amount.comparedTo(a.bucket.amount) || a.cohort - b.cohort);
  const allotted = new Map<ClaimBucket, number>();
  let used = state.volumeUsed.get(rule) ?? 0;
  let cut = 0;
  for (const { bucket } of taken) {
    const offered = kept?.get(bucket) ?? bucket.count;
    const allowed = Math.max(0, Math.min(offered, target - used));
    allotted.set(bucket, allowed);
    used += allowed;
    cut += offered - allowed;
  }
  state.volumeUsed.set(rule, used);
  if (cut > 0) state.volumeCuts.set(rule, (state.volumeCuts.get(rule) ?? 0) + cut);
  return allotted;
}

interface UnitEntry {
  /**
   * The index of the latest version that priced its claims (amended contracts: the one each
   * bucket names, else the one in force on its date), else −1.
   */
  version: number;
  readonly unit: Amount;
  readonly base: Amount;
  readonly reducedBy: readonly string[];
  /**
   * The claims per-participant caps cut to this amount, by amount before and caps (empty: none
   * was cut), in the order first met; a line may also hold claims listed at this amount.
   */
  readonly cuts: Map<string, CutGroup>;
  readonly participants: string[] | undefined;
  /** The version index of each of `participants` (amended contracts with participants only). */
  readonly participantVersions: number[] | undefined;
  readonly cutParticipants: string[];
  claims: number;
  volumeCut: number;
  shareCut: number;
}

function cohortClaimLines(
  terms: RuleTerms,
  rule: PaymentRule,
  index: number,
  wording: ClaimWording,
  tranche: TrancheRun,
  cohort: number,
  window: Window,
  allotted: ReadonlyMap<ClaimBucket, number> | undefined,
  shared: ShareAllotment | undefined,
): Line[] {
  const buckets = bucketsIn(tranche.ledger, cohort, index, window);
  buckets.sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount));
  const reductions = tranche.state.reductions;
  const versions = terms.versions;
  const byUnit = new Map<string, UnitEntry>();
  for (const bucket of buckets) {
    const afterShare = shared?.kept.get(bucket) ?? bucket.count;
    const count = allotted === undefined ? afterShare : (allotted.get(bucket) ?? 0);
    const factor = priceFactor(reductions, index, bucket.date);
    const unit = factor === undefined ? bucket.amount : roundRatioMoney(ratioTimes(ratioOf(bucket.amount), factor), terms.currency, terms.rounding);
    const version = versions === undefined ? -1 : (bucket.version ?? versionAt(versions, bucket.date));
    // one line per price, whatever the version (versions that price alike share a line, so an
    // amendment that restates the terms pays exactly as none: nothing rounded per line moves);
    // the line names the latest version that priced its claims
    // claims a per-participant cap cut to this amount share the line of the amount (the line is
    // what a money cap without partial payment takes whole claims from: splitting it would change
    // what such a cap pays); the line names the caps and the amounts before, with their counts
    const key = `${bucket.amount.toFixed()}|${unit.toFixed()}`;
    let entry = byUnit.get(key);
    if (entry === undefined) {
      entry = {
        version,
        unit,
        base: bucket.amount,
        reducedBy: factor === undefined ? [] : reducedBy(reductions, index, bucket.date),
        cuts: new Map(),
        participants: bucket.participants === undefined ? undefined : [],
        participantVersions: bucket.participants === undefined || versions === undefined ? undefined : [],
        cutParticipants: [],
        claims: 0,
        volumeCut: 0,
        shareCut: 0,
      };
      byUnit.set(key, entry);
    }
    if (version > entry.version) entry.version = version;
    entry.claims += count;
    if (bucket.cut !== undefined && count > 0) addCut(entry.cuts, bucket.cut, count);
    entry.shareCut += bucket.count - afterShare;
    entry.volumeCut += afterShare - count;
    const shareCut = shared?.cutParticipants.get(bucket);
    if (shareCut === undefined) {
      if (bucket.participants !== undefined) paidParticipants(entry, bucket.participants, version);
    } else {
      // the participants a share cap cut are named apart from those paid
      const cutIds = new Set(shareCut);
      paidParticipants(entry, (bucket.participants ?? []).filter((id) => !cutIds.has(id)), version);
      entry.cutParticipants.push(...shareCut);
    }
  }
  const lines: Line[] = [];
  const explain = tranche.state.explain;
  for (const entry of byUnit.values()) {
    if (entry.claims === 0 && entry.volumeCut === 0 && entry.shareCut === 0) continue;
    const exact = entry.unit.times(entry.claims);
    const amount = roundMoney(exact, terms.currency, terms.rounding);
    const line = {
      rule: rule.id,
      kind: rule.kind,
      cohort: terms.contract.cohorts[cohort]?.id ?? null,
      outcome: wording.outcome,
      claims: entry.claims,
      unit: entry.unit,
      inputs: NO_INPUTS,
      formula: '',
      exact,
      amount,
      paid: amount,
      participants: entry.participants?.slice().sort(),
      ...(versions === undefined ? {} : { version: (versions[entry.version] as ContractVersion).id, ...eachVersion(entry, versions) }),
    };
    lines.push(explain ? { ...line, ...claimText(entry, window, wording, shared?.cohorts.get(cohort)) } : line);
  }
  return lines;
}

/** The claims of a line that per-participant caps cut from one amount. */
interface CutGroup {
  readonly listed: Amount;
  readonly caps: readonly string[];
  claims: number;
}

/** Counts `count` claims cut as `cut` says into a line's cut groups. */
function addCut(groups: Map<string, CutGroup>, cut: ParticipantCut, count: number): void {
  const key = `${cut.listed.toFixed()}|${JSON.stringify(cut.caps)}`;
  const group = groups.get(key);
  if (group === undefined) groups.set(key, { listed: cut.listed, caps: cut.caps, claims: count });
  else group.claims += count;
}

/** Adds the participants paid from a bucket to a line's entry, with the version that priced them (amended contracts). */
function paidParticipants(entry: UnitEntry, ids: readonly string[], version: number): void {
  entry.participants?.push(...ids);
  if (entry.participantVersions !== undefined) for (let i = 0; i < ids.length; i += 1) entry.participantVersions.push(version);
}

/**
 * The version of each participant of a line whose claims more than one version priced (alike), in
 * the order of its sorted participants; else nothing (the line's version is every participant's).
 */
function eachVersion(entry: UnitEntry, versions: readonly ContractVersion[]): { participantVersions?: string[] } {
  const ids = entry.participants;
  const indexes = entry.participantVersions;
  if (ids === undefined || indexes === undefined || indexes.every((index) => index === entry.version)) return {};
  const pairs = ids.map((id, i) => ({ id, version: (versions[indexes[i] as number] as ContractVersion).id }));
  pairs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { participantVersions: pairs.map((pair) => pair.version) };
}

/** The audit text of a claim line: its inputs and formula. */
function claimText(entry: UnitEntry, window: Window, wording: ClaimWording, share: ShareCapCohort | undefined): Pick<Line, 'inputs' | 'formula'> {
  const inputs: Record<string, string | number> = {
    claims: entry.claims,
    unit: formatDecimal(entry.unit),
    claimedAfter: Number.isFinite(window.after) ? formatDate(window.after as never) : 'start',
    claimedUpTo: formatDate(window.upTo as never),
  };
  if (entry.volumeCut > 0) inputs['cutByVolumeCap'] = entry.volumeCut;
  if (entry.reducedBy.length > 0) {
    inputs['basePrice'] = formatDecimal(entry.base);
    inputs['reducedBy'] = entry.reducedBy.join(',');
  }
  const cuts = [...entry.cuts.values()];
  const only = cuts.length === 1 && cuts[0]?.claims === entry.claims ? cuts[0] : undefined;
  const derived = wording.derivation?.(only?.listed ?? entry.base);
  if (derived !== undefined) Object.assign(inputs, derived.inputs);
  const notes: string[] = derived === undefined ? [] : [derived.text];
  if (only !== undefined) {
    // every claim of the line cut from one amount by the same caps
    inputs['listUnit'] = formatDecimal(only.listed);
    inputs['participantCaps'] = only.caps.join(',');
    notes.push(`${formatDecimal(only.listed)} cut to ${formatDecimal(entry.base)} by participant cap ${only.caps.join(', ')}`);
  } else if (cuts.length > 0) {
    // some claims cut from other amounts, or some not cut: each group counted
    inputs['listUnit'] = cuts.map((group) => formatDecimal(group.listed)).join(',');
    inputs['participantCaps'] = cuts.map((group) => group.caps.join('+')).join(',');
    inputs['cutClaims'] = cuts.map((group) => String(group.claims)).join(',');
    for (const group of cuts) {
      notes.push(`${group.claims} of ${entry.claims} at ${formatDecimal(group.listed)} cut to ${formatDecimal(entry.base)} by participant cap ${group.caps.join(', ')}`);
    }
  }
  if (share !== undefined) {
    Object.assign(inputs, {
      shareCap: share.cap.id,
      share: share.cap.written,
      shareRounding: share.cap.rounding,
      cohortParticipants: share.participants,
      payable: share.payable,
      paidBefore: share.paidBefore,
      achieved: share.achieved,
    });
    if (entry.shareCut > 0) inputs['cutByShareCap'] = entry.shareCut;
    if (entry.cutParticipants.length > 0) inputs['cutParticipants'] = entry.cutParticipants.sort().join(',');
    notes.push(
      `share cap ${share.cap.id}: ${share.cap.written} × ${share.participants} participants rounded ${share.cap.rounding} = ${share.payable} payable, ` +
        `${share.paidBefore} paid before, ${share.achieved} achieved in this tranche, ${entry.shareCut} of this line cut`,
    );
  }
  const formula = `${entry.claims} ${wording.what(entry.claims)} × ${formatDecimal(entry.unit)}`;
  return { inputs, formula: notes.length === 0 ? formula : `${formula} (${notes.join('; ')})` };
}

/**
 * The lines a tranche pays from the participant claims of rule `index`, one per cohort and unit
 * amount, taking the claims dated since the rule's previous tranche for each cohort. With
 * `tranche.advance`, the claims taken are marked as paid (the watermarks move).
 *
 * @example
 * participantClaimLines(terms, rule, 0, { outcome: 'placement', what: (n) => `${n === 1 ? 'participant' : 'participants'} who achieved placement`, derivation: undefined }, undefined, tranche);
 */
export function participantClaimLines(
  terms: RuleTerms,
  rule: PaymentRule,
  index: number,
  wording: ClaimWording,
  target: number | undefined,
  tranche: TrancheRun,
  shares: readonly ShareCapPlan[] = [],
): Line[] {
  const watermark = tranche.state.watermark;
  const windows = tranche.cohorts.map((cohort) => ({ cohort, window: { after: watermark.get(`${index}|${cohort}`) ?? -Infinity, upTo: tranche.measuredOn } }));
  // an outcome-volume cap takes the earliest claims over all the tranche's cohorts, not cohort by cohort
  // share caps first, cohort by cohort; an outcome-volume cap then takes from the claims they keep
  const shared = shares.length === 0 ? undefined : allotShares(tranche.ledger, tranche.state, index, shares, windows, (cohort, window) => bucketsIn(tranche.ledger, cohort, index, window));
  const allotted = target === undefined ? undefined : allotVolume(tranche.ledger, tranche.state, index, target, windows, shared?.kept);
  const lines: Line[] = [];
  for (const { cohort, window } of windows) {
    lines.push(...cohortClaimLines(terms, rule, index, wording, tranche, cohort, window, allotted, shared));
    if (tranche.advance) watermark.set(`${index}|${cohort}`, tranche.measuredOn);
  }
  return lines;
}

/**
 * Counted wording: `1 start`, `2 starts`.
 *
 * @example
 * counted('start', 'starts')(2); // 'starts'
 */
export function counted(one: string, many: string): (count: number) => string {
  return (count) => (count === 1 ? one : many);
}
