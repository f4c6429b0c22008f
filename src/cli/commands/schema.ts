/**
 * `outcome-pay schema contract|records`: print a published JSON Schema.
 *
 * @module
 */
import { Argument } from 'commander';
import { contractJsonSchema, recordsJsonSchema } from '../../schema/json-schema.js';
import { EXIT } from '../io.js';
import type { Command } from './command.js';

/** The `schema` command. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a contract or of a records file.',
  description:
    "Prints the JSON Schema (draft 2020-12) generated from the library's own schemas. The same files ship in the package as outcome-pay/contract.schema.json and outcome-pay/records.schema.json.",
  define(command) {
    command.addArgument(new Argument('<which>', 'which schema').choices(['contract', 'records']));
  },
  examples: [
    { what: 'The schema of a contract, for an editor or a validator', argv: ['schema', 'contract'] },
    { what: 'The schema of one outcome record', argv: ['schema', 'records'] },
  ],
  exitCodes: [
    [EXIT.OK, 'printed'],
    [EXIT.USAGE, 'bad command line (no schema named, or another name)'],
  ],
  run({ args }, io) {
    const schema = args[0] === 'contract' ? contractJsonSchema() : recordsJsonSchema();
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return Promise.resolve(EXIT.OK);
  },
};
