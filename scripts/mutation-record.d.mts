/** Types of scripts/mutation-record.mjs (for the test that imports it). */

/** The folders of src/ that are mutation tested, each against the tests in test/<folder>. */
export declare const MUTATION_FOLDERS: readonly string[];

/** The least mutation score (per cent) each folder must reach (issue #14). */
export declare const TARGET_SCORE: number;

/** docs/testing.md, where the scores are recorded. */
export declare const RECORD_FILE: string;

/** A folder's row of the score table. */
export type MutationRecord =
  | { readonly folder: string; readonly measured: false }
  | {
      readonly folder: string;
      readonly measured: true;
      readonly score: number;
      readonly killed: number;
      readonly timeout: number;
      readonly survived: number;
      readonly noCoverage: number;
      readonly errors: number;
      readonly date: string;
      readonly hash: string;
    };

/** The .ts files of src/<folder>, recursively, as sorted paths relative to root. */
export declare function sourceFiles(root: string, folder: string): string[];

/** SHA-256 (16 hex digits) of the paths and texts of the source files of src/<folder>. */
export declare function sourceHash(root: string, folder: string): string;

/** The rows of the score table, one per folder of MUTATION_FOLDERS, in that order. */
export declare function readRecord(markdown: string): MutationRecord[];

/** The markdown with the row of `row.folder` replaced. */
export declare function writeRecord(markdown: string, row: MutationRecord): string;

/** Detected over valid mutants, per cent, rounded down to 2 decimals. */
export declare function mutationScore(counts: { readonly killed: number; readonly timeout: number; readonly survived: number; readonly noCoverage: number }): number;
