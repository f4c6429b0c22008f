/**
 * Per-participant outcomes for the settlement reference, as known at the as-of date: placement,
 * retention and milestone through the resolver's day-by-day reference (test/outcomes/reference.ts,
 * itself written independently of src/outcomes), wage progression written here from
 * docs/outcomes.md with exact decimals. Dates come from the wire text through date-fns
 * (dates.ts), never through the calendar core.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import type { OutcomeRecord } from '../../../src/records/schema.js';
import { refMilestone, refPlacement, refRetention, type RefResolution } from '../../outcomes/reference.js';
import type { WireRecord } from '../arbitraries/index.js';
import { refAddDuration, refDay, refQuarterAfter } from './dates.js';
import { D, roundMinor } from './decimal.js';

type Outcome = ContractInput['outcomes'][number];
type WageOutcome = Extract<Outcome, { kind: 'wageProgression' }>;
type EarningsOutcome = Extract<Outcome, { kind: 'earningsThreshold' }>;
type QuarterOutcome = Extract<Outcome, { kind: 'quarterAfterExit' }>;

/** A resolved outcome: achieved or failed on a day, or pending. */
export interface RefStatus {
  readonly status: 'achieved' | 'failed' | 'pending';
  readonly on?: number;
  /** Placement date: the start of the placing job (placements, and what depends on them). */
  readonly placedOn?: number;
}

const PENDING: RefStatus = { status: 'pending' };

/** The record with day numbers, in the shape the resolver's reference reads (amounts are not read there). */
function days(record: WireRecord): OutcomeRecord {
  return {
    id: record.id,
    cohort: record.cohort,
    groups: record.groups ?? [],
    enrolledOn: refDay(record.enrolledOn),
    ...(record.exitedOn === undefined ? {} : { exitedOn: refDay(record.exitedOn) }),
    spells: (record.spells ?? []).map((s) => ({
      start: refDay(s.start),
      ...(s.end === undefined ? {} : { end: refDay(s.end) }),
      ...(s.hoursPerWeek === undefined ? {} : { hoursPerWeek: s.hoursPerWeek }),
      ...(s.contractType === undefined ? {} : { contractType: s.contractType }),
      ...(s.sector === undefined ? {} : { sector: s.sector }),
      ...(s.employer === undefined ? {} : { employer: s.employer }),
    })),
    wages: [],
    events: (record.events ?? []).map((e) => ({ kind: e.kind, on: refDay(e.on) })),
  } as unknown as OutcomeRecord;
}

function fromResolution(r: RefResolution): RefStatus {
  if (r.status === 'pending') return PENDING;
  return { status: r.status, on: r.on ?? 0, ...(r.anchor === undefined ? {} : { placedOn: r.anchor }) };
}

/** Wage progression (docs/outcomes.md, "Wage progression"), decided on the later of W, the placement and the baseline's day. */
function wage(o: WageOutcome, placed: RefStatus, record: WireRecord, asOf: number): RefStatus {
  if (placed.status === 'pending') return PENDING;
  if (placed.status === 'failed') return { status: 'failed', on: placed.on ?? 0 };
  const p = placed.placedOn ?? 0;
  const w = refAddDuration(p, o);
  let decided = Math.max(w, placed.on ?? p);
  const observations = (record.wages ?? []).map((x, index) => ({ on: refDay(x.on), wage: x.monthlyWage, index }));
  let base: string | undefined;
  if (o.baseline === 'preProgramme') base = record.baselineWage;
  else {
    const placing = (record.spells ?? []).find((s) => refDay(s.start) === p);
    base = placing?.monthlyWage;
    if (base === undefined) {
      const early = observations.filter((x) => x.on >= p && x.on <= p + 31).sort((a, b) => a.on - b.on || a.index - b.index)[0];
      if (early === undefined) decided = Math.max(decided, p + 32); // the search window closes empty on P + 32
      else {
        base = early.wage;
        decided = Math.max(decided, early.on);
      }
    }
  }
  if (decided > asOf) return PENDING;
  const fail = { status: 'failed' as const, on: decided };
  if (base === undefined) return fail;
  // the latest observation in [P, W] (the last listed on a day), else the wage of the latest-starting job covering W
  const atW = observations.filter((x) => x.on >= p && x.on <= w).sort((a, b) => a.on - b.on || a.index - b.index).at(-1)?.wage ??
    (record.spells ?? [])
      .filter((s) => s.monthlyWage !== undefined && refDay(s.start) <= w && (s.end === undefined || refDay(s.end) >= w))
      .sort((a, b) => refDay(a.start) - refDay(b.start))
      .at(-1)?.monthlyWage;
  if (atW === undefined) return fail;
  const baseline = new D(base);
  const earned = new D(atW);
  const passes =
    o.threshold.kind === 'amount'
      ? earned.minus(baseline).greaterThanOrEqualTo(o.threshold.amount)
      : baseline.isZero()
        ? earned.greaterThan(0)
        : earned.minus(baseline).times(100).greaterThanOrEqualTo(baseline.times(o.threshold.percent));
  return passes ? { status: 'achieved', on: decided, placedOn: p } : fail;
}

/** A decimal text as an exact fraction of BigInts (numerator, 10^decimals). */
function fraction(text: string): [bigint, bigint] {
  const [whole = '0', decimals = ''] = text.split('.');
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

/**
 * Earnings threshold (docs/contract.md, "earningsThreshold"), written from the docs day by day:
 * the threshold from the rate table with the reference's decimals; on each day d of the window, the
 * earnings of the periods ending in [anchor, d] (a period starting before the anchor as
 * `periodAcrossStart` says), as exact fractions of BigInts; achieved on the first day they reach the
 * threshold, failed on the day after the window.
 */
function earnings(o: EarningsOutcome, record: WireRecord, asOf: number): RefStatus {
  const enrolled = refDay(record.enrolledOn);
  const exit = record.exitedOn === undefined ? undefined : refDay(record.exitedOn);
  const anchor = o.window.from === 'enrolment' ? enrolled : exit !== undefined && exit <= asOf ? exit : undefined;
  if (anchor === undefined) return PENDING;
  const last = anchor + o.window.days;
  let threshold: string;
  const t = o.threshold;
  if (t.kind === 'amount') threshold = t.amount;
  else {
    const day = t.rateOn === 'windowStart' ? anchor : last;
    const rate = t.rates.filter((r) => refDay(r.from) <= day).at(-1);
    if (rate === undefined) return anchor <= asOf ? { status: 'failed', on: anchor } : PENDING;
    const exact = new D(t.hours).times(t.weeks).times(rate.hourly);
    threshold = roundMinor(exact.div(t.increment), 0, t.rounding).times(t.increment).toFixed();
  }
  const [tn, td] = fraction(threshold);
  const periods = (record.earnings ?? []).map((e) => ({ from: refDay(e.from), to: refDay(e.to), amount: fraction(e.amount) }));
  for (let d = anchor; d <= Math.min(last, asOf); d++) {
    let num = 0n;
    let den = 1n;
    for (const p of periods) {
      if (p.to < anchor || p.to > d) continue;
      let [an, ad] = p.amount;
      if (p.from < anchor) {
        if (o.periodAcrossStart === 'exclude') continue;
        if (o.periodAcrossStart === 'proRata') {
          an *= BigInt(p.to - anchor + 1);
          ad *= BigInt(p.to - p.from + 1);
        }
      }
      num = num * ad + an * den;
      den *= ad;
    }
    if (num * td >= tn * den) return { status: 'achieved', on: d };
  }
  return last + 1 <= asOf ? { status: 'failed', on: last + 1 } : PENDING;
}

/**
 * Quarter after exit (docs/contract.md, "quarterAfterExit"), written from the docs: the quarter and
 * the day its data is due through date-fns (refQuarterAfter); pending before that day; on it,
 * achieved when the observations ending in the quarter add up (exact fractions of BigInts) to more
 * than zero and at least the minimum, failed otherwise.
 */
function quarter(o: QuarterOutcome, record: WireRecord, asOf: number): RefStatus {
  const exit = record.exitedOn === undefined ? undefined : refDay(record.exitedOn);
  if (exit === undefined || exit > asOf) return PENDING;
  const { first, last, due } = refQuarterAfter(exit, o.quarter, o.dataLag);
  if (due > asOf) return PENDING;
  let num = 0n;
  let den = 1n;
  for (const e of record.earnings ?? []) {
    const to = refDay(e.to);
    if (to < first || to > last) continue;
    const [an, ad] = fraction(e.amount);
    num = num * ad + an * den;
    den *= ad;
  }
  const [mn, md] = fraction(o.minimumEarnings ?? '0');
  const employed = num > 0n && num * md >= mn * den;
  return { status: employed ? 'achieved' : 'failed', on: due };
}

/**
 * Every outcome of the contract for one participant, as known at `asOf`, by outcome id
 * (cohort indicators are not per participant and are left out).
 *
 * @example
 * refOutcomes(contract, record, refDay('2024-06-30')).get('placement');
 */
export function refOutcomes(contract: ContractInput, record: WireRecord, asOf: number): Map<string, RefStatus> {
  const out = new Map<string, RefStatus>();
  const parsed = days(record);
  const raw = new Map<string, RefResolution>();
  // docs/contract.md: a participant in none of an outcome's `participants.groups` fails it on its
  // enrolment date (pending before), and what counts from such a placement fails with it
  const enrolled = refDay(record.enrolledOn);
  const outside = (o: Outcome): RefResolution | undefined => {
    if (o.kind === 'cohortIndicator' || o.participants === undefined) return undefined;
    const groups = o.participants.groups;
    if ((record.groups ?? []).some((group) => groups.includes(group))) return undefined;
    return enrolled <= asOf ? { status: 'failed', on: enrolled } : { status: 'pending' };
  };
  for (const o of contract.outcomes) {
    if (o.kind === 'placement') {
      const r = outside(o) ?? refPlacement(o, parsed, asOf);
      raw.set(o.id, r);
      out.set(o.id, fromResolution(r));
    }
    if (o.kind === 'milestone') out.set(o.id, fromResolution(outside(o) ?? refMilestone(o, parsed, asOf)));
    if (o.kind === 'earningsThreshold') {
      const excluded = outside(o);
      out.set(o.id, excluded === undefined ? earnings(o, record, asOf) : fromResolution(excluded));
    }
    if (o.kind === 'quarterAfterExit') {
      const excluded = outside(o);
      out.set(o.id, excluded === undefined ? quarter(o, record, asOf) : fromResolution(excluded));
    }
  }
  for (const o of contract.outcomes) {
    const excluded = outside(o);
    if (o.kind === 'retention') {
      const placement = raw.get(o.placementOutcome) ?? { status: 'pending' as const };
      out.set(o.id, fromResolution(excluded ?? refRetention(o, parsed, placement, asOf)));
    }
    if (o.kind === 'wageProgression') out.set(o.id, excluded === undefined ? wage(o, out.get(o.placementOutcome) ?? PENDING, record, asOf) : fromResolution(excluded));
  }
  return out;
}
