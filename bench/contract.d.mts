/** Types of bench/contract.mjs (for the tests that import it). */

/** Cohorts of the benchmark contract, with their enrolment windows. */
export declare const COHORTS: readonly { id: string; name: string; enrolmentStart: string; enrolmentEnd: string; targetSize: number }[];

/** Groups of the benchmark contract. */
export declare const GROUPS: readonly string[];

/** The as-of date every benchmark settles at. */
export declare const AS_OF: string;

/** The benchmark contract JSON (a fresh copy each call). */
export declare function benchContract(): Record<string, unknown>;
