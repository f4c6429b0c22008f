/**
 * A report's page from its sections: the charts of every section drawn at once (vega loaded
 * once), each put in its place, and the page written around them.
 *
 * @module
 */
import { chartFigure, page, section } from './html.js';
import type { ReportMessages } from './messages.js';
import { renderCharts, type ChartSpec } from './render.js';

/** A chart waiting to be drawn: its name (the figure's data attribute), specification and caption. */
export interface PendingChart {
  readonly name: string;
  readonly spec: ChartSpec;
  readonly caption: string;
}

/** A part of a section: HTML already written, or a chart to draw. */
export type Part = string | PendingChart;

/**
 * Draws every chart of the sections and writes the page: `sections` are `[id, heading, parts]`.
 *
 * @example
 * await writePage(REPORT_MESSAGES.en, 'Title', 'Identity', [['totals', 'Totals', ['<p>…</p>']]], '1.0.0');
 */
export async function writePage(text: ReportMessages, title: string, identity: string, sections: readonly (readonly [string, string, readonly Part[]])[], version: string): Promise<string> {
  const charts = sections.flatMap(([, , parts]) => parts.filter((part): part is PendingChart => typeof part !== 'string'));
  const locale = text.chartLocale;
  const localized = (spec: ChartSpec): ChartSpec => ({ ...spec, config: { ...(spec['config'] as object | undefined), locale } });
  const svgs = await renderCharts(charts.map((chart) => ({ spec: localized(chart.spec), label: chart.caption })));
  const html = (part: Part): string => (typeof part === 'string' ? part : chartFigure(part.name, svgs[charts.indexOf(part)] ?? '', part.caption));
  return page({ lang: text.lang, title, identity, sections: sections.map(([id, heading, parts]) => section(id, heading, parts.map(html))), footer: text.footer('outcome-pay', version) });
}
