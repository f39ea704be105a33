// Semantics of the media / multiply / bit-manipulation group, shared by A32 and T32.
//
// A32 and T32 tables use the same encoding names and the same field letters for these groups
// (d n m a = Rd Rn Rm Ra, h l = RdHi RdLo, M N = top/bottom half selectors, r = rotation, ...),
// so one handler serves both instruction sets; the set-specific handler files only add what
// differs (T16 forms). Every handler specialises at translation time; ops do plain integer work.
//
// 64-bit results: the low word comes from Math.imul, the high word from 16-bit partial products
// (mulHiU), so results are exact; no BigInt anywhere. Products that fit in 53 bits (16x16, 32x16,
// sums of two 16x16 products) are computed directly in doubles, which is exact.
//
// Rd = 15 (UNPREDICTABLE in the ARM ARM): QEMU computes the value and writes it to the PC as a
// plain branch (bits [1:0] / [0] cleared), ending the block. withPc() does the same here.

import type { Cpu } from '../../armcore/cpu.js';
import type { Fields } from '../../armcore/encoding.js';
import type { Handler, HandlerTable, Op, TContext } from '../types.js';

/**
 * CPU features of this group. Cortex-A9 (QEMU -M vexpress-a9) has no hardware divide: QEMU
 * UNDEFs SDIV/UDIV in both A32 and T32. Set idiv to true to emulate a core with the divide
 * extension (Cortex-A7/A15); it is read at translation time.
 */
export const MEDIA_FEATURES = { idiv: false };

const TWO32 = 4294967296;

// ------------------------------------------------------------------ arithmetic helpers

/** High 32 bits (as int32) of the unsigned 64-bit product of two 32-bit values. */
export function mulHiU(a: number, b: number): number {
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  const p0 = al * bl, p1 = ah * bl, p2 = al * bh;
  const mid = (p0 >>> 16) + (p1 & 0xffff) + (p2 & 0xffff);
  return (ah * bh + (p1 >>> 16) + (p2 >>> 16) + (mid >>> 16)) | 0;
}

/** High 32 bits of the signed 64-bit product of two int32 values. */
export function mulHiS(a: number, b: number): number {
  let hi = mulHiU(a, b);
  if (a < 0) hi = (hi - b) | 0;
  if (b < 0) hi = (hi - a) | 0;
  return hi;
}

/** Signed 32-bit saturating add with Q (QADD, and the doubling of QDADD). */
function qadd32(c: Cpu, a: number, b: number): number {
  const s = a + b;
  if (s > 0x7fffffff) { c.q = 1; return 0x7fffffff; }
  if (s < -0x80000000) { c.q = 1; return -0x80000000; }
  return s;
}
function qsub32(c: Cpu, a: number, b: number): number {
  const s = a - b;
  if (s > 0x7fffffff) { c.q = 1; return 0x7fffffff; }
  if (s < -0x80000000) { c.q = 1; return -0x80000000; }
  return s;
}

const s16lo = (v: number) => (v << 16) >> 16;
const s16hi = (v: number) => v >> 16;
const ss16 = (v: number) => (v > 0x7fff ? 0x7fff : v < -0x8000 ? -0x8000 : v);
const ss8 = (v: number) => (v > 0x7f ? 0x7f : v < -0x80 ? -0x80 : v);
const us16 = (v: number) => (v > 0xffff ? 0xffff : v < 0 ? 0 : v);
const us8 = (v: number) => (v > 0xff ? 0xff : v < 0 ? 0 : v);
const sb = (v: number, i: number) => (v << (24 - 8 * i)) >> 24;
const ub = (v: number, i: number) => (v >>> (8 * i)) & 0xff;

const pack16 = (lo: number, hi: number) => (lo & 0xffff) | (hi << 16);
const pack8 = (b0: number, b1: number, b2: number, b3: number) =>
  (b0 & 0xff) | ((b1 & 0xff) << 8) | ((b2 & 0xff) << 16) | (b3 << 24);

// ------------------------------------------------------------------ handler plumbing

/** Rd = 15: run the op (which leaves the value in r[15]) and branch there, as QEMU. */
function withPc(op: Op, x: TContext): Op {
  x.ends = true;
  return c => { op(c); c.branchWritePC(c.r[15]!); };
}
function dest(d: number, op: Op, x: TContext): Op {
  return d === 15 ? withPc(op, x) : op;
}
/** 64-bit destinations: QEMU writes RdLo then RdHi; either may be the PC. */
function dest2(lo: number, hi: number, op: Op, x: TContext): Op {
  if (hi === 15 || lo === 15) {
    x.ends = true;
    return c => { op(c); c.branchWritePC(c.r[15]!); };
  }
  return op;
}

type RRR = (d: number, n: number, m: number) => Op;
/** A three-register op with no accumulator. */
function rrr(build: RRR): Handler {
  return (f, x) => {
    const d = f['d']!;
    return dest(d, build(d, f['n']!, f['m']!), x);
  };
}

// ------------------------------------------------------------------ parallel add/subtract

// Each builder: (d, n, m) => op. GE-setting forms write c.ge as the ARM ARM specifies.
const PARALLEL: Record<string, RRR> = {
  SADD16: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = s16lo(a) + s16lo(b), hi = s16hi(a) + s16hi(b);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  SASX: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = s16lo(a) - s16hi(b), hi = s16hi(a) + s16lo(b);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  SSAX: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = s16lo(a) + s16hi(b), hi = s16hi(a) - s16lo(b);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  SSUB16: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = s16lo(a) - s16lo(b), hi = s16hi(a) - s16hi(b);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  SADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const r0 = sb(a, 0) + sb(b, 0), r1 = sb(a, 1) + sb(b, 1), r2 = sb(a, 2) + sb(b, 2), r3 = sb(a, 3) + sb(b, 3);
    c.r[d] = pack8(r0, r1, r2, r3);
    c.ge = (r0 >= 0 ? 1 : 0) | (r1 >= 0 ? 2 : 0) | (r2 >= 0 ? 4 : 0) | (r3 >= 0 ? 8 : 0);
  },
  SSUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const r0 = sb(a, 0) - sb(b, 0), r1 = sb(a, 1) - sb(b, 1), r2 = sb(a, 2) - sb(b, 2), r3 = sb(a, 3) - sb(b, 3);
    c.r[d] = pack8(r0, r1, r2, r3);
    c.ge = (r0 >= 0 ? 1 : 0) | (r1 >= 0 ? 2 : 0) | (r2 >= 0 ? 4 : 0) | (r3 >= 0 ? 8 : 0);
  },
  UADD16: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = (a & 0xffff) + (b & 0xffff), hi = (a >>> 16) + (b >>> 16);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo > 0xffff ? 3 : 0) | (hi > 0xffff ? 12 : 0);
  },
  UASX: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = (a & 0xffff) - (b >>> 16), hi = (a >>> 16) + (b & 0xffff);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi > 0xffff ? 12 : 0);
  },
  USAX: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = (a & 0xffff) + (b >>> 16), hi = (a >>> 16) - (b & 0xffff);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo > 0xffff ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  USUB16: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const lo = (a & 0xffff) - (b & 0xffff), hi = (a >>> 16) - (b >>> 16);
    c.r[d] = pack16(lo, hi);
    c.ge = (lo >= 0 ? 3 : 0) | (hi >= 0 ? 12 : 0);
  },
  UADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const r0 = ub(a, 0) + ub(b, 0), r1 = ub(a, 1) + ub(b, 1), r2 = ub(a, 2) + ub(b, 2), r3 = ub(a, 3) + ub(b, 3);
    c.r[d] = pack8(r0, r1, r2, r3);
    c.ge = (r0 > 0xff ? 1 : 0) | (r1 > 0xff ? 2 : 0) | (r2 > 0xff ? 4 : 0) | (r3 > 0xff ? 8 : 0);
  },
  USUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    const r0 = ub(a, 0) - ub(b, 0), r1 = ub(a, 1) - ub(b, 1), r2 = ub(a, 2) - ub(b, 2), r3 = ub(a, 3) - ub(b, 3);
    c.r[d] = pack8(r0, r1, r2, r3);
    c.ge = (r0 >= 0 ? 1 : 0) | (r1 >= 0 ? 2 : 0) | (r2 >= 0 ? 4 : 0) | (r3 >= 0 ? 8 : 0);
  },

  // Signed saturating (no flags at all)
  QADD16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(ss16(s16lo(a) + s16lo(b)), ss16(s16hi(a) + s16hi(b))); },
  QASX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(ss16(s16lo(a) - s16hi(b)), ss16(s16hi(a) + s16lo(b))); },
  QSAX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(ss16(s16lo(a) + s16hi(b)), ss16(s16hi(a) - s16lo(b))); },
  QSUB16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(ss16(s16lo(a) - s16lo(b)), ss16(s16hi(a) - s16hi(b))); },
  QADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8(ss8(sb(a, 0) + sb(b, 0)), ss8(sb(a, 1) + sb(b, 1)), ss8(sb(a, 2) + sb(b, 2)), ss8(sb(a, 3) + sb(b, 3)));
  },
  QSUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8(ss8(sb(a, 0) - sb(b, 0)), ss8(sb(a, 1) - sb(b, 1)), ss8(sb(a, 2) - sb(b, 2)), ss8(sb(a, 3) - sb(b, 3)));
  },
  // Signed halving
  SHADD16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16((s16lo(a) + s16lo(b)) >> 1, (s16hi(a) + s16hi(b)) >> 1); },
  SHASX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16((s16lo(a) - s16hi(b)) >> 1, (s16hi(a) + s16lo(b)) >> 1); },
  SHSAX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16((s16lo(a) + s16hi(b)) >> 1, (s16hi(a) - s16lo(b)) >> 1); },
  SHSUB16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16((s16lo(a) - s16lo(b)) >> 1, (s16hi(a) - s16hi(b)) >> 1); },
  SHADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8((sb(a, 0) + sb(b, 0)) >> 1, (sb(a, 1) + sb(b, 1)) >> 1, (sb(a, 2) + sb(b, 2)) >> 1, (sb(a, 3) + sb(b, 3)) >> 1);
  },
  SHSUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8((sb(a, 0) - sb(b, 0)) >> 1, (sb(a, 1) - sb(b, 1)) >> 1, (sb(a, 2) - sb(b, 2)) >> 1, (sb(a, 3) - sb(b, 3)) >> 1);
  },
  // Unsigned saturating
  UQADD16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(us16((a & 0xffff) + (b & 0xffff)), us16((a >>> 16) + (b >>> 16))); },
  UQASX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(us16((a & 0xffff) - (b >>> 16)), us16((a >>> 16) + (b & 0xffff))); },
  UQSAX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(us16((a & 0xffff) + (b >>> 16)), us16((a >>> 16) - (b & 0xffff))); },
  UQSUB16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(us16((a & 0xffff) - (b & 0xffff)), us16((a >>> 16) - (b >>> 16))); },
  UQADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8(us8(ub(a, 0) + ub(b, 0)), us8(ub(a, 1) + ub(b, 1)), us8(ub(a, 2) + ub(b, 2)), us8(ub(a, 3) + ub(b, 3)));
  },
  UQSUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8(us8(ub(a, 0) - ub(b, 0)), us8(ub(a, 1) - ub(b, 1)), us8(ub(a, 2) - ub(b, 2)), us8(ub(a, 3) - ub(b, 3)));
  },
  // Unsigned halving
  UHADD16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(((a & 0xffff) + (b & 0xffff)) >> 1, ((a >>> 16) + (b >>> 16)) >> 1); },
  UHASX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(((a & 0xffff) - (b >>> 16)) >> 1, ((a >>> 16) + (b & 0xffff)) >> 1); },
  UHSAX: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(((a & 0xffff) + (b >>> 16)) >> 1, ((a >>> 16) - (b & 0xffff)) >> 1); },
  UHSUB16: (d, n, m) => c => { const a = c.r[n]!, b = c.r[m]!; c.r[d] = pack16(((a & 0xffff) - (b & 0xffff)) >> 1, ((a >>> 16) - (b >>> 16)) >> 1); },
  UHADD8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8((ub(a, 0) + ub(b, 0)) >> 1, (ub(a, 1) + ub(b, 1)) >> 1, (ub(a, 2) + ub(b, 2)) >> 1, (ub(a, 3) + ub(b, 3)) >> 1);
  },
  UHSUB8: (d, n, m) => c => {
    const a = c.r[n]!, b = c.r[m]!;
    c.r[d] = pack8((ub(a, 0) - ub(b, 0)) >> 1, (ub(a, 1) - ub(b, 1)) >> 1, (ub(a, 2) - ub(b, 2)) >> 1, (ub(a, 3) - ub(b, 3)) >> 1);
  },
};

export const PARALLEL_NAMES = Object.keys(PARALLEL);

// ------------------------------------------------------------------ the shared handler table

function mulHandler(acc: 0 | 1 | -1): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? 0, S = f['S'] ?? 0;
    let op: Op;
    if (acc === 0) {
      op = S ? c => { const r = Math.imul(c.r[n]!, c.r[m]!); c.r[d] = r; c.n = r >>> 31; c.z = r === 0 ? 1 : 0; }
        : c => { c.r[d] = Math.imul(c.r[n]!, c.r[m]!); };
    } else if (acc === 1) {
      op = S ? c => { const r = (Math.imul(c.r[n]!, c.r[m]!) + c.r[a]!) | 0; c.r[d] = r; c.n = r >>> 31; c.z = r === 0 ? 1 : 0; }
        : c => { c.r[d] = (Math.imul(c.r[n]!, c.r[m]!) + c.r[a]!) | 0; };
    } else {
      op = c => { c.r[d] = (c.r[a]! - Math.imul(c.r[n]!, c.r[m]!)) | 0; };
    }
    return dest(d, op, x);
  };
}

/** UMULL/UMLAL (signed = false) and SMULL/SMLAL: h = RdHi, l = RdLo. */
function mulLongHandler(signed: boolean, acc: boolean): Handler {
  return (f, x) => {
    const h = f['h']!, l = f['l']!, n = f['n']!, m = f['m']!, S = f['S'] ?? 0;
    const op = signed ? (acc ? smlalOp(h, l, n, m) : smullOp(h, l, n, m)) : (acc ? umlalOp(h, l, n, m) : umullOp(h, l, n, m));
    return dest2(l, h, S ? withNZ64(op, h, l) : op, x);
  };
}
function withNZ64(op: Op, h: number, l: number): Op {
  return c => { op(c); const hi = c.r[h]!; c.n = hi >>> 31; c.z = (hi | c.r[l]!) === 0 ? 1 : 0; };
}
function umullOp(h: number, l: number, n: number, m: number): Op {
  return c => { const a = c.r[n]!, b = c.r[m]!; c.r[l] = Math.imul(a, b); c.r[h] = mulHiU(a, b); };
}
function smullOp(h: number, l: number, n: number, m: number): Op {
  return c => { const a = c.r[n]!, b = c.r[m]!; c.r[l] = Math.imul(a, b); c.r[h] = mulHiS(a, b); };
}
function umlalOp(h: number, l: number, n: number, m: number): Op {
  return c => {
    const a = c.r[n]!, b = c.r[m]!;
    const s = (Math.imul(a, b) >>> 0) + (c.r[l]! >>> 0);
    const hi = (mulHiU(a, b) + c.r[h]! + (s >= TWO32 ? 1 : 0)) | 0;
    c.r[l] = s | 0; c.r[h] = hi;
  };
}
function smlalOp(h: number, l: number, n: number, m: number): Op {
  return c => {
    const a = c.r[n]!, b = c.r[m]!;
    const s = (Math.imul(a, b) >>> 0) + (c.r[l]! >>> 0);
    const hi = (mulHiS(a, b) + c.r[h]! + (s >= TWO32 ? 1 : 0)) | 0;
    c.r[l] = s | 0; c.r[h] = hi;
  };
}

/** 64-bit accumulate of a signed value v (|v| <= 2^32) into RdHi:RdLo. */
function acc64(c: Cpu, h: number, l: number, v: number): void {
  const vhi = Math.floor(v / TWO32);
  const s = (v - vhi * TWO32) + (c.r[l]! >>> 0);
  const hi = (c.r[h]! + vhi + (s >= TWO32 ? 1 : 0)) | 0;
  c.r[l] = s | 0; c.r[h] = hi;
}

function half(v: number, top: number): number { return top ? v >> 16 : (v << 16) >> 16; }

/**
 * SMMLA/SMMLS/SMMUL: top word of Ra:0 +/- Rn*Rm, optionally rounded. Ra = 15 (or no a field):
 * no accumulate, for SMMLS too (QEMU then returns the top word of +Rn*Rm, like SMMUL).
 */
function smmHandler(sub: boolean): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? 15, R = f['R']!;
    const round = R ? 0x80000000 : 0;
    let op: Op;
    if (!sub || a === 15) {
      op = a === 15
        ? (R ? c => { const p = c.r[n]!, q = c.r[m]!; const lo = Math.imul(p, q) >>> 0; c.r[d] = (mulHiS(p, q) + (lo + round >= TWO32 ? 1 : 0)) | 0; }
          : c => { c.r[d] = mulHiS(c.r[n]!, c.r[m]!); })
        : c => {
          const p = c.r[n]!, q = c.r[m]!;
          const lo = Math.imul(p, q) >>> 0;
          c.r[d] = (mulHiS(p, q) + c.r[a]! + (lo + round >= TWO32 ? 1 : 0)) | 0;
        };
    } else {
      // (Ra:0) - P: low word is -lo (borrow unless lo == 0), high word Ra - hi - borrow.
      op = c => {
        const p = c.r[n]!, q = c.r[m]!;
        const lo = Math.imul(p, q) >>> 0, hi = mulHiS(p, q);
        const acc = c.r[a]!;
        const nlo = lo === 0 ? 0 : TWO32 - lo;
        const borrow = lo === 0 ? 0 : 1;
        c.r[d] = (acc - hi - borrow + (nlo + round >= TWO32 ? 1 : 0)) | 0;
      };
    }
    return dest(d, op, x);
  };
}

function sdivOp(d: number, n: number, m: number): Op {
  return c => {
    const b = c.r[m]!;
    c.r[d] = b === 0 ? 0 : (c.r[n]! / b) | 0; // INT_MIN / -1 = 2^31 | 0 = INT_MIN; trunc by |0
  };
}
function udivOp(d: number, n: number, m: number): Op {
  return c => {
    const b = c.r[m]! >>> 0;
    c.r[d] = b === 0 ? 0 : ((c.r[n]! >>> 0) / b) >>> 0 | 0;
  };
}

/** Rotation of the extend forms (r = rotate/8). */
function rorK(v: number, rot: number): number {
  return rot === 0 ? v : (v >>> rot) | (v << (32 - rot));
}

type ExtKind = 'SXTB' | 'SXTH' | 'UXTB' | 'UXTH' | 'SXTB16' | 'UXTB16';

/** Extend (Rn = 15) and extend-and-add forms. The rotation field is r (0..3, times 8). */
function extHandler(kind: ExtKind): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n'] ?? 15, m = f['m']!, rot = (f['r'] ?? 0) * 8;
    let op: Op;
    if (n === 15) {
      switch (kind) {
        case 'SXTB': op = rot ? c => { c.r[d] = (rorK(c.r[m]!, rot) << 24) >> 24; } : c => { c.r[d] = (c.r[m]! << 24) >> 24; }; break;
        case 'SXTH': op = rot ? c => { c.r[d] = (rorK(c.r[m]!, rot) << 16) >> 16; } : c => { c.r[d] = (c.r[m]! << 16) >> 16; }; break;
        case 'UXTB': op = rot ? c => { c.r[d] = rorK(c.r[m]!, rot) & 0xff; } : c => { c.r[d] = c.r[m]! & 0xff; }; break;
        case 'UXTH': op = rot ? c => { c.r[d] = rorK(c.r[m]!, rot) & 0xffff; } : c => { c.r[d] = c.r[m]! & 0xffff; }; break;
        case 'SXTB16': op = c => { const v = rorK(c.r[m]!, rot); c.r[d] = (((v << 24) >> 24) & 0xffff) | (((v << 8) >> 24) << 16); }; break;
        default: op = c => { c.r[d] = rorK(c.r[m]!, rot) & 0x00ff00ff; }; break;
      }
    } else {
      switch (kind) {
        case 'SXTB': op = c => { c.r[d] = (c.r[n]! + ((rorK(c.r[m]!, rot) << 24) >> 24)) | 0; }; break;
        case 'SXTH': op = c => { c.r[d] = (c.r[n]! + ((rorK(c.r[m]!, rot) << 16) >> 16)) | 0; }; break;
        case 'UXTB': op = c => { c.r[d] = (c.r[n]! + (rorK(c.r[m]!, rot) & 0xff)) | 0; }; break;
        case 'UXTH': op = c => { c.r[d] = (c.r[n]! + (rorK(c.r[m]!, rot) & 0xffff)) | 0; }; break;
        case 'SXTB16': op = c => {
          const v = rorK(c.r[m]!, rot), a = c.r[n]!;
          c.r[d] = pack16(a + ((v << 24) >> 24), (a >> 16) + ((v << 8) >> 24));
        }; break;
        default: op = c => {
          const v = rorK(c.r[m]!, rot), a = c.r[n]!;
          c.r[d] = pack16(a + (v & 0xff), (a >>> 16) + ((v >>> 16) & 0xff));
        }; break;
      }
    }
    return dest(d, op, x);
  };
}

function rbit(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return (v >>> 16) | (v << 16);
}

/** Saturate handlers: k = saturate field, i = shift amount, p = shift type (1 = ASR). */
function satHandler(signed: boolean): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, k = f['k']!, sh = f['p'] ?? 0, imm = f['i'] ?? 0;
    const amt = sh ? (imm === 0 ? 31 : imm) : imm; // ASR #32 gives the same as ASR #31 here
    // SSAT saturates to k+1 bits: [-2^k, 2^k - 1]; USAT to k bits: [0, 2^k - 1].
    const max = 2 ** k - 1, min = signed ? -(2 ** k) : 0;
    let op: Op;
    if (sh) {
      op = c => {
        const v = c.r[n]! >> amt;
        if (v > max) { c.q = 1; c.r[d] = max; } else if (v < min) { c.q = 1; c.r[d] = min; } else c.r[d] = v;
      };
    } else {
      op = c => {
        const v = c.r[n]! << amt;
        if (v > max) { c.q = 1; c.r[d] = max; } else if (v < min) { c.q = 1; c.r[d] = min; } else c.r[d] = v;
      };
    }
    return dest(d, op, x);
  };
}
function sat16Handler(signed: boolean): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, k = f['k']!;
    const max = 2 ** k - 1, min = signed ? -(2 ** k) : 0;
    const op: Op = c => {
      const v = c.r[n]!;
      let lo = (v << 16) >> 16, hi = v >> 16;
      if (lo > max) { c.q = 1; lo = max; } else if (lo < min) { c.q = 1; lo = min; }
      if (hi > max) { c.q = 1; hi = max; } else if (hi < min) { c.q = 1; hi = min; }
      c.r[d] = (lo & 0xffff) | (hi << 16);
    };
    return dest(d, op, x);
  };
}

/** SMLA<x><y> (always accumulates, even from the PC, as QEMU) / SMUL<x><y> (no a field). */
function smlaxyHandler(f: Fields, x: TContext): Op {
  const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? -1, N = f['N']!, M = f['M']!;
  const sn = N ? 16 : 0, sm = M ? 16 : 0;
  const op: Op = a < 0
    ? c => { c.r[d] = ((c.r[n]! << (16 - sn)) >> 16) * ((c.r[m]! << (16 - sm)) >> 16) | 0; }
    : c => {
      const s = ((c.r[n]! << (16 - sn)) >> 16) * ((c.r[m]! << (16 - sm)) >> 16) + c.r[a]!;
      if (s > 0x7fffffff || s < -0x80000000) c.q = 1;
      c.r[d] = s | 0;
    };
  return dest(d, op, x);
}

/** SMLAW<y> / SMULW<y>: (Rn * half(Rm)) >> 16, a 48-bit product, exact in a double. */
function smlawyHandler(f: Fields, x: TContext): Op {
  const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? -1, M = f['M']!;
  const sm = M ? 16 : 0;
  const op: Op = a < 0
    ? c => { c.r[d] = Math.floor(c.r[n]! * ((c.r[m]! << (16 - sm)) >> 16) / 65536) | 0; }
    : c => {
      const s = Math.floor(c.r[n]! * ((c.r[m]! << (16 - sm)) >> 16) / 65536) + c.r[a]!;
      if (s > 0x7fffffff || s < -0x80000000) c.q = 1;
      c.r[d] = s | 0;
    };
  return dest(d, op, x);
}

/** Rm, or Rm with its halves swapped (the X forms). */
const swapHalves = (v: number) => (v >>> 16) | (v << 16);

/** SMLAD/SMLSD/SMUAD/SMUSD (M = swap the halves of Rm). Q set when the exact sum leaves int32. */
function smladHandler(sub: boolean): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? 15, M = f['M']!;
    let op: Op;
    if (!sub && a === 15) {
      op = c => {
        const p = c.r[n]!, q = M ? swapHalves(c.r[m]!) : c.r[m]!;
        const s = ((p << 16) >> 16) * ((q << 16) >> 16) + (p >> 16) * (q >> 16);
        if (s > 0x7fffffff) c.q = 1; // only 0x8000*0x8000 twice reaches 2^31
        c.r[d] = s | 0;
      };
    } else if (!sub) {
      op = c => {
        const p = c.r[n]!, q = M ? swapHalves(c.r[m]!) : c.r[m]!;
        const s = ((p << 16) >> 16) * ((q << 16) >> 16) + (p >> 16) * (q >> 16) + c.r[a]!;
        if (s > 0x7fffffff || s < -0x80000000) c.q = 1;
        c.r[d] = s | 0;
      };
    } else if (a === 15) {
      op = c => { // a difference of two 16x16 products always fits
        const p = c.r[n]!, q = M ? swapHalves(c.r[m]!) : c.r[m]!;
        c.r[d] = ((p << 16) >> 16) * ((q << 16) >> 16) - (p >> 16) * (q >> 16);
      };
    } else {
      op = c => {
        const p = c.r[n]!, q = M ? swapHalves(c.r[m]!) : c.r[m]!;
        const s = ((p << 16) >> 16) * ((q << 16) >> 16) - (p >> 16) * (q >> 16) + c.r[a]!;
        if (s > 0x7fffffff || s < -0x80000000) c.q = 1;
        c.r[d] = s | 0;
      };
    }
    return dest(d, op, x);
  };
}

/** SMLALD/SMLSLD. */
function smlaldHandler(sub: boolean): Handler {
  return (f, x) => {
    const h = f['h']!, l = f['l']!, n = f['n']!, m = f['m']!, M = f['M']!;
    const op: Op = c => {
      const p = c.r[n]!, q = M ? swapHalves(c.r[m]!) : c.r[m]!;
      const p1 = ((p << 16) >> 16) * ((q << 16) >> 16), p2 = (p >> 16) * (q >> 16);
      acc64(c, h, l, sub ? p1 - p2 : p1 + p2);
    };
    return dest2(l, h, op, x);
  };
}

/** SMLAL<x><y>. */
function smlalxyHandler(f: Fields, x: TContext): Op {
  const h = f['h']!, l = f['l']!, n = f['n']!, m = f['m']!, N = f['N']!, M = f['M']!;
  const sn = N ? 16 : 0, sm = M ? 16 : 0;
  const op: Op = c => {
    acc64(c, h, l, ((c.r[n]! << (16 - sn)) >> 16) * ((c.r[m]! << (16 - sm)) >> 16));
  };
  return dest2(l, h, op, x);
}

export const MEDIA_SHARED: HandlerTable = {
  // ---------------------------------------------------------------- multiplies
  MUL: mulHandler(0),
  MLA: mulHandler(1),
  MLS: mulHandler(-1),
  UMULL: mulLongHandler(false, false),
  UMLAL: mulLongHandler(false, true),
  SMULL: mulLongHandler(true, false),
  SMLAL: mulLongHandler(true, true),
  UMAAL(f, x) {
    const h = f['h']!, l = f['l']!, n = f['n']!, m = f['m']!;
    return dest2(l, h, c => {
      const a = c.r[n]!, b = c.r[m]!;
      // a*b + lo + hi < 2^64: add the two 32-bit addends to the low word, carries into hi.
      const s = (Math.imul(a, b) >>> 0) + (c.r[l]! >>> 0) + (c.r[h]! >>> 0);
      const carry = Math.floor(s / TWO32);
      c.r[h] = (mulHiU(a, b) + carry) | 0;
      c.r[l] = s | 0;
    }, x);
  },
  SMLAxy: smlaxyHandler,
  SMULxy: smlaxyHandler,
  SMLAWy: smlawyHandler,
  SMULWy: smlawyHandler,
  SMLALxy: smlalxyHandler,
  SMLAD: smladHandler(false),
  SMUAD: smladHandler(false),
  SMLSD: smladHandler(true),
  SMUSD: smladHandler(true),
  SMLALD: smlaldHandler(false),
  SMLSLD: smlaldHandler(true),
  SMMLA: smmHandler(false),
  SMMUL: smmHandler(false),
  SMMLS: smmHandler(true),
  SDIV(f, x) { return MEDIA_FEATURES.idiv ? rrr(sdivOp)(f, x) : null; },
  UDIV(f, x) { return MEDIA_FEATURES.idiv ? rrr(udivOp)(f, x) : null; },

  // ---------------------------------------------------------------- saturating
  QADD: rrr((d, n, m) => c => { c.r[d] = qadd32(c, c.r[m]!, c.r[n]!); }),
  QSUB: rrr((d, n, m) => c => { c.r[d] = qsub32(c, c.r[m]!, c.r[n]!); }),
  QDADD: rrr((d, n, m) => c => { const t = c.r[n]!; c.r[d] = qadd32(c, c.r[m]!, qadd32(c, t, t)); }),
  QDSUB: rrr((d, n, m) => c => { const t = c.r[n]!; c.r[d] = qsub32(c, c.r[m]!, qadd32(c, t, t)); }),
  SSAT: satHandler(true),
  USAT: satHandler(false),
  SSAT16: sat16Handler(true),
  USAT16: sat16Handler(false),

  // ---------------------------------------------------------------- parallel
  ...Object.fromEntries(PARALLEL_NAMES.map(k => [k, rrr(PARALLEL[k]!)])),
  SEL: rrr((d, n, m) => c => {
    const g = c.ge;
    const mask = ((g & 1) ? 0xff : 0) | ((g & 2) ? 0xff00 : 0) | ((g & 4) ? 0xff0000 : 0) | ((g & 8) ? 0xff000000 : 0);
    c.r[d] = (c.r[n]! & mask) | (c.r[m]! & ~mask);
  }),
  USADA8(f, x) { return MEDIA_SHARED['USAD8']!(f, x); },
  USAD8(f, x) {
    const d = f['d']!, n = f['n']!, m = f['m']!, a = f['a'] ?? 15;
    const op: Op = c => {
      const p = c.r[n]!, q = c.r[m]!;
      const s = Math.abs(ub(p, 0) - ub(q, 0)) + Math.abs(ub(p, 1) - ub(q, 1)) +
        Math.abs(ub(p, 2) - ub(q, 2)) + Math.abs(ub(p, 3) - ub(q, 3));
      c.r[d] = a === 15 ? s : (s + c.r[a]!) | 0;
    };
    return dest(d, op, x);
  },

  // ---------------------------------------------------------------- packing / extension
  PKH(f, x) {
    const d = f['d']!, n = f['n']!, m = f['m']!, imm = f['i']!, tb = f['T']!;
    let op: Op;
    if (!tb) op = c => { c.r[d] = (c.r[n]! & 0xffff) | ((c.r[m]! << imm) & 0xffff0000); };
    else {
      const amt = imm === 0 ? 31 : imm; // ASR #32 keeps only copies of the sign, as ASR #31
      op = c => { c.r[d] = (c.r[n]! & 0xffff0000) | ((c.r[m]! >> amt) & 0xffff); };
    }
    return dest(d, op, x);
  },
  SXTAB: extHandler('SXTB'), SXTB: extHandler('SXTB'),
  SXTAH: extHandler('SXTH'), SXTH: extHandler('SXTH'),
  SXTAB16: extHandler('SXTB16'), SXTB16: extHandler('SXTB16'),
  UXTAB: extHandler('UXTB'), UXTB: extHandler('UXTB'),
  UXTAH: extHandler('UXTH'), UXTH: extHandler('UXTH'),
  UXTAB16: extHandler('UXTB16'), UXTB16: extHandler('UXTB16'),

  // ---------------------------------------------------------------- bits
  REV: rrr((d, _n, m) => c => { const v = c.r[m]!; c.r[d] = (v << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24); }),
  REV16: rrr((d, _n, m) => c => { const v = c.r[m]!; c.r[d] = ((v & 0x00ff00ff) << 8) | ((v >>> 8) & 0x00ff00ff); }),
  REVSH: rrr((d, _n, m) => c => { const v = c.r[m]!; c.r[d] = ((v << 24) >> 16) | ((v >>> 8) & 0xff); }),
  RBIT: rrr((d, _n, m) => c => { c.r[d] = rbit(c.r[m]!); }),
  CLZ: rrr((d, _n, m) => c => { c.r[d] = Math.clz32(c.r[m]!); }),
  BFI(f, x) {
    const d = f['d']!, n = f['n']!, lsb = f['b']!, msb = f['k']!;
    if (msb < lsb) return null; // UNPREDICTABLE: QEMU UNDEFs
    const width = msb - lsb + 1;
    const mask = (width === 32 ? -1 : ((1 << width) - 1) << lsb) | 0;
    const op: Op = c => { c.r[d] = (c.r[d]! & ~mask) | ((c.r[n]! << lsb) & mask); };
    return dest(d, op, x);
  },
  BFC(f, x) {
    const d = f['d']!, lsb = f['b']!, msb = f['k']!;
    if (msb < lsb) return null;
    const width = msb - lsb + 1;
    const keep = ~(width === 32 ? -1 : ((1 << width) - 1) << lsb);
    return dest(d, c => { c.r[d] = c.r[d]! & keep; }, x);
  },
  SBFX(f, x) {
    const d = f['d']!, n = f['n']!, lsb = f['b']!, width = f['w']! + 1;
    if (lsb + width > 32) return null; // UNPREDICTABLE: QEMU UNDEFs
    const l = 32 - lsb - width, r = 32 - width;
    return dest(d, c => { c.r[d] = (c.r[n]! << l) >> r; }, x);
  },
  UBFX(f, x) {
    const d = f['d']!, n = f['n']!, lsb = f['b']!, width = f['w']! + 1;
    if (lsb + width > 32) return null;
    const mask = width === 32 ? -1 : (1 << width) - 1;
    return dest(d, c => { c.r[d] = (c.r[n]! >>> lsb) & mask; }, x);
  },
};

