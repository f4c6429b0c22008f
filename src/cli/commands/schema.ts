/**
 * `outcome-pay schema contract|records|assumptions`: print a published JSON Schema.
 *
 * @module
 */
import { Argument } from 'commander';
import { assumptionsJsonSchema, contractJsonSchema, recordsJsonSchema } from '../../schema/json-schema.js';
import { EXIT } from '../io.js';
import type { Command } from './command.js';

/** The `schema` command. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a contract, of a records file or of simulation assumptions.',
  description:
    "Prints the JSON Schema (draft 2020-12) generated from the library's own schemas. The contract and records schemas ship in the package as outcome-pay/contract.schema.json and outcome-pay/records.schema.json; the assumptions schema is that of `outcome-pay simulate --assumptions` (docs/simulation.md).",
  define(command) {
    command.addArgument(new Argument('<which>', 'which schema').choices(['contract', 'records', 'assumptions']));
  },
  examples: [
    { what: 'The schema of a contract, for an editor or a validator', argv: ['schema', 'contract'] },
    { what: 'The schema of one outcome record', argv: ['schema', 'records'] },
    { what: 'The schema of the assumptions of a simulation', argv: ['schema', 'assumptions'] },
  ],
  exitCodes: [
    [EXIT.OK, 'printed'],
    [EXIT.USAGE, 'bad command line (no schema named, or another name)'],
  ],
  run({ args }, io) {
    const schema = args[0] === 'contract' ? contractJsonSchema() : args[0] === 'assumptions' ? assumptionsJsonSchema() : recordsJsonSchema();
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return Promise.resolve(EXIT.OK);
  },
};
