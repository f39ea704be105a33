// T32 data processing: modified immediates and their carry, plain binary immediates (ADDW, SUBW,
// ADR, MOVW, MOVT), ORN, register-controlled shifts, and the UNPREDICTABLE PC/SP forms as QEMU.
import { describe, expect, it } from 'vitest';
import { t32, machine, loadThumb, execThumb, CODE, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

function one(insn: number, regs: Record<number, number> = {}, flags: Partial<Record<'n' | 'z' | 'c' | 'v' | 'it', number>> = {},
  at = CODE, setup?: (m: Machine) => void): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  loadThumb(m, [insn], at);
  Object.assign(m.cpu, flags);
  setup?.(m);
  m.engine.step();
  return m;
}
const nzcv = (m: Machine) => [m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v];

describe('T32 modified immediate', () => {
  it('expands the four replicated patterns and rotations', () => {
    const cases: [number, number][] = [[0x0ab, 0xab], [0x1ab, 0x00ab00ab], [0x2ab, 0xab00ab00 | 0], [0x3ab, 0xabababab | 0],
      [0x400, 0x80000000 | 0], [0x4ff, 0x7f800000], [0x47f, 0xff000000 | 0], [0xfff, 0x1fe]];
    for (const [imm12, v] of cases) {
      expect(one(t32('MOV_imm', { i: imm12, S: 0, d: 0 })).cpu.r[0], imm12.toString(16)).toBe(v);
    }
  });
  it('logical S=1: C from the rotation, unchanged without one', () => {
    let m = one(0xf05f4000, {}, { c: 0 }); // movs.w r0, #0x80000000
    expect(nzcv(m)).toEqual([1, 0, 1, 0]);
    m = one(t32('AND_imm', { i: 0x0ff, S: 1, n: 1, d: 0 }), { 1: 0x100 }, { c: 1 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(t32('TST_imm', { i: 0x4ff, n: 1 }), { 1: 1 }, { c: 0 }); // #0x7f800000, rotated, bit 31 = 0
    expect(nzcv(m)).toEqual([0, 1, 0, 0]);
  });
  it('ORN and MVN', () => {
    expect(one(0xf0610001, { 1: 0 }).cpu.r[0]).toBe(-2); // orn r0, r1, #1
    expect(one(0xf06f0001).cpu.r[0]).toBe(-2); // mvn.w r0, #1
  });
  it('arithmetic: SUB.W, RSB, ADC, SBC, CMN', () => {
    expect(one(0xf1a10001, { 1: 0 }).cpu.r[0]).toBe(-1); // sub.w r0, r1, #1
    expect(one(0xf1c10001, { 1: 3 }).cpu.r[0]).toBe(-2); // rsb r0, r1, #1
    expect(one(0xf1410001, { 1: 3 }, { c: 1 }).cpu.r[0]).toBe(5); // adc.w r0, r1, #1
    expect(one(0xf1610001, { 1: 3 }, { c: 0 }).cpu.r[0]).toBe(1); // sbc.w r0, r1, #1
    const m = one(0xf1100f01, { 0: -1 }); // cmn.w r0, #1
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
  it('ADD.W sp, sp, #8', () => {
    expect(u32(one(0xf10d0d08, { 13: 0x60010000 }).cpu.r[13]!)).toBe(0x60010008);
  });
  it('ADD.W with Rn=PC reads PC+4 unaligned (QEMU)', () => {
    const m = one(t32('ADD_imm', { i: 4, S: 0, n: 15, d: 0 }), {}, {}, CODE + 2);
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 2 + 4 + 4);
  });
});

describe('T32 plain binary immediate', () => {
  it('ADDW / SUBW take a 12-bit immediate', () => {
    expect(one(t32('ADD_imm_T4', { i: 0xfff, n: 1, d: 0 }), { 1: 1 }).cpu.r[0]).toBe(0x1000);
    expect(one(t32('SUB_imm_T4', { i: 0x801, n: 1, d: 0 }), { 1: 1 }).cpu.r[0]).toBe(-0x800);
  });
  it('ADR (addw/subw Rd, pc) uses Align(PC, 4)', () => {
    let m = one(0xf20f0001, {}, {}, CODE + 2); // addw r0, pc, #1 at CODE+2: Align(CODE+6) = CODE+4
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 5);
    m = one(0xf2af0001, {}, {}, CODE); // subw r0, pc, #1
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 3);
  });
  it('MOVW then MOVT', () => {
    const m = execThumb([0xf2412034, 0xf2c12034]); // movw r0, #0x1234; movt r0, #0x1234
    expect(u32(m.cpu.r[0]!)).toBe(0x12341234);
    expect(u32(one(t32('MOV_imm_T3', { k: 0xf, i: 1, v: 0x7ff, d: 5 })).cpu.r[5]!)).toBe(0xffff);
  });
});

describe('T32 shifted register', () => {
  it('MOV.W with shifts and RRX', () => {
    let m = one(0xea5f00d1, { 1: 0xf }); // movs.w r0, r1, lsr #3
    expect(m.cpu.r[0]).toBe(1);
    expect(m.cpu.c).toBe(1);
    m = one(0xea4f0031, { 1: 3 }, { c: 1 }); // mov.w r0, r1, rrx (no S: C unchanged)
    expect(u32(m.cpu.r[0]!)).toBe(0x80000001);
    expect(m.cpu.c).toBe(1);
  });
  it('ORN (register), TEQ, CMP.W', () => {
    expect(one(0xea610002, { 1: 0, 2: 0 }).cpu.r[0]).toBe(-1); // orn r0, r1, r2
    expect(one(0xea900f01, { 0: 5, 1: 5 }).cpu.z).toBe(1); // teq r0, r1
    expect(nzcv(one(0xebb00f01, { 0: 5, 1: 6 }))).toEqual([1, 0, 0, 0]); // cmp.w r0, r1
  });
  it('ANDS.W r0, r1, r2, lsr #32 takes C from bit 31', () => {
    const m = one(0xea110012, { 1: -1, 2: 0x80000000 | 0 }, { c: 0 });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
});

describe('T32 register-controlled shifts', () => {
  it('LSL.W / LSRS.W / ASR.W / ROR.W', () => {
    expect(one(0xfa01f002, { 1: 1, 2: 31 }).cpu.r[0]).toBe(0x80000000 | 0); // lsl.w r0, r1, r2
    let m = one(0xfa31f002, { 1: 0x80000000 | 0, 2: 32 }); // lsrs.w r0, r1, r2
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    expect(one(0xfa41f002, { 1: 0x80000000 | 0, 2: 40 }).cpu.r[0]).toBe(-1); // asr.w
    expect(u32(one(0xfa61f002, { 1: 1, 2: 0x21 }).cpu.r[0]!)).toBe(0x80000000); // ror.w by 33
  });
});

describe('T32 PC destination (UNPREDICTABLE, as QEMU)', () => {
  it('MOV.W pc, r0 branches without interworking', () => {
    const m = one(t32('MOV_reg', { S: 0, i: 0, d: 15, y: 0, m: 0 }), { 0: 0x60002001 });
    expect(m.cpu.pc).toBe(0x60002000);
    expect(m.cpu.t).toBe(1);
  });
  it('MOVS.W pc, lr is an exception return', () => {
    const m = one(t32('MOV_reg', { S: 1, i: 0, d: 15, y: 0, m: 14 }), {}, {}, CODE, mm => {
      mm.cpu.switchMode(Mode.SVC);
      mm.cpu.r[14] = 0x60006000;
      mm.cpu.spsr = Mode.USR | 0x60000000; // ARM state, Z and C
    });
    expect(m.cpu.mode).toBe(Mode.USR);
    expect(m.cpu.t).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    expect(m.cpu.pc).toBe(0x60006000);
  });
  it('ADDW pc, r1, #imm branches', () => {
    const m = one(t32('ADD_imm_T4', { i: 4, n: 1, d: 15 }), { 1: 0x60002000 });
    expect(m.cpu.pc).toBe(0x60002004);
  });
  it('undefined opcodes in the modified-immediate space are UNDEFINED', () => {
    const m = one(0xf0a10001); // opcode 0101
    expect(m.cpu.mode).toBe(Mode.UND);
  });
});
