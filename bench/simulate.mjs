/**
 * Simulation benchmark (issue #17), one thread, the two targets of the issue against baselines run
 * in the same process:
 * - the count path on the region-sud contract with 4 cohorts of 1,000 participants (target 20,000
 *   runs a second), against the participant path on the same contract and a plain JavaScript Monte
 *   Carlo loop with float money written the way a user would (per-participant draws, prices times
 *   multipliers in floats, no dates);
 * - the participant path on a contract with a per-participant cap and sustainment payments
 *   (examples/uk-rate-card, 2 cohorts of 2,000 participants; target 1,000,000 participants a
 *   second), against a float loop for that contract (per-participant draws, the cap applied in
 *   floats, no dates or tranches).
 * The count path's float loop is also run, untimed, on 1,000 runs that note their counts, and its
 * printed totals are compared with the same formula in exact integers: the number of wrong totals
 * is printed.
 * A run's time is measured after the preparation (from the end of the first run, through
 * `onProgress`, to the end of the last). Prints the rates and the ratios; the timings are a
 * measurement and never fail the script. Each figure is the best of `--rounds` (default 3).
 *
 * Usage: npm run build && node --expose-gc bench/simulate.mjs [--runs N] [--rounds R] [--other <dist/simulation.js>]
 *
 * With `--other`, another build of the library (an older commit's `dist/simulation.js`) runs the
 * count and participant scenarios too, alternating with this one round by round, and the
 * speed-ups are printed; both must give the same amounts.
 *
 * The contract: examples/region-sud without its per-participant cap (a per-participant cap needs
 * the participant path), cohorts 2023-A and 2023-B twice over (2023-C, 2023-D with the same
 * windows), every tranche paying all four, the payer and contract caps scaled with the
 * participants (× 4000 / 300) so that they do not bind in every run.
 *
 * The participant contract: examples/uk-rate-card with cohorts of 2,000 (its assumptions' sizes
 * too), its volume, outcome and contract caps scaled by 4000 / 120 (the per-participant cap of
 * 5,000.00 is kept: it cuts claims in every run).
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const runs = option('--runs', 2000);
let rounds = option('--rounds', 3);
const TARGET = 20_000;
const PARTICIPANT_TARGET = 1_000_000;

const otherAt = args.indexOf('--other');
const { simulate, summarize } = await import(new URL('../dist/simulation.js', import.meta.url));
const other = otherAt < 0 ? undefined : await import(new URL(args[otherAt + 1], `file://${process.cwd()}/`));
const root = new URL('../examples/region-sud/', import.meta.url);
const contract = JSON.parse(readFileSync(new URL('contract.json', root), 'utf8'));
contract.caps = contract.caps
  .filter((cap) => cap.kind !== 'participant')
  .map((cap) => ({ ...cap, amount: cap.id === 'cap-region' ? '8000000.00' : cap.id === 'cap-contract' ? '13333333.33' : cap.amount }));
contract.cohorts = [...contract.cohorts, { ...contract.cohorts[0], id: '2023-C', name: 'First half 2023, second site' }, { ...contract.cohorts[1], id: '2023-D', name: 'Second half 2023, second site' }];
for (const tranche of contract.tranches) tranche.cohorts = ['2023-A', '2023-B', '2023-C', '2023-D'];
const assumptions = JSON.parse(readFileSync(new URL('assumptions.json', root), 'utf8'));
assumptions.cohorts = Object.fromEntries(['2023-A', '2023-B', '2023-C', '2023-D'].map((id) => [id, { size: 1000 }]));

const ukRoot = new URL('../examples/uk-rate-card/', import.meta.url);
const ukContract = JSON.parse(readFileSync(new URL('contract.json', ukRoot), 'utf8'));
const ukScale = 4000 / 120;
ukContract.caps = ukContract.caps.map((cap) =>
  cap.kind === 'outcomeVolume' ? { ...cap, targetUnits: Math.round(cap.targetUnits * ukScale) } : cap.kind === 'participant' ? cap : { ...cap, amount: (Number(cap.amount) * ukScale).toFixed(2) },
);
for (const cohort of ukContract.cohorts) cohort.targetSize = 2000;
const ukAssumptions = JSON.parse(readFileSync(new URL('assumptions.json', ukRoot), 'utf8'));
ukAssumptions.cohorts = { '2024-A': { size: 2000 }, '2024-B': { size: 2000 } };

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

function simulated(options, on = [contract, assumptions], lib = simulate) {
  const result = lib(on[0], on[1], options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.value;
}

/** Milliseconds per run after the preparation (the end of run 1 to the end of the last run), best of the rounds, and the samples. */
function perRun(options, on, lib = simulate) {
  let ms = Infinity;
  let value;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    let firstDone = 0;
    value = simulated({ ...options, onProgress: (done) => { if (done === 1) firstDone = performance.now(); } }, on, lib);
    ms = Math.min(ms, (performance.now() - firstDone) / (options.runs - 1));
  }
  return { ms, value };
}

/** This build and the other alternated round by round (one round each at a time), best of the rounds each. */
function againstOther(options, on) {
  const saved = rounds;
  rounds = 1;
  let mine;
  let theirs;
  for (let r = 0; r < saved; r++) {
    const a = perRun(options, on);
    const b = perRun(options, on, other.simulate);
    mine = mine === undefined || a.ms < mine.ms ? a : mine;
    theirs = theirs === undefined || b.ms < theirs.ms ? b : theirs;
  }
  rounds = saved;
  if (mine.value.total.join() !== theirs.value.total.join()) throw new Error('the other build gave other amounts');
  return { mine, theirs };
}

/** A group of the mix (entries [id, share, ...]) drawn with Math.random, as a user would. */
function pickGroup(mix) {
  let u = Math.random();
  for (const entry of mix) {
    if (u < entry[1]) return entry;
    u -= entry[1];
  }
  return mix[mix.length - 1];
}

const FLOAT_PRICES = { placement: 1200, retention6: 800, retention12: 1000, wage: 500 };
const FLOAT_MIX = [['rsa', 0.3, 1.25, 0.4], ['ltu', 0.3, 1.1, 0.55], ['youth', 0.2, 1, 0.55], ['none', 0.2, 1, 0.55]];

/**
 * The float loop: what a user would write, per participant, floats, no dates, no caps. With
 * `counts` (a Uint32Array of 4 groups × 4 outcomes a run), it also notes how many of each group
 * achieved each outcome, so that the same runs' totals can be checked exactly (the timed runs do
 * not count).
 */
function floatLoop(n, counts) {
  const prices = FLOAT_PRICES;
  const mix = FLOAT_MIX;
  const totals = new Float64Array(n);
  for (let run = 0; run < n; run++) {
    let total = 0;
    for (let i = 0; i < 4000; i++) {
      const group = pickGroup(mix);
      const m = group[2];
      const at = counts === undefined ? -1 : run * 16 + mix.indexOf(group) * 4;
      if (Math.random() >= 0.85) continue;
      if (Math.random() >= group[3]) continue;
      total += Math.ceil(prices.placement * m * 100) / 100;
      if (at >= 0) counts[at]++;
      if (Math.random() < 0.35) {
        total += prices.wage;
        if (at >= 0) counts[at + 1]++;
      }
      if (Math.random() >= 0.75) continue;
      total += Math.ceil(prices.retention6 * m * 100) / 100;
      if (at >= 0) counts[at + 2]++;
      if (Math.random() < 0.8) {
        total += Math.ceil(prices.retention12 * m * 100) / 100;
        if (at >= 0) counts[at + 3]++;
      }
    }
    totals[run] = total;
  }
  return totals;
}

/**
 * How many of `n` runs of the float loop print a wrong total (`total.toFixed(2)`, as a user would
 * report it) against the same formula in exact integers: each unit price is the price in cents
 * times the group's multiplier as a fraction (1.25 = 125/100), rounded up to the cent, times the
 * count. The float loop's own rounding goes wrong where the product is not exact in binary
 * (1200 × 1.1 = 1320.0000000000002, rounded up to 1320.01), and its sums of cents drift.
 */
function floatLoopWrong(n) {
  const counts = new Uint32Array(n * 16);
  const totals = floatLoop(n, counts);
  const unitCents = FLOAT_MIX.map(([, , m]) => {
    const hundredths = BigInt(Math.round(m * 100)); // 1.25 -> 125, 1.1 -> 110: the multipliers' own digits
    const up = (cents) => (BigInt(cents) * hundredths + 99n) / 100n;
    return [up(FLOAT_PRICES.placement * 100), BigInt(FLOAT_PRICES.wage * 100), up(FLOAT_PRICES.retention6 * 100), up(FLOAT_PRICES.retention12 * 100)];
  });
  let wrong = 0;
  let largest = 0n;
  for (let run = 0; run < n; run++) {
    let cents = 0n;
    for (let g = 0; g < 4; g++) for (let o = 0; o < 4; o++) cents += BigInt(counts[run * 16 + g * 4 + o]) * unitCents[g][o];
    const exact = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    const printed = totals[run].toFixed(2);
    if (printed !== exact) {
      wrong++;
      const off = BigInt(printed.replace('.', '')) - cents;
      if ((off < 0n ? -off : off) > largest) largest = off < 0n ? -off : off;
    }
  }
  return { wrong, runs: n, largestCents: largest };
}

/** The float loop for the participant contract: per participant, floats, the per-participant cap in floats, no dates, tranches or volume cap. */
function ukFloatLoop(n) {
  const mix = [['jsa-18-24', 0.3, 0.4], ['jsa-25-plus', 0.35, 0.4], ['esa-ex-ib', 0.2, 0.2], ['care-leavers', 0.15, 0.4]];
  const entry = { 'esa-ex-ib': 1800, 'care-leavers': 1500 };
  const sustained13 = { 'esa-ex-ib': 2400, 'care-leavers': 2000 };
  const totals = new Float64Array(n);
  for (let run = 0; run < n; run++) {
    let total = 0;
    for (let i = 0; i < 4000; i++) {
      const group = pickGroup(mix);
      let paid = 400; // attachment fee
      if (Math.random() < 0.9 && Math.random() < group[2]) {
        paid += entry[group[0]] ?? 1000;
        if (Math.random() < 0.75) {
          paid += sustained13[group[0]] ?? 1500;
          if (Math.random() < 0.8) paid += 2000;
        }
        paid += 150 * Math.floor(Math.random() * 14); // sustainment payments
      }
      total += Math.min(paid, 5000);
    }
    totals[run] = total;
  }
  return totals;
}

const prepared = best(() => simulated({ runs: 1, seed: 1 }));
const count = perRun({ runs, seed: 1 });
if (count.value.path !== 'count') throw new Error(`expected the count path, got ${count.value.path}: ${count.value.pathReason}`);
const participantRuns = Math.max(3, Math.round(runs / 100));
const participants = perRun({ runs: participantRuns, seed: 1, path: 'participants' });
const floats = best(() => floatLoop(participantRuns * 4));
const floatsWrong = floatLoopWrong(1000);
const ukRuns = Math.max(3, Math.round(runs / 50));
const uk = perRun({ runs: ukRuns, seed: 1 }, [ukContract, ukAssumptions]);
if (uk.value.path !== 'participants') throw new Error('expected the participant path on the participant contract');
const ukFloats = best(() => ukFloatLoop(ukRuns * 4));
// Its amounts are whole pounds (fee, prices, sustainment payments, the cap): sums of integers below
// 2^53 are exact in floats, so its totals are right to the penny; checked on its last runs.
const ukFloatsExact = ukFloats.value.every((total) => Number.isSafeInteger(total));

const perSecond = (n, ms) => (n * 1000) / ms;
const countRate = 1000 / count.ms;
const participantRate = 1000 / participants.ms;
const floatRate = perSecond(participantRuns * 4, floats.ms);
const ukRate = (1000 / uk.ms) * 4000;
const ukFloatRate = perSecond(ukRuns * 4 * 4000, ukFloats.ms);
const summary = summarize(count.value);
const f = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`simulation benchmark, one thread, best of ${rounds}; a run timed after the preparation`);
console.log(`count path, region-sud, 4 cohorts x 1,000 participants:`);
console.log(`  count path: ${f(runs)} runs, ${f(count.ms, 3)} ms a run: ${f(countRate)} runs/s; preparation (one run) ${f(prepared.ms)} ms; mean total ${summary.total.mean}`);
console.log(`  participant path on the same contract: ${f(participantRuns)} runs, ${f(participantRate, 1)} runs/s (${f(participantRate * 4000)} participants/s)`);
console.log(`  float loop (per-participant draws, float money, no dates or caps): ${f(floatRate)} runs/s; wrong totals to the cent in ${f(floatsWrong.wrong)} of ${f(floatsWrong.runs)} runs (the same formula in exact integers; off by up to ${floatsWrong.largestCents} cents)`);
console.log(`  ratios: count / participant path ${f(countRate / participantRate, 1)} x; count / float loop ${f(countRate / floatRate, 2)} x`);
console.log(`participant path, uk-rate-card (per-participant cap, sustainment), 2 cohorts x 2,000 participants:`);
console.log(`  participant path: ${f(ukRuns)} runs, ${f(uk.ms, 1)} ms a run: ${f(ukRate)} participants/s`);
console.log(`  float loop (per-participant draws, float money, the cap in floats, no dates or tranches): ${f(ukFloatRate)} participants/s; totals ${ukFloatsExact ? 'all whole pounds, exact in floats (0 wrong)' : 'NOT all whole pounds'}`);
console.log(`  ratio: participant path / float loop ${f(ukRate / ukFloatRate, 3)} x`);
console.log(`  ${countRate >= TARGET ? 'PASS' : 'MISS'}  count path >= ${f(TARGET)} runs/s on one thread: ${f(countRate)} runs/s`);
console.log(`  ${ukRate >= PARTICIPANT_TARGET ? 'PASS' : 'MISS'}  participant path >= ${f(PARTICIPANT_TARGET)} participants/s on one thread: ${f(ukRate)} participants/s`);

if (other !== undefined) {
  const countAB = againstOther({ runs, seed: 1 }, [contract, assumptions]);
  const ukAB = againstOther({ runs: ukRuns, seed: 1 }, [ukContract, ukAssumptions]);
  console.log(`against ${args[otherAt + 1]}, alternating, best of ${rounds} each (same amounts):`);
  console.log(`  count path: other ${f(1000 / countAB.theirs.ms)} runs/s, this ${f(1000 / countAB.mine.ms)} runs/s: ${f(countAB.theirs.ms / countAB.mine.ms, 2)} x`);
  console.log(`  participant path (uk-rate-card): other ${f((1000 / ukAB.theirs.ms) * 4000)} participants/s, this ${f((1000 / ukAB.mine.ms) * 4000)} participants/s: ${f(ukAB.theirs.ms / ukAB.mine.ms, 2)} x`);
  console.log(`  against the float loops (measured above): count path other ${f(1000 / countAB.theirs.ms / floatRate, 2)} x, this ${f(1000 / countAB.mine.ms / floatRate, 2)} x; participant path other ${f(((1000 / ukAB.theirs.ms) * 4000) / ukFloatRate, 3)} x, this ${f(((1000 / ukAB.mine.ms) * 4000) / ukFloatRate, 3)} x`);
}
