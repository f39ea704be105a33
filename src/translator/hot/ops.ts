// Shared inline semantics for the hot tier, mirroring sem/alu.ts and sem/mem.ts: data
// processing with every operand form, single and multiple loads and stores, multiplies. The
// A32 and Thumb emitters map encoding fields onto these, the way the handlers map them onto
// the closure builders. Every helper reads all its inputs into temporaries before it writes a
// register, so an instruction whose destination is also a source behaves as the closure does.

import type { Gen } from './emit.js';

/** Data-processing operations (same numbering as sem/alu.ts Alu). */
export const enum Op {
  AND = 0, EOR = 1, SUB = 2, RSB = 3, ADD = 4, ADC = 5, SBC = 6, RSC = 7,
  TST = 8, TEQ = 9, CMP = 10, CMN = 11, ORR = 12, MOV = 13, BIC = 14, MVN = 15, ORN = 16,
}

export const isLogical = (op: Op) => op <= Op.EOR || op === Op.TST || op === Op.TEQ || op >= Op.ORR;
export const isTest = (op: Op) => op >= Op.TST && op <= Op.CMN;

/** A second operand: its int32 value and, for logical ops with S, its carry (undefined: C unchanged). */
export interface Operand { readonly v: string; readonly carry?: string }

/** A constant operand; cy is the constant carry for logical S ops (-1: C unchanged). */
export function immOperand(k: number, cy = -1): Operand {
  return cy < 0 ? { v: String(k | 0) } : { v: String(k | 0), carry: String(cy) };
}

/**
 * Register m shifted by a constant: type 0 LSL 1 LSR 2 ASR 3 ROR 4 RRX (DecodeImmShift already
 * applied: amount 1..32, LSL 0 is the plain register). `withCarry` computes the carry out.
 */
export function shiftImmOperand(g: Gen, m: number, type: number, amount: number, withCarry: boolean): Operand {
  const M = g.val(g.rd(m), 'm');
  let v: string, cy: string | undefined;
  switch (type) {
    case 0:
      if (amount === 0) return { v: M };
      v = amount >= 32 ? '0' : `(${M} << ${amount})`;
      cy = amount === 32 ? `(${M} & 1)` : amount > 32 ? '0' : `((${M} >>> ${32 - amount}) & 1)`;
      break;
    case 1:
      v = amount >= 32 ? '0' : `(${M} >>> ${amount})`;
      cy = amount === 32 ? `(${M} >>> 31)` : amount > 32 ? '0' : `((${M} >>> ${amount - 1}) & 1)`;
      break;
    case 2:
      v = `(${M} >> ${amount >= 32 ? 31 : amount})`;
      cy = amount >= 32 ? `(${M} >>> 31)` : `((${M} >>> ${amount - 1}) & 1)`;
      break;
    case 3: {
      const a = amount & 31;
      v = a === 0 ? M : `((${M} >>> ${a}) | (${M} << ${32 - a}))`;
      cy = a === 0 ? `(${M} >>> 31)` : `((${M} >>> ${a - 1}) & 1)`;
      break;
    }
    default:
      v = `((${g.cNum()} << 31) | (${M} >>> 1))`;
      cy = `(${M} & 1)`;
  }
  const vt = g.val(v, 'o');
  return withCarry ? { v: vt, carry: g.val(cy, 'k') } : { v: vt };
}

/** Register m shifted by the bottom byte of register s (type 0 LSL 1 LSR 2 ASR 3 ROR). */
export function shiftRegOperand(g: Gen, m: number, s: number, type: number, withCarry: boolean): Operand {
  const M = g.val(g.rd(m), 'm');
  const A = g.val(`${g.rd(s)} & 255`, 'a');
  let v: string, cy: string;
  switch (type & 3) {
    case 0:
      v = `(${A} < 32 ? ${M} << ${A} : 0)`;
      cy = `(${A} === 32 ? ${M} & 1 : ${A} > 32 ? 0 : (${M} >>> (32 - ${A})) & 1)`;
      break;
    case 1:
      v = `(${A} < 32 ? (${M} >>> ${A}) | 0 : 0)`;
      cy = `(${A} === 32 ? ${M} >>> 31 : ${A} > 32 ? 0 : (${M} >>> (${A} - 1)) & 1)`;
      break;
    case 2:
      v = `(${M} >> (${A} < 32 ? ${A} : 31))`;
      cy = `(${A} >= 32 ? ${M} >>> 31 : (${M} >>> (${A} - 1)) & 1)`;
      break;
    default:
      v = `((${A} & 31) === 0 ? ${M} : (${M} >>> (${A} & 31)) | (${M} << (32 - (${A} & 31))))`;
      cy = `((${A} & 31) === 0 ? ${M} >>> 31 : (${M} >>> ((${A} & 31) - 1)) & 1)`;
  }
  const vt = g.val(v, 'o');
  if (!withCarry) return { v: vt };
  // amount 0: carry unchanged
  return { v: vt, carry: g.val(`(${A} === 0 ? ${g.cNum()} : ${cy})`, 'k') };
}

/** op{S} Rd, Rn, operand (d ignored for the tests; n ignored for MOV/MVN). d must not be 15. */
export function dp(g: Gen, op: Op, S: boolean, d: number, n: number, o: Operand): void {
  const b = o.v;
  const needA = op !== Op.MOV && op !== Op.MVN;
  const a = needA ? g.val(g.rd(n), 'n') : '0';
  let v: string;
  switch (op) {
    case Op.AND: case Op.TST: v = `${a} & ${b}`; break;
    case Op.EOR: case Op.TEQ: v = `${a} ^ ${b}`; break;
    case Op.ORR: v = `${a} | ${b}`; break;
    case Op.BIC: v = `${a} & ~${b}`; break;
    case Op.ORN: v = `${a} | ~${b}`; break;
    case Op.MOV: v = b; break;
    case Op.MVN: v = `~${b}`; break;
    case Op.SUB: case Op.CMP: v = `(${a} - ${b}) | 0`; break;
    case Op.RSB: v = `(${b} - ${a}) | 0`; break;
    case Op.ADD: case Op.CMN: v = `(${a} + ${b}) | 0`; break;
    case Op.ADC: v = `(${a} + ${b} + ${g.cNum()}) | 0`; break;
    case Op.SBC: v = `(${a} + ~${b} + ${g.cNum()}) | 0`; break;
    case Op.RSC: v = `(${b} + ~${a} + ${g.cNum()}) | 0`; break;
    default: throw new Error(`armada hot tier: dp op ${op}`);
  }
  if (!S) {
    if (!isTest(op)) g.wr(d, v);
    return;
  }
  // Carry-in ops need the 33-bit sum for C; compute it before the result is written.
  let s = '';
  if (op === Op.ADC) s = g.val(`(${a} >>> 0) + (${b} >>> 0) + ${g.cNum()}`, 's');
  else if (op === Op.SBC) s = g.val(`(${a} >>> 0) + (~${b} >>> 0) + ${g.cNum()}`, 's');
  else if (op === Op.RSC) s = g.val(`(${b} >>> 0) + (~${a} >>> 0) + ${g.cNum()}`, 's');
  const r = g.val(s ? `${s} | 0` : v, 'v');
  if (!isTest(op)) g.wr(d, r);
  switch (op) {
    case Op.SUB: case Op.CMP: g.setSub(a, b, r); break;
    case Op.RSB: g.setSub(b, a, r); break;
    case Op.ADD: case Op.CMN: g.setAdd(a, b, r); break;
    case Op.ADC: g.setCarryAdd(r, s, `(((${a} ^ ${r}) & (${b} ^ ${r})) < 0)`); break;
    case Op.SBC: g.setCarryAdd(r, s, `(((${a} ^ ${b}) & (${a} ^ ${r})) < 0)`); break;
    case Op.RSC: g.setCarryAdd(r, s, `(((${b} ^ ${a}) & (${b} ^ ${r})) < 0)`); break;
    default:
      g.setNZ(r);
      if (o.carry !== undefined) g.setC(o.carry);
  }
}

// ------------------------------------------------------------------ loads and stores

/** Load kinds (sem/mem.ts LK without the unprivileged ones). */
export const enum LK { W = 0, B, H, SB, SH }
/** Store kinds. */
export const enum SK { W = 0, B, H }

export function loadKind(g: Gen, a: string, k: LK): string {
  switch (k) {
    case LK.W: return g.load(a, 4);
    case LK.B: return g.load(a, 1);
    case LK.H: return g.load(a, 2);
    case LK.SB: return g.load(a, 1, true);
    default: return g.load(a, 2, true);
  }
}
export function storeKind(g: Gen, a: string, v: string, k: SK): void {
  g.store(a, v, k === SK.W ? 4 : k === SK.H ? 2 : 1);
}

/** The offset of a single load/store. */
export type Offset =
  | { readonly reg: false; readonly imm: number; readonly add: boolean }
  | { readonly reg: true; readonly m: number; readonly type: number; readonly amount: number; readonly add: boolean };

/** Offset value expression (int32). Register offsets use the plain Shift() (RRX reads C). */
function offsetValue(g: Gen, o: Offset): string {
  if (!o.reg) return String(o.imm | 0);
  if (o.type === 0 && o.amount === 0) return g.val(g.rd(o.m), 'm');
  return shiftImmOperand(g, o.m, o.type, o.amount, false).v;
}

/**
 * LDR family (sem/mem.ts loadSingle): p pre-index, w writeback (always when !p); n = 15 is the
 * literal base Align(PC, 4). Returns false for the forms left to the closure (writeback with a
 * literal base). A load into the PC interworks and must be the block's last instruction.
 */
export function loadSingle(g: Gen, k: LK, t: number, n: number, o: Offset, p: boolean, w: boolean): boolean {
  const wb = !p || w;
  const lit = n === 15;
  if (wb && lit) return false;
  const base = lit ? String((g.pcRead & ~3) | 0) : g.val(g.rd(n), 'b');
  const ov = offsetValue(g, o);
  const ea = g.val(o.add ? `(${base} + ${ov}) | 0` : `(${base} - ${ov}) | 0`, 'e');
  const v = loadKind(g, p ? ea : base, k);
  if (wb) g.wr(n, ea);
  if (t === 15) g.bxWrite(v); else g.wr(t, v);
  return true;
}

/** STR family (sem/mem.ts storeSingle). */
export function storeSingle(g: Gen, k: SK, t: number, n: number, o: Offset, p: boolean, w: boolean): boolean {
  const wb = !p || w;
  const lit = n === 15;
  if (wb && lit) return false;
  const base = lit ? String((g.pcRead & ~3) | 0) : g.val(g.rd(n), 'b');
  const ov = offsetValue(g, o);
  const ea = g.val(o.add ? `(${base} + ${ov}) | 0` : `(${base} - ${ov}) | 0`, 'e');
  const v = g.val(g.rd(t), 'x');
  storeKind(g, p ? ea : base, v, k);
  if (wb) g.wr(n, ea);
  return true;
}

/** LDRD (t, t2 not 15; writeback not to the PC). */
export function loadDouble(g: Gen, t: number, t2: number, n: number, o: Offset, p: boolean, w: boolean): boolean {
  const wb = !p || w;
  const lit = n === 15;
  if (t === 15 || t2 === 15 || (wb && lit)) return false;
  const base = lit ? String((g.pcRead & ~3) | 0) : g.val(g.rd(n), 'b');
  const ov = offsetValue(g, o);
  const ea = g.val(o.add ? `(${base} + ${ov}) | 0` : `(${base} - ${ov}) | 0`, 'e');
  const a = p ? ea : base;
  g.checkAlign(a, 4, false);
  const lo = g.load(a, 4);
  const a4 = g.val(`(${a} + 4) | 0`, 'e');
  const hi = g.load(a4, 4);
  g.wr(t, lo); g.wr(t2, hi);
  if (wb) g.wr(n, ea);
  return true;
}

/** STRD (a stored r15 is the PC-read value). */
export function storeDouble(g: Gen, t: number, t2: number, n: number, o: Offset, p: boolean, w: boolean): boolean {
  const wb = !p || w;
  const lit = n === 15;
  if (wb && lit) return false;
  const base = lit ? String((g.pcRead & ~3) | 0) : g.val(g.rd(n), 'b');
  const ov = offsetValue(g, o);
  const ea = g.val(o.add ? `(${base} + ${ov}) | 0` : `(${base} - ${ov}) | 0`, 'e');
  const a = p ? ea : base;
  g.checkAlign(a, 4, true);
  const lo = g.val(g.rd(t), 'x'), hi = g.val(g.rd(t2), 'x');
  g.store(a, lo, 4);
  const a4 = g.val(`(${a} + 4) | 0`, 'e');
  g.store(a4, hi, 4);
  if (wb) g.wr(n, ea);
  return true;
}

/** Block transfer addressing: increment/decrement, before/after. */
export const enum BM { IA, IB, DA, DB }

function listRegs(list: number): number[] {
  const regs: number[] = [];
  for (let i = 0; i < 16; i++) if (list & (1 << i)) regs.push(i);
  return regs;
}

/**
 * LDM (normal kind only; sem/mem.ts loadMultiple). The caller applied the instruction set's
 * UNDEF rules. Loads everything, then the writeback (unless the base is loaded), then the
 * registers, the PC last (interworking).
 */
export function loadMultiple(g: Gen, n: number, list: number, mode: BM, w: boolean): boolean {
  const regs = listRegs(list);
  const cnt = regs.length;
  if (cnt === 0 || n === 15) return false;
  const start = mode === BM.IA ? 0 : mode === BM.IB ? 4 : mode === BM.DA ? 4 - 4 * cnt : -4 * cnt;
  const delta = mode === BM.IA || mode === BM.IB ? 4 * cnt : -4 * cnt;
  const nLoaded = (list & (1 << n)) !== 0;
  const base = g.val(g.rd(n), 'b');
  const a0 = g.val(`(${base} + ${start}) | 0`, 'e');
  g.checkAlign(a0, 4, false);
  const vals: string[] = [];
  for (let i = 0; i < cnt; i++) {
    const a = i === 0 ? a0 : g.val(`(${a0} + ${4 * i}) | 0`, 'e');
    vals.push(g.load(a, 4));
  }
  if (w && !nLoaded) g.wr(n, `(${base} + ${delta}) | 0`);
  for (let i = 0; i < cnt; i++) {
    if (regs[i] === 15) g.bxWrite(vals[i]!); else g.wr(regs[i]!, vals[i]!);
  }
  return true;
}

/** STM (normal kind; a stored PC is the PC-read value, a stored base its original value). */
export function storeMultiple(g: Gen, n: number, list: number, mode: BM, w: boolean): boolean {
  const regs = listRegs(list);
  const cnt = regs.length;
  if (cnt === 0 || n === 15) return false;
  const start = mode === BM.IA ? 0 : mode === BM.IB ? 4 : mode === BM.DA ? 4 - 4 * cnt : -4 * cnt;
  const delta = mode === BM.IA || mode === BM.IB ? 4 * cnt : -4 * cnt;
  const base = g.val(g.rd(n), 'b');
  const a0 = g.val(`(${base} + ${start}) | 0`, 'e');
  g.checkAlign(a0, 4, true);
  for (let i = 0; i < cnt; i++) {
    const a = i === 0 ? a0 : g.val(`(${a0} + ${4 * i}) | 0`, 'e');
    g.store(a, g.rd(regs[i]!), 4);
  }
  if (w) g.wr(n, `(${base} + ${delta}) | 0`);
  return true;
}

// ------------------------------------------------------------------ multiplies and bits

/** MUL/MLA/MLS; acc 0 none, 1 add, -1 subtract (a = Ra). */
export function mul(g: Gen, d: number, n: number, m: number, a: number, acc: 0 | 1 | -1, S: boolean): void {
  const p = `Math.imul(${g.rd(n)}, ${g.rd(m)})`;
  const v = acc === 0 ? p : acc === 1 ? `(${p} + ${g.rd(a)}) | 0` : `(${g.rd(a)} - ${p}) | 0`;
  if (!S) { g.wr(d, v); return; }
  const r = g.val(v, 'v');
  g.wr(d, r);
  g.setNZ(r);
}

/** UMULL/SMULL/UMLAL/SMLAL (l = RdLo, h = RdHi); exact through the 16-bit partial products. */
export function mulLong(g: Gen, l: number, h: number, n: number, m: number, signed: boolean, acc: boolean, S: boolean): void {
  const A = g.val(g.rd(n), 'a'), B = g.val(g.rd(m), 'b');
  const hi = g.val(`${signed ? 'mulHiS' : 'mulHiU'}(${A}, ${B})`, 'h');
  const lo = g.val(`Math.imul(${A}, ${B})`, 'l');
  let rl = lo, rh = hi;
  if (acc) {
    const s = g.val(`(${lo} >>> 0) + (${g.rd(l)} >>> 0)`, 's');
    rh = g.val(`(${hi} + ${g.rd(h)} + (${s} >= 4294967296 ? 1 : 0)) | 0`, 'h');
    rl = g.val(`${s} | 0`, 'l');
  }
  // As the closure: RdLo first, then RdHi (RdHi wins when they are the same register).
  g.wr(l, rl); g.wr(h, rh);
  if (S) {
    const nh = g.val(g.rd(h), 'v'), nl = g.val(g.rd(l), 'v');
    g.setFlag('N', { num: `(${nh} >>> 31)`, bool: `(${nh} < 0)` });
    g.setFlag('Z', { num: `((${nh} | ${nl}) === 0 ? 1 : 0)`, bool: `((${nh} | ${nl}) === 0)` });
  }
}

/** Extend (n = 15: none) with rotation rot (bits), optionally adding Rn. */
export function extend(g: Gen, kind: 'SXTB' | 'SXTH' | 'UXTB' | 'UXTH', d: number, n: number, m: number, rot: number): void {
  const M = g.rd(m);
  const x = rot ? `((${M} >>> ${rot}) | (${M} << ${32 - rot}))` : M;
  const e = kind === 'SXTB' ? `((${x} << 24) >> 24)` : kind === 'SXTH' ? `((${x} << 16) >> 16)`
    : kind === 'UXTB' ? `(${x} & 255)` : `(${x} & 65535)`;
  g.wr(d, n === 15 ? e : `(${g.rd(n)} + ${e}) | 0`);
}
