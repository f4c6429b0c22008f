/**
 * The cases of the hostile-contract corpus (test/corpus/contracts), loaded for
 * test/contract/corpus.test.ts, which runs each through the library and the command line. See
 * docs/reliability.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, type PatchOp } from './json-patch.js';
import { applyTextPatch, type TextOp } from './text-patch.js';

/**
 * One case: a single fault (`patch` of the base's value, or `text` edit of its bytes) and either
 * what must be reported (`expect`: the code, its path, and for text its line), or, for hostile
 * text the contract keeps by design, `accepted`: where that text is and why it is kept.
 */
export interface CorpusCase {
  readonly description: string;
  readonly family: string;
  readonly base: string;
  readonly patch?: readonly PatchOp[];
  readonly text?: readonly TextOp[];
  readonly expect?: { readonly code: string; readonly path: readonly (string | number)[]; readonly line?: number };
  readonly accepted?: { readonly path: readonly (string | number)[]; readonly reason: string };
}

/** The repository's root. */
export const corpusRoot = join(import.meta.dirname, '..', '..');
const dir = join(corpusRoot, 'test', 'corpus', 'contracts');

/** Every case, with its file name, in file-name order. */
export const CONTRACT_CASES: readonly (readonly [string, CorpusCase])[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase] as const);

/** The document a case gives: its bytes (a text case) or its value (a patch case). */
export function caseInput(testCase: CorpusCase): { readonly bytes?: Uint8Array; readonly value?: unknown } {
  const base = readFileSync(join(corpusRoot, testCase.base));
  if (testCase.text !== undefined) return { bytes: applyTextPatch(new Uint8Array(base), testCase.text) };
  return { value: applyPatch(JSON.parse(base.toString('utf8')), testCase.patch ?? []) };
}
