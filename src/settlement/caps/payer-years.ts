/**
 * Yearly payer caps (a payer's commitment per budget year, docs/mechanics/payer-funding.md). After
 * the split among payers, each yearly cap limits what its payer pays in the budget year (calendar,
 * or fiscal from the first day of a month) of the tranche's due date. The part above it is cut
 * (`notPaid`), carried to the payer's first tranche due in a later budget year (`deferred`: it
 * counts against that year's commitment, and lapses when no such tranche comes), or paid by another
 * payer (`takenBy`), within that payer's own yearly cap if it has one (a chain, without cycles:
 * parseContract refuses them). Caps are applied givers before takers, so a taker's cap sees what it
 * took. One step per tranche and cap: nothing here runs per record.
 *
 * @module
 */
import { civilToDays, dateParts, formatDate, type CalendarDate } from '../../calendar/index.js';
import type { Contract } from '../../contract/index.js';
import { ZERO, parseAmount, sumAmounts, type Amount } from '../../money/index.js';
import type { CapCut } from './money-caps.js';

/** What a yearly cap does with the part above it. */
type Overflow = { readonly kind: 'notPaid' } | { readonly kind: 'deferred' } | { readonly kind: 'takenBy'; readonly payer: number };

/** A yearly payer cap, compiled. */
export interface YearCap {
  /** Cap id. */
  readonly id: string;
  /** Index of its payer. */
  readonly payer: number;
  /** The commitment per budget year. */
  readonly limit: Amount;
  /** First month of the budget year (1 for the calendar year). */
  readonly startMonth: number;
  /** What happens above it. */
  readonly overflow: Overflow;
}

/** A budget year: its first and last days. */
export interface BudgetYear {
  /** First day. */
  readonly from: CalendarDate;
  /** Last day. */
  readonly to: CalendarDate;
}

/** How a yearly cap treated one payer's part in one tranche (the audit line). */
export interface BudgetYearEntry {
  /** Cap id. */
  readonly cap: string;
  /** Payer id. */
  readonly payer: string;
  /** The budget year of the tranche's due date. */
  readonly year: BudgetYear;
  /** The commitment for the year. */
  readonly limit: Amount;
  /** Paid in the year by earlier tranches (of this settlement's schedule). */
  readonly usedBefore: Amount;
  /** The payer's part from the split (before any payer cap). */
  readonly part: Amount;
  /** Overflows of other payers' yearly caps this payer takes, in this tranche. */
  readonly takenFrom: readonly { readonly payer: string; readonly amount: Amount }[];
  /** Amounts deferred from earlier budget years, paid with this tranche. */
  readonly carriedFrom: readonly { readonly tranche: string; readonly year: BudgetYear; readonly amount: Amount }[];
  /** part + taken + carried. */
  readonly requested: Amount;
  /** What the payer pays in this tranche within its commitment. */
  readonly paid: Amount;
  /** requested − paid: the part above the commitment. */
  readonly over: Amount;
  /** What happens to `over`. */
  readonly overflow: 'notPaid' | 'deferred' | 'takenBy';
  /** The payer taking `over` (takenBy), or the tranche paying it (deferred; null: no later budget year's tranche, it lapses), or null (notPaid). */
  to: string | null;
}

/** An amount deferred and not yet paid. */
interface Carry {
  readonly tranche: string;
  readonly year: BudgetYear;
  readonly amount: Amount;
  readonly entry: BudgetYearEntry;
}

/** The yearly caps' state over a schedule run. */
export interface YearCapState {
  /** Caps, givers before takers. */
  readonly caps: readonly YearCap[];
  /** Paid per cap and budget year (key: cap id, first day). */
  readonly used: Map<string, Amount>;
  /** Deferred amounts not yet paid, per cap id, oldest first. */
  readonly pending: Map<string, Carry[]>;
}

/**
 * The yearly payer caps of a validated contract, ordered so that a cap whose overflow another
 * payer takes comes before that payer's cap (contract order otherwise).
 *
 * @example
 * yearCaps(contract).map((cap) => cap.id); // ['cap-region', 'cap-state'] when region's overflow is taken by state
 */
export function yearCaps(contract: Contract): YearCap[] {
  const payers = contract.parties.payers.map((payer) => payer.id);
  const caps: YearCap[] = [];
  for (const cap of contract.caps ?? []) {
    if (cap.kind !== 'payer' || cap.per === undefined || cap.overflow === undefined) continue;
    const overflow = cap.overflow;
    caps.push({
      id: cap.id,
      payer: payers.indexOf(cap.payer),
      limit: parseAmount(cap.amount),
      startMonth: cap.per.kind === 'fiscalYear' ? cap.per.startMonth : 1,
      overflow: typeof overflow === 'object' ? { kind: 'takenBy', payer: payers.indexOf(overflow.takenBy) } : { kind: overflow },
    });
  }
  // Kahn's order on "the overflow of a goes to b's payer": no cycles (PAYER_CAP_TAKEN_BY_CYCLE)
  const ordered: YearCap[] = [];
  const left = [...caps];
  while (left.length > 0) {
    const index = left.findIndex((cap) => !left.some((other) => other.overflow.kind === 'takenBy' && other.overflow.payer === cap.payer && other !== cap));
    ordered.push(...left.splice(index === -1 ? 0 : index, 1));
  }
  return ordered;
}

/**
 * A fresh state for a run.
 *
 * @example
 * const state = yearCapState(yearCaps(contract));
 */
export function yearCapState(caps: readonly YearCap[]): YearCapState {
  return { caps, used: new Map(), pending: new Map() };
}

/**
 * The budget year of a day that starts on the first day of `startMonth`.
 *
 * @example
 * budgetYear(parseDate('2025-02-10'), 4); // 2024-04-01 to 2025-03-31
 */
export function budgetYear(day: CalendarDate, startMonth: number): BudgetYear {
  const { year, month } = dateParts(day);
  const first = month >= startMonth ? year : year - 1;
  // unchecked: the last budget year may end after 9999-12-31
  return { from: civilToDays(first, startMonth, 1) as CalendarDate, to: (civilToDays(first + 1, startMonth, 1) - 1) as CalendarDate };
}

/**
 * The key of a cap's use in a budget year in {@link YearCapState.used}.
 *
 * @example
 * yearUseKey('cap-council', budgetYear(dueOn, 4));
 */
export function yearUseKey(cap: string, year: BudgetYear): string {
  return `${cap}\u0000${year.from}`;
}

/**
 * Applies the yearly caps to a settled tranche's parts (after the split, before the contract-long
 * payer caps): pays what was deferred to this tranche, then limits each payer to what remains of
 * its commitment for the budget year of `dueOn`. `parts` is changed in place; returns the audit
 * lines and the cuts of `notPaid` caps (payer cap cuts, as contract-long payer caps report them).
 *
 * @example
 * const { entries, cuts } = applyYearCaps(state, ['region', 'state'], 'T2', dueOn, parts);
 */
export function applyYearCaps(
  state: YearCapState,
  payers: readonly string[],
  tranche: string,
  dueOn: CalendarDate,
  parts: Amount[],
): { entries: BudgetYearEntry[]; cuts: CapCut[] } {
  const entries: BudgetYearEntry[] = [];
  const cuts: CapCut[] = [];
  const taken = new Map<number, { payer: string; amount: Amount }[]>();
  for (const cap of state.caps) {
    const year = budgetYear(dueOn, cap.startMonth);
    const waiting = state.pending.get(cap.id) ?? [];
    const due = waiting.filter((carry) => carry.year.from < year.from);
    if (due.length > 0) state.pending.set(cap.id, waiting.filter((carry) => carry.year.from >= year.from));
    for (const carry of due) carry.entry.to = tranche;
    const takenFrom = taken.get(cap.payer) ?? [];
    const current = parts[cap.payer] ?? ZERO; // its split part and what it took
    const part = current.minus(sumAmounts(takenFrom.map((t) => t.amount)));
    const asked = current.plus(sumAmounts(due.map((carry) => carry.amount)));
    if (asked.isZero()) continue;
    const key = yearUseKey(cap.id, year);
    const usedBefore = state.used.get(key) ?? ZERO;
    const left = cap.limit.minus(usedBefore);
    const paid = asked.lessThanOrEqualTo(left) ? asked : left.isNegative() ? ZERO : left;
    const over = asked.minus(paid);
    state.used.set(key, usedBefore.plus(paid));
    parts[cap.payer] = paid;
    const entry: BudgetYearEntry = {
      cap: cap.id,
      payer: payers[cap.payer] ?? '',
      year,
      limit: cap.limit,
      usedBefore,
      part,
      takenFrom,
      carriedFrom: due.map((carry) => ({ tranche: carry.tranche, year: carry.year, amount: carry.amount })),
      requested: asked,
      paid,
      over,
      overflow: cap.overflow.kind,
      to: null,
    };
    entries.push(entry);
    if (over.isZero()) continue;
    switch (cap.overflow.kind) {
      case 'notPaid':
        cuts.push({ cap: cap.id, kind: 'payer', limit: cap.limit, usedBefore, requested: asked, cut: over });
        break;
      case 'deferred':
        state.pending.set(cap.id, [...(state.pending.get(cap.id) ?? []), { tranche, year, amount: over, entry }]);
        break;
      case 'takenBy': {
        const taker = cap.overflow.payer;
        entry.to = payers[taker] ?? null;
        parts[taker] = (parts[taker] ?? ZERO).plus(over);
        taken.set(taker, [...(taken.get(taker) ?? []), { payer: entry.payer, amount: over }]);
        break;
      }
      default: {
        const never: never = cap.overflow;
        return never;
      }
    }
  }
  return { entries, cuts };
}

/**
 * A scheduled tranche (measured after the as-of date) due in a later budget year than a deferral
 * still waiting: that deferral will be paid with it, once it is settled.
 *
 * @example
 * noteScheduled(state, 'T5', dueOn);
 */
export function noteScheduled(state: YearCapState, tranche: string, dueOn: CalendarDate): void {
  for (const cap of state.caps) {
    const waiting = state.pending.get(cap.id);
    if (waiting === undefined || waiting.length === 0) continue;
    const year = budgetYear(dueOn, cap.startMonth);
    for (const carry of waiting) if (carry.year.from < year.from && carry.entry.to === null) carry.entry.to = tranche;
  }
}

function yearText(year: BudgetYear): string {
  return `${formatDate(year.from)} to ${formatDate(year.to)}`;
}

/**
 * The audit line of an entry in words, with its figures. `status` gives the status of the
 * tranche a deferral goes to (settled: paid with it; scheduled: to be paid with it).
 *
 * @example
 * describeBudgetYear(entry, (a) => a.toFixed(2), () => 'settled');
 * // 'council 8000.00 against its commitment of 50000.00 for 2025-04-01 to 2026-03-31 (45000.00 used before): 5000.00 paid, 3000.00 deferred to T5'
 */
export function describeBudgetYear(entry: BudgetYearEntry, money: (amount: Amount) => string, status: (tranche: string) => string | undefined): string {
  const extras = [
    ...entry.carriedFrom.map((carry) => `${money(carry.amount)} deferred from ${carry.tranche} (${yearText(carry.year)})`),
    ...entry.takenFrom.map((taken) => `${money(taken.amount)} taken from ${taken.payer}`),
  ];
  const asked = extras.length === 0 ? money(entry.requested) : `${money(entry.part)} + ${extras.join(' + ')} = ${money(entry.requested)}`;
  const head = `${entry.payer} ${asked} against its commitment of ${money(entry.limit)} for ${yearText(entry.year)} (${money(entry.usedBefore)} used before): ${money(entry.paid)} paid`;
  if (entry.over.isZero()) return head;
  const over = money(entry.over);
  switch (entry.overflow) {
    case 'notPaid':
      return `${head}, ${over} above the commitment not paid`;
    case 'takenBy':
      return `${head}, ${over} above the commitment taken by ${entry.to ?? ''}`;
    case 'deferred': {
      if (entry.to === null) return `${head}, ${over} above the commitment deferred, but no later tranche falls due in a later budget year: not paid (lapsed)`;
      const when = status(entry.to) === 'settled' ? 'paid with' : 'to be paid with';
      return `${head}, ${over} above the commitment deferred to the next budget year: ${when} tranche ${entry.to}`;
    }
    default: {
      const never: never = entry.overflow;
      return never;
    }
  }
}
