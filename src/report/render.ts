/**
 * Charts drawn as SVG text in Node, without a browser: a vega-lite specification compiled to
 * vega, run by a headless vega view (`renderer: 'none'`) and written out with `toSVG()`. vega and
 * vega-lite are optional peer dependencies, loaded here only, by dynamic import, when a report is
 * made: an importer of the core never loads them, and without them a report fails with
 * `REPORT_CHARTS_MISSING`.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';

/** A vega-lite specification: plain JSON (numbers in it are for drawing only). */
export type ChartSpec = Readonly<Record<string, unknown>>;

/** What the report uses of vega. */
interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}

/** The two libraries the charts are drawn with, as far as the report uses them. */
export interface ChartLibraries {
  readonly parse: (spec: unknown) => unknown;
  readonly View: new (runtime: unknown, options: { readonly renderer: 'none' }) => VegaView;
  readonly compile: (spec: unknown) => { readonly spec: unknown };
}

/** Loads a package by name (`import(name)`), replaceable in tests. */
export type PackageLoader = (name: 'vega' | 'vega-lite') => Promise<unknown>;

const importPackage: PackageLoader = (name) => (name === 'vega' ? import('vega') : import('vega-lite'));

/** Whether an error says that the package itself could not be found (not an error inside it). */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && error.message.includes(`'${name}'`);
}

async function load(loader: PackageLoader, name: 'vega' | 'vega-lite'): Promise<Record<string, unknown>> {
  try {
    return (await loader(name)) as Record<string, unknown>;
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new OutcomePayError(
      'REPORT_CHARTS_MISSING',
      `the report draws its charts with vega and vega-lite, and ${name} is not installed: install both beside outcome-pay (npm install vega@6.4 vega-lite@6.4)`,
    );
  }
}

/**
 * Loads vega and vega-lite. Throws `REPORT_CHARTS_MISSING` when either is not installed.
 *
 * @example
 * const libraries = await loadChartLibraries();
 */
export async function loadChartLibraries(loader: PackageLoader = importPackage): Promise<ChartLibraries> {
  const vega = await load(loader, 'vega');
  const vegaLite = await load(loader, 'vega-lite');
  const { parse, View } = vega;
  const { compile } = vegaLite;
  if (typeof parse !== 'function' || typeof View !== 'function' || typeof compile !== 'function') {
    throw new OutcomePayError('REPORT_CHARTS_MISSING', 'the packages vega and vega-lite installed are not the versions the report draws with (6.4): install vega@6.4 vega-lite@6.4');
  }
  return { parse: parse as ChartLibraries['parse'], View: View as ChartLibraries['View'], compile: compile as ChartLibraries['compile'] };
}

/**
 * The SVG element of one chart, ready to be written inline in an HTML page: the namespace
 * declarations (which an SVG inside HTML does not need) are dropped, and the chart is labelled
 * for screen readers.
 */
function inlineSvg(svg: string, label: string): string {
  const escaped = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => `<svg${attributes.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')} role="img" aria-label="${escaped}">`);
}

/**
 * Draws charts as inline SVG, in order, each labelled. vega and vega-lite are loaded once.
 *
 * @example
 * const [svg] = await renderCharts([{ spec: { mark: 'bar', data: { values: [] } }, label: 'Tranches' }]);
 */
export async function renderCharts(charts: readonly { readonly spec: ChartSpec; readonly label: string }[], libraries?: ChartLibraries): Promise<string[]> {
  if (charts.length === 0) return [];
  const { parse, View, compile } = libraries ?? (await loadChartLibraries());
  const drawn: string[] = [];
  for (const chart of charts) {
    const view = new View(parse(compile(chart.spec).spec), { renderer: 'none' });
    try {
      drawn.push(inlineSvg(await view.toSVG(), chart.label));
    } finally {
      view.finalize();
    }
  }
  return drawn;
}
