import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    // One repository at a time: the time budgets are per repository.
    fileParallelism: false,
  },
});
