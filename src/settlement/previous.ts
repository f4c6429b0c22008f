/**
 * Previous settlements: what was already paid, per tranche and payer. Each previous settlement's
 * `due` amounts are taken as paid.
 *
 * @module
 */
import { checkDate } from '../calendar/index.js';
import type { Issue } from '../errors.js';
import { checkAmount, type Amount } from '../money/index.js';
import type { Contract } from '../contract/index.js';

/** Paid amounts: tranche id → payer id → amount. */
export type PaidAmounts = Map<string, Map<string, Amount>>;

/** A tranche as previous settlements listed it. */
export interface PreviousTranche {
  /** Tranche id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Measurement date. */
  readonly measuredOn: string;
  /** Due date. */
  readonly dueOn: string;
  /** Whether a previous settlement settled it: it was measured on or before that settlement's as-of date (whatever it earned, even 0.00), so a later change to it is an adjustment. */
  readonly settled?: boolean;
}

/** Previous settlements read. */
export interface PreviousPayments {
  /** What was paid. */
  readonly paid: PaidAmounts;
  /** Order in which tranches appeared (for tranches no longer earned), and whether they were settled. */
  readonly tranches: readonly PreviousTranche[];
  /** Fingerprints of the previous settlements, for the options fingerprint. */
  readonly fingerprints: readonly string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads previous settlement documents (as produced by `settle`, parsed from JSON), checking that
 * they belong to this contract and are not later than `asOf`. Returns issues instead of throwing.
 *
 * @example
 * readPrevious([lastQuarter], contract, parseDate('2025-06-30'));
 */
export function readPrevious(documents: readonly unknown[], contract: Contract, asOf: number): { value: PreviousPayments; issues: Issue[] } {
  const issues: Issue[] = [];
  const paid: PaidAmounts = new Map();
  const tranches: PreviousTranche[] = [];
  const fingerprints: string[] = [];
  documents.forEach((document, index) => {
    const path = ['previous', index];
    const fail = (code: string, message: string): void => {
      issues.push({ code, path, message: `previous settlement ${index}: ${message}` });
    };
    if (!isObject(document) || document['format'] !== 'outcome-pay/settlement') {
      fail('PREVIOUS_NOT_SETTLEMENT', 'is not an outcome-pay settlement document');
      return;
    }
    const contractPart = document['contract'];
    if (!isObject(contractPart) || contractPart['id'] !== contract.id || contractPart['currency'] !== contract.currency) {
      fail('PREVIOUS_OTHER_CONTRACT', `belongs to another contract (expected "${contract.id}" in ${contract.currency})`);
      return;
    }
    const date = checkDate(document['asOf'], [...path, 'asOf']);
    if (!date.ok || date.value > asOf) {
      fail('PREVIOUS_AFTER_AS_OF', 'is dated after the as-of date of this settlement (or has no valid asOf)');
      return;
    }
    const fingerprint = document['fingerprint'];
    if (isObject(fingerprint) && typeof fingerprint['inputs'] === 'string') fingerprints.push(fingerprint['inputs']);
    const list = document['tranches'];
    if (!Array.isArray(list)) {
      fail('PREVIOUS_NOT_SETTLEMENT', 'has no tranches');
      return;
    }
    list.forEach((tranche: unknown, t) => {
      if (!isObject(tranche) || typeof tranche['id'] !== 'string' || !Array.isArray(tranche['payers'])) {
        fail('PREVIOUS_NOT_SETTLEMENT', `tranche ${t} is malformed`);
        return;
      }
      const id = tranche['id'];
      const measured = checkDate(tranche['measuredOn']);
      const settled = measured.ok && measured.value <= date.value;
      const known = tranches.findIndex((entry) => entry.id === id);
      if (known < 0) {
        tranches.push({
          id,
          name: typeof tranche['name'] === 'string' ? tranche['name'] : id,
          measuredOn: typeof tranche['measuredOn'] === 'string' ? tranche['measuredOn'] : '',
          dueOn: typeof tranche['dueOn'] === 'string' ? tranche['dueOn'] : '',
          settled,
        });
      } else if (settled) {
        tranches[known] = { ...(tranches[known] as PreviousTranche), settled };
      }
      for (const payer of tranche['payers'] as unknown[]) {
        if (!isObject(payer) || typeof payer['payer'] !== 'string') continue;
        const due = checkAmount(payer['due'], [...path, 'tranches', t, 'due']);
        if (!due.ok) {
          issues.push(...due.issues);
          continue;
        }
        const byPayer = paid.get(id) ?? new Map<string, Amount>();
        const before = byPayer.get(payer['payer']);
        byPayer.set(payer['payer'], before === undefined ? due.value : before.plus(due.value));
        paid.set(id, byPayer);
      }
    });
  });
  return { value: { paid, tranches, fingerprints }, issues };
}
