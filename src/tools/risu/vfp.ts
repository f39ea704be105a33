// The VFP mode of the random-instruction tester: which VFP encodings are drawn, how their fields
// are chosen (PREDICTABLE, memory inside the test window, no writes to the reserved core
// registers), and the floating-point initial state of a sequence (D0-D31 and FPSCR).
//
// Operands are not left to chance: most D registers start as a special value (signed zeros,
// infinities, quiet and signalling NaNs with payloads, denormals, extremes, 1.0, small integers,
// halfway cases, the edges of the integer, single and half-precision ranges), the rest as
// "ordinary" numbers whose random significands exercise rounding. FPSCR takes every rounding
// mode with FZ, DN and AHP on and off and a random set of cumulative flags.
//
// Short vectors (FPSCR.LEN/STRIDE != 0) are a separate, smaller set (the 'vector' option): the main
// set never sets them; VMSR FPSCR is preceded by a BIC (vector set: BIC and ORR) that gives its
// source register the sequence's LEN/STRIDE (not counted as random instructions). The vector set
// keeps to the combinations the ARM ARM defines: STRIDE 1 with up to 8 single / 4 double elements,
// STRIDE 2 with up to 4 single / 2 double elements; a double-precision vector operation under a
// LEN that is only valid for singles is not drawn, nor an operation whose destination vector
// overlaps a source vector without being identical to it.
//
// Excluded, with the reason:
// - Short vectors: double-precision VMOV/VABS/VNEG/VSQRT with a vector Vm (a QEMU 7.2 bug, see
//   QEMU_2OP_DP_BUG).
// - VMSR FPEXC: it would disable the FPU for the rest of the sequence (and the dump).
// - Rt/Rt2 = SP or PC (UNPREDICTABLE, except VMRS APSR_nzcv), Rt == Rt2 for transfers to two core
//   registers, S31 as the first of two single registers, fixed-point fbits < 0 (imm > 16 with a
//   16-bit size), VLDM/VSTM lists of 0 registers, past D31/S31 or of more than 16 doubles, VSTR
//   or writeback with the PC as base, VMRS with Rt = PC of a register other than FPSCR.
// - Core registers R_BASE, R_OFF, SP and R_TRACE are never operands of VFP transfers.
// - In IT blocks, instructions that can fault (see vfpMayFault): the test firmware's handlers
//   return without advancing ITSTATE.

import type { Encoding, Fields } from '../../armcore/encoding.js';
import { PC, R_BASE, R_OFF, SP, type Rng } from './constraints.js';

/**
 * Core register the FPSCR trace uses (VMRS then STR after each traced instruction): never an
 * operand of the random instructions in VFP mode.
 */
export const R_TRACE = 12;

/** VMRS/VMSR register numbers. */
const FPSID = 0, FPSCR = 1, MVFR1 = 6, MVFR0 = 7, FPEXC = 8;

/** FPSCR bits the generator never sets: LEN (18:16), STRIDE (21:20) and FZ16 (19). */
export const FPSCR_VECTOR_BITS = 0x003f0000;

/** Every encoding of the VFP group is drawn (the tables hold VFPv3 only); fields are constrained below. */
export function vfpEligible(e: Encoding): boolean {
  return e.group === 'vfp';
}

/** A core register for a VFP transfer: never SP, PC, R_BASE, R_OFF or R_TRACE. */
function coreReg(rng: Rng): number {
  for (;;) {
    const r = rng.int(15);
    if (r !== SP && r !== R_BASE && r !== R_OFF && r !== R_TRACE) return r;
  }
}

/** Is this a VLDM/VSTM/VPUSH/VPOP encoding? */
function isMulti(name: string): boolean { return /^(VLDM|VSTM|VPUSH|VPOP)/.test(name); }
function isLoadStore(name: string): boolean { return /^(VLDR|VSTR)/.test(name) || isMulti(name); }

/**
 * A register-number field pair of a VFP encoding: the biased draw prefers the low registers
 * (S0-S7 / D0-D7) so that results feed later instructions more often.
 */
function vreg(rng: Rng, n: number): number { return rng.chance(0.4) ? rng.int(Math.min(8, n)) : rng.int(n); }

/** Does register field v (e, f or g) of this encoding name a D register (X:Vx) rather than an S one? */
function doubleField(name: string, v: string): boolean {
  if (name === 'VCVT_ds') return v === 'e';
  if (name === 'VCVT_sd' || name === 'VCVT_if_d') return v === 'g';
  if (name === 'VCVT_fi_d') return v === 'e';
  if (/^VMOV_(scalar_r|r_scalar|d_rr|rr_d)$/.test(name)) return true;
  return /_(d|ud)$/.test(name);
}

/** Short-vector configuration of a sequence: FPSCR.LEN (elements - 1) and FPSCR.STRIDE (0 or 3). */
export interface VecConfig { readonly len: number; readonly stride: number }

/** A defined (single-precision) LEN/STRIDE pair. */
export function randomVec(rng: Rng): VecConfig {
  return rng.chance(0.6) ? { len: 1 + rng.int(7), stride: 0 } : { len: 1 + rng.int(3), stride: 3 };
}
export function vecFpscrBits(v: VecConfig): number { return (v.stride << 20) | (v.len << 16); }
export function vecFromFpscr(fpscr: number): VecConfig | undefined {
  const len = (fpscr >>> 16) & 7, stride = (fpscr >>> 20) & 3;
  return len || stride ? { len, stride } : undefined;
}

/** The encodings that run as short vectors (as QEMU for a core with MVFR0.FPShVec = 1). */
const VECTOR_CAPABLE = /^(VADD|VSUB|VMUL|VNMUL|VDIV|VMLA|VMLS|VNMLA|VNMLS|VMOV_imm|VMOV_reg|VABS|VNEG|VSQRT)_[sd]$/;

/**
 * QEMU 7.2 bug, not modelled: do_vfp_2op_dp (target/arm/translate-vfp.c) advances its operand with
 * `vd = vfp_advance_dreg(vm, delta_m)` where vm is meant, so a double-precision VMOV/VABS/VNEG/VSQRT
 * with a vector Vm writes op(Dm) to Dm+delta LEN times instead of stepping through the vectors
 * (seen as risu mismatches: vabs.f64 d14, d6 with LEN=3 wrote d7 = |d6|). armada follows the
 * architecture; these forms are not drawn (a scalar Vm, "one to many", is drawn: QEMU is right there).
 */
const QEMU_2OP_DP_BUG = /^(VMOV_reg|VABS|VNEG|VSQRT)_d$/;

/** Register numbers of the elements of a vector starting at r (bank of 8 singles / 4 doubles). */
function elements(r: number, dbl: boolean, v: VecConfig): number[] {
  const mask = dbl ? 3 : 7, step = dbl ? (v.stride >> 1) + 1 : v.stride + 1;
  const out: number[] = [];
  for (let i = 0; i <= v.len; i++) out.push((r & ~mask) | ((r + i * step) & mask));
  return out;
}

/** A vector-capable operation under LEN/STRIDE: defined combination, no partial overlaps. */
function vectorOk(e: Encoding, f: Fields, v: VecConfig): boolean {
  if (!VECTOR_CAPABLE.test(e.name)) return true;
  const dbl = e.name.endsWith('_d');
  const reg = (a: string, b: string) => dbl ? (f[b]! << 4) | f[a]! : (f[a]! << 1) | f[b]!;
  const bank0 = (r: number) => (dbl ? r < 4 : r < 8);
  const d = reg('e', 'E');
  if (bank0(d)) return true; // a scalar operation
  if (dbl && !(v.stride === 0 ? v.len <= 3 : v.len <= 1)) return false;
  const de = elements(d, dbl, v);
  const clash = (r: number) => r !== d && elements(r, dbl, v).some(x => de.includes(x));
  if (e.fields.has('f') && !/VMOV_imm/.test(e.name) && clash(reg('f', 'F'))) return false;
  if (e.fields.has('g') && !/VMOV_imm/.test(e.name)) {
    const m = reg('g', 'G');
    if (!bank0(m) && clash(m)) return false; // a bank-0 Vm is a scalar operand: no overlap possible
    if (!bank0(m) && QEMU_2OP_DP_BUG.test(e.name)) return false;
  }
  return true;
}

/** Choose fields for a VFP encoding; undefined when the draw is rejected (draw again). */
export function drawVfpFields(e: Encoding, rng: Rng, vec?: VecConfig): Fields | undefined {
  const f: Fields = {};
  const name = e.name;
  const a32 = e.iset === 'A32';
  // Register numbers first (fields e/E, f/F, g/G), the rest below.
  for (const [v, b] of [['e', 'E'], ['f', 'F'], ['g', 'G']] as const) {
    if (!e.fields.has(v) || !e.fields.has(b)) continue;
    const r = vreg(rng, 32);
    if (doubleField(name, v)) { f[v] = r & 15; f[b] = r >> 4; } else { f[v] = r >> 1; f[b] = r & 1; }
  }
  for (const [k, w] of e.fieldWidth) {
    if (f[k] !== undefined) continue;
    if (k === 'c') { f[k] = rng.chance(0.6) ? 14 : rng.int(15); continue; }
    if (k === 't' || k === 'u') { f[k] = coreReg(rng); continue; }
    if (k === 'n') {
      // VLDR (any set) and A32 VLDMIA without writeback may load from the code (PC-relative)
      const pcOk = /^VLDR/.test(name) || (a32 && /^VLDMIA/.test(name));
      f[k] = pcOk && rng.chance(0.05) ? PC : rng.chance(0.2) ? SP : R_BASE;
      continue;
    }
    if (k === 'r' && (name === 'VMRS' || name === 'VMSR')) { f[k] = sysReg(rng, name === 'VMSR'); continue; }
    if (k === 'i' && isLoadStore(name)) { f[k] = name.startsWith('VLDR') || name.startsWith('VSTR') ? rng.int(64) : 0; continue; }
    f[k] = rng.int(2 ** w);
  }
  if (isMulti(name)) {
    // imm8 = words: singles count, doubles 2 * count (odd: FLDMX/FSTMX, now and then)
    const first = name.endsWith('_d') ? (f['E']! << 4) | f['e']! : (f['e']! << 1) | f['E']!;
    const room = name.endsWith('_d') ? Math.min(16, 32 - first) : 32 - first;
    const cnt = 1 + rng.int(Math.min(room, rng.chance(0.7) ? 4 : 16));
    f['i'] = name.endsWith('_d') ? 2 * cnt + (rng.chance(0.1) ? 1 : 0) : cnt;
    if (f['n'] === PC && f['W']) return undefined;
  }
  if (name === 'VMRS') {
    // APSR_nzcv (Rt = PC) is the form that matters after a compare
    if (f['r'] === FPSCR && rng.chance(0.35)) f['t'] = PC;
  }
  if (name === 'VMSR' && f['r'] === FPEXC) return undefined;
  if (/^VMOV_(rr_ss|rr_d)$/.test(name) && f['t'] === f['u']) return undefined;
  if (/^VMOV_(ss_rr|rr_ss)$/.test(name) && ((f['g']! << 1) | f['G']!) === 31) return undefined;
  if (/^VCVT_(xf|fx)/.test(name) && !f['X'] && ((f['i']! << 1) | f['j']!) > 16) return undefined;
  if (/^VSTR|^VSTM|^VPUSH/.test(name) && f['n'] === PC) return undefined;
  if (vec && !vectorOk(e, f, vec)) return undefined;
  return f;
}

/** A VMRS/VMSR register number: mostly FPSCR, the ID registers and FPEXC now and then. */
function sysReg(rng: Rng, write: boolean): number {
  // MVFR1 is never read: armada reports no Advanced SIMD where QEMU does (see A9_MVFR1).
  if (rng.chance(0.08)) { const r = rng.int(16); return !write && r === MVFR1 ? FPSCR : r; } // unallocated: UNDEFINED on both
  if (write) return rng.chance(0.9) ? FPSCR : [FPSID, MVFR0, MVFR1][rng.int(3)]!;
  return rng.chance(0.7) ? FPSCR : [FPSID, MVFR0, FPEXC][rng.int(3)]!;
}

/** Does this VFP instruction write a base register (a fixup must follow)? */
export function vfpNeedsFixup(e: Encoding, f: Fields): boolean {
  const n = e.name;
  if (/^(VPUSH|VPOP|VLDMDB|VSTMDB)/.test(n)) return true;
  if (/^(VLDMIA|VSTMIA)/.test(n)) return f['W'] === 1;
  return false;
}

/**
 * Can this instruction raise UNDEF or a data abort in the test firmware (SVC mode, FPU enabled,
 * aligned R_BASE, SP = spValue)? Such instructions are kept out of IT blocks.
 */
export function vfpMayFault(e: Encoding, f: Fields, spValue: number): boolean {
  if (e.name === 'VMRS' || e.name === 'VMSR') return ![FPSID, FPSCR, MVFR1, MVFR0, FPEXC].includes(f['r']!);
  if (isLoadStore(e.name)) return (f['n'] === SP || f['n'] === undefined) && (spValue & 3) !== 0;
  return false;
}

/** Assembly emitted before the instruction (not counted): VMSR FPSCR keeps the sequence's LEN/STRIDE. */
export function vfpPre(e: Encoding, f: Fields, vec?: VecConfig): string[] | undefined {
  if (e.name !== 'VMSR' || f['r'] !== FPSCR) return undefined;
  const t = `r${f['t']}`;
  const pre = [`\tbic ${t}, ${t}, #0x${FPSCR_VECTOR_BITS.toString(16)}`];
  if (vec) pre.push(`\torr ${t}, ${t}, #0x${vecFpscrBits(vec).toString(16)}`);
  return pre;
}

// ---------------------------------------------------------------------------------------------
// Operand values

const pick = <T>(rng: Rng, a: readonly T[]): T => a[rng.int(a.length)]!;
const sign32 = (rng: Rng, v: number): number => (rng.chance(0.5) ? v | 0x80000000 : v) >>> 0;

/** Single-precision special values (bit patterns; the sign is drawn separately). */
const F32_SPECIAL = [
  0x00000000, 0x7f800000, // 0, inf
  0x00000001, 0x007fffff, 0x00400000, // denormals: min, max, middle
  0x00800000, 0x7f7fffff, 0x7f000000, 0x00800001, // min normal, max normal, 2^127
  0x3f800000, 0x3f000000, 0x3fc00000, 0x40000000, 0x40200000, 0x40400000, 0x40a00000, 0x41200000, // 1 .5 1.5 2 2.5 3 5 10
  0x4f000000, 0x4effffff, 0x4f800000, 0x4f7fffff, 0x4e800000, // 2^31, below, 2^32, below, 2^30
  0x46fffe00, 0x47000000, 0x477fff00, 0x47800000, // 32767, 32768, 65535, 65536 (16-bit fixed point)
  0x477fe000, 0x477ff000, 0x477fefff, 0x38800000, 0x33800000, 0x33000000, 0x387fc000, // half: max, overflow edge, min normal, min denormal, half of it
  0x34000000, 0x3f7fffff, 0x3f800001, 0x4b000000, 0x4b800000, 0x4affffff, // eps, 1-ulp, 1+ulp, 2^23, 2^24
  0x1f800000, 0x5f800000, 0x20000000, 0x60000000, 0x0c000000, 0x72800000, // products that under/overflow
];
/** Double-precision special values as [hi, lo]. */
const F64_SPECIAL: readonly (readonly [number, number])[] = [
  [0, 0], [0x7ff00000, 0], // 0, inf
  [0, 1], [0x000fffff, 0xffffffff], [0x00080000, 0], // denormals
  [0x00100000, 0], [0x7fefffff, 0xffffffff], [0x7fe00000, 0], [0x00100000, 1], // min normal, max, 2^1023
  [0x3ff00000, 0], [0x3fe00000, 0], [0x3ff80000, 0], [0x40000000, 0], [0x40040000, 0], [0x40080000, 0], [0x40240000, 0],
  [0x41e00000, 0], [0x41dfffff, 0xffc00000], [0x41dfffff, 0xffe00000], [0x41dfffff, 0xfff00000], // 2^31, 2^31-1, -.5, -.25
  [0x41f00000, 0], [0x41efffff, 0xffe00000], [0x41efffff, 0xfff00000], [0xc1e00000, 0x00100000], // 2^32, 2^32-1, -.5, -(2^31+.5)
  [0x40dfffc0, 0], [0x40e00000, 0], [0x40efffe0, 0], [0x40f00000, 0], // 32767, 32768, 65535, 65536
  [0x47efffff, 0xe0000000], [0x47efffff, 0xf0000000], [0x47efffff, 0xefffffff], [0x47f00000, 0], // FLT_MAX, halfway above, below, 2^128
  [0x38100000, 0], [0x380fffff, 0xffffffff], [0x36a00000, 0], [0x36900000, 0], [0x36900000, 1], // FLT_MIN, below, 2^-149, 2^-150, above
  [0x40effc00, 0], [0x40effe00, 0], [0x3f100000, 0], [0x3e700000, 0], [0x3e600000, 0], // half max, overflow edge, 2^-14, 2^-24, 2^-25
  [0x3cb00000, 0], [0x3fefffff, 0xffffffff], [0x3ff00000, 1], [0x43300000, 0], [0x43400000, 0], // eps, 1-ulp, 1+ulp, 2^52, 2^53
  [0x3ff00000, 0x10000000], [0x3ff00000, 0x20000000], [0x3ff00000, 0x30000000], // 1 + bits below single precision (rounding to single)
  [0x1ff00000, 0], [0x5ff00000, 0], [0x20000000, 0], [0x60000000, 0], [0x01000000, 0], [0x7e000000, 0],
];
/** Half-precision special values (for VCVTB/VCVTT to single). */
const F16_SPECIAL = [0x0000, 0x7c00, 0x7e00, 0x7c01, 0x7d55, 0x7fff, 0x0001, 0x03ff, 0x0200, 0x0400, 0x7bff, 0x3c00, 0x3800, 0x3e00, 0x4000];
/** Integer values (for VCVT from integer and fixed point). */
const INT_SPECIAL = [0, 1, 2, 3, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000, 0x80000001, 0x00ffffff, 0x01000000, 0x01000001,
  0x01000003, 0x7fffff80, 0x7fffffc0, 0x0000ffff, 0x00008000, 0x00007fff, 0xffff8000, 0xffff7fff, 0x00010000, 0x00000100];

/** A quiet or signalling NaN (single) with a random payload. */
function nan32(rng: Rng, quiet: boolean): number {
  const payload = rng.chance(0.5) ? rng.int(4) : rng.u32() & 0x3fffff;
  if (quiet) return sign32(rng, 0x7fc00000 | payload);
  return sign32(rng, 0x7f800000 | (payload || 1));
}
function nan64(rng: Rng, quiet: boolean): [number, number] {
  const lo = rng.chance(0.4) ? rng.int(4) : rng.u32();
  const hiPay = rng.chance(0.5) ? 0 : rng.u32() & 0x7ffff;
  if (quiet) return [sign32(rng, 0x7ff80000 | hiPay), lo];
  return [sign32(rng, 0x7ff00000 | hiPay), (hiPay === 0 && lo === 0) ? 1 : lo];
}

/** An ordinary single: random significand, exponent near 1 (or anywhere, sometimes). */
function ordinary32(rng: Rng): number {
  const exp = rng.chance(0.8) ? 127 - 12 + rng.int(24) : 1 + rng.int(254);
  return sign32(rng, (exp << 23) | (rng.u32() & 0x7fffff));
}
function ordinary64(rng: Rng): [number, number] {
  const exp = rng.chance(0.8) ? 1023 - 12 + rng.int(24) : 1 + rng.int(2046);
  // sometimes only the top bits of the significand are set (exact in single precision)
  const lo = rng.chance(0.3) ? rng.u32() & 0xe0000000 : rng.u32();
  return [sign32(rng, (exp << 20) | (rng.u32() & 0xfffff)), lo >>> 0];
}

const f32buf = new Float32Array(1), u32buf = new Uint32Array(f32buf.buffer);
const f64buf = new Float64Array(1), u64buf = new Uint32Array(f64buf.buffer);
function bits32(x: number): number { f32buf[0] = x; return u32buf[0]!; }
function bits64(x: number): [number, number] { f64buf[0] = x; return [u64buf[1]!, u64buf[0]!]; }

/**
 * Boundary values for conversions and rounding: 2^k (k from -3 to 34) exactly, one ulp below or
 * above it (integer and fixed-point range edges whatever fbits is), or k + 0.5 (a tie when rounded
 * to an integer), as single (dbl false) or double.
 */
function edge(rng: Rng, dbl: boolean): number | [number, number] {
  const k = rng.int(38) - 3;
  let x: number;
  switch (rng.int(4)) {
    case 0: x = 2 ** k; break;
    case 1: x = 2 ** k * (1 - (dbl ? 2 ** -53 : 2 ** -24)); break;
    case 2: x = 2 ** k * (1 + (dbl ? 2 ** -52 : 2 ** -23)); break;
    default: x = Math.floor(rng.int(2 ** Math.min(Math.max(k, 0), 22))) + 0.5;
  }
  if (rng.chance(0.5)) x = -x;
  return dbl ? bits64(x) : bits32(x);
}

/** A random single-precision value, special most of the time. */
export function value32(rng: Rng): number {
  if (rng.chance(0.08)) return edge(rng, false) as number;
  const k = rng.int(22);
  if (k < 2) return sign32(rng, 0); // the zeros and infinities are in the table too: drawn often on purpose
  if (k < 3) return sign32(rng, 0x7f800000);
  if (k < 8) return sign32(rng, pick(rng, F32_SPECIAL));
  if (k < 10) return nan32(rng, true);
  if (k < 12) return nan32(rng, false);
  if (k < 13) return sign32(rng, rng.u32() & 0x7fffff); // denormal
  if (k < 14) return pick(rng, INT_SPECIAL) >>> 0;
  if (k < 15) return (rng.int(33) - 16) >>> 0; // small integer (as an integer)
  if (k < 16) return (pick(rng, F16_SPECIAL) | (rng.chance(0.5) ? 0x8000 : 0) | ((rng.chance(0.5) ? pick(rng, F16_SPECIAL) : rng.u32() & 0xffff) << 16)) >>> 0;
  if (k < 17) return rng.u32();
  return ordinary32(rng);
}

/** A random double-precision value [hi, lo], special most of the time. */
export function value64(rng: Rng): [number, number] {
  if (rng.chance(0.08)) return edge(rng, true) as [number, number];
  // a tie when rounded to single precision (bit 28 of the low word set, the bits below clear)
  if (rng.chance(0.03)) { const [hi] = ordinary64(rng); return [hi, ((rng.u32() & 0xe0000000) | 0x10000000) >>> 0]; }
  const k = rng.int(20);
  if (k < 2) return [sign32(rng, 0), 0];
  if (k < 3) return [sign32(rng, 0x7ff00000), 0];
  if (k < 8) { const [hi, lo] = pick(rng, F64_SPECIAL); return [sign32(rng, hi), lo >>> 0]; }
  if (k < 10) return nan64(rng, true);
  if (k < 12) return nan64(rng, false);
  if (k < 13) return [sign32(rng, rng.u32() & 0xfffff), rng.u32()]; // denormal
  if (k < 14) { const v = pick(rng, INT_SPECIAL); return [rng.chance(0.5) ? (v | 0) >> 31 >>> 0 : rng.u32(), v >>> 0]; } // fixed point
  if (k < 15) return [rng.u32(), rng.u32()];
  return ordinary64(rng);
}

/** FPSCR of a sequence: any rounding mode, FZ, DN, AHP on or off, some cumulative flags, NZCV, QC. */
export function randomFpscr(rng: Rng): number {
  let v = (rng.u32() & 0xf0000000) | (rng.int(4) << 22);
  if (rng.chance(0.5)) v |= 1 << 24; // FZ
  if (rng.chance(0.5)) v |= 1 << 25; // DN
  if (rng.chance(0.2)) v |= 1 << 26; // AHP
  if (rng.chance(0.1)) v |= 1 << 27; // QC
  if (rng.chance(0.4)) v |= rng.u32() & 0x9f; // cumulative flags IOC DZC OFC UFC IXC IDC
  return v >>> 0;
}

export interface VfpState {
  /** D0-D31 as 64 words, D[i] = words 2i (low) and 2i+1 (high). */
  readonly dregs: number[];
  readonly fpscr: number;
}

/** Initial D registers and FPSCR: each D register a double, or two singles (the S view). */
export function vfpInitialState(rng: Rng, vec?: VecConfig): VfpState {
  const dregs: number[] = [];
  for (let d = 0; d < 32; d++) {
    if (rng.chance(d < 16 ? 0.5 : 0.25)) {
      dregs.push(value32(rng), value32(rng));
    } else {
      const [hi, lo] = value64(rng);
      dregs.push(lo, hi);
    }
  }
  return { dregs, fpscr: (randomFpscr(rng) | (vec ? vecFpscrBits(vec) : 0)) >>> 0 };
}
