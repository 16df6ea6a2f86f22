import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/oracle/**/*.test.ts'],
    testTimeout: 120000,
    pool: 'forks',
  },
});
