/**
 * Chart labels shown whole (#18, the new user's trial: ids, payer names and French labels were cut
 * at the chart's edge, `Région Auvergne-Rhô…`, `le plafond cap-participant (par par…`). In Node
 * vega estimates a text's width at 0.8 em a character, so any limit in pixels cut labels of half
 * its width; the charts set no limit, and labels under bars are wrapped at spaces. The screenshots
 * of every example's reports in Chromium were looked at (see docs/report.md); this test keeps the
 * labels whole in the SVG.
 */
import { describe, expect, it } from 'vitest';
import { bars, probabilityBars, ranges, sharesWithMinimum, tornadoBars, wrapped } from '../../src/report/charts.js';
import { renderCharts } from '../../src/report/render.js';

/** The texts an SVG draws (each line of a label its own text). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((match) => [...(match[1] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((line) => line[1] ?? '').concat(/<tspan/.test(match[1] ?? '') ? [] : [match[1] ?? '']));
}

const LONG = 'le plafond cap-participant-exceptionnel (par participant) est atteint';
const PAYER = 'Cluster mécatronique et productique (employeurs membres)';

describe('chart labels', () => {
  it('wraps a label at spaces, lines of at most 20 characters, a longer word whole', () => {
    expect(wrapped('Région Auvergne-Rhône-Alpes')).toBe('Région\nAuvergne-Rhône-Alpes');
    // "Cluster mécatronique" is 20 characters: it stays on one line
    expect(wrapped('Cluster mécatronique (member employers)')).toBe('Cluster mécatronique\n(member employers)');
    expect(wrapped('T1')).toBe('T1');
  });

  it('no label of a bar, probability, tornado or range chart is cut with an ellipsis', async () => {
    const svgs = await renderCharts(
      [
        bars([{ category: PAYER, series: 'Déjà payé', value: 10 }, { category: 'Région Auvergne-Rhône-Alpes', series: 'Dû maintenant', value: 20 }], { category: 'Financeur', value: 'Montant (EUR)', series: 'Acquis' }, 'stacked'),
        sharesWithMinimum([{ category: 'demandeurs-emploi-longue-duree', series: PAYER, value: 30, minimum: 25 }], 'Public', 'Part (%)', 'Cohorte'),
        probabilityBars([{ label: LONG, value: 0.5 }], 'Probabilité'),
        tornadoBars([{ assumption: `${LONG} (taux de placement)`, direction: 'relevée', change: 10 }], 'Écart', 'Variation'),
        ranges([{ label: PAYER, low: 0.8, median: 1, high: 1.2 }], 'Multiple'),
      ].map((spec) => ({ spec, label: 'chart' })),
    );
    const drawn = svgs.flatMap(texts);
    expect(drawn.join('\n')).not.toContain('…');
    // the long labels are drawn whole (a wrapped one line by line)
    expect(drawn).toEqual(expect.arrayContaining([LONG, `${LONG} (taux de placement)`, PAYER, 'Région', 'Auvergne-Rhône-Alpes', 'Cluster mécatronique', 'et productique', '(employeurs membres)']));
  });
});
