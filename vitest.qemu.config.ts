import { defineConfig } from 'vitest/config';

// The QEMU differential suite (npm run test:qemu): firmware images and the random-instruction
// tester run on qemu-system-arm and on armada (dist/, built by `npx tsc -p .`), outputs compared.
export default defineConfig({
  test: {
    include: ['test/qemu/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
