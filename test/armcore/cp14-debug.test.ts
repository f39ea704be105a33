// CP14 (debug) registers as QEMU 7.2's Cortex-A9 shows them.
// Regression: Debian's 6.1 kernel died at boot in hw_breakpoint's get_debug_arch on
//   ee100e10  mrc p14, 0, r0, c0, c0, 0   (DBGDIDR)
// which was UNDEFINED in armada ("Internal error: Oops - undefined instruction" in
// init_hw_breakpoint, then "Attempted to kill the idle task!"). QEMU 7.2 returns 0x35141000
// (checked with a bare-metal probe: DBGDIDR, DBGDRAR, DBGDSAR, DBGDSCRint = 0x35141000, 0, 0, 0).
import { describe, expect, it } from 'vitest';
import { a32, machine, loadA32 } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';
import { installCp14, A9_DBGDIDR } from '../../src/armcore/cp14.js';

const MRC14 = (t: number, N: number, M: number, q: number) => a32('MRC', { p: 14, o: 0, t, N, M, q });
const MCR14 = (t: number, N: number, M: number, q: number) => a32('MCR', { p: 14, o: 0, t, N, M, q });

describe('CP14 debug identification', () => {
  it('mrc p14, 0, r0, c0, c0, 0 (0xee100e10) reads DBGDIDR = 0x35141000, as the Linux boot needs', () => {
    expect(MRC14(0, 0, 0, 0)).toBe(0xee100e10);
    const m = machine();
    installCp14(m.cpu);
    loadA32(m, [MRC14(0, 0, 0, 0), MRC14(1, 1, 0, 0), MRC14(2, 2, 0, 0), MRC14(3, 0, 1, 0)]);
    m.cpu.r[1] = 0x1111; m.cpu.r[2] = 0x2222; m.cpu.r[3] = 0x3333;
    for (let i = 0; i < 4; i++) m.engine.step();
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect([m.cpu.r[0]! >>> 0, m.cpu.r[1], m.cpu.r[2], m.cpu.r[3]]).toEqual([A9_DBGDIDR, 0, 0, 0]);
  });

  it('writes to the read-only registers and unmodelled registers are UNDEFINED', () => {
    for (const w of [MCR14(0, 0, 0, 0), MRC14(0, 0, 0, 4) /* DBGBVR0: not modelled */]) {
      const m = machine();
      installCp14(m.cpu);
      loadA32(m, [w]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
});

// Regression: with the PMU out of the way, the boot died at the first context switch in
// thumbee_notifier on
//   eed11e10  mrc p14, 6, r1, c1, c0, 0   (TEEHBR)
// UNDEFINED in armada; QEMU's Cortex-A9 has ThumbEE (the kernel prints "ThumbEE CPU extension
// supported." on QEMU 7.2) with TEECR (PL1 read/write, bit 0 only) and TEEHBR.
describe('CP14 ThumbEE registers', () => {
  const MRC6 = (t: number, N: number) => a32('MRC', { p: 14, o: 6, t, N, M: 0, q: 0 });
  const MCR6 = (t: number, N: number) => a32('MCR', { p: 14, o: 6, t, N, M: 0, q: 0 });
  it('mrc p14, 6, r1, c1, c0, 0 (0xeed11e10) reads TEEHBR; TEECR keeps only XED', () => {
    expect(MRC6(1, 1)).toBe(0xeed11e10);
    const m = machine();
    const cp = installCp14(m.cpu);
    loadA32(m, [MCR6(0, 1), MRC6(1, 1), MCR6(2, 0), MRC6(3, 0)]);
    m.cpu.r[0] = 0x60001234; m.cpu.r[1] = 0xdead; m.cpu.r[2] = 0xffffffff;
    for (let i = 0; i < 4; i++) m.engine.step();
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect([m.cpu.r[1]! >>> 0, m.cpu.r[3]]).toEqual([0x60001234, 1]);
    expect([cp.teehbr, cp.teecr]).toEqual([0x60001234, 1]);
  });
});
