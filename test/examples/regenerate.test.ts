import { expect, test } from 'vitest';
import { loadExample, settledExample, settlementText, writeExampleFile } from './helpers.js';
import { PROGRAMMES } from './programmes.js';

// Regenerates the committed example files: REGENERATE_EXAMPLES=1 npx vitest run test/examples
// Records come from each generator; the expected settlement from the engine, which the hand
// checks in <name>.test.ts then hold to account.
test.runIf(process.env['REGENERATE_EXAMPLES'] === '1').each(PROGRAMMES)('regenerate examples/$name', (programme) => {
  const generated = programme.generate(programme.seed);
  const before = loadExample(programme.name);
  writeExampleFile(before, 'records.csv', generated.csv);
  writeExampleFile(before, 'records.ndjson', generated.ndjson);
  const settlement = settledExample(loadExample(programme.name), programme.asOf, 'ndjson');
  writeExampleFile(before, 'expected-settlement.json', settlementText(settlement));
  expect(loadExample(programme.name).ndjson).toBe(generated.ndjson);
});
