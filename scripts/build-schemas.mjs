// Writes the published JSON Schemas at the package root, generated from the zod schemas through the
// library itself: contract.schema.json and records.schema.json (at the root so that
// resolvers without "exports" support find them too) (package exports
// "outcome-pay/contract.schema.json" and "outcome-pay/records.schema.json").
import { writeFileSync } from 'node:fs';
import { contractJsonSchema, recordsJsonSchema } from '../dist/schemas.js';

const files = {
  'contract.schema.json': contractJsonSchema(),
  'records.schema.json': recordsJsonSchema(),
};
for (const [path, schema] of Object.entries(files)) {
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
