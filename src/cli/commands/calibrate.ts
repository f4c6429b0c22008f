/**
 * `outcome-pay calibrate`: the largest price scale (or amount of one cap) such that a percentile
 * of the total cost stays within a budget (docs/simulation.md, "Calibration"), as JSON or as a
 * readable summary.
 *
 * @module
 */
import { calibrate, type Calibration } from '../../simulation/index.js';
import { readJsonFile } from '../input.js';
import { CliUsageError, EXIT } from '../io.js';
import { problemsFound } from '../print-issues.js';
import { flagOption, once, requiredText, textOption, wholeOption } from '../options.js';
import { printableLines } from '../printable.js';
import type { Command } from './command.js';

const NAME = 'calibrate';
const DEFAULT_RUNS = 500;
const DEFAULT_SEED = 1;

const EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--assumptions', 'examples/region-sud/assumptions.json'];

/** The percentile option: a number above 0 and at most 100 (default 95). */
function percentileOption(text: string | undefined): number {
  if (text === undefined) return 95;
  const value = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= 100)) throw new CliUsageError(`${NAME}: --percentile takes a number above 0 and at most 100, not ${JSON.stringify(text)}`);
  return value;
}

/**
 * The readable summary of a calibration: what was searched, the answer and its precision, then
 * every step.
 *
 * @example
 * calibrationSummary(answer).split('\n')[1]; // 'Found: a price scale of 0.9042, …'
 */
export function calibrationSummary(answer: Calibration): string {
  const what = answer.cap === null ? 'price scale (every price of the payment rules multiplied by it; fees and caps as written)' : `amount of cap ${answer.cap}`;
  const value = (text: string): string => (answer.cap === null ? `a price scale of ${text}` : `cap ${answer.cap} at ${text}`);
  const interval = answer.interval === null ? '' : ` (between ${answer.interval.lower} and ${answer.interval.upper} at about 95 % confidence over ${answer.runs} runs)`;
  const verdict = (): string => {
    switch (answer.result) {
      case 'found':
        return `Found: ${value(answer.value ?? '')}, percentile ${answer.percentile} of the cost ${answer.cost}${interval}; ${value(answer.above ?? '')} costs more than the budget; precision ${answer.precision}`;
      case 'unlimited':
        return `Unlimited: ${value(answer.value ?? '')} still costs ${answer.cost} at percentile ${answer.percentile}${interval}, and ${answer.cap === null ? 'no larger scale is tried' : 'the cap binds in no run, so raising it changes nothing'}`;
      default:
        return `Impossible: even ${value(answer.above ?? '0')} costs ${answer.steps[0]?.cost ?? '?'} at percentile ${answer.percentile}, more than the budget (fees or payments outside the cap)`;
    }
  };
  return printableLines([
    `Calibration of the ${what}: the largest within a budget of ${answer.budget} ${answer.currency} at percentile ${answer.percentile} of the total cost (${answer.runs} runs a step, seed ${answer.seed}, the same runs at every step)`,
    verdict(),
    'Steps, in the order tried (value: cost at the percentile):',
    ...answer.steps.map((step) => `  ${step.value}: ${step.cost} ${step.withinBudget ? 'within' : 'above'}`),
  ]);
}

/** The `calibrate` command. */
export const calibrateCommand: Command = {
  name: NAME,
  summary: 'Find the largest price scale (or cap) whose cost stays within a budget at a chosen percentile.',
  description:
    'Simulates the contract under the assumptions (docs/simulation.md) with every price of the payment rules multiplied by a scale, or with one cap set to an amount (--cap), and finds by bisection the largest scale or amount for which the chosen percentile of the total cost stays within the budget. Every step runs the same runs with the same seed (common random numbers), so two steps differ by the terms alone. Prints the answer, its precision, a confidence interval of the percentile, and every step.',
  define(command) {
    command
      .usage('--contract <file> --assumptions <file> --budget <amount> [options]')
      .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', once(NAME, '--contract'))
      .requiredOption('--assumptions <file>', 'the assumptions (JSON, docs/simulation.md)', once(NAME, '--assumptions'))
      .requiredOption('--budget <amount>', 'the budget, a decimal amount in the contract currency (e.g. 400000.00)', once(NAME, '--budget'))
      .option('--percentile <p>', 'the percentile of the total cost that must stay within the budget, above 0 and at most 100 (default 95)', once(NAME, '--percentile'))
      .option('--cap <id>', "calibrate this cap's amount instead of the price scale", once(NAME, '--cap'))
      .option('--precision <x>', 'how fine the answer is (default 0.0001 for a scale, one minor unit for a cap)', once(NAME, '--precision'))
      .option('--runs <n>', `runs at each step (default ${DEFAULT_RUNS})`, once(NAME, '--runs'))
      .option('--seed <s>', `seed of the random numbers, a whole number from 0 to 4294967295 (default ${DEFAULT_SEED})`, once(NAME, '--seed'))
      .option('--participants', 'draw every participant (the participant path) even where counts would do')
      .option('--summary', 'print a readable summary instead of the JSON answer');
  },
  examples: [
    { what: 'The largest scale of the prices whose 95th percentile of cost stays within 400,000.00', argv: [NAME, ...EXAMPLE, '--budget', '400000.00', '--runs', '100', '--summary'] },
    { what: 'The contract cap that keeps the median cost within 350,000.00, to the euro', argv: [NAME, ...EXAMPLE, '--budget', '350000.00', '--percentile', '50', '--cap', 'cap-contract', '--precision', '1', '--runs', '100'] },
  ],
  exitCodes: [
    [EXIT.OK, 'calibrated (the answer may be "unlimited" or "impossible": see result)'],
    [EXIT.DATA, 'invalid contract or assumptions, or a --budget, --cap or --precision the contract refuses, nothing simulated (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line (also --percentile, --runs or --seed outside its range), or a file that cannot be read'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options }, io) {
    const runs = wholeOption(NAME, textOption(options, 'runs'), '--runs', DEFAULT_RUNS, 1, 10_000_000);
    const seed = wholeOption(NAME, textOption(options, 'seed'), '--seed', DEFAULT_SEED, 0, 0xffff_ffff);
    const percentile = percentileOption(textOption(options, 'percentile'));
    const contract = await readJsonFile(io, requiredText(options, 'contract'), 'contract');
    const assumptions = await readJsonFile(io, requiredText(options, 'assumptions'), 'assumptions');
    const cap = textOption(options, 'cap');
    const precision = textOption(options, 'precision');
    const result = calibrate(contract, assumptions, {
      budget: requiredText(options, 'budget'),
      percentile,
      runs,
      seed,
      path: flagOption(options, 'participants') ? 'participants' : 'auto',
      ...(cap === undefined ? {} : { cap }),
      ...(precision === undefined ? {} : { precision }),
    });
    if (!result.ok) {
      io.stderr(problemsFound(NAME, result.issues, 'calibrated'));
      return EXIT.DATA;
    }
    io.stdout(flagOption(options, 'summary') ? calibrationSummary(result.value) : `${JSON.stringify(result.value, null, 2)}\n`);
    return EXIT.OK;
  },
};
