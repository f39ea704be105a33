// A32 encodings the hot tier emits inline, by encoding name: field mapping only, mirroring the
// handlers in ../handlers/a32-*.ts (the same UNDEF rules, the same operand decoding). An
// emitter returns false to leave the instruction to its closure; it must then have emitted
// nothing. Branch emitters report their target through Gen's pc methods or `direct`.

import type { Fields } from '../../armcore/encoding.js';
import { armExpandImm, decodeImmShift } from '../sem/shift.js';
import { sext } from '../sem/ctl.js';
import type { Gen } from './emit.js';
import {
  Op, isLogical, isTest, dp, immOperand, shiftImmOperand, shiftRegOperand, LK, SK, BM, loadSingle, storeSingle,
  loadDouble, storeDouble, loadMultiple, storeMultiple, mul, mulLong, extend, type Offset,
} from './ops.js';

/** What the driver needs to know about an emitted branch. */
export interface BranchInfo {
  /** A direct branch that stays in this instruction set: its target (self-loop detection). */
  direct?: number;
  /** Branches write c.pc themselves (the driver must not overwrite it). */
  writesPc: boolean;
  /** The write is conditional on a register (CBZ/CBNZ): c.pc keeps the fall-through otherwise. */
  maybe?: boolean;
  /**
   * CBZ/CBNZ: the target and the JS test for taking it. A region jumps between its members on
   * it like on a conditional direct branch (outside regions the emitted body does the write).
   */
  onRegister?: { target: number; test: string };
}

export type Emitter = (g: Gen, f: Fields, br: BranchInfo) => boolean;

const ALU = ['AND', 'EOR', 'SUB', 'RSB', 'ADD', 'ADC', 'SBC', 'RSC', 'TST', 'TEQ', 'CMP', 'CMN', 'ORR', 'MOV', 'BIC', 'MVN'];

const table: Record<string, Emitter> = {};

for (let op = 0 as Op; op < 16; op++) {
  const test = isTest(op), logical = isLogical(op);
  table[`${ALU[op]}_imm`] = (g, f) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!;
    if (d === 15 && !test) return false;
    const rot = f['r']!, k = armExpandImm(rot, f['v']!);
    dp(g, op, S, d, f['n'] ?? 0, immOperand(k, S && logical && rot !== 0 ? k >>> 31 : -1));
    return true;
  };
  table[`${ALU[op]}_reg`] = (g, f) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!;
    if (d === 15 && !test) return false;
    const [type, amount] = decodeImmShift(f['y']!, f['i']!);
    dp(g, op, S, d, f['n'] ?? 0, shiftImmOperand(g, f['m']!, type, amount, S && logical));
    return true;
  };
  table[`${ALU[op]}_rsr`] = (g, f) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!;
    if (d === 15 && !test) return false;
    dp(g, op, S, d, f['n'] ?? 0, shiftRegOperand(g, f['m']!, f['s']!, f['y']!, S && logical));
    return true;
  };
}

table['MOV_imm_A2'] = (g, f) => {
  const d = f['d']!;
  if (d === 15) return false;
  g.wr(d, String((f['k']! << 12) | f['v']!));
  return true;
};
table['MOVT'] = (g, f) => {
  const d = f['d']!;
  if (d === 15) return false;
  g.wr(d, `(${g.rd(d)} & 65535) | ${((f['k']! << 12) | f['v']!) << 16}`);
  return true;
};

// ---------------------------------------------------------------- loads and stores

const P = (f: Fields) => f['P'] === 1;
const W = (f: Fields) => f['W'] === 1;
const U = (f: Fields) => f['U'] === 1;
const immOff = (imm: number, add: boolean): Offset => ({ reg: false, imm, add });
function shOff(f: Fields): Offset {
  const [type, amount] = decodeImmShift(f['y']!, f['v']!);
  return { reg: true, m: f['m']!, type, amount, add: U(f) };
}
const regOffH = (f: Fields): Offset => ({ reg: true, m: f['m']!, type: 0, amount: 0, add: U(f) });

function ld(k: LK, off: (f: Fields) => Offset): Emitter {
  return (g, f, br) => {
    const t = f['t']!;
    if (t === 15) br.writesPc = true;
    return loadSingle(g, k, t, f['n']!, off(f), P(f), W(f));
  };
}
function st(k: SK, off: (f: Fields) => Offset): Emitter {
  return (g, f) => storeSingle(g, k, f['t']!, f['n']!, off(f), P(f), W(f));
}
const imm12 = (f: Fields) => immOff(f['i']!, U(f));

table['LDR_imm'] = ld(LK.W, imm12);
table['LDRB_imm'] = ld(LK.B, imm12);
table['STR_imm'] = st(SK.W, imm12);
table['STRB_imm'] = st(SK.B, imm12);
table['LDR_reg'] = ld(LK.W, shOff);
table['LDRB_reg'] = ld(LK.B, shOff);
table['STR_reg'] = st(SK.W, shOff);
table['STRB_reg'] = st(SK.B, shOff);
table['LDRH_imm'] = ld(LK.H, imm12);
table['LDRSB_imm'] = ld(LK.SB, imm12);
table['LDRSH_imm'] = ld(LK.SH, imm12);
table['STRH_imm'] = st(SK.H, imm12);
table['LDRH_reg'] = ld(LK.H, regOffH);
table['LDRSB_reg'] = ld(LK.SB, regOffH);
table['LDRSH_reg'] = ld(LK.SH, regOffH);
table['STRH_reg'] = st(SK.H, regOffH);
table['PUSH_A2'] = (g, f) => storeSingle(g, SK.W, f['t']!, 13, immOff(4, false), true, true);
table['POP_A2'] = (g, f, br) => {
  if (f['t'] === 15) br.writesPc = true;
  return loadSingle(g, LK.W, f['t']!, 13, immOff(4, true), false, true);
};

function dbl(load: boolean, reg: boolean): Emitter {
  return (g, f) => {
    const t = f['t']!;
    if (t & 1) return false; // UNDEFINED: the closure raises it
    if (!P(f) && W(f)) return false;
    const o: Offset = reg ? regOffH(f) : imm12(f);
    return load ? loadDouble(g, t, t + 1, f['n']!, o, P(f), W(f)) : storeDouble(g, t, t + 1, f['n']!, o, P(f), W(f));
  };
}
table['LDRD_imm'] = dbl(true, false);
table['STRD_imm'] = dbl(false, false);
table['LDRD_reg'] = dbl(true, true);
table['STRD_reg'] = dbl(false, true);

function ldm(mode: BM): Emitter {
  return (g, f, br) => {
    const n = f['n']!, list = f['r']!, w = W(f);
    if (w && (list & (1 << n))) return false;
    if (list & 0x8000) br.writesPc = true;
    return loadMultiple(g, n, list, mode, w);
  };
}
function stm(mode: BM): Emitter {
  return (g, f) => storeMultiple(g, f['n']!, f['r']!, mode, W(f));
}
table['LDMDA'] = ldm(BM.DA); table['LDM'] = ldm(BM.IA); table['LDMDB'] = ldm(BM.DB); table['LDMIB'] = ldm(BM.IB);
table['STMDA'] = stm(BM.DA); table['STM'] = stm(BM.IA); table['STMDB'] = stm(BM.DB); table['STMIB'] = stm(BM.IB);
table['PUSH_A1'] = (g, f) => storeMultiple(g, 13, f['r']!, BM.DB, true);
table['POP_A1'] = (g, f, br) => {
  const list = f['r']!;
  if (list & (1 << 13)) return false;
  if (list & 0x8000) br.writesPc = true;
  return loadMultiple(g, 13, list, BM.IA, true);
};

// ---------------------------------------------------------------- multiplies, bits, extends

function dest(d: number): boolean { return d !== 15; }

table['MUL'] = (g, f) => { if (!dest(f['d']!)) return false; mul(g, f['d']!, f['n']!, f['m']!, 0, 0, f['S'] === 1); return true; };
table['MLA'] = (g, f) => { if (!dest(f['d']!)) return false; mul(g, f['d']!, f['n']!, f['m']!, f['a']!, 1, f['S'] === 1); return true; };
table['MLS'] = (g, f) => { if (!dest(f['d']!)) return false; mul(g, f['d']!, f['n']!, f['m']!, f['a']!, -1, false); return true; };
function long(signed: boolean, acc: boolean): Emitter {
  return (g, f) => {
    const h = f['h']!, l = f['l']!;
    if (h === 15 || l === 15) return false;
    mulLong(g, l, h, f['n']!, f['m']!, signed, acc, f['S'] === 1);
    return true;
  };
}
table['UMULL'] = long(false, false); table['UMLAL'] = long(false, true);
table['SMULL'] = long(true, false); table['SMLAL'] = long(true, true);
table['CLZ'] = (g, f) => { if (!dest(f['d']!)) return false; g.wr(f['d']!, `Math.clz32(${g.rd(f['m']!)})`); return true; };
for (const kind of ['SXTB', 'SXTH', 'UXTB', 'UXTH'] as const) {
  const e: Emitter = (g, f) => {
    const d = f['d']!;
    if (!dest(d)) return false;
    extend(g, kind, d, f['n'] ?? 15, f['m']!, (f['r'] ?? 0) * 8);
    return true;
  };
  table[kind] = e;
  table[kind.slice(0, 3) + 'A' + kind.slice(3)] = e;
}
table['UBFX'] = (g, f) => {
  const d = f['d']!, lsb = f['b']!, width = f['w']! + 1;
  if (!dest(d) || lsb + width > 32) return false;
  const mask = width === 32 ? -1 : (1 << width) - 1;
  g.wr(d, `(${g.rd(f['n']!)} >>> ${lsb}) & ${mask}`);
  return true;
};
table['SBFX'] = (g, f) => {
  const d = f['d']!, lsb = f['b']!, width = f['w']! + 1;
  if (!dest(d) || lsb + width > 32) return false;
  g.wr(d, `(${g.rd(f['n']!)} << ${32 - lsb - width}) >> ${32 - width}`);
  return true;
};
table['BFI'] = (g, f) => {
  const d = f['d']!, lsb = f['b']!, msb = f['k']!;
  if (!dest(d) || msb < lsb) return false;
  const width = msb - lsb + 1;
  const mask = (width === 32 ? -1 : ((1 << width) - 1) << lsb) | 0;
  g.wr(d, `(${g.rd(d)} & ${~mask}) | ((${g.rd(f['n']!)} << ${lsb}) & ${mask})`);
  return true;
};
table['BFC'] = (g, f) => {
  const d = f['d']!, lsb = f['b']!, msb = f['k']!;
  if (!dest(d) || msb < lsb) return false;
  const width = msb - lsb + 1;
  g.wr(d, `${g.rd(d)} & ${~(width === 32 ? -1 : ((1 << width) - 1) << lsb)}`);
  return true;
};
table['REV'] = (g, f) => {
  if (!dest(f['d']!)) return false;
  const v = g.val(g.rd(f['m']!), 'm');
  g.wr(f['d']!, `(${v} << 24) | ((${v} & 65280) << 8) | ((${v} >>> 8) & 65280) | (${v} >>> 24)`);
  return true;
};

// ---------------------------------------------------------------- hints and branches

const nothing: Emitter = () => true;
for (const k of ['NOP', 'YIELD', 'WFE', 'SEV', 'DBG', 'HINT', 'DSB', 'DMB', 'PLD_imm', 'PLI_imm', 'PLD_reg', 'PLI_reg']) table[k] = nothing;

table['B'] = (g, f, br) => {
  const target = (g.pcRead + sext(f['i']!, 24) * 4) >>> 0;
  br.direct = target; br.writesPc = true;
  return true;
};
table['BL'] = (g, f, br) => {
  const target = (g.pcRead + sext(f['i']!, 24) * 4) >>> 0;
  g.wr(14, String((g.pc + 4) | 0));
  g.branchConst(target);
  br.writesPc = true;
  return true;
};
table['BLX_imm'] = (g, f, br) => {
  const target = (g.pcRead + sext(f['i']!, 24) * 4 + f['H']! * 2) >>> 0;
  g.wr(14, String((g.pc + 4) | 0));
  g.line(`c.t = 1;`);
  g.branchConst(target);
  br.writesPc = true;
  return true;
};
table['BX'] = (g, f, br) => { g.bxWrite(g.val(g.rd(f['m']!), 'x')); br.writesPc = true; return true; };
table['BXJ'] = table['BX'];
table['BLX_reg'] = (g, f, br) => {
  const t = g.val(g.rd(f['m']!), 'x');
  g.wr(14, String((g.pc + 4) | 0));
  g.bxWrite(t);
  br.writesPc = true;
  return true;
};

export const A32_EMITTERS: Readonly<Record<string, Emitter>> = table;

/** Emitters whose A32 and T32 encodings have the same fields and semantics: thumb.ts uses these. */
export const A32_T32_SHARED: Readonly<Record<string, Emitter>> = Object.fromEntries(
  ['MLS', 'REV', 'CLZ', 'SXTB', 'SXTH', 'UXTB', 'UXTH', 'SXTAB', 'SXTAH', 'UXTAB', 'UXTAH', 'UBFX', 'SBFX', 'BFI', 'BFC']
    .map(k => [k, table[k]!]));
