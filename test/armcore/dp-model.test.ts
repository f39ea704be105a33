// Data-processing instructions in all three instruction sets against a plain transcription of the
// ARM ARM pseudocode (Shift_C, ARMExpandImm_C, ThumbExpandImm_C, AddWithCarry), over edge-case
// and pseudo-random operands, shift amounts and carry-in. Results and NZCV must agree.
import { describe, expect, it } from 'vitest';
import { a32, t16, t32, machine, CODE, type Machine } from '../harness.js';

// ------------------------------------------------------------------ reference model (pseudocode)

const U = (v: number) => v >>> 0;

/** Shift_C(value, type, amount, carry_in); type 0 LSL 1 LSR 2 ASR 3 ROR 4 RRX. */
function shiftC(value: number, type: number, amount: number, cin: number): [number, number] {
  const x = BigInt(U(value));
  if (type === 4) return [Number(((BigInt(cin) << 31n) | (x >> 1n)) & 0xffffffffn), Number(x & 1n)];
  if (amount === 0) return [U(value), cin];
  switch (type) {
    case 0: { const ext = x << BigInt(amount); return [Number(ext & 0xffffffffn), Number((ext >> 32n) & 1n)]; }
    case 1: { const ext = x; return [Number(ext >> BigInt(amount) & 0xffffffffn), Number((ext >> BigInt(amount - 1)) & 1n)]; }
    case 2: {
      const sx = BigInt.asIntN(32, x);
      const r = sx >> BigInt(amount); const co = (sx >> BigInt(amount - 1)) & 1n;
      return [Number(BigInt.asUintN(32, r)), Number(co)];
    }
    default: {
      const m = amount % 32;
      const r = m === 0 ? x : ((x >> BigInt(m)) | (x << BigInt(32 - m))) & 0xffffffffn;
      return [Number(r), Number((r >> 31n) & 1n)];
    }
  }
}
function decodeImmShift(type: number, imm5: number): [number, number] {
  if (type === 0) return [0, imm5];
  if (type === 1 || type === 2) return [type, imm5 === 0 ? 32 : imm5];
  return imm5 === 0 ? [4, 1] : [3, imm5];
}
function armExpandImmC(imm12: number, cin: number): [number, number] {
  return shiftC(imm12 & 0xff, 3, 2 * (imm12 >>> 8), cin);
}
function thumbExpandImmC(imm12: number, cin: number): [number, number] {
  if ((imm12 >>> 10) === 0) {
    const b = imm12 & 0xff;
    const v = [b, (b << 16) | b, (b << 24) | (b << 8), (b << 24) | (b << 16) | (b << 8) | b][(imm12 >>> 8) & 3]!;
    return [U(v), cin];
  }
  return shiftC(0x80 | (imm12 & 0x7f), 3, imm12 >>> 7, cin);
}
function addWithCarry(x: number, y: number, cin: number): [number, number, number] {
  const us = U(x) + U(y) + cin;
  const ss = (x | 0) + (y | 0) + cin;
  const r = U(us);
  return [r, r === us ? 0 : 1, (r | 0) === ss ? 0 : 1];
}

interface Flags { n: number; z: number; c: number; v: number }
const OPS = ['AND', 'EOR', 'SUB', 'RSB', 'ADD', 'ADC', 'SBC', 'RSC', 'TST', 'TEQ', 'CMP', 'CMN', 'ORR', 'MOV', 'BIC', 'MVN', 'ORN'];

/** Result (undefined for the tests) and flags after op with S. */
function model(op: string, a: number, b: number, shCarry: number, f: Flags, S: boolean): { r: number | undefined; f: Flags } {
  let r: number, c = f.c, v = f.v;
  switch (op) {
    case 'AND': case 'TST': r = U(a & b); c = shCarry; break;
    case 'EOR': case 'TEQ': r = U(a ^ b); c = shCarry; break;
    case 'ORR': r = U(a | b); c = shCarry; break;
    case 'ORN': r = U(a | ~b); c = shCarry; break;
    case 'BIC': r = U(a & ~b); c = shCarry; break;
    case 'MOV': r = U(b); c = shCarry; break;
    case 'MVN': r = U(~b); c = shCarry; break;
    case 'SUB': case 'CMP': [r, c, v] = addWithCarry(a, ~b, 1); break;
    case 'RSB': [r, c, v] = addWithCarry(~a, b, 1); break;
    case 'ADD': case 'CMN': [r, c, v] = addWithCarry(a, b, 0); break;
    case 'ADC': [r, c, v] = addWithCarry(a, b, f.c); break;
    case 'SBC': [r, c, v] = addWithCarry(a, ~b, f.c); break;
    case 'RSC': [r, c, v] = addWithCarry(~a, b, f.c); break;
    default: throw new Error(op);
  }
  const test = op === 'TST' || op === 'TEQ' || op === 'CMP' || op === 'CMN';
  const nf = S ? { n: r >>> 31, z: r === 0 ? 1 : 0, c, v } : { ...f };
  return { r: test ? undefined : r, f: nf };
}

// ------------------------------------------------------------------ operands

let seed = 0x2545f491;
function rnd(): number { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return seed >>> 0; }
const EDGE = [0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 0x40000000, 0x12345678];
function val(): number { return rnd() % 3 === 0 ? EDGE[rnd() % EDGE.length]! : rnd(); }
function pick<T>(xs: readonly T[]): T { return xs[rnd() % xs.length]!; }
/** Three distinct registers from r0..r12. */
function regs3(): [number, number, number, number] {
  const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const out: number[] = [];
  while (out.length < 4) { const r = pick(all); if (!out.includes(r)) out.push(r); }
  return out as [number, number, number, number];
}
const SHIFT_AMOUNTS = [0, 1, 2, 7, 31, 32, 33, 64, 255, 256, 257, 0x1f1, 0x120];

// ------------------------------------------------------------------ runner

const M: Machine = machine();
function run(word: number, thumb: boolean, regs: Record<number, number>, f: Flags): { r: Int32Array; f: Flags } {
  const c = M.cpu;
  c.r.fill(0);
  for (const [k, v] of Object.entries(regs)) c.r[Number(k)] = v;
  c.n = f.n; c.z = f.z; c.c = f.c; c.v = f.v; c.it = 0;
  if (thumb) {
    if (word > 0xffff) { M.bus.write(CODE, 2, word >>> 16); M.bus.write(CODE + 2, 2, word & 0xffff); }
    else M.bus.write(CODE, 2, word);
  } else M.bus.write(CODE, 4, word);
  c.pc = CODE; c.t = thumb ? 1 : 0;
  M.engine.step();
  return { r: Int32Array.from(c.r), f: { n: c.n, z: c.z, c: c.c, v: c.v } };
}
function flagsIn(): Flags { const k = rnd(); return { n: k & 1, z: (k >> 1) & 1, c: (k >> 2) & 1, v: (k >> 3) & 1 }; }

interface Case { word: number; thumb: boolean; regs: Record<number, number>; f: Flags; d: number; exp: { r: number | undefined; f: Flags }; what: string }

function check(cases: Case[]): void {
  const bad: string[] = [];
  for (const k of cases) {
    const out = run(k.word, k.thumb, k.regs, k.f);
    const got = { r: k.exp.r === undefined ? undefined : U(out.r[k.d]!), f: out.f };
    if (JSON.stringify(got) !== JSON.stringify(k.exp)) {
      bad.push(`${k.what} word=${k.word.toString(16)} regs=${JSON.stringify(k.regs)} in=${JSON.stringify(k.f)}: ` +
        `got ${JSON.stringify(got)} want ${JSON.stringify(k.exp)}`);
    }
    if (k.exp.r === undefined) {
      // tests write no register
      for (const [r, v] of Object.entries(k.regs)) if (U(out.r[Number(r)]!) !== U(v)) bad.push(`${k.what}: r${r} changed`);
    }
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

const N = 40;
const isTest = (op: string) => op === 'TST' || op === 'TEQ' || op === 'CMP' || op === 'CMN';
const isUnary = (op: string) => op === 'MOV' || op === 'MVN';

// ------------------------------------------------------------------ A32

describe('A32 data processing agrees with the pseudocode', () => {
  const A32_OPS = OPS.slice(0, 16);
  it.each(A32_OPS)('%s (immediate)', op => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n] = regs3(); const S = isTest(op) || (rnd() & 1) === 1;
      const r = rnd() % 16, v = rnd() & 0xff, a = val(), f = flagsIn();
      const fields: Record<string, number> = { r, v };
      if (!isTest(op)) { fields['d'] = d; fields['S'] = S ? 1 : 0; }
      if (!isUnary(op)) fields['n'] = n;
      const [imm, cy] = armExpandImmC((r << 8) | v, f.c);
      cases.push({ word: a32(`${op}_imm`, fields), thumb: false, regs: { [n]: a | 0 }, f, d, exp: model(op, isUnary(op) ? 0 : a, imm, cy, f, S), what: op });
    }
    check(cases);
  });
  it.each(A32_OPS)('%s (register, immediate shift)', op => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n, m] = regs3(); const S = isTest(op) || (rnd() & 1) === 1;
      const y = rnd() & 3, imm5 = pick([0, 0, 1, 31, rnd() & 31]), a = val(), b = val(), f = flagsIn();
      const fields: Record<string, number> = { m, y, i: imm5 };
      if (!isTest(op)) { fields['d'] = d; fields['S'] = S ? 1 : 0; }
      if (!isUnary(op)) fields['n'] = n;
      const [t, amt] = decodeImmShift(y, imm5);
      const [sv, sc] = shiftC(b, t, amt, f.c);
      cases.push({ word: a32(`${op}_reg`, fields), thumb: false, regs: { [n]: a | 0, [m]: b | 0 }, f, d,
        exp: model(op, isUnary(op) ? 0 : a, sv, sc, f, S), what: `${op} y=${y} imm5=${imm5}` });
    }
    check(cases);
  });
  it.each(A32_OPS)('%s (register-shifted register)', op => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n, m, s] = regs3(); const S = isTest(op) || (rnd() & 1) === 1;
      const y = rnd() & 3, amt = pick(SHIFT_AMOUNTS), a = val(), b = val(), f = flagsIn();
      const fields: Record<string, number> = { m, y, s };
      if (!isTest(op)) { fields['d'] = d; fields['S'] = S ? 1 : 0; }
      if (!isUnary(op)) fields['n'] = n;
      const [sv, sc] = shiftC(b, y, amt & 0xff, f.c);
      cases.push({ word: a32(`${op}_rsr`, fields), thumb: false, regs: { [n]: a | 0, [m]: b | 0, [s]: amt }, f, d,
        exp: model(op, isUnary(op) ? 0 : a, sv, sc, f, S), what: `${op} y=${y} amt=${amt}` });
    }
    check(cases);
  });
});

// ------------------------------------------------------------------ T32

describe('T32 data processing agrees with the pseudocode', () => {
  const T32_OPS = ['AND', 'TST', 'BIC', 'ORR', 'MOV', 'ORN', 'MVN', 'EOR', 'TEQ', 'ADD', 'CMN', 'ADC', 'SBC', 'SUB', 'CMP', 'RSB'];
  it.each(T32_OPS)('%s (modified immediate)', op => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n] = regs3(); const S = isTest(op) || (rnd() & 1) === 1;
      let imm12 = rnd() & 0xfff;
      if ((imm12 >>> 10) === 0 && (imm12 & 0x300) !== 0 && (imm12 & 0xff) === 0) imm12 |= 1; // not the UNPREDICTABLE 0s
      const a = val(), f = flagsIn();
      const fields: Record<string, number> = { i: imm12 };
      if (!isTest(op)) { fields['d'] = d; fields['S'] = S ? 1 : 0; }
      if (!isUnary(op)) fields['n'] = n;
      const [imm, cy] = thumbExpandImmC(imm12, f.c);
      cases.push({ word: t32(`${op}_imm`, fields), thumb: true, regs: { [n]: a | 0 }, f, d, exp: model(op, isUnary(op) ? 0 : a, imm, cy, f, S), what: op });
    }
    check(cases);
  });
  it.each(T32_OPS)('%s (register, immediate shift)', op => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n, m] = regs3(); const S = isTest(op) || (rnd() & 1) === 1;
      const y = rnd() & 3, imm5 = pick([0, 0, 1, 31, rnd() & 31]), a = val(), b = val(), f = flagsIn();
      const fields: Record<string, number> = { m, y, i: imm5 };
      if (!isTest(op)) { fields['d'] = d; fields['S'] = S ? 1 : 0; }
      if (!isUnary(op)) fields['n'] = n;
      const [t, amt] = decodeImmShift(y, imm5);
      const [sv, sc] = shiftC(b, t, amt, f.c);
      cases.push({ word: t32(`${op}_reg`, fields), thumb: true, regs: { [n]: a | 0, [m]: b | 0 }, f, d,
        exp: model(op, isUnary(op) ? 0 : a, sv, sc, f, S), what: `${op} y=${y} imm5=${imm5}` });
    }
    check(cases);
  });
  it('LSL/LSR/ASR/ROR.W (register)', () => {
    const cases: Case[] = [];
    for (let i = 0; i < 200; i++) {
      const [d, n, m] = regs3(); const S = (rnd() & 1) === 1;
      const y = rnd() & 3, amt = pick(SHIFT_AMOUNTS), b = val(), f = flagsIn();
      const [sv, sc] = shiftC(b, y, amt & 0xff, f.c);
      cases.push({ word: t32('MOV_rsr', { y, S: S ? 1 : 0, n, d, m }), thumb: true, regs: { [n]: b | 0, [m]: amt }, f, d,
        exp: model('MOV', 0, sv, sc, f, S), what: `shift y=${y} amt=${amt}` });
    }
    check(cases);
  });
});

// ------------------------------------------------------------------ T16 (outside IT: flags set)

describe('T16 data processing agrees with the pseudocode', () => {
  const lo = () => rnd() & 7;
  function lo3(): [number, number, number] {
    const out: number[] = [];
    while (out.length < 3) { const r = lo(); if (!out.includes(r)) out.push(r); }
    return out as [number, number, number];
  }
  it('two-register operations (010000 oooo)', () => {
    const cases: Case[] = [];
    const two: [string, string][] = [['AND_reg', 'AND'], ['EOR_reg', 'EOR'], ['ADC_reg', 'ADC'], ['SBC_reg', 'SBC'],
      ['ORR_reg', 'ORR'], ['BIC_reg', 'BIC']];
    for (const [name, op] of two) {
      for (let i = 0; i < N; i++) {
        const [d, m] = lo3(); const a = val(), b = val(), f = flagsIn();
        cases.push({ word: t16(name, { d, m }), thumb: true, regs: { [d]: a | 0, [m]: b | 0 }, f, d, exp: model(op, a, b, f.c, f, true), what: name });
      }
    }
    for (const [name, op] of [['TST_reg', 'TST'], ['CMP_reg', 'CMP'], ['CMN_reg', 'CMN']] as const) {
      for (let i = 0; i < N; i++) {
        const [n, m] = lo3(); const a = val(), b = val(), f = flagsIn();
        cases.push({ word: t16(name, { n, m }), thumb: true, regs: { [n]: a | 0, [m]: b | 0 }, f, d: 0, exp: model(op, a, b, f.c, f, true), what: name });
      }
    }
    for (let i = 0; i < N; i++) {
      const [d, m] = lo3(); const b = val(), f = flagsIn();
      cases.push({ word: t16('MVN_reg', { d, m }), thumb: true, regs: { [m]: b | 0 }, f, d, exp: model('MVN', 0, b, f.c, f, true), what: 'MVN' });
      const [d2, n2] = lo3(); const a = val();
      cases.push({ word: t16('RSB_imm', { d: d2, n: n2 }), thumb: true, regs: { [n2]: a | 0 }, f, d: d2, exp: model('RSB', a, 0, f.c, f, true), what: 'NEG' });
    }
    check(cases);
  });
  it('shifts by register (LSL LSR ASR ROR)', () => {
    const cases: Case[] = [];
    (['LSL_reg', 'LSR_reg', 'ASR_reg', 'ROR_reg'] as const).forEach((name, y) => {
      for (let i = 0; i < N; i++) {
        const [d, m] = lo3(); const amt = pick(SHIFT_AMOUNTS), b = val(), f = flagsIn();
        const [sv, sc] = shiftC(b, y, amt & 0xff, f.c);
        cases.push({ word: t16(name, { d, m }), thumb: true, regs: { [d]: b | 0, [m]: amt }, f, d, exp: model('MOV', 0, sv, sc, f, true), what: `${name} ${amt}` });
      }
    });
    check(cases);
  });
  it('shifts by immediate (LSL LSR ASR; LSL #0 is MOVS)', () => {
    const cases: Case[] = [];
    (['LSL_imm', 'LSR_imm', 'ASR_imm'] as const).forEach((name, y) => {
      for (let i = 0; i < N; i++) {
        const [d, m] = lo3(); const imm5 = pick([0, 1, 31, rnd() & 31]), b = val(), f = flagsIn();
        const [t, amt] = decodeImmShift(y, imm5);
        const [sv, sc] = shiftC(b, t, amt, f.c);
        cases.push({ word: t16(name, { i: imm5, m, d }), thumb: true, regs: { [m]: b | 0 }, f, d, exp: model('MOV', 0, sv, sc, f, true), what: `${name} #${imm5}` });
      }
    });
    check(cases);
  });
  it('ADD/SUB register and immediate, MOV/CMP/ADD/SUB imm8', () => {
    const cases: Case[] = [];
    for (let i = 0; i < N; i++) {
      const [d, n, m] = lo3(); const a = val(), b = val(), f = flagsIn(), i3 = rnd() & 7, i8 = rnd() & 0xff;
      cases.push({ word: t16('ADD_reg', { m, n, d }), thumb: true, regs: { [n]: a | 0, [m]: b | 0 }, f, d, exp: model('ADD', a, b, 0, f, true), what: 'ADD reg' });
      cases.push({ word: t16('SUB_reg', { m, n, d }), thumb: true, regs: { [n]: a | 0, [m]: b | 0 }, f, d, exp: model('SUB', a, b, 0, f, true), what: 'SUB reg' });
      cases.push({ word: t16('ADD_imm', { i: i3, n, d }), thumb: true, regs: { [n]: a | 0 }, f, d, exp: model('ADD', a, i3, 0, f, true), what: 'ADD imm3' });
      cases.push({ word: t16('SUB_imm', { i: i3, n, d }), thumb: true, regs: { [n]: a | 0 }, f, d, exp: model('SUB', a, i3, 0, f, true), what: 'SUB imm3' });
      cases.push({ word: t16('MOV_imm', { d, v: i8 }), thumb: true, regs: {}, f, d, exp: model('MOV', 0, i8, f.c, f, true), what: 'MOV imm8' });
      cases.push({ word: t16('CMP_imm', { n, v: i8 }), thumb: true, regs: { [n]: a | 0 }, f, d: 0, exp: model('CMP', a, i8, 0, f, true), what: 'CMP imm8' });
      cases.push({ word: t16('ADD_imm_T2', { d, v: i8 }), thumb: true, regs: { [d]: a | 0 }, f, d, exp: model('ADD', a, i8, 0, f, true), what: 'ADD imm8' });
      cases.push({ word: t16('SUB_imm_T2', { d, v: i8 }), thumb: true, regs: { [d]: a | 0 }, f, d, exp: model('SUB', a, i8, 0, f, true), what: 'SUB imm8' });
    }
    check(cases);
  });
});
