// Differential test: every firmware image runs on QEMU and on armada; stdout and exit status must
// be identical (QEMU is the reference). The images are self-checking (exit 0 when all checks pass).
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, qemuVersion, armadaBuilt, runQemu, runArmada, describeRun, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE,
} from './qemu.js';

const IMAGES_DIR = join(ROOT, 'firmware', 'images');
const images = readdirSync(IMAGES_DIR).filter(f => f.endsWith('.elf')).sort();
const version = qemuVersion();
console.log(version ? `using ${version}` : QEMU_MISSING_MESSAGE);

describe('QEMU differential: firmware images', () => {
  it('has qemu-system-arm', () => {
    if (!version) throw new Error(QEMU_MISSING_MESSAGE);
    expect(version).toMatch(/QEMU emulator version/);
  });
  it('has the built armada CLI', () => {
    if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
  });
  it('finds the firmware images', () => {
    expect(images.length).toBeGreaterThan(10);
  });

  for (const name of images) {
    it(name, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const image = join(IMAGES_DIR, name);
      const [q, a] = await Promise.all([runQemu(image), runArmada(image)]);
      // The reference must pass its own checks: otherwise the firmware (not armada) is wrong.
      expect(q.timedOut, `${name}: QEMU timed out`).toBe(false);
      expect(q.status, `${name} on QEMU: ${describeRun(q)}\n${q.stdout}`).toBe(0);
      const detail = `${name}: armada ${describeRun(a)}, QEMU ${describeRun(q)}\n` +
        `--- armada stdout ---\n${a.stdout}\n--- armada stderr ---\n${a.stderr}\n--- QEMU stdout ---\n${q.stdout}`;
      expect(a.stdout, detail).toBe(q.stdout);
      expect(a.status, detail).toBe(q.status);
    });
  }
});
