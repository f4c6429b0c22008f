import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_ISSUE_CODES, readRecords, validateRawRecords, type RecordsFormat } from '../../src/records/index.js';
import { canonical } from './canonical.js';
import { CONTEXT } from './fixtures.js';

const doc = readFileSync(new URL('../../docs/records.md', import.meta.url), 'utf8');

function block(format: RecordsFormat): string {
  const match = new RegExp('```' + format + '\\n([\\s\\S]*?)```').exec(doc);
  if (match?.[1] === undefined) throw new Error(`no ${format} block in docs/records.md`);
  return match[1];
}

describe('docs/records.md', () => {
  it('its json, ndjson and csv examples are valid and parse to the same records', () => {
    const parsed = (['json', 'ndjson', 'csv'] as const).map((format) => {
      const read = readRecords(block(format), format);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const result = validateRawRecords(read.value, CONTEXT);
      expect(result.issues).toEqual([]);
      return result.ok ? result.value.records.map(canonical) : [];
    });
    expect(parsed[0]?.length).toBeGreaterThanOrEqual(8);
    expect(parsed[1]).toEqual(parsed[0]);
    expect(parsed[2]).toEqual(parsed[0]);
  });

  it('documents every issue code', () => {
    for (const code of Object.keys(RECORD_ISSUE_CODES)) expect(doc).toContain(`\`${code}\``);
  });
});
