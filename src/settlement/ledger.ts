/**
 * The ledger: everything settlement needs from the participants, accumulated one record at a
 * time into counts by date and aggregated claims. Its size depends on the contract (cohorts,
 * groups, outcomes, rules, distinct dates), not on the number of records, except for the
 * participant ids kept when per-participant detail is asked for. Ledgers of shards merge.
 *
 * @module
 */
import { ZERO, type Amount } from '../money/index.js';
import { ownText } from '../text/index.js';
import { DateCounts } from './date-counts.js';

/** Achieved and failed counts of one outcome, by resolution date. */
export interface OutcomeCounts {
  /** Participants who achieved it, by date achieved. */
  readonly achieved: DateCounts;
  /** Participants who failed it, by date failed. */
  readonly failed: DateCounts;
}

/** Counts for a rate: entry into the denominator, and achieved / failed while in it. */
export interface RateCounts {
  /** Participants entering the denominator, by entry date. */
  readonly denominator: DateCounts;
  /** Participants in the denominator who achieved the outcome, by the later of entry and achievement. */
  readonly achieved: DateCounts;
  /** Participants in the denominator who failed the outcome, by the later of entry and failure. */
  readonly failed: DateCounts;
}

/** The tallies of a set of participants (a cohort, or a group within a cohort). */
export interface Tally {
  /** Enrolments by date. */
  readonly enrolled: DateCounts;
  /** Per outcome (contract order). */
  readonly outcomes: readonly OutcomeCounts[];
}

/** Claims of one rule, on one date, for one amount, aggregated over participants. */
export interface ClaimBucket {
  /** Rule index. */
  readonly rule: number;
  /** Claim date. */
  readonly date: number;
  /** Amount of each claim. */
  readonly amount: Amount;
  /** Number of claims. */
  count: number;
  /** Contributing participant ids, when detail is kept. */
  readonly participants: string[] | undefined;
  /**
   * The latest (highest) index of the versions that priced its claims, when they say (a contract
   * priced by the enrolment date's version); undefined otherwise: the version in force on `date`.
   */
  version: number | undefined;
  /** The per-participant caps that cut its claims and the amount listed before them; undefined for claims no such cap cut. */
  readonly cut: ParticipantCut | undefined;
}

/** What per-participant caps did to a claim: the caps that cut it (contract ids, in the order they applied) and its amount before them. */
export interface ParticipantCut {
  /** Ids of the caps that cut the claim. */
  readonly caps: readonly string[];
  /** The claim's amount before the caps. */
  readonly listed: Amount;
}

/**
 * The claims a per-participant cap cut, of one rule and cohort on one date (each tranche reports
 * the cuts of the claims it takes).
 */
export interface CutClaims {
  /** Rule index. */
  readonly rule: number;
  /** Cohort index. */
  readonly cohort: number;
  /** Claim date. */
  readonly date: number;
  /** Claims cut. */
  count: number;
  /** What their participants had been paid under the cap before each claim, summed. */
  usedBefore: Amount;
  /** Their amounts before the cut, summed. */
  requested: Amount;
  /** What was cut, summed. */
  cut: Amount;
  /** Their participant ids, when detail is kept. */
  readonly participants: string[] | undefined;
}

/** A per-participant cap's cuts, aggregated. */
export interface ParticipantCapCuts {
  /** Claims cut, in whole or in part. */
  claims: number;
  /** The same claims by the day each cut was known (the latest day of the claims the cap had taken): what an exit clause sees on its check date. */
  readonly dates: DateCounts;
  /** Total amount cut. */
  amount: Amount;
  /** Participant ids whose claims were cut, when detail is kept. */
  readonly participants: string[] | undefined;
  /** The claims cut, by rule, cohort and date (key `cohort|rule|date`). */
  readonly byClaim: Map<string, CutClaims>;
}

/** What a hiring guarantee needs from the participants of its cohorts. */
export interface GuaranteeCounts {
  /** Participants who achieved the qualifying outcome, by date. */
  readonly qualified: DateCounts;
  /** Qualified participants placed within the guarantee's window after exit, by date. */
  readonly hired: DateCounts;
  /** Participants whose part in the guarantee is not decided yet at the as-of date. */
  undecided: number;
}

/** Everything known about one cohort's participants. */
export interface CohortLedger {
  /** The cohort's tally. */
  readonly tally: Tally;
  /** Tallies per group id. */
  readonly groups: Map<string, Tally>;
  /** Per rate specification (see rate-specs.ts). */
  readonly rates: readonly RateCounts[];
  /**
   * Per rule index: the claims at one of the rule's own prices, counted by date, while they are
   * being added (undefined when participant ids are kept, or for a rule without prices).
   * {@link claimBuckets} moves them into `claims` before reading.
   */
  readonly priced: readonly (PricedClaims | undefined)[];
  /**
   * Claims by rule and date (key `claimKey(rule, date)`); each entry holds one bucket per
   * distinct amount (usually one: the rule's price). Read them with {@link claimBuckets}.
   */
  readonly claims: Map<number, ClaimBucket[]>;
}

/**
 * The claims of one rule at its own prices (the plan's price objects, no two of equal value),
 * one histogram by date per price: nearly every claim is at a price, so adding one is a scan of
 * a few prices by identity and an array increment, with no hash lookup and no allocation.
 */
export interface PricedClaims {
  /** The rule's distinct prices. */
  readonly prices: readonly Amount[];
  /** Claims per price, by date. */
  readonly counts: readonly DateCounts[];
}

/** The ledger of a whole contract. */
export interface Ledger {
  /** Per cohort (contract order). */
  readonly cohorts: readonly CohortLedger[];
  /** Per participant cap (contract order of participant caps). */
  readonly participantCaps: readonly ParticipantCapCuts[];
  /** Per hiring guarantee (contract order). */
  readonly guarantees: readonly GuaranteeCounts[];
  /** Records accumulated. */
  participants: number;
}

function emptyTally(outcomes: number): Tally {
  return {
    enrolled: new DateCounts(),
    outcomes: Array.from({ length: outcomes }, () => ({ achieved: new DateCounts(), failed: new DateCounts() })),
  };
}

/**
 * An empty ledger for a contract's shape.
 *
 * @example
 * const ledger = emptyLedger({ cohorts: 2, outcomes: 3, rateSpecs: 1, participantCaps: 0, guarantees: 0, rulePrices: [[price]] }, false, ZERO);
 */
export function emptyLedger(
  shape: { cohorts: number; outcomes: number; rateSpecs: number; participantCaps: number; guarantees: number; rulePrices: readonly (readonly Amount[])[] },
  keepParticipants: boolean,
  zero: Amount,
): Ledger {
  return {
    cohorts: Array.from({ length: shape.cohorts }, () => ({
      tally: emptyTally(shape.outcomes),
      groups: new Map<string, Tally>(),
      rates: Array.from({ length: shape.rateSpecs }, () => ({ denominator: new DateCounts(), achieved: new DateCounts(), failed: new DateCounts() })),
      priced: keepParticipants ? [] : shape.rulePrices.map(pricedClaims),
      claims: new Map<number, ClaimBucket[]>(),
    })),
    participantCaps: Array.from({ length: shape.participantCaps }, () => ({
      claims: 0,
      dates: new DateCounts(),
      amount: zero,
      participants: keepParticipants ? [] : undefined,
      byClaim: new Map<string, CutClaims>(),
    })),
    guarantees: Array.from({ length: shape.guarantees }, () => ({ qualified: new DateCounts(), hired: new DateCounts(), undecided: 0 })),
    participants: 0,
  };
}

/**
 * The tally of a group within a cohort, created on first use.
 *
 * @example
 * groupTally(ledger.cohorts[0], 'rsa', 3).enrolled;
 */
export function groupTally(cohort: CohortLedger, group: string, outcomes: number): Tally {
  let tally = cohort.groups.get(group);
  if (tally === undefined) {
    tally = emptyTally(outcomes);
    cohort.groups.set(group, tally);
  }
  return tally;
}

/** Dates run from 0001-01-01 (day −719162) to 9999-12-31 (day 2932896): 2^22 days per rule. */
const DATE_SPAN = 4_194_304;
const DATE_OFFSET = 1_000_000;

function claimKey(rule: number, date: number): number {
  return rule * DATE_SPAN + (date + DATE_OFFSET);
}

function pricedClaims(prices: readonly Amount[]): PricedClaims | undefined {
  const distinct: Amount[] = [];
  for (const price of prices) if (!distinct.some((known) => known.equals(price))) distinct.push(price);
  return distinct.length === 0 ? undefined : { prices: distinct, counts: distinct.map(() => new DateCounts()) };
}

/** The index in `prices` of `amount`: by identity, else by value; −1 if it is none of them. */
function priceSlot(prices: readonly Amount[], amount: Amount): number {
  for (let k = 0; k < prices.length; k++) if (prices[k] === amount) return k;
  for (let k = 0; k < prices.length; k++) if ((prices[k] as Amount).equals(amount)) return k;
  return -1;
}

/**
 * Adds a claim to a cohort's buckets. Claims of the same rule, date and amount share a bucket.
 * A claim at one of the rule's prices is counted in the rule's {@link PricedClaims}; any other
 * (an amount cut by a per-participant cap, or any claim when participant ids are kept) goes to
 * its bucket at once, found by a numeric key and amounts compared by identity first. A claim that
 * names the version that priced it (`version`: pricing by the enrolment date's version) goes to
 * its bucket too, which keeps the latest such version.
 *
 * @example
 * addClaim(ledger.cohorts[0], 0, 19782, parseAmount('1500.00'), 'P001', false);
 */
export function addClaim(
  cohort: CohortLedger,
  rule: number,
  date: number,
  amount: Amount,
  participant: string,
  keepParticipants: boolean,
  version?: number,
  cut?: ParticipantCut,
): void {
  const priced = cohort.priced[rule];
  if (priced !== undefined && version === undefined && cut === undefined) {
    const slot = priceSlot(priced.prices, amount);
    if (slot >= 0) {
      (priced.counts[slot] as DateCounts).add(date);
      return;
    }
  }
  addToBucket(cohort, rule, date, amount, 1, keepParticipants ? [ownText(participant)] : undefined, version, cut); // ids kept for long: copies that hold no file text
}

/**
 * Adds `count` claims of `rule` on `date` for `amount` each to a cohort's buckets, with no
 * participant ids (claims of no one in particular: the what-if ledgers of decisionsAtRisk, the
 * summed classes of a simulation's count path), a claim naming its version as {@link addClaim}
 * does. The buckets are the same as {@link addCountedClaims} makes, without counting the claims at
 * the rule's prices by date first.
 *
 * @example
 * addClaims(ledger.cohorts[0], 0, 19782, parseAmount('1500.00'), 12);
 */
export function addClaims(cohort: CohortLedger, rule: number, date: number, amount: Amount, count: number, version?: number): void {
  addToBucket(cohort, rule, date, amount, count, undefined, version, undefined);
}

/**
 * Adds `count` claims of `rule` on `date` for `amount` each, with no participant ids, as
 * {@link addClaim} adds one: counted at the rule's price when the amount is one, else in a bucket
 * (many participants alike at once: the count path of a simulation), a claim naming its version
 * as {@link addClaim} does.
 *
 * @example
 * addCountedClaims(ledger.cohorts[0], 0, 19782, parseAmount('1500.00'), 12);
 */
export function addCountedClaims(cohort: CohortLedger, rule: number, date: number, amount: Amount, count: number, version?: number): void {
  const priced = version === undefined ? cohort.priced[rule] : undefined;
  const slot = priced === undefined ? -1 : priceSlot(priced.prices, amount);
  if (priced !== undefined && slot >= 0) (priced.counts[slot] as DateCounts).add(date, count);
  else addToBucket(cohort, rule, date, amount, count, undefined, version, undefined);
}

/**
 * Adds `count` claims (and their participants, if kept) to the bucket of `rule`, `date`, `amount`
 * and per-participant cut (claims cut alike share a bucket, apart from those at the same amount
 * that no cap cut); the bucket keeps the latest `version` of its claims that name one.
 */
function addToBucket(
  cohort: CohortLedger,
  rule: number,
  date: number,
  amount: Amount,
  count: number,
  participants: string[] | undefined,
  version: number | undefined,
  cut: ParticipantCut | undefined,
): void {
  const key = claimKey(rule, date);
  const list = cohort.claims.get(key);
  const bucket = list === undefined ? undefined : findBucket(list, amount, cut);
  if (bucket === undefined) {
    const created: ClaimBucket = { rule, date, amount, count, participants, version, cut };
    if (list === undefined) cohort.claims.set(key, [created]);
    else list.push(created);
    return;
  }
  bucket.count += count;
  if (participants !== undefined) bucket.participants?.push(...participants);
  if (version !== undefined && (bucket.version === undefined || version > bucket.version)) bucket.version = version;
}

/**
 * Moves the counted claims at the rules' prices into the buckets (adding to a bucket already
 * there for the same rule, date and amount), so that every claim is in a bucket. Buckets keep
 * their identity: a bucket read before more claims were added is the one they are added to.
 */
function bucketPriced(cohort: CohortLedger): void {
  for (let rule = 0; rule < cohort.priced.length; rule++) {
    const priced = cohort.priced[rule];
    if (priced === undefined) continue;
    priced.counts.forEach((counts, slot) => {
      const price = priced.prices[slot] as Amount;
      counts.forEach((date, count) => { addToBucket(cohort, rule, date, price, count, undefined, undefined, undefined); });
      counts.clear();
    });
  }
}

/** Whether two claims were cut alike: by the same caps, from the same amount (or neither cut). */
function sameCut(a: ParticipantCut | undefined, b: ParticipantCut | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.listed.equals(b.listed) && a.caps.length === b.caps.length && a.caps.every((cap, k) => cap === b.caps[k]);
}

function findBucket(list: readonly ClaimBucket[], amount: Amount, cut: ParticipantCut | undefined): ClaimBucket | undefined {
  for (let k = 0; k < list.length; k++) {
    const bucket = list[k] as ClaimBucket;
    if (bucket.amount === amount && sameCut(bucket.cut, cut)) return bucket;
  }
  for (let k = 0; k < list.length; k++) {
    const bucket = list[k] as ClaimBucket;
    if (bucket.amount.equals(amount) && sameCut(bucket.cut, cut)) return bucket;
  }
  return undefined;
}

/**
 * Records that a per-participant cap cut a claim of `rule` and `cohort` on `date` from `requested`
 * to `paid`, its participant having been paid `usedBefore` under the cap before it.
 *
 * @example
 * addCutClaim(ledger.participantCaps[0], 0, 1, 19782, parseAmount('1000.00'), parseAmount('800.00'), parseAmount('200.00'), 'P001');
 */
export function addCutClaim(cuts: ParticipantCapCuts, rule: number, cohort: number, date: number, usedBefore: Amount, requested: Amount, paid: Amount, participant: string): void {
  cuts.claims += 1;
  const cut = requested.minus(paid);
  cuts.amount = cuts.amount.plus(cut);
  if (cuts.participants !== undefined) cuts.participants.push(ownText(participant)); // kept for long: a copy that holds no file text
  mergeCutClaims(cuts, { rule, cohort, date, count: 1, usedBefore, requested, cut, participants: cuts.participants === undefined ? undefined : [ownText(participant)] });
}

/** Adds the cut claims `from` (of one rule, cohort and date) to a cap's record of them. */
function mergeCutClaims(cuts: ParticipantCapCuts, from: CutClaims): void {
  const key = `${from.cohort}|${from.rule}|${from.date}`;
  const known = cuts.byClaim.get(key);
  if (known === undefined) {
    cuts.byClaim.set(key, { ...from, participants: from.participants === undefined ? undefined : [...from.participants] });
    return;
  }
  known.count += from.count;
  known.usedBefore = known.usedBefore.plus(from.usedBefore);
  known.requested = known.requested.plus(from.requested);
  known.cut = known.cut.plus(from.cut);
  if (from.participants !== undefined) known.participants?.push(...from.participants);
}

/**
 * Every claim bucket of a cohort (first moving the claims counted at the rules' prices into
 * their buckets).
 *
 * @example
 * for (const bucket of claimBuckets(ledger.cohorts[0])) console.log(bucket.rule, bucket.count);
 */
export function* claimBuckets(cohort: CohortLedger): Generator<ClaimBucket> {
  bucketPriced(cohort);
  for (const list of cohort.claims.values()) yield* list;
}

function clearTally(tally: Tally): void {
  tally.enrolled.clear();
  for (const counts of tally.outcomes) {
    counts.achieved.clear();
    counts.failed.clear();
  }
}

/**
 * Empties a ledger without participant ids for another set of participants, keeping the arrays
 * its counts already hold (a simulation's runs refill one ledger): afterwards every count reads
 * as in {@link emptyLedger}; the group tallies met so far stay, empty (a report would list them).
 *
 * @example
 * clearLedger(ledger); // as emptyLedgerOf(plan, false), with its arrays kept
 */
export function clearLedger(ledger: Ledger): void {
  ledger.participants = 0;
  for (const cohort of ledger.cohorts) {
    clearTally(cohort.tally);
    for (const tally of cohort.groups.values()) clearTally(tally);
    for (const rate of cohort.rates) {
      rate.denominator.clear();
      rate.achieved.clear();
      rate.failed.clear();
    }
    for (const priced of cohort.priced) for (const counts of priced?.counts ?? []) counts.clear();
    cohort.claims.clear();
  }
  for (const cuts of ledger.participantCaps) {
    if (cuts.participants !== undefined) throw new Error('outcome-pay internal error: clearLedger on a ledger that keeps participant ids');
    cuts.claims = 0;
    cuts.dates.clear();
    cuts.amount = ZERO;
    cuts.byClaim.clear();
  }
  for (const counts of ledger.guarantees) {
    counts.qualified.clear();
    counts.hired.clear();
    counts.undecided = 0;
  }
}

function copyTally(tally: Tally): Tally {
  return { enrolled: tally.enrolled.copy(), outcomes: tally.outcomes.map((counts) => ({ achieved: counts.achieved.copy(), failed: counts.failed.copy() })) };
}

/**
 * A copy of a ledger's counts and claims, without participant ids, changed independently from
 * now on (the what-if ledgers of decisionsAtRisk start from one). Typed arrays are copied whole:
 * far quicker than merging into an empty ledger.
 *
 * @example
 * const whatIf = copyLedger(ledger);
 */
export function copyLedger(ledger: Ledger): Ledger {
  return {
    cohorts: ledger.cohorts.map((cohort) => {
      const claims = new Map<number, ClaimBucket[]>();
      for (const [key, list] of cohort.claims) claims.set(key, list.map((bucket) => ({ rule: bucket.rule, date: bucket.date, amount: bucket.amount, count: bucket.count, participants: undefined, version: bucket.version, cut: bucket.cut })));
      return {
        tally: copyTally(cohort.tally),
        groups: new Map([...cohort.groups].map(([group, tally]) => [group, copyTally(tally)])),
        rates: cohort.rates.map((rate) => ({ denominator: rate.denominator.copy(), achieved: rate.achieved.copy(), failed: rate.failed.copy() })),
        priced: cohort.priced.map((priced) => (priced === undefined ? undefined : { prices: priced.prices, counts: priced.counts.map((counts) => counts.copy()) })),
        claims,
      };
    }),
    participantCaps: ledger.participantCaps.map((cuts) => ({
      claims: cuts.claims,
      dates: cuts.dates.copy(),
      amount: cuts.amount,
      participants: undefined,
      byClaim: new Map([...cuts.byClaim].map(([key, claims]) => [key, { ...claims, participants: undefined }])),
    })),
    guarantees: ledger.guarantees.map((counts) => ({ qualified: counts.qualified.copy(), hired: counts.hired.copy(), undecided: counts.undecided })),
    participants: ledger.participants,
  };
}

function mergeTally(into: Tally, from: Tally): void {
  into.enrolled.merge(from.enrolled);
  from.outcomes.forEach((counts, index) => {
    const target = into.outcomes[index];
    if (target === undefined) return;
    target.achieved.merge(counts.achieved);
    target.failed.merge(counts.failed);
  });
}

/**
 * Merges `from` into `into`: the ledger of two shards of records is the ledger of all of them.
 * Both must come from the same compiled contract.
 *
 * @example
 * mergeLedger(left, right); // left now holds both shards
 */
export function mergeLedger(into: Ledger, from: Ledger): void {
  into.participants += from.participants;
  from.cohorts.forEach((cohort, index) => {
    const target = into.cohorts[index];
    if (target === undefined) return;
    mergeTally(target.tally, cohort.tally);
    for (const [group, tally] of cohort.groups) mergeTally(groupTally(target, group, tally.outcomes.length), tally);
    cohort.rates.forEach((rate, r) => {
      const targetRate = target.rates[r];
      if (targetRate === undefined) return;
      targetRate.denominator.merge(rate.denominator);
      targetRate.achieved.merge(rate.achieved);
      targetRate.failed.merge(rate.failed);
    });
    for (const bucket of claimBuckets(cohort)) {
      addToBucket(target, bucket.rule, bucket.date, bucket.amount, bucket.count, bucket.participants === undefined ? undefined : [...bucket.participants], bucket.version, bucket.cut);
    }
  });
  from.guarantees.forEach((counts, index) => {
    const target = into.guarantees[index];
    if (target === undefined) return;
    target.qualified.merge(counts.qualified);
    target.hired.merge(counts.hired);
    target.undecided += counts.undecided;
  });
  from.participantCaps.forEach((cuts, index) => {
    const target = into.participantCaps[index];
    if (target === undefined) return;
    target.claims += cuts.claims;
    target.dates.merge(cuts.dates);
    target.amount = target.amount.plus(cuts.amount);
    if (cuts.participants !== undefined) target.participants?.push(...cuts.participants);
    for (const claims of cuts.byClaim.values()) mergeCutClaims(target, claims);
  });
}

