/**
 * Entry point of the `outcome-pay` executable (built to dist/cli.js). Wires {@link run} to the
 * real process; all logic lives in src/cli/dispatch.ts (and the command line's definition in
 * src/cli/program.ts).
 *
 * @example
 * // $ outcome-pay --version
 * // 0.1.0
 *
 * @module
 */
import { nodeIo } from './node-io.js';
import { run } from './dispatch.js';

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`outcome-pay: internal error: ${error.message}\n`);
  process.exitCode = 70;
}

process.stdout.on('error', ignoreBrokenPipe);

process.exitCode = await run(process.argv.slice(2), nodeIo());
