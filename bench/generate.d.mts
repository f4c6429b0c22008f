/** Types of bench/generate.mjs (for the tests that import it). */

/** A record in the wire format, as the generator writes it. */
export type GeneratedRecord = Record<string, unknown>;

/** Directory of the generated files. */
export declare const DATA_DIR: string;

/** The seed of the benchmark's files. */
export declare const SEED: number;

/** One participant record; `random` returns floats in [0, 1). */
export declare function makeRecord(index: number, random: () => number): GeneratedRecord;

/** The first `count` records of the seeded sequence: what the files hold. */
export declare function generatedRecords(count: number, seed?: number): Generator<GeneratedRecord, void, undefined>;

/** Paths of the three files for a count. */
export declare function dataPaths(count: number): { json: string; ndjson: string; csv: string };

/** Writes the three files for `count` participants (seeded), unless they exist. */
export declare function generate(count: number, options?: { seed?: number; force?: boolean }): Promise<{ json: string; ndjson: string; csv: string }>;
