/**
 * The published JSON Schemas, generated from the zod schemas (the single source of truth) so that
 * services in any language can validate contracts and records without TypeScript. The build
 * writes them to `contract.schema.json` and `records.schema.json`, exported as
 * `outcome-pay/contract.schema.json` and `outcome-pay/records.schema.json`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ContractSchema } from '../contract/index.js';
import { OutcomeRecordSchema } from '../records/index.js';
import { AssumptionsSchema } from '../simulation/assumptions.js';
import { VERSION } from '../version.js';

/**
 * A JSON Schema document (draft 2020-12).
 *
 * @example
 * const schema: JsonSchema = contractJsonSchema();
 * schema['$schema']; // 'https://json-schema.org/draft/2020-12/schema'
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

const BASE = 'urn:outcome-pay:schema';

/**
 * The JSON Schema of a contract document.
 *
 * @example
 * const schema = contractJsonSchema();
 * schema['$schema']; // 'https://json-schema.org/draft/2020-12/schema'
 */
export function contractJsonSchema(): JsonSchema {
  return {
    ...z.toJSONSchema(ContractSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: `${BASE}:contract:${VERSION}`,
    title: 'outcome-pay contract',
    description: 'An outcome-based payment contract. Semantics in docs/contract.md; cross-field rules are checked by parseContract.',
  };
}

/**
 * The JSON Schema of a records file in JSON form: an array of outcome records. Each line of an
 * NDJSON file is one item (`items`); CSV files map to the same fields (docs/records.md).
 *
 * @example
 * const schema = recordsJsonSchema();
 * schema['type']; // 'array'
 */
export function recordsJsonSchema(): JsonSchema {
  const record = z.toJSONSchema(OutcomeRecordSchema, { io: 'input', target: 'draft-2020-12' });
  const { $schema, ...item } = record;
  return {
    $schema,
    $id: `${BASE}:records:${VERSION}`,
    title: 'outcome-pay outcome records',
    description: 'Outcome records, one per participant. Cross-record rules (unique ids, known cohorts) are checked by validateRecords.',
    type: 'array',
    items: item,
  };
}

/**
 * The JSON Schema of a simulation's assumptions document (docs/simulation.md). References to the
 * contract (cohort, group and outcome ids) are checked by parseAssumptions.
 *
 * @example
 * const schema = assumptionsJsonSchema();
 * schema['title']; // 'outcome-pay simulation assumptions'
 */
export function assumptionsJsonSchema(): JsonSchema {
  return {
    ...z.toJSONSchema(AssumptionsSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: `${BASE}:assumptions:${VERSION}`,
    title: 'outcome-pay simulation assumptions',
    description: 'The assumptions of a simulation of an outcome-pay contract. Semantics in docs/simulation.md; references to the contract are checked by parseAssumptions.',
  };
}
