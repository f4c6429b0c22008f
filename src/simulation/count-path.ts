/**
 * The count path: a run drawn as counts of participants alike rather than participant by
 * participant, with the same distribution as the participant path, fed into the same ledger and
 * read by the same rules (docs/simulation.md, "Two ways to draw a run").
 *
 * Once per simulation, every way a participant's draws can fall is worked out exactly from the
 * assumptions' timings (enrolment day, days to exit, days to each milestone and placement: all
 * uniform or fixed) and resolved by the real resolver on the synthetic record the participant path
 * would write. Two participants are alike when each of their outcomes resolves the same way in the
 * same **period** between the contract's dates (every date the contract names, and the day before
 * it, and the as-of date): the settlement compares a participant's dates only with these (a
 * claim's window, a tranche's measurement, an exit check), and a latest-of or the rates' entry
 * dates keep the order of periods, so alike participants are paid alike. A class is dated by the
 * last day of its period.
 *
 * Each run then draws, per cohort: the participants of each group mix part (multinomial), the
 * outcomes chained as the participant path draws them (binomials: each milestone; placement; the
 * first retention given placement, the next given the one before; each wage progression given
 * placement), and for each combination of outcomes the classes of its timings (multinomial); each
 * class is added to the ledger once with its count (`accumulateResolved`).
 *
 * @module
 */
import { addDaysUnbounded, durationLater, parseDate, type CalendarDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import { resolveRecord, type Resolution } from '../outcomes/index.js';
import type { OutcomeRecord, RecordEvent, WageObservation } from '../records/index.js';
import { addClaims, resolvedIncrements, type Claim, type DateCounts, type Ledger, type SettlementPlan } from '../settlement/index.js';
import type { Assumptions, DaysDistribution } from './assumptions.js';
import { randomCounts, conditionalShares, type CountDraws } from './binomial.js';
import { placementSpell, type ParticipantModel, type PlacementPlan, type Profile, type RunProbabilities } from './participants.js';
import type { Stream } from './random.js';

/** Participants alike: the record the claims read, its resolutions, and how likely it is. */
interface Cell {
  readonly record: OutcomeRecord;
  readonly resolutions: readonly Resolution[];
}

/** The classes of one combination of outcomes, and the conditional shares that split its count over them. */
interface Leaf {
  readonly cells: readonly Cell[];
  readonly conditional: readonly number[];
}

/** One group mix part of one cohort: a leaf per combination of outcomes. */
interface ProfileCells {
  readonly leaves: readonly (Leaf | undefined)[];
}

/** A class as a run adds it: the numbers of the histogram days and claims its participants add to (see {@link Targets}). */
interface CompiledCell {
  readonly counts: Int32Array;
  readonly claims: Int32Array;
}

/** The classes of one combination of outcomes as a run adds them. */
interface CompiledLeaf {
  readonly cells: readonly CompiledCell[];
  readonly conditional: readonly number[];
}

/** What the count path draws from, prepared once. */
export interface CountModel {
  readonly cohorts: readonly { readonly size: number; readonly profiles: readonly { readonly leaves: readonly (CompiledLeaf | undefined)[] }[] }[];
  /** The ledger the classes were worked out for, and the histogram days and claims they add to. */
  readonly ledger: Ledger;
  readonly targets: Targets;
  /** The share of each group mix part, as conditional shares for the multinomial. */
  readonly profileShares: readonly number[];
  readonly milestones: readonly number[];
  readonly placement: PlacementPlan | undefined;
}

const MAX_MILESTONES = 3;
const SIGNATURE_RADIX = 256;

/**
 * Why a contract and its assumptions need the participant path, or undefined when the count path
 * applies: every payment must depend on counts per cohort, group, outcome and period only.
 *
 * @example
 * countPathBlocker(contract, assumptions, model); // undefined, or "cap cap-participant (participant) ..."
 */
export function countPathBlocker(contract: Contract, assumptions: Assumptions, model: ParticipantModel): string | undefined {
  for (const cap of contract.caps ?? []) {
    if (cap.kind === 'participant') return `cap ${cap.id} (participant) limits what each participant is paid`;
    if (cap.kind === 'share') return `cap ${cap.id} (share) chooses the participants a rate card pays`;
    if (cap.kind === 'outcomeVolume') return `cap ${cap.id} (outcomeVolume) pays the first claims in date order`;
  }
  for (const rule of contract.rules) if (rule.kind === 'sustainment') return `rule ${rule.id} (sustainment) pays each participant's periods in work`;
  if ((contract.hiringGuarantees ?? []).length > 0) return 'a hiring guarantee follows each participant from exit';
  if (model.placements.length > 1) return 'more than one placement outcome (each participant holds several jobs)';
  if (model.milestones.length > MAX_MILESTONES) return `more than ${MAX_MILESTONES} milestones`;
  if (new Set(model.milestones.map((milestone) => milestone.event)).size < model.milestones.length) return 'two milestones on the same event';
  if (model.placements.some((placement) => placement.mixedUnits)) return 'retentions in months and in weeks or days (their order depends on each job start)';
  if (assumptions.jobDays !== undefined) return 'jobDays is given (how long each job lasts)';
  if (model.quarters.length > 0) return 'an outcome in a quarter after exit (each participant gets wage records)';
  return undefined;
}

/** The values of a days distribution and their probabilities. */
function support(distribution: DaysDistribution | undefined): { readonly values: readonly number[]; readonly p: number } {
  if (distribution === undefined) return { values: [0], p: 1 };
  if (typeof distribution === 'number') return { values: [distribution], p: 1 };
  const { min, max } = distribution.uniform;
  return { values: Array.from({ length: max - min + 1 }, (_, k) => min + k), p: 1 / (max - min + 1) };
}

/**
 * The ends of the periods: every date the settlement compares a participant's dates with (each
 * tranche's measurement date, each exit clause's check date, the day before each phase of a start
 * fee and before each amendment's effective date, each verification date of a results indicator
 * counting participants, each minimum performance review and enrolment date) and the as-of date. The comparisons
 * are all "on or before" such a date (a tally up to it, a claim window after one and up to the
 * next), so two days in the same period compare alike with all of them.
 */
function periodEnds(contract: Contract, asOf: number): number[] {
  const dates = new Set<number>([asOf, ...contract.tranches.map((tranche) => parseDate(tranche.measuredOn)), ...(contract.exitClauses ?? []).map((clause) => parseDate(clause.checkOn))]);
  // a start fee phased by enrolment date compares the enrolment with each phase's start: "on or after from" is "after from − 1"
  for (const rule of contract.rules) if (rule.kind === 'fee' && rule.charge.kind === 'perStart') for (const phase of rule.charge.phases ?? []) dates.add(parseDate(phase.from) - 1);
  // an amended contract prices a claim by the version in force on its day: "on or after effectiveFrom" is "after effectiveFrom − 1"
  for (const amendment of contract.amendments?.versions ?? []) dates.add(parseDate(amendment.effectiveFrom) - 1);
  // a results indicator counting participants counts those who achieved its outcome by each verification date
  for (const rule of contract.rules) if (rule.kind === 'resultsIndicator' && rule.participants !== undefined) for (const period of rule.periods) dates.add(parseDate(period.verifiedOn));
  // a minimum performance level compares achievements with its review dates, enrolments with its enrolment date
  for (const level of contract.minimumPerformance ?? []) {
    for (const review of level.reviewOn) dates.add(parseDate(review));
    if (level.enrolledBy !== undefined) dates.add(parseDate(level.enrolledBy));
  }
  return [...dates].sort((a, b) => a - b);
}

/** The id of `key` in `ids`, numbered in order of first use; a new key's value is appended to `values`. */
function intern<T>(ids: Map<string, number>, values: T[], key: string, value: T): number {
  const known = ids.get(key);
  if (known !== undefined) return known;
  ids.set(key, values.length);
  values.push(value);
  return values.length - 1;
}

/** Interns the ways one part of a record resolves, by status and period. */
class Signatures {
  readonly resolutions: (readonly Resolution[])[] = [];
  private readonly ids = new Map<string, number>();
  constructor(
    private readonly outcomes: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** The id of the way `resolutions` resolve this part's outcomes. */
  id(resolutions: readonly Resolution[]): number {
    let key = '';
    const dated: Resolution[] = [];
    for (const k of this.outcomes) {
      const resolution = resolutions[k] as Resolution;
      if (resolution.on === undefined) {
        key += `${resolution.status};`;
        dated.push(resolution);
        continue;
      }
      const period = periodOf(this.ends, resolution.on);
      key += `${resolution.status}@${period};`;
      dated.push({ ...resolution, on: endOf(this.ends, period) as CalendarDate });
    }
    return intern(this.ids, this.resolutions, key, dated);
  }

  get size(): number {
    return this.resolutions.length;
  }
}

/** The index of the first period end on or after `day` (the number of ends before it). */
function periodOf(ends: readonly number[], day: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] as number) < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The day a period's class is dated by: its last day (after the last end: the day after it). */
function endOf(ends: readonly number[], period: number): number {
  return period < ends.length ? (ends[period] as number) : (ends[ends.length - 1] as number) + 1;
}

/** A probability distribution over signature ids. */
type Pmf = Map<number, number>;

function addTo(pmf: Pmf, id: number, p: number): void {
  pmf.set(id, (pmf.get(id) ?? 0) + p);
}

/** What every cohort and group mix part share: the parts' signatures and the resolutions already made. */
class Resolved {
  readonly milestoneParts: Signatures[];
  readonly placementPart: Signatures;
  readonly restPart: Signatures;
  readonly restOutcomes: readonly number[];
  readonly variants: number;
  private readonly none = new Map<string, readonly number[]>();
  private readonly milestoneAchieved = new Map<number, number>();
  private readonly placed = new Map<number, number>();

  constructor(
    private readonly contract: Contract,
    private readonly plan: SettlementPlan,
    private readonly model: ParticipantModel,
    readonly ends: readonly number[],
  ) {
    const placement = model.placements[0];
    const covered = new Set([...model.milestones.map((milestone) => milestone.outcome), ...placementOutcomes(placement)]);
    this.restOutcomes = contract.outcomes.flatMap((_, k) => (covered.has(k) ? [] : [k]));
    this.milestoneParts = model.milestones.map((milestone) => new Signatures([milestone.outcome], ends));
    this.placementPart = new Signatures(placementOutcomes(placement), ends);
    this.restPart = new Signatures(this.restOutcomes, ends);
    this.variants = placement === undefined ? 1 : 1 + (placement.retentions.length + 1) * (1 << placement.wages.length);
  }

  private resolve(record: OutcomeRecord): readonly Resolution[] {
    return resolveRecord(record, this.plan.outcomes, this.plan.asOf);
  }

  /** A record with nothing achieved yet. */
  base(cohort: string, enrolledOn: number, exitedOn: number): OutcomeRecord {
    return { id: 'simulated', cohort, groups: [], enrolledOn: enrolledOn as CalendarDate, exitedOn: exitedOn as CalendarDate, baselineWage: this.model.baselineWage, spells: [], wages: [], events: [] };
  }

  /** The signatures of a participant who achieved nothing: [rest, each milestone, placement]. */
  nothing(record: OutcomeRecord): readonly number[] {
    const key = `${record.enrolledOn},${record.exitedOn ?? ''}`;
    let ids = this.none.get(key);
    if (ids === undefined) {
      const resolutions = this.resolve(record);
      ids = [this.restPart.id(resolutions), ...this.milestoneParts.map((part) => part.id(resolutions)), this.placementPart.id(resolutions)];
      this.none.set(key, ids);
    }
    return ids;
  }

  /** The signature of milestone `m` achieved on `on` (within its window, by construction). */
  milestone(record: OutcomeRecord, m: number, on: CalendarDate): number {
    const key = on * 8 + m;
    let id = this.milestoneAchieved.get(key);
    if (id === undefined) {
      const milestone = this.model.milestones[m];
      const events: RecordEvent[] = milestone === undefined ? [] : [{ kind: milestone.event, on }];
      id = (this.milestoneParts[m] as Signatures).id(this.resolve({ ...record, events }));
      this.milestoneAchieved.set(key, id);
    }
    return id;
  }

  /** The signature of a participant placed on `start` (within the window, by construction) with variant `v`: retentions passed, wage progressions. */
  placement(record: OutcomeRecord, placement: PlacementPlan, start: CalendarDate, v: number): number {
    const key = start * this.variants + v;
    let id = this.placed.get(key);
    if (id === undefined) {
      const wagesCount = placement.wages.length;
      const passed = Math.floor((v - 1) / (1 << wagesCount));
      const bits = (v - 1) % (1 << wagesCount);
      const wages: WageObservation[] = placement.wages.flatMap((wage, w) => (((bits >> w) & 1) === 1 ? [{ on: durationLater(start, wage.duration) as CalendarDate, monthlyWage: wage.raised }] : []));
      wages.sort((a, b) => a.on - b.on);
      id = this.placementPart.id(this.resolve({ ...record, spells: [placementSpell(this.model, placement, start, passed, undefined)], wages }));
      this.placed.set(key, id);
    }
    return id;
  }

  tooMany(): boolean {
    return [...this.milestoneParts, this.placementPart, this.restPart].some((part) => part.size >= SIGNATURE_RADIX) || this.ends.length >= SIGNATURE_RADIX;
  }
}

function placementOutcomes(placement: PlacementPlan | undefined): number[] {
  return placement === undefined ? [] : [placement.outcome, ...placement.retentions.map((r) => r.outcome), ...placement.wages.map((w) => w.outcome)];
}

/** Equal distributions under one id, so that days whose draws resolve alike are combined once. */
class Distributions {
  readonly list: Pmf[] = [];
  private readonly ids = new Map<string, number>();

  id(pmf: Pmf): number {
    let key = '';
    for (const [id, p] of pmf) key += `${id}:${p};`;
    return intern(this.ids, this.list, key, pmf);
  }
}

/** What one group mix part of a cohort gathers while the enrolment and exit days are walked. */
interface ProfileWalk {
  readonly profile: Profile;
  readonly milestonePmfs: Map<number, number>[];
  readonly placedPmfs: Map<number, number>;
  /** Per combination of inputs (enrolment period, signatures of nothing achieved, distributions of each part): its weight. */
  readonly inputs: Map<string, { weight: number; enrolled: number; none: readonly number[]; milestones: readonly number[]; placed: number }>;
}

/** The classes of every group mix part of one cohort: the joint distribution of every part's signature, per combination of outcomes. */
function cohortCells(resolved: Resolved, cohort: ParticipantModel['cohorts'][number], model: ParticipantModel): ProfileCells[] {
  const placement = model.placements[0];
  const variants = resolved.variants;
  const distributions = new Distributions();
  const placedSets = new Map<string, readonly number[]>();
  const placedSetIds = new Map<string, number>();
  const walks: ProfileWalk[] = model.profiles.map((profile) => ({ profile, milestonePmfs: model.milestones.map(() => new Map<number, number>()), placedPmfs: new Map<number, number>(), inputs: new Map() }));
  const enrolment = support(cohort.from === cohort.to ? cohort.from : { uniform: { min: cohort.from, max: cohort.to } });
  const exit = support(model.daysToExit);
  const weight = enrolment.p * exit.p;
  for (const enrolledOn of enrolment.values) {
    const enrolled = periodOf(resolved.ends, enrolledOn);
    for (const toExit of exit.values) {
      const exitedOn = addDaysUnbounded(enrolledOn, toExit);
      const record = resolved.base(cohort.id, enrolledOn, exitedOn);
      const none = resolved.nothing(record);
      const prefix = `${enrolled}|${none.join(',')}|`;
      for (const walk of walks) {
        const { profile } = walk;
        let key = prefix;
        const milestones = model.milestones.map((milestone, m): number => {
          const anchor = milestone.from === 'exit' ? exitedOn : enrolledOn;
          const cache = walk.milestonePmfs[m] as Map<number, number>;
          let id = cache.get(anchor);
          if (id === undefined) {
            const achieved: Pmf = new Map();
            const days = support(profile.days[milestone.outcome]);
            for (const after of days.values) {
              const on = addDaysUnbounded(anchor, milestone.windowDays === undefined ? after : Math.min(after, milestone.windowDays)) as CalendarDate;
              addTo(achieved, resolved.milestone(record, m, on), days.p);
            }
            cache.set(anchor, (id = distributions.id(achieved)));
          }
          key += `${id},`;
          return id;
        });
        let placed = -1;
        if (placement !== undefined) {
          const anchor = placement.from === 'exit' ? exitedOn : enrolledOn;
          const known = walk.placedPmfs.get(anchor);
          if (known === undefined) {
            const built = Array.from({ length: variants - 1 }, () => new Map<number, number>());
            const days = support(profile.days[placement.outcome]);
            for (const after of days.values) {
              const start = addDaysUnbounded(anchor, Math.min(after, placement.windowDays)) as CalendarDate;
              for (let v = 1; v < variants; v++) addTo(built[v - 1] as Pmf, resolved.placement(record, placement, start, v), days.p);
            }
            const ids = built.map((pmf) => distributions.id(pmf));
            const setKey = ids.join(',');
            placed = placedSetIds.get(setKey) ?? placedSetIds.size;
            if (!placedSetIds.has(setKey)) {
              placedSetIds.set(setKey, placed);
              placedSets.set(String(placed), ids);
            }
            walk.placedPmfs.set(anchor, placed);
          } else placed = known;
        }
        key += `|${placed}`;
        const entry = walk.inputs.get(key);
        if (entry === undefined) walk.inputs.set(key, { weight, enrolled, none, milestones, placed });
        else entry.weight += weight;
      }
    }
  }
  return walks.map((walk) => {
    const joint = Array.from({ length: (1 << model.milestones.length) * variants }, () => new Map<number, number>());
    for (const { weight: w, enrolled, none, milestones, placed } of walk.inputs.values()) {
      const milestoneOptions = milestones.map((id, m): Pmf[] => [new Map([[none[m + 1] as number, 1]]), distributions.list[id] as Pmf]);
      const placedIds = placedSets.get(String(placed)) ?? [];
      const placementOptions: Pmf[] = [new Map([[none[none.length - 1] as number, 1]]), ...placedIds.map((id) => distributions.list[id] as Pmf)];
      combine(joint, enrolled, none[0] as number, milestoneOptions, placementOptions, w, variants);
    }
    return { leaves: joint.map((cells) => leafOf(cells, cohort.id, walk.profile, model, resolved)) };
  });
}

/**
 * Prepares the count path: for every cohort, group mix part and combination of outcomes, the
 * classes of participants alike and their probabilities, exactly from the timings. A string says
 * why it cannot (too many classes): then the participant path runs.
 *
 * @example
 * const counts = countModel(contract, plan, model);
 */
export function countModel(contract: Contract, plan: SettlementPlan, model: ParticipantModel, ledger: Ledger): CountModel | string {
  const resolved = new Resolved(contract, plan, model, periodEnds(contract, plan.asOf));
  const cohorts = model.cohorts.map((cohort) => ({ size: cohort.size, profiles: cohortCells(resolved, cohort, model) }));
  if (resolved.tooMany()) return `more than ${SIGNATURE_RADIX - 1} classes of one outcome`;
  const shares = model.profiles.map((profile, k) => Math.min(profile.upTo, 1) - (k === 0 ? 0 : (model.profiles[k - 1] as Profile).upTo));
  const targets = new Targets();
  const compiled = cohorts.map(({ size, profiles }) => ({
    size,
    profiles: profiles.map((profile) => ({
      leaves: profile.leaves.map((leaf) => (leaf === undefined ? undefined : { conditional: leaf.conditional, cells: leaf.cells.map((cell) => targets.compile(plan, ledger, cell)) })),
    })),
  }));
  return { cohorts: compiled, ledger, targets, profileShares: conditionalShares(shares), milestones: model.milestones.map((milestone) => milestone.outcome), placement: model.placements[0] };
}

/**
 * The histogram days and claims the classes add to, each numbered once (worked out by the
 * settlement's own `resolvedIncrements` on the class's record and resolutions). A run sums the
 * participants of every class into each number the class adds to, then adds each sum to the ledger
 * once: counts and claims are sums, so the ledger is the one adding each class on its own makes.
 */
class Targets {
  /** Per number: the histogram and the day. */
  readonly counts: DateCounts[] = [];
  readonly days: number[] = [];
  /** Per number: the cohort and the claim (rule, date, amount, version). */
  readonly claims: { readonly cohort: number; readonly claim: Claim }[] = [];
  private readonly countIds = new Map<DateCounts, Map<number, number>>();
  private readonly claimIds = new Map<string, number>();
  private countSums = new Float64Array(0);
  private claimSums = new Float64Array(0);

  compile(plan: SettlementPlan, ledger: Ledger, cell: Cell): CompiledCell {
    const increments = resolvedIncrements(plan, ledger, cell.record, cell.resolutions);
    if (increments.cohort < 0) throw new Error('outcome-pay internal error: a class of the count path outside the cohorts');
    const counts = increments.counts.map(({ counts: histogram, day }) => {
      let byDay = this.countIds.get(histogram);
      if (byDay === undefined) this.countIds.set(histogram, (byDay = new Map<number, number>()));
      let id = byDay.get(day);
      if (id === undefined) {
        byDay.set(day, (id = this.counts.length));
        this.counts.push(histogram);
        this.days.push(day);
      }
      return id;
    });
    const claims = increments.claims.map((claim) => {
      const key = `${increments.cohort}|${claim.rule}|${claim.date}|${claim.amount.toString()}|${claim.version ?? ''}`;
      let id = this.claimIds.get(key);
      if (id === undefined) {
        this.claimIds.set(key, (id = this.claims.length));
        this.claims.push({ cohort: increments.cohort, claim });
      }
      return id;
    });
    return { counts: Int32Array.from(counts), claims: Int32Array.from(claims) };
  }

  /** The sums of a run, zeroed. */
  sums(): { readonly counts: Float64Array; readonly claims: Float64Array } {
    if (this.countSums.length !== this.counts.length) this.countSums = new Float64Array(this.counts.length);
    else this.countSums.fill(0);
    if (this.claimSums.length !== this.claims.length) this.claimSums = new Float64Array(this.claims.length);
    else this.claimSums.fill(0);
    return { counts: this.countSums, claims: this.claimSums };
  }

  /** Adds a run's sums to the ledger (the claims straight to their buckets: the same buckets as counting them at their prices first). */
  add(ledger: Ledger, sums: { readonly counts: Float64Array; readonly claims: Float64Array }): void {
    for (let k = 0; k < sums.counts.length; k++) {
      const count = sums.counts[k] as number;
      if (count > 0) (this.counts[k] as DateCounts).add(this.days[k] as number, count);
    }
    for (let k = 0; k < sums.claims.length; k++) {
      const count = sums.claims[k] as number;
      if (count === 0) continue;
      const { cohort, claim } = this.claims[k] as { readonly cohort: number; readonly claim: Claim };
      const cohortLedger = ledger.cohorts[cohort];
      if (cohortLedger !== undefined) addClaims(cohortLedger, claim.rule, claim.date, claim.amount, count, claim.version);
    }
  }
}

/** Adds the joint probabilities of one combination of inputs to every combination of outcomes. */
function combine(joint: Map<number, number>[], enrolled: number, rest: number, milestones: readonly (readonly Pmf[])[], placement: readonly Pmf[], weight: number, variants: number): void {
  const patterns = 1 << milestones.length;
  for (let bits = 0; bits < patterns; bits++) {
    for (let v = 0; v < variants; v++) {
      const target = joint[bits * variants + v] as Map<number, number>;
      const walk = (m: number, key: number, p: number): void => {
        if (m === milestones.length) {
          for (const [id, q] of placement[v] as Pmf) {
            const full = key * SIGNATURE_RADIX + id;
            target.set(full, (target.get(full) ?? 0) + p * q);
          }
          return;
        }
        for (const [id, q] of (milestones[m] as readonly Pmf[])[(bits >> m) & 1] as Pmf) walk(m + 1, key * SIGNATURE_RADIX + id, p * q);
      };
      walk(0, (enrolled * SIGNATURE_RADIX + rest), weight);
    }
  }
}

/** The classes of one combination of outcomes, from its joint probabilities. */
function leafOf(cells: Map<number, number>, cohort: string, profile: Profile, model: ParticipantModel, resolved: Resolved): Leaf | undefined {
  const kept = [...cells].filter(([, p]) => p > 0);
  if (kept.length === 0) return undefined;
  const built = kept.map(([key]): Cell => {
    let rest = key;
    const placementId = rest % SIGNATURE_RADIX;
    rest = Math.floor(rest / SIGNATURE_RADIX);
    const milestoneIds: number[] = [];
    for (let m = resolved.milestoneParts.length - 1; m >= 0; m--) {
      milestoneIds[m] = rest % SIGNATURE_RADIX;
      rest = Math.floor(rest / SIGNATURE_RADIX);
    }
    const restId = rest % SIGNATURE_RADIX;
    const enrolled = Math.floor(rest / SIGNATURE_RADIX);
    const resolutions: Resolution[] = [];
    const place = (outcomes: readonly number[], part: readonly Resolution[]): void => {
      outcomes.forEach((k, j) => (resolutions[k] = part[j] as Resolution));
    };
    place(resolved.restOutcomes, resolved.restPart.resolutions[restId] as readonly Resolution[]);
    model.milestones.forEach((milestone, m) => {
      place([milestone.outcome], (resolved.milestoneParts[m] as Signatures).resolutions[milestoneIds[m] as number] as readonly Resolution[]);
    });
    place(placementOutcomes(model.placements[0]), resolved.placementPart.resolutions[placementId] as readonly Resolution[]);
    const record: OutcomeRecord = { id: 'simulated', cohort, groups: profile.groups, enrolledOn: endOf(resolved.ends, enrolled) as CalendarDate, baselineWage: model.baselineWage, spells: [], wages: [], events: [] };
    return { record, resolutions };
  });
  return { cells: built, conditional: conditionalShares(kept.map(([, p]) => p)) };
}

/**
 * Draws one run's counts and adds them to the model's ledger: per cohort, the group mix, then the
 * outcomes chained as the participant path draws them, then the classes of their timings; with
 * `expectedCounts`, each at its expected count (rounded to whole participants), nothing drawn.
 * Every multinomial is drawn cell by cell with `draws.binomial`, as `draws.multinomial` draws it.
 *
 * @example
 * drawCounts(counts, probabilities, stream);
 */
export function drawCounts(counts: CountModel, probabilities: RunProbabilities, stream: Stream, draws: CountDraws = randomCounts): void {
  const { binomial } = draws;
  const placement = counts.placement;
  const wages = placement?.wages.length ?? 0;
  const variants = placement === undefined ? 1 : 1 + (placement.retentions.length + 1) * (1 << wages);
  const milestones = counts.milestones;
  const shares = counts.profileShares;
  const sums = counts.targets.sums();
  const perProfile = new Float64Array(shares.length);
  const byBits = new Float64Array(1 << milestones.length);
  const perVariant = new Float64Array(variants);
  const atPassed = new Float64Array((placement?.retentions.length ?? 0) + 1);
  const byWage = new Float64Array(1 << wages);
  let participants = 0;
  for (const cohort of counts.cohorts) {
    // the group mix: a multinomial, every part drawn before any is split
    perProfile.fill(0);
    let left = cohort.size;
    for (let k = 0; k < shares.length && left > 0; k++) {
      const drawn = binomial(stream, left, shares[k] as number);
      perProfile[k] = drawn;
      left -= drawn;
    }
    for (let k = 0; k < cohort.profiles.length; k++) {
      const n = perProfile[k] as number;
      if (n === 0) continue;
      const profile = cohort.profiles[k] as CountModel['cohorts'][number]['profiles'][number];
      const p = probabilities[k] as readonly number[];
      // each milestone splits every combination so far in two, in place: [bits] missed, [bits + width] achieved
      byBits[0] = n;
      let width = 1;
      for (let m = 0; m < milestones.length; m++) {
        const chance = p[milestones[m] as number] ?? 0;
        for (let bits = 0; bits < width; bits++) {
          const achieved = binomial(stream, byBits[bits] as number, chance);
          byBits[bits + width] = achieved;
          byBits[bits] = (byBits[bits] as number) - achieved;
        }
        width *= 2;
      }
      for (let bits = 0; bits < width; bits++) {
        const count = byBits[bits] as number;
        if (count === 0) continue;
        if (placement === undefined) perVariant[0] = count;
        else splitPlacement(placement, p, count, stream, binomial, perVariant, atPassed, byWage);
        for (let v = 0; v < variants; v++) {
          const c = perVariant[v] as number;
          if (c === 0) continue;
          const leaf = profile.leaves[bits * variants + v];
          if (leaf === undefined) continue;
          // the classes of its timings: a multinomial, cell by cell
          let rest = c;
          for (let cell = 0; cell < leaf.cells.length && rest > 0; cell++) {
            const alike = binomial(stream, rest, leaf.conditional[cell] as number);
            rest -= alike;
            if (alike === 0) continue;
            const compiled = leaf.cells[cell] as CompiledCell;
            participants += alike;
            addCell(compiled, alike, sums.counts, sums.claims);
          }
        }
      }
    }
  }
  counts.ledger.participants += participants;
  counts.targets.add(counts.ledger, sums);
}

/** Adds `alike` participants of a class to the sums of the histogram days and claims it adds to. */
function addCell(cell: CompiledCell, alike: number, counts: Float64Array, claims: Float64Array): void {
  const countIds = cell.counts;
  for (let j = 0; j < countIds.length; j++) {
    const id = countIds[j] as number;
    counts[id] = (counts[id] as number) + alike;
  }
  const claimIds = cell.claims;
  for (let j = 0; j < claimIds.length; j++) {
    const id = claimIds[j] as number;
    claims[id] = (claims[id] as number) + alike;
  }
}

/**
 * Splits `count` participants over the placement's variants, in `perVariant`: not placed; placed
 * and passed the first `passed` retentions, each with its wage progressions raised or not (bit w
 * for wage w). Drawn as the participant path chains them: placement, each retention given the one
 * before, each wage progression given placement.
 */
function splitPlacement(
  placement: PlacementPlan,
  p: readonly number[],
  count: number,
  stream: Stream,
  binomial: CountDraws['binomial'],
  perVariant: Float64Array,
  atPassed: Float64Array,
  byWage: Float64Array,
): void {
  perVariant.fill(0);
  let left = binomial(stream, count, p[placement.outcome] ?? 0);
  perVariant[0] = count - left;
  const retentions = placement.retentions;
  for (let r = 0; r < retentions.length; r++) {
    const passing = binomial(stream, left, p[(retentions[r] as PlacementPlan['retentions'][number]).outcome] ?? 0);
    atPassed[r] = left - passing;
    left = passing;
  }
  atPassed[retentions.length] = left;
  const wages = placement.wages;
  const combinations = 1 << wages.length;
  for (let passed = 0; passed <= retentions.length; passed++) {
    byWage[0] = atPassed[passed] as number;
    let width = 1;
    for (let w = 0; w < wages.length; w++) {
      const chance = p[(wages[w] as PlacementPlan['wages'][number]).outcome] ?? 0;
      for (let bits = 0; bits < width; bits++) {
        const raised = binomial(stream, byWage[bits] as number, chance);
        byWage[bits + width] = raised;
        byWage[bits] = (byWage[bits] as number) - raised;
      }
      width *= 2;
    }
    for (let bits = 0; bits < combinations; bits++) perVariant[1 + passed * combinations + bits] = byWage[bits] as number;
  }
}
