/**
 * The payment statements of every example (examples/<name>/expected-settlement.json, the
 * settlements the examples' tests check), in English and in French. The figures are read back
 * from the HTML text a person sees (`56 760,00 €`, `€56,760.00`) and checked against the
 * settlement independently: each statement's figures are the payer's in its tranche, the
 * statements of a payer add up to the payer's totals, the payers' statements of a tranche add up
 * to the tranche, and the audit lines shown add up to the lines' total (sums in bigint minor
 * units, not with the library's decimals).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../src/index.js';
import { paymentStatements } from '../../src/statements.js';

const EXAMPLES = readdirSync('examples', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(`examples/${name}`).includes('expected-settlement.json'));

/** Vectors of yearly payer caps (docs/mechanics/payer-funding.md): deferred, not paid, taken by another payer, deferred with nowhere to go. */
const BUDGET_YEAR_VECTORS = [
  '72-payer-year-cap-deferred-fiscal.json',
  '73-payer-year-cap-not-paid-calendar.json',
  '74-payer-year-cap-taken-by-chain.json',
  '75-payer-year-deferred-before-next-year.json',
  '77-payer-year-deferred-lapses-at-end.json',
];

/** A vector settled as its test settles it (these vectors' options are an as-of date alone). */
function settledVector(file: string): Settlement {
  const vector = JSON.parse(readFileSync(`test/vectors/${file}`, 'utf8')) as { contract: unknown; records: unknown[]; options: { asOf: string } };
  const result = settle(vector.contract, vector.records, { asOf: vector.options.asOf });
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const CASES: [string, () => Settlement][] = [
  ...EXAMPLES.map((name): [string, () => Settlement] => [`examples/${name}`, () => JSON.parse(readFileSync(`examples/${name}/expected-settlement.json`, 'utf8')) as Settlement]),
  ...BUDGET_YEAR_VECTORS.map((file): [string, () => Settlement] => [`test/vectors/${file}`, () => settledVector(file)]),
];

/** An amount of the settlement in minor units (bigint), from its decimal text. */
function units(amount: string, digits: number): bigint {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return amount.startsWith('-') ? -value : value;
}

/** An amount as shown to a person, back to minor units: the digits, the sign, and the decimal separator of the language. */
function shown(text: string, lang: 'en' | 'fr', digits: number): bigint {
  const decimal = lang === 'fr' ? ',' : '.';
  const kept = text.replace(decimal === ',' ? /[^0-9,-]/g : /[^0-9.-]/g, '');
  expect(kept, text).toMatch(digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\${decimal}\\d{${String(digits)}}$`));
  return units(kept.replace(decimal, '.'), digits);
}

/** The figures of a page by their data-figure name, in the order they appear. */
function figures(html: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of html.matchAll(/data-figure="(\w+)">([^<]*)</g)) found.set(match[1] ?? '', [...(found.get(match[1] ?? '') ?? []), match[2] ?? '']);
  return found;
}

describe.each(CASES)('the statements of %s', (_name, load) => {
  const settlement = load();
  const digits = Math.max(...settlement.tranches.map((tranche) => (tranche.earned.split('.')[1] ?? '').length));

  it.each(['en', 'fr'] as const)('%s: one per payer and measured tranche, their figures those of the settlement, adding up per payer and per tranche', (lang) => {
    const statements = paymentStatements(settlement, { lang });
    // which statements: every payer of every tranche but those scheduled with nothing for the payer
    const expected = settlement.tranches.flatMap((tranche) =>
      tranche.payers
        .filter((payer) => tranche.status !== 'scheduled' || [payer.earned, payer.previouslyPaid, payer.due].some((amount) => units(amount, digits) !== 0n))
        .map((payer) => `${tranche.id}/${payer.payer}`),
    );
    expect(statements.map((statement) => `${statement.tranche}/${statement.payer}`)).toEqual(expected);
    expect(statements.length).toBeGreaterThan(0);
    expect(new Set(statements.map((statement) => statement.fileName)).size).toBe(statements.length);

    const perPayer = new Map<string, { earned: bigint; previouslyPaid: bigint; due: bigint }>();
    const perTranche = new Map<string, bigint>();
    for (const statement of statements) {
      const tranche = settlement.tranches.find((candidate) => candidate.id === statement.tranche);
      const payer = tranche?.payers.find((candidate) => candidate.payer === statement.payer);
      if (tranche === undefined || payer === undefined) throw new Error(`no ${statement.tranche}/${statement.payer} in the settlement`);
      const page = figures(statement.html);
      const one = (figure: string): bigint => {
        const texts = page.get(figure) ?? [];
        expect(texts, `${statement.fileName}: ${figure}`).toHaveLength(1);
        return shown(texts[0] ?? '', lang, digits);
      };
      // the payer's figures, as the page shows them
      const earned = one('earned');
      const previouslyPaid = one('previouslyPaid');
      const due = one('due');
      expect([earned, previouslyPaid, due]).toEqual([units(payer.earned, digits), units(payer.previouslyPaid, digits), units(payer.due, digits)]);
      expect(due).toBe(earned - previouslyPaid);
      expect(one('trancheEarned')).toBe(units(tranche.earned, digits));
      // the audit lines shown add up to the total shown, which is the lines' total in the settlement
      const linePaid = (page.get('linePaid') ?? []).map((text) => shown(text, lang, digits));
      expect(linePaid).toHaveLength(tranche.lines.length);
      expect(linePaid).toEqual(tranche.lines.map((line) => units(line.paid, digits)));
      const sumShown = linePaid.reduce((sum, amount) => sum + amount, 0n);
      expect(one('linesPaid')).toBe(sumShown);
      // the lines less the payer caps' cuts, less what a yearly commitment deferred, plus what
      // earlier tranches deferred to this one, are the tranche's earnings (docs/statements.md)
      const payerCuts = tranche.capCuts.filter((cut) => cut.kind === 'payer').reduce((sum, cut) => sum + units(cut.cut, digits), 0n);
      const years = tranche.budgetYears ?? [];
      const deferredOut = years.filter((entry) => entry.overflow === 'deferred').reduce((sum, entry) => sum + units(entry.over, digits), 0n);
      const carriedIn = years.flatMap((entry) => entry.carriedFrom).reduce((sum, carry) => sum + units(carry.amount, digits), 0n);
      expect(sumShown - payerCuts - deferredOut + carriedIn).toBe(units(tranche.earned, digits));
      if (years.length > 0) {
        // the page shows each deferral and each amount carried in, and its own figures add up
        const total = (figure: string): bigint => (page.get(figure) ?? []).reduce((sum, text) => sum + shown(text, lang, digits), 0n);
        expect([total('deferred'), total('carriedIn')]).toEqual([deferredOut, carriedIn]);
        expect([one('reconLines'), one('reconCuts'), one('reconDeferred'), one('reconCarried'), one('reconEarned')]).toEqual([sumShown, payerCuts, deferredOut, carriedIn, units(tranche.earned, digits)]);
        expect(one('reconLines') - one('reconCuts') - one('reconDeferred') + one('reconCarried')).toBe(one('reconEarned'));
      } else {
        expect(page.has('reconLines')).toBe(false);
      }
      const totals = perPayer.get(statement.payer) ?? { earned: 0n, previouslyPaid: 0n, due: 0n };
      perPayer.set(statement.payer, { earned: totals.earned + earned, previouslyPaid: totals.previouslyPaid + previouslyPaid, due: totals.due + due });
      perTranche.set(statement.tranche, (perTranche.get(statement.tranche) ?? 0n) + earned);
    }
    // a payer's statements add up to what the settlement says the payer earned, paid and owes
    for (const payer of settlement.payers) {
      const sums = perPayer.get(payer.payer) ?? { earned: 0n, previouslyPaid: 0n, due: 0n };
      expect(sums, payer.payer).toEqual({ earned: units(payer.earned, digits), previouslyPaid: units(payer.previouslyPaid, digits), due: units(payer.due, digits) });
    }
    // the payers' statements of a tranche add up to the tranche's earnings
    for (const tranche of settlement.tranches) if (perTranche.has(tranche.id)) expect(perTranche.get(tranche.id), tranche.id).toBe(units(tranche.earned, digits));
  });

  it('every page is whole, in its language, printable, and loads nothing from elsewhere', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const statement of paymentStatements(settlement, { lang })) {
        const html = statement.html;
        expect(html.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">`)).toBe(true);
        expect(html.endsWith('</html>\n')).toBe(true);
        expect(html).toContain('@media print');
        expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
        expect(html).toContain(settlement.fingerprint.contract);
        expect(html).toContain(settlement.fingerprint.inputs);
        expect(html).toContain(lang === 'fr' ? '<h1>Relevé de paiement</h1>' : '<h1>Payment statement</h1>');
      }
    }
  });
});

describe('the statements of vector 72: a yearly commitment defers 900.00 from T2 to T3', () => {
  const settlement = settledVector('72-payer-year-cap-deferred-fiscal.json');
  const page = (tranche: string, payer: string, lang: 'en' | 'fr'): string =>
    paymentStatements(settlement, { lang }).find((statement) => statement.tranche === tranche && statement.payer === payer)?.html ?? '';
  const figure = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`data-figure="${name}">([^<]*)<`, 'g'))].map((match) => match[1] ?? '');
  const nb = (text: string): string => text.replaceAll('·', '\u00A0');

  it('T2: lines 2000.00 − 900.00 deferred = 1100.00 earned; T3: 1000.00 + 900.00 carried in = 1900.00', () => {
    // T2: two placements × 1000.00 = 2000.00; the council's 0.6 × 2000.00 = 1200.00 against what
    // is left of its 1500.00 for 2024-25 (1500.00 − 1200.00 used by T1 = 300.00): 900.00 above,
    // deferred to T3; 2000.00 − 900.00 = 1100.00. T3: one placement 1000.00 + 900.00 = 1900.00.
    const t2 = page('T2', 'fund', 'en');
    expect([figure(t2, 'reconLines'), figure(t2, 'reconCuts'), figure(t2, 'reconDeferred'), figure(t2, 'reconCarried'), figure(t2, 'reconEarned')]).toEqual([
      ['£2,000.00'],
      ['£0.00'],
      ['£900.00'],
      ['£0.00'],
      ['£1,100.00'],
    ]);
    expect(t2).toContain('deferred to the next budget year: paid with tranche T3');
    expect(t2).toContain('1 April 2024 to 31 March 2025');
    const t3 = page('T3', 'council', 'en');
    expect([figure(t3, 'reconLines'), figure(t3, 'reconDeferred'), figure(t3, 'reconCarried'), figure(t3, 'reconEarned')]).toEqual([['£1,000.00'], ['£0.00'], ['£900.00'], ['£1,900.00']]);
    expect(t3).toContain('carried in from tranche T2 (1 April 2024 to 31 March 2025): <span data-figure="carriedIn">£900.00</span>');
    const t3fr = page('T3', 'council', 'fr');
    expect(t3fr).toContain(nb('reporté de la tranche T2 (du 1er avril 2024 au 31 mars 2025) : <span data-figure="carriedIn">900,00·£GB</span>'));
    expect(page('T2', 'council', 'fr')).toContain("reporté à l&#39;exercice suivant : payé avec la tranche T3");
  });
});

describe('the statements of examples/region-sud in French', () => {
  const settlement = JSON.parse(readFileSync('examples/region-sud/expected-settlement.json', 'utf8')) as Settlement;
  const nb = (text: string): string => text.replaceAll('·', '\u00A0');

  it('split t1 (56 760,00 €) 60 % to the region and 40 % to the agency: 34 056,00 € and 22 704,00 €', () => {
    // 56760.00 × 0.6 = 34056.00; 56760.00 × 0.4 = 22704.00 (34056.00 + 22704.00 = 56760.00)
    const statements = paymentStatements(settlement, { lang: 'fr' });
    expect(statements.map((statement) => statement.fileName)).toEqual([
      'statement-t1+region.fr.html',
      'statement-t1+agency.fr.html',
      'statement-t2+region.fr.html',
      'statement-t2+agency.fr.html',
    ]);
    const [region, agency] = statements;
    expect(region?.html).toContain(nb('<tr class="due"><th scope="row">Dû ce jour</th><td class="amount" data-figure="due">34·056,00·€</td></tr>'));
    expect(agency?.html).toContain(nb('<tr class="due"><th scope="row">Dû ce jour</th><td class="amount" data-figure="due">22·704,00·€</td></tr>'));
    expect(region?.html).toContain(nb('<dt>Part</dt><dd>60·%</dd>'));
    expect(region?.html).toContain('<dt>Règlement au</dt><dd>30 juin 2025</dd>');
    expect(region?.html).toContain('<dt>Échéance</dt><dd>31 juillet 2024</dd>');
    expect(region?.html).toContain('<dt>Statut</dt><dd>réglée</dd>');
    expect(region?.html).toContain("<title>Relevé de paiement — tranche t1, financeur region — Convention Région Sud - agence régionale pour l&#39;emploi 2023-2028 : parcours qualifiants</title>");
    expect(region?.html).toContain('Attention : 3 enregistrements sur 94 ont été exclus car invalides et ne sont pas comptés dans ce règlement.');
  });
});
