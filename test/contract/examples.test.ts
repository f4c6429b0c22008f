import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'contracts');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('examples/contracts', () => {
  it('has the three required examples', () => {
    expect(files).toEqual(expect.arrayContaining(['ppp-impact.json', 'region-agency-convention.json', 'uk-rate-card.json']));
  });
  it.each(files)('%s parses without issues', (file) => {
    const result = parseContract(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
