/**
 * `outcome-pay simulate --workers N` and `outcome-pay forecast --workers N`: the runs split into N
 * consecutive chunks, each computed in a Node worker thread by the built library (`simulate` or
 * `forecast` with its `firstRun`), the chunks merged in order (`mergeSamples`,
 * `mergeForecastSamples`). Run `r` draws from its own random stream whichever chunk computes it,
 * so the merged samples are those of one thread, and the output the same bytes for any N.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { Issue } from '../errors.js';
import { parseAmount } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import { mergeForecastSamples, mergeSamples, type ForecastOptions, type ForecastSamples, type SimulateOptions, type SimulationSamples } from '../simulation/index.js';

/**
 * What a worker runs: the built `outcome-pay/simulation` module loaded, one chunk computed by its
 * function `entry` on `args` and the chunk's options, the samples posted as JSON.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then((library) => {
  // progress, when asked for: about a hundred messages a chunk, the last one at its end
  const every = Math.max(1, Math.floor(workerData.options.runs / 100));
  const onProgress = (done, runs) => { if (done % every === 0 || done === runs) parentPort.postMessage({ progress: done }); };
  const options = workerData.progress ? { ...workerData.options, onProgress } : workerData.options;
  const result = library[workerData.entry](...workerData.args, options);
  parentPort.postMessage(result.ok ? { ok: true, samples: JSON.stringify(result.value) } : { ok: false, issues: result.issues });
}, (error) => parentPort.postMessage({ ok: false, error: String(error) }));
`;

type Message = { ok: true; samples: string } | { ok: false; issues?: Issue[]; error?: string };
type Progress = { progress: number };

/**
 * The chunks of `runs` runs over `workers` threads: as equal as can be, the first ones one run longer.
 *
 * @example
 * chunksOf(41, 2); // [{ firstRun: 0, runs: 21 }, { firstRun: 21, runs: 20 }]
 */
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

/** A value read back from JSON with the arrays of amounts under `keys` (at any depth of arrays) decimals again: the same values. */
function revived(text: string, keys: readonly string[]): Record<string, unknown> {
  const plain = JSON.parse(text) as Record<string, unknown>;
  const amounts = (value: unknown): unknown => (Array.isArray(value) ? value.map(amounts) : parseAmount(value as string));
  for (const key of keys) plain[key] = amounts(plain[key]);
  return plain;
}

function runChunk(module: URL, entry: string, args: readonly unknown[], options: object, onProgress: ((done: number) => void) | undefined): Promise<Message> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module: module.href, entry, args, options, progress: onProgress !== undefined } });
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

/** How one function of the simulation module is run in chunks. */
interface Chunked<T> {
  /** The function of the built module. */
  readonly entry: 'simulate' | 'forecast';
  /** Its arguments before the options. */
  readonly args: readonly unknown[];
  /** The options of the whole, without `firstRun` and `onProgress` (each chunk gets its own). */
  readonly options: { readonly runs: number } & Readonly<Record<string, unknown>>;
  /** The keys of the samples holding amounts (arrays of decimal strings in JSON). */
  readonly amounts: readonly string[];
  /** Merges the chunks' samples, in order. */
  readonly merge: (chunks: readonly T[]) => T;
}

async function onWorkers<T>(module: URL, chunked: Chunked<T>, workers: number, report: ((done: number, runs: number) => void) | undefined): Promise<Result<T>> {
  const runs = chunked.options.runs;
  const chunks = chunksOf(runs, workers);
  const done = chunks.map(() => 0);
  const progressOf = (k: number): ((runs: number) => void) | undefined =>
    report === undefined
      ? undefined
      : (chunkRuns) => {
          done[k] = chunkRuns;
          report(done.reduce((sum, value) => sum + value, 0), runs);
        };
  const messages = await Promise.all(chunks.map((chunk, k) => runChunk(module, chunked.entry, chunked.args, { ...chunked.options, runs: chunk.runs, firstRun: chunk.firstRun }, progressOf(k))));
  const samples: T[] = [];
  for (const message of messages) {
    if (!message.ok) {
      if (message.issues !== undefined) return fail(message.issues);
      throw new Error(`outcome-pay internal error: a simulation worker failed (${message.error ?? 'no reason given'})`);
    }
    samples.push(revived(message.samples, chunked.amounts) as T); // the worker's samples: the same function's result
  }
  return ok(chunked.merge(samples));
}

/**
 * Simulates on `workers` worker threads, loading the built simulation module at `module` in each,
 * and merges the chunks: the same samples as `simulate` on one thread. `options.onProgress`, when
 * given, hears the runs done over all chunks (about a hundred times a chunk).
 *
 * @example
 * const result = await simulateOnWorkers(new URL('./simulation.js', import.meta.url), contract, assumptions, { runs: 100000, seed: 1 }, 2);
 */
export function simulateOnWorkers(module: URL, contract: unknown, assumptions: unknown, options: SimulateOptions, workers: number): Promise<Result<SimulationSamples>> {
  const chunkOptions = { runs: options.runs, seed: options.seed, ...(options.path === undefined ? {} : { path: options.path }) };
  return onWorkers(module, { entry: 'simulate', args: [contract, assumptions], options: chunkOptions, amounts: ['total', 'trancheEarned', 'tranchePayers', 'reinvested'], merge: mergeSamples }, workers, options.onProgress);
}

/**
 * Forecasts on `workers` worker threads, as {@link simulateOnWorkers} simulates: the same samples
 * as `forecast` on one thread.
 *
 * @example
 * const result = await forecastOnWorkers(new URL('./simulation.js', import.meta.url), contract, records, assumptions, { asOf: '2024-06-30', runs: 100000, seed: 1 }, 2);
 */
export function forecastOnWorkers(module: URL, contract: unknown, records: unknown, assumptions: unknown, options: ForecastOptions, workers: number): Promise<Result<ForecastSamples>> {
  const chunkOptions = { runs: options.runs, seed: options.seed, asOf: options.asOf };
  return onWorkers(
    module,
    { entry: 'forecast', args: [contract, records, assumptions], options: chunkOptions, amounts: ['dueEarned', 'duePayers', 'total', 'trancheEarned', 'tranchePayers'], merge: mergeForecastSamples },
    workers,
    options.onProgress,
  );
}
