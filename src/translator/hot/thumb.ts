// T16 and T32 encodings the hot tier emits inline, by encoding name, mirroring the handlers in
// ../handlers/t16-*.ts and t32-*.ts (same UNDEF rules; 16-bit flag-setting forms set flags only
// outside an IT block, g.inIT). See a32.ts for the emitter contract.

import type { Fields } from '../../armcore/encoding.js';
import { decodeImmShift, thumbExpandImm, thumbExpandImmCarry } from '../sem/shift.js';
import { sext, t32BranchOffset, t32CondBranchOffset } from '../sem/ctl.js';
import { A32_T32_SHARED, type Emitter } from './a32.js';
import {
  Op, isLogical, isTest, dp, immOperand, shiftImmOperand, shiftRegOperand, LK, SK, BM, loadSingle, storeSingle,
  loadDouble, storeDouble, loadMultiple, storeMultiple, mul, mulLong, extend, type Offset,
} from './ops.js';

const imm = (v: number, add = true): Offset => ({ reg: false, imm: v, add });
const reg = (m: number, amount = 0): Offset => ({ reg: true, m, type: 0, amount, add: true });

// ================================================================ T16

const t16: Record<string, Emitter> = {};

function shiftImm16(type: number): Emitter {
  return (g, f) => {
    const S = !g.inIT, d = f['d']!, m = f['m']!, i = f['i']!;
    if (type === 0 && i === 0) { dp(g, Op.MOV, S, d, 0, shiftImmOperand(g, m, 0, 0, false)); return true; }
    dp(g, Op.MOV, S, d, 0, shiftImmOperand(g, m, type, i === 0 ? 32 : i, S));
    return true;
  };
}
t16['LSL_imm'] = shiftImm16(0);
t16['LSR_imm'] = shiftImm16(1);
t16['ASR_imm'] = shiftImm16(2);
t16['ADD_reg'] = (g, f) => { dp(g, Op.ADD, !g.inIT, f['d']!, f['n']!, shiftImmOperand(g, f['m']!, 0, 0, false)); return true; };
t16['SUB_reg'] = (g, f) => { dp(g, Op.SUB, !g.inIT, f['d']!, f['n']!, shiftImmOperand(g, f['m']!, 0, 0, false)); return true; };
t16['ADD_imm'] = (g, f) => { dp(g, Op.ADD, !g.inIT, f['d']!, f['n']!, immOperand(f['i']!)); return true; };
t16['SUB_imm'] = (g, f) => { dp(g, Op.SUB, !g.inIT, f['d']!, f['n']!, immOperand(f['i']!)); return true; };
t16['MOV_imm'] = (g, f) => { dp(g, Op.MOV, !g.inIT, f['d']!, 0, immOperand(f['v']!)); return true; };
t16['CMP_imm'] = (g, f) => { dp(g, Op.CMP, true, 0, f['n']!, immOperand(f['v']!)); return true; };
t16['ADD_imm_T2'] = (g, f) => { dp(g, Op.ADD, !g.inIT, f['d']!, f['d']!, immOperand(f['v']!)); return true; };
t16['SUB_imm_T2'] = (g, f) => { dp(g, Op.SUB, !g.inIT, f['d']!, f['d']!, immOperand(f['v']!)); return true; };

function twoReg(op: Op): Emitter {
  return (g, f) => { dp(g, op, !g.inIT, f['d']!, f['d']!, shiftImmOperand(g, f['m']!, 0, 0, false)); return true; };
}
function shiftReg16(type: number): Emitter {
  return (g, f) => {
    const S = !g.inIT, d = f['d']!;
    dp(g, Op.MOV, S, d, 0, shiftRegOperand(g, d, f['m']!, type, S));
    return true;
  };
}
function testReg(op: Op): Emitter {
  return (g, f) => { dp(g, op, true, 0, f['n']!, shiftImmOperand(g, f['m']!, 0, 0, false)); return true; };
}
t16['AND_reg'] = twoReg(Op.AND);
t16['EOR_reg'] = twoReg(Op.EOR);
t16['LSL_reg'] = shiftReg16(0);
t16['LSR_reg'] = shiftReg16(1);
t16['ASR_reg'] = shiftReg16(2);
t16['ADC_reg'] = twoReg(Op.ADC);
t16['SBC_reg'] = twoReg(Op.SBC);
t16['ROR_reg'] = shiftReg16(3);
t16['TST_reg'] = testReg(Op.TST);
t16['RSB_imm'] = (g, f) => { dp(g, Op.RSB, !g.inIT, f['d']!, f['n']!, immOperand(0)); return true; };
t16['CMP_reg'] = testReg(Op.CMP);
t16['CMN_reg'] = testReg(Op.CMN);
t16['ORR_reg'] = twoReg(Op.ORR);
t16['BIC_reg'] = twoReg(Op.BIC);
t16['MVN_reg'] = (g, f) => { dp(g, Op.MVN, !g.inIT, f['d']!, 0, shiftImmOperand(g, f['m']!, 0, 0, false)); return true; };
t16['ADD_reg_T2'] = (g, f) => {
  const d = f['d']!;
  if (d === 15) return false;
  dp(g, Op.ADD, false, d, d, shiftImmOperand(g, f['m']!, 0, 0, false));
  return true;
};
t16['CMP_reg_T2'] = testReg(Op.CMP);
t16['MOV_reg'] = (g, f) => {
  const d = f['d']!;
  if (d === 15) return false;
  g.wr(d, g.rd(f['m']!));
  return true;
};
t16['ADR'] = (g, f) => { g.wr(f['d']!, String((((g.pc + 4) & ~3) + f['v']! * 4) | 0)); return true; };
t16['ADD_SP_imm'] = (g, f) => { dp(g, Op.ADD, false, f['d']!, 13, immOperand(f['v']! * 4)); return true; };
t16['ADD_SP_imm_T2'] = (g, f) => { dp(g, Op.ADD, false, 13, 13, immOperand(f['v']! * 4)); return true; };
t16['SUB_SP_imm'] = (g, f) => { dp(g, Op.SUB, false, 13, 13, immOperand(f['v']! * 4)); return true; };

// T16 memory
const ldI = (k: LK, scale: number): Emitter => (g, f) => loadSingle(g, k, f['t']!, f['n']!, imm(f['i']! * scale), true, false);
const stI = (k: SK, scale: number): Emitter => (g, f) => storeSingle(g, k, f['t']!, f['n']!, imm(f['i']! * scale), true, false);
const ldR = (k: LK): Emitter => (g, f) => loadSingle(g, k, f['t']!, f['n']!, reg(f['m']!), true, false);
const stR = (k: SK): Emitter => (g, f) => storeSingle(g, k, f['t']!, f['n']!, reg(f['m']!), true, false);
t16['STR_imm_T1'] = stI(SK.W, 4); t16['LDR_imm_T1'] = ldI(LK.W, 4);
t16['STRB_imm_T1'] = stI(SK.B, 1); t16['LDRB_imm_T1'] = ldI(LK.B, 1);
t16['STRH_imm_T1'] = stI(SK.H, 2); t16['LDRH_imm_T1'] = ldI(LK.H, 2);
t16['STR_imm_T2'] = (g, f) => storeSingle(g, SK.W, f['t']!, 13, imm(f['i']! * 4), true, false);
t16['LDR_imm_T2'] = (g, f) => loadSingle(g, LK.W, f['t']!, 13, imm(f['i']! * 4), true, false);
t16['LDR_lit_T1'] = (g, f) => loadSingle(g, LK.W, f['t']!, 15, imm(f['i']! * 4), true, false);
t16['STR_reg_T1'] = stR(SK.W); t16['STRH_reg_T1'] = stR(SK.H); t16['STRB_reg_T1'] = stR(SK.B);
t16['LDRSB_reg_T1'] = ldR(LK.SB); t16['LDR_reg_T1'] = ldR(LK.W); t16['LDRH_reg_T1'] = ldR(LK.H);
t16['LDRB_reg_T1'] = ldR(LK.B); t16['LDRSH_reg_T1'] = ldR(LK.SH);
t16['STM_T1'] = (g, f) => storeMultiple(g, f['n']!, f['r']!, BM.IA, true);
t16['LDM_T1'] = (g, f) => loadMultiple(g, f['n']!, f['r']!, BM.IA, (f['r']! & (1 << f['n']!)) === 0);
t16['PUSH_T1'] = (g, f) => storeMultiple(g, 13, f['r']! | (f['M']! << 14), BM.DB, true);
t16['POP_T1'] = (g, f, br) => {
  if (f['P']) br.writesPc = true;
  return loadMultiple(g, 13, f['r']! | (f['P']! << 15), BM.IA, true);
};

// T16 media
t16['MUL'] = (g, f) => { mul(g, f['d']!, f['n']!, f['d']!, 0, 0, !g.inIT); return true; };
for (const kind of ['SXTH', 'SXTB', 'UXTH', 'UXTB'] as const) {
  t16[kind] = (g, f) => { extend(g, kind, f['d']!, 15, f['m']!, 0); return true; };
}
t16['REV'] = (g, f) => {
  const v = g.val(g.rd(f['m']!), 'm');
  g.wr(f['d']!, `(${v} << 24) | ((${v} & 65280) << 8) | ((${v} >>> 8) & 65280) | (${v} >>> 24)`);
  return true;
};

// T16 control
t16['B_T1'] = (g, f, br) => {
  if (g.inIT) return false;
  br.direct = (g.pcRead + sext(f['i']!, 8) * 2) >>> 0; br.writesPc = true;
  return true;
};
t16['B_T2'] = (g, f, br) => {
  br.direct = (g.pcRead + sext(f['i']!, 11) * 2) >>> 0; br.writesPc = true;
  return true;
};
t16['BX_T1'] = (g, f, br) => { g.bxWrite(g.val(g.rd(f['m']!), 'x')); br.writesPc = true; return true; };
t16['BLX_reg_T1'] = (g, f, br) => {
  const t = g.val(g.rd(f['m']!), 'x');
  g.wr(14, String((g.pc + 2) | 1));
  g.bxWrite(t);
  br.writesPc = true;
  return true;
};
for (const [name, op] of [['CBZ', '==='], ['CBNZ', '!==']] as const) {
  t16[name] = (g, f, br) => {
    const target = (g.pcRead + f['i']! * 2) >>> 0;
    const test = `${g.rd(f['n']!)} ${op} 0`;
    g.line(`if (${test}) c.pc = ${target};`);
    br.writesPc = true; br.maybe = true;
    br.onRegister = { target, test };
    return true;
  };
}
const nothing: Emitter = () => true;
for (const k of ['IT', 'NOP_T1', 'YIELD_T1', 'WFE_T1', 'SEV_T1', 'HINT_T1']) t16[k] = nothing;

// ================================================================ T32

const t32: Record<string, Emitter> = {};

const T32_OPS: [string, Op][] = [
  ['AND', Op.AND], ['TST', Op.TST], ['BIC', Op.BIC], ['ORR', Op.ORR], ['MOV', Op.MOV], ['ORN', Op.ORN],
  ['MVN', Op.MVN], ['EOR', Op.EOR], ['TEQ', Op.TEQ], ['ADD', Op.ADD], ['CMN', Op.CMN], ['ADC', Op.ADC],
  ['SBC', Op.SBC], ['SUB', Op.SUB], ['CMP', Op.CMP], ['RSB', Op.RSB],
];
for (const [name, op] of T32_OPS) {
  const test = isTest(op), logical = isLogical(op);
  t32[`${name}_imm`] = (g, f) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!;
    if (!test && d === 15) return false;
    const imm12 = f['i']!;
    const k = thumbExpandImm(imm12) ?? 0;
    const cy = S && logical ? thumbExpandImmCarry(imm12, -1) : -1;
    dp(g, op, S, d, f['n'] ?? 0, immOperand(k, cy));
    return true;
  };
  t32[`${name}_reg`] = (g, f) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!;
    if (!test && d === 15) return false;
    const [type, amount] = decodeImmShift(f['y']!, f['i']!);
    dp(g, op, S, d, f['n'] ?? 0, shiftImmOperand(g, f['m']!, type, amount, S && logical));
    return true;
  };
}
t32['ADD_imm_T4'] = (g, f) => { if (f['d'] === 15) return false; dp(g, Op.ADD, false, f['d']!, f['n']!, immOperand(f['i']!)); return true; };
t32['SUB_imm_T4'] = (g, f) => { if (f['d'] === 15) return false; dp(g, Op.SUB, false, f['d']!, f['n']!, immOperand(f['i']!)); return true; };
t32['ADR_T3'] = (g, f) => { if (f['d'] === 15) return false; g.wr(f['d']!, String((((g.pc + 4) & ~3) + f['i']!) | 0)); return true; };
t32['ADR_T2'] = (g, f) => { if (f['d'] === 15) return false; g.wr(f['d']!, String((((g.pc + 4) & ~3) - f['i']!) | 0)); return true; };
t32['MOV_imm_T3'] = (g, f) => {
  if (f['d'] === 15) return false;
  g.wr(f['d']!, String((f['k']! << 12) | (f['i']! << 11) | f['v']!));
  return true;
};
t32['MOVT'] = (g, f) => {
  const d = f['d']!;
  if (d === 15) return false;
  g.wr(d, `(${g.rd(d)} & 65535) | ${((f['k']! << 12) | (f['i']! << 11) | f['v']!) << 16}`);
  return true;
};
t32['MOV_rsr'] = (g, f) => {
  const S = f['S'] === 1, d = f['d']!;
  if (d === 15) return false;
  dp(g, Op.MOV, S, d, 0, shiftRegOperand(g, f['n']!, f['m']!, f['y']!, S));
  return true;
};

// T32 memory (t32-mem.ts handlers)
function ld12(k: LK): Emitter {
  return (g, f, br) => {
    if (f['t'] === 15) br.writesPc = true;
    return loadSingle(g, k, f['t']!, f['n']!, imm(f['i']!), true, false);
  };
}
function st12(k: SK): Emitter {
  return (g, f) => f['n'] === 15 ? false : storeSingle(g, k, f['t']!, f['n']!, imm(f['i']!), true, false);
}
function litLoad(k: LK): Emitter {
  return (g, f, br) => {
    if (f['t'] === 15) br.writesPc = true;
    const w = g.word;
    return loadSingle(g, k, f['t']!, 15, imm(w & 0xfff, ((w >>> 23) & 1) === 1), true, false);
  };
}
function ld8(k: LK): Emitter {
  const lit = litLoad(k);
  return (g, f, br) => {
    if (f['n'] === 15) return lit(g, f, br);
    if (!f['P'] && !f['W']) return false;
    if (f['t'] === 15) br.writesPc = true;
    return loadSingle(g, k, f['t']!, f['n']!, imm(f['i']!, f['U'] === 1), f['P'] === 1, f['W'] === 1);
  };
}
function st8(k: SK): Emitter {
  return (g, f) => {
    if (f['n'] === 15 || (!f['P'] && !f['W'])) return false;
    return storeSingle(g, k, f['t']!, f['n']!, imm(f['i']!, f['U'] === 1), f['P'] === 1, f['W'] === 1);
  };
}
function ldRg(k: LK): Emitter {
  const lit = litLoad(k);
  return (g, f, br) => {
    if (f['n'] === 15) return lit(g, f, br);
    if (f['t'] === 15) br.writesPc = true;
    return loadSingle(g, k, f['t']!, f['n']!, reg(f['m']!, f['k']!), true, false);
  };
}
function stRg(k: SK): Emitter {
  return (g, f) => f['n'] === 15 ? false : storeSingle(g, k, f['t']!, f['n']!, reg(f['m']!, f['k']!), true, false);
}
function ldL(k: LK): Emitter {
  return (g, f, br) => {
    if (f['t'] === 15) br.writesPc = true;
    return loadSingle(g, k, f['t']!, 15, imm(f['i']!, f['U'] === 1), true, false);
  };
}
const LOADS: [string, LK, string, string][] = [
  ['LDR', LK.W, 'T3', 'T4'], ['LDRB', LK.B, 'T2', 'T3'], ['LDRH', LK.H, 'T2', 'T3'],
  ['LDRSB', LK.SB, 'T1', 'T2'], ['LDRSH', LK.SH, 'T1', 'T2'],
];
for (const [stem, k, big, small] of LOADS) {
  t32[`${stem}_imm_${big}`] = ld12(k);
  t32[`${stem}_imm_${small}`] = ld8(k);
  t32[`${stem}_reg_T2`] = ldRg(k);
  t32[`${stem}_lit`] = ldL(k);
}
const STORES: [string, SK, string, string][] = [['STR', SK.W, 'T3', 'T4'], ['STRB', SK.B, 'T2', 'T3'], ['STRH', SK.H, 'T2', 'T3']];
for (const [stem, k, big, small] of STORES) {
  t32[`${stem}_imm_${big}`] = st12(k);
  t32[`${stem}_imm_${small}`] = st8(k);
  t32[`${stem}_reg_T2`] = stRg(k);
}
t32['PUSH_T3'] = (g, f) => storeSingle(g, SK.W, f['t']!, 13, imm(4, false), true, true);
t32['POP_T3'] = (g, f, br) => {
  if (f['t'] === 15) br.writesPc = true;
  return loadSingle(g, LK.W, f['t']!, 13, imm(4, true), false, true);
};
function dbl(load: boolean): Emitter {
  return (g, f) => {
    const p = f['P'] === 1, w = f['W'] === 1;
    if (!p && !w) return false;
    const o = imm(f['i']! * 4, f['U'] === 1);
    return load ? loadDouble(g, f['t']!, f['u']!, f['n']!, o, p, w) : storeDouble(g, f['t']!, f['u']!, f['n']!, o, p, w);
  };
}
t32['LDRD_imm'] = dbl(true);
t32['STRD_imm'] = dbl(false);

function popcnt(v: number): number { let k = 0; while (v) { k += v & 1; v >>>= 1; } return k; }
function ldm(mode: BM): Emitter {
  return (g, f, br) => {
    const n = f['n']!, list = f['r']!, w = f['W'] === 1;
    if (popcnt(list) < 2 || (w && (list & (1 << n)))) return false;
    if (list & 0x8000) br.writesPc = true;
    return loadMultiple(g, n, list, mode, w);
  };
}
function stm(mode: BM): Emitter {
  return (g, f) => {
    const n = f['n']!, list = f['r']!, w = f['W'] === 1;
    if (popcnt(list) < 2 || (w && (list & (1 << n)))) return false;
    return storeMultiple(g, n, list, mode, w);
  };
}
t32['STM_T2'] = stm(BM.IA); t32['LDM_T2'] = ldm(BM.IA); t32['STMDB_T1'] = stm(BM.DB); t32['LDMDB_T1'] = ldm(BM.DB);
t32['PUSH_T2'] = (g, f) => popcnt(f['r']!) < 2 ? false : storeMultiple(g, 13, f['r']!, BM.DB, true);
t32['POP_T2'] = (g, f, br) => {
  const list = f['r']!;
  if (popcnt(list) < 2 || (list & (1 << 13))) return false;
  if (list & 0x8000) br.writesPc = true;
  return loadMultiple(g, 13, list, BM.IA, true);
};
for (const k of ['PLD_imm_T1', 'PLD_imm_T2', 'PLD_lit', 'PLD_reg', 'PLDW_imm_T1', 'PLDW_imm_T2', 'PLDW_reg',
  'PLI_imm_T1', 'PLI_imm_T2', 'PLI_lit', 'PLI_reg', 'NOP_T2', 'YIELD_T2', 'WFE_T2', 'SEV_T2', 'DBG_T1', 'HINT_T2',
  'DSB_T1', 'DMB_T1']) t32[k] = nothing;

// T32 media
const dest = (d: number) => d !== 15;
t32['MUL'] = (g, f) => { if (!dest(f['d']!)) return false; mul(g, f['d']!, f['n']!, f['m']!, 0, 0, false); return true; };
t32['MLA'] = (g, f) => { if (!dest(f['d']!)) return false; mul(g, f['d']!, f['n']!, f['m']!, f['a']!, 1, false); return true; };
function long(signed: boolean, acc: boolean): Emitter {
  return (g, f) => {
    const h = f['h']!, l = f['l']!;
    if (h === 15 || l === 15) return false;
    mulLong(g, l, h, f['n']!, f['m']!, signed, acc, false);
    return true;
  };
}
t32['UMULL'] = long(false, false); t32['UMLAL'] = long(false, true);
t32['SMULL'] = long(true, false); t32['SMLAL'] = long(true, true);
// MLS, REV, CLZ, the extends and the bitfield operations: the same fields as in A32.
Object.assign(t32, A32_T32_SHARED);

// T32 control
t32['B_T3'] = (g, f, br) => {
  if (f['c']! >= 14 || g.inIT) return false;
  br.direct = (g.pcRead + t32CondBranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0; br.writesPc = true;
  return true;
};
t32['B_T4'] = (g, f, br) => {
  br.direct = (g.pcRead + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0; br.writesPc = true;
  return true;
};
t32['BL_T1'] = (g, f, br) => {
  g.wr(14, String((g.pc + 4) | 1));
  g.branchConst((g.pcRead + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0);
  br.writesPc = true;
  return true;
};
t32['BLX_imm_T2'] = (g, f, br) => {
  if (f['H']) return false;
  g.wr(14, String((g.pc + 4) | 1));
  g.line('c.t = 0;');
  g.branchConst((((g.pcRead & ~3) >>> 0) + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']! << 1)) >>> 0);
  br.writesPc = true;
  return true;
};
t32['TBB'] = (g, f, br) => {
  const a = g.val(`(${g.rd(f['n']!)} + ${g.rd(f['m']!)}) | 0`, 'e');
  const v = g.load(a, 1);
  g.line(`c.pc = (${g.pcRead >>> 0} + 2 * ${v}) >>> 0;`);
  br.writesPc = true;
  return true;
};
t32['TBH'] = (g, f, br) => {
  const a = g.val(`(${g.rd(f['n']!)} + (${g.rd(f['m']!)} << 1)) | 0`, 'e');
  const v = g.load(a, 2);
  g.line(`c.pc = (${g.pcRead >>> 0} + 2 * ${v}) >>> 0;`);
  br.writesPc = true;
  return true;
};

export const T16_EMITTERS: Readonly<Record<string, Emitter>> = t16;
export const T32_EMITTERS: Readonly<Record<string, Emitter>> = t32;
