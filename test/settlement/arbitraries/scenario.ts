/**
 * Settlement scenarios: a generated contract, records for it, indicator values and an as-of
 * date, drawn together (see contract.ts, records.ts, indicators.ts, dates.ts).
 */
import fc from 'fast-check';
import type { ContractInput } from '../../../src/contract/index.js';
import { drawContract, type ContractTerms } from './contract.js';
import type { Currency } from './currencies.js';
import { drawAsOf } from './dates.js';
import { drawEarnings, type EarningsDraw } from './earnings.js';
import { drawQuarters } from './quarters.js';
import { int } from './gen.js';
import { drawIndicators, type Indicators } from './indicators.js';
import { drawAmendments } from './amendments.js';
import { drawLaterTerms, drawLevels } from './later-terms.js';
import { drawPayerFunding } from './payer-funding.js';
import { drawRecord, type WireRecord } from './records.js';
import { drawResultsIndicator } from './results-indicators.js';

/** What a property needs: a contract, records, indicator values and an as-of date. */
export interface Scenario {
  readonly contract: ContractInput;
  /** The contract's currency, with its minor units. */
  readonly currency: Currency;
  readonly records: WireRecord[];
  /** Values of the contract's cohort indicators (absent when it has none). */
  readonly indicators?: Indicators;
  readonly asOf: string;
}

/** Which scenarios to draw. */
export interface ScenarioOptions extends ContractTerms {
  /** Fewest records (default 1: properties about an empty input ask for 0). */
  readonly minRecords?: number;
  /** Most records (default 12). */
  readonly maxRecords?: number;
  /**
   * Earnings threshold outcomes: in 70 % of contracts (`sometimes`, the default), in every one
   * (`always`), or a two-step ladder of amounts in order in every one (`ladder`); see earnings.ts.
   * For the properties about them, which would otherwise refuse the scenarios without.
   */
  readonly earnings?: EarningsDraw;
  /** A quarter-after-exit outcome in every contract (default: in half of them); see quarters.ts. */
  readonly quarters?: boolean;
}

/**
 * Scenarios: a valid contract, `minRecords` to `maxRecords` valid records for it, indicator
 * values, and an as-of date where tranches are measured.
 *
 * @example
 * fc.assert(fc.property(scenarioArbitrary({ monotone: true }), (s) => settleScenario(s).ok));
 */
export function scenarioArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return fc.gen().map((g) => {
    const drawn = drawContract(g, options);
    const currency = drawn.currency;
    const count = int(g, options.minRecords ?? 1, options.maxRecords ?? 12);
    // the first participant gets a job that places them: a scenario where nobody can be paid is rarely worth a run
    const records = Array.from({ length: count }, (_, i) => drawRecord(g, drawn.contract, currency, i, { placed: i === 0 }));
    const drawnIndicators = drawIndicators(g, drawn.contract, currency);
    const asOf = drawAsOf(g, drawn.contract);
    // drawn last: the mechanics added since leave every draw above unchanged
    const levelled = drawLevels(g, drawPayerFunding(g, drawLaterTerms(g, drawn.contract, currency, options.monotone === true)), options.monotone === true);
    const indicated = drawResultsIndicator(g, levelled, currency, drawnIndicators);
    const earned = drawEarnings(g, indicated.contract, records, currency, options.earnings);
    // quarters first, amendments last (test/settlement/properties/minimum-performance.test.ts's seed-67 case strips the amendments drawn last)
    const quartered = drawQuarters(g, earned.contract, earned.records, currency, options.monotone === true, options.quarters === true);
    const contract = drawAmendments(g, quartered.contract, currency);
    const withEarnings = quartered.records;
    return { contract, currency, records: withEarnings, ...(indicated.indicators === undefined ? {} : { indicators: indicated.indicators }), asOf };
  });
}
