/**
 * A contract's life, model-based (fast-check commands): records arrive, are corrected and
 * withdrawn; settlements are run and paid at successive dates, each given every earlier settlement
 * of the chain as previous. The engine is checked against a deliberately simple model of what has
 * been paid (the sum of the dues paid so far, per tranche and payer) and, for a family of
 * contracts simple enough to work out by hand, of what has been earned:
 *
 * - nothing is paid twice: each settlement deducts exactly what the chain paid, per tranche and
 *   payer, and its due is what is earned less that;
 * - every correction appears as an adjustment: a tranche an earlier settlement settled, whose
 *   amount moves, is listed in `adjustments` with the difference, payer by payer, and nothing
 *   else is;
 * - the sum of everything due over the chain equals a direct settlement at the last date (without
 *   previous settlements), tranche by tranche and payer by payer;
 * - cumulative payments never exceed the contract, tranche and payer caps;
 * - for the simple family (a placement rate card with a group price, a per-start fee, tranches
 *   listing some cohorts, a contract cap and a tranche cap paid in part), each tranche earns what
 *   the model computes from the records: claims dated in the tranche's window, capped in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, parseDate, type CalendarDate, type ContractInput, type Settlement } from '../../src/index.js';
import { runs } from '../runs.js';
import {
  currency as drawCurrency,
  drawAsOf,
  drawContract,
  drawIndicators,
  drawRecord,
  minor,
  moneyText,
  type Currency,
  type Indicators,
  type WireRecord,
} from './arbitraries/index.js';
import { anyOf, basisPoints, chance, distinctInts, int, pick, someOf, type Gen } from './arbitraries/gen.js';
import { settleWith } from './settle-helper.js';

/** A contract whose life is played, with how to draw its records and, if the model knows it, what it earns. */
interface Life {
  readonly contract: ContractInput;
  readonly currency: Currency;
  readonly start: string;
  /** Values of the contract's cohort indicators. */
  readonly indicators?: Indicators;
  /** The model of what is earned, for contracts of the simple family. */
  readonly earned?: (records: readonly WireRecord[], asOf: number) => Map<string, bigint>;
  /** A record for participant `id`. */
  readonly record: (g: Gen, id: string) => WireRecord;
}

// ----------------------------------------------------------------------------------------------
// The simple family and its model of what is earned (written from docs/settlement.md, sharing
// nothing with the engine): a claim is a placement (the first job starting within `days` days of
// enrolment, on or before the as-of date) at the base price or the rsa price, or a start
// (enrolment); it belongs to the first tranche, in date order, that lists its rule and cohort and
// is measured on or after it; a tranche measured after the as-of date owes nothing yet; the
// tranche cap, then the contract cap, cut what is asked (both pay in part).
// ----------------------------------------------------------------------------------------------

interface Simple {
  readonly days: number;
  readonly price: bigint;
  readonly rsaPrice: bigint;
  readonly fee: bigint | undefined;
  readonly contractCap: bigint | undefined;
  readonly trancheCap: { tranche: string; amount: bigint } | undefined;
  readonly tranches: readonly { id: string; measuredOn: number; rules: readonly string[]; cohorts: readonly string[] }[];
}

function simpleEarned(simple: Simple, records: readonly WireRecord[], asOf: number): Map<string, bigint> {
  const asked = new Map<string, bigint>(simple.tranches.map((t) => [t.id, 0n]));
  const claim = (rule: string, cohort: string, day: number, amount: bigint): void => {
    const owner = simple.tranches.find((t) => t.measuredOn >= day && t.rules.includes(rule) && t.cohorts.includes(cohort));
    if (owner !== undefined && owner.measuredOn <= asOf) asked.set(owner.id, (asked.get(owner.id) ?? 0n) + amount);
  };
  for (const record of records) {
    const enrolled = parseDate(record.enrolledOn);
    if (enrolled > asOf) continue;
    if (simple.fee !== undefined) claim('fee', record.cohort, enrolled, simple.fee);
    const starts = (record.spells ?? []).map((s) => parseDate(s.start)).filter((day) => day >= enrolled && day <= enrolled + simple.days && day <= asOf);
    if (starts.length > 0) claim('pay', record.cohort, Math.min(...starts), (record.groups ?? []).includes('rsa') ? simple.rsaPrice : simple.price);
  }
  const out = new Map<string, bigint>();
  let used = 0n;
  for (const t of simple.tranches) {
    let amount = asked.get(t.id) ?? 0n;
    if (simple.trancheCap?.tranche === t.id && amount > simple.trancheCap.amount) amount = simple.trancheCap.amount;
    if (simple.contractCap !== undefined && amount > simple.contractCap - used) amount = simple.contractCap - used;
    used += amount;
    out.set(t.id, amount);
  }
  return out;
}

function simpleLife(g: Gen): Life {
  const c = drawCurrency(g);
  const start = addDays(parseDate('2023-01-01'), int(g, 0, 300));
  const cohorts = ['A', 'B'].slice(0, int(g, 1, 2)).map((id) => {
    const from = addDays(start, int(g, 0, 60));
    return { id, enrolmentStart: formatDate(from), enrolmentEnd: formatDate(addDays(from, int(g, 0, 60))) };
  });
  const lastEnd = Math.max(...cohorts.map((x) => parseDate(x.enrolmentEnd)));
  const measured = distinctInts(g, int(g, 2, 4), lastEnd + 20, lastEnd + 500);
  const base = int(g, 300, 1_500) * c.scale;
  const simple: Simple = {
    days: int(g, 30, 150),
    price: BigInt(base),
    rsaPrice: BigInt(base + int(g, 0, base)),
    fee: chance(g, 60) ? BigInt(int(g, 1, base / 4)) : undefined,
    contractCap: chance(g, 60) ? BigInt(base * int(g, 2, 10)) : undefined,
    trancheCap: chance(g, 40) ? { tranche: `T${int(g, 1, measured.length)}`, amount: BigInt(base * int(g, 1, 4)) } : undefined,
    tranches: measured.map((day, i) => {
      const last = i === measured.length - 1;
      return { id: `T${i + 1}`, measuredOn: day, rules: last ? ['pay', 'fee'] : someOf(g, ['pay', 'fee']), cohorts: last ? cohorts.map((x) => x.id) : someOf(g, cohorts.map((x) => x.id)) };
    }),
  };
  const ruleIds = simple.fee === undefined ? ['pay'] : ['pay', 'fee'];
  const payers = int(g, 1, 3);
  const cuts = distinctInts(g, payers - 1, 1, 9_999);
  const bounds = [0, ...cuts, 10_000];
  const money = (units: bigint): string => moneyText(units, c.places);
  const contract: ContractInput = {
    schemaVersion: '2.0',
    id: 'life',
    name: 'A contract and its settlements',
    currency: c.code,
    rounding: 'half-even',
    period: { start: formatDate(start), end: formatDate(addDays((measured.at(-1) ?? lastEnd) as CalendarDate, 90)) },
    parties: {
      payers: Array.from({ length: payers }, (_, i) => ({ id: `payer-${i}`, name: `Payer ${i}`, share: basisPoints((bounds[i + 1] ?? 0) - (bounds[i] ?? 0)) })),
      provider: { id: 'provider', name: 'Provider' },
    },
    cohorts,
    groups: [{ id: 'rsa', name: 'Minimum-income beneficiaries' }],
    outcomes: [{ kind: 'placement', id: 'placement', name: 'Job within the window', window: { from: 'enrolment', days: simple.days }, contractTypes: 'any' }],
    rules: [
      { kind: 'rateCard', id: 'pay', name: 'Placement', outcome: 'placement', price: money(simple.price), groupPricing: { kind: 'prices', prices: [{ group: 'rsa', price: money(simple.rsaPrice) }], severalGroups: 'highest' }, prerequisites: [] },
      ...(simple.fee === undefined ? [] : [{ kind: 'fee' as const, id: 'fee', name: 'Attachment fee', charge: { kind: 'perStart' as const, amount: money(simple.fee) } }]),
    ],
    caps: [
      ...(simple.contractCap === undefined ? [] : [{ kind: 'contract' as const, id: 'budget', amount: money(simple.contractCap), partialPayment: true }]),
      ...(simple.trancheCap === undefined ? [] : [{ kind: 'tranche' as const, id: 'tranche-cap', tranche: simple.trancheCap.tranche, amount: money(simple.trancheCap.amount), partialPayment: true }]),
    ],
    tranches: simple.tranches.map((t) => ({
      id: t.id,
      name: `Tranche ${t.id}`,
      rules: t.rules.filter((r) => ruleIds.includes(r)).length > 0 ? t.rules.filter((r) => ruleIds.includes(r)) : ['pay'],
      cohorts: [...t.cohorts],
      measuredOn: formatDate(t.measuredOn as CalendarDate),
      dueOn: formatDate(addDays(t.measuredOn as CalendarDate, 30)),
    })),
  };
  const listed = new Map(contract.tranches.map((t) => [t.id, t.rules]));
  const effective: Simple = { ...simple, tranches: simple.tranches.map((t) => ({ ...t, rules: listed.get(t.id) ?? [] })) };
  const record = (gr: Gen, id: string): WireRecord => {
    const cohort = pick(gr, cohorts);
    const from = parseDate(cohort.enrolmentStart);
    const enrolled = addDays(from, int(gr, 0, parseDate(cohort.enrolmentEnd) - from));
    const spells: WireRecord['spells'] = [];
    let at: number = enrolled;
    for (let k = int(gr, 0, 2); k > 0; k--) {
      const begin = addDays(at as CalendarDate, int(gr, 0, 120));
      const end = chance(gr, 50) ? addDays(begin, int(gr, 0, 200)) : undefined;
      spells.push({ start: formatDate(begin), ...(end === undefined ? {} : { end: formatDate(end) }) });
      if (end === undefined) break;
      at = end + 1;
    }
    return { id, cohort: cohort.id, enrolledOn: formatDate(enrolled), ...(chance(gr, 30) ? { groups: ['rsa'] } : {}), ...(spells.length > 0 ? { spells } : {}) };
  };
  return { contract, currency: c, start: formatDate(start), earned: (records, asOf) => simpleEarned(effective, records, asOf), record };
}

/** A generated contract of any terms, whose earnings only the engine knows. */
function anyLife(g: Gen): Life {
  const { contract, currency } = drawContract(g);
  const indicators = drawIndicators(g, contract, currency);
  return { contract, currency, start: contract.period.start, ...(indicators === undefined ? {} : { indicators }), record: (gr, id) => ({ ...drawRecord(gr, contract, currency, 0), id }) };
}

// ----------------------------------------------------------------------------------------------
// The model and the commands.
// ----------------------------------------------------------------------------------------------

/** What the model knows: the records, the date, what the chain has paid, what each settled tranche was paid for. */
interface Model {
  readonly life: Life;
  readonly records: Map<string, WireRecord>;
  asOf: number;
  /** Tranche → payer → paid so far (sum of the dues paid), in minor units. */
  readonly paid: Map<string, Map<string, bigint>>;
  /**
   * The as-of dates of the settlements made: a tranche measured on or before one of them was
   * settled by it, whatever it earned, listed or not (an exit tranche whose clause fires later
   * on a check date that settlement had passed was settled at nothing).
   */
  readonly settledTo: number[];
  settlements: number;
}

/** The system under test: the records as a service holds them, and the chain of settlements it has issued. */
interface Real {
  readonly records: Map<string, WireRecord>;
  readonly chain: unknown[];
}

type Command = fc.Command<Model, Real>;

/** A record arrives (a new participant), or corrects the record of a participant already known. */
class Put implements Command {
  constructor(
    readonly kind: 'arrive' | 'correct',
    readonly record: WireRecord,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.records.has(this.record.id) === (this.kind === 'correct');
  }
  run(m: Model, r: Real): void {
    m.records.set(this.record.id, this.record);
    r.records.set(this.record.id, this.record);
  }
  toString(): string {
    return `${this.kind} ${JSON.stringify(this.record)}`;
  }
}

class Withdraw implements Command {
  constructor(readonly id: string) {}
  check(m: Readonly<Model>): boolean {
    return m.records.has(this.id) && m.records.size > 1; // a settlement always has a record to read
  }
  run(m: Model, r: Real): void {
    m.records.delete(this.id);
    r.records.delete(this.id);
  }
  toString(): string {
    return `withdraw ${this.id}`;
  }
}

class SettleAndPay implements Command {
  constructor(readonly days: number) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    m.asOf += this.days;
    const places = m.life.currency.places;
    const asOf = formatDate(m.asOf as CalendarDate);
    const records = [...r.records.values()];
    const indicators = m.life.indicators === undefined ? {} : { indicators: m.life.indicators };
    // withdrawals may leave nothing earned after money was paid: a full recovery the model means
    const result = settleWith(m.life.contract, records, { asOf, previous: r.chain, allowFullRecovery: true, detail: 'participants', ...indicators });
    if (!result.ok) expect.fail(`settle at ${asOf}: ${JSON.stringify(result.issues.slice(0, 3))}`);
    const s: Settlement = result.value;
    const at = `settlement ${m.settlements + 1} at ${asOf}`;
    // nothing paid twice: previouslyPaid is what the chain paid, due = earned − paid
    for (const tranche of m.paid.keys()) expect(s.tranches.some((t) => t.id === tranche), `${at}: tranche ${tranche}, paid before, is listed`).toBe(true);
    const expectedAdjustments: string[] = [];
    for (const t of s.tranches) {
      for (const p of t.payers) {
        const paid = m.paid.get(t.id)?.get(p.payer) ?? 0n;
        expect(minor(p.previouslyPaid, places), `${at}: ${t.id} ${p.payer} previously paid`).toBe(paid);
        expect(minor(p.due, places), `${at}: ${t.id} ${p.payer} due`).toBe(minor(p.earned, places) - paid);
        if (m.settledTo.some((asOfBefore) => parseDate(t.measuredOn) <= asOfBefore) && minor(p.due, places) !== 0n) expectedAdjustments.push(`${t.id} ${p.payer} ${moneyText(minor(p.due, places), places)}`);
      }
    }
    // every correction appears as an adjustment, and only corrections do
    expect(s.adjustments.map((a) => `${a.tranche} ${a.payer} ${a.amount}`).sort(), `${at}: adjustments`).toEqual(expectedAdjustments.sort());
    // the causes of each adjustment sum to it, and each cause line's payer parts to the line: so
    // the cause lines of a tranche sum to what its adjusted payers' parts moved
    const byTranche = new Map<string, { moved: bigint; lines: Map<string, { tranche: bigint; parts: bigint }> }>();
    for (const a of s.adjustments) {
      const causes = a.causes ?? expect.fail(`${at}: adjustment ${a.tranche} ${a.payer} without causes`);
      expect(causes.reduce((sum, c) => sum + minor(c.amount, places), 0n), `${at}: causes of ${a.tranche} ${a.payer}`).toBe(minor(a.amount, places));
      const entry = byTranche.get(a.tranche) ?? { moved: 0n, lines: new Map<string, { tranche: bigint; parts: bigint }>() };
      entry.moved += minor(a.amount, places);
      for (const c of causes) {
        const key = `${c.cause} ${c.rule ?? ''}`;
        const line = entry.lines.get(key) ?? { tranche: minor(c.trancheAmount, places), parts: 0n };
        line.parts += minor(c.amount, places);
        entry.lines.set(key, line);
        if (c.participants.length > 0) seen.named += 1;
        expect(c.participants, `${at}: participants sorted`).toEqual([...c.participants].sort());
      }
      byTranche.set(a.tranche, entry);
    }
    for (const [tranche, entry] of byTranche) {
      for (const [key, line] of entry.lines) expect(line.parts, `${at}: ${tranche} cause ${key}: payer parts`).toBe(line.tranche);
      expect([...entry.lines.values()].reduce((sum, line) => sum + line.tranche, 0n), `${at}: ${tranche} cause lines`).toBe(entry.moved);
    }
    // what the simple family earns, worked out from the records
    const model = m.life.earned?.(records, m.asOf);
    if (model !== undefined) {
      if ([...model.values()].some((amount) => amount > 0n)) seen.modelled += 1;
      expect(s.tranches.map((t) => [t.id, minor(t.earned, places)]), `${at}: earned per tranche`).toEqual(s.tranches.map((t) => [t.id, model.get(t.id) ?? 0n]));
    }
    // pay the dues
    for (const t of s.tranches) {
      const byPayer = m.paid.get(t.id) ?? new Map<string, bigint>();
      for (const p of t.payers) byPayer.set(p.payer, (byPayer.get(p.payer) ?? 0n) + minor(p.due, places));
      m.paid.set(t.id, byPayer);
    }
    r.chain.push(JSON.parse(JSON.stringify(s)) as unknown);
    m.settledTo.push(m.asOf);
    m.settlements += 1;
    seen.settlements += 1;
    seen.adjustments += s.adjustments.length;
    // everything due over the chain sums to what a direct settlement at this date (no previous) earns
    const direct = settleWith(m.life.contract, records, { asOf, ...indicators });
    if (!direct.ok) expect.fail(`direct settle at ${asOf}`);
    const directEarned = new Map(direct.value.tranches.flatMap((t) => t.payers.map((p) => [`${t.id} ${p.payer}`, minor(p.earned, places)] as const)));
    const chainDue = [...m.paid].flatMap(([tranche, byPayer]) => [...byPayer].map(([payer, amount]) => [`${tranche} ${payer}`, amount] as const));
    for (const [key, amount] of chainDue) expect(amount, `${at}: Σ due over the chain for ${key}`).toBe(directEarned.get(key) ?? 0n);
    for (const [key, amount] of directEarned) if (amount !== 0n) expect(m.paid.get(key.split(' ')[0] ?? '')?.get(key.split(' ')[1] ?? ''), `${at}: ${key} earned directly, due in the chain`).toBe(amount);
    // cumulative payments never exceed a contract, tranche or payer cap
    const total = [...m.paid.values()].reduce((sum, byPayer) => sum + [...byPayer.values()].reduce((a, b) => a + b, 0n), 0n);
    for (const cap of m.life.contract.caps ?? []) {
      if (cap.kind === 'contract') expect(total <= minor(cap.amount, places), `${at}: ${cap.id}`).toBe(true);
      if (cap.kind === 'tranche') expect([...(m.paid.get(cap.tranche)?.values() ?? [])].reduce((a, b) => a + b, 0n) <= minor(cap.amount, places), `${at}: ${cap.id}`).toBe(true);
      if (cap.kind === 'payer') expect([...m.paid.values()].reduce((sum, byPayer) => sum + (byPayer.get(cap.payer) ?? 0n), 0n) <= minor(cap.amount, places), `${at}: ${cap.id}`).toBe(true);
    }
  }
  toString(): string {
    return `settle and pay after ${this.days} days`;
  }
}

const IDS = Array.from({ length: 10 }, (_, i) => `Q${i + 1}`);

/** What the runs did, so that a test can show it was not vacuous. */
const seen = { settlements: 0, adjustments: 0, modelled: 0, named: 0 };

function lifeRun(draw: (g: Gen) => Life): fc.Arbitrary<{ life: Life; initial: WireRecord[]; firstAsOf: number; commands: Iterable<Command> }> {
  return fc
    .gen()
    .map((g) => {
      const life = draw(g);
      const initial = anyOf(g, IDS.slice(0, 6)).map((id) => life.record(g, id));
      if (initial.length === 0) initial.push(life.record(g, IDS[0] as string));
      return { life, initial, firstAsOf: parseDate(drawAsOf(g, life.contract)) - int(g, 0, 200) };
    })
    .chain(({ life, initial, firstAsOf }) => {
      const record = (id: string): fc.Arbitrary<WireRecord> => fc.gen().map((g) => life.record(g, id));
      const anyId = fc.constantFrom(...IDS);
      const commands = fc.commands(
        [
          anyId.chain(record).map((r) => new Put('arrive', r)),
          anyId.chain(record).map((r) => new Put('correct', r)),
          anyId.map((id) => new Withdraw(id)),
          fc.integer({ min: 0, max: 200 }).map((days) => new SettleAndPay(days)),
          fc.integer({ min: 0, max: 200 }).map((days) => new SettleAndPay(days)),
        ],
        { maxCommands: 14 },
      );
      return commands.map((cmds) => ({ life, initial, firstAsOf, commands: cmds }));
    });
}

function play({ life, initial, firstAsOf, commands }: { life: Life; initial: WireRecord[]; firstAsOf: number; commands: Iterable<Command> }): void {
  const start = parseDate(life.start);
  const setup = (): { model: Model; real: Real } => ({
    model: { life, records: new Map(initial.map((r) => [r.id, r])), asOf: Math.max(start, firstAsOf), paid: new Map(), settledTo: [], settlements: 0 },
    real: { records: new Map(initial.map((r) => [r.id, r])), chain: [] },
  });
  // every life ends with a settlement, so that its last changes are settled and checked too
  fc.modelRun(setup, [...commands, new SettleAndPay(0)]);
}

describe("a contract's life: records arrive, are corrected and withdrawn, settlements are paid in a chain", () => {
  it('simple contracts: earned as the model works it out, nothing paid twice, corrections as adjustments, the chain equals a direct settlement, caps held', () => {
    Object.assign(seen, { settlements: 0, adjustments: 0, modelled: 0, named: 0 });
    fc.assert(fc.property(lifeRun(simpleLife), play), { numRuns: runs(60) });
    // the lives settled often, corrected settled tranches, and earned something the model worked out
    expect(seen.settlements).toBeGreaterThan(100);
    expect(seen.adjustments).toBeGreaterThan(10);
    expect(seen.modelled / seen.settlements).toBeGreaterThan(0.3);
    // and put adjustments down to named participants (withdrawn, corrected, late)
    expect(seen.named).toBeGreaterThan(10);
  });

  it('generated contracts of any terms: nothing paid twice, corrections as adjustments, the chain equals a direct settlement, caps held', () => {
    Object.assign(seen, { settlements: 0, adjustments: 0, modelled: 0, named: 0 });
    fc.assert(fc.property(lifeRun(anyLife), play), { numRuns: runs(40) });
    // The seed is the run's own (FC_SEED in CI, new each time otherwise), so these are bounds with
    // room: over 30 seeds (measured 2026-12-07) 40 such lives settled 98 to 140 times and made 16
    // to 58 adjustments, and one run of the suite made only 10, which failed a bound of 10.
    expect(seen.settlements).toBeGreaterThan(70);
    expect(seen.adjustments).toBeGreaterThan(4);
  });
});
