// Handlers for the A32 'mem' encodings (src/armcore/isa/a32-mem.ts), by encoding name.
import type { Fields } from '../../armcore/encoding.js';
import type { Handler, HandlerTable } from '../types.js';
import { decodeImmShift, SRType } from '../sem/shift.js';
import {
  LK, SK, BM, immOff, regOff, loadSingle, storeSingle, loadDouble, storeDouble, loadMultiple, storeMultiple,
  loadExclusive, storeExclusive, clrex, nop,
} from '../sem/mem.js';

const P = (f: Fields) => f['P'] === 1;
const W = (f: Fields) => f['W'] === 1;
const U = (f: Fields) => f['U'] === 1;

function shOff(f: Fields) {
  const [type, amount] = decodeImmShift(f['y']!, f['v']!);
  return regOff(f['m']!, type, amount, U(f));
}

// Word/byte: Rm = 15 is UNPREDICTABLE for the register forms; QEMU reads PC+8, so do we.
const ldImm = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, U(f)), P(f), W(f));
const stImm = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, U(f)), P(f), W(f));
const ldReg = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, shOff(f), P(f), W(f));
const stReg = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, shOff(f), P(f), W(f));
const ldRegH = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, U(f)), P(f), W(f));
const stRegH = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, U(f)), P(f), W(f));
// Unprivileged: post-indexed always (Rn = pc: QEMU computes plainly, writing the PC)
const ldTImm = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, U(f)), false, true);
const stTImm = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']!, U(f)), false, true);
const ldTReg = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, shOff(f), false, true);
const stTReg = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, shOff(f), false, true);
const ldTRegH = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, U(f)), false, true);
const stTRegH = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, U(f)), false, true);

// LDRD/STRD: Rt odd UNDEFs (QEMU); P=0 W=1 is not an LDRD/STRD (UNDEF).
function dbl(load: boolean, reg: boolean): Handler {
  return (f, x) => {
    const t = f['t']!;
    if (t & 1) return null;
    if (!P(f) && W(f)) return null;
    const o = reg ? regOff(f['m']!, SRType.LSL, 0, U(f)) : immOff(f['i']!, U(f));
    return load ? loadDouble(x, t, t + 1, f['n']!, o, P(f), W(f)) : storeDouble(x, t, t + 1, f['n']!, o, P(f), W(f));
  };
}

// LDM/STM: W with the base in the list UNDEFs for LDM on ARMv7 (QEMU); STM stores the original base.
function ldm(mode: BM): Handler {
  return (f, x) => {
    const n = f['n']!, list = f['r']!, w = W(f);
    if (w && (list & (1 << n))) return null;
    return loadMultiple(x, n, list, mode, w, 0);
  };
}
function stm(mode: BM): Handler {
  return (f, x) => storeMultiple(x, f['n']!, f['r']!, mode, W(f), false);
}
const bm = (f: Fields): BM => (f['P'] ? (f['U'] ? BM.IB : BM.DB) : (f['U'] ? BM.IA : BM.DA));

function ldrex(size: 1 | 2 | 4 | 8): Handler {
  return (f) => {
    const t = f['t']!, n = f['n']!;
    if (n === 15 || t === 15) return null;
    if (size === 8 && ((t & 1) || t === 14)) return null;
    return loadExclusive(t, t + 1, n, 0, size);
  };
}
function strex(size: 1 | 2 | 4 | 8): Handler {
  return (f) => {
    const d = f['d']!, t = f['t']!, n = f['n']!;
    if (d === 15 || n === 15 || t === 15 || d === n || d === t) return null;
    if (size === 8 && ((t & 1) || t === 14 || d === t + 1)) return null;
    return storeExclusive(d, t, t + 1, n, 0, size);
  };
}

// SWP/SWPB: QEMU 7.2 accepts them on every ARMv7 CPU (no SCTLR.SW check). Word: aligned.
function swp(byte: boolean): Handler {
  return (f, x) => {
    const t = f['t']!, t2 = f['u']!, n = f['n']!;
    if (t === 15) x.ends = true;
    if (byte) {
      return c => {
        const a = c.r[n]!;
        const v = c.ld8(a);
        c.st8(a, c.r[t2]! & 0xff);
        if (t === 15) c.branchWritePC(v); else c.r[t] = v;
      };
    }
    return c => {
      const a = c.r[n]!;
      c.checkAlign(a, 4, false);
      const v = c.ld32(a);
      c.st32(a, c.r[t2]!);
      if (t === 15) c.branchWritePC(v); else c.r[t] = v;
    };
  };
}

export const A32_MEM_HANDLERS: HandlerTable = {
  LDR_imm: ldImm(LK.W), STR_imm: stImm(SK.W), LDRB_imm: ldImm(LK.B), STRB_imm: stImm(SK.B),
  LDR_reg: ldReg(LK.W), STR_reg: stReg(SK.W), LDRB_reg: ldReg(LK.B), STRB_reg: stReg(SK.B),
  LDRT_A1: ldTImm(LK.WU), STRT_A1: stTImm(SK.WU), LDRBT_A1: ldTImm(LK.BU), STRBT_A1: stTImm(SK.BU),
  LDRT_A2: ldTReg(LK.WU), STRT_A2: stTReg(SK.WU), LDRBT_A2: ldTReg(LK.BU), STRBT_A2: stTReg(SK.BU),
  PUSH_A2: (f, x) => storeSingle(x, SK.W, f['t']!, 13, immOff(4, false), true, true),
  POP_A2: (f, x) => loadSingle(x, LK.W, f['t']!, 13, immOff(4, true), false, true),

  LDRH_imm: ldImm(LK.H), STRH_imm: stImm(SK.H), LDRSB_imm: ldImm(LK.SB), LDRSH_imm: ldImm(LK.SH),
  LDRH_reg: ldRegH(LK.H), STRH_reg: stRegH(SK.H), LDRSB_reg: ldRegH(LK.SB), LDRSH_reg: ldRegH(LK.SH),
  LDRD_imm: dbl(true, false), STRD_imm: dbl(false, false), LDRD_reg: dbl(true, true), STRD_reg: dbl(false, true),
  LDRHT_A1: ldTImm(LK.HU), STRHT_A1: stTImm(SK.HU), LDRSBT_A1: ldTImm(LK.SBU), LDRSHT_A1: ldTImm(LK.SHU),
  LDRHT_A2: ldTRegH(LK.HU), STRHT_A2: stTRegH(SK.HU), LDRSBT_A2: ldTRegH(LK.SBU), LDRSHT_A2: ldTRegH(LK.SHU),

  STMDA: stm(BM.DA), LDMDA: ldm(BM.DA), STM: stm(BM.IA), LDM: ldm(BM.IA),
  STMDB: stm(BM.DB), LDMDB: ldm(BM.DB), STMIB: stm(BM.IB), LDMIB: ldm(BM.IB),
  PUSH_A1: (f, x) => storeMultiple(x, 13, f['r']!, BM.DB, true, false),
  POP_A1: (f, x) => (f['r']! & (1 << 13)) ? null : loadMultiple(x, 13, f['r']!, BM.IA, true, 0),
  // User-bank forms: UNDEF in User mode (checked when run). LDM^ without pc UNDEFs with W=1;
  // STM^ with W=1 writes back the current mode's base (QEMU).
  STM_usr: (f, x) => storeMultiple(x, f['n']!, f['r']!, bm(f), W(f), true),
  LDM_usr: (f, x) => W(f) ? null : loadMultiple(x, f['n']!, f['r']!, bm(f), false, 1),
  LDM_exc: (f, x) => {
    const n = f['n']!, list = f['r']! | 0x8000; // the pattern fixes bit 15 (pc) to 1
    if (W(f) && (list & (1 << n))) return null;
    return loadMultiple(x, n, list, bm(f), W(f), 2);
  },

  SWP: swp(false), SWPB: swp(true),
  LDREX: ldrex(4), STREX: strex(4), LDREXB: ldrex(1), STREXB: strex(1),
  LDREXH: ldrex(2), STREXH: strex(2), LDREXD: ldrex(8), STREXD: strex(8),
  CLREX: () => clrex,
  PLD_imm: () => nop, PLI_imm: () => nop, PLD_reg: () => nop, PLI_reg: () => nop,
};
