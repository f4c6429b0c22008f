/**
 * A contract made ready for computation: amounts and dates parsed once, ids indexed, tranches
 * ordered. Everything per participant later is integer work against these tables.
 *
 * @module
 */
import { parseDate, type CalendarDate } from '../calendar/index.js';
import { contractVersions, type Contract, type ContractVersion, type Tranche } from '../contract/index.js';
import type { CurrencyCode, RoundingMode } from '../money/index.js';
import { compilePayerSplit, type PayerSplitPlan } from './payer-split.js';

/** A tranche with parsed dates and its position in the contract. */
export interface CompiledTranche {
  /** The contract's definition. */
  readonly source: Tranche;
  /** Position in `contract.tranches`. */
  readonly index: number;
  /** Parsed `measuredOn`. */
  readonly measuredOn: CalendarDate;
  /** Parsed `dueOn`. */
  readonly dueOn: CalendarDate;
  /** Rule indexes this tranche pays. */
  readonly rules: ReadonlySet<number>;
  /** Cohort indexes this tranche pays for. */
  readonly cohorts: ReadonlySet<number>;
}

/** The contract, indexed and parsed for settlement. */
export interface CompiledContract {
  /** The validated contract. */
  readonly contract: Contract;
  /** Currency of every amount. */
  readonly currency: CurrencyCode;
  /** The contract's rounding mode. */
  readonly rounding: RoundingMode;
  /** Cohort id → index in `contract.cohorts`. */
  readonly cohortIndex: ReadonlyMap<string, number>;
  /** Outcome id → index in `contract.outcomes`. */
  readonly outcomeIndex: ReadonlyMap<string, number>;
  /** Rule id → index in `contract.rules`. */
  readonly ruleIndex: ReadonlyMap<string, number>;
  /** Group id → index in `contract.groups`. */
  readonly groupIndex: ReadonlyMap<string, number>;
  /** Tranches in settlement order: by `measuredOn`, ties in contract order. */
  readonly tranches: readonly CompiledTranche[];
  /** How each tranche is split among the payers (contract order). */
  readonly payerSplit: PayerSplitPlan;
  /** The versions of an amended contract, base first (undefined: the contract has no amendments). */
  readonly versions: readonly ContractVersion[] | undefined;
}

function indexOf(items: readonly { readonly id: string }[] | undefined): Map<string, number> {
  return new Map((items ?? []).map((item, index) => [item.id, index]));
}

function lookup(map: ReadonlyMap<string, number>, id: string): number {
  const index = map.get(id);
  // The contract was validated: every reference exists. A miss is a bug, not bad data.
  if (index === undefined) throw new Error(`outcome-pay internal error: unresolved reference ${id}`);
  return index;
}

/**
 * Compiles a validated contract for settlement.
 *
 * @example
 * const parsed = parseContract(json);
 * if (parsed.ok) compileContract(parsed.value).tranches.map((t) => t.source.id);
 */
export function compileContract(contract: Contract): CompiledContract {
  const cohortIndex = indexOf(contract.cohorts);
  const ruleIndex = indexOf(contract.rules);
  const tranches = contract.tranches
    .map((tranche, index): CompiledTranche => ({
      source: tranche,
      index,
      measuredOn: parseDate(tranche.measuredOn),
      dueOn: parseDate(tranche.dueOn),
      rules: new Set(tranche.rules.map((id) => lookup(ruleIndex, id))),
      cohorts: new Set(tranche.cohorts.map((id) => lookup(cohortIndex, id))),
    }))
    .sort((a, b) => a.measuredOn - b.measuredOn || a.index - b.index);
  return {
    contract,
    currency: contract.currency,
    rounding: contract.rounding,
    cohortIndex,
    outcomeIndex: indexOf(contract.outcomes),
    ruleIndex,
    groupIndex: indexOf(contract.groups),
    tranches,
    payerSplit: compilePayerSplit(contract),
    versions: contractVersions(contract),
  };
}

/** Resolves an id to its index, for references already checked by contract validation. */
export { lookup as resolveIndex };
