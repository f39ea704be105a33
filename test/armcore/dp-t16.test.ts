// T16 data processing: flag setting inside and outside IT blocks, the high-register forms (PC
// destination is a plain branch), ADR alignment, SP arithmetic.
import { describe, expect, it } from 'vitest';
import { t16, machine, loadThumb, execThumb, CODE, u32, type Machine } from '../harness.js';

/** Run one Thumb instruction with registers, flags and ITSTATE preset. */
function one(insn: number, regs: Record<number, number> = {}, flags: Partial<Record<'n' | 'z' | 'c' | 'v' | 'it', number>> = {},
  at = CODE): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  loadThumb(m, [insn], at);
  Object.assign(m.cpu, flags);
  m.engine.step();
  return m;
}
const nzcv = (m: Machine) => [m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v];
/** ITSTATE for a one-instruction IT block with condition `cond`. */
const it1 = (cond: number) => (cond << 4) | 0x8;

describe('T16 flag setting and IT blocks', () => {
  it('ADDS (reg) outside IT sets the flags', () => {
    const m = one(t16('ADD_reg', { m: 2, n: 1, d: 0 }), { 1: -1, 2: 1 });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
  it('ADD (reg) inside an IT AL block does not set the flags', () => {
    const m = one(t16('ADD_reg', { m: 2, n: 1, d: 0 }), { 1: -1, 2: 1 }, { it: it1(14) });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 0, 0, 0]);
    expect(m.cpu.it).toBe(0);
  });
  it('inside IT EQ the instruction is conditional', () => {
    expect(one(t16('MOV_imm', { d: 0, v: 9 }), {}, { it: it1(0), z: 0 }).cpu.r[0]).toBe(0);
    const m = one(t16('MOV_imm', { d: 0, v: 9 }), {}, { it: it1(0), z: 1 });
    expect(m.cpu.r[0]).toBe(9);
    expect(m.cpu.z).toBe(1); // MOV inside IT: no flags
  });
  it('CMP/CMN/TST set flags inside IT blocks too', () => {
    let m = one(t16('CMP_imm', { n: 0, v: 1 }), { 0: 1 }, { it: it1(14) });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(t16('TST_reg', { m: 1, n: 0 }), { 0: 0x80000000 | 0, 1: -1 }, { it: it1(14) });
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
    m = one(t16('CMN_reg', { m: 1, n: 0 }), { 0: 0x7fffffff, 1: 1 }, { it: it1(14) });
    expect(nzcv(m)).toEqual([1, 0, 0, 1]);
  });
  it('LSLS by register inside IT does not touch C', () => {
    const m = one(t16('LSL_reg', { m: 1, d: 0 }), { 0: -1, 1: 4 }, { it: it1(14), c: 0 });
    expect(m.cpu.r[0]).toBe(-16);
    expect(m.cpu.c).toBe(0);
    const o = one(t16('LSL_reg', { m: 1, d: 0 }), { 0: -1, 1: 4 }, { c: 0 });
    expect(o.cpu.c).toBe(1);
  });
});

describe('T16 forms', () => {
  it('LSL #0 is MOVS (C unchanged), LSR #0 is LSR #32', () => {
    let m = one(t16('LSL_imm', { i: 0, m: 1, d: 0 }), { 1: 0x80000000 | 0 }, { c: 1 });
    expect(u32(m.cpu.r[0]!)).toBe(0x80000000);
    expect(nzcv(m)).toEqual([1, 0, 1, 0]);
    m = one(t16('LSR_imm', { i: 0, m: 1, d: 0 }), { 1: 0x80000000 | 0 });
    expect(m.cpu.r[0]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(t16('ASR_imm', { i: 1, m: 1, d: 0 }), { 1: -3 });
    expect(m.cpu.r[0]).toBe(-2);
    expect(m.cpu.c).toBe(1);
  });
  it('ROR by register', () => {
    const m = one(t16('ROR_reg', { m: 1, d: 0 }), { 0: 1, 1: 33 });
    expect(u32(m.cpu.r[0]!)).toBe(0x80000000);
    expect(m.cpu.c).toBe(1);
  });
  it('NEGS (RSB #0), MVNS, BICS, ADCS, SBCS', () => {
    let m = one(t16('RSB_imm', { n: 1, d: 0 }), { 1: 5 });
    expect(m.cpu.r[0]).toBe(-5);
    expect(nzcv(m)).toEqual([1, 0, 0, 0]);
    m = one(t16('RSB_imm', { n: 1, d: 0 }), { 1: 0 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
    m = one(t16('MVN_reg', { m: 1, d: 0 }), { 1: -1 });
    expect(nzcv(m)).toEqual([0, 1, 0, 0]);
    m = one(t16('BIC_reg', { m: 1, d: 0 }), { 0: 0xff, 1: 0x0f });
    expect(m.cpu.r[0]).toBe(0xf0);
    m = one(t16('ADC_reg', { m: 1, d: 0 }), { 0: 1, 1: 1 }, { c: 1 });
    expect(m.cpu.r[0]).toBe(3);
    m = one(t16('SBC_reg', { m: 1, d: 0 }), { 0: 5, 1: 1 }, { c: 0 });
    expect(m.cpu.r[0]).toBe(3);
  });
  it('ADD/SUB imm3 and imm8', () => {
    expect(one(t16('ADD_imm', { i: 7, n: 1, d: 0 }), { 1: 1 }).cpu.r[0]).toBe(8);
    expect(one(t16('SUB_imm', { i: 7, n: 1, d: 0 }), { 1: 1 }).cpu.r[0]).toBe(-6);
    expect(one(t16('ADD_imm_T2', { d: 3, v: 200 }), { 3: 1 }).cpu.r[3]).toBe(201);
    const m = one(t16('SUB_imm_T2', { d: 3, v: 1 }), { 3: 1 });
    expect(m.cpu.r[3]).toBe(0);
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
});

describe('T16 high registers', () => {
  it('ADD r8, r1 / MOV r8, r1 / CMP r8, r1 do not set flags except CMP', () => {
    let m = one(t16('ADD_reg_T2', { d: 8, m: 1 }), { 8: -1, 1: 1 });
    expect(m.cpu.r[8]).toBe(0);
    expect(nzcv(m)).toEqual([0, 0, 0, 0]);
    m = one(t16('MOV_reg', { d: 8, m: 1 }), { 1: 0 });
    expect(m.cpu.r[8]).toBe(0);
    expect(m.cpu.z).toBe(0);
    m = one(t16('CMP_reg_T2', { n: 8, m: 1 }), { 8: 3, 1: 3 });
    expect(nzcv(m)).toEqual([0, 1, 1, 0]);
  });
  it('ADD r0, pc reads PC as the address + 4', () => {
    const m = one(t16('ADD_reg_T2', { d: 0, m: 15 }), { 0: 1 });
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 5);
  });
  it('ADD sp, r1 and ADD r1, sp', () => {
    expect(u32(one(0x448d, { 13: 0x60010000, 1: 8 }).cpu.r[13]!)).toBe(0x60010008);
    expect(u32(one(0x4469, { 13: 0x60010000, 1: 8 }).cpu.r[1]!)).toBe(0x60010008);
  });
  it('MOV pc, lr branches without interworking (bit 0 ignored, stays Thumb)', () => {
    const m = one(0x46f7, { 14: 0x60002001 });
    expect(m.cpu.pc).toBe(0x60002000);
    expect(m.cpu.t).toBe(1);
  });
  it('ADD pc, r1 branches to PC+4+r1', () => {
    const m = one(0x448f, { 1: 0x10 });
    expect(m.cpu.pc).toBe(CODE + 4 + 0x10);
    expect(m.cpu.t).toBe(1);
  });
  it('a PC write ends the block', () => {
    const m = machine();
    m.cpu.r[0] = 0x60002000;
    loadThumb(m, [t16('MOV_reg', { d: 15, m: 0 }), t16('MOV_imm', { d: 1, v: 1 })]);
    m.bus.write(0x60002000, 2, t16('MOV_imm', { d: 2, v: 2 }));
    m.engine.run(2);
    expect(m.cpu.r[1]).toBe(0);
    expect(m.cpu.r[2]).toBe(2);
  });
});

describe('T16 ADR and SP arithmetic', () => {
  it('ADR aligns the PC down to a word', () => {
    // at CODE+2: Align(CODE+6, 4) = CODE+4, + 3*4
    const m = one(t16('ADR', { d: 0, v: 3 }), {}, {}, CODE + 2);
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 4 + 12);
    const n = one(0xa003); // adr r0, at CODE: CODE+4+12 (objdump: add r0, pc, #12)
    expect(u32(n.cpu.r[0]!)).toBe(CODE + 16);
  });
  it('ADD Rd, SP, #imm; ADD SP, #imm; SUB SP, #imm', () => {
    expect(u32(one(t16('ADD_SP_imm', { d: 2, v: 4 }), { 13: 0x60010000 }).cpu.r[2]!)).toBe(0x60010010);
    expect(u32(one(t16('ADD_SP_imm_T2', { v: 127 }), { 13: 0x60010000 }).cpu.r[13]!)).toBe(0x60010000 + 508);
    expect(u32(one(t16('SUB_SP_imm', { v: 4 }), { 13: 0x60010000 }).cpu.r[13]!)).toBe(0x60010000 - 16);
  });
  it('a sequence runs: movs, adds, lsls, subs', () => {
    const m = execThumb([0x2005, 0x1c41, 0x0089, 0x3901]); // movs r0,#5; adds r1,r0,#1; lsls r1,r1,#2; subs r1,#1
    expect(m.cpu.r[0]).toBe(5);
    expect(m.cpu.r[1]).toBe(23);
  });
});
