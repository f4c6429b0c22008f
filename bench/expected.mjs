/**
 * The benchmark's independent computation of what the benchmark contract owes for a set of raw
 * records: written from the documentation (docs/records.md, outcomes.md, settlement.md), sharing
 * no code with the engine. Dates are day numbers counted here (no `Date`, no calendar core);
 * money is integer cents, summed in BigInt (no decimal.js, no float). It models the subset of
 * contract terms the benchmark contract uses and throws on anything else, including a cap that
 * would cut, an exit clause that would fire and duplicate ids: those it does not model, and a
 * check must not pass by accident.
 *
 * Usage: const run = expectedRun(contract, asOf); run.add(raw) per record (it returns the
 * participant's amount, see `add`); run.figures() gives the figures that `settlementFigures`
 * (figures.mjs) reads from a settlement.
 */

// ---- Dates: day numbers (days since 0001-01-01 is day 1), from the calendar's own rules ----

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y, m) => (m === 2 && isLeap(y) ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);

/** Day number of a valid (y, m, d): 365 a year, plus the leap days of the years before. */
function dayOf(y, m, d) {
  const before = y - 1;
  const leapDays = Math.floor(before / 4) - Math.floor(before / 100) + Math.floor(before / 400);
  return before * 365 + leapDays + DAYS_BEFORE_MONTH[m - 1] + (m > 2 && isLeap(y) ? 1 : 0) + d;
}

/** A `YYYY-MM-DD` text as { y, m, d, day }, or undefined if it is not an existing date. */
function parseDate(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return undefined;
  return { y, m, d, day: dayOf(y, m, d) };
}

/** The day `months` calendar months after the date { y, m, d }, clamped to the month's end. */
function addMonths({ y, m, d }, months) {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayOf(year, month, Math.min(d, monthLength(year, month)));
}

function mustDate(text, what) {
  const date = parseDate(text);
  if (date === undefined) throw new Error(`expected.mjs: ${what} is not a date: ${text}`);
  return date;
}

// ---- Money: integer cents ----

/** Cents of a wage: a decimal string with at most 2 decimals or a safe JSON integer; else undefined. */
function cents(value) {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value * 100 : undefined;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const [whole, fraction = ''] = value.split('.');
  if (fraction.length > 2) throw new Error(`expected.mjs: wages with more than 2 decimals are not modelled: ${value}`);
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(result)) throw new Error(`expected.mjs: wage too large to model: ${value}`);
  return result;
}

/** Contract money text ("1200.00") as BigInt cents. */
function moneyCents(text) {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) throw new Error(`expected.mjs: contract amount not modelled: ${text}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** A decimal text ("1.25") as [numerator, denominator] BigInts. */
function ratio(text) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new Error(`expected.mjs: decimal not modelled: ${text}`);
  const fraction = match[2] ?? '';
  return [BigInt(match[1] + fraction), 10n ** BigInt(fraction.length)];
}

/** BigInt cents as money text "1234.50". */
export function formatCents(value) {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Splits `total` cents by weights (BigInt numerators): largest remainder, ties to the earlier part. */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

// ---- Records: which are valid (docs/records.md), in the parsed form used below ----

const RECORD_KEYS = new Set(['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events']);
const SPELL_KEYS = new Set(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage']);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v) => typeof v === 'string' && v !== '';
const onlyKeys = (object, keys) => Object.keys(object).every((k) => keys.has(k));

/**
 * The record parsed (dates as day numbers, wages as cents, spells sorted by start), or undefined
 * when validation excludes it.
 */
function parseRecord(raw, cohorts, groups) {
  if (!isObject(raw) || !onlyKeys(raw, RECORD_KEYS) || !text(raw.id) || !text(raw.cohort) || !cohorts.has(raw.cohort)) return undefined;
  const enrolled = parseDate(raw.enrolledOn);
  if (enrolled === undefined) return undefined;
  const record = { id: raw.id, cohort: raw.cohort, groups: [], enrolled: enrolled.day, exit: undefined, base: undefined, spells: [], wages: [], events: [] };
  if (raw.groups !== undefined) {
    if (!Array.isArray(raw.groups) || !raw.groups.every((g) => text(g) && groups.has(g))) return undefined;
    if (new Set(raw.groups).size !== raw.groups.length) return undefined;
    record.groups = raw.groups;
  }
  if (raw.exitedOn !== undefined) {
    const exit = parseDate(raw.exitedOn);
    if (exit === undefined || exit.day < enrolled.day) return undefined;
    record.exit = exit.day;
  }
  if (raw.baselineWage !== undefined) {
    record.base = cents(raw.baselineWage);
    if (record.base === undefined) return undefined;
  }
  for (const list of [raw.spells, raw.wages, raw.events]) if (list !== undefined && !Array.isArray(list)) return undefined;
  for (const s of raw.spells ?? []) {
    if (!isObject(s) || !onlyKeys(s, SPELL_KEYS)) return undefined;
    const start = parseDate(s.start);
    if (start === undefined || start.day < enrolled.day) return undefined;
    const spell = { start: start.day, startDate: start, end: undefined, hours: s.hoursPerWeek, type: s.contractType, wage: undefined };
    if (s.end !== undefined) {
      const end = parseDate(s.end);
      if (end === undefined || end.day < start.day) return undefined;
      spell.end = end.day;
    }
    if (s.hoursPerWeek !== undefined && (typeof s.hoursPerWeek !== 'number' || !(s.hoursPerWeek >= 0 && s.hoursPerWeek <= 168))) return undefined;
    if (s.contractType !== undefined && !text(s.contractType)) return undefined;
    if (s.monthlyWage !== undefined) {
      spell.wage = cents(s.monthlyWage);
      if (spell.wage === undefined) return undefined;
    }
    record.spells.push(spell);
  }
  record.spells.sort((a, b) => a.start - b.start);
  for (let i = 1; i < record.spells.length; i++) {
    const before = record.spells[i - 1];
    if (before.end === undefined || before.end >= record.spells[i].start) return undefined; // overlap
  }
  for (const w of raw.wages ?? []) {
    if (!isObject(w) || !onlyKeys(w, new Set(['on', 'monthlyWage']))) return undefined;
    const on = parseDate(w.on);
    const wage = cents(w.monthlyWage);
    if (on === undefined || on.day < enrolled.day || wage === undefined) return undefined;
    record.wages.push({ on: on.day, wage });
  }
  for (const e of raw.events ?? []) {
    if (!isObject(e) || !onlyKeys(e, new Set(['kind', 'on'])) || typeof e.kind !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.kind)) return undefined;
    const on = parseDate(e.on);
    if (on === undefined || on.day < enrolled.day) return undefined;
    record.events.push({ kind: e.kind, on: on.day });
  }
  return record;
}

// ---- Outcomes (docs/outcomes.md): { status: 'A' | 'F' | 'P', on, anchor } as known at asOf ----

const PENDING = { status: 'P' };

/** What is known of employment at asOf: [start, last day known employed] for each spell started. */
function employment(record, asOf) {
  const known = [];
  for (const s of record.spells) if (s.start <= asOf) known.push([s.start, Math.min(s.end ?? asOf, asOf)]);
  return known;
}

/** The uncovered runs of days within [from, to], in order, as [first, last] (the last may be past asOf: unknown). */
function gaps(known, from, to) {
  const out = [];
  let cursor = from;
  for (const [start, last] of known) {
    if (last < cursor) continue;
    if (start > to) break;
    if (start > cursor) out.push([cursor, start - 1]);
    cursor = Math.max(cursor, last + 1);
    if (cursor > to) return out;
  }
  out.push([cursor, to]);
  return out;
}

/** The terms of an outcome, checked (throws on what is not modelled) and read once. */
function termsOf(o, outcomeIndex) {
  const months = (m) => {
    if (o.endBoundary !== undefined && o.endBoundary !== 'inclusive' && o.endBoundary !== 'exclusive') throw new Error(`expected.mjs: endBoundary ${o.endBoundary} not modelled`);
    return { placement: outcomeIndex.get(o.placementOutcome), months: m, exclusive: o.endBoundary === 'exclusive' };
  };
  switch (o.kind) {
    case 'milestone':
      if (o.within === undefined) throw new Error('expected.mjs: a milestone without a window is not modelled');
      return { kind: o.kind, event: o.event, from: o.within.from, days: o.within.days };
    case 'placement':
      return {
        kind: o.kind, from: o.window.from, days: o.window.days, length: o.minSpellDays ?? 1,
        minHours: o.minWeeklyHours === undefined ? undefined : Number(o.minWeeklyHours),
        types: o.contractTypes === 'any' ? undefined : new Set(o.contractTypes),
      };
    case 'retention':
      if (o.measure.kind !== 'continuous' && o.measure.kind !== 'cumulative') throw new Error(`expected.mjs: retention measure ${o.measure.kind} not modelled`);
      return { kind: o.kind, ...months(o.months), mode: o.measure.kind, allowedGapDays: o.measure.allowedGapDays, minDays: o.measure.minDays };
    case 'wageProgression':
      if (o.baseline !== 'preProgramme' || o.threshold.kind !== 'percent') throw new Error('expected.mjs: only a pre-programme baseline and a percent threshold are modelled');
      return { kind: o.kind, ...months(o.months), percent: ratio(o.threshold.percent) };
    default:
      throw new Error(`expected.mjs: outcome kind ${o.kind} not modelled`);
  }
}

function anchorDay(record, from) {
  if (from === 'enrolment') return record.enrolled;
  if (from === 'exit') return record.exit;
  throw new Error(`expected.mjs: window from ${from} not modelled`);
}

function milestone(record, t, asOf) {
  const from = anchorDay(record, t.from);
  if (from === undefined || from > asOf) return PENDING;
  const last = from + t.days;
  let best;
  for (const e of record.events) if (e.kind === t.event && e.on >= from && e.on <= last && e.on <= asOf && (best === undefined || e.on < best)) best = e.on;
  if (best !== undefined) return { status: 'A', on: best };
  return last + 1 <= asOf ? { status: 'F', on: last + 1 } : PENDING;
}

function placement(record, t, asOf) {
  const from = anchorDay(record, t.from);
  if (from === undefined || from > asOf) return PENDING;
  const last = from + t.days;
  let best;
  let running = false;
  let failOn = last + 1;
  for (const s of record.spells) {
    if (s.start < from || s.start > last || s.start > asOf) continue;
    if (t.minHours !== undefined && !(typeof s.hours === 'number' && s.hours >= t.minHours)) continue;
    if (t.types !== undefined && !t.types.has(s.type)) continue;
    const qualifies = s.start + t.length - 1;
    if (Math.min(s.end ?? asOf, asOf) >= qualifies) {
      if (best === undefined || qualifies < best.on) best = { status: 'A', on: qualifies, anchor: s.start, anchorDate: s.startDate };
    } else if (s.end !== undefined && s.end < qualifies && s.end < asOf) failOn = Math.max(failOn, s.end + 1); // ended too short
    else running = true;
  }
  if (best !== undefined) return best;
  return !running && failOn <= asOf ? { status: 'F', on: failOn } : PENDING;
}

function retention(record, t, placed, asOf) {
  if (placed.status !== 'A') return placed;
  const end = addMonths(placed.anchorDate, t.months) - (t.exclusive ? 1 : 0);
  const later = (on) => Math.max(on, placed.on);
  const runs = gaps(employment(record, asOf), placed.anchor, end);
  if (t.mode === 'continuous') {
    for (const [first, lastOff] of runs) {
      const failOn = first + t.allowedGapDays;
      if (failOn <= lastOff && failOn <= asOf) return { status: 'F', on: later(failOn) };
    }
  } else {
    const allowed = end - placed.anchor + 1 - t.minDays;
    if (allowed < 0) return { status: 'F', on: later(placed.anchor) };
    let off = 0;
    for (const [first, lastOff] of runs) {
      const failOn = first + (allowed + 1 - off) - 1;
      if (failOn <= lastOff && failOn <= asOf) return { status: 'F', on: later(failOn) };
      off += lastOff - first + 1;
    }
  }
  return end <= asOf ? { status: 'A', on: later(end) } : PENDING;
}

function wageProgression(record, t, placed, asOf) {
  if (placed.status !== 'A') return placed;
  const measured = addMonths(placed.anchorDate, t.months);
  const on = Math.max(measured, placed.on);
  if (on > asOf) return PENDING;
  if (record.base === undefined) return { status: 'F', on };
  let wage;
  let observed;
  for (const w of record.wages) if (w.on >= placed.anchor && w.on <= measured && (observed === undefined || w.on >= observed)) [observed, wage] = [w.on, w.wage];
  if (wage === undefined) {
    let latest;
    for (const s of record.spells) {
      if (s.start <= measured && (s.end === undefined || s.end >= measured) && s.wage !== undefined && (latest === undefined || s.start > latest.start)) latest = s;
    }
    wage = latest?.wage;
  }
  if (wage === undefined) return { status: 'F', on };
  const [num, den] = t.percent;
  const passes = record.base === 0 ? wage > 0 : BigInt(wage - record.base) * 100n * den >= BigInt(record.base) * num;
  return { status: passes ? 'A' : 'F', on };
}

// ---- The run ----

/**
 * An accumulator of the expected figures of `contract` at `asOf` over raw records.
 * `add(raw)` returns undefined for a record validation excludes, else the participant's amount
 * in cents (a Number) for every claim achieved by asOf, after the per-participant cap, whatever
 * tranche pays it (the float baseline's notion of a participant's payment), and `paidNow`, the
 * part of it in tranches measured by asOf.
 */
export function expectedRun(contract, asOfText) {
  const asOf = mustDate(asOfText, 'asOf').day;
  const cohortIds = contract.cohorts.map((c) => c.id);
  const groupIds = contract.groups.map((g) => g.id);
  const cohortSet = new Set(cohortIds);
  const groupSet = new Set(groupIds);
  const outcomes = contract.outcomes;
  const outcomeIndex = new Map(outcomes.map((o, i) => [o.id, i]));
  const terms = outcomes.map((o) => termsOf(o, outcomeIndex));
  const multipliers = new Map(contract.groups.filter((g) => g.priceMultiplier !== undefined).map((g) => [g.id, ratio(g.priceMultiplier)]));
  const rules = contract.rules.map((rule, index) => {
    if (rule.kind !== 'rateCard') throw new Error(`expected.mjs: rule kind ${rule.kind} not modelled`);
    const pricing = rule.groupPricing;
    if (!(pricing.kind === 'flat' || (pricing.kind === 'multipliers' && pricing.rounding === 'up' && pricing.severalGroups === 'highest'))) {
      throw new Error(`expected.mjs: group pricing of ${rule.id} not modelled`);
    }
    return { id: rule.id, index, outcome: outcomeIndex.get(rule.outcome), prerequisites: rule.prerequisites.map((p) => outcomeIndex.get(p)), price: moneyCents(rule.price), pricing };
  });
  const caps = { participant: undefined, payer: new Map(), contract: [] };
  for (const cap of contract.caps ?? []) {
    if (cap.kind === 'participant') {
      if (caps.participant !== undefined || cap.claimOrder !== 'achievementDate') throw new Error('expected.mjs: one participant cap in achievement-date order is modelled');
      caps.participant = { id: cap.id, limit: Number(moneyCents(cap.amount)), partial: cap.partialPayment };
    } else if (cap.kind === 'payer') caps.payer.set(cap.payer, moneyCents(cap.amount));
    else if (cap.kind === 'contract') caps.contract.push(moneyCents(cap.amount));
    else throw new Error(`expected.mjs: cap kind ${cap.kind} not modelled`);
  }
  // Tranches in settlement order: measuredOn, ties in contract order.
  const tranches = contract.tranches
    .map((t, index) => ({ id: t.id, index, measured: mustDate(t.measuredOn, t.id).day, rules: new Set(t.rules), cohorts: new Set(t.cohorts) }))
    .sort((a, b) => a.measured - b.measured || a.index - b.index);
  const exits = (contract.exitClauses ?? []).map((clause) => {
    const c = clause.condition;
    if (c.kind !== 'outcomeRateBelow' || c.denominator.kind !== 'enrolled' || c.pending !== 'exclude') throw new Error(`expected.mjs: exit condition of ${clause.id} not modelled`);
    return { id: clause.id, checkOn: mustDate(clause.checkOn, clause.id).day, outcome: outcomeIndex.get(c.outcome), cohorts: new Set(c.cohorts), threshold: ratio(c.threshold), achieved: 0, failed: 0, pending: 0 };
  });
  // Where a claim of (rule, cohort, date) goes: the first tranche listing both, measured on or after the date.
  const trancheFor = (rule, cohort, on) => tranches.find((t) => t.rules.has(rule) && t.cohorts.has(cohort) && t.measured >= on);

  const priceCache = new Map();
  const priceOf = (rule, groups) => {
    if (rule.pricing.kind === 'flat') return Number(rule.price);
    const key = `${rule.index}|${groups.join(';')}`;
    let price = priceCache.get(key);
    if (price === undefined) {
      // The highest of the group prices (a group without a multiplier pays the price); no group: the price.
      price = groups.length === 0 ? rule.price : 0n;
      for (const g of groups) {
        const [num, den] = multipliers.get(g) ?? [1n, 1n];
        const up = (rule.price * num + den - 1n) / den; // rounded up to the cent
        if (up > price) price = up;
      }
      price = Number(price);
      priceCache.set(key, price);
    }
    return price;
  };

  const ids = new Set();
  const numberedIds = new Uint8Array(100_000_000 / 8);
  const seen = (id) => {
    const match = /^P(\d{8})$/.exec(id);
    if (match === null) {
      if (ids.has(id)) return true;
      ids.add(id);
      return false;
    }
    const n = Number(match[1]);
    const bit = 1 << (n & 7);
    if (numberedIds[n >> 3] & bit) return true;
    numberedIds[n >> 3] |= bit;
    return false;
  };

  const lines = new Map(tranches.map((t) => [t.id, new Map()])); // per tranche: "rule|cohort|unit cents" -> claims
  // Per "cohort|group" (group '' for the whole cohort), per outcome: [enrolled, achieved, failed, pending].
  const tallies = new Map();
  const tally = (key, resolved) => {
    let rows = tallies.get(key);
    if (rows === undefined) tallies.set(key, (rows = outcomes.map(() => [0, 0, 0, 0])));
    resolved.forEach((r, i) => {
      rows[i][0]++;
      rows[i][r.status === 'A' ? 1 : r.status === 'F' ? 2 : 3]++;
    });
  };
  let read = 0;
  let settled = 0;
  let unscheduled = 0;
  let claimsCut = 0;
  let amountCut = 0n;

  function add(raw) {
    read++;
    const record = parseRecord(raw, cohortSet, groupSet);
    if (record === undefined) return undefined;
    if (seen(record.id)) throw new Error(`expected.mjs: duplicate id ${record.id}: the exclusion of repeated ids is not modelled`);
    if (record.enrolled > asOf) throw new Error(`expected.mjs: ${record.id} enrolled after the as-of date: not modelled`);
    settled++;
    // Milestones and placements first: retention and wage progression read their placement.
    const resolved = new Array(terms.length);
    terms.forEach((t, i) => {
      if (t.kind === 'milestone') resolved[i] = milestone(record, t, asOf);
      else if (t.kind === 'placement') resolved[i] = placement(record, t, asOf);
    });
    terms.forEach((t, i) => {
      if (t.kind === 'retention') resolved[i] = retention(record, t, resolved[t.placement], asOf);
      else if (t.kind === 'wageProgression') resolved[i] = wageProgression(record, t, resolved[t.placement], asOf);
    });
    tally(`${record.cohort}|`, resolved);
    for (const g of record.groups) tally(`${record.cohort}|${g}`, resolved);
    for (const exit of exits) {
      if (!exit.cohorts.has(record.cohort) || record.enrolled > exit.checkOn) continue;
      const r = resolved[exit.outcome];
      if (r.status === 'P' || r.on > exit.checkOn) exit.pending++;
      else if (r.status === 'A') exit.achieved++;
      else exit.failed++;
    }
    // Claims: an achieved outcome whose prerequisites are achieved, dated when the last of them was.
    const claims = [];
    for (const rule of rules) {
      const r = resolved[rule.outcome];
      if (r.status !== 'A') continue;
      let on = r.on;
      let met = true;
      for (const p of rule.prerequisites) {
        if (resolved[p].status !== 'A') met = false;
        else on = Math.max(on, resolved[p].on);
      }
      if (met) claims.push({ rule, on, unit: priceOf(rule, record.groups) });
    }
    claims.sort((a, b) => a.on - b.on || a.rule.index - b.rule.index);
    let used = 0;
    let amount = 0;
    let paidNow = 0;
    for (const claim of claims) {
      let paid = claim.unit;
      if (caps.participant !== undefined) {
        const left = caps.participant.limit - used;
        if (paid > left) paid = caps.participant.partial ? left : 0;
        if (paid < claim.unit) {
          claimsCut++;
          amountCut += BigInt(claim.unit - paid);
        }
        used += paid;
      }
      amount += paid;
      const tranche = trancheFor(claim.rule.id, record.cohort, claim.on);
      if (tranche === undefined) {
        unscheduled++;
        continue;
      }
      if (tranche.measured > asOf || paid === 0) continue;
      paidNow += paid;
      const counts = lines.get(tranche.id);
      const key = `${claim.rule.id}|${record.cohort}|${paid}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { id: record.id, amount, paidNow };
  }

  function figures() {
    const payers = contract.parties.payers;
    const shares = payers.map((p) => ratio(p.share));
    const scale = shares.reduce((max, [, d]) => (d > max ? d : max), 1n); // denominators are powers of 10
    const weights = shares.map(([n, d]) => n * (scale / d));
    const payerTotals = payers.map(() => 0n);
    let total = 0n;
    const trancheRows = [];
    const lineRows = [];
    for (const t of tranches) {
      let earned = 0n;
      for (const [key, count] of lines.get(t.id)) {
        const line = BigInt(key.slice(key.lastIndexOf('|') + 1)) * BigInt(count);
        earned += line;
        lineRows.push(`${t.id}|${key}: ${count} ${formatCents(line)}`);
      }
      if (t.measured > asOf && earned !== 0n) throw new Error('expected.mjs: a scheduled tranche with claims');
      const parts = split(earned, weights);
      parts.forEach((part, i) => (payerTotals[i] += part));
      total += earned;
      for (const limit of caps.contract) if (total > limit) throw new Error(`expected.mjs: the contract cap ${formatCents(limit)} would cut at tranche ${t.id}: caps that cut are not modelled`);
      payers.forEach((p, i) => {
        const limit = caps.payer.get(p.id);
        if (limit !== undefined && payerTotals[i] > limit) throw new Error(`expected.mjs: the payer cap of ${p.id} would cut at tranche ${t.id}: not modelled`);
      });
      trancheRows.push({
        id: t.id,
        status: t.measured > asOf ? 'scheduled' : 'settled',
        earned: formatCents(earned),
        payers: payers.map((p, i) => ({ payer: p.id, earned: formatCents(parts[i]) })),
      });
    }
    if (unscheduled > 0) throw new Error(`expected.mjs: ${unscheduled} claims no tranche pays: not modelled`);
    const exitFigures = exits.map((e) => {
      const denominator = e.achieved + e.failed;
      if (denominator === 0) throw new Error(`expected.mjs: empty denominator for ${e.id}: not modelled`);
      const [num, den] = e.threshold;
      if (BigInt(e.achieved) * den < num * BigInt(denominator)) throw new Error(`expected.mjs: exit clause ${e.id} fires (${e.achieved} / ${denominator}): termination is not modelled`);
      return { clause: e.id, outcome: e.checkOn > asOf ? 'notYetChecked' : 'notFired', achieved: e.achieved, failed: e.failed, pending: e.pending, rateDenominator: denominator };
    });
    if (exitFigures.some((e) => e.outcome === 'notYetChecked')) throw new Error('expected.mjs: an exit clause checked after asOf is not modelled');
    const tallyRows = [...tallies].flatMap(([key, rows]) => rows.map((row, i) => `${key}|${outcomes[i].id}: ${row.join(' ')}`)).sort();
    return {
      records: { read, settled, excluded: read - settled },
      totals: { earned: formatCents(total), due: formatCents(total) },
      payers: payers.map((p, i) => ({ payer: p.id, earned: formatCents(payerTotals[i]), due: formatCents(payerTotals[i]) })),
      tranches: trancheRows,
      participantCaps: caps.participant === undefined ? [] : [{ cap: caps.participant.id, claimsCut, amountCut: formatCents(amountCut) }],
      unscheduled: 0,
      lines: lineRows.sort(),
      exits: exitFigures,
      tallies: tallyRows,
    };
  }

  return { add, figures };
}
