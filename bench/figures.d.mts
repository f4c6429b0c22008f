/** Types of bench/figures.mjs (for the tests that import it). */

/** The figures of a settlement that the bench checks; amounts are money strings ("1234.50"). */
export interface Figures {
  readonly records: { readonly read: number; readonly settled: number; readonly excluded: number };
  readonly totals: { readonly earned: string; readonly due: string };
  readonly payers: readonly { readonly payer: string; readonly earned: string; readonly due: string }[];
  readonly tranches: readonly { readonly id: string; readonly status: string; readonly earned: string; readonly payers: readonly { readonly payer: string; readonly earned: string }[] }[];
  readonly participantCaps: readonly { readonly cap: string; readonly claimsCut: number; readonly amountCut: string }[];
  /** Per tranche, rule, cohort and unit (cents): `"t1|rule|cohort|unit: claims paid"`, sorted. */
  readonly lines: readonly string[];
  readonly unscheduled: number;
  readonly exits: readonly { readonly clause: string; readonly outcome: string; readonly achieved?: number; readonly failed?: number; readonly pending?: number; readonly rateDenominator?: number }[];
  /** Per cohort, group and outcome at the as-of date: `"cohort|group|outcome: enrolled achieved failed pending"`, sorted. */
  readonly tallies: readonly string[];
}

/** The checked figures of a settlement document (the engine's output). */
export declare function settlementFigures(settlement: object): Figures;

/** Every place where `actual` differs from `expected`, as "path: expected X, got Y" (empty if equal). */
export declare function differences(expected: unknown, actual: unknown, path?: string): string[];
