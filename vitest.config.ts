import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus/**', 'test/oracle/**'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
