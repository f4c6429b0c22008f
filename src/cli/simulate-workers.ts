/**
 * `outcome-pay simulate --workers N`: the runs split into N consecutive chunks, each simulated in a
 * Node worker thread by the built library (`simulate` with its `firstRun`), the chunks merged in
 * order by `mergeSamples`. Run `r` draws from its own random stream whichever chunk computes it,
 * so the merged samples are those of one thread, and the output the same bytes for any N.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { Issue } from '../errors.js';
import { parseAmount, type Amount } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import { mergeSamples, type SimulateOptions, type SimulationSamples } from '../simulation/index.js';

/** What a worker runs: the built `outcome-pay/simulation` module loaded, one chunk simulated, its samples posted as JSON. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ simulate }) => {
  // progress, when asked for: about a hundred messages a chunk, the last one at its end
  const every = Math.max(1, Math.floor(workerData.options.runs / 100));
  const onProgress = (done, runs) => { if (done % every === 0 || done === runs) parentPort.postMessage({ progress: done }); };
  const result = simulate(workerData.contract, workerData.assumptions, workerData.progress ? { ...workerData.options, onProgress } : workerData.options);
  parentPort.postMessage(result.ok ? { ok: true, samples: JSON.stringify(result.value) } : { ok: false, issues: result.issues });
}, (error) => parentPort.postMessage({ ok: false, error: String(error) }));
`;

type Message = { ok: true; samples: string } | { ok: false; issues?: Issue[]; error?: string };
type Progress = { progress: number };

/** The chunks of `runs` runs over `workers` threads: as equal as can be, the first ones one run longer. */
export function chunksOf(runs: number, workers: number): { firstRun: number; runs: number }[] {
  const count = Math.min(workers, runs);
  const base = Math.floor(runs / count);
  const extra = runs % count;
  const chunks: { firstRun: number; runs: number }[] = [];
  let firstRun = 0;
  for (let k = 0; k < count; k++) {
    const size = base + (k < extra ? 1 : 0);
    chunks.push({ firstRun, runs: size });
    firstRun += size;
  }
  return chunks;
}

/** Samples read back from JSON: every amount a decimal again (the same value). */
function revived(text: string): SimulationSamples {
  const plain = JSON.parse(text) as Omit<SimulationSamples, 'total' | 'trancheEarned' | 'tranchePayers' | 'reinvested'> & {
    total: string[];
    trancheEarned: string[][];
    tranchePayers: string[][][];
    reinvested: string[][];
  };
  const amounts = (list: readonly string[]): Amount[] => list.map((amount) => parseAmount(amount));
  return {
    ...plain,
    total: amounts(plain.total),
    trancheEarned: plain.trancheEarned.map(amounts),
    tranchePayers: plain.tranchePayers.map((payers) => payers.map(amounts)),
    reinvested: plain.reinvested.map(amounts),
  };
}

function runChunk(module: URL, contract: unknown, assumptions: unknown, options: SimulateOptions, onProgress: ((done: number) => void) | undefined): Promise<Message> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module: module.href, contract, assumptions, options, progress: onProgress !== undefined } });
    worker.on('message', (message: Message | Progress) => {
      if ('progress' in message) {
        onProgress?.(message.progress);
        return;
      }
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Simulates on `workers` worker threads, loading the built simulation module at `module` in each,
 * and merges the chunks: the same samples as `simulate` on one thread. `options.onProgress`, when
 * given, hears the runs done over all chunks (about a hundred times a chunk).
 *
 * @example
 * const result = await simulateOnWorkers(new URL('./simulation.js', import.meta.url), contract, assumptions, { runs: 100000, seed: 1 }, 2);
 */
export async function simulateOnWorkers(module: URL, contract: unknown, assumptions: unknown, options: SimulateOptions, workers: number): Promise<Result<SimulationSamples>> {
  const chunks = chunksOf(options.runs, workers);
  const done = chunks.map(() => 0);
  const report = options.onProgress;
  const progressOf = (k: number): ((runs: number) => void) | undefined =>
    report === undefined
      ? undefined
      : (runs) => {
          done[k] = runs;
          report(done.reduce((sum, value) => sum + value, 0), options.runs);
        };
  const messages = await Promise.all(
    chunks.map((chunk, k) => runChunk(module, contract, assumptions, { runs: chunk.runs, seed: options.seed, firstRun: chunk.firstRun, ...(options.path === undefined ? {} : { path: options.path }) }, progressOf(k))),
  );
  const samples: SimulationSamples[] = [];
  for (const message of messages) {
    if (!message.ok) {
      if (message.issues !== undefined) return fail(message.issues);
      throw new Error(`outcome-pay internal error: a simulation worker failed (${message.error ?? 'no reason given'})`);
    }
    samples.push(revived(message.samples));
  }
  return ok(mergeSamples(samples));
}
