// Load/store semantics shared by A32, T16 and T32: each addressing behaviour is written once
// here and the handlers only map their fields onto these builders.
//
// Rules followed throughout (QEMU 7.2 behaviour where the ARM ARM leaves a choice):
// - every load is done into locals before any register (base or destination) is written, so a
//   data abort leaves the registers unchanged;
// - single loads: the base writeback happens before the destination write (Rt == Rn: the loaded
//   value wins); LDRD: the writeback happens last (the base wins), as QEMU does;
// - stores read Rt before writeback (a store of the base stores its original value);
// - a load into the PC interworks (LoadWritePC = BXWritePC on ARMv7), whatever the size;
// - Rn = PC reads Align(PC, 4); writeback to the PC (UNPREDICTABLE) is a plain branch to the new
//   address, as QEMU's store_reg does (the destination write, if also the PC, comes after).

import { type Cpu, Mode, UNDEF } from '../../armcore/cpu.js';
import { shift, type SRType } from './shift.js';
import type { Op, TContext } from '../types.js';

/** Load kinds (…U: unprivileged, the LDRT family). */
export const enum LK { W = 0, B, H, SB, SH, WU, BU, HU, SBU, SHU }
/** Store kinds. */
export const enum SK { W = 0, B, H, WU, BU, HU }

export function ld(c: Cpu, a: number, k: LK): number {
  switch (k) {
    case LK.W: return c.ld32(a);
    case LK.B: return c.ld8(a);
    case LK.H: return c.ld16(a);
    case LK.SB: return (c.ld8(a) << 24) >> 24;
    case LK.SH: return (c.ld16(a) << 16) >> 16;
    case LK.WU: return c.ld32U(a) | 0;
    case LK.BU: return c.ld8U(a);
    case LK.HU: return c.ld16U(a);
    case LK.SBU: return (c.ld8U(a) << 24) >> 24;
    default: return (c.ld16U(a) << 16) >> 16;
  }
}

export function st(c: Cpu, a: number, v: number, k: SK): void {
  switch (k) {
    case SK.W: c.st32(a, v); return;
    case SK.B: c.st8(a, v & 0xff); return;
    case SK.H: c.st16(a, v & 0xffff); return;
    case SK.WU: c.st32U(a, v); return;
    case SK.BU: c.st8U(a, v & 0xff); return;
    default: c.st16U(a, v & 0xffff);
  }
}

/** The offset of a single load/store: an immediate, or a register shifted by a constant. */
export type Offset =
  | { readonly reg: false; readonly imm: number; readonly add: boolean }
  | { readonly reg: true; readonly m: number; readonly type: SRType; readonly amount: number; readonly add: boolean };

export const immOff = (imm: number, add: boolean): Offset => ({ reg: false, imm, add });
export const regOff = (m: number, type: SRType, amount: number, add: boolean): Offset => ({ reg: true, m, type, amount, add });

/** Base used when Rn is the PC: Align(PC, 4) (the A32 PC-read value is already aligned). */
const litBase = (x: TContext) => (x.pcRead & ~3) | 0;

/**
 * LDR/LDRB/LDRH/LDRSB/LDRSH and the T forms. p: pre-index (address includes the offset),
 * w: writeback (always done when !p). Returns null where QEMU UNDEFs.
 */
export function loadSingle(x: TContext, k: LK, t: number, n: number, o: Offset, p: boolean, w: boolean): Op | null {
  const wb = !p || w;
  const lit = n === 15, lb = litBase(x);
  // Writeback to the PC (UNPREDICTABLE): QEMU writes the new address to the PC as a plain branch.
  if (t === 15 || (wb && lit)) x.ends = true;
  const forms = LOAD_FORMS[k]; // undefined for the unprivileged kinds
  if (!o.reg && t !== 15) {
    const imm = o.add ? o.imm | 0 : -o.imm | 0;
    if (lit && !wb) {
      const a = (lb + imm) | 0;
      return forms ? forms.lit(t, a) : c => { c.r[t] = ld(c, a, k); };
    }
    if (!lit && forms) return !wb ? forms.off(t, n, imm) : p ? forms.pre(t, n, imm) : forms.post(t, n, imm);
  }
  if (o.reg && t !== 15 && o.type === 0 && !lit && forms) {
    const m = o.m, s = o.amount;
    if (!wb) return o.add ? (s === 0 ? forms.reg(t, n, m) : forms.regShl(t, n, m, s)) : forms.regSub(t, n, m, s);
    if (o.add && s === 0) return p ? forms.regPre(t, n, m) : forms.regPost(t, n, m);
  }
  // General form: any shift, writeback, literal base, unprivileged kinds, or a load into the PC.
  const isReg = o.reg, m = o.reg ? o.m : 0, type = o.reg ? o.type : 0, amount = o.reg ? o.amount : 0;
  const imm = o.reg ? 0 : o.imm | 0, add = o.add;
  return c => {
    const base = lit ? lb : c.r[n]!;
    const ov = isReg ? shift(c.r[m]!, type, amount, c.c) : imm;
    const ea = add ? (base + ov) | 0 : (base - ov) | 0;
    const v = ld(c, p ? ea : base, k);
    if (wb) { if (lit) c.branchWritePC(ea); else c.r[n] = ea; }
    if (t === 15) c.bxWritePC(v); else c.r[t] = v;
  };
}

/** STR/STRB/STRH and the T forms. */
export function storeSingle(x: TContext, k: SK, t: number, n: number, o: Offset, p: boolean, w: boolean): Op | null {
  const wb = !p || w;
  const lit = n === 15, lb = litBase(x);
  if (wb && lit) x.ends = true;
  const forms = STORE_FORMS[k];
  if (!o.reg && !lit && forms) {
    const imm = o.add ? o.imm | 0 : -o.imm | 0;
    return !wb ? forms.off(t, n, imm) : p ? forms.pre(t, n, imm) : forms.post(t, n, imm);
  }
  if (o.reg && o.type === 0 && !lit && forms) {
    const m = o.m, s = o.amount;
    if (!wb) return o.add ? (s === 0 ? forms.reg(t, n, m) : forms.regShl(t, n, m, s)) : forms.regSub(t, n, m, s);
    if (o.add && s === 0) return p ? forms.regPre(t, n, m) : forms.regPost(t, n, m);
  }
  const isReg = o.reg, m = o.reg ? o.m : 0, type = o.reg ? o.type : 0, amount = o.reg ? o.amount : 0;
  const imm = o.reg ? 0 : o.imm | 0, add = o.add;
  return c => {
    const base = lit ? lb : c.r[n]!;
    const ov = isReg ? shift(c.r[m]!, type, amount, c.c) : imm;
    const ea = add ? (base + ov) | 0 : (base - ov) | 0;
    st(c, p ? ea : base, c.r[t]!, k);
    if (wb) { if (lit) c.branchWritePC(ea); else c.r[n] = ea; }
  };
}

// The common addressing forms of single loads and stores, one function literal per access kind
// and form. Closures made from the same literal share V8's type feedback and optimised code, so
// a form shared by all kinds would call the memory function through a switch (or a polymorphic
// call) on every access; a literal per kind calls ld32/ld8/... directly, and V8 inlines it.
// Writeback forms load into a local first (a fault leaves the registers unchanged), then write
// the base, then Rt (Rt == Rn: the loaded value wins); stores read Rt before the writeback.
interface LoadForms {
  /** A literal: [PC, #imm], the address known at translation time. */ lit(t: number, a: number): Op;
  /** [Rn, #imm] */ off(t: number, n: number, imm: number): Op;
  /** [Rn, #imm]! */ pre(t: number, n: number, imm: number): Op;
  /** [Rn], #imm */ post(t: number, n: number, imm: number): Op;
  /** [Rn, Rm] */ reg(t: number, n: number, m: number): Op;
  /** [Rn, Rm, LSL #s] */ regShl(t: number, n: number, m: number, s: number): Op;
  /** [Rn, -Rm, LSL #s] */ regSub(t: number, n: number, m: number, s: number): Op;
  /** [Rn, Rm]! */ regPre(t: number, n: number, m: number): Op;
  /** [Rn], Rm */ regPost(t: number, n: number, m: number): Op;
}
type StoreForms = Omit<LoadForms, 'lit'>;

const LOAD_FORMS: Partial<Record<LK, LoadForms>> = {
  [LK.W]: {
    lit: (t, a) => c => { c.r[t] = c.ld32(a); },
    off: (t, n, imm) => c => { c.r[t] = c.ld32((c.r[n]! + imm) | 0); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; const v = c.ld32(a); c.r[n] = a; c.r[t] = v; },
    post: (t, n, imm) => c => { const a = c.r[n]!; const v = c.ld32(a); c.r[n] = a + imm; c.r[t] = v; },
    reg: (t, n, m) => c => { c.r[t] = c.ld32((c.r[n]! + c.r[m]!) | 0); },
    regShl: (t, n, m, s) => c => { c.r[t] = c.ld32((c.r[n]! + (c.r[m]! << s)) | 0); },
    regSub: (t, n, m, s) => c => { c.r[t] = c.ld32((c.r[n]! - (c.r[m]! << s)) | 0); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; const v = c.ld32(a); c.r[n] = a; c.r[t] = v; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; const v = c.ld32(a); c.r[n] = a + c.r[m]!; c.r[t] = v; },
  },
  [LK.B]: {
    lit: (t, a) => c => { c.r[t] = c.ld8(a); },
    off: (t, n, imm) => c => { c.r[t] = c.ld8((c.r[n]! + imm) | 0); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; const v = c.ld8(a); c.r[n] = a; c.r[t] = v; },
    post: (t, n, imm) => c => { const a = c.r[n]!; const v = c.ld8(a); c.r[n] = a + imm; c.r[t] = v; },
    reg: (t, n, m) => c => { c.r[t] = c.ld8((c.r[n]! + c.r[m]!) | 0); },
    regShl: (t, n, m, s) => c => { c.r[t] = c.ld8((c.r[n]! + (c.r[m]! << s)) | 0); },
    regSub: (t, n, m, s) => c => { c.r[t] = c.ld8((c.r[n]! - (c.r[m]! << s)) | 0); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; const v = c.ld8(a); c.r[n] = a; c.r[t] = v; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; const v = c.ld8(a); c.r[n] = a + c.r[m]!; c.r[t] = v; },
  },
  [LK.H]: {
    lit: (t, a) => c => { c.r[t] = c.ld16(a); },
    off: (t, n, imm) => c => { c.r[t] = c.ld16((c.r[n]! + imm) | 0); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; const v = c.ld16(a); c.r[n] = a; c.r[t] = v; },
    post: (t, n, imm) => c => { const a = c.r[n]!; const v = c.ld16(a); c.r[n] = a + imm; c.r[t] = v; },
    reg: (t, n, m) => c => { c.r[t] = c.ld16((c.r[n]! + c.r[m]!) | 0); },
    regShl: (t, n, m, s) => c => { c.r[t] = c.ld16((c.r[n]! + (c.r[m]! << s)) | 0); },
    regSub: (t, n, m, s) => c => { c.r[t] = c.ld16((c.r[n]! - (c.r[m]! << s)) | 0); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; const v = c.ld16(a); c.r[n] = a; c.r[t] = v; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; const v = c.ld16(a); c.r[n] = a + c.r[m]!; c.r[t] = v; },
  },
  [LK.SB]: {
    lit: (t, a) => c => { c.r[t] = (c.ld8(a) << 24) >> 24; },
    off: (t, n, imm) => c => { c.r[t] = (c.ld8((c.r[n]! + imm) | 0) << 24) >> 24; },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; const v = (c.ld8(a) << 24) >> 24; c.r[n] = a; c.r[t] = v; },
    post: (t, n, imm) => c => { const a = c.r[n]!; const v = (c.ld8(a) << 24) >> 24; c.r[n] = a + imm; c.r[t] = v; },
    reg: (t, n, m) => c => { c.r[t] = (c.ld8((c.r[n]! + c.r[m]!) | 0) << 24) >> 24; },
    regShl: (t, n, m, s) => c => { c.r[t] = (c.ld8((c.r[n]! + (c.r[m]! << s)) | 0) << 24) >> 24; },
    regSub: (t, n, m, s) => c => { c.r[t] = (c.ld8((c.r[n]! - (c.r[m]! << s)) | 0) << 24) >> 24; },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; const v = (c.ld8(a) << 24) >> 24; c.r[n] = a; c.r[t] = v; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; const v = (c.ld8(a) << 24) >> 24; c.r[n] = a + c.r[m]!; c.r[t] = v; },
  },
  [LK.SH]: {
    lit: (t, a) => c => { c.r[t] = (c.ld16(a) << 16) >> 16; },
    off: (t, n, imm) => c => { c.r[t] = (c.ld16((c.r[n]! + imm) | 0) << 16) >> 16; },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; const v = (c.ld16(a) << 16) >> 16; c.r[n] = a; c.r[t] = v; },
    post: (t, n, imm) => c => { const a = c.r[n]!; const v = (c.ld16(a) << 16) >> 16; c.r[n] = a + imm; c.r[t] = v; },
    reg: (t, n, m) => c => { c.r[t] = (c.ld16((c.r[n]! + c.r[m]!) | 0) << 16) >> 16; },
    regShl: (t, n, m, s) => c => { c.r[t] = (c.ld16((c.r[n]! + (c.r[m]! << s)) | 0) << 16) >> 16; },
    regSub: (t, n, m, s) => c => { c.r[t] = (c.ld16((c.r[n]! - (c.r[m]! << s)) | 0) << 16) >> 16; },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; const v = (c.ld16(a) << 16) >> 16; c.r[n] = a; c.r[t] = v; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; const v = (c.ld16(a) << 16) >> 16; c.r[n] = a + c.r[m]!; c.r[t] = v; },
  },
};

const STORE_FORMS: Partial<Record<SK, StoreForms>> = {
  [SK.W]: {
    off: (t, n, imm) => c => { c.st32((c.r[n]! + imm) | 0, c.r[t]!); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; c.st32(a, c.r[t]!); c.r[n] = a; },
    post: (t, n, imm) => c => { const a = c.r[n]!; c.st32(a, c.r[t]!); c.r[n] = a + imm; },
    reg: (t, n, m) => c => { c.st32((c.r[n]! + c.r[m]!) | 0, c.r[t]!); },
    regShl: (t, n, m, s) => c => { c.st32((c.r[n]! + (c.r[m]! << s)) | 0, c.r[t]!); },
    regSub: (t, n, m, s) => c => { c.st32((c.r[n]! - (c.r[m]! << s)) | 0, c.r[t]!); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; c.st32(a, c.r[t]!); c.r[n] = a; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; c.st32(a, c.r[t]!); c.r[n] = a + c.r[m]!; },
  },
  [SK.B]: {
    off: (t, n, imm) => c => { c.st8((c.r[n]! + imm) | 0, c.r[t]! & 0xff); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; c.st8(a, c.r[t]! & 0xff); c.r[n] = a; },
    post: (t, n, imm) => c => { const a = c.r[n]!; c.st8(a, c.r[t]! & 0xff); c.r[n] = a + imm; },
    reg: (t, n, m) => c => { c.st8((c.r[n]! + c.r[m]!) | 0, c.r[t]! & 0xff); },
    regShl: (t, n, m, s) => c => { c.st8((c.r[n]! + (c.r[m]! << s)) | 0, c.r[t]! & 0xff); },
    regSub: (t, n, m, s) => c => { c.st8((c.r[n]! - (c.r[m]! << s)) | 0, c.r[t]! & 0xff); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; c.st8(a, c.r[t]! & 0xff); c.r[n] = a; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; c.st8(a, c.r[t]! & 0xff); c.r[n] = a + c.r[m]!; },
  },
  [SK.H]: {
    off: (t, n, imm) => c => { c.st16((c.r[n]! + imm) | 0, c.r[t]! & 0xffff); },
    pre: (t, n, imm) => c => { const a = (c.r[n]! + imm) | 0; c.st16(a, c.r[t]! & 0xffff); c.r[n] = a; },
    post: (t, n, imm) => c => { const a = c.r[n]!; c.st16(a, c.r[t]! & 0xffff); c.r[n] = a + imm; },
    reg: (t, n, m) => c => { c.st16((c.r[n]! + c.r[m]!) | 0, c.r[t]! & 0xffff); },
    regShl: (t, n, m, s) => c => { c.st16((c.r[n]! + (c.r[m]! << s)) | 0, c.r[t]! & 0xffff); },
    regSub: (t, n, m, s) => c => { c.st16((c.r[n]! - (c.r[m]! << s)) | 0, c.r[t]! & 0xffff); },
    regPre: (t, n, m) => c => { const a = (c.r[n]! + c.r[m]!) | 0; c.st16(a, c.r[t]! & 0xffff); c.r[n] = a; },
    regPost: (t, n, m) => c => { const a = c.r[n]!; c.st16(a, c.r[t]! & 0xffff); c.r[n] = a + c.r[m]!; },
  },
};

/** LDRD: word-aligned (alignment fault otherwise), both words loaded before any write. */
export function loadDouble(x: TContext, t: number, t2: number, n: number, o: Offset, p: boolean, w: boolean): Op | null {
  const wb = !p || w;
  const lit = n === 15, lb = litBase(x);
  if (t === 15 || t2 === 15 || (wb && lit)) x.ends = true;
  const isReg = o.reg, m = o.reg ? o.m : 0;
  const imm = o.reg ? 0 : o.imm | 0, add = o.add;
  if (!isReg && !wb && t !== 15 && t2 !== 15) {
    const off = add ? imm : -imm | 0;
    return c => {
      const a = ((lit ? lb : c.r[n]!) + off) | 0;
      c.checkAlign(a, 4, false);
      const lo = c.ld32(a), hi = c.ld32((a + 4) | 0);
      c.r[t] = lo; c.r[t2] = hi;
    };
  }
  return c => {
    const base = lit ? lb : c.r[n]!;
    const ov = isReg ? c.r[m]! : imm;
    const ea = add ? (base + ov) | 0 : (base - ov) | 0;
    const a = p ? ea : base;
    c.checkAlign(a, 4, false);
    const lo = c.ld32(a), hi = c.ld32((a + 4) | 0);
    if (t === 15) c.branchWritePC(lo); else c.r[t] = lo;
    if (t2 === 15) c.branchWritePC(hi); else c.r[t2] = hi;
    if (wb) { if (lit) c.branchWritePC(ea); else c.r[n] = ea; }
  };
}

/** STRD: word-aligned. */
export function storeDouble(x: TContext, t: number, t2: number, n: number, o: Offset, p: boolean, w: boolean): Op | null {
  const wb = !p || w;
  const lit = n === 15, lb = litBase(x);
  if (wb && lit) x.ends = true;
  if (t2 === 15) x.readsPc = true; // A32 STRD r14: Rt2 is not a field; it stores the PC-read value
  const isReg = o.reg, m = o.reg ? o.m : 0;
  const imm = o.reg ? 0 : o.imm | 0, add = o.add;
  return c => {
    const base = lit ? lb : c.r[n]!;
    const ov = isReg ? c.r[m]! : imm;
    const ea = add ? (base + ov) | 0 : (base - ov) | 0;
    const a = p ? ea : base;
    c.checkAlign(a, 4, true);
    const lo = c.r[t]!, hi = c.r[t2]!;
    c.st32(a, lo); c.st32((a + 4) | 0, hi);
    if (wb) { if (lit) c.branchWritePC(ea); else c.r[n] = ea; }
  };
}

/** Block transfer addressing: increment/decrement, before/after. */
export const enum BM { IA, IB, DA, DB }

function listRegs(list: number): number[] {
  const regs: number[] = [];
  for (let i = 0; i < 16; i++) if (list & (1 << i)) regs.push(i);
  return regs;
}

/**
 * LDM family. kind 0: normal; 1: user registers (LDM^ without PC); 2: exception return (LDM^
 * with PC). The caller has already applied the instruction set's UNDEF rules for W and the list.
 */
export function loadMultiple(x: TContext, n: number, list: number, mode: BM, w: boolean, kind: 0 | 1 | 2): Op | null {
  const regs = listRegs(list);
  const cnt = regs.length;
  if (cnt === 0 || n === 15) return null;
  const start = mode === BM.IA ? 0 : mode === BM.IB ? 4 : mode === BM.DA ? 4 - 4 * cnt : -4 * cnt;
  const delta = mode === BM.IA || mode === BM.IB ? 4 * cnt : -4 * cnt;
  const buf = new Int32Array(cnt);
  const pcLoaded = (list & 0x8000) !== 0;
  const nLoaded = (list & (1 << n)) !== 0;
  if (pcLoaded || kind === 2) x.ends = true;
  if (kind === 1) {
    return c => {
      if (c.mode === Mode.USR) throw UNDEF;
      const base = c.r[n]!, a0 = (base + start) | 0;
      c.checkAlign(a0, 4, false);
      for (let i = 0; i < cnt; i++) buf[i] = c.ld32((a0 + 4 * i) | 0);
      for (let i = 0; i < cnt; i++) c.setUserReg(regs[i]!, buf[i]!);
    };
  }
  if (kind === 2) {
    const last = cnt - 1; // the PC is the highest register
    return c => {
      if (c.mode === Mode.USR) throw UNDEF;
      const base = c.r[n]!, a0 = (base + start) | 0;
      c.checkAlign(a0, 4, false);
      for (let i = 0; i < cnt; i++) buf[i] = c.ld32((a0 + 4 * i) | 0);
      if (w) c.r[n] = base + delta;
      for (let i = 0; i < last; i++) c.r[regs[i]!] = buf[i]!;
      c.setCpsr(c.spsr);
      c.branchWritePC(buf[last]!); // aligned for the T bit the SPSR gave
    };
  }
  const lo = pcLoaded ? cnt - 1 : cnt;
  if (cnt <= 4) return loadMultipleSmall(regs, n, start, w && !nLoaded ? delta : 0, w && !nLoaded, pcLoaded);
  return c => {
    const base = c.r[n]!, a0 = (base + start) | 0;
    c.checkAlign(a0, 4, false);
    for (let i = 0; i < cnt; i++) buf[i] = c.ld32((a0 + 4 * i) | 0);
    if (w && !nLoaded) c.r[n] = base + delta;
    for (let i = 0; i < lo; i++) c.r[regs[i]!] = buf[i]!;
    if (pcLoaded) c.bxWritePC(buf[cnt - 1]!);
  };
}

/** LDM of 1-4 registers, unrolled: loads into locals, then writeback, then the registers. */
function loadMultipleSmall(regs: number[], n: number, start: number, delta: number, wb: boolean, pc: boolean): Op {
  const cnt = regs.length;
  const r0 = regs[0]!, r1 = regs[1] ?? 0, r2 = regs[2] ?? 0, r3 = regs[3] ?? 0;
  const last = regs[cnt - 1]!;
  const put = (c: Cpu, v: number) => { if (pc) c.bxWritePC(v); else c.r[last] = v; };
  switch (cnt) {
    case 1: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, false);
      const v0 = c.ld32(a);
      if (wb) c.r[n] = base + delta;
      put(c, v0);
    };
    case 2: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, false);
      const v0 = c.ld32(a), v1 = c.ld32((a + 4) | 0);
      if (wb) c.r[n] = base + delta;
      c.r[r0] = v0; put(c, v1);
    };
    case 3: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, false);
      const v0 = c.ld32(a), v1 = c.ld32((a + 4) | 0), v2 = c.ld32((a + 8) | 0);
      if (wb) c.r[n] = base + delta;
      c.r[r0] = v0; c.r[r1] = v1; put(c, v2);
    };
    default: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, false);
      const v0 = c.ld32(a), v1 = c.ld32((a + 4) | 0), v2 = c.ld32((a + 8) | 0), v3 = c.ld32((a + 12) | 0);
      if (wb) c.r[n] = base + delta;
      c.r[r0] = v0; c.r[r1] = v1; c.r[r2] = v2; void r3; put(c, v3);
    };
  }
}

/** STM of 1-4 registers, unrolled (values read before the writeback). */
function storeMultipleSmall(regs: number[], n: number, start: number, delta: number, wb: boolean): Op {
  const cnt = regs.length;
  const r0 = regs[0]!, r1 = regs[1] ?? 0, r2 = regs[2] ?? 0, r3 = regs[3] ?? 0;
  switch (cnt) {
    case 1: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, true);
      c.st32(a, c.r[r0]!);
      if (wb) c.r[n] = base + delta;
    };
    case 2: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, true);
      c.st32(a, c.r[r0]!); c.st32((a + 4) | 0, c.r[r1]!);
      if (wb) c.r[n] = base + delta;
    };
    case 3: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, true);
      c.st32(a, c.r[r0]!); c.st32((a + 4) | 0, c.r[r1]!); c.st32((a + 8) | 0, c.r[r2]!);
      if (wb) c.r[n] = base + delta;
    };
    default: return c => {
      const base = c.r[n]!, a = (base + start) | 0;
      if (a & 3) c.checkAlign(a, 4, true);
      c.st32(a, c.r[r0]!); c.st32((a + 4) | 0, c.r[r1]!); c.st32((a + 8) | 0, c.r[r2]!); c.st32((a + 12) | 0, c.r[r3]!);
      if (wb) c.r[n] = base + delta;
    };
  }
}

/**
 * STM family; user = STM^ (user-mode registers). A stored PC is the PC-read value (x.readsPc is
 * set so the translator puts it in r[15]); a stored base is its original value. The alignment
 * is checked before the first store; a later MMU fault may leave earlier words written (allowed,
 * and what QEMU does).
 */
export function storeMultiple(x: TContext, n: number, list: number, mode: BM, w: boolean, user: boolean): Op | null {
  const regs = listRegs(list);
  const cnt = regs.length;
  if (cnt === 0 || n === 15) return null;
  const start = mode === BM.IA ? 0 : mode === BM.IB ? 4 : mode === BM.DA ? 4 - 4 * cnt : -4 * cnt;
  const delta = mode === BM.IA || mode === BM.IB ? 4 * cnt : -4 * cnt;
  if (list & 0x8000) x.readsPc = true;
  if (user) {
    // QEMU allows writeback here (to the current mode's base register).
    return c => {
      if (c.mode === Mode.USR) throw UNDEF;
      const base = c.r[n]!, a0 = (base + start) | 0;
      c.checkAlign(a0, 4, true);
      for (let i = 0; i < cnt; i++) c.st32((a0 + 4 * i) | 0, c.getUserReg(regs[i]!));
      if (w) c.r[n] = base + delta;
    };
  }
  if (cnt <= 4) return storeMultipleSmall(regs, n, start, delta, w);
  if (!w) {
    return c => {
      const a0 = (c.r[n]! + start) | 0;
      c.checkAlign(a0, 4, true);
      for (let i = 0; i < cnt; i++) c.st32((a0 + 4 * i) | 0, c.r[regs[i]!]!);
    };
  }
  return c => {
    const base = c.r[n]!, a0 = (base + start) | 0;
    c.checkAlign(a0, 4, true);
    for (let i = 0; i < cnt; i++) c.st32((a0 + 4 * i) | 0, c.r[regs[i]!]!);
    c.r[n] = base + delta;
  };
}

/**
 * Load-exclusive of 1, 2, 4 or 8 bytes (8: Rt, Rt2). Natural alignment; the monitor records
 * the address and the value seen (QEMU's model).
 */
export function loadExclusive(t: number, t2: number, n: number, imm: number, size: 1 | 2 | 4 | 8): Op {
  if (size === 8) {
    return c => {
      const a = (c.r[n]! + imm) | 0;
      c.checkAlign(a, 8, false);
      const lo = c.ld32(a), hi = c.ld32((a + 4) | 0);
      c.exclAddr = a; c.exclVal = lo; c.exclValHi = hi; c.exclSize = 8;
      c.r[t] = lo; c.r[t2] = hi;
    };
  }
  return c => {
    const a = (c.r[n]! + imm) | 0;
    c.checkAlign(a, size, false);
    const v = size === 4 ? c.ld32(a) | 0 : size === 2 ? c.ld16(a) : c.ld8(a);
    c.exclAddr = a; c.exclVal = v; c.exclSize = size;
    c.r[t] = v;
  };
}

/**
 * Store-exclusive: succeeds (Rd = 0) only if the address is the monitored one and memory still
 * holds the value the load-exclusive saw (compared at the store's size, as QEMU's cmpxchg);
 * otherwise Rd = 1 with no memory access. The monitor is cleared either way.
 */
export function storeExclusive(d: number, t: number, t2: number, n: number, imm: number, size: 1 | 2 | 4 | 8): Op {
  if (size === 8) {
    return c => {
      const a = (c.r[n]! + imm) | 0;
      let res = 1;
      if (a === c.exclAddr) {
        c.checkAlign(a, 8, true);
        const lo = c.ld32(a), hi = c.ld32((a + 4) | 0);
        if (lo === c.exclVal && hi === c.exclValHi) {
          c.st32(a, c.r[t]!); c.st32((a + 4) | 0, c.r[t2]!);
          res = 0;
        }
      }
      c.exclAddr = -1;
      c.r[d] = res;
    };
  }
  return c => {
    const a = (c.r[n]! + imm) | 0;
    let res = 1;
    if (a === c.exclAddr) {
      c.checkAlign(a, size, true);
      const cur = size === 4 ? c.ld32(a) | 0 : size === 2 ? c.ld16(a) : c.ld8(a);
      if (cur === c.exclVal) {
        const v = c.r[t]!;
        if (size === 4) c.st32(a, v); else if (size === 2) c.st16(a, v & 0xffff); else c.st8(a, v & 0xff);
        res = 0;
      }
    }
    c.exclAddr = -1;
    c.r[d] = res;
  };
}

export const clrex: Op = c => { c.exclAddr = -1; };

/** Preload hints: no access, never fault. */
export const nop: Op = () => {};
