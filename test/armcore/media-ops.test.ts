// Media-group semantics, each form run in both A32 and T32 (same encoding names and fields):
// multiplies with 64-bit extremes, Q flag setting and stickiness, saturation bounds, GE bits of
// every parallel add/subtract, packing, extension rotations, bit fields, reversal.
import { afterEach, describe, expect, it } from 'vitest';
import { machine, loadA32, loadThumb, u32, type Machine } from '../harness.js';
import { A32_BY_NAME, T32_BY_NAME } from '../../src/armcore/isa/tables.js';
import { encodeFields, type Fields } from '../../src/armcore/encoding.js';
import { MEDIA_FEATURES } from '../../src/translator/sem/media.js';
import { Mode } from '../../src/armcore/cpu.js';

type Set = 'A32' | 'T32';
interface Flags { q?: number; ge?: number; n?: number; z?: number; c?: number; v?: number }

/** Encode for either set; fields an encoding does not have (S in T32) are dropped, cond = AL. */
function word(set: Set, name: string, f: Fields): number {
  const e = (set === 'A32' ? A32_BY_NAME : T32_BY_NAME).get(name);
  if (!e) throw new Error(`${set}: no ${name}`);
  const ff: Fields = {};
  for (const [k, v] of Object.entries(f)) if (e.fields.has(k)) ff[k] = v;
  if (e.fields.has('c')) ff['c'] = 14;
  return encodeFields(e, ff);
}

/** Run one instruction (a single engine step, so UNDEF and PC writes can be observed). */
function run(set: Set, name: string, f: Fields, regs: Record<number, number>, flags: Flags = {}): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  Object.assign(m.cpu, flags);
  const w = word(set, name, f);
  if (set === 'A32') loadA32(m, [w]); else loadThumb(m, [w]);
  m.engine.step();
  return m;
}
/** Rd (r0) after a three-register op r0 = op(r1, r2) [+ r3]. */
function r0(set: Set, name: string, f: Fields, regs: Record<number, number>, flags: Flags = {}): number {
  return u32(run(set, name, { d: 0, n: 1, m: 2, a: 3, ...f }, regs, flags).cpu.r[0]!);
}
/** RdHi:RdLo (r1:r0) after a long op with Rn = r2, Rm = r3, as [hi, lo]. */
function long(set: Set, name: string, f: Fields, regs: Record<number, number>): [number, number] {
  const m = run(set, name, { l: 0, h: 1, n: 2, m: 3, ...f }, regs);
  return [u32(m.cpu.r[1]!), u32(m.cpu.r[0]!)];
}

afterEach(() => { MEDIA_FEATURES.idiv = false; });

describe.each(['A32', 'T32'] as const)('%s media operations', set => {
  // ------------------------------------------------------------------ 32-bit multiplies
  it('MUL / MLA / MLS keep the low 32 bits', () => {
    expect(r0(set, 'MUL', { S: 0 }, { 1: 0x10001, 2: 0x10001 })).toBe(0x00020001);
    expect(r0(set, 'MUL', { S: 0 }, { 1: -1, 2: -1 })).toBe(1);
    expect(r0(set, 'MUL', { S: 0 }, { 1: 0x80000000, 2: 2 })).toBe(0);
    expect(r0(set, 'MLA', { S: 0 }, { 1: 0xffffffff, 2: 0xffffffff, 3: 0xffffffff })).toBe(0);
    expect(r0(set, 'MLS', {}, { 1: 3, 2: 4, 3: 10 })).toBe(u32(-2));
    expect(r0(set, 'MLS', {}, { 1: 0x80000000, 2: 0x80000000, 3: 5 })).toBe(5);
  });

  // ------------------------------------------------------------------ 64-bit multiplies
  it('UMULL / SMULL are exact at the extremes', () => {
    expect(long(set, 'UMULL', { S: 0 }, { 2: 0xffffffff, 3: 0xffffffff })).toEqual([0xfffffffe, 0x00000001]);
    expect(long(set, 'UMULL', { S: 0 }, { 2: 0x80000000, 3: 2 })).toEqual([1, 0]);
    expect(long(set, 'UMULL', { S: 0 }, { 2: 0x12345678, 3: 0x9abcdef0 })).toEqual([0x0b00ea4e, 0x242d2080]);
    expect(long(set, 'SMULL', { S: 0 }, { 2: 0x80000000, 3: 0x80000000 })).toEqual([0x40000000, 0]);
    expect(long(set, 'SMULL', { S: 0 }, { 2: 0x80000000, 3: 0x7fffffff })).toEqual([0xc0000000, 0x80000000]);
    expect(long(set, 'SMULL', { S: 0 }, { 2: -1, 3: 1 })).toEqual([0xffffffff, 0xffffffff]);
    expect(long(set, 'SMULL', { S: 0 }, { 2: -1, 3: -1 })).toEqual([0, 1]);
    expect(long(set, 'SMULL', { S: 0 }, { 2: 0x12345678, 3: 0x9abcdef0 })).toEqual([0xf8cc93d6, 0x242d2080]);
  });
  it('UMLAL / SMLAL carry across the 32-bit boundary and wrap at 64 bits', () => {
    expect(long(set, 'UMLAL', { S: 0 }, { 0: 0xffffffff, 1: 0, 2: 1, 3: 1 })).toEqual([1, 0]);
    expect(long(set, 'UMLAL', { S: 0 }, { 0: 0xffffffff, 1: 0xffffffff, 2: 1, 3: 1 })).toEqual([0, 0]);
    expect(long(set, 'UMLAL', { S: 0 }, { 0: 2, 1: 3, 2: 0xffffffff, 3: 0xffffffff })).toEqual([0x00000001, 0x00000003]);
    expect(long(set, 'SMLAL', { S: 0 }, { 0: 0, 1: 0, 2: -1, 3: 1 })).toEqual([0xffffffff, 0xffffffff]);
    expect(long(set, 'SMLAL', { S: 0 }, { 0: 1, 1: 0, 2: -1, 3: 1 })).toEqual([0, 0]);
    expect(long(set, 'SMLAL', { S: 0 }, { 0: 0, 1: 0x7fffffff, 2: 0x80000000, 3: 0x80000000 })).toEqual([0xbfffffff, 0]);
  });
  it('UMAAL: a*b + lo + hi never overflows 64 bits', () => {
    expect(long(set, 'UMAAL', {}, { 0: 0xffffffff, 1: 0xffffffff, 2: 0xffffffff, 3: 0xffffffff })).toEqual([0xffffffff, 0xffffffff]);
    expect(long(set, 'UMAAL', {}, { 0: 1, 1: 2, 2: 3, 3: 4 })).toEqual([0, 15]);
  });
  it('RdHi = RdLo: the high word is written last (as QEMU)', () => {
    const m = run(set, 'UMULL', { S: 0, l: 0, h: 0, n: 2, m: 3 }, { 2: 0xffffffff, 3: 0xffffffff });
    expect(u32(m.cpu.r[0]!)).toBe(0xfffffffe);
  });

  // ------------------------------------------------------------------ halfword multiplies
  it('SMLA<x><y> selects halves and sets Q on overflow, sticky', () => {
    const regs = { 1: 0x8000_0003, 2: 0x0002_8000, 3: 10 };
    expect(r0(set, 'SMLAxy', { N: 0, M: 0 }, regs)).toBe(u32(3 * -32768 + 10));
    expect(r0(set, 'SMLAxy', { N: 0, M: 1 }, regs)).toBe(16);
    expect(r0(set, 'SMLAxy', { N: 1, M: 0 }, regs)).toBe(0x40000000 + 10);
    expect(r0(set, 'SMLAxy', { N: 1, M: 1 }, regs)).toBe(u32(-65536 + 10));
    const m = run(set, 'SMLAxy', { d: 0, n: 1, m: 2, a: 3, N: 0, M: 0 }, { 1: 0x8000, 2: 0x8000, 3: 0x7fffffff });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0xbfffffff, 1]);
    const ok = run(set, 'SMLAxy', { d: 0, n: 1, m: 2, a: 3, N: 0, M: 0 }, { 1: 2, 2: 3, 3: 4 });
    expect(ok.cpu.q).toBe(0);
    const sticky = run(set, 'SMLAxy', { d: 0, n: 1, m: 2, a: 3, N: 0, M: 0 }, { 1: 2, 2: 3, 3: 4 }, { q: 1 });
    expect([sticky.cpu.r[0], sticky.cpu.q]).toEqual([10, 1]);
  });
  it('SMUL<x><y> never sets Q (0x8000 * 0x8000 fits)', () => {
    const m = run(set, 'SMULxy', { d: 0, n: 1, m: 2, N: 1, M: 1 }, { 1: 0x80000000, 2: 0x80000000 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x40000000, 0]);
  });
  it('SMULW<y> / SMLAW<y>: top 32 of the 48-bit product, floor for negatives, Q on accumulate', () => {
    expect(r0(set, 'SMULWy', { M: 0 }, { 1: -1, 2: 1 })).toBe(0xffffffff);
    expect(r0(set, 'SMULWy', { M: 1 }, { 1: 0x80000000, 2: 0x80000000 })).toBe(0x40000000);
    expect(r0(set, 'SMULWy', { M: 0 }, { 1: 0x7fffffff, 2: 0x7fff })).toBe(0x3fff7fff);
    const m = run(set, 'SMLAWy', { d: 0, n: 1, m: 2, a: 3, M: 1 }, { 1: 0x80000000, 2: 0x80000000, 3: 0x40000000 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x80000000, 1]);
  });
  it('SMLAL<x><y>: 16x16 product into 64 bits', () => {
    expect(long(set, 'SMLALxy', { N: 0, M: 0 }, { 0: 0, 1: 0, 2: 0xffff, 3: 1 })).toEqual([0xffffffff, 0xffffffff]);
    expect(long(set, 'SMLALxy', { N: 1, M: 1 }, { 0: 0xc0000000, 1: 5, 2: 0x80000000, 3: 0x80000000 })).toEqual([6, 0]);
  });

  // ------------------------------------------------------------------ dual multiplies
  it('SMUAD / SMLAD: Q only when the exact sum leaves int32', () => {
    let m = run(set, 'SMUAD', { d: 0, n: 1, m: 2, M: 0 }, { 1: 0x80008000, 2: 0x80008000 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x80000000, 1]);
    m = run(set, 'SMLAD', { d: 0, n: 1, m: 2, a: 3, M: 0 }, { 1: 0x80008000, 2: 0x80008000, 3: -1 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x7fffffff, 0]);
    m = run(set, 'SMLAD', { d: 0, n: 1, m: 2, a: 3, M: 1 }, { 1: 0x00020003, 2: 0x00050007, 3: 100 });
    expect([m.cpu.r[0], m.cpu.q]).toEqual([3 * 5 + 2 * 7 + 100, 0]);
    m = run(set, 'SMLAD', { d: 0, n: 1, m: 2, a: 3, M: 0 }, { 1: 0x00010001, 2: 0x00010001, 3: 0x7fffffff });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x80000001, 1]);
  });
  it('SMUSD / SMLSD (X swaps Rm halves)', () => {
    expect(r0(set, 'SMUSD', { M: 0 }, { 1: 0x00020003, 2: 0x00050007 })).toBe(3 * 7 - 2 * 5);
    expect(r0(set, 'SMUSD', { M: 1 }, { 1: 0x00020003, 2: 0x00050007 })).toBe(3 * 5 - 2 * 7);
    const m = run(set, 'SMUSD', { d: 0, n: 1, m: 2, M: 0 }, { 1: 0x80000000 | 0x8000, 2: 0x80000000 | 0x7fff });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([u32(-32768 * 32767 - -32768 * -32768), 0]);
    expect(r0(set, 'SMLSD', { M: 0 }, { 1: 0x00020003, 2: 0x00050007, 3: -11 })).toBe(0);
  });
  it('SMLALD / SMLSLD accumulate into 64 bits', () => {
    expect(long(set, 'SMLALD', { M: 0 }, { 0: 0xffffffff, 1: 0, 2: 0x80008000, 3: 0x80008000 })).toEqual([1, 0x7fffffff]);
    expect(long(set, 'SMLSLD', { M: 0 }, { 0: 0, 1: 0, 2: 0x00010002, 3: 0x00030001 })).toEqual([0xffffffff, 0xffffffff]);
    expect(long(set, 'SMLSLD', { M: 1 }, { 0: 0, 1: 0, 2: 0x00010002, 3: 0x00030001 })).toEqual([0, 5]);
  });

  // ------------------------------------------------------------------ most-significant-word multiplies
  it('SMMUL / SMMULR round by adding 0x80000000 to the 64-bit product', () => {
    expect(r0(set, 'SMMUL', { R: 0 }, { 1: 0x10000, 2: 0x8000 })).toBe(0);
    expect(r0(set, 'SMMUL', { R: 1 }, { 1: 0x10000, 2: 0x8000 })).toBe(1);
    expect(r0(set, 'SMMUL', { R: 1 }, { 1: 0x10000, 2: 0x7fff })).toBe(0);
    expect(r0(set, 'SMMUL', { R: 0 }, { 1: -1, 2: 1 })).toBe(0xffffffff);
    expect(r0(set, 'SMMUL', { R: 1 }, { 1: -1, 2: 1 })).toBe(0);
    expect(r0(set, 'SMMUL', { R: 0 }, { 1: 0x80000000, 2: 0x80000000 })).toBe(0x40000000);
  });
  it('SMMLA / SMMLS with and without rounding', () => {
    expect(r0(set, 'SMMLA', { R: 0 }, { 1: 0x10000, 2: 0x8000, 3: 7 })).toBe(7);
    expect(r0(set, 'SMMLA', { R: 1 }, { 1: 0x10000, 2: 0x8000, 3: 7 })).toBe(8);
    expect(r0(set, 'SMMLA', { R: 0 }, { 1: 0x80000000, 2: 0x80000000, 3: 0x40000000 })).toBe(0x80000000);
    // (1 << 32) - 0x80000000 = 0x0_80000000
    expect(r0(set, 'SMMLS', { R: 0 }, { 1: 0x10000, 2: 0x8000, 3: 1 })).toBe(0);
    expect(r0(set, 'SMMLS', { R: 1 }, { 1: 0x10000, 2: 0x8000, 3: 1 })).toBe(1);
    // low word zero: no borrow
    expect(r0(set, 'SMMLS', { R: 0 }, { 1: 0x10000, 2: 0x10000, 3: 5 })).toBe(4);
    expect(r0(set, 'SMMLS', { R: 1 }, { 1: -1, 2: 1, 3: 0 })).toBe(0);
  });

  // ------------------------------------------------------------------ divide
  it('SDIV / UDIV are UNDEFINED on Cortex-A9 (as QEMU vexpress-a9)', () => {
    const m = run(set, 'SDIV', { d: 0, n: 1, m: 2 }, { 1: 10, 2: 3 });
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('SDIV / UDIV with the divide extension: truncation, /0 = 0, INT_MIN / -1', () => {
    MEDIA_FEATURES.idiv = true;
    expect(r0(set, 'SDIV', {}, { 1: -7, 2: 2 })).toBe(u32(-3));
    expect(r0(set, 'SDIV', {}, { 1: 7, 2: -2 })).toBe(u32(-3));
    expect(r0(set, 'SDIV', {}, { 1: 0x80000000, 2: -1 })).toBe(0x80000000);
    expect(r0(set, 'SDIV', {}, { 1: 12345, 2: 0 })).toBe(0);
    expect(r0(set, 'UDIV', {}, { 1: 0xffffffff, 2: 1 })).toBe(0xffffffff);
    expect(r0(set, 'UDIV', {}, { 1: 0xffffffff, 2: 0x10 })).toBe(0x0fffffff);
    expect(r0(set, 'UDIV', {}, { 1: 0x80000000, 2: 0xffffffff })).toBe(0);
    expect(r0(set, 'UDIV', {}, { 1: 5, 2: 0 })).toBe(0);
  });

  // ------------------------------------------------------------------ saturating arithmetic
  it('QADD / QSUB / QDADD / QDSUB saturate and set Q (sticky)', () => {
    const q = (name: string, m: number, n: number, flags: Flags = {}) => {
      const mm = run(set, name, { d: 0, n: 1, m: 2 }, { 1: n, 2: m }, flags);
      return [u32(mm.cpu.r[0]!), mm.cpu.q];
    };
    expect(q('QADD', 0x7fffffff, 1)).toEqual([0x7fffffff, 1]);
    expect(q('QADD', 0x80000000, -1)).toEqual([0x80000000, 1]);
    expect(q('QADD', 5, -7)).toEqual([u32(-2), 0]);
    expect(q('QADD', 5, -7, { q: 1 })).toEqual([u32(-2), 1]);
    expect(q('QSUB', 0x80000000, 1)).toEqual([0x80000000, 1]);
    expect(q('QSUB', 0x7fffffff, -1)).toEqual([0x7fffffff, 1]);
    expect(q('QSUB', 0, 0x80000000)).toEqual([0x7fffffff, 1]);
    expect(q('QSUB', 10, 3)).toEqual([7, 0]);
    // doubling saturates (Q) although the final sum does not
    expect(q('QDADD', -1, 0x40000000)).toEqual([0x7ffffffe, 1]);
    expect(q('QDADD', 1, 0x20000000)).toEqual([0x40000001, 0]);
    expect(q('QDADD', 0x7fffffff, 1)).toEqual([0x7fffffff, 1]);
    expect(q('QDSUB', 0, 0xc0000000)).toEqual([0x7fffffff, 1]);
    expect(q('QDSUB', -1, 0x40000000)).toEqual([0x80000000, 1]);
    expect(q('QDSUB', 10, 3)).toEqual([4, 0]);
  });
  it('SSAT / USAT at their bounds, with shifts', () => {
    const s = (name: string, f: Fields, v: number, flags: Flags = {}) => {
      const m = run(set, name, { d: 0, n: 1, p: 0, i: 0, ...f }, { 1: v }, flags);
      return [u32(m.cpu.r[0]!), m.cpu.q];
    };
    expect(s('SSAT', { k: 7 }, 127)).toEqual([127, 0]);
    expect(s('SSAT', { k: 7 }, 128)).toEqual([127, 1]);
    expect(s('SSAT', { k: 7 }, -128)).toEqual([u32(-128), 0]);
    expect(s('SSAT', { k: 7 }, -129)).toEqual([u32(-128), 1]);
    expect(s('SSAT', { k: 0 }, 1)).toEqual([0, 1]);
    expect(s('SSAT', { k: 0 }, -1)).toEqual([0xffffffff, 0]);
    expect(s('SSAT', { k: 31 }, 0x80000000)).toEqual([0x80000000, 0]);
    expect(s('SSAT', { k: 15, i: 4 }, 0x1000)).toEqual([0x7fff, 1]);
    expect(s('SSAT', { k: 15, p: 1, i: 4 }, 0x80000)).toEqual([0x7fff, 1]);
    expect(s('SSAT', { k: 15, p: 1, i: 4 }, 0x70000)).toEqual([0x7000, 0]);
    expect(s('SSAT', { k: 7 }, 5, { q: 1 })).toEqual([5, 1]);
    expect(s('USAT', { k: 8 }, 255)).toEqual([255, 0]);
    expect(s('USAT', { k: 8 }, 256)).toEqual([255, 1]);
    expect(s('USAT', { k: 8 }, -1)).toEqual([0, 1]);
    expect(s('USAT', { k: 0 }, 1)).toEqual([0, 1]);
    expect(s('USAT', { k: 31 }, 0x80000000)).toEqual([0, 1]);
    expect(s('USAT', { k: 31 }, 0x7fffffff)).toEqual([0x7fffffff, 0]);
    expect(s('USAT', { k: 16, p: 1, i: 31 }, 0x80000000)).toEqual([0, 1]);
  });
  it('SSAT16 / USAT16 saturate each halfword', () => {
    let m = run(set, 'SSAT16', { d: 0, n: 1, k: 7 }, { 1: 0x0080ff7f });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x007fff80, 1]);
    m = run(set, 'SSAT16', { d: 0, n: 1, k: 7 }, { 1: 0x007fff80 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x007fff80, 0]);
    m = run(set, 'USAT16', { d: 0, n: 1, k: 8 }, { 1: 0x0100ffff });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x00ff0000, 1]);
    m = run(set, 'USAT16', { d: 0, n: 1, k: 15 }, { 1: 0x7fff0001 });
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x7fff0001, 0]);
  });

  // ------------------------------------------------------------------ parallel add/subtract
  // [name, Rn, Rm, result, GE or -1 (GE untouched)]
  const PAR: [string, number, number, number, number][] = [
    ['SADD16', 0x7fff8000, 0x0001ffff, 0x80007fff, 0b1100],
    ['SADD16', 0x00010001, 0xffffffff, 0x00000000, 0b1111],
    ['SADD16', 0xfffe0005, 0x0001fff0, 0xfffffff5, 0b0000],
    ['SASX', 0x00050003, 0x00020007, 0x000c0001, 0b1111],
    ['SASX', 0x80000000, 0x00010000, 0x8000ffff, 0b0000],
    ['SSAX', 0x00050003, 0x00020007, 0xfffe0005, 0b0011],
    ['SSUB16', 0x00030003, 0x00040002, 0xffff0001, 0b0011],
    ['SSUB16', 0x80007fff, 0x0001ffff, 0x7fff8000, 0b0011],
    ['SADD8', 0x7f80ff01, 0x01ff01ff, 0x807f0000, 0b1011],
    ['SSUB8', 0x0080017f, 0x010100ff, 0xff7f0180, 0b0011],
    ['UADD16', 0xffff0001, 0x0001ffff, 0x00000000, 0b1111],
    ['UADD16', 0x7fff0001, 0x00010001, 0x80000002, 0b0000],
    ['UASX', 0x00050003, 0x00040007, 0x000cffff, 0b0000],
    ['USAX', 0x00050003, 0xffff0007, 0xfffe0002, 0b0011],
    ['USUB16', 0x00030005, 0x00040005, 0xffff0000, 0b0011],
    ['UADD8', 0xff80017f, 0x01800180, 0x000002ff, 0b1100],
    ['USUB8', 0x00800102, 0x01800201, 0xff00ff01, 0b0101],
    ['QADD16', 0x7fff8000, 0x0001ffff, 0x7fff8000, -1],
    ['QASX', 0x7fff8000, 0x00017fff, 0x7fff8000, -1],
    ['QSAX', 0x7fff8000, 0xffffffff, 0x7fff8000, -1],
    ['QSUB16', 0x80007fff, 0x0001ffff, 0x80007fff, -1],
    ['QADD8', 0x7f80107f, 0x01ff1001, 0x7f80207f, -1],
    ['QSUB8', 0x80007f01, 0x01ff8102, 0x80017fff, -1],
    ['SHADD16', 0x7fff8000, 0x7fff8000, 0x7fff8000, -1],
    ['SHADD16', 0x00010003, 0xfffe0000, 0xffff0001, -1],
    ['SHASX', 0x00040002, 0x00060002, 0x0003fffe, -1],
    ['SHSAX', 0x00040002, 0x00060002, 0x00010004, -1],
    ['SHSUB16', 0x80007fff, 0x7fff8000, 0x80007fff, -1],
    ['SHADD8', 0x7f80ff01, 0x7f80ff01, 0x7f80ff01, -1],
    ['SHSUB8', 0x807f0003, 0x7f800001, 0x807f0001, -1],
    ['UQADD16', 0xfff00001, 0x00200002, 0xffff0003, -1],
    ['UQASX', 0x00010005, 0xfffffffe, 0xffff0000, -1],
    ['UQSAX', 0x00050001, 0xfffe0003, 0x0002ffff, -1],
    ['UQSUB16', 0x00010005, 0x00020003, 0x00000002, -1],
    ['UQADD8', 0xff01807f, 0x02018081, 0xff02ffff, -1],
    ['UQSUB8', 0x01ff8000, 0x02018001, 0x00fe0000, -1],
    ['UHADD16', 0xffffffff, 0xffff0001, 0xffff8000, -1],
    ['UHASX', 0x00030001, 0x00020005, 0x0004ffff, -1],
    ['UHSAX', 0x00030001, 0x00020005, 0xffff0001, -1],
    ['UHSUB16', 0x00000005, 0x00010003, 0xffff0001, -1],
    ['UHADD8', 0xffff0102, 0xff010103, 0xff800102, -1],
    ['UHSUB8', 0x00050100, 0x01030001, 0xff0100ff, -1],
  ];
  it.each(PAR)('%s %s, %s', (name, n, mm, res, ge) => {
    const m = run(set, name, { d: 0, n: 1, m: 2 }, { 1: n, 2: mm }, { ge: 0b1010, q: 0 });
    expect(u32(m.cpu.r[0]!).toString(16)).toBe(u32(res).toString(16));
    if (ge >= 0) expect(m.cpu.ge).toBe(ge);
    else if (ge === -1) expect(m.cpu.ge).toBe(0b1010);
    expect(m.cpu.q).toBe(0);
  });
  it('UASX sets GE[1:0] from the difference and GE[3:2] from the carry of the sum', () => {
    let m = run(set, 'UASX', { d: 0, n: 1, m: 2 }, { 1: 0xffff0003, 2: 0x00040001 });
    expect([u32(m.cpu.r[0]!), m.cpu.ge]).toEqual([0x0000ffff, 0b1100]);
    m = run(set, 'UASX', { d: 0, n: 1, m: 2 }, { 1: 0x00010007, 2: 0x00040001 });
    expect([u32(m.cpu.r[0]!), m.cpu.ge]).toEqual([0x00020003, 0b0011]);
  });
  it('SEL picks bytes by GE; USAD8 / USADA8 sum absolute differences', () => {
    expect(r0(set, 'SEL', {}, { 1: 0x11223344, 2: 0xaabbccdd }, { ge: 0b0101 })).toBe(0xaa22cc44);
    expect(r0(set, 'SEL', {}, { 1: 0x11223344, 2: 0xaabbccdd }, { ge: 0b1111 })).toBe(0x11223344);
    expect(r0(set, 'USAD8', {}, { 1: 0x00ff1080, 2: 0xff001080 })).toBe(0x1fe);
    expect(r0(set, 'USADA8', {}, { 1: 0x00ff1080, 2: 0xff001081, 3: 0xffffffff })).toBe(0x1fe);
  });

  // ------------------------------------------------------------------ packing and extension
  it('PKHBT / PKHTB (ASR #32 for a zero shift)', () => {
    expect(r0(set, 'PKH', { T: 0, i: 0 }, { 1: 0x1111aaaa, 2: 0x2222bbbb })).toBe(0x2222aaaa);
    expect(r0(set, 'PKH', { T: 0, i: 16 }, { 1: 0x1111aaaa, 2: 0x2222bbbb })).toBe(0xbbbbaaaa);
    expect(r0(set, 'PKH', { T: 1, i: 16 }, { 1: 0x1111aaaa, 2: 0x8222bbbb })).toBe(0x11118222);
    expect(r0(set, 'PKH', { T: 1, i: 0 }, { 1: 0x1111aaaa, 2: 0x8222bbbb })).toBe(0x1111ffff);
    expect(r0(set, 'PKH', { T: 1, i: 0 }, { 1: 0x1111aaaa, 2: 0x7222bbbb })).toBe(0x11110000);
  });
  const V = 0x8192a3f4; // bytes: f4 a3 92 81
  it.each([0, 1, 2, 3])('extends with rotation %i*8', r => {
    const rot = ((V >>> (8 * r)) | (V << (32 - 8 * r))) >>> 0;
    const sb = (x: number) => u32((x << 24) >> 24), sh = (x: number) => u32((x << 16) >> 16);
    const x = (name: string) => r0(set, name, { d: 0, m: 2, r }, { 2: V });
    const xa = (name: string, n: number) => r0(set, name, { d: 0, n: 1, m: 2, r }, { 1: n, 2: V });
    expect(x('SXTB')).toBe(sb(rot));
    expect(x('SXTH')).toBe(sh(rot));
    expect(x('UXTB')).toBe(rot & 0xff);
    expect(x('UXTH')).toBe(rot & 0xffff);
    expect(x('UXTB16')).toBe(u32(rot & 0x00ff00ff));
    expect(x('SXTB16')).toBe(u32((sh(sb(rot)) & 0xffff) | (sb(rot >>> 16) << 16)));
    expect(xa('SXTAB', 0x100)).toBe(u32(0x100 + ((rot << 24) >> 24)));
    expect(xa('SXTAH', 0)).toBe(sh(rot));
    expect(xa('UXTAB', 0xffffffff)).toBe(u32((rot & 0xff) - 1));
    expect(xa('UXTAH', 0x10000)).toBe(0x10000 + (rot & 0xffff));
    // 16-bit lanes wrap independently
    expect(xa('UXTAB16', 0xffffff80)).toBe(u32((((rot >>> 16) & 0xff) - 1) << 16 | ((0xff80 + (rot & 0xff)) & 0xffff)));
    expect(xa('SXTAB16', 0x00010001)).toBe(u32((((rot << 8) >> 24) + 1) << 16 | ((((rot << 24) >> 24) + 1) & 0xffff)));
  });

  // ------------------------------------------------------------------ bits
  it('REV / REV16 / REVSH / RBIT / CLZ', () => {
    const one = (name: string, v: number) => r0(set, name, { d: 0, m: 2 }, { 2: v });
    expect(one('REV', 0x12345678)).toBe(0x78563412);
    expect(one('REV16', 0x12345678)).toBe(0x34127856);
    expect(one('REVSH', 0x12345680)).toBe(0xffff8056);
    expect(one('REVSH', 0x1234807f)).toBe(0x7f80);
    expect(one('RBIT', 0x00000001)).toBe(0x80000000);
    expect(one('RBIT', 0x12345678)).toBe(0x1e6a2c48);
    expect(one('CLZ', 0)).toBe(32);
    expect(one('CLZ', 1)).toBe(31);
    expect(one('CLZ', 0x80000000)).toBe(0);
  });
  it('BFI / BFC with widths 1 and 32', () => {
    const bfi = (b: number, k: number, d: number, n: number) => u32(run(set, 'BFI', { d: 0, n: 1, b, k }, { 0: d, 1: n }).cpu.r[0]!);
    const bfc = (b: number, k: number, d: number) => u32(run(set, 'BFC', { d: 0, b, k }, { 0: d }).cpu.r[0]!);
    expect(bfi(0, 31, 0x12345678, 0x9abcdef0)).toBe(0x9abcdef0);
    expect(bfi(31, 31, 0x12345678, 0xffffffff)).toBe(0x92345678);
    expect(bfi(0, 0, 0x12345678, 0xffffffff)).toBe(0x12345679);
    expect(bfi(8, 15, 0x12345678, 0xab)).toBe(0x1234ab78);
    expect(bfc(0, 31, 0x12345678)).toBe(0);
    expect(bfc(31, 31, 0xffffffff)).toBe(0x7fffffff);
    expect(bfc(4, 11, 0xffffffff)).toBe(0xfffff00f);
  });
  it('BFI with msb < lsb is UNDEFINED (as QEMU)', () => {
    expect(run(set, 'BFI', { d: 0, n: 1, b: 8, k: 7 }, {}).cpu.mode).toBe(Mode.UND);
    expect(run(set, 'BFC', { d: 0, b: 8, k: 7 }, {}).cpu.mode).toBe(Mode.UND);
  });
  it('SBFX / UBFX with widths 1 and 32; lsb + width > 32 is UNDEFINED', () => {
    const x = (name: string, b: number, w: number, v: number) => u32(run(set, name, { d: 0, n: 1, b, w }, { 1: v }).cpu.r[0]!);
    expect(x('SBFX', 0, 31, 0x87654321)).toBe(0x87654321);
    expect(x('UBFX', 0, 31, 0x87654321)).toBe(0x87654321);
    expect(x('SBFX', 31, 0, 0x80000000)).toBe(0xffffffff);
    expect(x('UBFX', 31, 0, 0x80000000)).toBe(1);
    expect(x('SBFX', 4, 7, 0x00000f80)).toBe(0xfffffff8);
    expect(x('UBFX', 4, 7, 0x00000f80)).toBe(0xf8);
    expect(run(set, 'UBFX', { d: 0, n: 1, b: 1, w: 31 }, {}).cpu.mode).toBe(Mode.UND);
    expect(run(set, 'SBFX', { d: 0, n: 1, b: 31, w: 1 }, {}).cpu.mode).toBe(Mode.UND);
  });

  // ------------------------------------------------------------------ PC as destination
  it('Rd = PC branches to the result with the low bits cleared (as QEMU)', () => {
    const m = run(set, 'MUL', { S: 0, d: 15, n: 1, m: 2 }, { 1: 0x60002003, 2: 1 });
    expect(m.cpu.pc).toBe(set === 'A32' ? 0x60002000 : 0x60002002);
    expect(m.cpu.t).toBe(set === 'A32' ? 0 : 1);
  });
});

describe('64-bit multiply helpers against BigInt', () => {
  it('mulHiU / mulHiS on random and extreme operands', async () => {
    const { mulHiU, mulHiS } = await import('../../src/translator/sem/media.js');
    let s = 12345;
    const rnd = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s; };
    const vals = [0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0xffff, 0x10000, 0xfffe0001];
    for (let i = 0; i < 3000; i++) vals.push(rnd());
    for (let i = 0; i < vals.length; i++) {
      const a = vals[i]!, b = vals[(i * 7 + 3) % vals.length]!;
      const pu = (BigInt(a) * BigInt(b)) >> 32n;
      expect(u32(mulHiU(a, b))).toBe(Number(pu & 0xffffffffn));
      const ps = (BigInt(a | 0) * BigInt(b | 0)) >> 32n;
      expect(u32(mulHiS(a | 0, b | 0))).toBe(Number(BigInt.asUintN(32, ps)));
    }
  });
});
