// Differential test of the motherboard devices: the programs in firmware/devices program the V2M
// system registers, the SP804 timers, the PL031 RTC and the PL050 keyboard/mouse interfaces and
// print what they read back (counts that depend on the clock only as yes/no), and take each one's
// interrupt through the GIC (mb_irq: the interrupt IDs in the order taken). QEMU and armada
// must print the same lines and exit with the same status; poweroff and reboot through
// SYS_CFGCTRL must end and restart the run as on QEMU.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import {
  ROOT, qemuVersion, armadaBuilt, runQemu, runArmada, describeRun, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE,
} from './qemu.js';

const IMAGES_DIR = join(ROOT, 'firmware', 'devices', 'images');
const version = qemuVersion();

/** Each program, with a line its output must contain on QEMU (so a silent run cannot pass). */
const PROGRAMS: [string, RegExp][] = [
  ['mb_sysreg', /^SYS_ID: 0x1190f500$/m],
  ['mb_timer', /^t0 periodic interrupt: yes$/m],
  ['mb_rtc', /^RIS with match now: 0x00000001$/m],
  ['mb_kmi', /^kbd get id f2 -> fa ab 83/m],
  ['mb_irq', /^RTC match: interrupt 36$/m],
  ['mb_poweroff', /^powering off$/m],
  ['mb_reboot', /^second run$/m],
];

describe('QEMU differential: motherboard devices', () => {
  for (const [name, marker] of PROGRAMS) {
    it(name, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const image = join(IMAGES_DIR, `${name}.elf`);
      const [q, a] = await Promise.all([runQemu(image), runArmada(image)]);
      expect(q.timedOut, `${name}: QEMU timed out`).toBe(false);
      expect(q.status, `${name} on QEMU: ${describeRun(q)}\n${q.stdout}`).toBe(0);
      expect(q.stdout).toMatch(marker);
      const detail = `${name}: armada ${describeRun(a)}, QEMU ${describeRun(q)}\n` +
        `--- armada stdout ---\n${a.stdout}\n--- armada stderr ---\n${a.stderr}\n--- QEMU stdout ---\n${q.stdout}`;
      expect(a.stdout, detail).toBe(q.stdout);
      expect(a.status, detail).toBe(q.status);
    });
  }

  it('poweroff ends the run at once: nothing after the request is printed', async () => {
    if (!version) throw new Error(QEMU_MISSING_MESSAGE);
    if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
    const a = await runArmada(join(IMAGES_DIR, 'mb_poweroff.elf'));
    expect(a.stdout).toBe('powering off\n');
    expect(a.status).toBe(0);
  });
});
