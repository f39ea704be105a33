// Handlers for the A32 VFP encodings (src/armcore/isa/a32-vfp.ts), by encoding name. The T32
// encodings are the same (t32-vfp.ts reuses this table). Every handler returns null (UNDEFINED)
// unless the translator option `vfp` is on. Access control is checked when the op runs
// (sem/vfp.ts). Single registers are words of fp.regs; D[i] is words 2i (low), 2i+1 (high).
import type { Cpu } from '../../armcore/cpu.js';
import type { Fields } from '../../armcore/encoding.js';
import type { FPContext } from '../../armcore/softfloat.js';
import * as sf from '../../armcore/softfloat.js';
import type { HandlerTable, Op, TContext } from '../types.js';
import { dReg, fpCheck, fpCheckVec, readSys, runVector, sReg, sysCheck, sysRegValid, writeSys } from '../sem/vfp.js';

export const A32_VFP_HANDLERS: HandlerTable = {};
const table = A32_VFP_HANDLERS;

type Fn2s = (ctx: FPContext, a: number, b: number) => number;
type Fn3s = (ctx: FPContext, d: number, a: number, b: number) => number;
type Fn2d = (ctx: FPContext, ahi: number, alo: number, bhi: number, blo: number) => void;
type Fn3d = (ctx: FPContext, dhi: number, dlo: number, ahi: number, alo: number, bhi: number, blo: number) => void;

// ---------------------------------------------------------------- three-register data processing

function op3s(fn: Fn2s) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = sReg(f, 'e', 'E'), n = sReg(f, 'f', 'F'), m = sReg(f, 'g', 'G');
    const el = (c: Cpu, d: number, n: number, m: number) => { const R = c.fp.regs; R[d] = fn(c.fp.ctx, R[n]!, R[m]!); };
    return c => {
      if (fpCheckVec(c, d, 0x18)) { runVector(c, false, d, n, m, el); return; }
      const R = c.fp.regs; R[d] = fn(c.fp.ctx, R[n]!, R[m]!);
    };
  };
}
function op3d(fn: Fn2d) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const dr = dReg(f, 'e', 'E'), nr = dReg(f, 'f', 'F'), mr = dReg(f, 'g', 'G');
    const d = 2 * dr, n = 2 * nr, m = 2 * mr;
    const el = (c: Cpu, dd: number, nn: number, mm: number) => {
      const R = c.fp.regs, ctx = c.fp.ctx;
      fn(ctx, R[2 * nn + 1]!, R[2 * nn]!, R[2 * mm + 1]!, R[2 * mm]!);
      R[2 * dd] = ctx.lo; R[2 * dd + 1] = ctx.hi;
    };
    return c => {
      if (fpCheckVec(c, dr, 0xc)) { runVector(c, true, dr, nr, mr, el); return; }
      const R = c.fp.regs, ctx = c.fp.ctx;
      fn(ctx, R[n + 1]!, R[n]!, R[m + 1]!, R[m]!);
      R[d] = ctx.lo; R[d + 1] = ctx.hi;
    };
  };
}
function acc3s(fn: Fn3s) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = sReg(f, 'e', 'E'), n = sReg(f, 'f', 'F'), m = sReg(f, 'g', 'G');
    const el = (c: Cpu, d: number, n: number, m: number) => { const R = c.fp.regs; R[d] = fn(c.fp.ctx, R[d]!, R[n]!, R[m]!); };
    return c => {
      if (fpCheckVec(c, d, 0x18)) { runVector(c, false, d, n, m, el); return; }
      const R = c.fp.regs; R[d] = fn(c.fp.ctx, R[d]!, R[n]!, R[m]!);
    };
  };
}
function acc3d(fn: Fn3d) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const dr = dReg(f, 'e', 'E'), nr = dReg(f, 'f', 'F'), mr = dReg(f, 'g', 'G');
    const d = 2 * dr, n = 2 * nr, m = 2 * mr;
    const el = (c: Cpu, dd: number, nn: number, mm: number) => {
      const R = c.fp.regs, ctx = c.fp.ctx;
      fn(ctx, R[2 * dd + 1]!, R[2 * dd]!, R[2 * nn + 1]!, R[2 * nn]!, R[2 * mm + 1]!, R[2 * mm]!);
      R[2 * dd] = ctx.lo; R[2 * dd + 1] = ctx.hi;
    };
    return c => {
      if (fpCheckVec(c, dr, 0xc)) { runVector(c, true, dr, nr, mr, el); return; }
      const R = c.fp.regs, ctx = c.fp.ctx;
      fn(ctx, R[d + 1]!, R[d]!, R[n + 1]!, R[n]!, R[m + 1]!, R[m]!);
      R[d] = ctx.lo; R[d + 1] = ctx.hi;
    };
  };
}

table['VADD_s'] = op3s(sf.add32); table['VADD_d'] = op3d(sf.add64);
table['VSUB_s'] = op3s(sf.sub32); table['VSUB_d'] = op3d(sf.sub64);
table['VMUL_s'] = op3s(sf.mul32); table['VMUL_d'] = op3d(sf.mul64);
table['VNMUL_s'] = op3s(sf.nmul32); table['VNMUL_d'] = op3d(sf.nmul64);
table['VDIV_s'] = op3s(sf.div32); table['VDIV_d'] = op3d(sf.div64);
table['VMLA_s'] = acc3s(sf.mla32); table['VMLA_d'] = acc3d(sf.mla64);
table['VMLS_s'] = acc3s(sf.mls32); table['VMLS_d'] = acc3d(sf.mls64);
table['VNMLA_s'] = acc3s(sf.nmla32); table['VNMLA_d'] = acc3d(sf.nmla64);
table['VNMLS_s'] = acc3s(sf.nmls32); table['VNMLS_d'] = acc3d(sf.nmls64);

// ---------------------------------------------------------------- two-register data processing

// Two-register forms: the element op as a closure on (d, m) register numbers (S, or D numbers).
type El2 = (c: Cpu, d: number, m: number) => void;
function op2s(el: El2) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G');
    const vel = (c: Cpu, dd: number, _n: number, mm: number) => el(c, dd, mm);
    return c => { if (fpCheckVec(c, d, 0x18)) { runVector(c, false, d, d, m, vel); return; } el(c, d, m); };
  };
}
function op2d(el: El2) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = dReg(f, 'e', 'E'), m = dReg(f, 'g', 'G');
    const vel = (c: Cpu, dd: number, _n: number, mm: number) => el(c, dd, mm);
    return c => { if (fpCheckVec(c, d, 0xc)) { runVector(c, true, d, d, m, vel); return; } el(c, d, m); };
  };
}

table['VMOV_imm_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const v = sf.expandImm32(f['i']!) | 0;
  return op2s((c, d) => { c.fp.regs[d] = v; })({ ...f, g: 0, G: 0 }, x);
};
table['VMOV_imm_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const hi = sf.expandImm64Hi(f['i']!) | 0;
  // the vector form steps Vd only: Vm (not read) is given a bank-0 number
  return op2d((c, d) => { const R = c.fp.regs; R[2 * d] = 0; R[2 * d + 1] = hi; })({ ...f, g: 0, G: 0 }, x);
};
table['VMOV_reg_s'] = op2s((c, d, m) => { const R = c.fp.regs; R[d] = R[m]!; });
table['VMOV_reg_d'] = op2d((c, d, m) => { const R = c.fp.regs; R[2 * d] = R[2 * m]!; R[2 * d + 1] = R[2 * m + 1]!; });
table['VABS_s'] = op2s((c, d, m) => { const R = c.fp.regs; R[d] = R[m]! & 0x7fffffff; });
table['VABS_d'] = op2d((c, d, m) => { const R = c.fp.regs; R[2 * d] = R[2 * m]!; R[2 * d + 1] = R[2 * m + 1]! & 0x7fffffff; });
table['VNEG_s'] = op2s((c, d, m) => { const R = c.fp.regs; R[d] = R[m]! ^ 0x80000000; });
table['VNEG_d'] = op2d((c, d, m) => { const R = c.fp.regs; R[2 * d] = R[2 * m]!; R[2 * d + 1] = R[2 * m + 1]! ^ 0x80000000; });
table['VSQRT_s'] = op2s((c, d, m) => { const R = c.fp.regs; R[d] = sf.sqrt32(c.fp.ctx, R[m]!); });
table['VSQRT_d'] = op2d((c, d, m) => {
  const R = c.fp.regs, ctx = c.fp.ctx;
  sf.sqrt64(ctx, R[2 * m + 1]!, R[2 * m]!);
  R[2 * d] = ctx.lo; R[2 * d + 1] = ctx.hi;
});

// VCVTB/VCVTT: half precision in the bottom (T=0) or top (T=1) half of Sm / Sd.
table['VCVTB_hs'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G');
  if (f['T']) return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.cvt16to32(c.fp.ctx, R[m]! >>> 16); };
  return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.cvt16to32(c.fp.ctx, R[m]! & 0xffff); };
};
table['VCVTB_sh'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G');
  if (f['T']) return c => { fpCheck(c); const R = c.fp.regs; const h = sf.cvt32to16(c.fp.ctx, R[m]!); R[d] = (R[d]! & 0xffff) | (h << 16); };
  return c => { fpCheck(c); const R = c.fp.regs; const h = sf.cvt32to16(c.fp.ctx, R[m]!); R[d] = (R[d]! & ~0xffff) | (h & 0xffff); };
};

// VCMP{E}: FPSCR.NZCV.
table['VCMP_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G'), e = f['q'] === 1;
  return c => { fpCheck(c); const R = c.fp.regs; c.fp.nzcv = sf.cmp32(c.fp.ctx, R[d]!, R[m]!, e); };
};
table['VCMP_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = 2 * dReg(f, 'e', 'E'), m = 2 * dReg(f, 'g', 'G'), e = f['q'] === 1;
  return c => { fpCheck(c); const R = c.fp.regs; c.fp.nzcv = sf.cmp64(c.fp.ctx, R[d + 1]!, R[d]!, R[m + 1]!, R[m]!, e); };
};
table['VCMP_z_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), e = f['q'] === 1;
  return c => { fpCheck(c); c.fp.nzcv = sf.cmp32(c.fp.ctx, c.fp.regs[d]!, 0, e); };
};
table['VCMP_z_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = 2 * dReg(f, 'e', 'E'), e = f['q'] === 1;
  return c => { fpCheck(c); const R = c.fp.regs; c.fp.nzcv = sf.cmp64(c.fp.ctx, R[d + 1]!, R[d]!, 0, 0, e); };
};

// VCVT between single and double.
table['VCVT_ds'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = 2 * dReg(f, 'e', 'E'), m = sReg(f, 'g', 'G');
  return c => { fpCheck(c); const R = c.fp.regs, ctx = c.fp.ctx; sf.cvt32to64(ctx, R[m]!); R[d] = ctx.lo; R[d + 1] = ctx.hi; };
};
table['VCVT_sd'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = 2 * dReg(f, 'g', 'G');
  return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.cvt64to32(c.fp.ctx, R[m + 1]!, R[m]!); };
};

// VCVT.F32/F64.S32/U32 (o = 1 signed): FPSCR rounding.
table['VCVT_fi_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G'), uns = f['o'] === 0;
  return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.fixedToF32(c.fp.ctx, R[m]!, 0, 32, uns, false); };
};
table['VCVT_fi_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = 2 * dReg(f, 'e', 'E'), m = sReg(f, 'g', 'G'), uns = f['o'] === 0;
  return c => { fpCheck(c); const R = c.fp.regs, ctx = c.fp.ctx; sf.fixedToF64(ctx, R[m]!, 0, 32, uns, false); R[d] = ctx.lo; R[d + 1] = ctx.hi; };
};
// VCVT{R}.S32/U32.F32/F64 (o = 1 signed; r = 1: round towards zero, r = 0 VCVTR: FPSCR mode).
table['VCVT_if_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = sReg(f, 'g', 'G'), uns = f['o'] === 0, rz = f['r'] === 1;
  return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.f32ToFixed(c.fp.ctx, R[m]!, 0, 32, uns, rz); };
};
table['VCVT_if_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const d = sReg(f, 'e', 'E'), m = 2 * dReg(f, 'g', 'G'), uns = f['o'] === 0, rz = f['r'] === 1;
  return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.f64ToFixed(c.fp.ctx, R[m + 1]!, R[m]!, 0, 32, uns, rz); };
};

// VCVT between floating point and fixed point, in place: size 16 (X=0) or 32, fbits = size - imm.
// fbits < 0 (imm > 16 with size 16) is UNPREDICTABLE: UNDEFINED here.
function fbitsOf(f: Fields): number { return (f['X'] ? 32 : 16) - ((f['i']! << 1) | f['j']!); }

function xfS(uns: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = sReg(f, 'e', 'E'), size = f['X'] ? 32 : 16, fb = fbitsOf(f);
    if (fb < 0) return null;
    return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.fixedToF32(c.fp.ctx, R[d]!, fb, size, uns, true); };
  };
}
function xfD(uns: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = 2 * dReg(f, 'e', 'E'), size = f['X'] ? 32 : 16, fb = fbitsOf(f);
    if (fb < 0) return null;
    return c => { fpCheck(c); const R = c.fp.regs, ctx = c.fp.ctx; sf.fixedToF64(ctx, R[d]!, fb, size, uns, true); R[d] = ctx.lo; R[d + 1] = ctx.hi; };
  };
}
function fxS(uns: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = sReg(f, 'e', 'E'), size = f['X'] ? 32 : 16, fb = fbitsOf(f);
    if (fb < 0) return null;
    return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.f32ToFixed(c.fp.ctx, R[d]!, fb, size, uns, true); };
  };
}
function fxD(uns: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const d = 2 * dReg(f, 'e', 'E'), size = f['X'] ? 32 : 16, fb = fbitsOf(f);
    if (fb < 0) return null;
    // the result is sign- (zero-) extended to 64 bits
    if (uns) return c => { fpCheck(c); const R = c.fp.regs; R[d] = sf.f64ToFixed(c.fp.ctx, R[d + 1]!, R[d]!, fb, size, true, true); R[d + 1] = 0; };
    return c => { fpCheck(c); const R = c.fp.regs; const v = sf.f64ToFixed(c.fp.ctx, R[d + 1]!, R[d]!, fb, size, false, true); R[d] = v; R[d + 1] = v >> 31; };
  };
}
table['VCVT_xf_s'] = xfS(false); table['VCVT_xf_us'] = xfS(true);
table['VCVT_xf_d'] = xfD(false); table['VCVT_xf_ud'] = xfD(true);
table['VCVT_fx_s'] = fxS(false); table['VCVT_fx_us'] = fxS(true);
table['VCVT_fx_d'] = fxD(false); table['VCVT_fx_ud'] = fxD(true);

// ---------------------------------------------------------------- core <-> VFP transfers
// A write of the PC (Rt = 15 where UNPREDICTABLE) is UNDEFINED here.

table['VMOV_s_r'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const n = sReg(f, 'f', 'F'), t = f['t']!;
  return c => { fpCheck(c); c.fp.regs[n] = c.r[t]!; };
};
table['VMOV_r_s'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const n = sReg(f, 'f', 'F'), t = f['t']!;
  if (t === 15) return null;
  return c => { fpCheck(c); c.r[t] = c.fp.regs[n]!; };
};
table['VMOV_scalar_r'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const w = 2 * dReg(f, 'f', 'F') + f['k']!, t = f['t']!;
  return c => { fpCheck(c); c.fp.regs[w] = c.r[t]!; };
};
table['VMOV_r_scalar'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const w = 2 * dReg(f, 'f', 'F') + f['k']!, t = f['t']!;
  if (t === 15) return null;
  return c => { fpCheck(c); c.r[t] = c.fp.regs[w]!; };
};
table['VMOV_ss_rr'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const m = sReg(f, 'g', 'G'), t = f['t']!, u = f['u']!;
  if (m === 31) return null;
  return c => { fpCheck(c); const R = c.fp.regs; R[m] = c.r[t]!; R[m + 1] = c.r[u]!; };
};
table['VMOV_rr_ss'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const m = sReg(f, 'g', 'G'), t = f['t']!, u = f['u']!;
  if (m === 31 || t === 15 || u === 15) return null;
  return c => { fpCheck(c); const R = c.fp.regs; c.r[t] = R[m]!; c.r[u] = R[m + 1]!; };
};
table['VMOV_d_rr'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const m = 2 * dReg(f, 'g', 'G'), t = f['t']!, u = f['u']!;
  return c => { fpCheck(c); const R = c.fp.regs; R[m] = c.r[t]!; R[m + 1] = c.r[u]!; };
};
table['VMOV_rr_d'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const m = 2 * dReg(f, 'g', 'G'), t = f['t']!, u = f['u']!;
  if (t === 15 || u === 15) return null;
  return c => { fpCheck(c); const R = c.fp.regs; c.r[t] = R[m]!; c.r[u] = R[m + 1]!; };
};

// VMRS / VMSR. Rt = 15 in VMRS: the top four bits go to the APSR flags (VMRS APSR_nzcv, FPSCR).
table['VMRS'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const reg = f['r']!, t = f['t']!;
  if (!sysRegValid(reg)) return null;
  if (t === 15) {
    return c => {
      sysCheck(c, reg);
      const v = readSys(c, reg);
      c.n = v >>> 31; c.z = (v >>> 30) & 1; c.c = (v >>> 29) & 1; c.v = (v >>> 28) & 1;
    };
  }
  return c => { sysCheck(c, reg); c.r[t] = readSys(c, reg); };
};
table['VMSR'] = (f, x) => {
  if (!x.opts.vfp) return null;
  const reg = f['r']!, t = f['t']!;
  if (!sysRegValid(reg)) return null;
  return c => { sysCheck(c, reg); writeSys(c, reg, c.r[t]!); };
};

// ---------------------------------------------------------------- loads and stores
// Word alignment is always checked (as QEMU 7.2). A 64-bit register is transferred as two words,
// low word first in little-endian, high word first with CPSR.E = 1. Rn = 15 reads Align(PC, 4).

function ldD(c: Cpu, a: number, R: Int32Array, w: number): void {
  const lo = c.ld32(a), hi = c.ld32((a + 4) | 0);
  if (c.e) { R[w] = hi; R[w + 1] = lo; } else { R[w] = lo; R[w + 1] = hi; }
}
function stD(c: Cpu, a: number, R: Int32Array, w: number): void {
  if (c.e) { c.st32(a, R[w + 1]!); c.st32((a + 4) | 0, R[w]!); } else { c.st32(a, R[w]!); c.st32((a + 4) | 0, R[w + 1]!); }
}

function vldr(dbl: boolean, load: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const n = f['n']!, off = f['U'] ? f['i']! * 4 : -f['i']! * 4;
    const r = dbl ? 2 * dReg(f, 'e', 'E') : sReg(f, 'e', 'E');
    const write = !load;
    if (n === 15) {
      const a = ((x.pcRead & ~3) + off) | 0;
      if (dbl) return load ? c => { fpCheck(c); c.checkAlign(a, 4, write); ldD(c, a, c.fp.regs, r); }
        : c => { fpCheck(c); c.checkAlign(a, 4, write); stD(c, a, c.fp.regs, r); };
      return load ? c => { fpCheck(c); c.checkAlign(a, 4, write); c.fp.regs[r] = c.ld32(a); }
        : c => { fpCheck(c); c.checkAlign(a, 4, write); c.st32(a, c.fp.regs[r]!); };
    }
    if (dbl) return load ? c => { fpCheck(c); const a = (c.r[n]! + off) | 0; c.checkAlign(a, 4, write); ldD(c, a, c.fp.regs, r); }
      : c => { fpCheck(c); const a = (c.r[n]! + off) | 0; c.checkAlign(a, 4, write); stD(c, a, c.fp.regs, r); };
    return load ? c => { fpCheck(c); const a = (c.r[n]! + off) | 0; c.checkAlign(a, 4, write); c.fp.regs[r] = c.ld32(a); }
      : c => { fpCheck(c); const a = (c.r[n]! + off) | 0; c.checkAlign(a, 4, write); c.st32(a, c.fp.regs[r]!); };
  };
}
table['VLDR_s'] = vldr(false, true); table['VLDR_d'] = vldr(true, true);
table['VSTR_s'] = vldr(false, false); table['VSTR_d'] = vldr(true, false);

/**
 * VLDM/VSTM (and VPUSH/VPOP). db: decrement before (always with writeback). imm8 words; for
 * doubles imm8/2 registers, and an odd imm8 (FLDMX/FSTMX) moves the base by the full imm8 words
 * with the registers at the lowest addresses, as QEMU. A count of 0, a list past the last register
 * or (doubles) more than 16 registers, and writeback to the PC are UNDEFINED (QEMU).
 */
function vldm(dbl: boolean, load: boolean, db: boolean) {
  return (f: Fields, x: TContext): Op | null => {
    if (!x.opts.vfp) return null;
    const n = f['n'] ?? 13, wb = db || f['W'] === 1 || f['n'] === undefined, imm = f['i']!;
    const first = dbl ? dReg(f, 'e', 'E') : sReg(f, 'e', 'E');
    const cnt = dbl ? imm >> 1 : imm;
    if (cnt === 0 || first + cnt > 32 || (dbl && cnt > 16)) return null;
    if (n === 15 && wb) return null;
    const words = dbl ? 2 * cnt : cnt, w0 = dbl ? 2 * first : first;
    const startOff = db ? -4 * imm : 0, wbOff = db ? -4 * imm : 4 * imm;
    const pcA = (x.pcRead & ~3) | 0;
    const write = !load;
    if (dbl) {
      return c => {
        fpCheck(c);
        const base = n === 15 ? pcA : c.r[n]!;
        let a = (base + startOff) | 0;
        c.checkAlign(a, 4, write);
        const R = c.fp.regs;
        for (let w = w0; w < w0 + words; w += 2, a = (a + 8) | 0) {
          if (load) ldD(c, a, R, w); else stD(c, a, R, w);
        }
        if (wb) c.r[n] = (base + wbOff) | 0;
      };
    }
    return c => {
      fpCheck(c);
      const base = n === 15 ? pcA : c.r[n]!;
      let a = (base + startOff) | 0;
      c.checkAlign(a, 4, write);
      const R = c.fp.regs;
      if (load) for (let w = w0; w < w0 + words; w++, a = (a + 4) | 0) R[w] = c.ld32(a);
      else for (let w = w0; w < w0 + words; w++, a = (a + 4) | 0) c.st32(a, R[w]!);
      if (wb) c.r[n] = (base + wbOff) | 0;
    };
  };
}
table['VLDMIA_s'] = vldm(false, true, false); table['VLDMIA_d'] = vldm(true, true, false);
table['VSTMIA_s'] = vldm(false, false, false); table['VSTMIA_d'] = vldm(true, false, false);
table['VLDMDB_s'] = vldm(false, true, true); table['VLDMDB_d'] = vldm(true, true, true);
table['VSTMDB_s'] = vldm(false, false, true); table['VSTMDB_d'] = vldm(true, false, true);
table['VPOP_s'] = vldm(false, true, false); table['VPOP_d'] = vldm(true, true, false);
table['VPUSH_s'] = vldm(false, false, true); table['VPUSH_d'] = vldm(true, false, true);
