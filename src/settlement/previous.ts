/**
 * Previous settlements: what was already paid, per tranche and payer. Each previous settlement's
 * `due` amounts are taken as paid, once the documents are known to be sound: each has the
 * settlement's schema, canonical amounts and figures that add up, belongs to this contract (or to
 * an earlier version of it that the caller states), and together they form one chain, each made
 * with all the ones before it, none given twice and none missing.
 *
 * @module
 */
import { checkDate, expectDay } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import { expectContract } from '../contract/shape.js';
import { describeValue, invalidArgument, thrownReason } from '../guard.js';
import type { SettlementIssueCode } from '../codes/index.js';
import type { Issue, PathSegment } from '../errors.js';
import { ZERO, minorUnits, parseAmount, sumAmounts, type Amount } from '../money/index.js';
import { contractFingerprint, version1ContractFingerprint } from './contract-fingerprint.js';
import { checkSettlementFigures } from './settlement-figures.js';
import { hasOwn, ownData, ownElements } from '../own-data.js';
import { SETTLEMENT_FORMAT, SETTLEMENT_FORMAT_VERSION, checkSettlementShape } from './settlement-schema.js';
import type { Settlement, SettlementLine } from './types.js';

/** Paid amounts: tranche id → payer id → amount. */
export type PaidAmounts = Map<string, Map<string, Amount>>;

/**
 * A previous settlement deducted: its `inputs` fingerprint, as-of date and contract fingerprint.
 *
 * @example
 * const deducted: PreviousSettlement = { inputs: 'f4e0…', asOf: '2024-12-31', contract: '7e02…' };
 */
export interface PreviousSettlement {
  readonly inputs: string;
  readonly asOf: string;
  readonly contract: string;
}

/**
 * A tranche as previous settlements listed it.
 *
 * @example
 * const t1: PreviousTranche = { id: 'T1', name: 'Placements', measuredOn: '2024-12-31', dueOn: '2025-01-31' };
 */
export interface PreviousTranche {
  /** Tranche id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Measurement date. */
  readonly measuredOn: string;
  /** Due date. */
  readonly dueOn: string;
}

/**
 * Previous settlements read.
 *
 * @example
 * const none: PreviousPayments = readPrevious([], contract, asOf).value;
 */
export interface PreviousPayments {
  /** What was paid. */
  readonly paid: PaidAmounts;
  /** Order in which tranches appeared (for tranches no longer earned). */
  readonly tranches: readonly PreviousTranche[];
  /** Every payer the previous settlements name, in order of first appearance. */
  readonly payers: readonly string[];
  /** The settlements, in the order they were made (each deducted all those before it). */
  readonly settlements: readonly PreviousSettlement[];
  /** The earlier contract fingerprints accepted as earlier versions of this contract, sorted. */
  readonly amendedFrom: readonly string[];
  /** The settlements' `inputs` fingerprints, in the same order, for the options fingerprint. */
  readonly fingerprints: readonly string[];
  /**
   * The lines of each tranche in the last settlement of the chain (what was paid, line by line),
   * to explain the adjustments by cause; absent when no settlement is given (or in previous
   * payments made by hand: the adjustments are then not put down to participants).
   */
  readonly lastLines?: ReadonlyMap<string, readonly SettlementLine[]>;
}

interface Read {
  readonly index: number;
  readonly document: Settlement;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The last previous settlement's lines per tranche, read as an own property only (previous
 * payments made by hand may not have them; one on `Object.prototype` is not theirs).
 *
 * @example
 * lastLinesOf(previous)?.get('T1'); // the lines T1 had in the last settlement of the chain
 */
export function lastLinesOf(previous: PreviousPayments): ReadonlyMap<string, readonly SettlementLine[]> | undefined {
  return hasOwn(previous, 'lastLines') ? previous.lastLines : undefined;
}

/**
 * Reads previous settlement documents (as produced by `settle`, parsed from JSON), checking that
 * each is sound and belongs to this contract, that none is later than `asOf`, and that together
 * they are one complete chain. Returns issues instead of throwing (codes `PREVIOUS_*` in
 * `SETTLEMENT_ISSUE_CODES`; `OPTIONS_PREVIOUS` when `documents` is not an array, or cannot be
 * read). The other arguments are the program's: a contract that is not the value of
 * `parseContract`, an as-of date that is not a day number or `amendedFrom` that is not an array
 * of strings throw {@link OutcomePayError}.
 *
 * @param documents - the previous settlements, in any order
 * @param contract - the contract being settled (parsed)
 * @param asOf - the as-of date of the settlement being made
 * @param amendedFrom - fingerprints (`fingerprint.contract`) of earlier versions of this contract
 *   that previous settlements may carry: without it, a settlement of another version is refused
 * @example
 * readPrevious([firstQuarter, secondQuarter], contract, parseDate('2025-06-30'));
 */
export function readPrevious(
  documents: readonly unknown[],
  contract: Contract,
  asOf: number,
  amendedFrom: readonly string[] = [],
): { value: PreviousPayments; issues: Issue[] } {
  expectContract('readPrevious', 'contract', contract);
  expectDay('readPrevious', 'asOf', asOf);
  if (!Array.isArray(amendedFrom) || !amendedFrom.every((item: unknown) => typeof item === 'string')) {
    throw invalidArgument('readPrevious', 'amendedFrom', 'an array of contract fingerprints (strings)', amendedFrom);
  }
  const list = documentList(documents);
  if (typeof list === 'string') {
    const none: PreviousPayments = { paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [] };
    return { value: none, issues: [{ code: 'OPTIONS_PREVIOUS', path: ['options', 'previous'], message: `previous must be an array of settlement documents, not ${list}` }] };
  }
  const issues: Issue[] = [];
  const current = contractFingerprint(contract);
  const accepted = new Set(amendedFrom);
  const same = sameContract(contract, current);
  const read: Read[] = [];
  list.forEach((document, index) => {
    const found = readOne(document, index, { contract, current, same, accepted, asOf });
    issues.push(...found.issues);
    if (found.document !== undefined) read.push({ index, document: found.document });
  });
  if (issues.length === 0) issues.push(...duplicates(read));
  const chain = issues.length === 0 ? chainOrder(read, issues) : [];
  const used = new Set(chain.map(({ document }) => document.fingerprint.contract).filter((fingerprint) => !same(fingerprint)));
  for (const [k, fingerprint] of amendedFrom.entries()) {
    if (issues.length === 0 && !used.has(fingerprint)) {
      const own = fingerprint === current ? ' (it is the fingerprint of this contract)' : same(fingerprint) ? ' (it is the fingerprint of this contract written in format 1.0)' : '';
      issues.push({
        code: 'PREVIOUS_AMENDMENT_UNUSED',
        path: ['options', 'amendedFrom', k],
        message: `amendedFrom names the contract fingerprint ${fingerprint}, which no previous settlement carries${own}`,
      });
    }
  }
  const paid = issues.length === 0 ? paidAlong(chain, issues) : new Map<string, Map<string, Amount>>();
  const tranches: PreviousTranche[] = [];
  const payers: string[] = [];
  for (const { document } of chain) {
    for (const tranche of document.tranches) {
      if (!tranches.some((entry) => entry.id === tranche.id)) tranches.push({ id: tranche.id, name: tranche.name, measuredOn: tranche.measuredOn, dueOn: tranche.dueOn });
    }
    for (const payer of document.payers) if (!payers.includes(payer.payer)) payers.push(payer.payer);
  }
  const settlements = chain.map(({ document }) => ({ inputs: document.fingerprint.inputs, asOf: document.asOf, contract: document.fingerprint.contract }));
  const last = chain[chain.length - 1]?.document;
  const lastLines = last === undefined ? {} : { lastLines: new Map(last.tranches.map((tranche) => [tranche.id, tranche.lines])) };
  return {
    value: { paid, tranches, payers, settlements, amendedFrom: [...used].sort(), fingerprints: settlements.map((settlement) => settlement.inputs), ...lastLines },
    issues,
  };
}

/**
 * The documents as a plain array read once (own elements only: a hole is `undefined`, not what
 * the prototype holds), or what they are instead (not an array, or one that cannot be read).
 */
function documentList(documents: unknown): readonly unknown[] | string {
  if (!Array.isArray(documents)) return describeValue(documents);
  try {
    return ownElements(documents as readonly unknown[]);
  } catch (error) {
    return `an array that cannot be read (${thrownReason(error)})`;
  }
}

/**
 * Whether a contract fingerprint is this contract's: its own, or the one it had written in
 * version 1.0 of the format (what a settlement made by a 1.0 library carries), computed only when
 * a fingerprint is not the current one.
 */
function sameContract(contract: Contract, current: string): (fingerprint: string) => boolean {
  let version1: string | undefined;
  return (fingerprint) => {
    if (fingerprint === current) return true;
    version1 ??= version1ContractFingerprint(contract);
    return fingerprint === version1;
  };
}

interface Expected {
  readonly contract: Contract;
  readonly current: string;
  /** Whether a fingerprint is this contract's (in the current format or in 1.0). */
  readonly same: (fingerprint: string) => boolean;
  readonly accepted: ReadonlySet<string>;
  readonly asOf: number;
}

function readOne(input: unknown, index: number, expected: Expected): { document: Settlement | undefined; issues: Issue[] } {
  const path: PathSegment[] = ['previous', index];
  const refuse = (code: SettlementIssueCode, message: string, at: PathSegment[] = path): { document: undefined; issues: Issue[] } => ({
    document: undefined,
    issues: [{ code, path: at, message: `previous settlement ${index}: ${message}` }],
  });
  let document: unknown;
  try {
    // plain data (structuredClone refuses functions and symbols), then own properties only, in
    // objects without a prototype: nothing inherited is read as part of the document
    document = ownData(structuredClone(input));
  } catch {
    return refuse('PREVIOUS_NOT_SETTLEMENT', 'is not plain JSON data');
  }
  if (!isObject(document) || document['format'] !== SETTLEMENT_FORMAT) return refuse('PREVIOUS_NOT_SETTLEMENT', 'is not an outcome-pay settlement document');
  if (document['formatVersion'] !== SETTLEMENT_FORMAT_VERSION) {
    return refuse(
      'PREVIOUS_FORMAT_VERSION',
      `has formatVersion ${JSON.stringify(document['formatVersion'])}; this library reads version ${SETTLEMENT_FORMAT_VERSION} (version 1 documents do not record the settlements they deducted: settle that date again with this version)`,
      [...path, 'formatVersion'],
    );
  }
  const { contract } = expected;
  const part = document['contract'];
  if (!isObject(part) || part['id'] !== contract.id || part['currency'] !== contract.currency) {
    return refuse('PREVIOUS_OTHER_CONTRACT', `belongs to another contract (expected "${contract.id}" in ${contract.currency})`, [...path, 'contract']);
  }
  const shape = checkSettlementShape(document, minorUnits(contract.currency), path);
  if (shape.value === undefined) return { document: undefined, issues: shape.issues };
  const settlement = shape.value;
  const date = checkDate(settlement.asOf, [...path, 'asOf']);
  if (!date.ok || date.value > expected.asOf) return refuse('PREVIOUS_AFTER_AS_OF', `is dated ${settlement.asOf}, after the as-of date of this settlement`, [...path, 'asOf']);
  const fingerprint = settlement.fingerprint.contract;
  if (!expected.same(fingerprint) && !expected.accepted.has(fingerprint)) {
    return refuse(
      'PREVIOUS_CONTRACT_CHANGED',
      `was made with another version of contract "${contract.id}" (contract fingerprint ${fingerprint}, this one ${expected.current}); if this contract amends that one, say so with amendedFrom (CLI --amended-from ${fingerprint})`,
      [...path, 'fingerprint', 'contract'],
    );
  }
  const figures = checkSettlementFigures(settlement, path);
  return figures.length > 0 ? { document: undefined, issues: figures } : { document: settlement, issues: [] };
}

function duplicates(read: readonly Read[]): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  for (const { index, document } of read) {
    const inputs = document.fingerprint.inputs;
    const earlier = first.get(inputs);
    if (earlier === undefined) first.set(inputs, index);
    else {
      issues.push({
        code: 'PREVIOUS_DUPLICATE',
        path: ['previous', index],
        message: `previous settlement ${index} is previous settlement ${earlier} again (fingerprint.inputs ${inputs}): what it made due would be counted as paid twice`,
      });
    }
  }
  return issues;
}

/**
 * The settlements in the order they were made, when they form one complete chain: every
 * settlement a given one deducted is given too (else PREVIOUS_CHAIN_INCOMPLETE), and of any two,
 * one deducted the other (else PREVIOUS_CHAIN_FORK: two settlements made without each other
 * cannot both have been paid on top of the same earlier ones).
 */
function chainOrder(read: readonly Read[], issues: Issue[]): Read[] {
  const given = new Set(read.map(({ document }) => document.fingerprint.inputs));
  for (const { index, document } of read) {
    document.previous.settlements.forEach((deducted, d) => {
      if (given.has(deducted.inputs)) return;
      issues.push({
        code: 'PREVIOUS_CHAIN_INCOMPLETE',
        path: ['previous', index, 'previous', 'settlements', d],
        message: `previous settlement ${index} (as of ${document.asOf}) deducted the settlement as of ${deducted.asOf} with fingerprint.inputs ${deducted.inputs}, which is not given: what that one made due would be missing from previouslyPaid; give every settlement of the chain`,
      });
    });
  }
  if (issues.length > 0) return [];
  const deducts = (a: Read, b: Read): boolean => a.document.previous.settlements.some((settlement) => settlement.inputs === b.document.fingerprint.inputs);
  for (let i = 0; i < read.length; i++) {
    for (let j = i + 1; j < read.length; j++) {
      const a = read[i] as Read;
      const b = read[j] as Read;
      if (deducts(a, b) || deducts(b, a)) continue;
      issues.push({
        code: 'PREVIOUS_CHAIN_FORK',
        path: ['previous', b.index],
        message: `previous settlements ${a.index} (as of ${a.document.asOf}) and ${b.index} (as of ${b.document.asOf}) were each made without the other: their due amounts cannot both have been paid on top of the same earlier settlements; give only the one that was paid, and the ones before it`,
      });
    }
  }
  if (issues.length > 0) return [];
  return [...read].sort((a, b) => a.document.previous.settlements.length - b.document.previous.settlements.length);
}

/**
 * What the chain paid, per tranche and payer: the sum of the due amounts. Along the way, each
 * settlement's previouslyPaid must be what the ones before it made due (else PREVIOUS_PAID_MISMATCH).
 */
function paidAlong(chain: readonly Read[], issues: Issue[]): PaidAmounts {
  const paid: PaidAmounts = new Map();
  for (const { index, document } of chain) {
    const listed = new Set<string>();
    document.tranches.forEach((tranche, t) => {
      tranche.payers.forEach((payer, p) => {
        listed.add(`${tranche.id}\u0000${payer.payer}`);
        const before = paid.get(tranche.id)?.get(payer.payer) ?? ZERO;
        if (!before.eq(parseAmount(payer.previouslyPaid))) {
          issues.push({
            code: 'PREVIOUS_PAID_MISMATCH',
            path: ['previous', index, 'tranches', t, 'payers', p, 'previouslyPaid'],
            message: `previous settlement ${index} (as of ${document.asOf}) says payer "${payer.payer}" had paid ${payer.previouslyPaid} in tranche "${tranche.id}", but the settlements before it made ${before.toFixed()} due`,
          });
        }
      });
    });
    for (const [tranche, byPayer] of paid) {
      for (const [payer, amount] of byPayer) {
        if (amount.isZero() || listed.has(`${tranche}\u0000${payer}`)) continue;
        issues.push({
          code: 'PREVIOUS_PAID_MISMATCH',
          path: ['previous', index, 'tranches'],
          message: `previous settlement ${index} (as of ${document.asOf}) does not list payer "${payer}" in tranche "${tranche}", to which the settlements before it made ${amount.toFixed()} due`,
        });
      }
    }
    for (const tranche of document.tranches) {
      const byPayer = paid.get(tranche.id) ?? new Map<string, Amount>();
      for (const payer of tranche.payers) byPayer.set(payer.payer, (byPayer.get(payer.payer) ?? ZERO).plus(parseAmount(payer.due)));
      paid.set(tranche.id, byPayer);
    }
  }
  return paid;
}

/**
 * The refusal of a settlement that earns nothing while the previous settlements paid something:
 * it would recover everything they paid, which usually means the records given were not the
 * programme's (an empty or wrong file). Undefined when that is not the case or `allowed`.
 *
 * @example
 * fullRecoveryRefusal(ZERO, previous, false); // PREVIOUS_RECOVERS_ALL issue when previous paid anything
 */
export function fullRecoveryRefusal(earned: Amount, previous: PreviousPayments, allowed: boolean): Issue | undefined {
  if (allowed || !earned.isZero()) return undefined;
  const paid = sumAmounts([...previous.paid.values()].flatMap((byPayer) => [...byPayer.values()]));
  if (!paid.isPositive() || paid.isZero()) return undefined;
  return {
    code: 'PREVIOUS_RECOVERS_ALL',
    path: ['options', 'allowFullRecovery'],
    message: `the settlement earns nothing, so it would recover everything the previous settlements paid (${paid.toFixed()}): this usually means records are missing from the input; if it is meant, confirm it with allowFullRecovery: true (CLI --allow-full-recovery)`,
  };
}
