import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_ISSUE_CODES, parseContract } from '../../src/contract/index.js';

const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'contract.md'), 'utf8');
const blocks = [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

describe('docs/contract.md', () => {
  it('has at least one full json example', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  it.each(blocks.map((b, i) => [i, b] as const))('json block %i parses as a valid contract', (_i, block) => {
    const result = parseContract(JSON.parse(block));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('documents every issue code', () => {
    const missing = Object.keys(CONTRACT_ISSUE_CODES).filter((code) => !text.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });
});
