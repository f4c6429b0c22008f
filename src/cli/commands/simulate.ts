/**
 * `outcome-pay simulate`: what a contract may cost under assumptions, run many times through the
 * real rules (docs/simulation.md), as JSON or as a readable summary.
 *
 * @module
 */
import {
  contractBounds,
  expectedSchedule,
  simulate,
  summarize,
  type AmountStatistics,
  type Bound,
  type CashFlowPeriod,
  type ContractBounds,
  type InvestorStatistics,
  type InvestorSummary,
  type OutcomeCost,
  type SimulationSummary,
} from '../../simulation/index.js';
import { readJsonFile } from '../input.js';
import { scenarioRun, tornadoLines } from './simulate-scenarios.js';
import { simulateOnWorkers } from '../workers.js';
import { EXIT } from '../io.js';
import { problemsFound } from '../print-issues.js';
import { flagOption, once, requiredText, textOption, wholeOption } from '../options.js';
import { printableLines } from '../printable.js';
import { progressBar } from '../progress-bar.js';
import type { Command } from './command.js';

const NAME = 'simulate';
/** The runs of a simulation when --runs is not given. */
export const DEFAULT_RUNS = 1000;
/** The seed of a simulation when --seed is not given. */
export const DEFAULT_SEED = 1;
/** The most worker threads `--workers` takes (simulate and forecast). */
export const MAX_WORKERS = 64;

const EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--assumptions', 'examples/region-sud/assumptions.json'];

function statisticsLine(label: string, statistics: AmountStatistics): string {
  const { mean, sd, p5, p50, p95 } = statistics;
  return `${label}: mean ${mean}, sd ${sd}, 5 % ${p5}, median ${p50}, 95 % ${p95}`;
}

/** A period of the cash flow: the expected amount and its 5 % to 95 % band, in total and per payer. */
function periodLine(period: CashFlowPeriod): string {
  const band = (statistics: AmountStatistics): string => `${statistics.mean} (${statistics.p5} to ${statistics.p95})`;
  const payers = period.payers.map((payer) => `; ${payer.payer} ${band(payer)}`).join('');
  return `  ${period.period}: ${band(period.total)}${payers} [${period.tranches.join(', ')}]`;
}

/** The cost per successful outcome of one outcome, or why there is none. */
function costLine(cost: OutcomeCost, runs: number): string {
  if (cost.cost === null) return `Cost per ${cost.outcome}: none (nobody achieved it in any of ${runs} runs)`;
  const { mean, p5, p50, p95 } = cost.cost;
  const without = cost.runsWithout === 0 ? '' : ` (nobody achieved it in ${cost.runsWithout} of ${runs} runs, left out)`;
  return `Cost per ${cost.outcome}: mean ${mean}, 5 % ${p5}, median ${p50}, 95 % ${p95}${without}`;
}

/** The investor view: the waterfall's order and what the provider keeps, then each investor in four lines. */
function investorLines(view: InvestorSummary, runs: number): string[] {
  const cap = (investor: InvestorStatistics): string =>
    investor.returnCap === null ? 'no return cap' : investor.returnCap.kind === 'irr' ? `return capped at an IRR of ${investor.returnCap.rate}` : `return capped at ${investor.returnCap.multiple} x capital`;
  const irr = (investor: InvestorStatistics): string => {
    const { mean, p5, p50, p95, runsWithout } = investor.irr;
    const none = runsWithout === 0 ? '' : ` (no IRR in ${runsWithout} of ${runs} runs: nothing received, ranked lowest)`;
    return `  IRR (annual, actual/365): mean ${mean ?? 'none'}, 5 % ${p5 ?? 'none'}, median ${p50 ?? 'none'}, 95 % ${p95 ?? 'none'}${none}`;
  };
  return [
    `Investors, repaid in this order: ${view.waterfall.join(', ')}`,
    statisticsLine('  the provider keeps', view.provider),
    ...view.investors.flatMap((investor) => [
      statisticsLine(`Investor ${investor.investor} (capital ${investor.principal}, ${cap(investor)}${investor.firstLoss ? ', first loss' : ''}) receives`, investor.received),
      `  multiple: mean ${investor.multiple.mean}, 5 % ${investor.multiple.p5}, median ${investor.multiple.p50}, 95 % ${investor.multiple.p95}`,
      irr(investor),
      `  loses capital in ${investor.capitalLost.runs} of ${runs} runs (${investor.capitalLost.probability}), mean loss ${investor.loss.mean}; guarantee called in ${investor.guaranteeCalled.runs} (${investor.guaranteeCalled.probability}); cap reached in ${investor.capReached.runs} (${investor.capReached.probability})`,
    ]),
  ];
}

/** A bound in words: its total, what limits it, whether its scenario reaches it; then each payer. */
function boundLines(label: string, bound: Bound): string[] {
  const reached = bound.reached ? 'reached by its scenario' : `not reached: its scenario pays ${bound.scenario.total}`;
  return [
    `${label}: ${bound.total} (${bound.limitedBy.join(', ')}), ${reached}`,
    ...bound.payers.map((payer) => {
      const scenario = bound.scenario.payers.find((candidate) => candidate.payer === payer.payer)?.amount ?? '?';
      return `  payer ${payer.payer}: ${payer.amount}${payer.reached ? '' : ` (its scenario: ${scenario})`}`;
    }),
  ];
}

/**
 * The readable summary: totals, payers, tranches, exit clauses, caps, reinvestments and the cost
 * per outcome, one line each, the investors (when the contract has some), the cash flow by month and by quarter; then, when given, the worst
 * and best case from the contract's terms.
 *
 * @example
 * simulationSummary(summarize(samples)).split('\n')[0]; // 'Simulation: 1000 runs, seed 1, amounts in EUR'
 */
export function simulationSummary(summary: SimulationSummary, bounds?: ContractBounds): string {
  return printableLines([
    `Simulation: ${summary.runs} runs, seed ${summary.seed}, amounts in ${summary.currency}`,
    summary.path === 'count' ? 'Drawn as counts of participants alike (the count path)' : `Drawn participant by participant (the participant path: ${summary.pathReason})`,
    statisticsLine('Total earned', summary.total),
    ...summary.payers.map((payer) => statisticsLine(`  payer ${payer.payer}`, payer)),
    ...summary.tranches.map((tranche) => statisticsLine(`Tranche ${tranche.tranche}`, tranche.earned)),
    ...summary.exitClauses.map((clause) => `Exit clause ${clause.clause}: fired in ${clause.fired} of ${summary.runs} runs (${clause.probability})`),
    ...summary.minimumPerformance.map((level) => `Minimum performance ${level.level}: a review missed in ${level.missed} of ${summary.runs} runs (${level.probability})`),
    ...summary.caps.map((cap) => `Cap ${cap.cap} (${cap.kind}): binds in ${cap.bound} of ${summary.runs} runs (${cap.probability})`),
    ...summary.reinvestment.map((reinvestment) => statisticsLine(`Reinvestment ${reinvestment.reinvestment}`, reinvestment)),
    ...summary.costPerOutcome.map((cost) => costLine(cost, summary.runs)),
    ...(summary.investors === null ? [] : investorLines(summary.investors, summary.runs)),
    'Cash flow by month, when tranches fall due: expected (5 % to 95 %), in total then per payer [tranches]',
    ...summary.cashFlow.months.map(periodLine),
    'Cash flow by quarter:',
    ...summary.cashFlow.quarters.map(periodLine),
    `Percentiles: ${summary.percentiles}`,
    ...(bounds === undefined
      ? []
      : [...boundLines('Worst case, the most the terms can ever pay', bounds.most), ...boundLines('Best case, the least the terms are sure to pay', bounds.least)]),
  ]);
}

/** The `simulate` command. */
export const simulateCommand: Command = {
  name: NAME,
  summary: 'Simulate what a contract may cost under assumptions, through the real settlement rules.',
  description:
    'Draws the participants of every cohort from the assumptions (docs/simulation.md) many times, settles each run with the real rules, and prints per tranche, per payer and in total the mean, standard deviation and percentiles of the amounts (exact decimals); the cash flow by month and by quarter in which tranches fall due, per payer; how often each exit clause fires and each cap binds; what reinvestment sets aside; the payers\' cost per successful outcome; the investor view (what each investor receives through the waterfall, its multiple and IRR, the probability it loses capital); then the worst and best case from the terms alone (the most the contract can ever pay and the least it is sure to pay, with the scenario that reaches each). The same contract, assumptions, runs and seed print the same bytes.',
  define(command) {
    command
      .usage('--contract <file> --assumptions <file> [options]')
      .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', once(NAME, '--contract'))
      .requiredOption('--assumptions <file>', 'the assumptions (JSON, docs/simulation.md; its schema: outcome-pay schema assumptions)', once(NAME, '--assumptions'))
      .option('--runs <n>', `how many runs (default ${DEFAULT_RUNS})`, once(NAME, '--runs'))
      .option('--seed <s>', `seed of the random numbers, a whole number from 0 to 4294967295 (default ${DEFAULT_SEED})`, once(NAME, '--seed'))
      .option('--workers <n>', 'spread the runs over this many worker threads (default 1: none); the output is the same bytes', once(NAME, '--workers'))
      .option('--participants', 'draw every participant (the participant path) even where counts would do')
      .option('--scenario <name>', 'simulate a scenario of the assumptions: pessimistic, central, optimistic, or a name of --scenarios (every probability fixed; docs/simulation.md)', once(NAME, '--scenario'))
      .option('--scenarios <file>', "the user's own scenarios (JSON: name → fields replacing the assumptions'), for --scenario", once(NAME, '--scenarios'))
      .option('--tornado', 'instead of one simulation, the sensitivity of the mean total cost to each assumption moved down and up by --step, on common random numbers, sorted by swing')
      .option('--expected', 'instead of runs, the schedule at the expected counts (n × p, whole participants, probabilities at their means): no randomness, the same for any seed; count path only')
      .option('--step <x>', 'how far --tornado and the pessimistic and optimistic scenarios move an assumption, a decimal above 0 and at most 0.5 (default 0.05)', once(NAME, '--step'))
      .option('--summary', 'print a readable summary instead of the JSON results');
  },
  examples: [
    { what: 'Simulate the example convention 200 times and print the results as JSON', argv: [NAME, ...EXAMPLE, '--runs', '200'] },
    { what: 'The same as a readable summary, with another seed', argv: [NAME, ...EXAMPLE, '--runs', '200', '--seed', '7', '--summary'] },
    { what: 'The pessimistic scenario: every probability at its 10th percentile or 0.05 lower, timing at the slow end', argv: [NAME, ...EXAMPLE, '--runs', '100', '--scenario', 'pessimistic', '--summary'] },
    { what: 'The central scenario at its expected counts, without randomness (a contract the count path can draw)', argv: [NAME, '--contract', 'examples/profession-emploi/contract.json', '--assumptions', 'examples/profession-emploi/assumptions.json', '--scenario', 'central', '--expected', '--summary'] },
    { what: 'A tornado table: each assumption moved down and up by 0.05, sorted by the change in the mean total cost', argv: [NAME, ...EXAMPLE, '--runs', '50', '--tornado', '--summary'] },
  ],
  exitCodes: [
    [EXIT.OK, 'simulated'],
    [EXIT.DATA, 'invalid contract or assumptions, nothing simulated (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options }, io) {
    const runs = wholeOption(NAME, textOption(options, 'runs'), '--runs', DEFAULT_RUNS, 1, 10_000_000);
    const seed = wholeOption(NAME, textOption(options, 'seed'), '--seed', DEFAULT_SEED, 0, 0xffff_ffff);
    const contract = await readJsonFile(io, requiredText(options, 'contract'), 'contract');
    const assumed = await readJsonFile(io, requiredText(options, 'assumptions'), 'assumptions');
    const workers = wholeOption(NAME, textOption(options, 'workers'), '--workers', 1, 1, MAX_WORKERS);
    const bar = progressBar(io, NAME, 'runs');
    const runOptions = { runs, seed, path: flagOption(options, 'participants') ? ('participants' as const) : ('auto' as const), ...(bar === undefined ? {} : { onProgress: bar.update }) };
    const scenarioFile = textOption(options, 'scenarios');
    const own = scenarioFile === undefined ? undefined : await readJsonFile(io, scenarioFile, 'scenarios');
    const scenario = scenarioRun(NAME, contract, assumed, { name: textOption(options, 'scenario'), own, step: textOption(options, 'step'), tornado: flagOption(options, 'tornado'), runs, seed });
    if (scenario.kind === 'problems') {
      io.stderr(problemsFound(NAME, scenario.issues, 'simulated'));
      return EXIT.DATA;
    }
    if (scenario.kind === 'tornado') {
      io.stdout(flagOption(options, 'summary') ? tornadoLines(scenario.tornado) : `${JSON.stringify(scenario.tornado, null, 2)}\n`);
      return EXIT.OK;
    }
    const assumptions = scenario.assumptions;
    // the built CLI (dist/cli.js) sits beside the built simulation entry its workers load
    const expected = flagOption(options, 'expected');
    const result = expected ? expectedSchedule(contract, assumptions) : workers === 1 ? simulate(contract, assumptions, runOptions) : await simulateOnWorkers(new URL('./simulation.js', import.meta.url), contract, assumptions, runOptions, workers);
    bar?.finish();
    if (!result.ok) {
      io.stderr(problemsFound(NAME, result.issues, 'simulated'));
      return EXIT.DATA;
    }
    const summary = summarize(result.value);
    // the same contract and assumptions simulated: their bounds cannot fail
    const bounds = contractBounds(contract, assumptions);
    if (!bounds.ok) throw new Error(`outcome-pay internal error: bounds of a simulated contract (${bounds.issues.map((issue) => issue.code).join(', ')})`);
    const text = (): string => {
      const lines = simulationSummary(summary, bounds.value);
      if (!expected) return lines;
      // one evaluation, not runs drawn with a seed: its own first line instead of 'Simulation: 1 runs, seed 0'
      return `Expected counts, nothing drawn (the same for any seed): the schedule at n × p, amounts in ${summary.currency}\n${lines.slice(lines.indexOf('\n') + 1)}`;
    };
    io.stdout(flagOption(options, 'summary') ? text() : `${JSON.stringify({ ...summary, bounds: bounds.value }, null, 2)}\n`);
    return EXIT.OK;
  },
};
