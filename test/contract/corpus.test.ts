/**
 * The hostile-contract corpus (issue #13): one JSON file per case in test/corpus/contracts, each a
 * single fault on a valid base contract, with the code and path (and, for text, the line) that
 * must be reported. A case is either a JSON patch of the base's value (`patch`, read by
 * `parseContract`) or an edit of the base file's bytes (`text`, read as the command line reads a
 * contract: the strict text reader `parseJsonText`, then `parseContract`). Every case also goes
 * through the command line (`validate --json`, in process): exit status 1, the same code and path
 * in its answer, nothing printed raw. A few cases hold hostile text the contract keeps by design
 * (`accepted`: names with control characters); they are asserted as accepted and printed escaped.
 * See docs/reliability.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { CONTRACT_ISSUE_CODES, parseContract } from '../../src/contract/index.js';
import type { Issue } from '../../src/errors.js';
import { TEXT_ISSUE_CODES, parseJsonText } from '../../src/text/index.js';
import { ACTING, fakeIo, type FakeIo } from '../cli/helpers.js';
import { CONTRACT_CASES, caseInput, corpusRoot, type CorpusCase } from './corpus-cases.js';

const cases = CONTRACT_CASES;
const refused = cases.filter(([, c]) => c.expect !== undefined);
const accepted = cases.filter(([, c]) => c.accepted !== undefined);

/** The issues of a case: the text reader's, or parseContract's. */
function issuesOf(testCase: CorpusCase): readonly Issue[] {
  const input = caseInput(testCase);
  if (input.bytes === undefined) return parseContract(input.value).issues ?? [];
  const read = parseJsonText(input.bytes);
  return read.ok ? (parseContract(read.value).issues ?? []) : read.issues;
}

/** The case as a contract file's bytes (a patched value is written as JSON, own `__proto__` keys included). */
function fileOf(testCase: CorpusCase): Uint8Array {
  const input = caseInput(testCase);
  return input.bytes ?? new TextEncoder().encode(JSON.stringify(input.value));
}

function printed(io: FakeIo): string {
  return io.stdoutText() + io.stderrText();
}

/** The value at `path` in `value`. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

const codes = [...Object.keys(CONTRACT_ISSUE_CODES), ...Object.keys(TEXT_ISSUE_CODES)];

describe('hostile contract corpus', () => {
  it('has at least 200 refused cases, each a JSON patch or a text edit, with a family; no two are the same input', () => {
    expect(refused.length).toBeGreaterThanOrEqual(200);
    expect(refused.length + accepted.length).toBe(cases.length);
    const inputs = new Map<string, string>();
    for (const [file, testCase] of cases) {
      expect((testCase.patch === undefined) !== (testCase.text === undefined), file).toBe(true);
      expect((testCase.expect === undefined) !== (testCase.accepted === undefined), file).toBe(true);
      expect(testCase.family, file).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const key = JSON.stringify([testCase.base, testCase.patch, testCase.text]);
      expect(inputs.get(key), `${file} is the same input as`).toBeUndefined();
      inputs.set(key, file);
    }
  });

  it('docs/reliability.md lists every family', () => {
    const doc = readFileSync(join(corpusRoot, 'docs', 'reliability.md'), 'utf8');
    for (const family of new Set(cases.map(([, c]) => c.family))) expect(doc).toContain(`| \`${family}\` |`);
  });

  it('every base is itself a valid contract (read as text too)', () => {
    for (const base of new Set(cases.map(([, c]) => c.base))) {
      const read = parseJsonText(readFileSync(join(corpusRoot, base)));
      if (!read.ok) throw new Error(`${base}: ${JSON.stringify(read.issues)}`);
      const result = parseContract(read.value);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  for (const [file, testCase] of refused) {
    it(`${file}: ${testCase.expect?.code ?? ''}`, async () => {
      const expected = testCase.expect;
      if (expected === undefined) throw new Error('no expectation');
      expect(codes).toContain(expected.code);
      const cut = (issue: Issue): object => ({ code: issue.code, path: issue.path, ...(expected.line === undefined ? {} : { line: issue.line }) });
      const issues = issuesOf(testCase);
      expect(issues.map(cut)).toContainEqual(expected);
      for (const issue of issues) {
        expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(issue.message.length).toBeGreaterThan(10);
      }
      // the command line: refused with the same code and path, nothing printed raw
      const io = fakeIo({ 'contract.json': fileOf(testCase) });
      expect(await run(['validate', 'contract.json', '--json'], io)).toBe(1);
      const answer = JSON.parse(io.stdoutText()) as { valid: boolean; issues: Issue[] };
      expect(answer.valid).toBe(false);
      expect(answer.issues.map(cut)).toContainEqual(expected);
      expect(printed(io)).not.toMatch(ACTING);
    });
  }

  for (const [file, testCase] of accepted) {
    it(`${file}: accepted, kept as written, nothing printed raw`, async () => {
      const input = caseInput(testCase);
      const path = testCase.accepted?.path ?? [];
      const result = parseContract(input.value);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const text = at(input.value, path);
      expect(text, 'the case holds a control or bidirectional character').toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/u); // eslint-disable-line no-control-regex
      expect(at(result.value, path)).toBe(text);
      const io = fakeIo({ 'contract.json': fileOf(testCase), 'none.ndjson': '' });
      const args = ['settle', '--contract', 'contract.json', '--records', 'none.ndjson', '--allow-empty', '--as-of', '2026-12-31'];
      expect(await run([...args, '--summary'], io)).toBe(0);
      expect(printed(io)).not.toMatch(ACTING);
      expect(await run(['validate', 'contract.json'], io)).toBe(0);
      expect(printed(io)).not.toMatch(ACTING);
    });
  }

  it('every error code except internal-robustness ones is exercised by the corpus', () => {
    const used = new Set(refused.map(([, c]) => c.expect?.code));
    // TEXT_TOO_LONG: contract text has no string limit (the schema bounds names: CONTRACT_TOO_BIG)
    const robustness = new Set(['CONTRACT_UNREADABLE', 'CONTRACT_TOO_DEEP', 'CONTRACT_TOO_BIG', 'TEXT_TOO_LONG']);
    expect(codes.filter((code) => !used.has(code) && !robustness.has(code))).toEqual([]);
  });
});
