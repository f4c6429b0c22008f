// `npm test`'s first step: the type check (`npm run typecheck`) and the build (`npm run build`)
// side by side, as neither reads what the other writes (the type check reads src/ and test/, not
// dist/). Each is single-threaded for most of its time (tsc; tsup's declaration build), so on two
// cores together they take about as long as the longer of the two instead of their sum (17 s and
// 22 s in CI). Each one's output is printed when it ends, whole, so the two never interleave; the
// exit status is the first failure's, or 0.
import { spawn } from 'node:child_process';

/** Runs an npm script, its output kept; resolves with its status and output. */
function npmRun(script, ...args) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script, ...args], { shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ script, status: 1, output: Buffer.from(`${String(error)}\n`) }));
    child.on('close', (status, signal) => resolve({ script, status: status ?? (signal === null ? 1 : 128), output: Buffer.concat(output) }));
  });
}

const runs = [npmRun('typecheck'), npmRun('build', '--silent')];
let failed = 0;
for (const run of runs) {
  const { script, status, output } = await run;
  process.stdout.write(output);
  if (status !== 0) {
    console.error(`npm run ${script} failed (status ${status})`);
    failed ||= status;
  }
}
process.exitCode = failed;
