import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'threads',
    // Property tests run hundreds of cases; on a loaded 2-core machine one can take several
    // seconds. A generous timeout keeps them from failing on speed (speed is measured in bench/).
    testTimeout: 60_000,
  },
});
