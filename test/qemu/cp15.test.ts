// Differential test of CP15, the Security Extensions and the NOR flash: the probes in
// firmware/probes/cp15 and firmware/probes/pflash run on qemu-system-arm (which must still print
// the committed outputs, cp15-probe.out and pflash-probe.out, so a QEMU that behaves differently
// is noticed) and on the armada CLI, whose console output must equal them line for line.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ARMADA_CLI, QEMU, qemuVersion, armadaBuilt, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE } from './qemu.js';

const version = qemuVersion();
// QEMU prints the semihosting console on stderr, mixed with its own messages (audio back ends).
const NOISE = /alsa|audio|module |^qemu/i;

const PROBES = [
  { name: 'cp15', elf: 'cp15-probe.elf', out: 'cp15-probe.out', minLines: 2000 },
  { name: 'pflash', elf: 'pflash-probe.elf', out: 'pflash-probe.out', minLines: 80 },
];

describe('QEMU differential: CP15 and NOR flash probes', () => {
  for (const p of PROBES) {
    const dir = join(ROOT, 'firmware', 'probes', p.name);
    const want = readFileSync(join(dir, p.out), 'latin1');
    it(`${p.elf} on QEMU still prints ${p.out}`, () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      const r = spawnSync(QEMU, ['-M', 'vexpress-a9', '-m', '256', '-nographic', '-semihosting', '-monitor', 'none',
        '-serial', 'none', '-kernel', join(dir, p.elf)], { encoding: 'latin1', timeout: 120_000, env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
      expect(r.status).toBe(0);
      const got = r.stderr.split('\n').filter(l => !NOISE.test(l)).join('\n');
      expect(got).toBe(want);
      expect(want.split('\n').length).toBeGreaterThan(p.minLines);
    }, 150_000);
    it(`${p.elf} on armada prints the same`, () => {
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const r = spawnSync(process.execPath, [ARMADA_CLI, 'run', join(dir, p.elf), '-m', '256', '--semihosting'],
        { encoding: 'latin1', timeout: 120_000 });
      expect(r.status).toBe(0);
      const got = r.stderr.split('\n').filter(l => !l.startsWith('armada:')).join('\n');
      expect(got).toBe(want);
    }, 150_000);
  }
});
