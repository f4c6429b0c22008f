/**
 * The charts' rendering: vega and vega-lite loaded by dynamic import, a missing one reported with
 * REPORT_CHARTS_MISSING (a loader that fails as Node fails for a package not installed), an
 * error inside an installed package not disguised as a missing one; the SVG drawn in Node,
 * labelled, without namespace declarations; the messages table.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_MESSAGES } from '../../src/report.js';
import { loadChartLibraries, renderCharts } from '../../src/report/render.js';

const notInstalled = (name: string): Error => Object.assign(new Error(`Cannot find package '${name}' imported from /app/dist/report/render.js`), { code: 'ERR_MODULE_NOT_FOUND' });

describe('the charts', () => {
  it('REPORT_CHARTS_MISSING when vega or vega-lite is not installed', async () => {
    await expect(loadChartLibraries(() => Promise.reject(notInstalled('vega')))).rejects.toMatchObject({ name: 'OutcomePayError', code: 'REPORT_CHARTS_MISSING', message: expect.stringContaining('npm install vega@6.4 vega-lite@6.4') as unknown });
    const onlyVega = (name: string): Promise<unknown> => (name === 'vega' ? import('vega') : Promise.reject(notInstalled(name)));
    await expect(loadChartLibraries(onlyVega)).rejects.toMatchObject({ code: 'REPORT_CHARTS_MISSING', message: expect.stringContaining('vega-lite is not installed') as unknown });
  });

  it('an error inside an installed package, or another package missing, is not called REPORT_CHARTS_MISSING', async () => {
    const broken = new Error('boom');
    await expect(loadChartLibraries(() => Promise.reject(broken))).rejects.toBe(broken);
    const other = notInstalled('d3-array');
    await expect(loadChartLibraries(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('a package without the functions the report uses is refused with the same code', async () => {
    await expect(loadChartLibraries(() => Promise.resolve({}))).rejects.toMatchObject({ code: 'REPORT_CHARTS_MISSING' });
  });

  it('draws a chart as inline SVG in Node: sized, labelled, with its marks, no namespace declarations', async () => {
    const [svg] = await renderCharts([{ spec: { width: 200, height: 100, data: { values: [{ a: 'x', b: 3 }, { a: 'y', b: 5 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } }, label: 'Two "bars" & more' }]);
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"[^>]* role="img" aria-label="Two &quot;bars&quot; &amp; more">/);
    expect(svg).not.toContain('xmlns');
    // two bars: two paths in the mark-rect group
    expect(svg?.match(/role-mark marks[\s\S]*?<\/g>/)?.[0].match(/<path /g)).toHaveLength(2);
  });

  it('draws nothing (and loads nothing) for no chart', async () => {
    expect(await renderCharts([])).toEqual([]);
  });
});

describe('REPORT_MESSAGES', () => {
  it('has English and French; English functions write amounts, dates and percentages as the report shows them', () => {
    expect(Object.keys(REPORT_MESSAGES)).toEqual(['en', 'fr']);
    const en = REPORT_MESSAGES.en;
    expect(en.amount('1650.00', 'EUR')).toBe('1650.00 EUR');
    expect(en.percent('40.8')).toBe('40.8%');
    expect(en.date('2025-06-30')).toBe('2025-06-30');
    expect(en.settlement.excluded(3, 94)).toBe('Warning: 3 records of 94 were invalid and excluded from this settlement; the figures below do not count them.');
  });

  it('French writes 1 650,00 € (U+00A0), 40,8 % and dates in words; the plural agrees', () => {
    const fr = REPORT_MESSAGES.fr;
    expect(fr.amount('1650.00', 'EUR')).toBe('1\u00a0650,00\u00a0€');
    expect(fr.percent('40.8')).toBe('40,8\u00a0%');
    expect(fr.decimal('0.25')).toBe('0,25');
    expect(fr.date('2025-06-30')).toBe('30 juin 2025');
    expect(fr.settlement.excluded(1, 94)).toBe("Attention : 1 enregistrement sur 94 était invalide et a été exclu de ce règlement ; les chiffres ci-dessous ne l'incluent pas.");
    expect(fr.settlement.excluded(3, 94)).toBe('Attention : 3 enregistrements sur 94 étaient invalides et ont été exclus de ce règlement ; les chiffres ci-dessous ne les incluent pas.');
  });

  it('every text is non-empty (a language added must fill them all: the type requires every key)', () => {
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (typeof value === 'function') texts.push(String((value as (...args: unknown[]) => unknown)('x', 'y', 'z', 'w')));
      else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) walk(item);
    };
    // the charts' number locale is vega's configuration, not text (its currency affixes are empty on purpose)
    walk({ ...REPORT_MESSAGES.en, chartLocale: undefined });
    expect(texts.length).toBeGreaterThan(100);
    // the statistics table's first header is empty on purpose (the row labels' column)
    expect(texts.filter((text) => text === '')).toHaveLength(1);
  });
});
