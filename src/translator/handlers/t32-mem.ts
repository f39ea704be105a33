// Handlers for the T32 'mem' encodings (src/armcore/isa/t32-mem.ts), by encoding name.
import type { Fields } from '../../armcore/encoding.js';
import type { Handler, HandlerTable } from '../types.js';
import { SRType } from '../sem/shift.js';
import {
  LK, SK, BM, immOff, regOff, loadSingle, storeSingle, loadDouble, storeDouble, loadMultiple, storeMultiple,
  loadExclusive, storeExclusive, clrex, nop,
} from '../sem/mem.js';

// Rn = 1111: loads are literal (see lit below); stores UNDEF (QEMU, as the ARM ARM). Rm = 13/15
// is UNPREDICTABLE; QEMU computes plainly.
// The literal patterns are less specific than the register and LDRT patterns, so a word with
// Rn = 1111 can land there: it is still a literal load (U = bit 23, imm12 = bits 11:0).
const lit = (k: LK, f: Fields, x: Parameters<Handler>[1]) =>
  loadSingle(x, k, f['t']!, 15, immOff(x.word & 0xfff, ((x.word >>> 23) & 1) === 1), true, false);
const ld12 = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, true), true, false);
const st12 = (k: SK): Handler => (f, x) => f['n'] === 15 ? null : storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, true), true, false);
function ld8(k: LK): Handler {
  return (f, x) => {
    if (f['n'] === 15) return lit(k, f, x);
    if (!f['P'] && !f['W']) return null;
    return loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, f['U'] === 1), f['P'] === 1, f['W'] === 1);
  };
}
function st8(k: SK): Handler {
  return (f, x) => {
    if (f['n'] === 15 || (!f['P'] && !f['W'])) return null;
    return storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, f['U'] === 1), f['P'] === 1, f['W'] === 1);
  };
}
const ldT = (k: LK): Handler => (f, x) => f['n'] === 15 ? lit((k - 5) as LK, f, x) : loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, true), true, false);
const stT = (k: SK): Handler => (f, x) => f['n'] === 15 ? null : storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, true), true, false);
const ldR = (k: LK): Handler => (f, x) => f['n'] === 15 ? lit(k, f, x) : loadSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, f['k']!, true), true, false);
const stR = (k: SK): Handler => (f, x) => f['n'] === 15 ? null : storeSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, f['k']!, true), true, false);
const ldL = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, 15, immOff(f['i']!, f['U'] === 1), true, false);

function dbl(load: boolean): Handler {
  return (f: Fields, x) => {
    const p = f['P'] === 1, w = f['W'] === 1;
    if (!p && !w) return null;
    const o = immOff(f['i']! * 4, f['U'] === 1);
    const n = f['n']!;
    return load ? loadDouble(x, f['t']!, f['u']!, n, o, p, w) : storeDouble(x, f['t']!, f['u']!, n, o, p, w);
  };
}

// T32 LDM/STM: at least two registers; W with the base in the list UNDEFs (QEMU).
function ldm(mode: BM): Handler {
  return (f, x) => {
    const n = f['n']!, list = f['r']!, w = f['W'] === 1;
    if (popcnt(list) < 2 || (w && (list & (1 << n)))) return null;
    return loadMultiple(x, n, list, mode, w, 0);
  };
}
function stm(mode: BM): Handler {
  return (f, x) => {
    const n = f['n']!, list = f['r']!, w = f['W'] === 1;
    if (popcnt(list) < 2 || (w && (list & (1 << n)))) return null;
    return storeMultiple(x, n, list, mode, w, false);
  };
}
function popcnt(v: number): number { let k = 0; while (v) { k += v & 1; v >>>= 1; } return k; }

// Exclusives: QEMU UNDEFs Rt/Rt2/Rd = 13 or 15, Rn = 15, Rd = Rn or Rt (or Rt2), LDREXD Rt = Rt2.
function ldrex(size: 1 | 2 | 4 | 8): Handler {
  return (f) => {
    const t = f['t']!, n = f['n']!, t2 = size === 8 ? f['u']! : 0;
    if (n === 15 || t === 15 || t === 13) return null;
    if (size === 8 && (t2 === 15 || t2 === 13 || t2 === t)) return null;
    return loadExclusive(t, t2, n, size === 4 ? f['i']! * 4 : 0, size);
  };
}
function strex(size: 1 | 2 | 4 | 8): Handler {
  return (f) => {
    const d = f['d']!, t = f['t']!, n = f['n']!, t2 = size === 8 ? f['u']! : 0;
    if (d === 15 || n === 15 || t === 15 || d === n || d === t || d === 13 || t === 13) return null;
    if (size === 8 && (t2 === 15 || t2 === 13 || d === t2)) return null;
    return storeExclusive(d, t, t2, n, size === 4 ? f['i']! * 4 : 0, size);
  };
}

const NOP: Handler = () => nop;

export const T32_MEM_HANDLERS: HandlerTable = {
  LDR_imm_T3: ld12(LK.W), LDR_imm_T4: ld8(LK.W), LDRT: ldT(LK.WU), LDR_reg_T2: ldR(LK.W), LDR_lit: ldL(LK.W),
  LDRB_imm_T2: ld12(LK.B), LDRB_imm_T3: ld8(LK.B), LDRBT: ldT(LK.BU), LDRB_reg_T2: ldR(LK.B), LDRB_lit: ldL(LK.B),
  LDRH_imm_T2: ld12(LK.H), LDRH_imm_T3: ld8(LK.H), LDRHT: ldT(LK.HU), LDRH_reg_T2: ldR(LK.H), LDRH_lit: ldL(LK.H),
  LDRSB_imm_T1: ld12(LK.SB), LDRSB_imm_T2: ld8(LK.SB), LDRSBT: ldT(LK.SBU), LDRSB_reg_T2: ldR(LK.SB), LDRSB_lit: ldL(LK.SB),
  LDRSH_imm_T1: ld12(LK.SH), LDRSH_imm_T2: ld8(LK.SH), LDRSHT: ldT(LK.SHU), LDRSH_reg_T2: ldR(LK.SH), LDRSH_lit: ldL(LK.SH),
  STR_imm_T3: st12(SK.W), STR_imm_T4: st8(SK.W), STRT: stT(SK.WU), STR_reg_T2: stR(SK.W),
  STRB_imm_T2: st12(SK.B), STRB_imm_T3: st8(SK.B), STRBT: stT(SK.BU), STRB_reg_T2: stR(SK.B),
  STRH_imm_T2: st12(SK.H), STRH_imm_T3: st8(SK.H), STRHT: stT(SK.HU), STRH_reg_T2: stR(SK.H),
  PUSH_T3: (f, x) => storeSingle(x, SK.W, f['t']!, 13, immOff(4, false), true, true),
  POP_T3: (f, x) => loadSingle(x, LK.W, f['t']!, 13, immOff(4, true), false, true),

  PLD_imm_T1: NOP, PLD_imm_T2: NOP, PLD_lit: NOP, PLD_reg: NOP, PLDW_imm_T1: NOP, PLDW_imm_T2: NOP, PLDW_reg: NOP,
  PLI_imm_T1: NOP, PLI_imm_T2: NOP, PLI_lit: NOP, PLI_reg: NOP,
  NOPHINT_H_lit: NOP, NOPHINT_SH_imm: NOP, NOPHINT_SH_imm8: NOP, NOPHINT_SH_reg: NOP, NOPHINT_SH_lit: NOP,

  LDRD_imm: dbl(true), STRD_imm: dbl(false),

  STM_T2: stm(BM.IA), LDM_T2: ldm(BM.IA), STMDB_T1: stm(BM.DB), LDMDB_T1: ldm(BM.DB),
  PUSH_T2: (f, x) => popcnt(f['r']!) < 2 ? null : storeMultiple(x, 13, f['r']!, BM.DB, true, false),
  POP_T2: (f, x) => popcnt(f['r']!) < 2 || (f['r']! & (1 << 13)) ? null : loadMultiple(x, 13, f['r']!, BM.IA, true, 0),

  LDREX: ldrex(4), STREX: strex(4), LDREXB: ldrex(1), LDREXH: ldrex(2), LDREXD: ldrex(8),
  STREXB: strex(1), STREXH: strex(2), STREXD: strex(8),
  CLREX: () => clrex,
};
