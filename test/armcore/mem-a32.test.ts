// A32 single loads/stores: every addressing form, sign extension, unaligned access, T forms,
// doubleword, alignment faults.
import { describe, expect, it } from 'vitest';
import { a32, execA32, machine, loadA32, CODE, DATA, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

const rd = (m: Machine, a: number, w: 1 | 2 | 4 = 4) => u32(m.bus.read(a, w));
const wr = (a: number, w: 1 | 2 | 4, v: number) => (m: Machine) => m.bus.write(a, w, v);
const fill = (m: Machine) => { for (let i = 0; i < 64; i++) m.bus.write(DATA + i, 1, 0x80 + i); };

describe('assembler cross-check', () => {
  it('encodes as arm-none-eabi-as does', () => {
    expect(a32('LDR_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 4 })).toBe(0xe5910004);
    expect(a32('LDR_imm', { P: 1, U: 0, W: 1, n: 1, t: 0, i: 4 })).toBe(0xe5310004);
    expect(a32('LDR_reg', { P: 1, U: 1, W: 0, n: 1, t: 0, v: 2, y: 0, m: 2 })).toBe(0xe7910102);
    expect(a32('STR_reg', { P: 1, U: 0, W: 1, n: 1, t: 0, v: 3, y: 2, m: 2 })).toBe(0xe72101c2);
    expect(a32('LDRH_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 6 })).toBe(0xe1d100b6);
    expect(a32('LDRD_imm', { P: 1, U: 1, W: 1, n: 1, t: 2, i: 8 })).toBe(0xe1e120d8);
    expect(a32('STRD_reg', { P: 0, U: 0, W: 0, n: 1, t: 4, m: 6 })).toBe(0xe00140f6);
    expect(a32('LDRT_A1', { U: 1, n: 1, t: 0, i: 4 })).toBe(0xe4b10004);
    expect(a32('LDRSBT_A2', { U: 0, n: 1, t: 0, m: 2 })).toBe(0xe03100d2);
    expect(a32('PUSH_A2', { t: 4 })).toBe(0xe52d4004);
    expect(a32('POP_A2', { t: 4 })).toBe(0xe49d4004);
  });
});

describe('LDR/STR word and byte, immediate', () => {
  it('LDR offset, positive and negative', () => {
    const m = execA32([
      a32('LDR_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 8 }),
      a32('LDR_imm', { P: 1, U: 0, W: 0, n: 2, t: 3, i: 4 }),
    ], { 1: DATA, 2: DATA + 8 }, m => { m.bus.write(DATA + 8, 4, 0x12345678); m.bus.write(DATA + 4, 4, 0xcafef00d); });
    expect(u32(m.cpu.r[0]!)).toBe(0x12345678);
    expect(u32(m.cpu.r[3]!)).toBe(0xcafef00d);
    expect(u32(m.cpu.r[1]!)).toBe(DATA); // no writeback
  });
  it('LDR pre-indexed with writeback and post-indexed', () => {
    const m = execA32([
      a32('LDR_imm', { P: 1, U: 0, W: 1, n: 1, t: 0, i: 4 }),
      a32('LDR_imm', { P: 0, U: 1, W: 0, n: 2, t: 3, i: 12 }),
    ], { 1: DATA + 8, 2: DATA + 16 }, m => { m.bus.write(DATA + 4, 4, 0x11); m.bus.write(DATA + 16, 4, 0x22); });
    expect(m.cpu.r[0]).toBe(0x11);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 4);
    expect(m.cpu.r[3]).toBe(0x22);
    expect(u32(m.cpu.r[2]!)).toBe(DATA + 28);
  });
  it('LDR with Rt = Rn and writeback: the loaded value wins (QEMU)', () => {
    const m = execA32([a32('LDR_imm', { P: 0, U: 1, W: 0, n: 1, t: 1, i: 4 })], { 1: DATA }, wr(DATA, 4, 0x77));
    expect(m.cpu.r[1]).toBe(0x77);
  });
  it('STR offset, pre and post; STR of the base with writeback stores the original base', () => {
    const m = execA32([
      a32('STR_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 4 }),
      a32('STR_imm', { P: 1, U: 0, W: 1, n: 2, t: 0, i: 8 }),
      a32('STR_imm', { P: 0, U: 1, W: 0, n: 3, t: 3, i: 4 }),
    ], { 0: 0xdeadbeef | 0, 1: DATA, 2: DATA + 0x20, 3: DATA + 0x40 });
    expect(rd(m, DATA + 4)).toBe(0xdeadbeef);
    expect(rd(m, DATA + 0x18)).toBe(0xdeadbeef);
    expect(u32(m.cpu.r[2]!)).toBe(DATA + 0x18);
    expect(rd(m, DATA + 0x40)).toBe(DATA + 0x40);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 0x44);
  });
  it('LDRB zero-extends, STRB stores the low byte', () => {
    const m = execA32([
      a32('LDRB_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 3 }),
      a32('STRB_imm', { P: 1, U: 1, W: 1, n: 1, t: 2, i: 5 }),
    ], { 1: DATA, 2: 0x1234abcd }, fill);
    expect(m.cpu.r[0]).toBe(0x83);
    expect(rd(m, DATA + 5, 1)).toBe(0xcd);
    expect(rd(m, DATA + 4, 1)).toBe(0x84);
    expect(rd(m, DATA + 6, 1)).toBe(0x86);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 5);
  });
  it('LDR literal (Rn = pc reads pc+8)', () => {
    // ldr r0, [pc, #4] at CODE reads CODE+12
    const m = machine();
    loadA32(m, [a32('LDR_imm', { P: 1, U: 1, W: 0, n: 15, t: 0, i: 4 }), 0, 0, 0x5a5a1234]);
    m.engine.step();
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.r[0]).toBe(0x5a5a1234);
  });
  it('LDRB literal with a negative offset', () => {
    const m = machine();
    const end = loadA32(m, [0xaabbccdd, a32('LDRB_imm', { P: 1, U: 0, W: 0, n: 15, t: 0, i: 10 })]);
    m.cpu.pc = CODE + 4;
    m.engine.step();
    expect(m.cpu.pc).toBe(end);
    expect(m.cpu.r[0]).toBe(0xbb); // CODE+4+8-10 = CODE+2
  });
  it('LDR into pc interworks (bit 0 set: Thumb)', () => {
    const m = machine();
    loadA32(m, [a32('LDR_imm', { P: 1, U: 1, W: 0, n: 1, t: 15, i: 0 })]);
    m.cpu.r[1] = DATA; m.bus.write(DATA, 4, 0x60002001);
    m.engine.step();
    expect(m.cpu.pc).toBe(0x60002000);
    expect(m.cpu.t).toBe(1);
  });
  it('STR of pc stores pc+8', () => {
    const m = execA32([a32('STR_imm', { P: 1, U: 1, W: 0, n: 1, t: 15, i: 0 })], { 1: DATA });
    expect(rd(m, DATA)).toBe(CODE + 8);
  });
  it('writeback with Rn = pc (UNPREDICTABLE) branches to the new address, as QEMU', () => {
    const m = machine();
    loadA32(m, [a32('LDR_imm', { P: 1, U: 1, W: 1, n: 15, t: 0, i: 0x18 })]);
    m.bus.write(CODE + 0x20, 4, 0x1234);
    m.engine.step();
    expect(m.cpu.r[0]).toBe(0x1234);
    expect(m.cpu.pc).toBe(CODE + 0x20);
  });
});

describe('LDR/STR word and byte, register', () => {
  it('LSL, LSR #32, ASR, ROR and RRX offsets', () => {
    const m = execA32([
      a32('LDR_reg', { P: 1, U: 1, W: 0, n: 1, t: 0, v: 2, y: 0, m: 2 }),   // [r1, r2, lsl #2]
      a32('LDRB_reg', { P: 1, U: 1, W: 0, n: 1, t: 3, v: 0, y: 1, m: 4 }),  // [r1, r4, lsr #32] -> +0
      a32('LDRB_reg', { P: 1, U: 0, W: 0, n: 5, t: 6, v: 1, y: 2, m: 7 }),  // [r5, -r7, asr #1]
      a32('LDRB_reg', { P: 1, U: 1, W: 0, n: 1, t: 8, v: 4, y: 3, m: 9 }),  // [r1, r9, ror #4]
      a32('LDRB_reg', { P: 1, U: 1, W: 0, n: 1, t: 10, v: 0, y: 3, m: 11 }), // [r1, r11, rrx], C=0
    ], { 1: DATA, 2: 3, 4: 0xffffffff | 0, 5: DATA + 0x10, 7: -8, 9: 0x50, 11: 0x20 }, fill);
    expect(m.cpu.r[0]).toBe(0x8f8e8d8c | 0);
    expect(m.cpu.r[3]).toBe(0x80);
    expect(m.cpu.r[6]).toBe(0x84 + 0x10); // DATA+0x10 - (-4)
    expect(m.cpu.r[8]).toBe(0x85);
    expect(m.cpu.r[10]).toBe(0x90);
  });
  it('RRX takes the carry flag into bit 31', () => {
    // [r1, r2, rrx] with C=1: offset 0x80000000 | (0x20 >> 1); base chosen so the sum wraps to DATA+0x10
    const m = execA32([a32('LDRB_reg', { P: 1, U: 1, W: 0, n: 1, t: 0, v: 0, y: 3, m: 2 })],
      { 1: (DATA - 0x80000000) | 0, 2: 0x20 }, m => { fill(m); m.cpu.c = 1; });
    expect(m.cpu.r[0]).toBe(0x90);
  });
  it('pre-indexed register with writeback, post-indexed register', () => {
    const m = execA32([
      a32('LDR_reg', { P: 1, U: 1, W: 1, n: 1, t: 0, v: 0, y: 0, m: 2 }),
      a32('STR_reg', { P: 0, U: 0, W: 0, n: 3, t: 0, v: 1, y: 0, m: 4 }),
      a32('STRB_reg', { P: 0, U: 1, W: 0, n: 5, t: 0, v: 0, y: 0, m: 4 }),
    ], { 1: DATA, 2: 8, 3: DATA + 0x20, 4: 4, 5: DATA + 0x30 }, wr(DATA + 8, 4, 0x01020304));
    expect(m.cpu.r[0]).toBe(0x01020304);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 8);
    expect(rd(m, DATA + 0x20)).toBe(0x01020304);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 0x18);
    expect(rd(m, DATA + 0x30, 1)).toBe(0x04);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x34);
  });
});

describe('halfword and signed', () => {
  it('LDRH, LDRSH, LDRSB sign/zero extension; STRH', () => {
    const m = execA32([
      a32('LDRH_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 2 }),
      a32('LDRSH_imm', { P: 1, U: 1, W: 0, n: 1, t: 2, i: 2 }),
      a32('LDRSB_imm', { P: 1, U: 1, W: 0, n: 1, t: 3, i: 3 }),
      a32('LDRSB_imm', { P: 1, U: 1, W: 0, n: 1, t: 4, i: 8 }),
      a32('LDRSH_reg', { P: 1, U: 0, W: 0, n: 5, t: 6, m: 7 }),
      a32('STRH_imm', { P: 1, U: 1, W: 1, n: 8, t: 9, i: 0x12 }),
      a32('STRH_reg', { P: 0, U: 1, W: 0, n: 10, t: 9, m: 7 }),
    ], { 1: DATA, 5: DATA + 0x14, 7: 0x10, 8: DATA + 0x20, 9: 0x12345678, 10: DATA + 0x40 }, m => {
      m.bus.write(DATA, 4, 0x7f80fedc); m.bus.write(DATA + 8, 1, 0x7f); m.bus.write(DATA + 4, 2, 0x1234);
    });
    expect(m.cpu.r[0]).toBe(0x7f80);
    expect(m.cpu.r[2]).toBe(0x7f80);
    expect(m.cpu.r[3]).toBe(0x7f);
    expect(m.cpu.r[4]).toBe(0x7f);
    expect(m.cpu.r[6]).toBe(0x1234);
    expect(rd(m, DATA + 0x32, 2)).toBe(0x5678);
    expect(rd(m, DATA + 0x34, 2)).toBe(0);
    expect(u32(m.cpu.r[8]!)).toBe(DATA + 0x32);
    expect(rd(m, DATA + 0x40, 2)).toBe(0x5678);
    expect(u32(m.cpu.r[10]!)).toBe(DATA + 0x50);
  });
  it('negative sign extension', () => {
    const m = execA32([
      a32('LDRSH_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 0 }),
      a32('LDRSB_reg', { P: 1, U: 1, W: 1, n: 1, t: 2, m: 3 }),
      a32('LDRH_reg', { P: 0, U: 0, W: 0, n: 4, t: 5, m: 3 }),
    ], { 1: DATA, 3: 2, 4: DATA }, wr(DATA, 4, 0x80fe8001));
    expect(m.cpu.r[0]).toBe(-0x7fff);
    expect(m.cpu.r[2]).toBe(-2);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 2);
    expect(m.cpu.r[5]).toBe(0x8001);
    expect(u32(m.cpu.r[4]!)).toBe(DATA - 2);
  });
  it('LDRH/STRH register form with bits 11:8 non-zero is not decoded (QEMU)', () => {
    const m = machine();
    loadA32(m, [(a32('LDRH_reg', { P: 1, U: 1, W: 0, n: 1, t: 0, m: 2 }) | 0x100) >>> 0]);
    m.cpu.r[1] = DATA;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
});

describe('unaligned LDR/LDRH/STR (SCTLR.A = 0)', () => {
  it('LDR and LDRH at odd addresses', () => {
    const m = execA32([
      a32('LDR_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 1 }),
      a32('LDRH_imm', { P: 1, U: 1, W: 0, n: 1, t: 2, i: 3 }),
      a32('LDRSH_imm', { P: 1, U: 1, W: 0, n: 1, t: 3, i: 0xf }),
    ], { 1: DATA }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x84838281);
    expect(m.cpu.r[2]).toBe(0x8483);
    expect(m.cpu.r[3]).toBe(((0x908f << 16) >> 16));
  });
  it('LDR and STR across a page boundary', () => {
    const pg = DATA + 0x1000;
    const m2 = execA32([
      a32('LDR_imm', { P: 1, U: 0, W: 0, n: 1, t: 0, i: 2 }),
      a32('STR_imm', { P: 1, U: 0, W: 0, n: 1, t: 2, i: 1 }),
      a32('LDRH_imm', { P: 1, U: 0, W: 0, n: 1, t: 3, i: 1 }),
    ], { 1: pg, 2: 0xa1b2c3d4 | 0 }, m => { m.bus.write(pg - 4, 4, 0x44332211); m.bus.write(pg, 4, 0x88776655); });
    expect(u32(m2.cpu.r[0]!)).toBe(0x66554433);
    expect(rd(m2, pg - 1)).toBe(0xa1b2c3d4);
    expect(m2.cpu.r[3]).toBe(0xc3d4);
  });
});

describe('LDRD/STRD', () => {
  it('offset, pre-indexed, post-indexed register', () => {
    const m = execA32([
      a32('LDRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 2, i: 8 }),
      a32('STRD_imm', { P: 1, U: 0, W: 1, n: 5, t: 2, i: 8 }),
      a32('LDRD_reg', { P: 0, U: 1, W: 0, n: 6, t: 8, m: 7 }),
    ], { 1: DATA, 5: DATA + 0x20, 6: DATA + 8, 7: 0x10 }, m => { m.bus.write(DATA + 8, 4, 0x11111111); m.bus.write(DATA + 12, 4, 0x22222222); });
    expect([m.cpu.r[2], m.cpu.r[3]]).toEqual([0x11111111, 0x22222222]);
    expect([rd(m, DATA + 0x18), rd(m, DATA + 0x1c)]).toEqual([0x11111111, 0x22222222]);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x18);
    expect([m.cpu.r[8], m.cpu.r[9]]).toEqual([0x11111111, 0x22222222]);
    expect(u32(m.cpu.r[6]!)).toBe(DATA + 0x18);
  });
  it('Rt = r14: LDRD loads the pc (plain branch), STRD stores pc+8 (QEMU)', () => {
    const m = execA32([a32('STRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 14, i: 0 })], { 1: DATA, 14: 0x77 });
    expect([rd(m, DATA), rd(m, DATA + 4)]).toEqual([0x77, CODE + 8]);
    const l = machine();
    loadA32(l, [a32('LDRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 14, i: 0 })]);
    l.cpu.r[1] = DATA; l.bus.write(DATA, 4, 0x55); l.bus.write(DATA + 4, 4, 0x60003003);
    l.engine.step();
    expect(l.cpu.r[14]).toBe(0x55);
    expect([l.cpu.pc, l.cpu.t]).toEqual([0x60003000, 0]);
  });
  it('odd Rt is UNDEFINED', () => {
    const m = machine();
    loadA32(m, [a32('LDRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 3, i: 0 })]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('LDRD at a non-word-aligned address takes an alignment fault, registers unchanged', () => {
    const m = machine();
    loadA32(m, [a32('LDRD_imm', { P: 1, U: 1, W: 1, n: 1, t: 2, i: 2 })]);
    m.cpu.r[1] = DATA; m.cpu.r[2] = 5; m.cpu.r[3] = 6;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.pc).toBe(0x10);
    expect(m.cpu.dfsr).toBe(0x1);
    expect(u32(m.cpu.dfar)).toBe(DATA + 2);
    expect(u32(m.cpu.r[14]!)).toBe(CODE + 8);
    m.cpu.switchMode(Mode.SVC);
    expect([u32(m.cpu.r[1]!), m.cpu.r[2], m.cpu.r[3]]).toEqual([DATA, 5, 6]);
  });
  it('STRD misaligned: alignment fault with WnR, memory unchanged', () => {
    const m = machine();
    loadA32(m, [a32('STRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 2, i: 4 })]);
    m.cpu.r[1] = DATA + 1; m.cpu.r[2] = 5; m.cpu.r[3] = 6;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0x801);
    expect(u32(m.cpu.dfar)).toBe(DATA + 5);
    expect(rd(m, DATA + 4)).toBe(0);
  });
  it('LDRD at a word- but not doubleword-aligned address is fine', () => {
    const m = execA32([a32('LDRD_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 4 })], { 1: DATA }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x87868584);
  });
});

describe('unprivileged forms', () => {
  it('LDRT/STRT/LDRBT/STRBT post-index', () => {
    const m = execA32([
      a32('LDRT_A1', { U: 1, n: 1, t: 0, i: 4 }),
      a32('STRT_A1', { U: 0, n: 2, t: 0, i: 8 }),
      a32('LDRBT_A2', { U: 1, n: 3, t: 4, v: 1, y: 0, m: 5 }),
      a32('STRBT_A2', { U: 1, n: 6, t: 4, v: 0, y: 0, m: 5 }),
    ], { 1: DATA, 2: DATA + 0x40, 3: DATA + 1, 5: 2, 6: DATA + 0x50 }, fill);
    expect(u32(m.cpu.r[0]!)).toBe(0x83828180);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 4);
    expect(rd(m, DATA + 0x40)).toBe(0x83828180);
    expect(u32(m.cpu.r[2]!)).toBe(DATA + 0x38);
    expect(m.cpu.r[4]).toBe(0x81);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 5);
    expect(rd(m, DATA + 0x50, 1)).toBe(0x81);
    expect(u32(m.cpu.r[6]!)).toBe(DATA + 0x52);
  });
  it('LDRHT/STRHT/LDRSBT/LDRSHT', () => {
    const m = execA32([
      a32('LDRHT_A1', { U: 1, n: 1, t: 0, i: 2 }),
      a32('LDRSHT_A1', { U: 1, n: 1, t: 2, i: 2 }),
      a32('LDRSBT_A2', { U: 0, n: 1, t: 3, m: 4 }),
      a32('STRHT_A2', { U: 1, n: 5, t: 2, m: 4 }),
      a32('LDRSHT_A2', { U: 1, n: 6, t: 7, m: 4 }),
      a32('STRHT_A1', { U: 0, n: 8, t: 2, i: 4 }),
    ], { 1: DATA, 4: 1, 5: DATA + 0x40, 6: DATA, 8: DATA + 0x50 }, fill);
    expect(m.cpu.r[0]).toBe(0x8180);
    expect(m.cpu.r[2]).toBe((0x8382 << 16) >> 16);
    expect(m.cpu.r[3]).toBe((0x84 << 24) >> 24);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 3);
    expect(rd(m, DATA + 0x40, 2)).toBe(0x8382);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x41);
    expect(m.cpu.r[7]).toBe((0x8180 << 16) >> 16);
    expect(rd(m, DATA + 0x50, 2)).toBe(0x8382);
    expect(u32(m.cpu.r[8]!)).toBe(DATA + 0x4c);
  });
});

describe('PUSH/POP single register (STR/LDR encodings)', () => {
  it('push then pop', () => {
    const m = execA32([a32('PUSH_A2', { t: 4 }), a32('POP_A2', { t: 5 })], { 4: 0x1234, 13: DATA + 0x100 });
    expect(rd(m, DATA + 0xfc)).toBe(0x1234);
    expect(m.cpu.r[5]).toBe(0x1234);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 0x100);
  });
});

describe('conditional execution', () => {
  it('LDRNE with Z=1 does nothing', () => {
    const m = execA32([a32('LDR_imm', { c: 1, P: 1, U: 1, W: 1, n: 1, t: 0, i: 4 })], { 1: DATA }, m => { m.cpu.z = 1; });
    expect(m.cpu.r[0]).toBe(0);
    expect(u32(m.cpu.r[1]!)).toBe(DATA);
  });
});
