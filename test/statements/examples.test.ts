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
import type { Settlement } from '../../src/index.js';
import { paymentStatements } from '../../src/statements.js';

const EXAMPLES = readdirSync('examples', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(`examples/${name}`).includes('expected-settlement.json'));

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

describe.each(EXAMPLES)('the statements of examples/%s', (name) => {
  const settlement = JSON.parse(readFileSync(`examples/${name}/expected-settlement.json`, 'utf8')) as Settlement;
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
      // the lines less the payer caps' cuts are the tranche's earnings
      const payerCuts = tranche.capCuts.filter((cut) => cut.kind === 'payer').reduce((sum, cut) => sum + units(cut.cut, digits), 0n);
      expect(sumShown - payerCuts).toBe(units(tranche.earned, digits));
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
