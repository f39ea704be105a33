import { defineConfig } from 'vitest/config';

// The Linux boot suite (npm run test:linux): Debian's kernel and busybox (the kit, built on demand
// into ~/.cache/armada-linux) on armada's CLI (dist/, built by `npx tsc -p .`) and on QEMU.
export default defineConfig({
  test: {
    include: ['test/linux/**/*.test.ts'],
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
    fileParallelism: false,
  },
});
