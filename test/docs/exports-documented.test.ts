import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every public export of the package (everything reachable from src/index.ts) has a doc comment
 * with a summary and an `@example`. Read with the TypeScript compiler, so a new undocumented
 * export fails here. One program holds every entry point: a program per entry point built the
 * same modules eight times over (about 10 s of the suite, issue #14).
 */
const ENTRIES = ['src/index.ts', 'src/node/index.ts', 'src/schemas.ts', 'src/simulation.ts', 'src/streaming.ts', 'src/spreadsheets.ts', 'src/statements.ts', 'src/report.ts'];

const program = ts.createProgram(ENTRIES, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  types: [],
});
const checker = program.getTypeChecker();

function exportedDocs(entry: string): { name: string; summary: string; hasExample: boolean; kind: string }[] {
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`${entry} not found`);
  const module = checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${entry} has no module symbol`);
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = symbol.getJsDocTags(checker);
    const declarations = symbol.getDeclarations() ?? [];
    const kind = declarations[0] === undefined ? 'unknown' : ts.SyntaxKind[declarations[0].kind];
    return { name: exported.getName(), summary, hasExample: tags.some((tag) => tag.name === 'example'), kind };
  });
}

const exports = exportedDocs('src/index.ts');
const nodeExports = exportedDocs('src/node/index.ts');
const schemaExports = exportedDocs('src/schemas.ts');
const simulationExports = exportedDocs('src/simulation.ts');
const streamingExports = exportedDocs('src/streaming.ts');
const spreadsheetExports = exportedDocs('src/spreadsheets.ts');
const statementExports = exportedDocs('src/statements.ts');
const reportExports = exportedDocs('src/report.ts');

describe('public API documentation', () => {
  it('exports a substantial API', () => {
    expect(exports.length).toBeGreaterThan(50);
  });

  it('documents every export with a summary', () => {
    const missing = exports.filter((entry) => entry.summary === '').map((entry) => entry.name);
    expect(missing).toEqual([]);
  });

  it('outcome-pay/node: documents every export, each function with an @example', () => {
    expect(nodeExports.map((entry) => entry.name).sort()).toEqual(['TempFileOptions', 'openTempFileStore', 'tempFileStorage']);
    expect(nodeExports.filter((entry) => entry.summary === '' || (entry.kind === 'FunctionDeclaration' && !entry.hasExample))).toEqual([]);
  });

  it('outcome-pay/schemas: documents every schema with a summary and an @example', () => {
    expect(schemaExports.length).toBeGreaterThan(30);
    expect(schemaExports.filter((entry) => entry.summary === '' || !entry.hasExample).map((entry) => entry.name)).toEqual([]);
  });

  it('outcome-pay/simulation: documents every export, each function and constant with an @example', () => {
    expect(simulationExports.map((entry) => entry.name)).toContain('simulate');
    const missing = simulationExports.filter((entry) => entry.summary === '' || (['FunctionDeclaration', 'VariableDeclaration'].includes(entry.kind) && !entry.hasExample));
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('outcome-pay/streaming: documents every export, each function with an @example', () => {
    expect(streamingExports.map((entry) => entry.name)).toContain('settleStream');
    const missing = streamingExports.filter((entry) => entry.summary === '' || (entry.kind === 'FunctionDeclaration' && !entry.hasExample));
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('outcome-pay/spreadsheets: documents every export, each function with an @example', () => {
    expect(spreadsheetExports.map((entry) => entry.name).sort()).toEqual(['CsvLocale', 'SettlementCsvFile', 'SettlementCsvOptions', 'settlementCsv']);
    const missing = spreadsheetExports.filter((entry) => entry.summary === '' || (entry.kind === 'FunctionDeclaration' && !entry.hasExample));
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('outcome-pay/statements: documents every export, each function with an @example', () => {
    expect(statementExports.map((entry) => entry.name).sort()).toEqual(['Lang', 'PaymentStatement', 'PaymentStatementsOptions', 'dateText', 'moneyText', 'paymentStatements', 'shareText', 'statementFileName']);
    const missing = statementExports.filter((entry) => entry.summary === '' || (entry.kind === 'FunctionDeclaration' && !entry.hasExample));
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('outcome-pay/report: documents every export, each function and constant with an @example', () => {
    expect(reportExports.map((entry) => entry.name).sort()).toEqual([
      'REPORT_MESSAGES',
      'ReportLanguage',
      'ReportMessages',
      'SettlementReportMessages',
      'SettlementReportOptions',
      'SimulationReportMessages',
      'SimulationReportOptions',
      'settlementReport',
      'simulationReport',
    ]);
    const missing = reportExports.filter((entry) => entry.summary === '' || (['FunctionDeclaration', 'VariableDeclaration'].includes(entry.kind) && !entry.hasExample));
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('gives every function, class and constant an @example', () => {
    const values = exports.filter((entry) => ['FunctionDeclaration', 'ClassDeclaration', 'VariableDeclaration'].includes(entry.kind));
    const missing = values.filter((entry) => !entry.hasExample).map((entry) => `${entry.name} (${entry.kind})`);
    expect(missing).toEqual([]);
  });
});
