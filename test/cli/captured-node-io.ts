import { nodeIo } from '../../src/cli/node-io.js';
import { fakeIo, type FakeIo } from './helpers.js';

/** The process's real file system (nodeIo), with stdout and stderr captured and no environment. */
export function capturedNodeIo(): FakeIo {
  const io = fakeIo();
  return Object.assign(io, {
    ...nodeIo(),
    stdout: (text: string) => {
      io.out.push(text);
    },
    stderr: (text: string) => {
      io.err.push(text);
    },
    env: {},
  });
}
