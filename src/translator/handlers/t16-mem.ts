// Handlers for the T16 'mem' encodings (src/armcore/isa/t16-mem.ts), by encoding name.
import type { Handler, HandlerTable } from '../types.js';
import { SRType } from '../sem/shift.js';
import { LK, SK, BM, immOff, regOff, loadSingle, storeSingle, loadMultiple, storeMultiple } from '../sem/mem.js';

const ldI = (k: LK, scale: number): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, immOff(f['i']! * scale, true), true, false);
const stI = (k: SK, scale: number): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, immOff(f['i']! * scale, true), true, false);
const ldR = (k: LK): Handler => (f, x) => loadSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, true), true, false);
const stR = (k: SK): Handler => (f, x) => storeSingle(x, k, f['t']!, f['n']!, regOff(f['m']!, SRType.LSL, 0, true), true, false);

export const T16_MEM_HANDLERS: HandlerTable = {
  STR_imm_T1: stI(SK.W, 4), LDR_imm_T1: ldI(LK.W, 4),
  STRB_imm_T1: stI(SK.B, 1), LDRB_imm_T1: ldI(LK.B, 1),
  STRH_imm_T1: stI(SK.H, 2), LDRH_imm_T1: ldI(LK.H, 2),
  STR_imm_T2: (f, x) => storeSingle(x, SK.W, f['t']!, 13, immOff(f['i']! * 4, true), true, false),
  LDR_imm_T2: (f, x) => loadSingle(x, LK.W, f['t']!, 13, immOff(f['i']! * 4, true), true, false),
  // Align(PC, 4) + imm8*4 (loadSingle takes Rn = 15 as the aligned PC)
  LDR_lit_T1: (f, x) => loadSingle(x, LK.W, f['t']!, 15, immOff(f['i']! * 4, true), true, false),
  STR_reg_T1: stR(SK.W), STRH_reg_T1: stR(SK.H), STRB_reg_T1: stR(SK.B), LDRSB_reg_T1: ldR(LK.SB),
  LDR_reg_T1: ldR(LK.W), LDRH_reg_T1: ldR(LK.H), LDRB_reg_T1: ldR(LK.B), LDRSH_reg_T1: ldR(LK.SH),
  // STMIA Rn!: a stored base is its original value (QEMU).
  STM_T1: (f, x) => storeMultiple(x, f['n']!, f['r']!, BM.IA, true, false),
  // LDMIA: writeback only when the base is not in the list.
  LDM_T1: (f, x) => loadMultiple(x, f['n']!, f['r']!, BM.IA, (f['r']! & (1 << f['n']!)) === 0, 0),
  PUSH_T1: (f, x) => storeMultiple(x, 13, f['r']! | (f['M']! << 14), BM.DB, true, false),
  POP_T1: (f, x) => loadMultiple(x, 13, f['r']! | (f['P']! << 15), BM.IA, true, 0),
};
