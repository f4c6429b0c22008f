/**
 * The HTML of a report: text escaped, tables, sections and the page around them, with its style
 * inline. Nothing is loaded from anywhere: the page is one self-contained file.
 *
 * @module
 */
import { escapeHtml } from '../text/index.js';

/** A cell: text (escaped), and whether it is a figure (aligned right, as figures are). */
export interface Cell {
  readonly text: string;
  readonly figure?: boolean;
}

/** A figure cell. */
export const figure = (text: string): Cell => ({ text, figure: true });

/** A text cell. */
export const word = (text: string): Cell => ({ text });

/**
 * A table with its header row, the figures aligned right. `name` is the table's data attribute,
 * by which a reader (or a test) finds it.
 *
 * @example
 * table('payers', ['Payer', 'Due'], [[word('Région'), figure('120.00 EUR')]]);
 */
export function table(name: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td${cell.figure === true ? ' class="figure"' : ''}>${escapeHtml(cell.text)}</td>`).join('')}</tr>`).join('\n');
  return `<table data-table="${escapeHtml(name)}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A paragraph of text. */
export const paragraph = (text: string, className?: string): string => `<p${className === undefined ? '' : ` class="${className}"`}>${escapeHtml(text)}</p>`;

/** A chart's figure: the inline SVG, then its caption. */
export const chartFigure = (name: string, svg: string, caption: string): string =>
  `<figure class="chart" data-chart="${escapeHtml(name)}">\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;

/** A section with its heading. */
export const section = (id: string, heading: string, parts: readonly string[]): string =>
  `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${parts.join('\n')}\n</section>`;

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #d9e2ec; padding-bottom: 0.2rem; margin-top: 2.2rem; }
p.identity { color: #52606d; font-size: 0.85rem; word-break: break-all; }
p.warning { background: #fff3c4; border-left: 4px solid #f0b429; padding: 0.5rem 0.8rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.88rem; }
th, td { border: 1px solid #d9e2ec; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
td.figure { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #52606d; font-size: 0.85rem; }
footer { margin-top: 3rem; color: #7b8794; font-size: 0.8rem; }
@media print { h2 { break-after: avoid; } figure.chart, table { break-inside: avoid; } }
`;

/**
 * The whole page: its language, title, style, a heading with the identity line, the sections and
 * the footer.
 *
 * @example
 * page({ lang: 'en', title: 'Report', identity: 'Contract X', sections: [], footer: 'Made by outcome-pay' });
 */
export function page(parts: { readonly lang: string; readonly title: string; readonly identity: string; readonly sections: readonly string[]; readonly footer: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(parts.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(parts.title)}</h1>`,
    paragraph(parts.identity, 'identity'),
    ...parts.sections,
    `<footer>${escapeHtml(parts.footer)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
