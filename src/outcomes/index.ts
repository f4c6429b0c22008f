/**
 * The per-participant outcome resolver: for each participant and outcome, pending, or achieved or
 * failed on a resolution date, so settlement resolves each participant once and reads the status
 * at every tranche date. See `docs/outcomes.md`.
 *
 * @module
 */
export { compileOutcomes } from './compile.js';
export type {
  CompiledCohortIndicator,
  CompiledEarningsOutcome,
  CompiledEarningsThreshold,
  CompiledJobs,
  CompiledMilestone,
  CompiledOutcome,
  CompiledOutcomes,
  CompiledPlacement,
  CompiledQuarterAfterExit,
  CompiledRetention,
  CompiledRetentionMeasure,
  CompiledWageProgression,
  CompiledWageThreshold,
  CompiledWindow,
} from './compiled-form.js';
export { resolveParticipant } from './resolve.js';
export { statusAt } from './resolution.js';
export type { OutcomeStatus, Resolution } from './resolution.js';
export { REASON_CODES, REASON_TEXT } from './reasons.js';
export type { ReasonCode } from './reasons.js';
export { retentionEnd } from './retention.js';
export { PLACEMENT_BASELINE_DAYS } from './wage.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { resolveRecord } from './resolve.js';
export { retentionLastDay } from './retention.js';
export { windowAnchor } from './anchor.js';
export { countsAsJob } from './spells.js';
export { countedEarnings, earningsThreshold } from './earnings.js';
export { quarterEarnings } from './quarter.js';
