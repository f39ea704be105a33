import { defineConfig } from 'vitest/config';

// The unit suite (npm test): needs neither QEMU nor the ARM toolchain. The QEMU differential
// suites live in test/qemu and run with vitest.qemu.config.ts (npm run test:qemu).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/qemu/**', 'test/linux/**', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});
