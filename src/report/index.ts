/**
 * The report: a settlement or a simulation as one self-contained HTML page with charts
 * (docs/report.md). Used through `src/report.ts` (the `outcome-pay/report` entry point) and the
 * command line.
 *
 * @module
 */
export { settlementReport } from './settlement-report.js';
export type { SettlementReportOptions } from './settlement-report.js';
export { simulationReport } from './simulation-report.js';
export type { SimulationReportOptions } from './simulation-report.js';
export { REPORT_MESSAGES } from './messages.js';
export type { ReportLanguage, ReportMessages, SettlementReportMessages, SimulationReportMessages } from './messages.js';
