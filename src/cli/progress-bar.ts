/**
 * The progress bar of long commands: drawn on standard error, only when it is a terminal (so a
 * pipe, a file or a test sees nothing), redrawn in place when the whole percentage changes, and
 * wiped when the work is done, so the terminal keeps only the command's own output.
 *
 * @module
 */
import type { CliIo } from './io.js';

/** A progress bar: `update` after each unit of work, `finish` once at the end. */
export interface ProgressBar {
  /** `done` units of `total` are done. */
  readonly update: (done: number, total: number) => void;
  /** Wipes the bar (nothing when it was never drawn). */
  readonly finish: () => void;
}

const WIDTH = 30;

/**
 * One line of the bar: the label, `#` for the part done out of 30, the whole percentage and the
 * count.
 *
 * @example
 * progressLine('simulate', 250, 1000, 'runs'); // 'simulate [#######-----------------------]  25 % (250 of 1000 runs)'
 */
export function progressLine(label: string, done: number, total: number, unit: string): string {
  const filled = Math.floor((done * WIDTH) / total);
  const percent = String(Math.floor((done * 100) / total)).padStart(3, ' ');
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent} % (${done} of ${total} ${unit})`;
}

/**
 * A progress bar on `io`'s standard error when it is a terminal, else undefined (no callback to
 * pass, nothing written).
 *
 * @example
 * const bar = progressBar(io, 'simulate', 'runs');
 * simulate(contract, assumptions, { runs, seed, ...(bar === undefined ? {} : { onProgress: bar.update }) });
 * bar?.finish();
 */
export function progressBar(io: CliIo, label: string, unit: string): ProgressBar | undefined {
  if (io.stderrIsTerminal !== true) return undefined;
  let shown = -1;
  let width = 0;
  return {
    update(done, total) {
      const percent = Math.floor((done * 100) / total);
      if (percent === shown) return;
      shown = percent;
      const line = progressLine(label, done, total, unit);
      width = Math.max(width, line.length);
      io.stderr(`\r${line}`);
    },
    finish() {
      if (shown >= 0) io.stderr(`\r${' '.repeat(width)}\r`);
    },
  };
}
