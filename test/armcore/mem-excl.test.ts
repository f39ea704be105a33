// Exclusives (QEMU's monitor: address + value seen), CLREX, SWP/SWPB, preload hints.
import { describe, expect, it } from 'vitest';
import { a32, t32, execA32, execThumb, machine, loadA32, CODE, DATA, u32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

const rd = (m: Machine, a: number, w: 1 | 2 | 4 = 4) => u32(m.bus.read(a, w));

describe('assembler cross-check', () => {
  it('encodes as arm-none-eabi-as does', () => {
    expect(a32('LDREX', { n: 1, t: 0 })).toBe(0xe1910f9f);
    expect(a32('STREX', { n: 1, d: 2, t: 0 })).toBe(0xe1812f90);
    expect(a32('LDREXD', { n: 2, t: 0 })).toBe(0xe1b20f9f);
    expect(a32('STREXD', { n: 2, d: 3, t: 0 })).toBe(0xe1a23f90);
    expect(a32('SWP', { n: 2, t: 0, u: 1 })).toBe(0xe1020091);
    expect(a32('CLREX', {})).toBe(0xf57ff01f);
    expect(t32('LDREX', { n: 1, t: 0, i: 1 })).toBe(0xe8510f01);
    expect(t32('STREXB', { n: 1, t: 0, d: 2 })).toBe(0xe8c10f42);
    expect(t32('LDREXD', { n: 2, t: 0, u: 1 })).toBe(0xe8d2017f);
    expect(t32('CLREX', {})).toBe(0xf3bf8f2f);
  });
});

describe('A32 exclusives', () => {
  it('LDREX/STREX pair succeeds', () => {
    const m = execA32([a32('LDREX', { n: 1, t: 0 }), a32('STREX', { n: 1, d: 2, t: 3 })],
      { 1: DATA, 2: 7, 3: 0x99 }, m => m.bus.write(DATA, 4, 0x42));
    expect(m.cpu.r[0]).toBe(0x42);
    expect(m.cpu.r[2]).toBe(0);
    expect(rd(m, DATA)).toBe(0x99);
    expect(m.cpu.exclAddr).toBe(-1);
  });
  it('STREX after CLREX fails and does not store', () => {
    const m = execA32([a32('LDREX', { n: 1, t: 0 }), a32('CLREX', {}), a32('STREX', { n: 1, d: 2, t: 3 })],
      { 1: DATA, 3: 0x99 }, m => m.bus.write(DATA, 4, 0x42));
    expect(m.cpu.r[2]).toBe(1);
    expect(rd(m, DATA)).toBe(0x42);
  });
  it('STREX fails after a plain store of a different value, succeeds after one of the same value', () => {
    const m = execA32([
      a32('LDREX', { n: 1, t: 0 }), a32('STR_imm', { P: 1, U: 1, W: 0, n: 1, t: 4, i: 0 }), a32('STREX', { n: 1, d: 2, t: 3 }),
      a32('LDREX', { n: 1, t: 0 }), a32('STR_imm', { P: 1, U: 1, W: 0, n: 1, t: 0, i: 0 }), a32('STREX', { n: 1, d: 5, t: 3 }),
    ], { 1: DATA, 3: 0x99, 4: 0x43 }, m => m.bus.write(DATA, 4, 0x42));
    expect(m.cpu.r[2]).toBe(1);
    expect(m.cpu.r[5]).toBe(0);
    expect(rd(m, DATA)).toBe(0x99);
  });
  it('STREX to another address fails and clears the monitor', () => {
    const m = execA32([
      a32('LDREX', { n: 1, t: 0 }), a32('STREX', { n: 4, d: 2, t: 3 }), a32('STREX', { n: 1, d: 5, t: 3 }),
    ], { 1: DATA, 3: 0x99, 4: DATA + 4 }, m => m.bus.write(DATA, 4, 0x42));
    expect(m.cpu.r[2]).toBe(1);
    expect(m.cpu.r[5]).toBe(1);
    expect(rd(m, DATA + 4)).toBe(0);
    expect(rd(m, DATA)).toBe(0x42);
  });
  it('the monitor survives exception entry and return (qemu-system-arm 7.2 does not clear it)', () => {
    const m = machine();
    loadA32(m, [a32('LDREX', { n: 1, t: 0 })]);
    m.cpu.r[1] = DATA;
    m.engine.step();
    m.cpu.takeInterrupt(false);
    m.cpu.setCpsr(m.cpu.spsr);
    loadA32(m, [a32('STREX', { n: 1, d: 2, t: 3 })], CODE + 0x100);
    m.cpu.r[3] = 0x5a;
    m.engine.step();
    expect(m.cpu.r[2]).toBe(0);
    expect(rd(m, DATA)).toBe(0x5a);
  });
  it('byte and halfword pairs', () => {
    const m = execA32([
      a32('LDREXB', { n: 1, t: 0 }), a32('STREXB', { n: 1, d: 2, t: 3 }),
      a32('LDREXH', { n: 4, t: 5 }), a32('STREXH', { n: 4, d: 6, t: 3 }),
    ], { 1: DATA + 1, 3: 0x12345678, 4: DATA + 6 }, m => m.bus.write(DATA, 4, 0xaabbccdd));
    expect(m.cpu.r[0]).toBe(0xcc);
    expect(m.cpu.r[2]).toBe(0);
    expect(rd(m, DATA)).toBe(0xaabb78dd);
    expect(m.cpu.r[6]).toBe(0);
    expect(rd(m, DATA + 6, 2)).toBe(0x5678);
  });
  it('doubleword pair', () => {
    const m = execA32([a32('LDREXD', { n: 1, t: 2 }), a32('STREXD', { n: 1, d: 0, t: 4 })],
      { 1: DATA + 8, 4: 0x44, 5: 0x55 }, m => { m.bus.write(DATA + 8, 4, 0x11); m.bus.write(DATA + 12, 4, 0x22); });
    expect([m.cpu.r[2], m.cpu.r[3]]).toEqual([0x11, 0x22]);
    expect(m.cpu.r[0]).toBe(0);
    expect([rd(m, DATA + 8), rd(m, DATA + 12)]).toEqual([0x44, 0x55]);
  });
  it('LDREXD high word changed: STREXD fails', () => {
    const m = execA32([
      a32('LDREXD', { n: 1, t: 2 }), a32('STR_imm', { P: 1, U: 1, W: 0, n: 1, t: 1, i: 4 }), a32('STREXD', { n: 1, d: 0, t: 4 }),
    ], { 1: DATA + 8, 4: 0x44, 5: 0x55 });
    expect(m.cpu.r[0]).toBe(1);
    expect(rd(m, DATA + 8)).toBe(0);
  });
  it('misaligned LDREX/LDREXH/LDREXD take alignment faults', () => {
    for (const [w, addr] of [[a32('LDREX', { n: 1, t: 0 }), DATA + 2], [a32('LDREXH', { n: 1, t: 0 }), DATA + 1],
      [a32('LDREXD', { n: 1, t: 2 }), DATA + 4]] as [number, number][]) {
      const m = machine();
      loadA32(m, [w]);
      m.cpu.r[1] = addr;
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.ABT);
      expect(m.cpu.dfsr).toBe(1);
      expect(u32(m.cpu.dfar)).toBe(addr);
      expect(m.cpu.exclAddr).toBe(-1);
    }
  });
  it('UNPREDICTABLE register choices UNDEF as in QEMU', () => {
    for (const w of [a32('STREX', { n: 1, d: 1, t: 0 }), a32('STREX', { n: 1, d: 0, t: 0 }), a32('LDREX', { n: 15, t: 0 }),
      a32('LDREXD', { n: 1, t: 3 }), a32('STREXD', { n: 1, d: 3, t: 2 })]) {
      const m = machine();
      loadA32(m, [w]);
      m.engine.step();
      expect(m.cpu.mode).toBe(Mode.UND);
    }
  });
});

describe('SWP/SWPB (accepted on ARMv7 as QEMU 7.2 does)', () => {
  it('SWP swaps a word, SWPB a byte', () => {
    const m = execA32([a32('SWP', { n: 2, t: 0, u: 1 }), a32('SWPB', { n: 3, t: 4, u: 1 })],
      { 1: 0x11223344, 2: DATA, 3: DATA + 5 }, m => m.bus.write(DATA, 4, 0xaabbccdd));
    expect(u32(m.cpu.r[0]!)).toBe(0xaabbccdd);
    expect(rd(m, DATA)).toBe(0x11223344);
    expect(m.cpu.r[4]).toBe(0);
    expect(rd(m, DATA + 5, 1)).toBe(0x44);
  });
  it('SWP with Rt = Rt2 swaps register and memory', () => {
    const m = execA32([a32('SWP', { n: 2, t: 1, u: 1 })], { 1: 5, 2: DATA }, m => m.bus.write(DATA, 4, 9));
    expect(m.cpu.r[1]).toBe(9);
    expect(rd(m, DATA)).toBe(5);
  });
  it('misaligned SWP takes an alignment fault', () => {
    const m = machine();
    loadA32(m, [a32('SWP', { n: 2, t: 0, u: 1 })]);
    m.cpu.r[2] = DATA + 2;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(rd(m, DATA)).toBe(0);
  });
});

describe('T32 exclusives', () => {
  it('LDREX with offset / STREX pair; STREXB after CLREX fails', () => {
    const m = execThumb([
      t32('LDREX', { n: 1, t: 0, i: 1 }), t32('STREX', { n: 1, t: 3, d: 2, i: 1 }),
      t32('LDREXB', { n: 1, t: 4 }), t32('CLREX', {}), t32('STREXB', { n: 1, t: 3, d: 5 }),
    ], { 1: DATA, 3: 0x77 }, m => m.bus.write(DATA + 4, 4, 0x42));
    expect(m.cpu.r[0]).toBe(0x42);
    expect(m.cpu.r[2]).toBe(0);
    expect(rd(m, DATA + 4)).toBe(0x77);
    expect(m.cpu.r[5]).toBe(1);
    expect(rd(m, DATA, 1)).toBe(0);
  });
  it('LDREXD/STREXD with independent Rt2; LDREXH/STREXH', () => {
    const m = execThumb([
      t32('LDREXD', { n: 1, t: 2, u: 7 }), t32('STREXD', { n: 1, t: 7, u: 2, d: 0 }),
      t32('LDREXH', { n: 1, t: 4 }), t32('STREXH', { n: 1, t: 4, d: 5 }),
    ], { 1: DATA }, m => { m.bus.write(DATA, 4, 0x11); m.bus.write(DATA + 4, 4, 0x22); });
    expect([m.cpu.r[2], m.cpu.r[7]]).toEqual([0x11, 0x22]);
    expect(m.cpu.r[0]).toBe(0);
    expect([rd(m, DATA), rd(m, DATA + 4)]).toEqual([0x22, 0x11]);
    expect(m.cpu.r[4]).toBe(0x22);
    expect(m.cpu.r[5]).toBe(0);
  });
  it('Rt = sp UNDEFs (QEMU, before v8)', () => {
    const m = machine();
    m.bus.write(0x60001000, 2, t32('LDREX', { n: 1, t: 13, i: 0 }) >>> 16);
    m.bus.write(0x60001002, 2, t32('LDREX', { n: 1, t: 13, i: 0 }) & 0xffff);
    m.cpu.pc = 0x60001000; m.cpu.t = 1;
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
});

describe('preload hints', () => {
  it('PLD/PLDW/PLI never fault, even on unmapped or misaligned addresses', () => {
    const m = execA32([
      a32('PLD_imm', { U: 1, R: 1, n: 1, i: 3 }), a32('PLD_reg', { U: 0, R: 0, n: 1, v: 2, y: 0, m: 2 }),
      a32('PLI_imm', { U: 0, n: 1, i: 8 }), a32('PLI_reg', { U: 1, n: 1, v: 0, y: 0, m: 2 }),
    ], { 1: 0x10, 2: 0x12345 });
    expect(m.cpu.mode).toBe(Mode.SVC);
    const t = execThumb([
      t32('PLD_imm_T1', { n: 1, i: 4 }), t32('PLDW_imm_T2', { n: 1, i: 4 }), t32('PLD_lit', { U: 0, i: 4 }),
      t32('PLI_reg', { n: 1, m: 2, k: 2 }), t32('PLI_imm_T1', { n: 1, i: 1 }), t32('NOPHINT_SH_imm', { n: 1, i: 1 }),
    ], { 1: 0x10, 2: 0x12345 });
    expect(t.cpu.mode).toBe(Mode.SVC);
  });
});
