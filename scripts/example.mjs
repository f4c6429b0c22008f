// `npm run example`: settles the bundled region-sud example with the built CLI and prints its
// summary. The example holds three invalid records on purpose, so the CLI exits with status 3
// (settled, records excluded); that is the expected outcome here, said in words instead of npm's
// "lifecycle script failed". Any other status is passed on.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'settle', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30', '--summary'];
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (run.status === 3) {
  console.log('\n(outcome-pay exited with status 3: settled, with invalid records excluded, as this example intends; see docs/cli.md, Exit codes)');
  process.exit(0);
}
process.exit(run.status ?? 1);
