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
    const m = run([MRC(0, 0, 3, 3, 3)]);
    expect(m.cpu.mode).toBe(Mode.UND);
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
