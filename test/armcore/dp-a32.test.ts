// A32 data processing: hand-checked values for every operand form, the flag edge cases, PC as
// operand and destination, the exception-return forms, MOVW/MOVT and QEMU's UNDEFINED spaces.
import { describe, expect, it } from 'vitest';
import { a32, execA32, machine, loadA32, CODE, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

/** Run one A32 instruction with registers and flags preset; returns the machine. */
function one(word: number, regs: Record<number, number> = {}, flags: Partial<Record<'n' | 'z' | 'c' | 'v', number>> = {},
  setup?: (m: Machine) => void): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  Object.assign(m.cpu, flags);
  setup?.(m);
  loadA32(m, [word]);
  m.engine.step();
  return m;
}
const nzcv = (m: Machine) => [m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v];

describe('A32 arithmetic flags', () => {
  it('ADDS: unsigned carry and signed overflow', () => {
    // adds r0, r1, r2 with 0x7fffffff + 1: N=1, V=1, C=0
    let m = one(a32('ADD_reg', { S: 1, n: 1, d: 0, i: 0, y: 0, m: 2 }), { 1: 0x7fffffff, 2: 1 });
    expect(u32(m.cpu.r[0]!)).toBe(0x80000000);
    expect(nzcv(m)).toEqual([1, 0, 0, 1]);
    // 0xffffffff + 1 = 0: Z=1, C=1, V=0
    m = one(a32('ADD_imm', { S: 1, n: 1, d: 0, r: 0, v: 1 }), { 1: -1 });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
  it('SUBS / CMP: C is NOT borrow', () => {
    let m = one(a32('SUB_imm', { S: 1, n: 1, d: 0, r: 0, v: 5 }), { 1: 5 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(a32('CMP_imm', { n: 1, r: 0, v: 6 }), { 1: 5 });
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
    expect(m.cpu.r[0]).toBe(0); // CMP writes no register
    // 0x80000000 - 1 overflows
    m = one(a32('CMP_imm', { n: 1, r: 0, v: 1 }), { 1: 0x80000000 | 0 });
    expect(nzcv(m)).toEqual([0, 0, 1, 1]);
  });
  it('ADC / SBC / RSC use the carry in', () => {
    let m = one(a32('ADC_imm', { S: 1, n: 1, d: 0, r: 0, v: 0 }), { 1: -1 }, { c: 1 });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(a32('ADC_imm', { S: 0, n: 1, d: 0, r: 0, v: 2 }), { 1: 40 }, { c: 1 });
    expect(m.cpu.r[0]).toBe(43);
    // SBC with C=0 subtracts one more; 0 - 0 - 1 = -1, C=0
    m = one(a32('SBC_reg', { S: 1, n: 1, d: 0, i: 0, y: 0, m: 2 }), { 1: 0, 2: 0 }, { c: 0 });
    expect(m.cpu.r[0]).toBe(-1);
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
    // SBC with C=1 is plain subtraction: 0 - 0 = 0, C=1
    m = one(a32('SBC_reg', { S: 1, n: 1, d: 0, i: 0, y: 0, m: 2 }), { 1: 0, 2: 0 }, { c: 1 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    // RSC r0, r1, #10 with C=0: 10 - 3 - 1 = 6
    m = one(a32('RSC_imm', { S: 0, n: 1, d: 0, r: 0, v: 10 }), { 1: 3 }, { c: 0 });
    expect(m.cpu.r[0]).toBe(6);
    // RSB r0, r1, #0 = -r1
    m = one(a32('RSB_imm', { S: 1, n: 1, d: 0, r: 0, v: 0 }), { 1: 0x80000000 | 0 });
    expect(u32(m.cpu.r[0]!)).toBe(0x80000000);
    expect(nzcv(m)).toEqual([1, 0, 0, 1]);
  });
});

describe('A32 logical flags and the shifter carry', () => {
  it('immediate with rotation sets C from bit 31, without rotation leaves C', () => {
    let m = one(a32('AND_imm', { S: 1, n: 1, d: 0, r: 1, v: 2 }), { 1: -1 }, { c: 0, v: 1 }); // #0x80000000
    expect(u32(m.cpu.r[0]!)).toBe(0x80000000);
    expect(nzcv(m)).toEqual([1, 0, 1, 1]); // V unchanged
    m = one(a32('ORR_imm', { S: 1, n: 1, d: 0, r: 0, v: 0 }), { 1: 0 }, { c: 1 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(a32('TST_imm', { n: 1, r: 4, v: 0x10 }), { 1: 0 }, { c: 1 }); // #0x10000000: rotated, C = 0
    expect(nzcv(m)).toEqual([0, 1, 0, 0]);
    m = one(a32('MVN_imm', { S: 1, d: 3, r: 0, v: 0 }));
    expect(m.cpu.r[3]).toBe(-1);
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
  });
  it('immediate shifts: LSL #1, LSR #32, ASR #32, ROR, RRX', () => {
    let m = one(a32('MOV_reg', { S: 1, d: 0, i: 1, y: 0, m: 1 }), { 1: 0x80000001 | 0 });
    expect(m.cpu.r[0]).toBe(2);
    expect(nzcv(m)).toEqual([0, 0, 1, 0]);
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 1, m: 1 }), { 1: 0x80000000 | 0 }); // lsr #32
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 2, m: 1 }), { 1: 0x80000000 | 0 }); // asr #32
    expect(m.cpu.r[0]).toBe(-1);
    expect(nzcv(m)).toEqual([1, 0, 1, 0]);
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 4, y: 3, m: 1 }), { 1: 0x18 }); // ror #4
    expect(u32(m.cpu.r[0]!)).toBe(0x80000001);
    expect(nzcv(m)).toEqual([1, 0, 1, 0]);
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 3, m: 1 }), { 1: 3 }, { c: 1 }); // rrx
    expect(u32(m.cpu.r[0]!)).toBe(0x80000001);
    expect(nzcv(m)).toEqual([1, 0, 1, 0]);
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 3, m: 1 }), { 1: 2 }, { c: 0 }); // rrx, C out 0
    expect(m.cpu.r[0]).toBe(1);
    expect(m.cpu.c).toBe(0);
    // plain MOVS leaves C
    m = one(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 0, m: 1 }), { 1: 0 }, { c: 1 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
  it('register shifts by 0, 1, 31, 32, 33 and by the bottom byte only', () => {
    const lsl = a32('MOV_rsr', { S: 1, d: 0, s: 2, y: 0, m: 1 });
    const lsr = a32('MOV_rsr', { S: 1, d: 0, s: 2, y: 1, m: 1 });
    const asr = a32('MOV_rsr', { S: 1, d: 0, s: 2, y: 2, m: 1 });
    const ror = a32('MOV_rsr', { S: 1, d: 0, s: 2, y: 3, m: 1 });
    const x = 0x80000001 | 0;
    const cases: [number, number, number, number][] = [
      // word, amount, result, C out (carry in is 1)
      [lsl, 0, x, 1], [lsl, 1, 2, 1], [lsl, 31, 0x80000000 | 0, 0], [lsl, 32, 0, 1], [lsl, 33, 0, 0],
      [lsl, 0x101, 2, 1], // bottom byte = 1
      [lsr, 0, x, 1], [lsr, 1, 0x40000000, 1], [lsr, 31, 1, 0], [lsr, 32, 0, 1], [lsr, 33, 0, 0],
      [asr, 0, x, 1], [asr, 1, 0xc0000000 | 0, 1], [asr, 31, -1, 0], [asr, 32, -1, 1], [asr, 33, -1, 1], [asr, 255, -1, 1],
      [ror, 0, x, 1], [ror, 1, 0xc0000000 | 0, 1], [ror, 31, 3, 0], [ror, 32, x, 1], [ror, 33, 0xc0000000 | 0, 1],
    ];
    for (const [w, amt, res, cout] of cases) {
      const m = one(w, { 1: x, 2: amt }, { c: 1 });
      expect([m.cpu.r[0], m.cpu.c], `${w.toString(16)} by ${amt}`).toEqual([res, cout]);
    }
    // amount 0 leaves C whatever it was
    expect(one(lsr, { 1: x, 2: 0x100 }, { c: 0 }).cpu.c).toBe(0);
  });
  it('register-shifted operand in arithmetic: C comes from the adder', () => {
    // add r0, r3, r1, lsl r2 : 1 + (0x80000001 << 1) = 3, C from the add = 0
    const m = one(a32('ADD_rsr', { S: 1, n: 3, d: 0, s: 2, y: 0, m: 1 }), { 1: 0x80000001 | 0, 2: 1, 3: 1 }, { c: 1 });
    expect(m.cpu.r[0]).toBe(3);
    expect(nzcv(m)).toEqual([0, 0, 0, 0]);
  });
  it('BIC, EOR, TEQ with shifted registers', () => {
    let m = one(a32('BIC_reg', { S: 0, n: 1, d: 0, i: 4, y: 0, m: 2 }), { 1: 0xff, 2: 0xf });
    expect(m.cpu.r[0]).toBe(0x0f);
    m = one(a32('EOR_rsr', { S: 0, n: 1, d: 0, s: 3, y: 1, m: 2 }), { 1: 0xff, 2: 0xf0, 3: 4 });
    expect(m.cpu.r[0]).toBe(0xf0);
    m = one(a32('TEQ_reg', { n: 1, i: 0, y: 0, m: 2 }), { 1: 7, 2: 7 });
    expect(m.cpu.z).toBe(1);
  });
});

describe('A32 PC as an operand', () => {
  it('ADR is ADD/SUB with Rn=PC (PC reads as the address + 8)', () => {
    let m = one(a32('ADD_imm', { S: 0, n: 15, d: 0, r: 0, v: 8 }));
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 16);
    m = one(a32('SUB_imm', { S: 0, n: 15, d: 0, r: 0, v: 8 }));
    expect(u32(m.cpu.r[0]!)).toBe(CODE);
  });
  it('register-shifted register with PC operands reads PC+8 (as QEMU)', () => {
    const m = one(a32('ADD_rsr', { S: 0, n: 15, d: 0, s: 2, y: 0, m: 1 }), { 1: 1, 2: 2 });
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 8 + 4);
  });
});

describe('A32 PC as the destination', () => {
  it('ADD pc, ... is ALUWritePC: interworks to Thumb on bit 0', () => {
    const m = one(a32('ADD_reg', { S: 0, n: 0, d: 15, i: 0, y: 0, m: 1 }), { 0: 0x60002000, 1: 1 });
    expect(m.cpu.pc).toBe(0x60002000);
    expect(m.cpu.t).toBe(1);
  });
  it('MOV pc, lr returns in ARM state', () => {
    const m = one(a32('MOV_reg', { S: 0, d: 15, i: 0, y: 0, m: 14 }), { 14: 0x60003004 });
    expect(m.cpu.pc).toBe(0x60003004);
    expect(m.cpu.t).toBe(0);
  });
  it('a PC write ends the block', () => {
    const m = machine();
    m.cpu.r[0] = 0x60002000;
    loadA32(m, [a32('MOV_reg', { S: 0, d: 15, i: 0, y: 0, m: 0 }), a32('MOV_imm', { S: 0, d: 1, r: 0, v: 1 })]);
    m.bus.write(0x60002000, 4, a32('MOV_imm', { S: 0, d: 2, r: 0, v: 2 }));
    m.engine.run(2);
    expect(m.cpu.r[1]).toBe(0);
    expect(m.cpu.r[2]).toBe(2);
  });
  it('ADDS pc sets the flags and branches (QEMU: no exception return but for SUBS/MOVS)', () => {
    const m = one(a32('ADD_imm', { S: 1, n: 0, d: 15, r: 0, v: 0 }), { 0: 0x60002000 }, { z: 1 });
    expect(m.cpu.pc).toBe(0x60002000);
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect(m.cpu.z).toBe(0);
  });
});

describe('A32 exception return (SUBS pc, lr / MOVS pc, lr)', () => {
  it('SUBS pc, lr, #4 restores CPSR from SPSR and branches with its T bit', () => {
    // IRQ mode, SPSR = user mode, Thumb, Z set
    const m = one(0xe25ef004, {}, {}, mm => {
      mm.cpu.switchMode(Mode.IRQ);
      mm.cpu.r[14] = 0x60004005 + 4 - 1; // returns to 0x60004004 (Thumb, bit 0 cleared)
      mm.cpu.spsr = (Mode.USR | 0x20 | 0x40000000);
    });
    expect(m.cpu.mode).toBe(Mode.USR);
    expect(m.cpu.t).toBe(1);
    expect(m.cpu.z).toBe(1);
    expect(m.cpu.pc).toBe(0x60004004);
  });
  it('MOVS pc, lr (0xe1b0f00e) returns to ARM state and does not set flags from the result', () => {
    const m = one(0xe1b0f00e, {}, {}, mm => {
      mm.cpu.switchMode(Mode.SVC);
      mm.cpu.r[14] = 0x60005000;
      mm.cpu.spsr = Mode.SYS | 0x80000000;
    });
    expect(m.cpu.mode).toBe(Mode.SYS);
    expect(m.cpu.t).toBe(0);
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
    expect(m.cpu.pc).toBe(0x60005000);
  });
  it('in System mode loads the (empty) usr/sys SPSR slot, keeping the mode (QEMU 7.2 observed)', () => {
    // On QEMU: cps #0x1f; adr lr, 1f; movs pc, lr  ->  CPSR 0x0000001f afterwards, lands at 1f
    const m = one(0xe1b0f00e, {}, {}, mm => {
      mm.cpu.setCpsr(0x200701df);
      mm.cpu.r[14] = 0x60005000;
    });
    expect(m.cpu.cpsr).toBe(0x0000001f);
    expect(m.cpu.pc).toBe(0x60005000);
  });
  it('is UNDEFINED in User mode (QEMU)', () => {
    const m = machine();
    m.cpu.setCpsr(Mode.USR | 0x1c0);
    m.cpu.r[14] = 0x60005000;
    loadA32(m, [0xe25ef004]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
    expect(m.cpu.pc).toBe(4);
  });
});

describe('A32 MOVW, MOVT and the UNDEFINED spaces', () => {
  it('MOVW then MOVT builds a 32-bit constant', () => {
    const m = execA32([0xe3010234, 0xe34a0bcd]); // movw r0, #0x1234; movt r0, #0xabcd
    expect(u32(m.cpu.r[0]!)).toBe(0xabcd1234);
  });
  it('MOVT keeps the low half', () => {
    const m = execA32([a32('MOVT', { d: 3, k: 0x8, v: 1 })], { 3: 0x1234ffff });
    expect(u32(m.cpu.r[3]!)).toBe(0x8001ffff);
  });
  it('TST with Rd != 0 and MOV with Rn != 0 are UNDEFINED (as QEMU)', () => {
    for (const w of [0xe3110001 | (1 << 12), 0xe1a00001 | (1 << 16)]) {
      const m = machine();
      loadA32(m, [w >>> 0]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('conditional: ADDEQ skipped when Z=0, run when Z=1', () => {
    expect(one(0x00800000 | (1 << 12) | 2, { 2: 5 }, { z: 0 }).cpu.r[1]).toBe(0); // addeq r1, r0, r2
    expect(one(0x00800000 | (1 << 12) | 2, { 2: 5 }, { z: 1 }).cpu.r[1]).toBe(5);
  });
});
