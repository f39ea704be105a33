// Handlers for the T32 'ctl' encodings (src/armcore/isa/t32-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';
import { conditional } from '../cond.js';
import {
  t32BranchOffset, t32CondBranchOffset, mrsCpsr, readSpsr, makeMsrCpsrReg, makeMsrSpsrReg, msrEndsBlock,
  makeCps, makeSrs, makeRfe, aluExceptionReturn, undefOp, nopOp, smcOp,
  makeMrc, makeMcr, makeMrrc, makeMcrr,
} from '../sem/ctl.js';

export const T32_CTL_HANDLERS: HandlerTable = {
  // B<c>.W <label> (the translator applies the condition field)
  B_T3(f, x) {
    // cond 111x is the miscellaneous-control space: what no other encoding claims is UNDEFINED.
    if (f['c']! >= 14) return undefOp;
    // UNPREDICTABLE; QEMU: UNDEFINED when the IT condition passes (it checks that first)
    if (x.inIT) { x.unconditional = true; return conditional(x.itCond, undefOp); }
    const target = (x.pcRead + t32CondBranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0;
    x.ends = true;
    return c => { c.pc = target; };
  },
  // B.W <label>
  B_T4(f, x) {
    const target = (x.pcRead + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0;
    x.ends = true;
    return c => { c.pc = target; };
  },
  // BL <label>: LR = next | 1
  BL_T1(f, x) {
    const target = (x.pcRead + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']!)) >>> 0;
    const lr = (x.pc + 4) | 1;
    x.ends = true;
    return c => { c.r[14] = lr; c.pc = target; };
  },
  // BLX <label>: to ARM state, target from Align(PC, 4); H = 1 is UNDEFINED
  BLX_imm_T2(f, x) {
    if (f['H']) return undefOp; // UNDEFINED (after the IT condition, as QEMU)
    const target = (((x.pcRead & ~3) >>> 0) + t32BranchOffset(f['g']!, f['j']!, f['k']!, f['i']! << 1)) >>> 0;
    const lr = (x.pc + 4) | 1;
    x.ends = true;
    return c => { c.r[14] = lr; c.t = 0; c.pc = target; };
  },
  // BXJ <Rm>: BX
  BXJ_T1(f, x) {
    const m = f['m']!;
    x.ends = true;
    return c => c.bxWritePC(c.r[m]!);
  },
  // TBB [<Rn>, <Rm>]
  TBB(f, x) {
    const n = f['n']!, m = f['m']!, base = x.pcRead;
    x.ends = true;
    return c => { c.pc = (base + 2 * c.ld8((c.r[n]! + c.r[m]!) >>> 0)) >>> 0; };
  },
  // TBH [<Rn>, <Rm>, LSL #1]
  TBH(f, x) {
    const n = f['n']!, m = f['m']!, base = x.pcRead;
    x.ends = true;
    return c => { c.pc = (base + 2 * c.ld16((c.r[n]! + (c.r[m]! << 1)) >>> 0)) >>> 0; };
  },
  // SUBS PC, LR, #<imm8>: exception return
  SUBS_PC_LR(f, x) {
    const imm = f['i']!;
    x.ends = true;
    return c => aluExceptionReturn(c, (c.r[14]! - imm) | 0);
  },

  // MRS <Rd>, CPSR|SPSR
  MRS_T1(f, x) {
    const d = f['d']!;
    if (d === 15) {
      // UNPREDICTABLE; QEMU writes the PC as a plain branch
      x.ends = true;
      return f['R'] ? c => c.branchWritePC(readSpsr(c)) : c => c.branchWritePC(mrsCpsr(c));
    }
    return f['R'] ? c => { c.r[d] = readSpsr(c); } : c => { c.r[d] = mrsCpsr(c); };
  },
  // MSR <spec_reg>, <Rn>
  MSR_reg_T1(f, x) {
    const k = f['k']!, n = f['n']!;
    if (f['R']) return makeMsrSpsrReg(k, n);
    if (msrEndsBlock(k)) x.ends = true;
    return makeMsrCpsrReg(k, n);
  },

  NOP_T2: () => nopOp,
  YIELD_T2: () => nopOp,
  WFE_T2: () => nopOp,
  SEV_T2: () => nopOp,
  DBG_T1: () => nopOp,
  HINT_T2: () => nopOp,
  WFI_T2(_f, x) {
    x.ends = true;
    return c => { c.waiting = true; };
  },

  CPS_T2(f, x) {
    x.ends = true;
    return makeCps(f['o']!, f['A']!, f['I']!, f['F']!, f['M'] === 1, f['y']!);
  },
  SRS_T1: f => makeSrs(f['y']!, 2, f['W'] === 1),
  SRS_T2: f => makeSrs(f['y']!, 1, f['W'] === 1),
  RFE_T1(f, x) {
    x.ends = true;
    return makeRfe(f['n']!, 2, f['W'] === 1);
  },
  RFE_T2(f, x) {
    x.ends = true;
    return makeRfe(f['n']!, 1, f['W'] === 1);
  },

  DSB_T1: () => nopOp,
  DMB_T1: () => nopOp,
  ISB_T1(_f, x) {
    x.ends = true;
    return nopOp;
  },

  UDF_T2: () => undefOp,
  // SMC<c> #<imm4>
  SMC_T1(_f, x) {
    x.ends = true;
    return smcOp;
  },

  MCR_T1(f, x) {
    x.ends = true;
    return makeMcr(f['p']!, f['o']!, f['N']!, f['M']!, f['q']!, f['t']!);
  },
  MRC_T1(f) {
    return makeMrc(f['p']!, f['o']!, f['N']!, f['M']!, f['q']!, f['t']!);
  },
  MCRR_T1(f, x) {
    x.ends = true;
    return makeMcrr(f['p']!, f['o']!, f['M']!, f['t']!, f['u']!);
  },
  MRRC_T1(f) {
    return makeMrrc(f['p']!, f['o']!, f['M']!, f['t']!, f['u']!);
  },
  CDP_T1: () => undefOp,
  LDC_T1: () => undefOp,
  STC_T1: () => undefOp,
};
