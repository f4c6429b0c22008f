/**
 * The codes of the report (`outcome-pay/report`, `outcome-pay report`), each with a one-line
 * meaning. The report draws its charts with vega and vega-lite, optional peer dependencies that
 * an importer of the core does not install.
 *
 * @module
 */

/**
 * The stable codes of the report, and what each means.
 *
 * @example
 * Object.keys(REPORT_CODES).includes('REPORT_CHARTS_MISSING'); // true
 */
export const REPORT_CODES = {
  REPORT_CHARTS_MISSING:
    'the report draws its charts with the packages vega (6.4) and vega-lite (6.4), optional peer dependencies that are not installed: install them beside outcome-pay (npm install vega@6.4 vega-lite@6.4) (thrown)',
} as const;

/**
 * A code of the report.
 *
 * @example
 * const code: ReportCode = 'REPORT_CHARTS_MISSING';
 */
export type ReportCode = keyof typeof REPORT_CODES;
