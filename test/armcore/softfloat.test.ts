// VFPv3 arithmetic core (src/translator/sem/softfloat.ts) against QEMU 7.2 (vexpress-a9, Cortex-A9).
//
// firmware/probes/vfp/probe.c ran every operation on special and pseudo-random operands under every FPSCR
// configuration (RMode x FZ x DN, and AHP for half conversions) and recorded an FNV-1a hash of the
// (result, FPSCR NZCV+flags) stream per (operation, configuration) in firmware/probes/vfp/golden.txt. The
// operands are regenerated here exactly as the probe generated them (same tables, same xorshift32).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sf from '../../src/armcore/softfloat.js';
import { FPContext } from '../../src/armcore/softfloat.js';

const SPEC_S = [
  0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00400000, 0x00800000,
  0x80800000, 0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
  0x7fc12345, 0x7f800001, 0xff812345, 0x7fbfffff, 0x3f800000, 0xbf800000, 0x3f800001, 0x3fffffff,
  0x40000000, 0x40400000, 0x4b000000, 0x4b7fffff, 0x4f000000, 0xcf000000, 0x4f800000, 0x4effffff,
  0xcf000001, 0x3f000000, 0x3fc00000, 0x34000000, 0x7f000000, 0x01000000, 0x477fe000, 0x38800000,
];
const SPEC_D: [number, number][] = [
  [0, 0], [0x80000000, 0], [0, 1], [0x80000000, 1], [0x000fffff, 0xffffffff], [0x800fffff, 0xffffffff],
  [0x00080000, 0], [0x00100000, 0], [0x80100000, 0], [0x00100000, 1], [0x7fefffff, 0xffffffff],
  [0xffefffff, 0xffffffff], [0x7ff00000, 0], [0xfff00000, 0], [0x7ff80000, 0], [0xfff80000, 0],
  [0x7ff81234, 0x56789abc], [0x7ff00000, 1], [0xfff01234, 0x5678], [0x7ff7ffff, 0xffffffff],
  [0x3ff00000, 0], [0xbff00000, 0], [0x3ff00000, 1], [0x3fffffff, 0xffffffff], [0x40000000, 0],
  [0x40080000, 0], [0x43300000, 0], [0x433fffff, 0xffffffff], [0x41e00000, 0], [0xc1e00000, 0],
  [0x41f00000, 0], [0x41dfffff, 0xffc00000], [0xc1e00000, 0x00200000], [0x3fe00000, 0],
  [0x3ff80000, 0], [0x3cb00000, 0], [0x7fe00000, 0], [0x00200000, 0], [0x47efffff, 0xe0000000],
  [0x36a00000, 0], [0x41efffff, 0xffe00000], [0x380fffff, 0xe0000000],
];
const SPEC_I = [
  0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0x7fffffc0, 0x7fffffbf, 0x00ffffff, 0x01000001,
  0x01000003, 3, 0x0000ffff, 0x00008000, 0x00007fff, 0xffff8000, 0x12345678, 0xffffff80, 0xfffffe01,
  0x7ffffe00, 0x7fffff80, 0xffffff00, 0x00010000, 0x0001ffff,
];
const SPEC_H = [
  0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0x7d55, 0xfe01,
  0x3c00, 0x3c01, 0xbc00, 0x7fff, 0x0200, 0x8001, 0xfbff, 0x3555,
];
const NS = SPEC_S.length, ND = SPEC_D.length, NI = SPEC_I.length, NH = SPEC_H.length;
const NRAND = 1200;

let rs = 1;
function rnd(): number { rs ^= rs << 13; rs ^= rs >>> 17; rs ^= rs << 5; rs >>>= 0; return rs; }
function pick(n: number): number { return Math.floor((rnd() * n) / 4294967296); }
const mask = (k: number): number => (k === 0 ? 0 : (2 ** k - 1));

function genS(): number {
  const r = rnd(), m = rnd(), sign = (r & 0x80000000) >>> 0, k = (r >>> 16) & 31;
  let e: number;
  switch ((r >>> 8) & 7) {
    case 0: return m;
    case 1: return SPEC_S[pick(NS)];
    case 2: return (sign | (((r >>> 12) & 3) << 23) | (m & 0x7fffff)) >>> 0;
    case 3: return (sign | ((0xfb + ((r >>> 12) & 3)) << 23) | (m & 0x7fffff)) >>> 0;
    case 4: e = 1 + pick(254);
      return (sign | (e << 23) | (((r & 0x10000) ? (m | mask(k)) : (m & ~mask(k))) & 0x7fffff)) >>> 0;
    case 5: return (sign | ((0x7c + ((r >>> 12) & 7)) << 23) | (m & 0x7fffff)) >>> 0;
    case 6: return (sign | ((0x9b + ((r >>> 12) & 7)) << 23) | (m & 0x7fffff)) >>> 0;
    default: e = 1 + pick(254); return (sign | (e << 23) | (m & 0x7fffff)) >>> 0;
  }
}
function genD(w: number[], o: number): void {
  const r = rnd(), m = rnd(), l = rnd(), sign = (r & 0x80000000) >>> 0, k = (r >>> 16) & 31;
  let e: number;
  switch ((r >>> 8) & 7) {
    case 0: w[o] = l; w[o + 1] = m; return;
    case 1: e = pick(ND); w[o] = SPEC_D[e][1]; w[o + 1] = SPEC_D[e][0]; return;
    case 2: w[o + 1] = (sign | (((r >>> 12) & 3) << 20) | (m & 0xfffff)) >>> 0; w[o] = l; return;
    case 3: w[o + 1] = (sign | ((0x7fb + ((r >>> 12) & 3)) << 20) | (m & 0xfffff)) >>> 0; w[o] = l; return;
    case 4: e = 1 + pick(2046); w[o + 1] = (sign | (e << 20) | (m & 0xfffff)) >>> 0;
      w[o] = ((r & 0x10000) ? (l | mask(k)) : (l & ~mask(k))) >>> 0; return;
    case 5: w[o + 1] = (sign | ((0x3fc + ((r >>> 12) & 7)) << 20) | (m & 0xfffff)) >>> 0; w[o] = l; return;
    case 6: w[o + 1] = (sign | ((0x41b + ((r >>> 12) & 7)) << 20) | (m & 0xfffff)) >>> 0;
      w[o] = (r & 0x20000) ? l : (l & 0xfff00000) >>> 0; return;
    default: e = 1 + pick(2046); w[o + 1] = (sign | (e << 20) | (m & 0xfffff)) >>> 0; w[o] = l; return;
  }
}
function genI(): number {
  const r = rnd(), m = rnd();
  switch ((r >>> 8) & 3) {
    case 0: return m;
    case 1: return SPEC_I[pick(NI)];
    case 2: return m >>> (r & 31);
    default: return (-(m >>> (r & 31))) >>> 0;
  }
}
function genH1(): number {
  const r = rnd();
  return (r & 0x100) ? SPEC_H[pick(NH)] : (rnd() & 0xffff);
}

const vin = [0, 0, 0, 0, 0, 0];
function vector(kinds: string, j: number): boolean {
  const n = kinds.length;
  const k0 = kinds[0];
  const nspec = k0 === 's' ? NS : k0 === 'd' ? ND : k0 === 'i' || k0 === 'x' ? NI : NH;
  const grid = n === 1 ? nspec : n === 2 ? nspec * nspec : 0;
  if (j < grid) {
    const ix = [n === 1 ? j : Math.floor(j / nspec), j % nspec];
    for (let i = 0; i < n; i++) {
      const s = ix[i];
      switch (kinds[i]) {
        case 's': vin[2 * i] = SPEC_S[s]; vin[2 * i + 1] = 0; break;
        case 'd': vin[2 * i] = SPEC_D[s][1]; vin[2 * i + 1] = SPEC_D[s][0]; break;
        case 'i': vin[2 * i] = SPEC_I[s]; vin[2 * i + 1] = 0; break;
        case 'x': vin[2 * i] = SPEC_I[s]; vin[2 * i + 1] = SPEC_I[NI - 1 - s]; break;
        case 'h': vin[2 * i] = (SPEC_H[s] | (SPEC_H[NH - 1 - s] << 16)) >>> 0; vin[2 * i + 1] = 0; break;
      }
    }
    return true;
  }
  if (j >= grid + NRAND) return false;
  for (let i = 0; i < n; i++) {
    switch (kinds[i]) {
      case 's':
        if (i > 0 && (rnd() & 3) === 0) {
          const a = vin[0], r = rnd(), d = r & 31;
          let e = (a >>> 23) & 0xff; e = (r & 0x20) ? e + d : e - d; if (e > 0xff || e < 0) e = (r & 0x20) ? 0xfe : 0;
          vin[2 * i] = (((a ^ r) & 0x80000000) | ((e & 0xff) << 23) | (rnd() & 0x7fffff)) >>> 0;
        } else vin[2 * i] = genS();
        vin[2 * i + 1] = 0; break;
      case 'd':
        if (i > 0 && (rnd() & 3) === 0) {
          const a = vin[1], r = rnd(), d = r & 63;
          let e = (a >>> 20) & 0x7ff; e = (r & 0x40) ? e + d : e - d; if (e > 0x7ff || e < 0) e = (r & 0x40) ? 0x7fe : 0;
          vin[2 * i + 1] = (((a ^ r) & 0x80000000) | ((e & 0x7ff) << 20) | (rnd() & 0xfffff)) >>> 0;
          vin[2 * i] = rnd();
        } else genD(vin, 2 * i);
        break;
      case 'i': vin[2 * i] = genI(); vin[2 * i + 1] = 0; break;
      case 'x': vin[2 * i] = genI(); vin[2 * i + 1] = rnd(); break;
      case 'h': { const lo = genH1(); vin[2 * i] = (lo | (genH1() << 16)) >>> 0; vin[2 * i + 1] = 0; break; }
    }
  }
  return true;
}

function fnv(h: number, w: number): number {
  for (let i = 0; i < 4; i++) { h ^= (w >>> (8 * i)) & 0xff; h = Math.imul(h, 16777619) >>> 0; }
  return h;
}

type Impl = (c: FPContext, v: number[], out: number[]) => number; // returns NZCV (0 unless a compare)
const PRE = 0x12345678;
const lohi = (c: FPContext, out: number[]): number => { out[0] = c.lo; out[1] = c.hi; return 0; };
const sext = (c: FPContext, out: number[], r: number, uns: boolean): number => {
  out[0] = r >>> 0; out[1] = uns ? 0 : (r >> 31) >>> 0; void c; return 0;
};
const OPS: Record<string, [string, Impl]> = {
  adds: ['ss', (c, v, o) => { o[0] = sf.add32(c, v[0], v[2]); return 0; }],
  subs: ['ss', (c, v, o) => { o[0] = sf.sub32(c, v[0], v[2]); return 0; }],
  muls: ['ss', (c, v, o) => { o[0] = sf.mul32(c, v[0], v[2]); return 0; }],
  divs: ['ss', (c, v, o) => { o[0] = sf.div32(c, v[0], v[2]); return 0; }],
  nmuls: ['ss', (c, v, o) => { o[0] = sf.nmul32(c, v[0], v[2]); return 0; }],
  mlas: ['sss', (c, v, o) => { o[0] = sf.mla32(c, v[0], v[2], v[4]); return 0; }],
  mlss: ['sss', (c, v, o) => { o[0] = sf.mls32(c, v[0], v[2], v[4]); return 0; }],
  nmlas: ['sss', (c, v, o) => { o[0] = sf.nmla32(c, v[0], v[2], v[4]); return 0; }],
  nmlss: ['sss', (c, v, o) => { o[0] = sf.nmls32(c, v[0], v[2], v[4]); return 0; }],
  sqrts: ['s', (c, v, o) => { o[0] = sf.sqrt32(c, v[0]); return 0; }],
  abss: ['s', (c, v, o) => { o[0] = sf.abs32(v[0]); return 0; }],
  negs: ['s', (c, v, o) => { o[0] = sf.neg32(v[0]); return 0; }],
  cmps: ['ss', (c, v, o) => { o[0] = PRE; return sf.cmp32(c, v[0], v[2], false); }],
  cmpes: ['ss', (c, v, o) => { o[0] = PRE; return sf.cmp32(c, v[0], v[2], true); }],
  cmpzs: ['s', (c, v, o) => { o[0] = PRE; return sf.cmp32(c, v[0], 0, false); }],
  cmpezs: ['s', (c, v, o) => { o[0] = PRE; return sf.cmp32(c, v[0], 0, true); }],
  tosizs: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 32, false, true); return 0; }],
  tosis: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 32, false, false); return 0; }],
  touizs: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 32, true, true); return 0; }],
  touis: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 32, true, false); return 0; }],
  sitos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 0, 32, false, false); return 0; }],
  uitos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 0, 32, true, false); return 0; }],
  tosl1s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 1, 32, false, true); return 0; }],
  tosl16s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 16, 32, false, true); return 0; }],
  tosl32s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 32, 32, false, true); return 0; }],
  toul1s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 1, 32, true, true); return 0; }],
  toul32s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 32, 32, true, true); return 0; }],
  tosh0s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 16, false, true); return 0; }],
  tosh8s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 8, 16, false, true); return 0; }],
  touh16s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 16, 16, true, true); return 0; }],
  touh0s: ['s', (c, v, o) => { o[0] = sf.f32ToFixed(c, v[0], 0, 16, true, true); return 0; }],
  sl1tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 1, 32, false, true); return 0; }],
  sl32tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 32, 32, false, true); return 0; }],
  ul16tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 16, 32, true, true); return 0; }],
  sh8tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 8, 16, false, true); return 0; }],
  uh16tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 16, 16, true, true); return 0; }],
  sh0tos: ['i', (c, v, o) => { o[0] = sf.fixedToF32(c, v[0], 0, 16, false, true); return 0; }],
  cvtbhs: ['s', (c, v, o) => { o[0] = ((PRE & 0xffff0000) | sf.cvt32to16(c, v[0])) >>> 0; return 0; }],
  cvtths: ['s', (c, v, o) => { o[0] = ((sf.cvt32to16(c, v[0]) << 16) | (PRE & 0xffff)) >>> 0; return 0; }],
  cvtbsh: ['h', (c, v, o) => { o[0] = sf.cvt16to32(c, v[0] & 0xffff); return 0; }],
  cvttsh: ['h', (c, v, o) => { o[0] = sf.cvt16to32(c, v[0] >>> 16); return 0; }],
  cvtds: ['s', (c, v, o) => { sf.cvt32to64(c, v[0]); return lohi(c, o); }],
  sitod: ['i', (c, v, o) => { sf.fixedToF64(c, v[0], 0, 32, false, false); return lohi(c, o); }],
  uitod: ['i', (c, v, o) => { sf.fixedToF64(c, v[0], 0, 32, true, false); return lohi(c, o); }],
  addd: ['dd', (c, v, o) => { sf.add64(c, v[1], v[0], v[3], v[2]); return lohi(c, o); }],
  subd: ['dd', (c, v, o) => { sf.sub64(c, v[1], v[0], v[3], v[2]); return lohi(c, o); }],
  muld: ['dd', (c, v, o) => { sf.mul64(c, v[1], v[0], v[3], v[2]); return lohi(c, o); }],
  divd: ['dd', (c, v, o) => { sf.div64(c, v[1], v[0], v[3], v[2]); return lohi(c, o); }],
  nmuld: ['dd', (c, v, o) => { sf.nmul64(c, v[1], v[0], v[3], v[2]); return lohi(c, o); }],
  mlad: ['ddd', (c, v, o) => { sf.mla64(c, v[1], v[0], v[3], v[2], v[5], v[4]); return lohi(c, o); }],
  mlsd: ['ddd', (c, v, o) => { sf.mls64(c, v[1], v[0], v[3], v[2], v[5], v[4]); return lohi(c, o); }],
  nmlad: ['ddd', (c, v, o) => { sf.nmla64(c, v[1], v[0], v[3], v[2], v[5], v[4]); return lohi(c, o); }],
  nmlsd: ['ddd', (c, v, o) => { sf.nmls64(c, v[1], v[0], v[3], v[2], v[5], v[4]); return lohi(c, o); }],
  sqrtd: ['d', (c, v, o) => { sf.sqrt64(c, v[1], v[0]); return lohi(c, o); }],
  absd: ['d', (c, v, o) => { sf.abs64(c, v[1], v[0]); return lohi(c, o); }],
  negd: ['d', (c, v, o) => { sf.neg64(c, v[1], v[0]); return lohi(c, o); }],
  cmpd: ['dd', (c, v, o) => { o[0] = v[0]; o[1] = v[1]; return sf.cmp64(c, v[1], v[0], v[3], v[2], false); }],
  cmped: ['dd', (c, v, o) => { o[0] = v[0]; o[1] = v[1]; return sf.cmp64(c, v[1], v[0], v[3], v[2], true); }],
  cmpzd: ['d', (c, v, o) => { o[0] = v[0]; o[1] = v[1]; return sf.cmp64(c, v[1], v[0], 0, 0, false); }],
  cmpezd: ['d', (c, v, o) => { o[0] = v[0]; o[1] = v[1]; return sf.cmp64(c, v[1], v[0], 0, 0, true); }],
  cvtsd: ['d', (c, v, o) => { o[0] = sf.cvt64to32(c, v[1], v[0]); return 0; }],
  tosizd: ['d', (c, v, o) => { o[0] = sf.f64ToFixed(c, v[1], v[0], 0, 32, false, true); return 0; }],
  tosid: ['d', (c, v, o) => { o[0] = sf.f64ToFixed(c, v[1], v[0], 0, 32, false, false); return 0; }],
  touizd: ['d', (c, v, o) => { o[0] = sf.f64ToFixed(c, v[1], v[0], 0, 32, true, true); return 0; }],
  touid: ['d', (c, v, o) => { o[0] = sf.f64ToFixed(c, v[1], v[0], 0, 32, true, false); return 0; }],
  tosl1d: ['d', (c, v, o) => sext(c, o, sf.f64ToFixed(c, v[1], v[0], 1, 32, false, true), false)],
  tosl32d: ['d', (c, v, o) => sext(c, o, sf.f64ToFixed(c, v[1], v[0], 32, 32, false, true), false)],
  toul16d: ['d', (c, v, o) => sext(c, o, sf.f64ToFixed(c, v[1], v[0], 16, 32, true, true), true)],
  tosh8d: ['d', (c, v, o) => sext(c, o, sf.f64ToFixed(c, v[1], v[0], 8, 16, false, true), false)],
  touh16d: ['d', (c, v, o) => sext(c, o, sf.f64ToFixed(c, v[1], v[0], 16, 16, true, true), true)],
  sl16tod: ['x', (c, v, o) => { sf.fixedToF64(c, v[0], 16, 32, false, true); return lohi(c, o); }],
  ul32tod: ['x', (c, v, o) => { sf.fixedToF64(c, v[0], 32, 32, true, true); return lohi(c, o); }],
  sh8tod: ['x', (c, v, o) => { sf.fixedToF64(c, v[0], 8, 16, false, true); return lohi(c, o); }],
  uh1tod: ['x', (c, v, o) => { sf.fixedToF64(c, v[0], 1, 16, true, true); return lohi(c, o); }],
};

function cfgFPSCR(cfg: number): number {
  return ((cfg & 3) << 22) | (((cfg >> 2) & 1) << 24) | (((cfg >> 3) & 1) << 25) | (((cfg >> 4) & 1) << 26);
}
function seedOf(name: string): number {
  let s = 0x9e3779b9;
  for (const ch of name) s = Math.imul(s ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (s | 1) >>> 0;
}

/** Replays one (operation, configuration) stream; returns [count, hash]. With dump, lists vectors. */
export function replay(name: string, cfg: number, dump?: string[]): [number, number] {
  const [kinds, impl] = OPS[name];
  const c = new FPContext();
  const fpscr = cfgFPSCR(cfg);
  rs = seedOf(name);
  const out = [0, 0];
  let h = 2166136261;
  let j = 0;
  for (; vector(kinds, j); j++) {
    c.setFPSCR(fpscr);
    out[0] = out[1] = 0;
    const nzcv = impl(c, vin, out);
    const f = ((nzcv << 28) | c.flags) >>> 0;
    h = fnv(fnv(fnv(h, out[0] >>> 0), out[1] >>> 0), f);
    if (dump) {
      const x = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');
      dump.push(`${name} ${x(cfg)} ${vin.map(x).join(' ')} ${x(out[0])} ${x(out[1])} ${x(f)}`);
    }
  }
  return [j, h];
}

const GOLDEN = readFileSync(fileURLToPath(new URL('../../firmware/probes/vfp/golden.txt', import.meta.url)), 'utf8')
  .trim().split('\n').map((l) => l.trim().split(/\s+/));
const byOp = new Map<string, { cfg: number; n: number; hash: number }[]>();
for (const [name, cfg, n, hash] of GOLDEN) {
  if (!byOp.has(name)) byOp.set(name, []);
  byOp.get(name)!.push({ cfg: parseInt(cfg, 16), n: parseInt(n, 16), hash: parseInt(hash, 16) });
}

describe('softfloat against QEMU golden streams', () => {
  it('covers every probed operation', () => {
    expect([...byOp.keys()].sort()).toEqual(Object.keys(OPS).sort());
  });
  for (const [name, rows] of byOp) {
    it(`${name}: ${rows.length} configurations x ${rows[0].n} vectors`, () => {
      const bad: string[] = [];
      for (const r of rows) {
        const [n, h] = replay(name, r.cfg);
        expect(n).toBe(r.n);
        if (h !== r.hash) bad.push(`cfg ${r.cfg}`);
      }
      expect(bad).toEqual([]);
    });
  }
});

function ctx(rmode = sf.RN, fz = false, dn = false, ahp = false): FPContext {
  const c = new FPContext();
  c.setFPSCR((rmode << 22) | (fz ? 1 << 24 : 0) | (dn ? 1 << 25 : 0) | (ahp ? 1 << 26 : 0));
  return c;
}
const ONE = 0x3f800000;

describe('softfloat edge cases', () => {
  it('FPSCR round trip keeps RMode, FZ, DN, AHP and the cumulative flags', () => {
    const c = new FPContext();
    c.setFPSCR(0xf7c0009f);
    expect(c.rmode).toBe(sf.RZ);
    expect([c.fz, c.dn, c.ahp]).toEqual([true, true, true]);
    expect(c.getFPSCR()).toBe(0x07c0009f);
  });
  it('VMLA rounds the product before the add (not fused)', () => {
    const c = ctx();
    // (1+2^-12)^2 = 1 + 2^-11 + 2^-24 rounds (tie to even) to 1 + 2^-11; minus 1 gives 2^-11 exactly
    expect(sf.mla32(c, 0xbf800000, 0x3f800800, 0x3f800800)).toBe(0x3a000000);
    expect(c.flags).toBe(sf.IXC);
    const d = ctx();
    sf.mla64(d, 0xbff00000, 0, 0x3ff00000, 0x02000000, 0x3ff00000, 0x02000000); // (1+2^-27)^2 - 1
    expect([d.hi, d.lo]).toEqual([0x3e500000, 0]); // 2^-26, the 2^-54 term was rounded away
    expect(d.flags).toBe(sf.IXC);
  });
  it('VNMLA / VNMLS / VNMUL sign rules', () => {
    const c = ctx();
    // d = 1, n = 2, m = 3: VNMLA = -1 - 6 = -7, VNMLS = -1 + 6 = 5, VMLS = 1 - 6 = -5, VNMUL = -6
    expect(sf.nmla32(c, ONE, 0x40000000, 0x40400000)).toBe(0xc0e00000);
    expect(sf.nmls32(c, ONE, 0x40000000, 0x40400000)).toBe(0x40a00000);
    expect(sf.mls32(c, ONE, 0x40000000, 0x40400000)).toBe(0xc0a00000);
    expect(sf.nmul32(c, 0x40000000, 0x40400000)).toBe(0xc0c00000);
    expect(c.flags).toBe(0);
  });
  it('tininess is detected before rounding; FZ flushes such results with UFC only', () => {
    const c = ctx();
    // (1 - 2^-24) * 2^-126 = 2^-126 - 2^-150 rounds up to the smallest normal, but was tiny
    expect(sf.mul32(c, 0x3f7fffff, 0x00800000)).toBe(0x00800000);
    expect(c.flags).toBe(sf.UFC | sf.IXC);
    const z = ctx(sf.RN, true);
    expect(sf.mul32(z, 0x3f7fffff, 0x00800000)).toBe(0);
    expect(z.flags).toBe(sf.UFC);
    // FZ: denormal inputs read as zero and set IDC
    const i = ctx(sf.RN, true);
    expect(sf.add32(i, 0x80000001, 0x00000000)).toBe(0);
    expect(i.flags).toBe(sf.IDC);
    // an exact denormal result is not an underflow
    const e = ctx();
    expect(sf.sub32(e, 0x00800001, 0x00800000)).toBe(1);
    expect(e.flags).toBe(0);
  });
  it('NaN priority, quieting, DN, and FPSub keeps the NaN sign', () => {
    let c = ctx();
    expect(sf.add32(c, ONE, 0x7f800001)).toBe(0x7fc00001);
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.add32(c, 0x7fc00001, 0x7f800002)).toBe(0x7fc00002); // SNaN operand 2 beats QNaN operand 1
    c = ctx();
    expect(sf.mul32(c, 0xffc00001, 0x7fc00002)).toBe(0xffc00001);
    expect(c.flags).toBe(0);
    c = ctx();
    expect(sf.sub32(c, ONE, 0xffc00000)).toBe(0xffc00000);
    c = ctx(sf.RN, false, true);
    expect(sf.add32(c, 0x7fc12345, ONE)).toBe(0x7fc00000);
    expect(c.flags).toBe(0);
    c = ctx();
    expect(sf.add32(c, 0x7f800000, 0xff800000)).toBe(0x7fc00000); // inf - inf: default NaN, IOC
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    sf.div64(c, 0x7ff00000, 1, 0x3ff00000, 0);
    expect([c.hi, c.lo]).toEqual([0x7ff80000, 1]);
    expect(c.flags).toBe(sf.IOC);
  });
  it('overflow result depends on the rounding mode', () => {
    const max = 0x7f7fffff;
    const exp: [number, number][] = [[sf.RN, 0x7f800000], [sf.RP, 0x7f800000], [sf.RM, max], [sf.RZ, max]];
    for (const [m, r] of exp) {
      const c = ctx(m);
      expect(sf.mul32(c, max, 0x40000000)).toBe(r);
      expect(c.flags).toBe(sf.OFC | sf.IXC);
    }
    const c = ctx(sf.RM);
    expect(sf.mul32(c, max, 0xc0000000)).toBe(0xff800000);
  });
  it('directed rounding of a binary64 sum and exact cancellation sign', () => {
    let c = ctx(sf.RP);
    sf.add64(c, 0x3ff00000, 0, 0x3c300000, 0); // 1 + 2^-60
    expect([c.hi, c.lo]).toEqual([0x3ff00000, 1]);
    expect(c.flags).toBe(sf.IXC);
    c = ctx(sf.RM);
    sf.sub64(c, 0x3ff00000, 0, 0x3ff00000, 0);
    expect([c.hi, c.lo]).toEqual([0x80000000, 0]);
    c = ctx(sf.RN);
    expect(sf.add32(c, ONE, 0xbf800000)).toBe(0);
  });
  it('division by zero, sqrt of a negative', () => {
    let c = ctx();
    expect(sf.div32(c, 0xbf800000, 0)).toBe(0xff800000);
    expect(c.flags).toBe(sf.DZC);
    c = ctx();
    expect(sf.sqrt32(c, 0xbf800000)).toBe(0x7fc00000);
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.sqrt32(c, 0x80000000)).toBe(0x80000000);
    expect(c.flags).toBe(0);
  });
  it('compare: NZCV, IOC on SNaN (VCMP) or any NaN (VCMPE), signed zeros equal', () => {
    const c = ctx();
    expect(sf.cmp32(c, 0x80000000, 0, false)).toBe(0b0110);
    expect(sf.cmp32(c, 0xbf800000, ONE, false)).toBe(0b1000);
    expect(sf.cmp32(c, 0x7f800000, ONE, false)).toBe(0b0010);
    expect(sf.cmp32(c, 0x7fc00000, ONE, false)).toBe(0b0011);
    expect(c.flags).toBe(0);
    expect(sf.cmp32(c, 0x7fc00000, ONE, true)).toBe(0b0011);
    expect(c.flags).toBe(sf.IOC);
    const d = ctx();
    expect(sf.cmp64(d, 0x7ff00000, 1, 0, 0, false)).toBe(0b0011);
    expect(d.flags).toBe(sf.IOC);
  });
  it('float to integer: RZ or FPSCR mode, saturation with IOC only, NaN gives 0', () => {
    let c = ctx();
    expect(sf.f32ToFixed(c, 0xbf000000, 0, 32, true, true)).toBe(0); // -0.5 -> 0, inexact
    expect(c.flags).toBe(sf.IXC);
    c = ctx(sf.RN);
    expect(sf.f32ToFixed(c, 0xbf333333, 0, 32, true, false)).toBe(0); // -0.7 rounds to -1: invalid
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.f32ToFixed(c, 0x4f000000, 0, 32, false, true)).toBe(0x7fffffff);
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.f32ToFixed(c, 0x7fc00000, 0, 32, false, true)).toBe(0);
    expect(c.flags).toBe(sf.IOC);
    c = ctx(sf.RM);
    expect(sf.f64ToFixed(c, 0x3ff80000, 0, 0, 32, false, false)).toBe(1); // 1.5, round down
    expect(sf.f64ToFixed(c, 0xbff80000, 0, 0, 32, false, false)).toBe(0xfffffffe); // -1.5 -> -2
    c = ctx();
    expect(sf.f32ToFixed(c, 0xc7000000, 8, 16, false, true)).toBe(0xffff8000); // -32768 * 256 saturates
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.f32ToFixed(c, 0x3fc00000, 1, 32, false, true)).toBe(3); // 1.5 * 2
  });
  it('integer and fixed-point to float: VCVT uses FPSCR mode, the fixed forms round to nearest', () => {
    let c = ctx(sf.RP);
    expect(sf.fixedToF32(c, 0x01000001, 0, 32, false, false)).toBe(0x4b800001);
    expect(c.flags).toBe(sf.IXC);
    c = ctx(sf.RP);
    expect(sf.fixedToF32(c, 0x01000001, 1, 32, false, true)).toBe(0x4b000000); // 2^23 + 0.5 to even
    c = ctx();
    expect(sf.fixedToF32(c, 0x0000ff80, 8, 16, false, true)).toBe(0xbf000000); // int16 -128 / 256
    sf.fixedToF64(c, 0xffffffff, 0, 32, true, false);
    expect([c.hi, c.lo]).toEqual([0x41efffff, 0xffe00000]);
  });
  it('half precision: IEEE and alternative formats, NaNs, overflow', () => {
    let c = ctx();
    expect(sf.cvt32to16(c, 0x47800000)).toBe(0x7c00); // 65536: IEEE overflow to inf
    expect(c.flags).toBe(sf.OFC | sf.IXC);
    c = ctx(sf.RN, false, false, true);
    expect(sf.cvt32to16(c, 0x47800000)).toBe(0x7c00); // AHP: exponent 31 is a normal number
    expect(c.flags).toBe(0);
    expect(sf.cvt32to16(c, 0x7f800000)).toBe(0x7fff); // AHP: inf -> max, IOC
    expect(sf.cvt32to16(c, 0xffc00000)).toBe(0x8000); // AHP: NaN -> signed zero, IOC
    expect(c.flags).toBe(sf.IOC);
    c = ctx();
    expect(sf.cvt32to16(c, 0x7f812345)).toBe(0x7e09); // SNaN quieted, top payload bits kept
    expect(c.flags).toBe(sf.IOC);
    c = ctx(sf.RN, true);
    expect(sf.cvt16to32(c, 0x0001)).toBe(0x33800000); // a half denormal is not flushed
    expect(c.flags).toBe(0);
    c = ctx(sf.RN, false, false, true);
    expect(sf.cvt16to32(c, 0x7c00)).toBe(0x47800000);
  });
  it('abs and neg touch only the sign, even for SNaNs', () => {
    const c = ctx(sf.RN, true, true);
    expect(sf.abs32(0xff800001)).toBe(0x7f800001);
    expect(sf.neg32(0x00000001)).toBe(0x80000001);
    sf.neg64(c, 0x7ff00000, 1);
    expect([c.hi, c.lo]).toEqual([0xfff00000, 1]);
    expect(c.flags).toBe(0);
  });
  it('f32 <-> f64', () => {
    let c = ctx(sf.RZ);
    expect(sf.cvt64to32(c, 0x3ff00000, 0x10000000)).toBe(ONE);
    expect(c.flags).toBe(sf.IXC);
    c = ctx();
    sf.cvt32to64(c, 0x7f812345);
    expect([c.hi, c.lo]).toEqual([0x7ff82468, 0xa0000000]);
    expect(c.flags).toBe(sf.IOC);
    c = ctx(sf.RN, true);
    sf.cvt32to64(c, 0x00000001);
    expect([c.hi, c.lo]).toEqual([0, 0]);
    expect(c.flags).toBe(sf.IDC);
  });
});

// The fast paths (JS doubles + error-free transformations) against the exact BigInt path (itself
// checked against QEMU above) on many more operands than QEMU produced: normal operands, all
// rounding modes, results ranging over the whole exponent range including overflow and underflow.
describe('fast paths agree with the exact path', () => {
  let s = 0x2545f491;
  const r32 = (): number => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  /** a normal-ish f32: biased exponent spread over the range, mantissa with random trailing runs. */
  const f32 = (): number => {
    const r = r32(), m = r32();
    const e = (r & 0x300) === 0 ? 1 + (r32() % 254) : 0x60 + (r32() % 0x40);
    const k = r & 31;
    const mm = (r & 0x400) ? m | ((2 ** k) - 1) : m & ~((2 ** k) - 1);
    return ((r & 0x80000000) | (e << 23) | (mm & 0x7fffff)) >>> 0;
  };
  const f64 = (): [number, number] => {
    const r = r32(), m = r32(), l = r32();
    const e = (r & 0x300) === 0 ? 1 + (r32() % 2046) : 0x300 + (r32() % 0x200);
    const k = r & 31;
    const ll = (r & 0x400) ? l | ((2 ** k) - 1) : l & ~((2 ** k) - 1);
    return [((r & 0x80000000) | (e << 20) | (m & 0xfffff)) >>> 0, ll >>> 0];
  };
  const N = 30000;
  const fast = new FPContext(), slow = new FPContext();
  for (const rm of [sf.RN, sf.RP, sf.RM, sf.RZ]) {
    it(`binary32 add/sub/mul/div/sqrt/cvt, rmode ${rm}`, () => {
      let bad = 0;
      for (let i = 0; i < N; i++) {
        const a = f32();
        // b near a (cancellation, alignment) half of the time
        const b = (i & 1) ? f32() : ((a ^ (r32() & 0x80000000)) + ((r32() & 0x1f) << 23) - (8 << 23) + (r32() & 0xff)) >>> 0;
        const cfg = (rm << 22) | ((i & 2) ? 1 << 24 : 0);
        for (const op of ['add32', 'sub32', 'mul32', 'div32'] as const) {
          fast.setFPSCR(cfg); slow.setFPSCR(cfg);
          const x = sf[op](fast, a, b), y = sf.exact[op](slow, a, b);
          if (x !== y || fast.flags !== slow.flags) bad++;
        }
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        if (sf.sqrt32(fast, a) !== sf.exact.sqrt32(slow, a) || fast.flags !== slow.flags) bad++;
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        if (sf.fixedToF32(fast, b, 0, 32, (i & 4) !== 0, false) !== sf.exact.fixedToF32(slow, b, 0, 32, (i & 4) !== 0, false) || fast.flags !== slow.flags) bad++;
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        {
          const sz = (i & 8) ? 16 : 32, fbits = r32() % (sz + 1), v = b >>> (r32() & 15);
          if (sf.fixedToF32(fast, v, fbits, sz, (i & 4) !== 0, true) !== sf.exact.fixedToF32(slow, v, fbits, sz, (i & 4) !== 0, true) || fast.flags !== slow.flags) bad++;
        }
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        {
          const fb = r32() % 33, sz = (i & 8) ? 16 : 32, u = (i & 4) !== 0, z = (i & 16) !== 0;
          const fbits = sz === 16 ? fb % 17 : fb;
          if (sf.f32ToFixed(fast, a, fbits, sz, u, z) !== sf.exact.f32ToFixed(slow, a, fbits, sz, u, z) || fast.flags !== slow.flags) bad++;
        }
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        if (sf.cmp32(fast, a, b, true) !== sf.exact.cmp32(slow, a, b, true) || fast.flags !== slow.flags) bad++;
      }
      expect(bad).toBe(0);
    });
    it(`binary64 add/sub/mul/div/sqrt/cvt, rmode ${rm}`, () => {
      let bad = 0;
      for (let i = 0; i < N; i++) {
        const [ah, al] = f64();
        let [bh, bl] = f64();
        if (i & 1) { bh = ((ah ^ (r32() & 0x80000000)) + ((r32() & 0x3f) << 20) - (32 << 20)) >>> 0; bl = (al + (r32() & 0xffff)) >>> 0; }
        const cfg = (rm << 22) | ((i & 2) ? 1 << 24 : 0);
        for (const op of ['add64', 'sub64', 'mul64', 'div64'] as const) {
          fast.setFPSCR(cfg); slow.setFPSCR(cfg);
          sf[op](fast, ah, al, bh, bl); sf.exact[op](slow, ah, al, bh, bl);
          if (fast.hi !== slow.hi || fast.lo !== slow.lo || fast.flags !== slow.flags) bad++;
        }
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        sf.sqrt64(fast, ah, al); sf.exact.sqrt64(slow, ah, al);
        if (fast.hi !== slow.hi || fast.lo !== slow.lo || fast.flags !== slow.flags) bad++;
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        if (sf.cvt64to32(fast, ah, al) !== sf.exact.cvt64to32(slow, ah, al) || fast.flags !== slow.flags) bad++;
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        {
          const fb = r32() % 33, sz = (i & 8) ? 16 : 32, u = (i & 4) !== 0, z = (i & 16) !== 0;
          const fbits = sz === 16 ? fb % 17 : fb;
          if (sf.f64ToFixed(fast, ah, al, fbits, sz, u, z) !== sf.exact.f64ToFixed(slow, ah, al, fbits, sz, u, z) || fast.flags !== slow.flags) bad++;
        }
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        if (sf.cmp64(fast, ah, al, bh, bl, false) !== sf.exact.cmp64(slow, ah, al, bh, bl, false) || fast.flags !== slow.flags) bad++;
        const a32 = (ah & 0x80000000) | (((ah >>> 20) & 0xff) << 23) | (al >>> 9);
        fast.setFPSCR(cfg); slow.setFPSCR(cfg);
        sf.cvt32to64(fast, a32 >>> 0); sf.exact.cvt32to64(slow, a32 >>> 0);
        if (fast.hi !== slow.hi || fast.lo !== slow.lo || fast.flags !== slow.flags) bad++;
      }
      expect(bad).toBe(0);
    });
  }
});

describe('softfloat helpers', () => {
  it('VFPExpandImm (immediates as arm-none-eabi-objdump shows them)', () => {
    expect(sf.expandImm32(112)).toBe(0x3f800000);
    expect(sf.expandImm32(192)).toBe(0xbe000000);
    expect(sf.expandImm32(63)).toBe(0x41f80000);
    expect(sf.expandImm64Hi(112)).toBe(0x3ff00000);
    expect(sf.expandImm64Hi(132)).toBe(0xc0040000);
    expect(sf.expandImm64Hi(65)).toBe(0x3fc10000);
  });
  it('accepts register words as signed int32 (Int32Array) as well as uint32', () => {
    const a = ctx(sf.RM), b = ctx(sf.RM);
    expect(sf.add32(a, 0xbf800001 | 0, 0x3f000000)).toBe(sf.add32(b, 0xbf800001, 0x3f000000));
    expect(sf.div32(a, 0xc0400000 | 0, 0xc0e00000 | 0)).toBe(sf.div32(b, 0xc0400000, 0xc0e00000));
    sf.mul64(a, 0xc0080000 | 0, 0xffffffff | 0, 0xbfe00000 | 0, 0x80000001 | 0);
    sf.mul64(b, 0xc0080000, 0xffffffff, 0xbfe00000, 0x80000001);
    expect([a.hi, a.lo]).toEqual([b.hi, b.lo]);
    expect(sf.fixedToF32(a, -5, 0, 32, false, false)).toBe(0xc0a00000);
    expect(sf.cvt32to16(a, 0xbf800000 | 0)).toBe(0xbc00);
    expect(a.flags).toBe(b.flags);
  });
});
