/** Shared test helpers for the records tests. */
import type { RecordContext } from '../../src/records/index.js';

/** The contract context the examples use. */
export const CONTEXT: RecordContext = {
  cohortIds: new Set(['2023-A', '2023-B']),
  groupIds: new Set(['rsa', 'ltu', 'youth']),
};
