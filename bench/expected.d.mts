/** Types of bench/expected.mjs (for the tests that import it). */
import type { Figures } from './figures.mjs';

/** One valid participant: amounts in cents, after the per-participant cap. */
export interface ExpectedParticipant {
  readonly id: string;
  /** Every claim achieved by the as-of date, whatever tranche pays it. */
  readonly amount: number;
  /** The part of `amount` in tranches measured by the as-of date. */
  readonly paidNow: number;
}

/** An accumulator of the expected figures over raw records. */
export interface ExpectedRun {
  /** Takes one raw record; undefined when validation excludes it. */
  add(raw: unknown): ExpectedParticipant | undefined;
  /** The expected figures of the records added so far. */
  figures(): Figures;
}

/** BigInt cents as money text "1234.50". */
export declare function formatCents(value: bigint): string;

/** The independent computation of what `contract` owes at `asOf` (throws on terms it does not model). */
export declare function expectedRun(contract: unknown, asOf: string): ExpectedRun;
