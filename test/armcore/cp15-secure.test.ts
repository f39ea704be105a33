// Security Extensions: SCR/SDER/NSACR/MVBAR, SMC into Monitor mode (A32 and T32), Monitor mode
// banking and exception return, and the clear stop when software tries to enter the Non-secure
// state (not modelled). The QEMU 7.2 facts (LR = SMC + 4 in both instruction sets, SPSR = the
// caller's CPSR, CPSR 0x1d6 with I/F/A masked, SCR write mask 0x327f, SMC UNDEFINED in User mode,
// SCR.SCD not implemented, banked MRS/MSR UNDEFINED) come from firmware/probes/cp15, whose whole
// output is compared in cp15-probe.test.ts.
import { describe, expect, it } from 'vitest';
import { a32, t32, machine, loadA32, loadThumb, CODE, type Machine } from '../harness.js';
import { Mode, bankOf } from '../../src/armcore/cpu.js';
import { installCp15 } from '../../src/armcore/cp15.js';

const u = (v: number) => v >>> 0;
const MRC = (o: number, t: number, N: number, M: number, q: number) => a32('MRC', { p: 15, o, t, N, M, q });
const MCR = (o: number, t: number, N: number, M: number, q: number) => a32('MCR', { p: 15, o, t, N, M, q });
const MVBAR = 0x60008000;

function m0(setup?: (m: Machine) => void): Machine {
  const m = machine();
  installCp15(m.cpu);
  m.cpu.mvbar = MVBAR;
  setup?.(m);
  return m;
}

describe('SMC', () => {
  it('smc #0 (e1600070) from SVC enters Monitor mode at MVBAR+8 with LR = SMC+4 and I/F/A masked', () => {
    expect(a32('SMC', { c: 14, i: 0 })).toBe(0xe1600070);
    const m = m0();
    m.cpu.setCpsr(0x60000013); // SVC, interrupts unmasked
    loadA32(m, [0xe1600070]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.MON);
    expect(m.cpu.pc).toBe(MVBAR + 8);
    expect(u(m.cpu.r[14]!)).toBe(CODE + 4);
    expect(u(m.cpu.spsr)).toBe(0x60000013);
    expect(u(m.cpu.cpsr) & 0x1ff).toBe(0x1d6);
  });
  it('smc #0 in Thumb (f7f0 8000): LR = SMC+4, SPSR has T, Monitor runs ARM (SCTLR.TE=0)', () => {
    expect(t32('SMC_T1', { i: 0 })).toBe(0xf7f08000);
    const m = m0();
    loadThumb(m, [0xf7f0, 0x8000]);
    m.cpu.t = 1;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.MON);
    expect(u(m.cpu.r[14]!)).toBe(CODE + 4);
    expect(u(m.cpu.spsr) & 0x20).toBe(0x20);
    expect(m.cpu.t).toBe(0);
  });
  it('SMC is UNDEFINED in User mode and skipped when its condition fails', () => {
    let m = m0(m => m.cpu.switchMode(Mode.USR));
    loadA32(m, [0xe1600070]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
    m = m0();
    m.cpu.z = 1;
    loadA32(m, [0x11600070]); // smcne #0
    m.engine.step();
    expect([m.cpu.mode, m.cpu.pc]).toEqual([Mode.SVC, CODE + 4]);
  });
  it('movs pc, lr from Monitor mode returns to the caller with its CPSR; sp_mon/lr_mon are banked', () => {
    const m = m0();
    m.cpu.r[13] = 0x1234;
    loadA32(m, [0xe3a0d042 /* mov sp, #0x42 */, 0xe1b0f00e /* movs pc, lr */], MVBAR + 8);
    loadA32(m, [0xe1600070, 0xe1a00000]);
    for (let i = 0; i < 3; i++) m.engine.step();
    expect([m.cpu.mode, m.cpu.pc, m.cpu.r[13]]).toEqual([Mode.SVC, CODE + 4, 0x1234]);
    expect(m.cpu.bankR13[bankOf(Mode.MON)]).toBe(0x42);
  });
  it('an IRQ with SCR.IRQ=1 is taken to Monitor mode at MVBAR+0x18', () => {
    const m = m0();
    m.cpu.scr = 2;
    m.cpu.setCpsr(0x13);
    loadA32(m, [0xe1a00000, 0xe1a00000]);
    m.cpu.irqLine = true;
    m.engine.step();
    expect([m.cpu.mode, m.cpu.pc]).toEqual([Mode.MON, MVBAR + 0x18]);
  });
});

describe('Security registers', () => {
  it('SCR keeps 0x327f (no SCD, no HCE), SDER and NSACR all bits, MVBAR drops bits [4:0]', () => {
    const m = m0(m => { m.cpu.r[0] = 0xfffffffe | 0; m.cpu.r[1] = -1; });
    loadA32(m, [MCR(0, 0, 1, 1, 0), MRC(0, 2, 1, 1, 0), MCR(0, 1, 1, 1, 1), MRC(0, 3, 1, 1, 1),
      MCR(0, 1, 1, 1, 2), MRC(0, 4, 1, 1, 2), MCR(0, 1, 12, 0, 1), MRC(0, 5, 12, 0, 1)]);
    for (let i = 0; i < 8; i++) m.engine.step();
    expect([2, 3, 4, 5].map(r => u(m.cpu.r[r]!))).toEqual([0x327e, 0xffffffff, 0xffffffff, 0xffffffe0]);
  });
  it('they are PL1 only', () => {
    for (const insn of [MRC(0, 0, 1, 1, 0), MRC(0, 0, 1, 1, 2), MRC(0, 0, 12, 0, 1), MCR(0, 0, 1, 1, 1)]) {
      const m = m0(m => m.cpu.switchMode(Mode.USR));
      loadA32(m, [insn]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('MRS/MSR banked forms (mrs r0, sp_mon = e10d0300) are UNDEFINED, as on QEMU\'s A9', () => {
    for (const w of [0xe10d0300, 0xe14e0300, 0xe12df300]) {
      const m = m0();
      loadA32(m, [w]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
});

describe('Non-secure state is not modelled: a clear stop, never a silent wrong result', () => {
  it('SCR.NS=1 written from SVC stops the run', () => {
    const m = m0(m => { m.cpu.r[0] = 1; });
    loadA32(m, [MCR(0, 0, 1, 1, 0), 0xe1a00000]);
    m.engine.run(10);
    expect(m.cpu.halted?.kind).toBe('error');
    expect(m.cpu.halted && 'message' in m.cpu.halted ? m.cpu.halted.message : '').toMatch(/Non-secure state is not modelled/);
  });
  it('SCR.NS=1 in Monitor mode is kept; leaving Monitor mode then stops the run', () => {
    const m = m0(m => { m.cpu.switchMode(Mode.MON); m.cpu.r[0] = 1; m.cpu.r[14] = CODE + 0x20; m.cpu.spsr = 0x1d3; });
    loadA32(m, [MCR(0, 0, 1, 1, 0), MRC(0, 1, 1, 1, 0), MRC(0, 2, 0, 0, 0), 0xe1b0f00e]);
    m.engine.step(); m.engine.step(); m.engine.step();
    expect(m.cpu.halted).toBeNull();
    expect([m.cpu.r[1], u(m.cpu.r[2]!)]).toEqual([1, 0x410fc090]); // SCR and MIDR have no NS bank
    m.engine.step();
    expect(m.cpu.halted?.kind).toBe('error');
  });
  it('a banked register (SCTLR) read in Monitor mode with SCR.NS=1 stops the run', () => {
    const m = m0(m => { m.cpu.switchMode(Mode.MON); m.cpu.scr = 1; });
    loadA32(m, [MRC(0, 0, 1, 0, 0)]);
    m.engine.step();
    expect(m.cpu.halted && 'message' in m.cpu.halted ? m.cpu.halted.message : '').toMatch(/SCTLR read with SCR.NS=1/);
  });
});
