/**
 * The vega-lite specifications of the report's charts. Amounts come in as the exact decimal text
 * of the settlement or simulation and are turned into numbers here, for drawing only: every
 * figure a reader reads is in the tables, as text.
 *
 * @module
 */
import type { ChartSpec } from './render.js';

const WIDTH = 560;
const HEIGHT = 240;
/**
 * No label is cut (`labelLimit: 0`): in Node, without a canvas, vega measures text by an estimate
 * (0.8 em a character, about 1.6 times what Arial draws), so any limit in pixels cut ids and French
 * labels of half its width (`Région Auvergne-Rhô…`, `le plafond cap-participant (par par…`). The
 * layout (`autosize: pad`, vega's default) grows the chart to hold every label as estimated, and
 * `padding` keeps the last characters off the edge of the SVG.
 */
const CONFIG = { font: 'Arial', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 }, legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 } } as const;

/** The characters of a line of a category's label under a bar (longer labels are wrapped at spaces). */
const LINE = 20;

/**
 * A label on lines of at most {@link LINE} characters where it has spaces (a word longer than a
 * line stays whole), joined by `\n`: an axis under bars draws each line (`labelExpr` splits them),
 * so long payer and group names are shown whole without running into their neighbours.
 *
 * @example
 * wrapped('Cluster mécatronique (member employers)'); // 'Cluster mécatronique\n(member employers)'
 */
export function wrapped(label: string): string {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    const current = lines[last];
    if (current !== undefined && current.length + 1 + word.length <= LINE) lines[last] = `${current} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** An axis of categories under bars: horizontal labels, each on its lines (see {@link wrapped}). */
const CATEGORY_AXIS = { labelAngle: 0, labelExpr: "split(datum.label, '\\n')", labelLineHeight: 13 } as const;

/** A decimal text as a number, for drawing only (never for a figure read or summed). */
export const drawn = (text: string): number => Number(text);

function chart(spec: Readonly<Record<string, unknown>>): ChartSpec {
  return { width: WIDTH, height: HEIGHT, background: 'white', padding: 8, config: CONFIG, ...spec };
}

/** A point of a bar chart: the bar's category, the series it stacks, the value drawn. */
export interface BarPoint {
  readonly category: string;
  readonly series: string;
  readonly value: number;
}

/**
 * Bars per category, one colour per series, in the order given: stacked (amounts), or side by
 * side on a scale of 0 to 100 (percentages).
 *
 * @example
 * bars([{ category: 'T1', series: 'region', value: 120 }], { category: 'Tranche', value: 'Amount (EUR)', series: 'Payer' }, 'stacked');
 */
export function bars(points: readonly BarPoint[], titles: { readonly category: string; readonly value: string; readonly series: string }, layout: 'stacked' | 'percentages'): ChartSpec {
  const series = { field: 'series', type: 'nominal', sort: null };
  return chart({
    data: { values: points.map((point) => ({ ...point, category: wrapped(point.category) })) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'category', type: 'nominal', sort: null, title: titles.category, axis: CATEGORY_AXIS },
      ...(layout === 'stacked'
        ? { y: { field: 'value', type: 'quantitative', title: titles.value, stack: 'zero' } }
        : { xOffset: series, y: { field: 'value', type: 'quantitative', title: titles.value, scale: { domain: [0, 100] } } }),
      color: { ...series, title: titles.series },
    },
  });
}

/** A group's share in a cohort and its minimum (null: none), as percentages. */
export interface SharePoint {
  readonly category: string;
  readonly series: string;
  readonly value: number;
  readonly minimum: number | null;
}

/**
 * Grouped bars of shares, with a tick at each minimum.
 *
 * @example
 * sharesWithMinimum([{ category: 'rsa', series: '2023-A', value: 24.5, minimum: 25 }], 'Group', 'Share (%)', 'Cohort');
 */
export function sharesWithMinimum(points: readonly SharePoint[], categoryTitle: string, valueTitle: string, seriesTitle: string): ChartSpec {
  const x = { field: 'category', type: 'nominal', sort: null, title: categoryTitle, axis: CATEGORY_AXIS };
  const xOffset = { field: 'series', type: 'nominal', sort: null };
  return chart({
    data: { values: points.map((point) => ({ ...point, category: wrapped(point.category) })) },
    layer: [
      { mark: { type: 'bar' }, encoding: { x, xOffset, y: { field: 'value', type: 'quantitative', title: valueTitle, scale: { domain: [0, 100] } }, color: { field: 'series', type: 'nominal', sort: null, title: seriesTitle } } },
      { transform: [{ filter: 'datum.minimum !== null' }], mark: { type: 'tick', color: '#b42318', thickness: 3 }, encoding: { x, xOffset, y: { field: 'minimum', type: 'quantitative' } } },
    ],
  });
}

/** A period of a band chart: the expected value and its band. */
export interface BandPoint {
  readonly period: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/**
 * A band from `low` to `high` per period with the expected value as a line on it.
 *
 * @example
 * band([{ period: '2025-06', mean: 100, low: 80, high: 120 }], 'Month', 'Amount (EUR)');
 */
export function band(points: readonly BandPoint[], periodTitle: string, valueTitle: string): ChartSpec {
  const x = { field: 'period', type: 'ordinal', sort: null, title: periodTitle };
  return chart({
    data: { values: points },
    layer: [
      { mark: { type: 'area', opacity: 0.3, color: '#2f6fb3' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: valueTitle }, y2: { field: 'high' } } },
      { mark: { type: 'line', color: '#1d4f91', point: true }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
    ],
  });
}

/**
 * A histogram of values (about 30 bins).
 *
 * @example
 * histogram([100, 120, 130], 'Total cost (EUR)', 'Runs');
 */
export function histogram(values: readonly number[], valueTitle: string, countTitle: string): ChartSpec {
  return chart({
    data: { values: values.map((value) => ({ value })) },
    mark: { type: 'bar', color: '#2f6fb3' },
    encoding: {
      x: { field: 'value', type: 'quantitative', bin: { maxbins: 30 }, title: valueTitle },
      y: { aggregate: 'count', type: 'quantitative', title: countTitle },
    },
  });
}

/**
 * Horizontal bars, one per label, in the order given (probabilities from 0 to 1, the axis in
 * percent as the chart locale writes it: `25%`, `25 %`).
 *
 * @example
 * probabilityBars([{ label: 'exit clause mid-term fires', value: 0.25 }], 'Probability');
 */
export function probabilityBars(points: readonly { readonly label: string; readonly value: number }[], valueTitle: string): ChartSpec {
  return chart({
    height: { step: 24 },
    data: { values: points },
    mark: { type: 'bar', color: '#2f6fb3' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      x: { field: 'value', type: 'quantitative', title: valueTitle, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
    },
  });
}

/** A row of a tornado: the assumption, which way it moved, and the change in the mean cost. */
export interface TornadoPoint {
  readonly assumption: string;
  readonly direction: string;
  readonly change: number;
}

/**
 * A tornado: per assumption (in the order given: largest swing first), a bar for the change of
 * the mean cost when it moves down and one when it moves up, from the base at 0.
 *
 * @example
 * tornadoBars([{ assumption: 'placement', direction: 'moved up', change: 1200 }], 'Change (EUR)', 'Moved');
 */
export function tornadoBars(points: readonly TornadoPoint[], valueTitle: string, directionTitle: string): ChartSpec {
  return chart({
    height: { step: 26 },
    data: { values: points },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'assumption', type: 'nominal', sort: null, title: null },
      x: { field: 'change', type: 'quantitative', title: valueTitle },
      color: { field: 'direction', type: 'nominal', sort: null, title: directionTitle },
    },
  });
}

/** An investor's range: low, median and high. */
export interface RangePoint {
  readonly label: string;
  readonly low: number;
  readonly median: number;
  readonly high: number;
}

/**
 * Per label, a line from low to high with a point at the median.
 *
 * @example
 * ranges([{ label: 'fund', low: 0.8, median: 1.1, high: 1.2 }], 'Multiple');
 */
export function ranges(points: readonly RangePoint[], valueTitle: string): ChartSpec {
  const y = { field: 'label', type: 'nominal', sort: null, title: null };
  return chart({
    height: { step: 34 },
    data: { values: points },
    layer: [
      { mark: { type: 'rule', color: '#2f6fb3', strokeWidth: 3 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: valueTitle }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 90, color: '#1d4f91' }, encoding: { y, x: { field: 'median', type: 'quantitative' } } },
    ],
  });
}
