/**
 * paymentStatements beyond the examples: names escaped, file names, misuse, and the tranche of an
 * exit payment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import type { Settlement } from '../../src/index.js';
import { paymentStatements, statementFileName } from '../../src/statements.js';
import { escapeHtml } from '../../src/statements/index.js';

const settlement = JSON.parse(readFileSync('examples/region-sud/expected-settlement.json', 'utf8')) as Settlement;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof OutcomePayError ? error.code : 'not an OutcomePayError';
  }
  return undefined;
}

describe('file names on a file system that ignores case', () => {
  // Tranches t1 and T1 (or payers region and Region) would write statement-t1+region.en.html and
  // statement-T1+region.en.html: one file where case is ignored. Each name of such a pair gets
  // ~<mask>, a base-36 number with a bit for each upper-case letter of "<tranche>+<payer>" (the
  // last character the lowest bit): "t1+region" → 0 → ~0; "T1+region" → 2^8 = 256 = 7 × 36 + 4 → ~74.
  const [t1, t2, ...rest] = settlement.tranches;
  if (t1 === undefined || t2 === undefined) throw new Error('two tranches');
  const upper: Settlement = { ...settlement, tranches: [t1, { ...t2, id: 'T1' }, ...rest] };

  it('two tranches differing by case: two names, also without regard to case; the others unchanged', () => {
    const names = paymentStatements(upper).map((statement) => statement.fileName);
    expect(names).toEqual(['statement-t1+region~0.en.html', 'statement-t1+agency~0.en.html', 'statement-T1+region~74.en.html', 'statement-T1+agency~74.en.html']);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('two payers differing by case: each name of the pair marked', () => {
    // "t1+Region": R is the 4th of 9 characters, 5 before the last: 2^5 = 32 → ~w; "t1+region" → ~0
    const payers = t1.payers.map((payer, i) => (i === 1 ? { ...payer, payer: 'Region' } : payer));
    const edited: Settlement = { ...settlement, tranches: [{ ...t1, payers }] };
    expect(paymentStatements(edited, { lang: 'fr' }).map((statement) => statement.fileName)).toEqual(['statement-t1+region~0.fr.html', 'statement-t1+Region~w.fr.html']);
  });
});

describe('paymentStatements', () => {
  it('escapes every name: a contract, tranche or formula text cannot write HTML', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & \'co\'';
    const [first, ...rest] = settlement.tranches;
    if (first === undefined) throw new Error('no tranche');
    const [line, ...lines] = first.lines;
    if (line === undefined) throw new Error('no line');
    const edited: Settlement = {
      ...settlement,
      contract: { ...settlement.contract, name: hostile },
      tranches: [{ ...first, name: hostile, lines: [{ ...line, formula: hostile }, ...lines] }, ...rest],
    };
    const [statement] = paymentStatements(edited, { lang: 'fr' });
    const html = statement?.html ?? '';
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;co&#39;';
    expect(html).toContain(`<dd>${escaped}</dd>`); // the contract's name
    expect(html).toContain(`<dd>t1 — ${escaped}</dd>`); // the tranche's
    expect(html).toContain(`<span class="formula">${escaped}</span>`); // the line's formula
    expect(escapeHtml('a < b > c & "d" \'e\'')).toBe('a &lt; b &gt; c &amp; &quot;d&quot; &#39;e&#39;');
  });

  it('is English by default, and the same figures in both languages', () => {
    const en = paymentStatements(settlement);
    const fr = paymentStatements(settlement, { lang: 'fr' });
    expect(en[0]?.lang).toBe('en');
    expect(en[0]?.fileName).toBe('statement-t1+region.en.html');
    expect(en[0]?.html).toContain('data-figure="due">€34,056.00<');
    expect(en.map(({ tranche, payer, earned, previouslyPaid, due }) => [tranche, payer, earned, previouslyPaid, due])).toEqual(
      fr.map(({ tranche, payer, earned, previouslyPaid, due }) => [tranche, payer, earned, previouslyPaid, due]),
    );
  });

  it('names the files predictably, an exit payment\'s tranche without its colon', () => {
    expect(statementFileName('t1', 'region', 'fr')).toBe('statement-t1+region.fr.html');
    expect(statementFileName('exit:early-end', 'region', 'en')).toBe('statement-exit~early-end+region.en.html');
    expect(statementFileName('a.b_c-d', 'P-1', 'en')).toBe('statement-a.b_c-d+P-1.en.html');
  });

  it('refuses anything but a settlement document, and a language it does not write', () => {
    expect(codeOf(() => paymentStatements({ format: 'outcome-pay/settlement' } as unknown as Settlement))).toBe('ARGUMENT_INVALID');
    expect(codeOf(() => paymentStatements(null as unknown as Settlement))).toBe('ARGUMENT_INVALID');
    expect(codeOf(() => paymentStatements(settlement, { lang: 'de' as 'fr' }))).toBe('ARGUMENT_INVALID');
    expect(codeOf(() => paymentStatements(settlement, 'fr' as unknown as { lang: 'fr' }))).toBe('ARGUMENT_INVALID');
  });

  it('reads only own data: an inherited lang is not an option', () => {
    const options = Object.create({ lang: 'fr' }) as { lang?: 'fr' };
    expect(paymentStatements(settlement, options)[0]?.lang).toBe('en');
  });
});
