/**
 * `outcome-pay/report`: a settlement or a simulation as one self-contained HTML page with charts
 * (inline SVG and style, nothing loaded from anywhere: it opens offline), for the people who read
 * a programme's figures (docs/report.md). The charts are drawn in Node by vega and vega-lite,
 * optional peer dependencies this entry point alone loads: install them beside outcome-pay to use
 * it (`npm install vega@6.4 vega-lite@6.4`); an importer of the core never loads them.
 *
 * @example
 * import { settlementReport } from 'outcome-pay/report';
 * const html = await settlementReport(contractJson, settlement, recordsJson);
 *
 * @module outcome-pay/report
 */
export { REPORT_MESSAGES, settlementReport, simulationReport } from './report/index.js';
export type { ReportLanguage, ReportMessages, SettlementReportMessages, SettlementReportOptions, SimulationReportMessages, SimulationReportOptions } from './report/index.js';
