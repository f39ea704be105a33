// ctl group: status registers, modes and banked registers, CPS, SETEND, SRS/RFE, exceptions
// (SVC, UDF, BKPT), WFI, semihosting traps, exception return.
import { describe, expect, it, vi } from 'vitest';
import { a32, t16, t32, machine, loadA32, loadThumb, CODE, DATA, type Machine } from '../harness.js';
import { Mode, bankOf } from '../../src/armcore/cpu.js';

function steps(m: Machine, n: number): Machine {
  for (let i = 0; i < n; i++) m.engine.step();
  return m;
}
function a32Run(words: number[], n: number, setup?: (m: Machine) => void, opts: { semihosting?: boolean } = {}): Machine {
  const m = machine(opts);
  setup?.(m);
  loadA32(m, words);
  return steps(m, n);
}
function thumbRun(insns: number[], n: number, setup?: (m: Machine) => void, opts: { semihosting?: boolean } = {}): Machine {
  const m = machine(opts);
  setup?.(m);
  loadThumb(m, insns);
  return steps(m, n);
}
const u = (v: number) => v >>> 0;

// From arm-none-eabi-as:
const MRS_R0_CPSR = 0xe10f0000;        // mrs r0, CPSR
const MRS_R1_SPSR = 0xe14f1000;        // mrs r1, SPSR
const MSR_CPSR_FC_R0 = 0xe129f000;     // msr CPSR_fc, r0
const MSR_CPSR_FSXC_R2 = 0xe12ff002;   // msr CPSR_fsxc, r2
const MSR_SPSR_FSXC_R3 = 0xe16ff003;   // msr SPSR_fsxc, r3
const MSR_CPSR_C_19 = 0xe321f013;      // msr CPSR_c, #19
const MSR_CPSR_F_IMM = 0xe328f20f;     // msr CPSR_f, #0xf0000000
const MSR_SPSR_X_IMM = 0xe362fc02;     // msr SPSR_x, #0x200
const CPSID_I = 0xf10c0080, CPSIE_AIF = 0xf10801c0, CPSID_IF_19 = 0xf10e00d3, CPS_31 = 0xf102001f;
const SETEND_BE = 0xf1010200, SETEND_LE = 0xf1010000;
const SRSDB_SP_W_19 = 0xf96d0513;      // srsdb sp!, #19
const RFEIA_R0_W = 0xf8b00a00;         // rfeia r0!
const SVC_123456 = 0xef123456;
const BKPT_1234 = 0xe1212374;
const UDF_1234 = 0xe7f123f4;
const HLT_F000 = 0xe10f0070;
const LDR_R1_R0 = 0xe5901000;          // ldr r1, [r0]

function toMode(m: Machine, mode: Mode): void { m.cpu.switchMode(mode); }

describe('MRS', () => {
  it('reads the CPSR with the execution-state bits as zero', () => {
    const m = a32Run([MRS_R0_CPSR], 1, m => { m.cpu.n = 1; m.cpu.c = 1; m.cpu.q = 1; m.cpu.ge = 0xa; m.cpu.i = 1; m.cpu.f = 0; m.cpu.a = 0; });
    expect(u(m.cpu.r[0]!)).toBe(0xa80a0093);
    // in Thumb state: T reads as 0
    const t = thumbRun([t32('MRS_T1', { R: 0, d: 2 })], 1, m => { m.cpu.z = 1; });
    expect(u(t.cpu.r[2]!)).toBe(0x400001d3);
  });
  it('reads the SPSR of the current mode; UNDEF in User mode; System mode has its own slot', () => {
    let m = a32Run([MRS_R1_SPSR], 1, m => { m.cpu.spsrBank[bankOf(Mode.SVC)] = 0x600001d0; });
    expect(u(m.cpu.r[1]!)).toBe(0x600001d0);
    m = a32Run([MRS_R1_SPSR], 1, m => { toMode(m, Mode.USR); });
    expect(m.cpu.mode).toBe(Mode.UND);
    m = a32Run([MRS_R1_SPSR], 1, m => { toMode(m, Mode.SYS); m.cpu.spsrBank[0] = 0x12145678; });
    expect(u(m.cpu.r[1]!)).toBe(0x12145678);
  });
});

describe('MSR', () => {
  it('CPSR_f immediate and register write the flags', () => {
    let m = a32Run([MSR_CPSR_F_IMM], 1);
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v, m.cpu.q]).toEqual([1, 1, 1, 1, 0]);
    m = a32Run([MSR_CPSR_FSXC_R2], 1, m => { m.cpu.r[2] = 0x080f01d3 | 0; });
    expect([m.cpu.n, m.cpu.q, m.cpu.ge, m.cpu.mode]).toEqual([0, 1, 0xf, Mode.SVC]);
  });
  it('in User mode writes only NZCVQ, GE and E', () => {
    const m = a32Run([MSR_CPSR_FSXC_R2], 1, m => {
      toMode(m, Mode.USR); m.cpu.i = 0; m.cpu.f = 0; m.cpu.a = 0;
      m.cpu.r[2] = 0xf80f03d3 | 0; // flags, GE, E, A, I, F, mode SVC
    });
    expect(m.cpu.mode).toBe(Mode.USR);
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v, m.cpu.q, m.cpu.ge, m.cpu.e]).toEqual([1, 1, 1, 1, 1, 0xf, 1]);
    expect([m.cpu.a, m.cpu.i, m.cpu.f]).toEqual([0, 0, 0]);
  });
  it('privileged CPSR_c changes mode and banks r13/r14', () => {
    const m = machine();
    m.cpu.r[13] = 0x1111; m.cpu.r[14] = 0x2222;
    m.cpu.bankR13[bankOf(Mode.IRQ)] = 0x3333; m.cpu.bankR14[bankOf(Mode.IRQ)] = 0x4444;
    m.cpu.r[0] = 0x12;      // IRQ mode, A/I/F cleared by the c field
    m.cpu.r[1] = 0x13 | 0xc0;
    loadA32(m, [MSR_CPSR_FC_R0, 0xe1a0500d /* mov r5, sp */, 0xe129f001 /* msr CPSR_fc, r1 */]);
    steps(m, 2);
    expect(m.cpu.mode).toBe(Mode.IRQ);
    expect([m.cpu.r[13], m.cpu.r[14], m.cpu.r[5]]).toEqual([0x3333, 0x4444, 0x3333]);
    expect([m.cpu.i, m.cpu.f]).toEqual([0, 0]);
    steps(m, 1);
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect([m.cpu.r[13], m.cpu.r[14]]).toEqual([0x1111, 0x2222]);
    expect([m.cpu.i, m.cpu.f]).toEqual([1, 1]);
  });
  it('FIQ mode banks r8-r12', () => {
    const m = machine();
    for (let k = 8; k <= 12; k++) m.cpu.r[k] = k;
    m.cpu.r[0] = 0xd1; m.cpu.r[1] = 0xd3;
    loadA32(m, [MSR_CPSR_FC_R0, 0xe3a08063 /* mov r8, #99 */, 0xe129f001]);
    steps(m, 2);
    expect(m.cpu.mode).toBe(Mode.FIQ);
    expect(m.cpu.r[8]).toBe(99);
    steps(m, 1);
    expect(Array.from(m.cpu.r.slice(8, 13))).toEqual([8, 9, 10, 11, 12]);
    expect(m.cpu.fiqR8to12[0]).toBe(99);
  });
  it('never writes T, and ignores a change to a mode the CPU does not have', () => {
    let m = a32Run([MSR_CPSR_FC_R0], 1, m => { m.cpu.r[0] = 0x33; }); // T=1, SVC
    expect(m.cpu.t).toBe(0);
    expect(m.cpu.pc).toBe(CODE + 4);
    m = a32Run([MSR_CPSR_FC_R0], 1, m => { m.cpu.r[0] = 0x1a; }); // Hyp, I/F clear
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect([m.cpu.i, m.cpu.f]).toEqual([0, 0]);
    m = a32Run([MSR_CPSR_C_19], 1, m => { toMode(m, Mode.SYS); });
    expect(m.cpu.mode).toBe(Mode.SVC);
  });
  it('SPSR writes by field mask, immediate and register; UNDEF in User mode', () => {
    let m = a32Run([MSR_SPSR_FSXC_R3], 1, m => { m.cpu.r[3] = 0x12345678; });
    expect(u(m.cpu.spsrBank[bankOf(Mode.SVC)]!)).toBe(0x12145678); // bits 23:21 are not writable
    m = a32Run([MSR_SPSR_X_IMM], 1, m => { m.cpu.spsrBank[bankOf(Mode.SVC)] = 0x10; });
    expect(u(m.cpu.spsrBank[bankOf(Mode.SVC)]!)).toBe(0x210);
    m = a32Run([MSR_SPSR_FSXC_R3], 1, m => { toMode(m, Mode.USR); });
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('T32 MSR and MRS', () => {
    const m = thumbRun([t32('MSR_reg_T1', { R: 0, n: 0, k: 8 }), t32('MRS_T1', { R: 0, d: 1 })], 2,
      m => { m.cpu.r[0] = 0x90000000 | 0; });
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([1, 0, 0, 1]);
    expect(u(m.cpu.r[1]!)).toBe(0x900001d3);
  });
});

describe('CPS', () => {
  it('CPSID / CPSIE change the masks; a mode change banks registers', () => {
    let m = a32Run([CPSIE_AIF], 1);
    expect([m.cpu.a, m.cpu.i, m.cpu.f]).toEqual([0, 0, 0]);
    m = a32Run([CPSIE_AIF, CPSID_I], 2);
    expect([m.cpu.a, m.cpu.i, m.cpu.f]).toEqual([0, 1, 0]);
    m = a32Run([CPS_31], 1, m => { m.cpu.r[13] = 0x55; m.cpu.bankR13[0] = 0x77; });
    expect(m.cpu.mode).toBe(Mode.SYS);
    expect(m.cpu.r[13]).toBe(0x77);
    m = a32Run([CPS_31, CPSID_IF_19], 2, m => { m.cpu.i = 0; m.cpu.f = 0; });
    expect([m.cpu.mode, m.cpu.i, m.cpu.f]).toEqual([Mode.SVC, 1, 1]);
  });
  it('has no effect in User mode', () => {
    const m = a32Run([CPSIE_AIF, CPS_31], 2, m => { toMode(m, Mode.USR); });
    expect([m.cpu.mode, m.cpu.a, m.cpu.i, m.cpu.f]).toEqual([Mode.USR, 1, 1, 1]);
  });
  it('T16 and T32 forms', () => {
    let m = thumbRun([0xb667 /* cpsie aif */, 0xb672 /* cpsid i */], 2);
    expect([m.cpu.a, m.cpu.i, m.cpu.f]).toEqual([0, 1, 0]);
    m = thumbRun([0xf3af811f /* cps #31 */], 1);
    expect(m.cpu.mode).toBe(Mode.SYS);
  });
});

describe('SETEND', () => {
  it('makes data accesses big-endian (and back)', () => {
    const m = a32Run([SETEND_BE, LDR_R1_R0, SETEND_LE, 0xe5902000 /* ldr r2, [r0] */], 4, m => {
      m.cpu.r[0] = DATA; m.bus.write(DATA, 4, 0x11223344);
    });
    expect(u(m.cpu.r[1]!)).toBe(0x44332211);
    expect(u(m.cpu.r[2]!)).toBe(0x11223344);
    expect(m.cpu.e).toBe(0);
  });
  it('works in User mode and from Thumb', () => {
    const m = thumbRun([0xb658 /* setend be */], 1, m => { toMode(m, Mode.USR); });
    expect(m.cpu.e).toBe(1);
  });
});

describe('SRS / RFE', () => {
  it('SRSDB stores LR and SPSR on the given mode\'s stack, RFEIA returns through them', () => {
    const m = machine();
    toMode(m, Mode.IRQ);
    m.cpu.r[14] = CODE + 0x100;
    m.cpu.spsrBank[bankOf(Mode.IRQ)] = 0x60000030; // USR, Thumb, Z C
    m.cpu.bankR13[bankOf(Mode.SVC)] = DATA + 0x100;
    loadA32(m, [SRSDB_SP_W_19]);
    steps(m, 1);
    expect(u(m.cpu.bankR13[bankOf(Mode.SVC)]!)).toBe(DATA + 0xf8);
    expect(u(m.bus.read(DATA + 0xf8, 4))).toBe(CODE + 0x100);
    expect(u(m.bus.read(DATA + 0xfc, 4))).toBe(0x60000030);
    // now in SVC: rfeia r0!
    toMode(m, Mode.SVC);
    m.cpu.r[0] = DATA + 0xf8;
    loadA32(m, [RFEIA_R0_W], CODE + 0x40);
    steps(m, 1);
    expect(m.cpu.mode).toBe(Mode.USR);
    expect([m.cpu.t, m.cpu.z, m.cpu.c]).toEqual([1, 1, 1]);
    expect(m.cpu.pc).toBe(CODE + 0x100);
    expect(u(m.cpu.bankR13.length)).toBe(7); // usr/sys fiq irq svc abt und mon
    m.cpu.switchMode(Mode.SVC);
    expect(u(m.cpu.r[0]!)).toBe(DATA + 0x100);
  });
  it('SRS is UNDEFINED in User and System modes, RFE in User mode', () => {
    let m = a32Run([SRSDB_SP_W_19], 1, m => { toMode(m, Mode.SYS); });
    expect(m.cpu.mode).toBe(Mode.UND);
    m = a32Run([SRSDB_SP_W_19], 1, m => { toMode(m, Mode.USR); });
    expect(m.cpu.mode).toBe(Mode.UND);
    m = a32Run([RFEIA_R0_W], 1, m => { toMode(m, Mode.USR); m.cpu.r[0] = DATA; });
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('SRS to the current mode writes back SP; RFE to ARM aligns the PC', () => {
    const m = machine();
    m.cpu.r[13] = DATA + 0x20; m.cpu.r[14] = CODE + 0x203; // lr with low bits set
    m.cpu.spsrBank[bankOf(Mode.SVC)] = 0x1d3;
    loadA32(m, [SRSDB_SP_W_19, 0xf8bd0a00 /* rfeia sp! */]);
    steps(m, 2);
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(m.cpu.pc).toBe(CODE + 0x200);
    expect(u(m.cpu.r[13]!)).toBe(DATA + 0x20);
  });
  it('T32 SRSDB / RFEIA', () => {
    const m = machine();
    m.cpu.r[13] = DATA + 0x40; m.cpu.r[14] = CODE + 0x81;
    m.cpu.spsrBank[bankOf(Mode.SVC)] = 0x1d3 | 0x20;
    loadThumb(m, [0xe82dc013 /* srsdb sp!, #19 */, 0xe9bdc000 /* rfeia sp! */]);
    steps(m, 2);
    expect([m.cpu.pc, m.cpu.t]).toEqual([CODE + 0x80, 1]);
    expect(u(m.cpu.r[13]!)).toBe(DATA + 0x40);
  });
});

describe('exceptions', () => {
  it('SVC: SVC mode, LR = next, SPSR = old CPSR, vector 0x08', () => {
    const m = a32Run([SVC_123456], 1, m => { toMode(m, Mode.USR); m.cpu.z = 1; m.cpu.i = 0; });
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(u(m.cpu.r[14]!)).toBe(CODE + 4);
    expect(u(m.cpu.spsr)).toBe(0x40000150);
    expect(m.cpu.pc).toBe(0x08);
    expect(m.cpu.i).toBe(1);
  });
  it('SVC honours VBAR, SCTLR.V (high vectors) and SCTLR.TE (Thumb handlers)', () => {
    let m = a32Run([SVC_123456], 1, m => { m.cpu.vbar = DATA; });
    expect(m.cpu.pc).toBe(DATA + 8);
    m = a32Run([SVC_123456], 1, m => { m.cpu.vbar = DATA; m.cpu.sctlr |= 1 << 13; });
    expect(m.cpu.pc).toBe(0xffff0008);
    m = a32Run([SVC_123456], 1, m => { m.cpu.sctlr |= 1 << 30; });
    expect(m.cpu.t).toBe(1);
  });
  it('Thumb SVC: LR = next (2 bytes on)', () => {
    const m = thumbRun([0xbf00, 0xdf05 /* svc 5 */], 2);
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(u(m.cpu.r[14]!)).toBe(CODE + 4);
    expect(u(m.cpu.spsr) & 0x20).toBe(0x20);
  });
  it('UDF: undefined-instruction exception in all three sets', () => {
    let m = a32Run([UDF_1234], 1);
    expect([m.cpu.mode, m.cpu.pc, u(m.cpu.r[14]!)]).toEqual([Mode.UND, 4, CODE + 4]);
    m = thumbRun([0xde12], 1);
    expect([m.cpu.mode, m.cpu.pc, u(m.cpu.r[14]!)]).toEqual([Mode.UND, 4, CODE + 2]);
    // 32-bit UDF.W: LR = PC-2 = address+2 as for every Thumb UNDEF (ARM ARM; QEMU, found by
    // the random tester as regression t32-undef-lr).
    m = thumbRun([0xf7f1a234], 1);
    expect([m.cpu.mode, m.cpu.pc, u(m.cpu.r[14]!)]).toEqual([Mode.UND, 4, CODE + 2]);
  });
  it('a conditional UDF whose condition fails does nothing (QEMU checks the condition first)', () => {
    const m = a32Run([a32('UDF', { c: 0, i: 1 })], 1, m => { m.cpu.z = 0; });
    expect([m.cpu.mode, m.cpu.pc]).toEqual([Mode.SVC, CODE + 4]);
  });
  it('BKPT: prefetch abort, IFSR = debug event, IFAR = 0, LR = BKPT + 4', () => {
    let m = a32Run([BKPT_1234], 1, m => { m.cpu.ifar = 123; });
    expect([m.cpu.mode, m.cpu.pc, u(m.cpu.r[14]!)]).toEqual([Mode.ABT, 0x0c, CODE + 4]);
    expect([m.cpu.ifsr, m.cpu.ifar, m.cpu.a, m.cpu.i]).toEqual([2, 0, 1, 1]);
    m = thumbRun([0xbf00, 0xbeab], 2);
    expect([m.cpu.mode, m.cpu.pc, u(m.cpu.r[14]!)]).toEqual([Mode.ABT, 0x0c, CODE + 6]);
  });
  it('WFI waits for an interrupt; WFE/YIELD/SEV do not', () => {
    const m = machine();
    loadA32(m, [0xe320f002, 0xe320f001, 0xe320f004, a32('WFI', {}), 0xe320f000]);
    const r = m.engine.run(100);
    expect(r.kind).toBe('wfi');
    expect(m.cpu.waiting).toBe(true);
    expect(m.cpu.pc).toBe(CODE + 16);
    m.cpu.irqLine = true; // masked, but still wakes WFI
    m.engine.step();
    expect(m.cpu.waiting).toBe(false);
    expect(m.cpu.pc).toBe(CODE + 20);
    const t = thumbRun([0xbf30], 1);
    expect(t.cpu.waiting).toBe(true);
    const w = thumbRun([0xf3af8003], 1);
    expect(w.cpu.waiting).toBe(true);
  });
  it('unallocated words of the control spaces are UNDEFINED (A9 has no v7VE, no v8 SB)', () => {
    for (const w of [0xe10f0200 /* mrs r0, r8_usr (banked) */, 0xe160006e /* eret */]) {
      const m = a32Run([w], 1);
      expect(m.cpu.mode).toBe(Mode.UND);
    }
    // T32 branch space with cond=111x that no control encoding claims (v8 SB)
    for (const w of [0xf3bf8f70]) {
      const m = thumbRun([w], 1);
      expect(m.cpu.mode).toBe(Mode.UND);
    }
    // T16 BX with non-zero low bits (v8-M BXNS)
    expect(thumbRun([0x471c], 1).cpu.mode).toBe(Mode.UND);
  });
  it('HLT is UNDEFINED without semihosting and for other immediates', () => {
    let m = a32Run([HLT_F000], 1);
    expect(m.cpu.mode).toBe(Mode.UND);
    m = a32Run([a32('HLT', { i: 1 })], 1, undefined, { semihosting: true });
    expect(m.cpu.mode).toBe(Mode.UND);
    m = thumbRun([0xbabc], 1);
    expect(m.cpu.mode).toBe(Mode.UND);
  });
});

describe('semihosting traps', () => {
  const host = (m: Machine) => {
    const fn = vi.fn((c: typeof m.cpu) => { c.r[0] = c.r[0]! + 100; });
    m.cpu.host.semihosting = fn;
    m.cpu.r[0] = 5;
    return fn;
  };
  it('SVC 0x123456 (A32), SVC 0xAB (T16), HLT 0xF000 (A32), HLT 0x3C (T16) call the host', () => {
    for (const [run, code] of [[a32Run, SVC_123456], [thumbRun, 0xdfab], [a32Run, HLT_F000], [thumbRun, 0xbabc]] as const) {
      let fn: ReturnType<typeof host> | undefined;
      const m = (run as typeof a32Run)([code], 1, m => { fn = host(m); }, { semihosting: true });
      expect(fn!).toHaveBeenCalledTimes(1);
      expect(m.cpu.r[0]).toBe(105);
      expect(m.cpu.mode).toBe(Mode.SVC);
      expect(m.cpu.pc).toBe(CODE + (code > 0xffff ? 4 : 2));
    }
  });
  it('in User mode they are an ordinary SVC / UNDEF', () => {
    let fn: ReturnType<typeof host> | undefined;
    let m = a32Run([SVC_123456], 1, m => { fn = host(m); toMode(m, Mode.USR); }, { semihosting: true });
    expect(fn!).not.toHaveBeenCalled();
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(m.cpu.pc).toBe(8);
    m = thumbRun([0xbabc], 1, m => { fn = host(m); toMode(m, Mode.USR); }, { semihosting: true });
    expect(fn!).not.toHaveBeenCalled();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('without the option, SVC 0x123456 is an ordinary SVC', () => {
    let fn: ReturnType<typeof host> | undefined;
    const m = a32Run([SVC_123456], 1, m => { fn = host(m); });
    expect(fn!).not.toHaveBeenCalled();
    expect(m.cpu.pc).toBe(8);
  });
  it('a host that halts the CPU stops the run loop', () => {
    const m = machine({ semihosting: true });
    m.cpu.host.semihosting = c => { c.halted = { kind: 'exit', code: 0 }; };
    loadA32(m, [SVC_123456, 0xe3a00001]);
    expect(m.engine.run(100).kind).toBe('halted');
    expect(m.cpu.r[0]).toBe(0);
  });
});

describe('exception return: SUBS PC, LR, #imm (T32)', () => {
  it('restores CPSR from SPSR and jumps to LR - imm, state from the SPSR', () => {
    const m = thumbRun([t32('SUBS_PC_LR', { i: 4 })], 1, m => {
      toMode(m, Mode.IRQ);
      m.cpu.r[14] = CODE + 0x104;
      m.cpu.spsrBank[bankOf(Mode.IRQ)] = 0x80000010; // USR, ARM, N
    });
    expect([m.cpu.mode, m.cpu.t, m.cpu.n, m.cpu.pc]).toEqual([Mode.USR, 0, 1, CODE + 0x100]);
  });
  it('returns to Thumb with a halfword-aligned PC', () => {
    const m = thumbRun([t32('SUBS_PC_LR', { i: 0 })], 1, m => {
      m.cpu.r[14] = CODE + 0x43;
      m.cpu.spsrBank[bankOf(Mode.SVC)] = 0x1f | 0x20;
    });
    expect([m.cpu.mode, m.cpu.t, m.cpu.pc]).toEqual([Mode.SYS, 1, CODE + 0x42]);
  });
  it('is UNDEFINED in User mode', () => {
    const m = thumbRun([t32('SUBS_PC_LR', { i: 4 })], 1, m => { toMode(m, Mode.USR); });
    expect(m.cpu.mode).toBe(Mode.UND);
  });
});

void t16;
