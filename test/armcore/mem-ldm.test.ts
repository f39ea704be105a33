// A32 block transfers: LDM/STM in all four modes, writeback, base in the list, PC loads with
// interworking, PUSH/POP, user-bank forms from FIQ, exception return, alignment and bus faults.
import { describe, expect, it } from 'vitest';
import { a32, execA32, machine, loadA32, CODE, DATA, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

const rd = (m: Machine, a: number) => u32(m.bus.read(a, 4));
const seq = (m: Machine) => { for (let i = 0; i < 32; i++) m.bus.write(DATA + 4 * i, 4, 0x100 + i); };

describe('assembler cross-check', () => {
  it('encodes as arm-none-eabi-as does', () => {
    expect(a32('LDM', { W: 1, n: 0, r: 0x8006 })).toBe(0xe8b08006);
    expect(a32('LDMIB', { W: 0, n: 0, r: 0x6 })).toBe(0xe9900006);
    expect(a32('STMDA', { W: 1, n: 0, r: 0xa })).toBe(0xe820000a);
    expect(a32('PUSH_A1', { r: 0x4010 })).toBe(0xe92d4010);
    expect(a32('POP_A1', { r: 0x8010 })).toBe(0xe8bd8010);
    expect(a32('STM_usr', { P: 0, U: 1, W: 0, n: 0, r: 0x6 })).toBe(0xe8c00006);
    expect(a32('LDM_exc', { P: 1, U: 0, W: 0, n: 0, r: 0x0002 })).toBe(0xe9508002);
  });
});

describe('LDM', () => {
  it('IA, IB, DA, DB without writeback', () => {
    const m = execA32([
      a32('LDM', { W: 0, n: 0, r: 0x0006 }),
      a32('LDMIB', { W: 0, n: 0, r: 0x0018 }),
      a32('LDMDA', { W: 0, n: 5, r: 0x00c0 }),
      a32('LDMDB', { W: 0, n: 5, r: 0x0300 }),
    ], { 0: DATA, 5: DATA + 0x20 }, seq);
    expect([m.cpu.r[1], m.cpu.r[2]]).toEqual([0x100, 0x101]);
    expect([m.cpu.r[3], m.cpu.r[4]]).toEqual([0x101, 0x102]);
    expect([m.cpu.r[6], m.cpu.r[7]]).toEqual([0x107, 0x108]);
    expect([m.cpu.r[8], m.cpu.r[9]]).toEqual([0x106, 0x107]);
    expect(u32(m.cpu.r[0]!)).toBe(DATA);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x20);
  });
  it('writeback in all four modes', () => {
    const m = execA32([
      a32('LDM', { W: 1, n: 0, r: 0x0006 }),
      a32('LDMIB', { W: 1, n: 3, r: 0x0010 }),
      a32('LDMDA', { W: 1, n: 5, r: 0x00c0 }),
      a32('LDMDB', { W: 1, n: 8, r: 0x0600 }),
    ], { 0: DATA, 3: DATA, 5: DATA + 0x20, 8: DATA + 0x40 }, seq);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 8);
    expect(m.cpu.r[4]).toBe(0x101);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 4);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x18);
    expect([m.cpu.r[9], m.cpu.r[10]]).toEqual([0x10e, 0x10f]);
    expect(u32(m.cpu.r[8]!)).toBe(DATA + 0x38);
  });
  it('base in the list without writeback: loaded value', () => {
    const m = execA32([a32('LDM', { W: 0, n: 1, r: 0x0007 })], { 1: DATA }, seq);
    expect([m.cpu.r[0], m.cpu.r[1], m.cpu.r[2]]).toEqual([0x100, 0x101, 0x102]);
  });
  it('base in the list with writeback is UNDEFINED (QEMU, ARMv7)', () => {
    const m = machine();
    loadA32(m, [a32('LDM', { W: 1, n: 1, r: 0x0006 })]);
    m.cpu.r[1] = DATA;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('empty list and Rn = pc are UNDEFINED', () => {
    for (const w of [a32('LDM', { W: 0, n: 1, r: 0 }), a32('STM', { W: 0, n: 15, r: 1 })]) {
      const m = machine();
      loadA32(m, [w]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
  it('loading pc interworks: to Thumb with bit 0 set, to ARM otherwise', () => {
    const m = machine();
    loadA32(m, [a32('LDM', { W: 1, n: 0, r: 0x8002 })]);
    m.cpu.r[0] = DATA;
    m.bus.write(DATA, 4, 0x55); m.bus.write(DATA + 4, 4, 0x60003001);
    m.engine.step();
    expect(m.cpu.pc).toBe(0x60003000);
    expect(m.cpu.t).toBe(1);
    expect(m.cpu.r[1]).toBe(0x55);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 8);
    const m2 = machine();
    loadA32(m2, [a32('POP_A1', { r: 0x8010 })]);
    m2.cpu.r[13] = DATA;
    m2.bus.write(DATA, 4, 7); m2.bus.write(DATA + 4, 4, 0x60003008);
    m2.engine.step();
    expect([m2.cpu.pc, m2.cpu.t, m2.cpu.r[4]]).toEqual([0x60003008, 0, 7]);
    expect(u32(m2.cpu.r[13]!)).toBe(DATA + 8);
  });
  it('misaligned base: alignment fault, registers unchanged', () => {
    const m = machine();
    loadA32(m, [a32('LDM', { W: 1, n: 0, r: 0x000e })]);
    m.cpu.r[0] = DATA + 2; m.cpu.r[1] = 11;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.pc).toBe(0x10);
    expect(m.cpu.dfsr).toBe(0x1);
    expect(u32(m.cpu.dfar)).toBe(DATA + 2);
    expect(u32(m.cpu.r[14]!)).toBe(CODE + 8);
    expect([u32(m.cpu.r[0]!), m.cpu.r[1]]).toEqual([DATA + 2, 11]);
  });
  it('a bus fault on a later word leaves every register unchanged', () => {
    const end = 0x61000000; // first unmapped address after RAM
    const m = machine();
    loadA32(m, [a32('LDM', { W: 1, n: 0, r: 0x000e })]);
    m.cpu.r[0] = end - 8; m.cpu.r[1] = 11; m.cpu.r[2] = 12; m.cpu.r[3] = 13;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0x8);
    expect(u32(m.cpu.dfar)).toBe(end);
    expect([u32(m.cpu.r[0]!), m.cpu.r[1], m.cpu.r[2], m.cpu.r[3]]).toEqual([end - 8, 11, 12, 13]);
  });
});

describe('STM', () => {
  it('IA, IB, DA, DB with writeback', () => {
    const m = execA32([
      a32('STM', { W: 1, n: 0, r: 0x0006 }),
      a32('STMIB', { W: 1, n: 3, r: 0x0006 }),
      a32('STMDA', { W: 1, n: 4, r: 0x0006 }),
      a32('STMDB', { W: 0, n: 5, r: 0x0006 }),
    ], { 0: DATA, 1: 0x11, 2: 0x22, 3: DATA + 0x10, 4: DATA + 0x2c, 5: DATA + 0x40 });
    expect([rd(m, DATA), rd(m, DATA + 4)]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 8);
    expect([rd(m, DATA + 0x14), rd(m, DATA + 0x18)]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[3]!)).toBe(DATA + 0x18);
    expect([rd(m, DATA + 0x28), rd(m, DATA + 0x2c)]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[4]!)).toBe(DATA + 0x24);
    expect([rd(m, DATA + 0x38), rd(m, DATA + 0x3c)]).toEqual([0x11, 0x22]);
    expect(u32(m.cpu.r[5]!)).toBe(DATA + 0x40);
  });
  it('base in the list with writeback stores the original base', () => {
    const m = execA32([a32('STM', { W: 1, n: 1, r: 0x0007 })], { 0: 5, 1: DATA, 2: 7 });
    expect([rd(m, DATA), rd(m, DATA + 4), rd(m, DATA + 8)]).toEqual([5, DATA, 7]);
    expect(u32(m.cpu.r[1]!)).toBe(DATA + 12);
  });
  it('stores pc as pc+8', () => {
    const m = execA32([a32('STM', { W: 0, n: 0, r: 0x8000 })], { 0: DATA });
    expect(rd(m, DATA)).toBe(CODE + 8);
  });
  it('PUSH then POP', () => {
    const m = execA32([a32('PUSH_A1', { r: 0x4030 }), a32('POP_A1', { r: 0x0007 })],
      { 4: 4, 5: 5, 14: 14, 13: DATA + 0x100 });
    expect([rd(m, DATA + 0xf4), rd(m, DATA + 0xf8), rd(m, DATA + 0xfc)]).toEqual([4, 5, 14]);
    expect([m.cpu.r[0], m.cpu.r[1], m.cpu.r[2]]).toEqual([4, 5, 14]);
    expect(u32(m.cpu.r[13]!)).toBe(DATA + 0x100);
  });
  it('misaligned: alignment fault with WnR, memory unchanged', () => {
    const m = machine();
    loadA32(m, [a32('STMDB', { W: 1, n: 0, r: 0x0006 })]);
    m.cpu.r[0] = DATA + 0x11; m.cpu.r[1] = 1; m.cpu.r[2] = 2;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0x801);
    expect(u32(m.cpu.dfar)).toBe(DATA + 0x9);
    expect(rd(m, DATA + 8)).toBe(0);
    expect(rd(m, DATA + 0xc)).toBe(0);
  });
});

describe('user-bank forms', () => {
  function fiqMachine(): Machine {
    const m = machine();
    m.cpu.switchMode(Mode.SYS);
    for (let i = 8; i <= 14; i++) m.cpu.r[i] = 0x1000 + i; // user r8-r14
    m.cpu.switchMode(Mode.FIQ);
    for (let i = 8; i <= 14; i++) m.cpu.r[i] = 0xf000 + i; // fiq r8-r14
    return m;
  }
  it('STM^ from FIQ stores the user r8-r14', () => {
    const m = fiqMachine();
    loadA32(m, [a32('STM_usr', { P: 0, U: 1, W: 0, n: 0, r: 0x7f01 })]);
    m.cpu.r[0] = DATA;
    m.engine.step();
    expect(rd(m, DATA)).toBe(DATA);
    for (let i = 8; i <= 14; i++) expect(rd(m, DATA + 4 * (i - 7))).toBe(0x1000 + i);
  });
  it('LDM^ (no pc) from FIQ loads the user r8-r14 and leaves the FIQ bank', () => {
    const m = fiqMachine();
    loadA32(m, [a32('LDM_usr', { P: 1, U: 0, W: 0, n: 0, r: 0x6100 })]);
    m.cpu.r[0] = DATA + 12;
    seq(m);
    m.engine.step();
    expect(m.cpu.pc).toBe(CODE + 4);
    expect([m.cpu.r[8], m.cpu.r[13], m.cpu.r[14]]).toEqual([0xf008, 0xf00d, 0xf00e]);
    m.cpu.switchMode(Mode.SYS);
    expect([m.cpu.r[8], m.cpu.r[13], m.cpu.r[14]]).toEqual([0x100, 0x101, 0x102]);
  });
  it('LDM^ (no pc) with writeback is UNDEFINED; STM^ with writeback writes the FIQ base (QEMU)', () => {
    const m = fiqMachine();
    loadA32(m, [a32('LDM_usr', { P: 0, U: 1, W: 1, n: 0, r: 0x0100 })]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
    const s = fiqMachine();
    loadA32(s, [a32('STM_usr', { P: 1, U: 0, W: 1, n: 8, r: 0x2000 })]);
    s.cpu.r[8] = DATA + 0x10; // FIQ r8
    s.engine.step();
    expect(rd(s, DATA + 0xc)).toBe(0x100d); // user sp
    expect(u32(s.cpu.r[8]!)).toBe(DATA + 0xc);
    s.cpu.switchMode(Mode.SYS);
    expect(s.cpu.r[8]).toBe(0x1008);
  });
  it('user-bank forms are UNDEFINED in User mode', () => {
    const m = machine();
    m.cpu.switchMode(Mode.USR);
    loadA32(m, [a32('STM_usr', { P: 0, U: 1, W: 0, n: 0, r: 0x0100 })]);
    m.cpu.r[0] = DATA;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('LDM^ with pc is an exception return: CPSR <- SPSR, pc aligned for the new T bit', () => {
    const m = machine(); // SVC
    loadA32(m, [a32('LDM_exc', { P: 0, U: 1, W: 1, n: 0, r: 0x0006 })]);
    m.cpu.r[0] = DATA;
    m.cpu.spsr = 0x80000030; // N, Thumb, User
    m.bus.write(DATA, 4, 1); m.bus.write(DATA + 4, 4, 2); m.bus.write(DATA + 8, 4, 0x60004003);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.USR);
    expect(m.cpu.t).toBe(1);
    expect(m.cpu.n).toBe(1);
    expect(m.cpu.pc).toBe(0x60004002);
    expect([m.cpu.r[1], m.cpu.r[2]]).toEqual([1, 2]);
    expect(u32(m.cpu.r[0]!)).toBe(DATA + 12);
  });
  it('exception return to ARM clears pc bits 1:0', () => {
    const m = machine();
    m.cpu.switchMode(Mode.IRQ);
    loadA32(m, [a32('LDM_exc', { P: 1, U: 0, W: 0, n: 13, r: 0 })]);
    m.cpu.r[13] = DATA + 4;
    m.cpu.spsr = 0x1f; // SYS, ARM
    m.bus.write(DATA, 4, 0x60005007);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.SYS);
    expect(m.cpu.t).toBe(0);
    expect(m.cpu.pc).toBe(0x60005004);
  });
});
