// ctl group: coprocessor transfers (MRC/MCR/MRRC/MCRR), CP15 registers, undefined coprocessors.
// Register values were checked against qemu-system-arm 7.2 -M vexpress-a9.
import { describe, expect, it } from 'vitest';
import { a32, t32, machine, loadA32, loadThumb, CODE, type Machine } from '../harness.js';
import { Mode, type Coprocessor } from '../../src/armcore/cpu.js';
import { installCp15, A9_MIDR, A9_CTR, A9_MPIDR } from '../../src/armcore/cp15.js';

const u = (v: number) => v >>> 0;
const MRC = (o: number, t: number, N: number, M: number, q: number, p = 15) => a32('MRC', { p, o, t, N, M, q });
const MCR = (o: number, t: number, N: number, M: number, q: number, p = 15) => a32('MCR', { p, o, t, N, M, q });

function run(words: number[], setup?: (m: Machine) => void): Machine {
  const m = machine();
  installCp15(m.cpu);
  setup?.(m);
  loadA32(m, words);
  for (let i = 0; i < words.length; i++) {
    m.engine.step();
    if (m.cpu.mode === Mode.UND) break;
  }
  return m;
}

describe('CP15 identification', () => {
  it('MIDR, CTR, MPIDR as QEMU 7.2 reports them for vexpress-a9 CPU 0', () => {
    expect(MRC(0, 1, 0, 0, 5)).toBe(0xee101fb0); // mrc p15, 0, r1, c0, c0, 5 (assembler)
    const m = run([MRC(0, 0, 0, 0, 0), MRC(0, 1, 0, 0, 1), MRC(0, 2, 0, 0, 5), MRC(0, 3, 0, 0, 4)]);
    expect([u(m.cpu.r[0]!), u(m.cpu.r[1]!), u(m.cpu.r[2]!), u(m.cpu.r[3]!)]).toEqual([0x410fc090, 0x80038003, 0x80000000, 0x410fc090]);
    expect([A9_MIDR, u(A9_CTR), u(A9_MPIDR)]).toEqual([0x410fc090, 0x80038003, 0x80000000]);
  });
  it('CBAR gives the vexpress-a9 private peripheral base', () => {
    const m = run([MRC(4, 0, 15, 0, 0)]);
    expect(u(m.cpu.r[0]!)).toBe(0x1e000000);
  });
});

describe('CP15 read/write round trips', () => {
  it('SCTLR reads and writes cpu.sctlr (kept as written, like QEMU)', () => {
    const m = run([MRC(0, 0, 1, 0, 0), MCR(0, 1, 1, 0, 0), MRC(0, 2, 1, 0, 0)], m => { m.cpu.r[1] = 0x00c52078; });
    expect(u(m.cpu.r[0]!)).toBe(0x00c50078);
    expect(u(m.cpu.sctlr)).toBe(0x00c52078);
    expect(u(m.cpu.r[2]!)).toBe(0x00c52078);
  });
  it('SCTLR.V written by MCR moves the vectors', () => {
    const m = run([MCR(0, 1, 1, 0, 0), 0xef000000 /* svc 0 */], m => { m.cpu.r[1] = 0x00c52078; });
    expect(m.cpu.pc).toBe(0xffff0008);
  });
  it('VBAR drops the low five bits', () => {
    const m = run([MCR(0, 0, 12, 0, 0), MRC(0, 1, 12, 0, 0)], m => { m.cpu.r[0] = 0x6000003f; });
    expect(u(m.cpu.vbar)).toBe(0x60000020);
    expect(u(m.cpu.r[1]!)).toBe(0x60000020);
  });
  it('CPACR keeps only the cp10/cp11, D32DIS and ASEDIS bits', () => {
    const m = run([MCR(0, 0, 1, 0, 2), MRC(0, 1, 1, 0, 2)], m => { m.cpu.r[0] = -1; });
    expect(u(m.cpu.r[1]!)).toBe(0xc0f00000);
  });
  it('ACTLR reads as zero and ignores writes', () => {
    const m = run([MCR(0, 0, 1, 0, 1), MRC(0, 1, 1, 0, 1)], m => { m.cpu.r[0] = 0x41; m.cpu.r[1] = 7; });
    expect(m.cpu.r[1]).toBe(0);
  });
  it('DFSR IFSR DFAR IFAR are the CPU\'s fault registers', () => {
    const m = run([MCR(0, 0, 5, 0, 0), MCR(0, 1, 5, 0, 1), MCR(0, 2, 6, 0, 0), MCR(0, 3, 6, 0, 2),
      MRC(0, 4, 5, 0, 0), MRC(0, 5, 6, 0, 2)], m => { m.cpu.r.set([0x805, 0x2, 0x1234, 0x5678], 0); });
    expect([m.cpu.dfsr, m.cpu.ifsr, m.cpu.dfar, m.cpu.ifar]).toEqual([0x805, 0x2, 0x1234, 0x5678]);
    expect([m.cpu.r[4], m.cpu.r[5]]).toEqual([0x805, 0x5678]);
  });
  it('CONTEXTIDR and the thread ID registers', () => {
    const m = run([MCR(0, 0, 13, 0, 1), MCR(0, 1, 13, 0, 2), MCR(0, 2, 13, 0, 3), MCR(0, 3, 13, 0, 4),
      MRC(0, 4, 13, 0, 1), MRC(0, 5, 13, 0, 2), MRC(0, 6, 13, 0, 3), MRC(0, 7, 13, 0, 4)],
    m => { m.cpu.r.set([11, 22, 33, 44], 0); });
    expect(Array.from(m.cpu.r.slice(4, 8))).toEqual([11, 22, 33, 44]);
  });
  it('TLB maintenance flushes the software TLB; cache and barrier operations are accepted', () => {
    const m = machine();
    installCp15(m.cpu);
    m.cpu.tlbRTag[5] = 5;
    loadA32(m, [MCR(0, 0, 8, 7, 0), MCR(0, 0, 7, 5, 0), MCR(0, 0, 7, 14, 1), MCR(0, 0, 7, 10, 5), MCR(0, 0, 7, 5, 4)]);
    for (let i = 0; i < 5; i++) m.engine.step();
    expect(m.cpu.tlbRTag[5]).toBe(-1);
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(m.cpu.pc).toBe(CODE + 20);
  });
  it('MRC to APSR_nzcv sets the flags from bits 31:28', () => {
    const m = run([MCR(0, 0, 13, 0, 2), MRC(0, 15, 13, 0, 2)], m => { m.cpu.r[0] = 0xa0000000 | 0; });
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([1, 0, 1, 0]);
  });
  it('T32 MCR/MRC', () => {
    const m = machine();
    installCp15(m.cpu);
    m.cpu.r[0] = 0x77;
    loadThumb(m, [t32('MCR_T1', { p: 15, o: 0, t: 0, N: 13, M: 0, q: 4 }), t32('MRC_T1', { p: 15, o: 0, t: 3, N: 13, M: 0, q: 4 })]);
    m.engine.step(); m.engine.step();
    expect(m.cpu.r[3]).toBe(0x77);
  });
});

describe('privilege and undefined registers', () => {
  it('User mode: TPIDRURW read/write, TPIDRURO read-only, barriers allowed', () => {
    const m = run([MCR(0, 0, 13, 0, 2), MRC(0, 1, 13, 0, 2), MRC(0, 2, 13, 0, 3), MCR(0, 0, 7, 10, 4)], m => {
      m.cpu.switchMode(Mode.USR); m.cpu.r[0] = 9;
    });
    expect([m.cpu.mode, m.cpu.r[1], m.cpu.r[2]]).toEqual([Mode.USR, 9, 0]);
    const w = run([MCR(0, 0, 13, 0, 3)], m => { m.cpu.switchMode(Mode.USR); });
    expect(w.cpu.mode).toBe(Mode.UND);
  });
  it('User mode: privileged registers are UNDEFINED', () => {
    for (const insn of [MRC(0, 0, 0, 0, 0), MRC(0, 0, 1, 0, 0), MCR(0, 0, 1, 0, 0), MCR(0, 0, 8, 7, 0), MRC(0, 0, 12, 0, 0)]) {
      const m = run([insn], m => { m.cpu.switchMode(Mode.USR); });
      expect(m.cpu.mode).toBe(Mode.UND);
      expect(u(m.cpu.r[14]!)).toBe(CODE + 4);
    }
  });
  it('an unknown CP15 register is UNDEFINED', () => {
    // (c3 is no example: QEMU answers DACR at every opc1/CRm/opc2 of CRn=3.)
    for (const insn of [MRC(0, 0, 11, 0, 0), MRC(1, 0, 0, 0, 2), MCR(0, 0, 0, 0, 0), MRC(0, 0, 7, 5, 0), MRC(0, 0, 9, 12, 6)]) {
      const m = run([insn]);
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('absent coprocessors, cp8-13, CDP, LDC, STC and MRRC/MCRR on CP15 are UNDEFINED', () => {
    const words = [
      MRC(0, 0, 0, 0, 0, 14), MCR(0, 0, 0, 0, 0, 7), MRC(0, 0, 0, 0, 0, 10), MRC(0, 0, 0, 0, 0, 11),
      MRC(0, 0, 0, 0, 0, 9), a32('MRRC', { p: 15, o: 0, t: 0, u: 1, M: 2 }), a32('MCRR', { p: 15, o: 0, t: 0, u: 1, M: 2 }),
      0xee132ea4 /* cdp */, 0xed905e01 /* ldc */, 0xec205e02 /* stc */,
    ];
    for (const w of words) {
      const m = run([w]);
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('a CPU without CP15 installed UNDEFs every CP15 access', () => {
    const m = machine();
    loadA32(m, [MRC(0, 0, 0, 0, 0)]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('dispatches MRRC/MCRR to a coprocessor that has them', () => {
    const m = machine();
    let stored: number[] = [];
    const cp: Coprocessor = {
      mrc: () => undefined, mcr: () => false,
      mrrc: (_c, opc1, crm) => (opc1 === 1 && crm === 2 ? [0x11, 0x22] : undefined),
      mcrr: (_c, _o, _m, lo, hi) => { stored = [lo, hi]; return true; },
    };
    m.cpu.cp[14] = cp;
    m.cpu.r[4] = 7; m.cpu.r[5] = 8;
    loadA32(m, [a32('MRRC', { p: 14, o: 1, t: 2, u: 3, M: 2 }), a32('MCRR', { p: 14, o: 0, t: 4, u: 5, M: 0 })]);
    m.engine.step(); m.engine.step();
    expect([m.cpu.r[2], m.cpu.r[3]]).toEqual([0x11, 0x22]);
    expect(stored).toEqual([7, 8]);
  });
});

// Regressions found with firmware/probes/cp15 against QEMU 7.2: encodings armada made UNDEFINED
// where QEMU answers (and the values QEMU gives). Each word is `mrc/mcr p15, opc1, r0, CRn, CRm, opc2`.
describe('CP15 encodings QEMU answers (regressions)', () => {
  // [word, mcr?, opc1, CRn, CRm, opc2, why, value read ('w': a write)]
  const cases: [number, number, number, number, number, number, string, number | 'w'][] = [
    [0xee330f79, 0, 1, 3, 9, 3, 'DACR: QEMU answers it at every opc1/CRm/opc2 of c3', 0x55],
    [0xeefa0f10, 0, 7, 10, 0, 0, 'TLB lockdown space (any opc1, c10, c0/c1/c4/c8, any opc2): reads 0', 0],
    [0xee5a0f18, 0, 2, 10, 8, 0, 'lockdown space: reads 0', 0],
    [0xee100f77, 0, 0, 0, 7, 3, 'c0 identification space: reads 0', 0],
    [0xee100fd0, 0, 0, 0, 0, 6, 'REVIDR answers MIDR', 0x410fc090],
    [0xee910f30, 0, 4, 1, 0, 1, 'HACTLR reads 0 (EL3 without EL2)', 0],
    [0xeebf0f55, 0, 5, 15, 5, 2, 'A9 TLB_VA reads 0', 0],
    [0xeed50f11, 0, 6, 5, 1, 0, 'QEMU answers 0 at opc1=6, c5, c1, 0', 0],
    [0xee1c0f11, 0, 0, 12, 1, 0, 'ISR, no interrupt pending', 0],
    [0xee1e0f18, 0, 0, 14, 8, 0, 'PMEVCNTR0', 0],
    [0xee1e0fff, 0, 0, 14, 15, 7, 'PMCCFILTR', 0],
    [0xee070f5c, 1, 0, 7, 12, 2, 'any opc1=0 c7 write is accepted (cache maintenance space)', 'w'],
    [0xee070f1e, 1, 0, 7, 14, 0, 'accepted', 'w'],
  ];
  for (const [w, isMcr, o, N, M, q, why, want] of cases) {
    it(`${isMcr ? 'mcr' : 'mrc'} p15, ${o}, r0, c${N}, c${M}, ${q} (${w.toString(16)}): ${why}`, () => {
      expect(isMcr ? MCR(o, 0, N, M, q) : MRC(o, 0, N, M, q)).toBe(w);
      const m = run([w], m => { m.cpu.dacr = 0x55; });
      expect(m.cpu.mode).toBe(Mode.SVC);
      if (want !== 'w') expect(u(m.cpu.r[0]!)).toBe(want);
    });
  }
  it('msr cpsr_c, r0 (e121f000) to Monitor mode from SVC switches to it (armada used to ignore mode 0x16)', () => {
    const m = run([0xe121f000], m => { m.cpu.r[0] = 0x1d6; });
    expect(m.cpu.mode).toBe(Mode.MON);
  });
  it('cps #0x16 (f1020016) from SVC enters Monitor mode; from User mode it does nothing', () => {
    expect(run([0xf1020016]).cpu.mode).toBe(Mode.MON);
    expect(run([0xf1020016], m => { m.cpu.switchMode(Mode.USR); }).cpu.mode).toBe(Mode.USR);
  });
  it('udf (e7f000f0) in Monitor mode: UND mode, SPSR mode 0x16, VBAR vector (not MVBAR)', () => {
    const m = run([0xe7f000f0], m => { m.cpu.switchMode(Mode.MON); m.cpu.vbar = 0x60008000; m.cpu.mvbar = 0x60009000; });
    expect([m.cpu.mode, u(m.cpu.spsr) & 0x1f, m.cpu.pc]).toEqual([Mode.UND, 0x16, 0x60008004]);
  });
  // Write masks measured by the probe's "write masks" section (all ones written, read back).
  // [opc1, CRn, CRm, opc2, mcr word, mrc word, why, value read back after writing all ones]
  const masks: [number, number, number, number, number, number, string, number][] = [
    [0, 7, 4, 0, 0xee070f14, 0xee170f14, 'PAR keeps 0xfffff6ff (bits 8 and 11 RAZ/WI without LPAE; armada kept all bits)', 0xfffff6ff],
    [0, 14, 15, 7, 0xee0e0fff, 0xee1e0fff, 'PMCCFILTR written directly keeps 0xf8000000 (armada used the PMXEVTYPER mask)', 0xf8000000],
    [4, 15, 0, 0, 0xee8f0f10, 0xee9f0f10, 'CBAR keeps what is written (armada ignored writes)', 0xffffffff],
  ];
  for (const [o, N, M, q, w, r, what, want] of masks) {
    it(`${w.toString(16)} then ${r.toString(16)}: ${what}`, () => {
      expect([MCR(o, 0, N, M, q), MRC(o, 0, N, M, q)]).toEqual([w, r]);
      const m = run([w, r], m => { m.cpu.r[0] = -1; });
      expect(u(m.cpu.r[0]!)).toBe(want);
    });
  }
});
