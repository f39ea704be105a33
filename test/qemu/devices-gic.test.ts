// Differential test of the GIC and the Cortex-A9 private peripherals: firmware/devices/gic
// programs the distributor and CPU interface (priorities, masks, binary point, groups, SGIs,
// acknowledge/EOI order), takes real IRQs and FIQs from the private timer, the watchdog, the
// global timer and SGIs, and reads the SCU and L2C-310 registers. It prints register values,
// interrupt IDs in the order taken and yes/no answers about counters; QEMU and armada must print
// the same lines and exit with the same status.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import {
  ROOT, qemuVersion, armadaBuilt, runQemu, runArmada, describeRun, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE,
} from './qemu.js';

const IMAGES_DIR = join(ROOT, 'firmware', 'devices', 'gic', 'images');
const version = qemuVersion();

/** Lines QEMU's output must contain, so that a run that skips a section cannot pass. */
const MARKERS: RegExp[] = [
  /^GICD_TYPER 00000402$/m,
  /^priority order: 35 33 34 32 1023$/m,
  /^IRQs: 29 29 7 29 29 29$/m,
  /^IRQs: 30 30 30$/m,
  /^FIQ IAR 2, IRQs 0$/m,
  /^IRQs: 27 27 27 27 27$/m,
  /^L2C cache id 410000c8$/m,
  /^done$/m,
];

describe('QEMU differential: GIC and A9 private peripherals', () => {
  for (const name of ['gic_check-arm', 'gic_check-thumb']) {
    it(name, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const image = join(IMAGES_DIR, `${name}.elf`);
      const [q, a] = await Promise.all([runQemu(image), runArmada(image)]);
      expect(q.timedOut, `${name}: QEMU timed out`).toBe(false);
      expect(q.status, `${name} on QEMU: ${describeRun(q)}\n${q.stdout}`).toBe(0);
      for (const m of MARKERS) expect(q.stdout).toMatch(m);
      const detail = `${name}: armada ${describeRun(a)}, QEMU ${describeRun(q)}\n` +
        `--- armada stdout ---\n${a.stdout}\n--- armada stderr ---\n${a.stderr}\n--- QEMU stdout ---\n${q.stdout}`;
      expect(a.stdout, detail).toBe(q.stdout);
      expect(a.status, detail).toBe(q.status);
    });
  }
});
