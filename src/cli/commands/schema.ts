/**
 * `outcome-pay schema contract|records`: print a published JSON Schema.
 *
 * @module
 */
import { contractJsonSchema, recordsJsonSchema } from '../../schema/json-schema.js';
import { parseArgs } from '../args.js';
import { CliUsageError, EXIT } from '../io.js';
import type { Command } from './command.js';

/** The `schema` command. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a contract or of a records file.',
  usage: `Usage: outcome-pay schema contract|records

Prints the JSON Schema (draft 2020-12) generated from the library's own schemas.
The same files ship in the package as outcome-pay/contract.schema.json and outcome-pay/records.schema.json.`,
  run(args, io) {
    const parsed = parseArgs('schema', args, { maxPositionals: 1 });
    const which = parsed.positionals[0];
    if (which !== 'contract' && which !== 'records') {
      return Promise.reject(new CliUsageError('schema: say which schema: "contract" or "records"'));
    }
    const schema = which === 'contract' ? contractJsonSchema() : recordsJsonSchema();
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return Promise.resolve(EXIT.OK);
  },
};
