/**
 * The texts for people in French over every hand-worked vector: the summary of the settlement and
 * the explanation of each participant are written without error (an amount, a pro rata or a
 * "not counted" of earnings each written as what it is), and keep no English sentence of the
 * engine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanationText } from '../../src/cli/explanation-text.js';
import { settlementSummary } from '../../src/cli/summary.js';
import { explainParticipant } from '../../src/explain/index.js';
import type { SettleOptions } from '../../src/settlement/index.js';
import { settleWith } from '../settlement/settle-helper.js';

const VECTORS = join(import.meta.dirname, '..', 'vectors');
const ENGLISH = /\b(?:paid by earlier tranches|participants? who achieved|not counted|within \d+ days of|rate \S+ [<≥] threshold|the window's|tier from|does not bind|binds)\b/u;

/** The lines of a French text with a decimal point (`0.4`) outside the problems of excluded records, which stay in English with their codes. */
function decimalPoints(text: string): string[] {
  return text.split('\n').filter((line) => !/^\s+[A-Z][A-Z_]+ at /u.test(line) && !/« [^»]* »/u.test(line) && /\d\.\d/u.test(line));
}

describe('summary and explanations in French over every vector', () => {
  const files = readdirSync(VECTORS).filter((file) => file.endsWith('.json') && !readFileSync(join(VECTORS, file), 'utf8').includes('"settlementOf"'));
  it.each(files)('%s', (file) => {
    const vector = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as { contract: unknown; records: { id?: unknown }[]; options: SettleOptions };
    const settled = settleWith(vector.contract, vector.records, vector.options);
    if (settled.ok) {
      const summary = settlementSummary(settled.value, 'fr');
      expect(summary).not.toMatch(ENGLISH);
      expect(decimalPoints(summary)).toEqual([]);
    }
    let explained = 0;
    for (const id of new Set(vector.records.map((record) => record.id).filter((id): id is string => typeof id === 'string' && id !== ''))) {
      const explanation = explainParticipant(vector.contract, vector.records, id, vector.options);
      if (!explanation.ok) continue;
      const text = explanationText(explanation.value, 'fr');
      expect(text).not.toMatch(ENGLISH);
      explained += 1;
    }
    expect(explained + (settled.ok ? 0 : 1)).toBeGreaterThan(0);
  });
});
