/**
 * The problems the structural (zod) pass reports, compared with a snapshot: many mutated contracts,
 * outcomes, a settlement document and assumptions (`structural-cases.ts`), each with the codes,
 * paths and messages reported. The snapshot was generated from the code before the schemas moved
 * from classic zod to `zod/mini` (which installs no error messages of its own), so this test
 * shows the move changed no problem a user sees. Regenerate only for an intended change of
 * wording: `REGENERATE_STRUCTURAL_SNAPSHOT=1 npx vitest run test/schema/structural-issues.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structuralCases, type Case } from './structural-cases.js';

const SNAPSHOT = 'test/schema/structural-issues.snapshot.json';

describe('structural problems (snapshot)', () => {
  it('every mutated document reports the problems of the snapshot', () => {
    const cases = structuralCases();
    if (process.env['REGENERATE_STRUCTURAL_SNAPSHOT'] === '1') {
      writeFileSync(SNAPSHOT, `[\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
    }
    const stored = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Case[];
    // the cases cover what the schemas say: rejections of each kind, and acceptances
    const all = stored.flatMap(([, problems]) => problems);
    for (const code of ['CONTRACT_REQUIRED', 'CONTRACT_TYPE', 'CONTRACT_ENUM', 'CONTRACT_UNKNOWN_KEY', 'CONTRACT_UNKNOWN_KIND', 'CONTRACT_TOO_SMALL', 'CONTRACT_TOO_BIG', 'AMOUNT_FORMAT', 'DATE_FORMAT', 'PREVIOUS_MALFORMED', 'PREVIOUS_AMOUNT', 'ASSUMPTIONS_INVALID']) {
      expect(all.some((problem) => problem.startsWith(`${code} `)), code).toBe(true);
    }
    expect(all.some((problem) => problem.startsWith('structuralCases: outcome must be an outcome of a parsed contract ('))).toBe(true);
    expect(cases.length).toBe(stored.length);
    cases.forEach((c, i) => { expect(c, `case ${String(i)}`).toEqual(stored[i]); });
  }, 300_000);
});
