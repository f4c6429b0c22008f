/** Types of scripts/mutation-record.mjs (for the test that imports it). */

/** What is mutation tested: a folder of src/, or a part of one (a subfolder, or a letter range of its files). */
export interface MutationTarget {
  readonly name: string;
  readonly folder: string;
  readonly dir: string;
  readonly recursive: boolean;
  readonly letters?: string;
  readonly slug: string;
}

/** The targets, in the order of the score table. */
export declare const MUTATION_TARGETS: readonly MutationTarget[];

/** The folders of src/ that are mutation tested, each against the tests in test/<folder>. */
export declare const MUTATION_FOLDERS: readonly string[];

/** The least mutation score (per cent) each folder must reach (issue #14). */
export declare const TARGET_SCORE: number;

/** docs/testing.md, where the scores are recorded. */
export declare const RECORD_FILE: string;

/** A target's row of the score table. */
export type MutationRecord =
  | { readonly name: string; readonly folder: string; readonly measured: false }
  | {
      readonly name: string;
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

/** A folder's score from its targets' rows. */
export type FolderScore =
  | { readonly folder: string; readonly measured: false; readonly parts: number }
  | {
      readonly folder: string;
      readonly measured: true;
      readonly parts: number;
      readonly score: number;
      readonly killed: number;
      readonly timeout: number;
      readonly survived: number;
      readonly noCoverage: number;
      readonly errors: number;
    };

/** The target named `name` (with or without `src/`), or undefined. */
export declare function findTarget(name: string): MutationTarget | undefined;

/** The globs Stryker mutates for a target. */
export declare function mutateGlobs(target: MutationTarget): string[];

/** The .ts files of a target (or a whole folder), as sorted paths relative to root. */
export declare function sourceFiles(root: string, target: MutationTarget | string): string[];

/** SHA-256 (16 hex digits) of the paths and texts of the source files of a target (or a folder). */
export declare function sourceHash(root: string, target: MutationTarget | string): string;

/** The rows of the score table, one per target of MUTATION_TARGETS, in that order. */
export declare function readRecord(markdown: string): MutationRecord[];

/** The markdown with the row of `row.name` replaced. */
export declare function writeRecord(markdown: string, row: MutationRecord): string;

/** Detected over valid mutants, per cent, rounded down to 2 decimals. */
export declare function mutationScore(counts: { readonly killed: number; readonly timeout: number; readonly survived: number; readonly noCoverage: number }): number;

/** Each folder's score from the rows of its targets, once all are measured. */
export declare function folderScores(rows: readonly MutationRecord[]): FolderScore[];
