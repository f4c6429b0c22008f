/**
 * The investors of a contract as the waterfall reads them: in the order they are repaid
 * (contract order, `firstLoss` investors after every other), each with the capital it draws and
 * when, its return cap and its guarantee.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';

/**
 * An investor in the waterfall (JSON-ready: amounts and dates as text).
 *
 * @example
 * const terms: InvestorTerms = {
 *   investor: 'fund', principal: '1000.00', drawdowns: [{ on: '2024-01-01', amount: '1000.00' }],
 *   returnCap: { kind: 'multiple', multiple: '1.2' }, guarantee: null, firstLoss: false,
 * };
 */
export interface InvestorTerms {
  /** Investor id. */
  readonly investor: string;
  /** Capital drawn over the contract. */
  readonly principal: string;
  /** When it is drawn (adding up to `principal`), in date order. */
  readonly drawdowns: readonly { readonly on: string; readonly amount: string }[];
  /** The cap on its return: an annual IRR or a multiple of the capital drawn; `null`: no cap (it takes every payment that reaches it). */
  readonly returnCap: { readonly kind: 'irr'; readonly rate: string } | { readonly kind: 'multiple'; readonly multiple: string } | null;
  /** The most a guarantor pays towards capital not recovered, or `null`. */
  readonly guarantee: string | null;
  /** Whether it is repaid after every investor that is not first-loss (so it bears losses first). */
  readonly firstLoss: boolean;
}

/**
 * The waterfall's investors: every investor with `terms` and a principal above 0, in the order
 * they are repaid (contract order, then the `firstLoss` ones in contract order). Without
 * `drawdowns`, the principal is drawn whole on the contract's first day.
 *
 * @example
 * waterfallTerms(contract).map((terms) => terms.investor); // ['senior-fund', 'foundation']
 */
export function waterfallTerms(contract: Contract): InvestorTerms[] {
  const terms = (contract.parties.investors ?? []).flatMap((investor): InvestorTerms[] => {
    const given = investor.terms;
    if (given === undefined || /^0+(\.0+)?$/.test(given.principal)) return [];
    const drawdowns = (given.drawdowns ?? [{ on: contract.period.start, amount: given.principal }]).map((drawdown) => ({ on: drawdown.on, amount: drawdown.amount }));
    return [
      {
        investor: investor.id,
        principal: given.principal,
        drawdowns: drawdowns.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
        returnCap: given.returnCap === undefined ? null : given.returnCap.kind === 'irr' ? { kind: 'irr', rate: given.returnCap.rate } : { kind: 'multiple', multiple: given.returnCap.multiple },
        guarantee: given.guarantee?.amount ?? null,
        firstLoss: given.firstLoss ?? false,
      },
    ];
  });
  return [...terms.filter((investor) => !investor.firstLoss), ...terms.filter((investor) => investor.firstLoss)];
}
