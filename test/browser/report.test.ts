/**
 * The report opens in a browser, offline, with every chart drawn (#18 item 5): reports of the
 * Région Sud settlement (with its records, in English and in French), of the ppp-impact simulation
 * (with a tornado and investors; no exit clause fires and no cap binds in its runs, so it has no
 * probability chart but a sentence) and of the idf-apprenticeship simulation (an exit clause fires:
 * its probability chart is drawn) are made in Node, then each is opened in headless Chromium
 * (Debian's `chromium`, driven by playwright-core with its executablePath; no browser is
 * downloaded). Every request the page would make is recorded and refused: there must be none.
 * Every chart the page holds must be drawn with a size and must not be empty (marks of its data
 * with a visible size, not only axes: a bar at 0 has none); a chart the report chose not to draw
 * is not counted missing, and the report's charts are named, so a chart dropped by mistake fails.
 * The page's screenshot is saved in /tmp/outcome-pay-report-screenshots/.
 *
 * Outside CI the test is skipped when /usr/bin/chromium is missing; with CI=true it fails
 * instead (.ci/run installs the package).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { readRecords } from '../../src/readers.js';
import { settlementReport, simulationReport } from '../../src/report.js';
import { simulate, tornado } from '../../src/simulation.js';

const CHROMIUM = '/usr/bin/chromium';
/** The flags of the machine notes: no sandbox (root), no GPU, and no traffic of Chromium's own. */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = '/tmp/outcome-pay-report-screenshots';
const TIMEOUT = 180_000;

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

async function settlementHtml(language: 'en' | 'fr'): Promise<string> {
  const contract = json('examples/region-sud/contract.json');
  const records = readRecords(readFileSync('examples/region-sud/records.csv'), 'csv');
  if (!records.ok) throw new Error('records not read');
  const settled = settle(contract, records.value, { asOf: '2025-06-30' });
  if (!settled.ok) throw new Error('not settled');
  return settlementReport(contract, settled.value, records.value, { language });
}

async function simulationHtml(): Promise<string> {
  const contract = json('examples/ppp-impact/contract.json');
  const assumptions = json('examples/ppp-impact/assumptions.json');
  const simulated = simulate(contract, assumptions, { runs: 100, seed: 1 });
  const table = tornado(contract, assumptions, { runs: 5, seed: 1, step: 0.05 });
  if (!simulated.ok || !table.ok) throw new Error('not simulated');
  return simulationReport(contract, simulated.value, { tornado: table.value });
}

async function idfSimulationHtml(): Promise<string> {
  const contract = json('examples/idf-apprenticeship/contract.json');
  const simulated = simulate(contract, json('examples/idf-apprenticeship/assumptions.json'), { runs: 200, seed: 1 });
  if (!simulated.ok) throw new Error('not simulated');
  return simulationReport(contract, simulated.value, { language: 'fr' });
}

/**
 * Run in the page (plain JavaScript): each chart's name, the size its SVG is drawn at, how many
 * marks it holds, and how many marks of its data (vega's `role-mark` groups, not the axes or the
 * legend) are drawn with a visible size: a bar both wide and high, a line or point either.
 */
const MEASURE = `[...document.querySelectorAll('figure.chart')].map((figure) => {
  const svg = figure.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const data = svg ? [...svg.querySelectorAll('.role-mark > *')] : [];
  const visible = data.filter((mark) => {
    const b = mark.getBBox();
    return mark.parentElement.classList.contains('mark-rect') ? b.width > 0.5 && b.height > 0.5 : b.width > 0.5 || b.height > 0.5;
  });
  return { name: figure.getAttribute('data-chart'), width: box.width, height: box.height, marks: svg ? svg.querySelectorAll('path, line, rect, circle, text').length : 0, visible: visible.length };
})`;

const haveChromium = existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';

describe('the report in a browser', () => {
  it.skipIf(!haveChromium && !inCi)(
    `opens offline in headless Chromium (${CHROMIUM}) with every chart drawn, and a screenshot is saved`,
    async () => {
      if (!haveChromium) throw new Error(`${CHROMIUM} is missing: in CI the browser test must run (.ci/run installs Debian's chromium package; see its log)`);
      const settlementCharts = ['tranches', 'payers', 'rates', 'equity'];
      const reports = {
        'region-sud-settlement': { html: await settlementHtml('en'), charts: settlementCharts },
        'region-sud-settlement-fr': { html: await settlementHtml('fr'), charts: settlementCharts },
        // no event in any run: the probability chart is replaced by a sentence
        'ppp-impact-simulation': { html: await simulationHtml(), charts: ['distribution', 'cash-flow', 'tornado', 'investors'], sentence: 'No exit clause fired, no minimum performance level was missed and no cap bound in any of the 100 runs.' },
        'idf-apprenticeship-simulation-fr': { html: await idfSimulationHtml(), charts: ['distribution', 'cash-flow', 'probabilities'] },
      };
      mkdirSync(SCREENSHOTS, { recursive: true });
      const userDataDir = mkdtempSync(join(tmpdir(), 'outcome-pay-chromium-'));
      const browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: TIMEOUT / 2, viewport: { width: 1200, height: 900 } });
      try {
        for (const [name, report] of Object.entries(reports)) {
          const page = await browser.newPage();
          const errors: string[] = [];
          const requests: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(message.text());
          });
          // nothing may be fetched: every request is recorded and refused
          await page.route('**/*', async (route) => {
            requests.push(route.request().url());
            await route.abort();
          });
          await page.setContent(report.html, { waitUntil: 'load' });
          const sizes = await page.evaluate<{ name: string | null; width: number; height: number; marks: number; visible: number }[]>(MEASURE);
          expect(sizes.map((size) => size.name), name).toEqual(report.charts);
          for (const size of sizes) {
            expect(size.width, `${name} ${size.name ?? ''}`).toBeGreaterThan(100);
            expect(size.height, `${name} ${size.name ?? ''}`).toBeGreaterThan(50);
            expect(size.marks, `${name} ${size.name ?? ''}`).toBeGreaterThan(5);
            expect(size.visible, `${name} ${size.name ?? ''}: a chart drawn empty`).toBeGreaterThan(0);
          }
          if ('sentence' in report) expect(await page.textContent('body'), name).toContain(report.sentence);
          expect(requests).toEqual([]);
          expect(errors).toEqual([]);
          const path = join(SCREENSHOTS, `${name}.png`);
          await page.screenshot({ path, fullPage: true });
          expect(statSync(path).size).toBeGreaterThan(10_000);
          await page.close();
        }
      } finally {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});
