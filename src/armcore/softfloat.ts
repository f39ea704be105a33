// VFPv3 arithmetic on raw bit patterns, bit-exact with ARM (and QEMU 7.2's Cortex-A9) in every
// rounding mode, with FZ, DN, AHP and the cumulative exception flags.
//
// Representation: binary32 values are uint32 numbers; binary64 values are passed as (hi, lo) uint32
// halves and returned in ctx.hi / ctx.lo (no allocation per operation). Half-precision values are
// the low 16 bits of a number.
//
// Structure: every operation first tries a fast path with JavaScript doubles, taken only when the
// result is provably identical to the exact computation (round-to-nearest, normal operands, a
// normal result, inexactness decided by an error-free transformation); everything else goes to a
// slow exact path on BigInt that implements ARM's FPRound / FPUnpack / FPProcessNaNs rules:
//   - tininess is detected before rounding; UFC when tiny and inexact (FZ=0);
//   - FZ=1: denormal inputs read as zero and set IDC; tiny results (before rounding) become a signed
//     zero and set UFC only (not IXC); half-precision results are never flushed;
//   - NaNs: SNaN of the first operand, then SNaN of the second, then QNaN first, QNaN second, quieted;
//     any SNaN operand sets IOC; DN=1 returns the default NaN instead;
//   - VMLA/VMLS/VNMLA/VNMLS are a rounded multiply then a rounded add (not fused), as ARM VFPv3;
//     VMLS/VNMLA/VNMLS negate with FPNeg (a NaN product or addend has its sign flipped) then FPAdd;
//   - float to integer/fixed saturates with IOC only; NaN gives 0 with IOC; fixed-point to float
//     (VCVT with #fbits) always rounds to nearest, integer to float (fbits 0) uses the FPSCR mode;
//   - half precision: input halves are never flushed, half results never flushed; AHP: exponent 31
//     is a number, NaN -> signed zero with IOC, inf or overflow -> signed max with IOC.
// Verified against QEMU 7.2 by test/armcore/softfloat.test.ts (firmware/probes/vfp/ golden streams).
//
// API (c: FPContext; f32 values are uint32 numbers, signed int32 accepted; f64 as hi, lo):
//   add32 sub32 mul32 div32 sqrt32 nmul32 mla32 mls32 nmla32 nmls32 -> f32 bits
//   add64 sub64 mul64 div64 sqrt64 nmul64 mla64 mls64 nmla64 nmls64 abs64 neg64 -> c.hi, c.lo
//   abs32 neg32 (no context); cmp32 / cmp64 (e = VCMPE) -> NZCV nibble
//   cvt32to64 (-> c.hi/lo), cvt64to32, cvt32to16, cvt16to32 (VCVTB/VCVTT pick the half),
//   f32ToFixed / f64ToFixed (fbits, size 16|32, unsigned, rz) -> uint32 register value,
//   fixedToF32 / fixedToF64 (v, fbits, size, unsigned, fixed), expandImm32 / expandImm64Hi.

export const IOC = 0x01, DZC = 0x02, OFC = 0x04, UFC = 0x08, IXC = 0x10, IDC = 0x80;
/** FPSCR.RMode values. */
export const RN = 0, RP = 1, RM = 2, RZ = 3;

/** FPSCR-like context. flags accumulate (FPSCR bits 0-4 and 7). */
export class FPContext {
  rmode = RN;
  fz = false;
  dn = false;
  ahp = false;
  flags = 0;
  /** binary64 results. */
  hi = 0;
  lo = 0;

  /** Load RMode, FZ, DN, AHP and the cumulative flags from an FPSCR value. */
  setFPSCR(v: number): void {
    this.rmode = (v >>> 22) & 3;
    this.fz = ((v >>> 24) & 1) !== 0;
    this.dn = ((v >>> 25) & 1) !== 0;
    this.ahp = ((v >>> 26) & 1) !== 0;
    this.flags = v & 0x9f;
  }
  /** The FPSCR bits this context owns (RMode, FZ, DN, AHP, flags). */
  getFPSCR(): number {
    return ((this.ahp ? 1 << 26 : 0) | (this.dn ? 1 << 25 : 0) | (this.fz ? 1 << 24 : 0) | (this.rmode << 22) | this.flags) >>> 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Slow exact path (BigInt)
// ---------------------------------------------------------------------------------------------

interface Fmt {
  E: number; M: number; bias: number; maxField: number;
  mMask: bigint; eMask: bigint; signBit: bigint; qBit: bigint; defNaN: bigint; bM: bigint;
  flushOut: boolean;
}
function fmt(E: number, M: number, flushOut: boolean): Fmt {
  const bM = BigInt(M);
  return {
    E, M, bias: (1 << (E - 1)) - 1, maxField: (1 << E) - 1,
    mMask: (1n << bM) - 1n, eMask: (1n << BigInt(E)) - 1n, signBit: 1n << BigInt(E + M),
    qBit: 1n << (bM - 1n), defNaN: (((1n << BigInt(E)) - 1n) << bM) | (1n << (bM - 1n)), bM, flushOut,
  };
}
const F16 = fmt(5, 10, false), F32 = fmt(8, 23, true), F64 = fmt(11, 52, true);

const ZERO = 0, NUM = 1, INF = 2, QNAN = 3, SNAN = 4;
/** An unpacked operand: value = (-1)^sign * sig * 2^exp. */
class U { cls = 0; sign = 0; exp = 0; sig = 0n; }
const ua = new U(), ub = new U(), uc = new U();

function unpack(f: Fmt, bits: bigint, c: FPContext, u: U, ahp = false): U {
  const field = Number((bits >> f.bM) & f.eMask);
  const frac = bits & f.mMask;
  u.sign = (bits & f.signBit) !== 0n ? 1 : 0;
  if (field === f.maxField && !ahp) {
    u.cls = frac === 0n ? INF : (frac & f.qBit) !== 0n ? QNAN : SNAN;
  } else if (field === 0) {
    if (frac === 0n) u.cls = ZERO;
    else if (c.fz && f.flushOut) { c.flags |= IDC; u.cls = ZERO; }
    else { u.cls = NUM; u.sig = frac; u.exp = 1 - f.bias - f.M; }
  } else {
    u.cls = NUM; u.sig = frac | (1n << f.bM); u.exp = field - f.bias - f.M;
  }
  return u;
}

function bitlen(x: bigint): number {
  // x > 0
  let n = 0;
  let h = x;
  while (h >= 0x100000000n) { h >>= 32n; n += 32; }
  return n + 32 - Math.clz32(Number(h));
}

function zeroOf(f: Fmt, sign: number): bigint { return sign ? f.signBit : 0n; }
function infOf(f: Fmt, sign: number): bigint { return (sign ? f.signBit : 0n) | (f.eMask << f.bM); }

/** FPRound: round sig*2^exp (+ a sticky amount below the last bit) into format f. sig > 0. */
function round(f: Fmt, sign: number, sig: bigint, exp: number, sticky: boolean, c: FPContext, rmode: number, ahp = false): bigint {
  const n = bitlen(sig);
  const E = exp + n - 1;
  const emin = 1 - f.bias;
  const sb = sign ? f.signBit : 0n;
  if (E < emin && f.flushOut && c.fz) { c.flags |= UFC; return sb; }
  const lsb = (E < emin ? emin : E) - f.M;
  const shift = lsb - exp;
  let q: bigint;
  let inexact: boolean;
  let up = false;
  if (shift <= 0) {
    q = sig << BigInt(-shift);
    inexact = sticky;
    if (inexact && rmode !== RN && rmode !== RZ) up = (rmode === RP) === (sign === 0);
  } else {
    const bs = BigInt(shift);
    q = sig >> bs;
    const r = sig & ((1n << bs) - 1n);
    inexact = r !== 0n || sticky;
    if (inexact) {
      if (rmode === RN) {
        const half = 1n << (bs - 1n);
        up = r > half || (r === half && (sticky || (q & 1n) === 1n));
      } else if (rmode !== RZ) up = (rmode === RP) === (sign === 0);
    }
  }
  if (up) q += 1n;
  if (E < emin) {
    if (inexact) c.flags |= UFC | IXC;
    return sb | q;
  }
  let field = E + f.bias;
  if ((q >> (f.bM + 1n)) !== 0n) { q >>= 1n; field++; }
  if (ahp) {
    if (field > f.maxField) { c.flags |= IOC; return sb | (f.signBit - 1n); }
  } else if (field >= f.maxField) {
    c.flags |= OFC | IXC;
    const toInf = rmode === RN || (rmode === RP && sign === 0) || (rmode === RM && sign === 1);
    return toInf ? infOf(f, sign) : sb | ((BigInt(f.maxField - 1) << f.bM) | f.mMask);
  }
  if (inexact) c.flags |= IXC;
  return sb | (BigInt(field) << f.bM) | (q & f.mMask);
}

/** FPProcessNaNs for two operands; -1n when neither is a NaN. */
function nan2(f: Fmt, a: bigint, x: U, b: bigint, y: U, c: FPContext): bigint {
  let r: bigint;
  if (x.cls === SNAN) r = a;
  else if (y.cls === SNAN) r = b;
  else if (x.cls === QNAN) r = a;
  else if (y.cls === QNAN) r = b;
  else return -1n;
  if (x.cls === SNAN || y.cls === SNAN) c.flags |= IOC;
  return c.dn ? f.defNaN : r | f.qBit;
}
function nan1(f: Fmt, a: bigint, x: U, c: FPContext): bigint {
  if (x.cls === SNAN) c.flags |= IOC;
  return c.dn ? f.defNaN : a | f.qBit;
}
function invalid(f: Fmt, c: FPContext): bigint { c.flags |= IOC; return f.defNaN; }

/** FPAdd (neg = false) / FPSub (neg = true). */
function addSlow(f: Fmt, a: bigint, b: bigint, c: FPContext, neg: boolean): bigint {
  const x = unpack(f, a, c, ua), y = unpack(f, b, c, ub);
  const nn = nan2(f, a, x, b, y, c);
  if (nn >= 0n) return nn;
  if (neg) y.sign ^= 1;
  if (x.cls === INF) {
    if (y.cls === INF && x.sign !== y.sign) return invalid(f, c);
    return infOf(f, x.sign);
  }
  if (y.cls === INF) return infOf(f, y.sign);
  if (x.cls === ZERO && y.cls === ZERO) {
    return zeroOf(f, x.sign === y.sign ? x.sign : c.rmode === RM ? 1 : 0);
  }
  if (x.cls === ZERO) return round(f, y.sign, y.sig, y.exp, false, c, c.rmode);
  if (y.cls === ZERO) return round(f, x.sign, x.sig, x.exp, false, c, c.rmode);
  const e = x.exp < y.exp ? x.exp : y.exp;
  let sx = x.sig << BigInt(x.exp - e), sy = y.sig << BigInt(y.exp - e);
  if (x.sign) sx = -sx;
  if (y.sign) sy = -sy;
  const s = sx + sy;
  if (s === 0n) return zeroOf(f, c.rmode === RM ? 1 : 0);
  return s < 0n ? round(f, 1, -s, e, false, c, c.rmode) : round(f, 0, s, e, false, c, c.rmode);
}

function mulSlow(f: Fmt, a: bigint, b: bigint, c: FPContext): bigint {
  const x = unpack(f, a, c, ua), y = unpack(f, b, c, ub);
  const nn = nan2(f, a, x, b, y, c);
  if (nn >= 0n) return nn;
  const sign = x.sign ^ y.sign;
  if (x.cls === INF || y.cls === INF) {
    if (x.cls === ZERO || y.cls === ZERO) return invalid(f, c);
    return infOf(f, sign);
  }
  if (x.cls === ZERO || y.cls === ZERO) return zeroOf(f, sign);
  return round(f, sign, x.sig * y.sig, x.exp + y.exp, false, c, c.rmode);
}

function divSlow(f: Fmt, a: bigint, b: bigint, c: FPContext): bigint {
  const x = unpack(f, a, c, ua), y = unpack(f, b, c, ub);
  const nn = nan2(f, a, x, b, y, c);
  if (nn >= 0n) return nn;
  const sign = x.sign ^ y.sign;
  if (x.cls === INF) return y.cls === INF ? invalid(f, c) : infOf(f, sign);
  if (y.cls === INF) return zeroOf(f, sign);
  if (y.cls === ZERO) {
    if (x.cls === ZERO) return invalid(f, c);
    c.flags |= DZC;
    return infOf(f, sign);
  }
  if (x.cls === ZERO) return zeroOf(f, sign);
  let k = f.M + 3 + bitlen(y.sig) - bitlen(x.sig);
  if (k < 0) k = 0;
  const num = x.sig << BigInt(k);
  const q = num / y.sig;
  return round(f, sign, q, x.exp - y.exp - k, q * y.sig !== num, c, c.rmode);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitlen(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function sqrtSlow(f: Fmt, a: bigint, c: FPContext): bigint {
  const x = unpack(f, a, c, ua);
  if (x.cls === SNAN || x.cls === QNAN) return nan1(f, a, x, c);
  if (x.cls === ZERO) return zeroOf(f, x.sign);
  if (x.sign) return invalid(f, c);
  if (x.cls === INF) return infOf(f, 0);
  let k = 2 * (f.M + 3) - bitlen(x.sig);
  if (k < 0) k = 0;
  if (((x.exp - k) & 1) !== 0) k++;
  const s = x.sig << BigInt(k);
  const r = isqrt(s);
  return round(f, 0, r, (x.exp - k) / 2, r * r !== s, c, c.rmode);
}

/** FPCompare: NZCV (as a 4-bit number). */
function cmpSlow(f: Fmt, a: bigint, b: bigint, c: FPContext, signalAll: boolean): number {
  const x = unpack(f, a, c, ua), y = unpack(f, b, c, ub);
  if (x.cls >= QNAN || y.cls >= QNAN) {
    if (signalAll || x.cls === SNAN || y.cls === SNAN) c.flags |= IOC;
    return 0b0011;
  }
  const vx = value(x), vy = value(y);
  // compare rationals: both are integers scaled by 2^exp; bring to the same exponent
  if (vx.s === vy.s && vx.e === vy.e) return 0b0110;
  const cmp = compareVals(vx, vy);
  return cmp === 0 ? 0b0110 : cmp < 0 ? 0b1000 : 0b0010;
}
interface V { s: bigint; e: number }
function value(u: U): V {
  if (u.cls === ZERO) return { s: 0n, e: 0 };
  if (u.cls === INF) return { s: u.sign ? -1n : 1n, e: 100000 };
  return { s: u.sign ? -u.sig : u.sig, e: u.exp };
}
function compareVals(a: V, b: V): number {
  if (a.e === 100000 || b.e === 100000) {
    const ia = a.e === 100000 ? Number(a.s) * 2 : 0, ib = b.e === 100000 ? Number(b.s) * 2 : 0;
    const sa = ia !== 0 ? ia : a.s > 0n ? 1 : a.s < 0n ? -1 : 0;
    const sb = ib !== 0 ? ib : b.s > 0n ? 1 : b.s < 0n ? -1 : 0;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  const e = a.e < b.e ? a.e : b.e;
  const x = a.s << BigInt(a.e - e), y = b.s << BigInt(b.e - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Format conversion between binary formats (f16/f32/f64); ahpIn/ahpOut select the ARM alternative half format. */
function convSlow(fi: Fmt, fo: Fmt, a: bigint, c: FPContext, ahpIn: boolean, ahpOut: boolean): bigint {
  const x = unpack(fi, a, c, ua, ahpIn);
  if (x.cls === SNAN || x.cls === QNAN) {
    if (ahpOut) { c.flags |= IOC; return x.sign ? fo.signBit : 0n; }
    if (x.cls === SNAN) c.flags |= IOC;
    if (c.dn) return fo.defNaN;
    const frac = a & fi.mMask;
    const shifted = fo.M >= fi.M ? frac << BigInt(fo.M - fi.M) : frac >> BigInt(fi.M - fo.M);
    return (x.sign ? fo.signBit : 0n) | (fo.eMask << fo.bM) | fo.qBit | shifted;
  }
  if (x.cls === INF) {
    if (ahpOut) { c.flags |= IOC; return (x.sign ? fo.signBit : 0n) | (fo.signBit - 1n); }
    return infOf(fo, x.sign);
  }
  if (x.cls === ZERO) return zeroOf(fo, x.sign);
  return round(fo, x.sign, x.sig, x.exp, false, c, c.rmode, ahpOut);
}

/**
 * FPToFixed: value * 2^fbits rounded (RZ or the FPSCR mode) to a size-bit integer (16 or 32),
 * saturated; returns the 32-bit register value (16-bit results sign/zero-extended).
 */
function toFixedSlow(f: Fmt, a: bigint, c: FPContext, fbits: number, size: number, unsigned: boolean, rmode: number): number {
  const x = unpack(f, a, c, ua);
  const max = unsigned ? (size === 32 ? 0xffffffffn : 0xffffn) : (size === 32 ? 0x7fffffffn : 0x7fffn);
  const min = unsigned ? 0n : -max - 1n;
  if (x.cls === QNAN || x.cls === SNAN) { c.flags |= IOC; return 0; }
  if (x.cls === ZERO) return 0;
  let r: bigint;
  let inexact = false;
  if (x.cls === INF) { c.flags |= IOC; return ext(x.sign ? min : max, size, unsigned); }
  const e = x.exp + fbits;
  if (e >= 0) {
    r = e > 80 ? max * 4n : x.sig << BigInt(e);
  } else {
    const sh = BigInt(-e);
    let q = -e > 200 ? 0n : x.sig >> sh;
    const rem = -e > 200 ? x.sig : x.sig & ((1n << sh) - 1n);
    inexact = rem !== 0n;
    if (inexact) {
      let up = false;
      if (rmode === RN) {
        if (-e <= 200) {
          const half = 1n << (sh - 1n);
          up = rem > half || (rem === half && (q & 1n) === 1n);
        }
      } else if (rmode !== RZ) up = (rmode === RP) === (x.sign === 0);
      if (up) q += 1n;
    }
    r = q;
  }
  if (x.sign) r = -r;
  if (r > max) { c.flags |= IOC; return ext(max, size, unsigned); }
  if (r < min) { c.flags |= IOC; return ext(min, size, unsigned); }
  if (inexact) c.flags |= IXC;
  return ext(r, size, unsigned);
}
function ext(v: bigint, size: number, unsigned: boolean): number {
  const n = Number(BigInt.asIntN(32, v));
  if (size === 16) return unsigned ? n & 0xffff : (n << 16) >> 16 >>> 0;
  return n >>> 0;
}

/** FixedToFP: an integer (size 16 or 32 bits of v) * 2^-fbits, rounded with rmode into f. */
function fromFixedSlow(f: Fmt, v: number, c: FPContext, fbits: number, size: number, unsigned: boolean, rmode: number): bigint {
  let n: number;
  if (size === 16) n = unsigned ? v & 0xffff : (v << 16) >> 16;
  else n = unsigned ? v >>> 0 : v | 0;
  if (n === 0) return 0n;
  const sign = n < 0 ? 1 : 0;
  return round(f, sign, BigInt(sign ? -n : n), -fbits, false, c, rmode);
}

// ---------------------------------------------------------------------------------------------
// Bit helpers and double views
// ---------------------------------------------------------------------------------------------

const f64b = new Float64Array(1);
const u64b = new Uint32Array(f64b.buffer); // little-endian: [lo, hi]
const f32b = new Float32Array(1);
const u32b = new Uint32Array(f32b.buffer);

function b64(hi: number, lo: number): bigint { return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0); }
function set64(c: FPContext, v: bigint): void {
  c.hi = Number(v >> 32n) >>> 0;
  c.lo = Number(v & 0xffffffffn) >>> 0;
}
function b32(a: number): bigint { return BigInt(a >>> 0); }
function n32(v: bigint): number { return Number(v) >>> 0; }

/** Double from an f32 bit pattern / an f64 (hi, lo). */
function d32(a: number): number { u32b[0] = a; return f32b[0]; }
function d64(hi: number, lo: number): number { u64b[0] = lo; u64b[1] = hi; return f64b[0]; }

const SPLIT = 134217729; // 2^27 + 1
const P2M960 = 2 ** -960, P2M900 = 2 ** -900, P2P900 = 2 ** 900;
/** Error of the double product a*b = p (Dekker/Veltkamp); exact when no over/underflow. */
function mulErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// ---------------------------------------------------------------------------------------------
// binary32
// ---------------------------------------------------------------------------------------------

/** Exponent field of an f32 in [1, 254]: a normal number. */
function norm32(a: number): boolean { const e = (a >>> 23) & 0xff; return e !== 0 && e !== 0xff; }

/**
 * Fast-path finisher for binary32. r is the round-to-nearest result or a neighbour bracketing the
 * exact value, d has the sign of (exact - r) (0 when exact). In RN r must be the correctly rounded
 * result. Returns the bits, or -1 when the result is not safely normal (tiny, near overflow): then the
 * caller takes the exact path; no flag has been touched.
 */
function fin32(c: FPContext, r: number, d: number): number {
  f32b[0] = r;
  let b = u32b[0];
  const e = (b >>> 23) & 0xff;
  if (e < 2 || e >= 0xfe) return -1;
  if (d !== 0) {
    const m = c.rmode;
    if (m !== RN) {
      const neg = b >>> 31;
      if (m === RZ) { if ((d > 0) === (neg === 1)) b--; }
      else if (m === RP) { if (d > 0) b = neg ? b - 1 : b + 1; }
      else if (d < 0) b = neg ? b + 1 : b - 1;
      if (((b >>> 23) & 0xff) < 2) return -1;
    }
    c.flags |= IXC;
  }
  return b >>> 0;
}
/** Sign of the exact zero sum x + (-x): -0 only when rounding towards minus infinity. */
function zero32(c: FPContext): number { return c.rmode === RM ? 0x80000000 : 0; }

export function add32(c: FPContext, a: number, b: number): number {
  return addsub32(c, a, b, false);
}
export function sub32(c: FPContext, a: number, b: number): number {
  return addsub32(c, a, b, true);
}
function addsub32(c: FPContext, a: number, b: number, neg: boolean): number {
  if (norm32(a) && norm32(b)) {
    const x = d32(a), y = neg ? -d32(b) : d32(b);
    const s = x + y;
    if (s === 0) return zero32(c);
    const bb = s - x;
    const err = (x - (s - bb)) + (y - bb); // s + err == x + y exactly (TwoSum)
    const r = Math.fround(s); // correctly rounded: 53 >= 2*24 + 2
    const bits = fin32(c, r, s !== r ? s - r : err);
    if (bits >= 0) return bits;
  }
  return n32(addSlow(F32, b32(a), b32(b), c, neg));
}
export function mul32(c: FPContext, a: number, b: number): number {
  if (norm32(a) && norm32(b)) {
    const p = d32(a) * d32(b); // exact: 48-bit product
    const r = Math.fround(p);
    const bits = fin32(c, r, p - r);
    if (bits >= 0) return bits;
  }
  return n32(mulSlow(F32, b32(a), b32(b), c));
}
export function div32(c: FPContext, a: number, b: number): number {
  if (norm32(a) && norm32(b)) {
    const x = d32(a), y = d32(b);
    const r = Math.fround(x / y);
    const rem = x - r * y; // r*y exact (48 bits), the difference exact (Sterbenz)
    const bits = fin32(c, r, y > 0 ? rem : -rem);
    if (bits >= 0) return bits;
  }
  return n32(divSlow(F32, b32(a), b32(b), c));
}
export function sqrt32(c: FPContext, a: number): number {
  if (norm32(a) && (a >>> 31) === 0) {
    const x = d32(a);
    const r = Math.fround(Math.sqrt(x));
    const bits = fin32(c, r, x - r * r);
    if (bits >= 0) return bits;
  }
  return n32(sqrtSlow(F32, b32(a), c));
}
export function abs32(a: number): number { return (a & 0x7fffffff) >>> 0; }
export function neg32(a: number): number { return (a ^ 0x80000000) >>> 0; }
/** VNMUL: -(a*b). */
export function nmul32(c: FPContext, a: number, b: number): number { return (mul32(c, a, b) ^ 0x80000000) >>> 0; }
/** VMLA: d + round(n*m). */
export function mla32(c: FPContext, d: number, n: number, m: number): number { return addsub32(c, d, mul32(c, n, m), false); }
/** VMLS: d + -round(n*m). */
export function mls32(c: FPContext, d: number, n: number, m: number): number { return addsub32(c, d, (mul32(c, n, m) ^ 0x80000000) >>> 0, false); }
/** VNMLA: -d + -round(n*m). */
export function nmla32(c: FPContext, d: number, n: number, m: number): number {
  const p = mul32(c, n, m);
  return addsub32(c, (d ^ 0x80000000) >>> 0, (p ^ 0x80000000) >>> 0, false);
}
/** VNMLS: -d + round(n*m). */
export function nmls32(c: FPContext, d: number, n: number, m: number): number {
  const p = mul32(c, n, m);
  return addsub32(c, (d ^ 0x80000000) >>> 0, p, false);
}
/** VCMP (e = false) / VCMPE (e = true): returns NZCV as a 4-bit number. */
export function cmp32(c: FPContext, a: number, b: number, e: boolean): number {
  if (norm32(a) && norm32(b)) {
    const x = d32(a), y = d32(b);
    return x === y ? 0b0110 : x < y ? 0b1000 : 0b0010;
  }
  return cmpSlow(F32, b32(a), b32(b), c, e);
}

// ---------------------------------------------------------------------------------------------
// binary64 (results in c.hi, c.lo)
// ---------------------------------------------------------------------------------------------

function field64(hi: number): number { return (hi >>> 20) & 0x7ff; }
function norm64(hi: number): boolean { const e = (hi >>> 20) & 0x7ff; return e !== 0 && e !== 0x7ff; }
function out64(c: FPContext, r: number): void { f64b[0] = r; c.lo = u64b[0]; c.hi = u64b[1]; }

/** binary64 fast-path finisher, as fin32: r the RN result, d the sign of (exact - r). */
function fin64(c: FPContext, r: number, d: number): boolean {
  f64b[0] = r;
  let lo = u64b[0], hi = u64b[1];
  const e = (hi >>> 20) & 0x7ff;
  if (e < 2 || e >= 0x7fe) return false;
  if (d !== 0) {
    const m = c.rmode;
    if (m !== RN) {
      const neg = hi >>> 31;
      let step = 0; // +1: magnitude up, -1: magnitude down
      if (m === RZ) { if ((d > 0) === (neg === 1)) step = -1; }
      else if (m === RP) { if (d > 0) step = neg ? -1 : 1; }
      else if (d < 0) step = neg ? 1 : -1;
      if (step > 0) { lo = (lo + 1) >>> 0; if (lo === 0) hi++; }
      else if (step < 0) { if (lo === 0) hi--; lo = (lo - 1) >>> 0; }
      if (((hi >>> 20) & 0x7ff) < 2) return false;
    }
    c.flags |= IXC;
  }
  c.hi = hi >>> 0;
  c.lo = lo;
  return true;
}

export function add64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void {
  addsub64(c, ahi, alo, bhi, blo, false);
}
export function sub64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void {
  addsub64(c, ahi, alo, bhi, blo, true);
}
function addsub64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number, neg: boolean): void {
  if (norm64(ahi) && norm64(bhi)) {
    const x = d64(ahi, alo), y = neg ? -d64(bhi, blo) : d64(bhi, blo);
    const s = x + y;
    if (s === 0) { c.hi = c.rmode === RM ? 0x80000000 : 0; c.lo = 0; return; }
    const bb = s - x;
    if (fin64(c, s, (x - (s - bb)) + (y - bb))) return; // TwoSum error
  }
  set64(c, addSlow(F64, b64(ahi, alo), b64(bhi, blo), c, neg));
}
export function mul64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void {
  const ea = field64(ahi), eb = field64(bhi);
  // operands small enough for Veltkamp splitting, product large enough for an exact error term
  if (ea !== 0 && eb !== 0 && ea < 0x7c0 && eb < 0x7c0) {
    const x = d64(ahi, alo), y = d64(bhi, blo);
    const p = x * y;
    if (Math.abs(p) >= P2M960 && fin64(c, p, mulErr(x, y, p))) return;
  }
  set64(c, mulSlow(F64, b64(ahi, alo), b64(bhi, blo), c));
}
export function div64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void {
  const ea = field64(ahi), eb = field64(bhi);
  if (ea >= 0x40 && eb >= 0x40 && ea < 0x7c0 && eb < 0x7c0) {
    const x = d64(ahi, alo), y = d64(bhi, blo);
    const q = x / y;
    const aq = Math.abs(q);
    if (aq >= P2M900 && aq < P2P900) {
      const p = q * y;
      const rem = (x - p) - mulErr(q, y, p); // sign of x - q*y, exactly
      if (fin64(c, q, y > 0 ? rem : -rem)) return;
    }
  }
  set64(c, divSlow(F64, b64(ahi, alo), b64(bhi, blo), c));
}
export function sqrt64(c: FPContext, ahi: number, alo: number): void {
  const ea = field64(ahi);
  if ((ahi >>> 31) === 0 && ea >= 0x40 && ea < 0x7c0) {
    const x = d64(ahi, alo);
    const r = Math.sqrt(x);
    const p = r * r;
    if (fin64(c, r, (x - p) - mulErr(r, r, p))) return;
  }
  set64(c, sqrtSlow(F64, b64(ahi, alo), c));
}
export function abs64(c: FPContext, ahi: number, alo: number): void { c.hi = (ahi & 0x7fffffff) >>> 0; c.lo = alo >>> 0; }
export function neg64(c: FPContext, ahi: number, alo: number): void { c.hi = (ahi ^ 0x80000000) >>> 0; c.lo = alo >>> 0; }
export function nmul64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void {
  mul64(c, ahi, alo, bhi, blo);
  c.hi = (c.hi ^ 0x80000000) >>> 0;
}
/** VMLA.F64: d + round(n*m). */
export function mla64(c: FPContext, dhi: number, dlo: number, nhi: number, nlo: number, mhi: number, mlo: number): void {
  mul64(c, nhi, nlo, mhi, mlo);
  addsub64(c, dhi, dlo, c.hi, c.lo, false);
}
export function mls64(c: FPContext, dhi: number, dlo: number, nhi: number, nlo: number, mhi: number, mlo: number): void {
  mul64(c, nhi, nlo, mhi, mlo);
  addsub64(c, dhi, dlo, (c.hi ^ 0x80000000) >>> 0, c.lo, false);
}
export function nmla64(c: FPContext, dhi: number, dlo: number, nhi: number, nlo: number, mhi: number, mlo: number): void {
  mul64(c, nhi, nlo, mhi, mlo);
  addsub64(c, (dhi ^ 0x80000000) >>> 0, dlo, (c.hi ^ 0x80000000) >>> 0, c.lo, false);
}
export function nmls64(c: FPContext, dhi: number, dlo: number, nhi: number, nlo: number, mhi: number, mlo: number): void {
  mul64(c, nhi, nlo, mhi, mlo);
  addsub64(c, (dhi ^ 0x80000000) >>> 0, dlo, c.hi, c.lo, false);
}
export function cmp64(c: FPContext, ahi: number, alo: number, bhi: number, blo: number, e: boolean): number {
  if (norm64(ahi) && norm64(bhi)) {
    const x = d64(ahi, alo), y = d64(bhi, blo);
    return x === y ? 0b0110 : x < y ? 0b1000 : 0b0010;
  }
  return cmpSlow(F64, b64(ahi, alo), b64(bhi, blo), c, e);
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

/** VCVT.F64.F32: result in c.hi, c.lo. */
export function cvt32to64(c: FPContext, a: number): void {
  if (norm32(a)) { out64(c, d32(a)); return; }
  set64(c, convSlow(F32, F64, b32(a), c, false, false));
}
/** VCVT.F32.F64. */
export function cvt64to32(c: FPContext, hi: number, lo: number): number {
  if (norm64(hi)) {
    const x = d64(hi, lo);
    const r = Math.fround(x);
    const bits = fin32(c, r, x - r);
    if (bits >= 0) return bits;
  }
  return n32(convSlow(F64, F32, b64(hi, lo), c, false, false));
}
/** VCVTB/VCVTT.F16.F32: the 16-bit half (IEEE or, with AHP, ARM alternative format). */
export function cvt32to16(c: FPContext, a: number): number {
  // half-precision output is never flushed (F16.flushOut); the f32 input is (FZ)
  return n32(convSlow(F32, F16, b32(a), c, false, c.ahp));
}
/** VCVTB/VCVTT.F32.F16: h is the 16-bit half. */
export function cvt16to32(c: FPContext, h: number): number {
  // a half input is never flushed (F16.flushOut)
  return n32(convSlow(F16, F32, BigInt(h & 0xffff), c, c.ahp, false));
}
/** f64 <-> f16 (not in VFPv3; for completeness). */
export function cvt64to16(c: FPContext, hi: number, lo: number): number {
  return n32(convSlow(F64, F16, b64(hi, lo), c, false, c.ahp));
}
export function cvt16to64(c: FPContext, h: number): void {
  set64(c, convSlow(F16, F64, BigInt(h & 0xffff), c, c.ahp, false));
}

/**
 * VCVT{R}.S32/U32.F32 and VCVT.{S,U}{16,32}.F32 #fbits: float to (fixed-point) integer.
 * rz: round towards zero (VCVT, and all fixed-point forms) else the FPSCR mode (VCVTR).
 * size 16 results are sign/zero-extended to 32 bits. Returns the uint32 register value.
 */
export function f32ToFixed(c: FPContext, a: number, fbits: number, size: number, unsigned: boolean, rz: boolean): number {
  if (norm32(a)) {
    const r = toFixedFast(c, d32(a), fbits, size, unsigned, rz ? RZ : c.rmode);
    if (r >= 0) return r;
  }
  return toFixedSlow(F32, b32(a), c, fbits, size, unsigned, rz ? RZ : c.rmode);
}
export function f64ToFixed(c: FPContext, hi: number, lo: number, fbits: number, size: number, unsigned: boolean, rz: boolean): number {
  if (norm64(hi)) {
    const r = toFixedFast(c, d64(hi, lo), fbits, size, unsigned, rz ? RZ : c.rmode);
    if (r >= 0) return r;
  }
  return toFixedSlow(F64, b64(hi, lo), c, fbits, size, unsigned, rz ? RZ : c.rmode);
}
/** In-range conversions of a finite double; -1 when the value saturates (the exact path sets IOC). */
function toFixedFast(c: FPContext, x: number, fbits: number, size: number, unsigned: boolean, rmode: number): number {
  const v = fbits === 0 ? x : x * 2 ** fbits; // exact: scaling by a power of two, no underflow
  let t = Math.trunc(v);
  const fr = v - t; // exact
  if (fr !== 0) {
    if (rmode === RN) {
      const af = fr < 0 ? -fr : fr;
      if (af > 0.5 || (af === 0.5 && t % 2 !== 0)) t += fr > 0 ? 1 : -1;
    } else if (rmode === RP) { if (fr > 0) t++; }
    else if (rmode === RM) { if (fr < 0) t--; }
  }
  if (unsigned) {
    if (t < 0 || t > (size === 32 ? 0xffffffff : 0xffff)) return -1;
  } else if (size === 32 ? (t < -0x80000000 || t > 0x7fffffff) : (t < -0x8000 || t > 0x7fff)) return -1;
  if (fr !== 0) c.flags |= IXC;
  return t >>> 0;
}
/**
 * VCVT.F32.S32/U32 (fixed = false: FPSCR rounding) and VCVT.F32.{S,U}{16,32} #fbits (fixed = true:
 * always round to nearest, as ARM's FixedToFP with round_to_nearest). v is the register value.
 */
export function fixedToF32(c: FPContext, v: number, fbits: number, size: number, unsigned: boolean, fixed: boolean): number {
  if (fixed) {
    // n * 2^-fbits is exact in a double and far from the f32 limits: one rounding, to nearest
    const n = size === 16 ? (unsigned ? v & 0xffff : (v << 16) >> 16) : unsigned ? v >>> 0 : v | 0;
    const x = fbits === 0 ? n : n * 2 ** -fbits;
    const r = Math.fround(x);
    if (r !== x) c.flags |= IXC;
    f32b[0] = r;
    return u32b[0];
  }
  if (fbits === 0 && size === 32) {
    const n = unsigned ? v >>> 0 : v | 0;
    if (n === 0) return 0;
    const r = Math.fround(n);
    const bits = fin32(c, r, n - r);
    if (bits >= 0) return bits;
  }
  return n32(fromFixedSlow(F32, v, c, fbits, size, unsigned, fixed ? RN : c.rmode));
}
/** VCVT.F64.S32/U32 and fixed-point forms (always exact): result in c.hi, c.lo. */
export function fixedToF64(c: FPContext, v: number, fbits: number, size: number, unsigned: boolean, fixed: boolean): void {
  if (size === 32 && fbits === 0) { out64(c, unsigned ? v >>> 0 : v | 0); return; }
  set64(c, fromFixedSlow(F64, v, c, fbits, size, unsigned, fixed ? RN : c.rmode));
}

/** The exact (BigInt) implementations behind the fast paths, for cross-checking them in tests. */
export const exact = {
  add32: (c: FPContext, a: number, b: number): number => n32(addSlow(F32, b32(a), b32(b), c, false)),
  sub32: (c: FPContext, a: number, b: number): number => n32(addSlow(F32, b32(a), b32(b), c, true)),
  mul32: (c: FPContext, a: number, b: number): number => n32(mulSlow(F32, b32(a), b32(b), c)),
  div32: (c: FPContext, a: number, b: number): number => n32(divSlow(F32, b32(a), b32(b), c)),
  sqrt32: (c: FPContext, a: number): number => n32(sqrtSlow(F32, b32(a), c)),
  cmp32: (c: FPContext, a: number, b: number, e: boolean): number => cmpSlow(F32, b32(a), b32(b), c, e),
  add64: (c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void => set64(c, addSlow(F64, b64(ahi, alo), b64(bhi, blo), c, false)),
  sub64: (c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void => set64(c, addSlow(F64, b64(ahi, alo), b64(bhi, blo), c, true)),
  mul64: (c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void => set64(c, mulSlow(F64, b64(ahi, alo), b64(bhi, blo), c)),
  div64: (c: FPContext, ahi: number, alo: number, bhi: number, blo: number): void => set64(c, divSlow(F64, b64(ahi, alo), b64(bhi, blo), c)),
  sqrt64: (c: FPContext, ahi: number, alo: number): void => set64(c, sqrtSlow(F64, b64(ahi, alo), c)),
  cmp64: (c: FPContext, ahi: number, alo: number, bhi: number, blo: number, e: boolean): number => cmpSlow(F64, b64(ahi, alo), b64(bhi, blo), c, e),
  cvt32to64: (c: FPContext, a: number): void => set64(c, convSlow(F32, F64, b32(a), c, false, false)),
  cvt64to32: (c: FPContext, hi: number, lo: number): number => n32(convSlow(F64, F32, b64(hi, lo), c, false, false)),
  f32ToFixed: (c: FPContext, a: number, fbits: number, size: number, unsigned: boolean, rz: boolean): number =>
    toFixedSlow(F32, b32(a), c, fbits, size, unsigned, rz ? RZ : c.rmode),
  f64ToFixed: (c: FPContext, hi: number, lo: number, fbits: number, size: number, unsigned: boolean, rz: boolean): number =>
    toFixedSlow(F64, b64(hi, lo), c, fbits, size, unsigned, rz ? RZ : c.rmode),
  fixedToF32: (c: FPContext, v: number, fbits: number, size: number, unsigned: boolean, fixed: boolean): number =>
    n32(fromFixedSlow(F32, v, c, fbits, size, unsigned, fixed ? RN : c.rmode)),
};

/** VFPExpandImm for VMOV.F32 #imm: the f32 bits of an 8-bit immediate (abcdefgh). */
export function expandImm32(imm8: number): number {
  const b6 = (imm8 >>> 6) & 1;
  return (((imm8 & 0x80) << 24) | ((b6 ^ 1) << 30) | (b6 ? 0x1f << 25 : 0) | (((imm8 >>> 4) & 3) << 23) | ((imm8 & 15) << 19)) >>> 0;
}
/** VFPExpandImm for VMOV.F64 #imm: the high word of the f64 (the low word is 0). */
export function expandImm64Hi(imm8: number): number {
  const b6 = (imm8 >>> 6) & 1;
  return (((imm8 & 0x80) << 24) | ((b6 ^ 1) << 30) | (b6 ? 0xff << 22 : 0) | (((imm8 >>> 4) & 3) << 20) | ((imm8 & 15) << 16)) >>> 0;
}
