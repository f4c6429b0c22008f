import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/settlement/index.js';
import { partialMismatches } from '../settlement/partial-match.js';

/**
 * The worked example of docs/settlement.md: its contract and records blocks are settled and the
 * figures worked out by hand in the text (the `json expected` block) must hold.
 */
const text = readFileSync('docs/settlement.md', 'utf8');
const section = text.slice(text.indexOf('## Worked example'));
const blocks = [...section.matchAll(/```json( expected)?\n([\s\S]*?)```/g)].map((match) => ({
  expected: match[1] !== undefined,
  value: JSON.parse(match[2] ?? '') as unknown,
}));

describe('docs/settlement.md worked example', () => {
  it('has a contract, records and the expected figures', () => {
    expect(blocks.map((block) => block.expected)).toEqual([false, false, true]);
  });

  it('settles to the figures worked out by hand in the text', () => {
    const [contract, records, expected] = blocks.map((block) => block.value);
    const asOf = (expected as { asOf: string }).asOf;
    const result = settle(contract, records as unknown[], { asOf });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(partialMismatches(expected, result.value)).toEqual([]);
  });
});
