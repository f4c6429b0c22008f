/**
 * Simulation benchmark (issue #17): the count path on the region-sud contract with 4 cohorts of
 * 1,000 participants, one thread, against two baselines run in the same process: the participant
 * path on the same contract (the library drawing each participant), and a plain JavaScript Monte
 * Carlo loop with float money, written the way a user would (per-participant draws, prices times
 * multipliers in floats, no dates). Prints runs per second and the ratios; the timings are a
 * measurement and never fail the script. Each figure is the best of `--rounds` (default 3).
 *
 * Usage: npm run build && node --expose-gc bench/simulate.mjs [--runs N] [--rounds R]
 *
 * The contract: examples/region-sud without its per-participant cap (a per-participant cap needs
 * the participant path), cohorts 2023-A and 2023-B twice over (2023-C, 2023-D with the same
 * windows), every tranche paying all four, the payer and contract caps scaled with the
 * participants (× 4000 / 300) so that they do not bind in every run.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const runs = option('--runs', 2000);
const rounds = option('--rounds', 3);
const TARGET = 20_000;

const { simulate, summarize } = await import(new URL('../dist/simulation.js', import.meta.url));
const root = new URL('../examples/region-sud/', import.meta.url);
const contract = JSON.parse(readFileSync(new URL('contract.json', root), 'utf8'));
contract.caps = contract.caps
  .filter((cap) => cap.kind !== 'participant')
  .map((cap) => ({ ...cap, amount: cap.id === 'cap-region' ? '8000000.00' : cap.id === 'cap-contract' ? '13333333.33' : cap.amount }));
contract.cohorts = [...contract.cohorts, { ...contract.cohorts[0], id: '2023-C', name: 'First half 2023, second site' }, { ...contract.cohorts[1], id: '2023-D', name: 'Second half 2023, second site' }];
for (const tranche of contract.tranches) tranche.cohorts = ['2023-A', '2023-B', '2023-C', '2023-D'];
const assumptions = JSON.parse(readFileSync(new URL('assumptions.json', root), 'utf8'));
assumptions.cohorts = Object.fromEntries(['2023-A', '2023-B', '2023-C', '2023-D'].map((id) => [id, { size: 1000 }]));

function best(fn) {
  let ms = Infinity;
  let value;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const started = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, value };
}

function simulated(options) {
  const result = simulate(contract, assumptions, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.value;
}

/** The float loop: what a user would write, per participant, floats, no dates, no caps. */
function floatLoop(n) {
  const prices = { placement: 1200, retention6: 800, retention12: 1000, wage: 500 };
  const mix = [['rsa', 0.3, 1.25, 0.4], ['ltu', 0.3, 1.1, 0.55], ['youth', 0.2, 1, 0.55], ['none', 0.2, 1, 0.55]];
  const totals = new Float64Array(n);
  for (let run = 0; run < n; run++) {
    let total = 0;
    for (let i = 0; i < 4000; i++) {
      let u = Math.random();
      let group = mix[mix.length - 1];
      for (const entry of mix) {
        if (u < entry[1]) {
          group = entry;
          break;
        }
        u -= entry[1];
      }
      const m = group[2];
      if (Math.random() >= 0.85) continue;
      if (Math.random() >= group[3]) continue;
      total += Math.ceil(prices.placement * m * 100) / 100;
      if (Math.random() < 0.35) total += prices.wage;
      if (Math.random() >= 0.75) continue;
      total += Math.ceil(prices.retention6 * m * 100) / 100;
      if (Math.random() < 0.8) total += Math.ceil(prices.retention12 * m * 100) / 100;
    }
    totals[run] = total;
  }
  return totals;
}

const prepared = best(() => simulated({ runs: 1, seed: 1 }));
const count = best(() => simulated({ runs, seed: 1 }));
if (count.value.path !== 'count') throw new Error(`expected the count path, got ${count.value.path}: ${count.value.pathReason}`);
const participantRuns = Math.max(3, Math.round(runs / 100));
const participants = best(() => simulated({ runs: participantRuns, seed: 1, path: 'participants' }));
const floats = best(() => floatLoop(participantRuns * 4));

const perSecond = (n, ms) => (n * 1000) / ms;
const countRate = perSecond(runs, count.ms - prepared.ms);
const countRateWithPreparation = perSecond(runs, count.ms);
const participantRate = perSecond(participantRuns, participants.ms);
const floatRate = perSecond(participantRuns * 4, floats.ms);
const summary = summarize(count.value);
const f = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`simulation benchmark: region-sud, 4 cohorts x 1,000 participants, one thread, best of ${rounds}`);
console.log(`  count path: ${f(runs)} runs in ${f(count.ms)} ms, of which preparation (one run) ${f(prepared.ms)} ms`);
console.log(`    ${f(countRate)} runs/s after preparation (${f(countRateWithPreparation)} with it); mean total ${summary.total.mean}`);
console.log(`  participant path: ${f(participantRuns)} runs in ${f(participants.ms)} ms: ${f(participantRate, 1)} runs/s (${f(participantRate * 4000)} participants/s)`);
console.log(`  float loop (per-participant draws, float money, no dates or caps): ${f(floatRate)} runs/s`);
console.log(`  ratios: count / participant path ${f(countRate / participantRate, 1)} x; count / float loop ${f(countRate / floatRate, 2)} x`);
console.log(`  ${countRate >= TARGET ? 'PASS' : 'MISS'}  count path >= ${f(TARGET)} runs/s on one thread: ${f(countRate)} runs/s`);
