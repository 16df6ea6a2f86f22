import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus/**', 'test/oracle/**', 'test/real/**', 'test/browser/**', 'test/package/**', 'test/fuzz/**/*.fuzz.test.ts'],
    testTimeout: 30000,
    // Test files share one module graph per worker: TypeScript and the parsers load once, not once per file.
    pool: 'threads',
    isolate: false,
  },
});
