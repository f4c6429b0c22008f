/**
 * The print style of a statement (inline: a statement loads nothing); its text is escaped by
 * `escapeHtml` of src/text.
 *
 * @module
 */

/** The style sheet of a statement, for the screen and for print (A4, black on white, tables kept whole where they fit). */
export const STATEMENT_CSS = `
:root { color: #111; background: #fff; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.35; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; border-bottom: 1px solid #999; padding-bottom: 0.15rem; }
.subtitle { margin: 0; color: #333; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dl.identity dt { font-weight: bold; }
dl.identity dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.amount, th.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.due td, tr.due th { font-weight: bold; font-size: 1.15rem; }
tfoot td, tfoot th { font-weight: bold; }
.note { color: #333; font-size: 0.9rem; margin: 0.15rem 0 0; }
.formula { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9rem; }
.fingerprint { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85rem; word-break: break-all; }
.warning { border: 2px solid #b00; padding: 0.5rem; margin: 1rem 0; }
footer { margin-top: 2rem; color: #333; font-size: 0.85rem; }
@page { size: A4; margin: 15mm; }
@media print {
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table, dl.identity, .warning { break-inside: avoid; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;
