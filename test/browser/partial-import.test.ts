/**
 * A web application that imports only the money or the calendar functions from 'outcome-pay'
 * carries only them (#15 item 7: at most 15 KB gzip each), and the whole core is at most 100 KB gzip. The package's ES modules are built as
 * `npm run build` builds them (the ESM options of tsup.config.ts, one file per source module)
 * into a temporary node_modules/outcome-pay beside a copy of package.json (its exports and
 * `sideEffects: false`), then bundled for the browser by esbuild (platform browser, minified),
 * measured as `npm run size` measures (scripts/bundle-measure.mjs), and run.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KB, bundleImports, packageOf, type MeasuredBundle } from '../../scripts/bundle-measure.mjs';
import { esmOptions } from '../../tsup.config.js';

/** Building the ES modules takes a few seconds; a loaded 2-core machine, more. */
const TIMEOUT = 180_000;
const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'outcome-pay-partial-'));
const packageDir = join(work, 'node_modules', 'outcome-pay');

/** The ES module entry of the package as a bundler resolves `import ... from 'outcome-pay'`. */
let entry = '';

beforeAll(async () => {
  mkdirSync(packageDir, { recursive: true });
  cpSync('package.json', join(packageDir, 'package.json'));
  await build({ ...esmOptions(join(packageDir, 'dist')), config: false, silent: true });
  entry = join(packageDir, 'dist', 'index.js');
}, TIMEOUT);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function bundle(imports: string[]): Promise<MeasuredBundle> {
  return bundleImports({ entry, imports, resolveDir: work, nodePaths: [join(root, 'node_modules')] });
}

/** Imports a bundle (an ES module) as a browser would load it. */
async function load(measured: MeasuredBundle, name: string): Promise<Record<string, (...args: unknown[]) => unknown>> {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, measured.code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, (...args: unknown[]) => unknown>;
}

/** The package's own files in a bundle, relative to its dist/ ('money/format.js'). */
function ownFiles(measured: MeasuredBundle): string[] {
  return measured.inputs.filter((input) => packageOf(input, 'outcome-pay') === 'outcome-pay').map((input) => input.slice(input.lastIndexOf('/dist/') + '/dist/'.length)).sort();
}

describe('importing only some functions of outcome-pay into a browser bundle', () => {
  it('the entry is the ES module build of the package, one file per module', () => {
    expect(packageOf(entry, 'outcome-pay')).toBe('outcome-pay');
    expect(entry.endsWith(join('node_modules', 'outcome-pay', 'dist', 'index.js'))).toBe(true);
  });

  it('formatMoney alone: at most 15 KB gzip, decimal.js and no zod, no registry of codes, and it runs', { timeout: TIMEOUT }, async () => {
    const money = await bundle(['formatMoney']);
    expect(money.gzip, `formatMoney bundle: ${money.gzip} bytes gzip`).toBeLessThanOrEqual(15 * KB);
    expect(Object.keys(money.byPackage).sort()).toEqual(['decimal.js', 'outcome-pay']);
    expect(money.inputs.filter((input) => packageOf(input, 'outcome-pay') === 'zod')).toEqual([]);
    const own = ownFiles(money);
    expect(own).toContain('money/format.js');
    expect(own.filter((file) => file.startsWith('codes/') || file.startsWith('contract/') || file.startsWith('settlement/'))).toEqual([]);

    // The bundle works on its own: a string where an Amount is due is refused with a code.
    const { formatMoney } = await load(money, 'money');
    let thrown: unknown;
    try {
      formatMoney?.('1234.5', 'EUR');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'OutcomePayError', code: 'ARGUMENT_INVALID', path: ['amount'] });
  });

  it('parseDate, addMonths and formatDate alone: at most 15 KB gzip, no dependency, and they run', { timeout: TIMEOUT }, async () => {
    const calendar = await bundle(['parseDate', 'addMonths', 'formatDate']);
    expect(calendar.gzip, `calendar bundle: ${calendar.gzip} bytes gzip`).toBeLessThanOrEqual(15 * KB);
    expect(Object.keys(calendar.byPackage)).toEqual(['outcome-pay']);
    // The bottom layer only: the calendar and the shared errors, results and checks, nothing
    // above it (the registry of codes comes with result.js, whose fail() checks its issues' codes).
    const own = ownFiles(calendar);
    expect(own).toContain('calendar/text.js');
    expect(own.filter((file) => /^(money|text|contract|records|outcomes|settlement|simulation|schema|node)\//.test(file))).toEqual([]);

    // 2023-08-31 + 6 months: 31 February 2024 does not exist, clamped to the 29th (a leap year).
    const { parseDate, addMonths, formatDate } = await load(calendar, 'calendar');
    expect(formatDate?.(addMonths?.(parseDate?.('2023-08-31'), 6))).toBe('2024-02-29');
  });

  it('the whole core is bigger than either (the measure sees what an import adds), and at most 100 KB gzip', { timeout: TIMEOUT }, async () => {
    const [money, core] = await Promise.all([bundle(['formatMoney']), bundleImports({ entry, imports: '*', resolveDir: work, nodePaths: [join(root, 'node_modules')] })]);
    expect(core.gzip).toBeGreaterThan(4 * money.gzip);
    expect(Object.keys(core.byPackage)).toContain('zod');
    // #15 item 7: the core (everything 'outcome-pay' exports) at most 100 KB gzip; streaming,
    // simulation and the JSON Schemas are entry points of their own (docs/browser.md, Size)
    expect(core.gzip, `core bundle: ${core.gzip} bytes gzip`).toBeLessThanOrEqual(100 * KB);
  });
});
