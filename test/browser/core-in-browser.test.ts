/**
 * The core runs in a browser (#15 item 7). The core (src/index.ts, with its text readers,
 * src/readers.ts) is bundled by esbuild for the
 * browser, as a web application would bundle it, and the region-sud example is settled with that
 * bundle:
 *
 * - in headless Chromium (Debian's `chromium`, driven by playwright-core; no browser is
 *   downloaded): a page imports the bundle as an ES module, fetches the example's files and
 *   settles them;
 * - in a `node:vm` context that has no Node global (no `Buffer`, `process`, `require`), only the
 *   web platform's `TextEncoder` and `TextDecoder`: fast, and it runs where Chromium is absent.
 *
 * Both must give, byte for byte, the JSON that `settle` gives in Node for the same inputs, which
 * is examples/region-sud/expected-settlement.json (checked first). The same function (SETTLE_SOURCE, plain
 * JavaScript) reads the records, settles and writes the JSON in all three places.
 *
 * Outside CI the Chromium test is skipped when /usr/bin/chromium is missing; with CI=true it
 * fails instead (.ci/run installs the package).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext, createContext } from 'node:vm';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as index from '../../src/index.js';
import * as readers from '../../src/readers.js';

/** The core with its text readers, as the bundle below holds them. */
const core = { ...index, ...readers };

const CHROMIUM = '/usr/bin/chromium';
/** The flags of the machine notes: no sandbox (root), no GPU, and no traffic of Chromium's own. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Bundling, starting Chromium and settling take a few seconds; a loaded 2-core machine, more. */
const TIMEOUT = 180_000;

const AS_OF = '2025-06-30';
const example = {
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'records.ndjson': readFileSync('examples/region-sud/records.ndjson', 'utf8'),
  'records.csv': readFileSync('examples/region-sud/records.csv', 'utf8'),
};
const expected = readFileSync('examples/region-sud/expected-settlement.json', 'utf8');

/**
 * Reads a records file with the library's whole-text reader, settles it as the example tests do
 * (test/examples/helpers.ts: every excluded record accepted, totals) and writes the settlement as
 * expected-settlement.json is written. Plain JavaScript, so that Node, the vm context and the
 * page run the same text; a failure comes back as text, which the comparison then shows.
 */
const SETTLE_SOURCE = `function settleText(lib, contractText, recordsText, format, asOf) {
  const read = format === 'csv' ? lib.readCsvRecords(recordsText) : lib.readNdjsonRecords(recordsText);
  if (!read.ok || read.value.issues.length > 0) return 'unreadable records: ' + JSON.stringify(read.ok ? read.value.issues : read.issues);
  const options = { asOf: asOf, detail: 'totals', allowEmpty: true, maxExcluded: '100%' };
  const result = lib.settle(JSON.parse(contractText), read.value.records, options);
  return result.ok ? JSON.stringify(result.value, null, 2) + '\\n' : 'not settled: ' + JSON.stringify(result.issues);
}`;

type SettleText = (lib: unknown, contractText: string, recordsText: string, format: 'ndjson' | 'csv', asOf: string) => string;
// the same text runs in the page and the vm context
// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
const settleText = new Function(`return ${SETTLE_SOURCE}`)() as SettleText;

/** The core bundled for the browser, minified, as an ES module or as a script that sets `outcomePay`. */
async function bundleCore(format: 'esm' | 'iife'): Promise<string> {
  const result = await build({
    // the core and its text readers (outcome-pay/readers), as a page that reads a records file imports them
    stdin: { contents: "export * from './src/index.ts';\nexport * from './src/readers.ts';\n", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format,
    globalName: 'outcomePay',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error('esbuild wrote no bundle');
  return file.text;
}

/** What `settle` gives in Node (this process, from src) for the example's records in `format`. */
const inNode = (format: 'ndjson' | 'csv'): string => settleText(core, example['contract.json'], example[`records.${format}`], format, AS_OF);

describe('settle in Node, the reference', () => {
  it.each(['ndjson', 'csv'] as const)('from records.%s gives expected-settlement.json', (format) => {
    expect(inNode(format)).toBe(expected);
  });
});

describe('the core bundled for the browser', () => {
  it(
    'settles the region-sud example in a context without Node globals, as settle does in Node',
    async () => {
      const bundle = await bundleCore('iife');
      // A new context has only the language's globals; TextEncoder and TextDecoder are the web
      // platform's (every browser has them), wrapped so that the bytes are the context's own.
      const context = createContext({ hostEncode: (text: string) => new TextEncoder().encode(text), HostDecoder: TextDecoder, ...example });
      runInContext(
        `((hostEncode, HostDecoder) => {
          globalThis.TextEncoder = class TextEncoder {
            get encoding() { return 'utf-8'; }
            encode(text = '') { return new Uint8Array(hostEncode(String(text))); }
          };
          globalThis.TextDecoder = HostDecoder;
        })(hostEncode, HostDecoder);
        delete globalThis.hostEncode;
        delete globalThis.HostDecoder;`,
        context,
      );
      const nodeGlobals = runInContext(`['Buffer', 'process', 'require', 'global', 'module', 'setImmediate'].filter((name) => typeof globalThis[name] !== 'undefined')`, context) as unknown;
      expect(nodeGlobals).toEqual([]);
      runInContext(bundle, context, { filename: 'outcome-pay.browser.js' });
      for (const format of ['ndjson', 'csv'] as const) {
        const text = runInContext(`(${SETTLE_SOURCE})(outcomePay, this['contract.json'], this['records.${format}'], '${format}', '${AS_OF}')`, context) as unknown;
        expect(text).toBe(inNode(format));
      }
    },
    TIMEOUT,
  );

  const haveChromium = existsSync(CHROMIUM);
  const inCi = process.env['CI'] === 'true';
  it.skipIf(!haveChromium && !inCi)(
    `settles the region-sud example in headless Chromium (${CHROMIUM}), as settle does in Node`,
    async () => {
      if (!haveChromium) throw new Error(`${CHROMIUM} is missing: in CI the browser test must run (.ci/run installs Debian's chromium package; see its log)`);
      const origin = 'http://outcome-pay.test';
      const files: Record<string, { body: string; contentType: string }> = {
        '/index.html': { body: `<!doctype html><meta charset="utf-8"><title>outcome-pay</title><script type="module" src="/main.js"></script>`, contentType: 'text/html' },
        '/outcome-pay.js': { body: await bundleCore('esm'), contentType: 'text/javascript' },
        '/main.js': {
          // a failure to load or to settle is the page's answer too, so the test need not wait
          body: `const settleText = ${SETTLE_SOURCE};
            const text = async (name) => (await fetch(name)).text();
            try {
              const outcomePay = await import('./outcome-pay.js');
              const contract = await text('contract.json');
              window.settled = {
                ndjson: settleText(outcomePay, contract, await text('records.ndjson'), 'ndjson', '${AS_OF}'),
                csv: settleText(outcomePay, contract, await text('records.csv'), 'csv', '${AS_OF}'),
              };
            } catch (error) {
              window.settled = { error: String(error && error.stack || error) };
            }`,
          contentType: 'text/javascript',
        },
        '/contract.json': { body: example['contract.json'], contentType: 'application/json' },
        '/records.ndjson': { body: example['records.ndjson'], contentType: 'application/x-ndjson' },
        '/records.csv': { body: example['records.csv'], contentType: 'text/csv' },
      };
      const userDataDir = mkdtempSync(join(tmpdir(), 'outcome-pay-chromium-'));
      const browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: TIMEOUT / 2 });
      try {
        const errors: string[] = [];
        const page = browser.pages()[0] ?? (await browser.newPage());
        page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        // The page and its files are served by the test itself: nothing leaves the machine.
        await page.route('**/*', async (route) => {
          const url = new URL(route.request().url());
          const file = url.origin === origin ? files[url.pathname] : undefined;
          await (file === undefined ? route.abort() : route.fulfill({ status: 200, body: file.body, contentType: file.contentType }));
        });
        await page.goto(`${origin}/index.html`);
        const settled = await page
          .waitForFunction(() => (globalThis as { settled?: unknown }).settled, undefined, { timeout: TIMEOUT / 2 })
          .then((handle) => handle.jsonValue())
          .catch((error: unknown) => {
            throw new Error(`the page did not settle: ${errors.join('\n') || String(error)}`);
          });
        expect(errors).toEqual([]);
        expect((settled as { error?: unknown }).error).toBeUndefined();
        expect(settled).toEqual({ ndjson: inNode('ndjson'), csv: inNode('csv') });
        expect(await page.evaluate(() => typeof (globalThis as { Buffer?: unknown }).Buffer)).toBe('undefined');
      } finally {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});
