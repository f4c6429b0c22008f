/**
 * The results indicators in a settlement's summary: for each such rule, the periods as its last
 * line (the tranche measured last that pays it) shows them: earned, rolled over, lapsed, pending.
 *
 * @module
 */
import { MESSAGES, type Lang } from '../format/index.js';
import type { Settlement } from '../settlement/index.js';
import { peopleText } from './people-text.js';

const FIGURE = /^period (\S+) (achievement|earned|rolledOver|lapsed|pending)$/;

/**
 * The summary lines of the results indicators (none when the settlement has none).
 *
 * @example
 * indicatorSummary(settlement); // ['', 'Results indicators (as of their last tranche):', '  dli-1 (T3, 2027-07-31)', '    y1: earned 1234567.89, rolled over 0, lapsed 0, pending 0', ...]
 */
export function indicatorSummary(settlement: Settlement, lang: Lang = 'en'): string[] {
  const m = MESSAGES[lang].summary;
  const { date, decimal, amount } = peopleText(lang, settlement.contract.currency);
  const last = new Map<string, { tranche: string; measuredOn: string; inputs: Readonly<Record<string, string | number>> }>();
  const byDate = [...settlement.tranches].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  for (const tranche of byDate) {
    for (const line of tranche.lines) if (line.kind === 'resultsIndicator') last.set(line.rule, { tranche: tranche.id, measuredOn: tranche.measuredOn, inputs: line.inputs });
  }
  if (last.size === 0) return [];
  const out = ['', m.indicators];
  for (const [rule, { tranche, measuredOn, inputs }] of last) {
    out.push(`  ${rule} (${tranche}, ${date(measuredOn)})`);
    const periods = new Map<string, Map<string, string>>();
    for (const [key, value] of Object.entries(inputs)) {
      const match = FIGURE.exec(key);
      if (match === null) continue;
      const figures = periods.get(match[1] ?? '') ?? new Map<string, string>();
      figures.set(match[2] ?? '', String(value));
      periods.set(match[1] ?? '', figures);
    }
    for (const [period, figures] of periods) {
      const achieved = figures.has('achievement') ? m.achievement(decimal(figures.get('achievement') ?? '')) : '';
      out.push(`    ${m.colon(`${period}${achieved}`, m.indicatorPeriod(...(['earned', 'rolledOver', 'lapsed', 'pending'] as const).map((figure) => amount(figures.get(figure) ?? '0')) as [string, string, string, string]))}`);
    }
  }
  return out;
}
