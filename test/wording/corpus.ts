/**
 * Every sentence the engine writes for people, collected from the hand-worked vectors, the
 * example programmes and generated scenarios: the formulas of lines, the explanations of exit
 * clauses, reviews, budget years and restatement causes, the reasons of adjustments and of claims
 * no tranche pays, and, for each participant, the terms of each outcome and what counted.
 *
 * @module
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { explainParticipant, type ExplainedClaim, type ExplainedOutcome } from '../../src/explain/index.js';
import { explainClaims } from '../../src/explain/claims.js';
import { explainOutcomes } from '../../src/explain/outcome-evidence.js';
import { resolveRecord } from '../../src/outcomes/index.js';
import { recordsArgument, validateBatch } from '../../src/records/index.js';
import { buildPlan, prepareSettlement, recordContext, settle, type Settlement, type SettleOptions } from '../../src/settlement/index.js';
import { scenarioArbitrary } from '../settlement/arbitraries/index.js';
import { scenarioOptions, settleWith } from '../settlement/settle-helper.js';
import { PROGRAMMES } from '../examples/programmes.js';
import { loadExample, readRecordsText } from '../examples/helpers.js';

/** A sentence and where it was found (a vector, an example or a scenario, and the field). */
export interface Sentence {
  readonly text: string;
  readonly where: string;
}

function settlementSentences(settlement: Settlement, where: string): Sentence[] {
  const found: Sentence[] = [];
  const add = (text: string | undefined, field: string): void => {
    if (text !== undefined && text !== '' && text !== null) found.push({ text, where: `${where}: ${field}` });
  };
  for (const tranche of settlement.tranches) {
    for (const line of tranche.lines) {
      add(line.formula, `tranche ${tranche.id} line formula`);
      add(line.rounding, `tranche ${tranche.id} line rounding`);
    }
    for (const part of tranche.reinvestment) add(part.formula, `tranche ${tranche.id} reinvestment`);
    for (const year of tranche.budgetYears ?? []) add(year.explanation, `tranche ${tranche.id} budget year`);
    if (tranche.id.startsWith('exit:')) add(tranche.name, `tranche ${tranche.id} name`);
  }
  for (const exit of settlement.exits) add(exit.explanation, `exit ${exit.clause}`);
  for (const adjustment of settlement.adjustments) {
    add(adjustment.reason, `adjustment ${adjustment.tranche}`);
    for (const cause of adjustment.causes ?? []) add(cause.explanation, `adjustment ${adjustment.tranche} cause`);
  }
  for (const claims of settlement.unscheduled ?? []) add(claims.reason, 'unscheduled');
  for (const decision of settlement.dataQuality.decisionsAtRisk ?? []) {
    add(decision.decided, 'decision at risk');
    add(decision.ifAllAchieved, 'decision at risk');
    add(decision.ifNoneAchieved, 'decision at risk');
  }
  for (const level of settlement.minimumPerformance ?? []) for (const review of level.reviews) add(review.explanation, `level ${level.id} review`);
  return found;
}

/** The sentences of one participant's explanation: the terms of its outcomes, what counted, its claims. */
interface Explained {
  readonly outcomes: readonly ExplainedOutcome[];
  readonly claims: readonly ExplainedClaim[];
}

/**
 * The explanations of every participant of a programme, by id, as `explainParticipant` makes
 * them, with its one settlement shared: `explainParticipant` settles the whole programme again
 * for each participant (the same contract, records and options, so the same settlement), which was
 * most of this corpus's time. This is its own sequence of steps (src/explain/explain-participant.ts):
 * the programme settled with `detail: 'participants'`, the records validated, the plan built,
 * then each record resolved and its outcomes and claims explained by the library's own
 * `explainOutcomes` and `explainClaims`; an id whose explanation `explainParticipant` refuses or
 * leaves without outcomes and claims (an excluded record, one not yet enrolled) is absent.
 * {@link explanationSentences} compares one participant in each programme with
 * `explainParticipant` itself.
 */
function explainEvery(contract: unknown, records: readonly unknown[], options: SettleOptions, ids: readonly string[]): Map<string, Explained> {
  const explained = new Map<string, Explained>();
  const prepared = prepareSettlement(contract, options);
  if (!prepared.ok) return explained;
  const { contract: parsed, given, options: checked } = prepared.value;
  const settled = settle(contract, records, { ...given, detail: 'participants' });
  if (!settled.ok) return explained;
  const read = recordsArgument(records);
  if (read.issue !== undefined) return explained;
  const validated = validateBatch(read.batch, recordContext(parsed), checked.records);
  if (!validated.ok) return explained;
  const plan = buildPlan(parsed, checked.asOf, false);
  for (const id of ids) {
    const record = validated.value.records.find((each) => each.id === id);
    if (record === undefined || record.enrolledOn > plan.asOf) continue;
    const resolutions = resolveRecord(record, plan.outcomes, plan.asOf);
    explained.set(id, { outcomes: explainOutcomes(plan.outcomes, record, resolutions, plan.asOf, plan.currency), claims: explainClaims(plan, settled.value, record, resolutions) });
  }
  return explained;
}

/**
 * What `explainParticipant` itself gives for a participant: its outcomes and claims, or nothing
 * when it refuses or has none (an excluded record, one not yet enrolled).
 */
function explainedByTheLibrary(contract: unknown, records: readonly unknown[], id: string, options: SettleOptions): Explained | undefined {
  const result = explainParticipant(contract, records, id, options);
  if (!result.ok || result.value.status !== 'settled') return undefined;
  return { outcomes: result.value.outcomes, claims: result.value.claims };
}

/**
 * The sentences of explaining every participant of a programme. One participant in each programme
 * (the `check`-th, counted round the participants explained, or round the ids when none is, so
 * that the one compared moves from programme to programme) is explained by `explainParticipant` as well, and the two explanations must be the
 * same: the shared settlement gives exactly what the library's function gives.
 */
function explanationSentences(contract: unknown, records: readonly unknown[], options: SettleOptions, where: string, check: number): Sentence[] {
  const found: Sentence[] = [];
  const ids = [...new Set(records.map((record) => (typeof record === 'object' && record !== null && 'id' in record ? String(record.id) : '')))].filter((id) => id !== '');
  const explained = explainEvery(contract, records, options, ids);
  // an explained participant where there is one, so that the comparison is of two explanations
  // (an excluded or not yet enrolled id gives none on either side and would compare nothing)
  const pool = explained.size > 0 ? [...explained.keys()] : ids;
  const checked = pool[check % Math.max(pool.length, 1)];
  if (checked !== undefined) {
    const library = JSON.stringify(explainedByTheLibrary(contract, records, checked, options) ?? null);
    const shared = JSON.stringify(explained.get(checked) ?? null);
    if (library !== shared) throw new Error(`${where}: ${checked} is explained differently by explainParticipant: ${library.slice(0, 300)} / ${shared.slice(0, 300)}`);
  }
  for (const id of ids) {
    const explanation = explained.get(id);
    if (explanation === undefined) continue;
    for (const outcome of explanation.outcomes) {
      found.push({ text: outcome.terms, where: `${where}: ${id} ${outcome.outcome} terms` });
      for (const spell of outcome.spells ?? []) if (spell.notCounted !== undefined) found.push({ text: spell.notCounted, where: `${where}: ${id} spell not counted` });
      for (const earnings of outcome.earnings ?? []) found.push({ text: earnings.counted, where: `${where}: ${id} earnings counted` });
    }
    for (const claim of explanation.claims) {
      if (claim.tranche?.formula) found.push({ text: claim.tranche.formula, where: `${where}: ${id} claim formula` });
      if (claim.unscheduled !== undefined) found.push({ text: claim.unscheduled, where: `${where}: ${id} claim unscheduled` });
    }
  }
  return found;
}

interface Vector {
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

const VECTORS = join(import.meta.dirname, '..', 'vectors');

function vectorOptions(file: string, seen: readonly string[] = []): SettleOptions | undefined {
  const vector = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as Vector;
  const options = { ...vector.options } as Record<string, unknown>;
  if (Array.isArray(options['previous'])) {
    const previous: unknown[] = [];
    for (const entry of options['previous'] as unknown[]) {
      const of = (entry as { settlementOf?: unknown }).settlementOf;
      if (typeof of !== 'string') { previous.push(entry); continue; }
      if (seen.includes(of)) return undefined;
      const earlier = JSON.parse(readFileSync(join(VECTORS, of), 'utf8')) as Vector;
      const earlierOptions = vectorOptions(of, [...seen, file]);
      if (earlierOptions === undefined) return undefined;
      const settled = settleWith(earlier.contract, earlier.records, earlierOptions);
      if (!settled.ok) return undefined;
      previous.push(JSON.parse(JSON.stringify(settled.value)) as unknown);
    }
    options['previous'] = previous;
  }
  return options as unknown as SettleOptions;
}

/**
 * The sentences of every vector, every example programme and `scenarios` generated scenarios
 * (fixed seed), settled and explained participant by participant.
 *
 * @example
 * collectSentences(50).length > 0; // true
 */
export function collectSentences(scenarios: number): Sentence[] {
  const found: Sentence[] = [];
  for (const [vectorIndex, file] of readdirSync(VECTORS).filter((name) => name.endsWith('.json')).sort().entries()) {
    const vector = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as Vector;
    const options = vectorOptions(file);
    if (options === undefined) continue;
    const settled = settleWith(vector.contract, vector.records, { ...options, detail: 'participants' });
    if (settled.ok) found.push(...settlementSentences(settled.value, file));
    found.push(...explanationSentences(vector.contract, vector.records, options, file, vectorIndex));
  }
  for (const [programmeIndex, programme] of PROGRAMMES.entries()) {
    const example = loadExample(programme.name);
    const records = readRecordsText(example.ndjson, 'ndjson');
    const options: SettleOptions = { asOf: programme.asOf, ...(example.indicators === undefined ? {} : { indicators: example.indicators }) };
    const settled = settleWith(example.contract, records, options);
    if (settled.ok) found.push(...settlementSentences(settled.value, programme.name));
    found.push(...explanationSentences(example.contract, records, options, programme.name, programmeIndex));
  }
  const drawn = fc.sample(scenarioArbitrary(), { seed: 20261206, numRuns: scenarios });
  drawn.forEach((scenario, index) => {
    const options = scenarioOptions(scenario);
    const settled = settleWith(scenario.contract, scenario.records, { ...options, detail: 'participants' });
    if (settled.ok) found.push(...settlementSentences(settled.value, `scenario ${index}`));
    found.push(...explanationSentences(scenario.contract, scenario.records, options, `scenario ${index}`, index));
  });
  return found;
}
