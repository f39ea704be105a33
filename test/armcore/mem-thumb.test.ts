// T16 and T32 single loads/stores, LDM/STM, PUSH/POP (incl. POP {pc} to ARM), LDRD/STRD, literals.
import { describe, expect, it } from 'vitest';
import { t16, t32, execThumb, machine, loadThumb, CODE, DATA, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

const rd = (m: Machine, a: number, w: 1 | 2 | 4 = 4) => u32(m.bus.read(a, w));
const fill = (m: Machine) => { for (let i = 0; i < 64; i++) m.bus.write(DATA + i, 1, 0x80 + i); };

describe('assembler cross-check', () => {
  it('encodes as arm-none-eabi-as does', () => {
    expect(t16('LDR_imm_T1', { i: 1, n: 1, t: 0 })).toBe(0x6848);
    expect(t16('STR_imm_T2', { t: 2, i: 2 })).toBe(0x9202);
    expect(t16('LDR_lit_T1', { t: 0, i: 2 })).toBe(0x4802);
    expect(t16('LDRSH_reg_T1', { m: 2, n: 1, t: 0 })).toBe(0x5e88);
    expect(t16('PUSH_T1', { M: 1, r: 0x10 })).toBe(0xb510);
    expect(t16('POP_T1', { P: 1, r: 0x10 })).toBe(0xbd10);
    expect(t32('LDR_imm_T3', { n: 1, t: 0, i: 4000 })).toBe(0xf8d10fa0);
    expect(t32('LDR_imm_T4', { n: 1, t: 0, P: 1, U: 0, W: 1, i: 4 })).toBe(0xf8510d04);
    expect(t32('LDR_reg_T2', { n: 1, t: 0, k: 2, m: 2 })).toBe(0xf8510022);
    expect(t32('LDRSH_imm_T2', { n: 1, t: 0, P: 0, U: 0, W: 1, i: 2 })).toBe(0xf9310902);
    expect(t32('LDRD_imm', { P: 1, U: 1, W: 1, n: 2, t: 0, u: 1, i: 2 })).toBe(0xe9f20102);
    expect(t32('POP_T2', { r: 0x8030 })).toBe(0xe8bd8030);
    expect(t32('PUSH_T3', { t: 4 })).toBe(0xf84d4d04);
    expect(t32('POP_T3', { t: 4 })).toBe(0xf85d4b04);
  });
});

describe('T16 loads and stores', () => {
  it('immediate forms scale the offset', () => {
    const m = execThumb([
      t16('LDR_imm_T1', { i: 2, n: 1, t: 0 }), t16('LDRH_imm_T1', { i: 3, n: 1, t: 2 }), t16('LDRB_imm_T1', { i: 5, n: 1, t: 3 }),
      t16('STR_imm_T1', { i: 8, n: 1, t: 0 }), t16('STRH_imm_T1', { i: 20, n: 1, t: 0 }), t16('STRB_imm_T1', { i: 31, n: 1, t: 0 }),
    ], { 1: DATA }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x8b8a8988);
    expect(m.cpu.r[2]).toBe(0x8786);
    expect(m.cpu.r[3]).toBe(0x85);
    expect(rd(m, DATA + 32)).toBe(0x8b8a8988);
    expect(rd(m, DATA + 40, 2)).toBe(0x8988);
    expect(rd(m, DATA + 31, 1)).toBe(0x88);
  });
  it('register forms with sign extension', () => {
    const m = execThumb([
      t16('LDRSB_reg_T1', { m: 2, n: 1, t: 0 }), t16('LDRSH_reg_T1', { m: 2, n: 1, t: 3 }),
      t16('LDR_reg_T1', { m: 2, n: 1, t: 4 }), t16('LDRH_reg_T1', { m: 2, n: 1, t: 5 }), t16('LDRB_reg_T1', { m: 2, n: 1, t: 6 }),
      t16('STR_reg_T1', { m: 7, n: 1, t: 4 }), t16('STRH_reg_T1', { m: 7, n: 1, t: 6 }), t16('STRB_reg_T1', { m: 7, n: 1, t: 6 }),
    ], { 1: DATA, 2: 2, 7: 0x20 }, fill);
    expect(m.cpu.r[0]).toBe(-126);
    expect(m.cpu.r[3]).toBe((0x8382 << 16) >> 16);
    expect(u32(m.cpu.r[4]!)).toBe(0x85848382);
    expect(m.cpu.r[5]).toBe(0x8382);
    expect(m.cpu.r[6]).toBe(0x82);
    expect(rd(m, DATA + 0x20)).toBe(0x85840082);
  });
  it('SP-relative forms', () => {
    const m = execThumb([t16('STR_imm_T2', { t: 2, i: 3 }), t16('LDR_imm_T2', { t: 3, i: 3 })], { 2: 0x1234, 13: DATA });
    expect(rd(m, DATA + 12)).toBe(0x1234);
    expect(m.cpu.r[3]).toBe(0x1234);
  });
  it('LDR literal uses Align(pc, 4)', () => {
    for (const at of [CODE, CODE + 2]) {
      const m = machine();
      loadThumb(m, [t16('LDR_lit_T1', { t: 0, i: 1 })], at);
      m.bus.write(CODE + 8, 4, 0x11111111);
      m.engine.step();
      expect(m.cpu.r[0]).toBe(0x11111111); // Align(at+4, 4) + 4 = CODE+8 for both
    }
  });
  it('unaligned LDR across a page boundary', () => {
    const pg = DATA + 0x1000;
    const m = execThumb([t16('LDR_imm_T1', { i: 0, n: 1, t: 0 })], { 1: pg - 3 }, m => { m.bus.write(pg - 4, 4, 0x44332211); m.bus.write(pg, 4, 0x88776655); });
    expect(u32(m.cpu.r[0]!)).toBe(0x55443322);
  });
});

describe('T16 LDM/STM/PUSH/POP', () => {
  it('STMIA writes back; a stored base is its original value', () => {
    const m = execThumb([t16('STM_T1', { n: 1, r: 0x07 })], { 0: 5, 1: DATA, 2: 7 });
    expect([rd(m, DATA), rd(m, DATA + 4), rd(m, DATA + 8)]).toEqual([5, DATA, 7]);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 12);
  });
  it('LDMIA writes back only when the base is not loaded', () => {
    const m = execThumb([t16('LDM_T1', { n: 0, r: 0x06 }), t16('LDM_T1', { n: 3, r: 0x18 })],
      { 0: DATA, 3: DATA + 8 }, m => { for (let i = 0; i < 8; i++) m.bus.write(DATA + 4 * i, 4, 0x100 + i); });
    expect([m.cpu.r[1], m.cpu.r[2]]).toEqual([0x100, 0x101]);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 8);
    expect([m.cpu.r[3], m.cpu.r[4]]).toEqual([0x102, 0x103]);
  });
  it('empty list UNDEFs', () => {
    const m = machine();
    loadThumb(m, [t16('LDM_T1', { n: 0, r: 0 })]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('PUSH {lr} / POP {pc} to ARM', () => {
    const m = machine();
    loadThumb(m, [t16('PUSH_T1', { M: 1, r: 0x10 }), t16('POP_T1', { P: 1, r: 0x20 })]);
    m.cpu.r[13] = DATA + 0x100; m.cpu.r[4] = 4; m.cpu.r[14] = 0x60008000;
    m.engine.step(); m.engine.step();
    expect([rd(m, DATA + 0xf8), rd(m, DATA + 0xfc)]).toEqual([4, 0x60008000]);
    expect(m.cpu.r[5]).toBe(4);
    expect(m.cpu.pc).toBe(0x60008000);
    expect(m.cpu.t).toBe(0);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 0x100);
  });
  it('POP {pc} staying in Thumb', () => {
    const m = machine();
    loadThumb(m, [t16('POP_T1', { P: 1, r: 0 })]);
    m.cpu.r[13] = DATA; m.bus.write(DATA, 4, 0x60008005);
    m.engine.step();
    expect([m.cpu.pc, m.cpu.t]).toEqual([0x60008004, 1]);
  });
  it('misaligned PUSH takes an alignment fault with LR = pc+8', () => {
    const m = machine();
    loadThumb(m, [t16('PUSH_T1', { M: 0, r: 0x3 })]);
    m.cpu.r[13] = DATA + 2;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0x801);
    expect(u32(m.cpu.dfar)).toBe(DATA - 6);
    expect(u32(m.cpu.r[14]!)).toBe(CODE + 8);
    m.cpu.switchMode(Mode.SVC);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 2);
  });
});

describe('T32 loads and stores', () => {
  it('imm12, imm8 offset/pre/post, register with shift', () => {
    const m = execThumb([
      t32('LDR_imm_T3', { n: 1, t: 0, i: 8 }),
      t32('LDRB_imm_T3', { n: 1, t: 2, P: 1, U: 0, W: 0, i: 1 }),
      t32('LDRH_imm_T3', { n: 3, t: 4, P: 1, U: 1, W: 1, i: 2 }),
      t32('LDRSB_imm_T2', { n: 5, t: 6, P: 0, U: 0, W: 1, i: 3 }),
      t32('LDRSH_reg_T2', { n: 1, t: 7, k: 3, m: 8 }),
      t32('STR_reg_T2', { n: 1, t: 0, k: 1, m: 8 }),
      t32('STRB_imm_T3', { n: 9, t: 0, P: 0, U: 1, W: 1, i: 1 }),
      t32('STRH_imm_T2', { n: 1, t: 0, i: 0x30 }),
    ], { 1: DATA, 3: DATA, 5: DATA + 4, 8: 2, 9: DATA + 0x28 }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x8b8a8988);
    expect(m.cpu.r[2]).toBe(0); // DATA-1 untouched RAM
    expect(m.cpu.r[4]).toBe(0x8382);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 2);
    expect(m.cpu.r[6]).toBe(-124);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 1);
    expect(m.cpu.r[7]).toBe((0x9190 << 16) >> 16);
    expect(rd(m, DATA + 4)).toBe(0x8b8a8988);
    expect(rd(m, DATA + 0x28, 1)).toBe(0x88);
    expect(u32(m.cpu.r[9]!)).toBe(DATA + 0x29);
    expect(rd(m, DATA + 0x30, 2)).toBe(0x8988);
  });
  it('literal loads (positive and negative, Align(pc,4)), also when the register pattern claims the word', () => {
    const m = machine();
    const at = CODE + 2;
    loadThumb(m, [t32('LDR_lit', { U: 1, t: 0, i: 0x1e }), t32('LDRSH_lit', { U: 0, t: 1, i: 2 }), 0xf85f2008 /* ldr.w r2, [pc, #-8] */], at);
    m.bus.write(CODE + 0x20, 4, 0x12345678); m.bus.write(CODE + 0x24, 4, 0x9abcdef0 | 0);
    m.engine.step(); m.engine.step(); m.engine.step();
    // 1st at CODE+2: Align(CODE+6, 4) = CODE+4, +0x1e = CODE+0x22 (unaligned word)
    expect(u32(m.cpu.r[0]!)).toBe(0xdef01234);
    // 2nd at CODE+6: Align(CODE+10, 4) = CODE+8, -2 = CODE+6 (its own first halfword, 0xf93f)
    expect(m.cpu.r[1]).toBe(((t32('LDRSH_lit', { U: 0, t: 1, i: 2 }) >>> 16) << 16) >> 16);
    // 3rd at CODE+10: Align(CODE+14, 4) = CODE+12, -8 = CODE+4
    expect(u32(m.cpu.r[2]!)).toBe(u32(m.bus.read(CODE + 4, 4)));
  });
  it('unprivileged forms', () => {
    const m = execThumb([
      t32('LDRT', { n: 1, t: 0, i: 4 }), t32('STRBT', { n: 1, t: 0, i: 0x20 }),
      t32('LDRSHT', { n: 1, t: 2, i: 2 }), t32('STRHT', { n: 1, t: 2, i: 0x22 }),
      t32('LDRSBT', { n: 1, t: 3, i: 1 }), t32('LDRHT', { n: 1, t: 4, i: 6 }), t32('LDRBT', { n: 1, t: 5, i: 7 }), t32('STRT', { n: 1, t: 4, i: 0x24 }),
    ], { 1: DATA }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x87868584);
    expect(rd(m, DATA + 0x20, 1)).toBe(0x84);
    expect(m.cpu.r[2]).toBe((0x8382 << 16) >> 16);
    expect(rd(m, DATA + 0x22, 2)).toBe(0x8382);
    expect(m.cpu.r[3]).toBe(-127);
    expect(m.cpu.r[4]).toBe(0x8786);
    expect(m.cpu.r[5]).toBe(0x87);
    expect(rd(m, DATA + 0x24)).toBe(0x8786);
    expect(u32(m.cpu.r[1]!)).toBe(DATA);
  });
  it('imm8 forms with P=0 W=0 are UNDEFINED', () => {
    const m = machine();
    loadThumb(m, [t32('LDR_imm_T4', { n: 1, t: 0, P: 0, U: 1, W: 0, i: 0 })]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('a store with Rn = pc is UNDEFINED (checked against qemu-system-arm 7.2)', () => {
    for (const w of [t32('STR_imm_T3', { n: 15, t: 0, i: 0x10 }), t32('STRB_reg_T2', { n: 15, t: 0, k: 0, m: 1 }), t32('STRHT', { n: 15, t: 0, i: 0 })]) {
      const m = machine();
      loadThumb(m, [w]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('LDR pc interworks; PUSH.W/POP.W single register', () => {
    const m = machine();
    loadThumb(m, [t32('PUSH_T3', { t: 4 }), t32('POP_T3', { t: 5 }), t32('LDR_imm_T3', { n: 1, t: 15, i: 0 })]);
    m.cpu.r[13] = DATA + 0x40; m.cpu.r[4] = 44; m.cpu.r[1] = DATA; m.bus.write(DATA, 4, 0x60009000);
    m.engine.step(); m.engine.step(); m.engine.step();
    expect(rd(m, DATA + 0x3c)).toBe(44);
    expect(m.cpu.r[5]).toBe(44);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 0x40);
    expect([m.cpu.pc, m.cpu.t]).toEqual([0x60009000, 0]);
  });
});

describe('T32 LDRD/STRD', () => {
  it('offset, pre, post, literal', () => {
    const m = execThumb([
      t32('LDRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 2, u: 7, i: 2 }),
      t32('STRD_imm', { P: 1, U: 0, W: 1, n: 4, t: 7, u: 2, i: 1 }),
      t32('LDRD_imm', { P: 0, U: 1, W: 1, n: 5, t: 8, u: 9, i: 3 }),
    ], { 1: DATA, 4: DATA + 0x20, 5: DATA + 8 }, m => { m.bus.write(DATA + 8, 4, 0xa); m.bus.write(DATA + 12, 4, 0xb); });
    expect([m.cpu.r[2], m.cpu.r[7]]).toEqual([0xa, 0xb]);
    expect([rd(m, DATA + 0x1c), rd(m, DATA + 0x20)]).toEqual([0xb, 0xa]);
    expect(u32(m.cpu.r[4]!)).toBe(DATA + 0x1c);
    expect([m.cpu.r[8], m.cpu.r[9]]).toEqual([0xa, 0xb]);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x14);
    const l = machine();
    loadThumb(l, [t32('LDRD_imm', { P: 1, U: 1, W: 0, n: 15, t: 0, u: 1, i: 1 })], CODE + 2);
    l.bus.write(CODE + 8, 4, 0x11); l.bus.write(CODE + 12, 4, 0x22);
    l.engine.step();
    expect([l.cpu.r[0], l.cpu.r[1]]).toEqual([0x11, 0x22]); // Align(CODE+6,4)+4
  });
  it('STRD with Rn = pc stores at Align(pc, 4) + imm (qemu-system-arm 7.2 does not UNDEF it)', () => {
    const m = machine();
    loadThumb(m, [t32('STRD_imm', { P: 1, U: 1, W: 0, n: 15, t: 0, u: 1, i: 4 })], CODE + 2);
    m.cpu.r[0] = 0x99; m.cpu.r[1] = 0x98;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.SVC);
    expect([rd(m, CODE + 0x14), rd(m, CODE + 0x18)]).toEqual([0x99, 0x98]);
  });
  it('misaligned LDRD faults with registers unchanged', () => {
    const m = machine();
    loadThumb(m, [t32('LDRD_imm', { P: 1, U: 1, W: 1, n: 1, t: 2, u: 3, i: 0 })]);
    m.cpu.r[1] = DATA + 2; m.cpu.r[2] = 2; m.cpu.r[3] = 3;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(1);
    expect(u32(m.cpu.r[14]!)).toBe(CODE + 8);
    m.cpu.switchMode(Mode.SVC);
    expect([u32(m.cpu.r[1]!), m.cpu.r[2], m.cpu.r[3]]).toEqual([DATA + 2, 2, 3]);
  });
});

describe('T32 LDM/STM/PUSH/POP', () => {
  it('STMIA.W / LDMDB / STMDB / LDMIA.W', () => {
    const m = execThumb([
      t32('STM_T2', { W: 1, n: 0, r: 0x0006 }),
      t32('STMDB_T1', { W: 1, n: 3, r: 0x0006 }),
      t32('LDMDB_T1', { W: 0, n: 0, r: 0x0030 }),
      t32('LDM_T2', { W: 1, n: 3, r: 0x0300 }),
    ], { 0: DATA, 1: 0x11, 2: 0x22, 3: DATA + 0x40 });
    expect([rd(m, DATA), rd(m, DATA + 4)]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 8);
    expect([rd(m, DATA + 0x38), rd(m, DATA + 0x3c)]).toEqual([0x11, 0x22]);
    expect([m.cpu.r[4], m.cpu.r[5]]).toEqual([0x11, 0x22]);
    expect([m.cpu.r[8], m.cpu.r[9]]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 0x40);
  });
  it('single-register lists and base-in-list with writeback UNDEF (QEMU)', () => {
    for (const w of [t32('LDM_T2', { W: 0, n: 0, r: 0x0002 }), t32('STMDB_T1', { W: 1, n: 1, r: 0x0006 }), t32('LDM_T2', { W: 1, n: 1, r: 0x0006 })]) {
      const m = machine();
      loadThumb(m, [w]);
      m.cpu.r[0] = DATA; m.cpu.r[1] = DATA;
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('PUSH.W {r4, r5, lr} / POP.W {r4, r5, pc} to ARM', () => {
    const m = machine();
    loadThumb(m, [t32('PUSH_T2', { r: 0x4030 }), t32('POP_T2', { r: 0x8030 })]);
    m.cpu.r[13] = DATA + 0x80; m.cpu.r[4] = 4; m.cpu.r[5] = 5; m.cpu.r[14] = 0x6000a000;
    m.engine.step();
    m.cpu.r[4] = 0; m.cpu.r[5] = 0;
    m.engine.step();
    expect([m.cpu.r[4], m.cpu.r[5]]).toEqual([4, 5]);
    expect([m.cpu.pc, m.cpu.t]).toEqual([0x6000a000, 0]);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 0x80);
  });
});
