// Handlers for the A32 'ctl' encodings (src/armcore/isa/a32-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';
import { armExpandImm } from '../sem/shift.js';
import {
  sext, mrsCpsr, readSpsr, makeMsrCpsrImm, makeMsrCpsrReg, makeMsrSpsrImm, makeMsrSpsrReg, msrEndsBlock,
  makeCps, makeSrs, makeRfe, undefOp, nopOp, smcOp, bkptOp, svcOp, semihostOp,
  makeMrc, makeMcr, makeMrrc, makeMcrr,
} from '../sem/ctl.js';

export const A32_CTL_HANDLERS: HandlerTable = {
  // B<c> <label>
  B(f, x) {
    const target = (x.pcRead + sext(f['i']!, 24) * 4) >>> 0;
    x.ends = true;
    return c => { c.pc = target; };
  },
  // BL<c> <label>
  BL(f, x) {
    const target = (x.pcRead + sext(f['i']!, 24) * 4) >>> 0, lr = (x.pc + 4) | 0;
    x.ends = true;
    return c => { c.r[14] = lr; c.pc = target; };
  },
  // BLX <label>: to Thumb state
  BLX_imm(f, x) {
    const target = (x.pcRead + sext(f['i']!, 24) * 4 + f['H']! * 2) >>> 0, lr = (x.pc + 4) | 0;
    x.ends = true;
    return c => { c.r[14] = lr; c.t = 1; c.pc = target; };
  },
  // BX<c> <Rm>
  BX(f, x) {
    const m = f['m']!;
    x.ends = true;
    return c => c.bxWritePC(c.r[m]!);
  },
  // BXJ<c> <Rm>: no Jazelle acceleration, so it is BX
  BXJ(f, x) {
    const m = f['m']!;
    x.ends = true;
    return c => c.bxWritePC(c.r[m]!);
  },
  // BLX<c> <Rm>
  BLX_reg(f, x) {
    const m = f['m']!, lr = (x.pc + 4) | 0;
    x.ends = true;
    return c => { const t = c.r[m]!; c.r[14] = lr; c.bxWritePC(t); };
  },

  // MRS<c> <Rd>, CPSR|SPSR
  MRS(f, x) {
    const d = f['d']!;
    if (d === 15) {
      // UNPREDICTABLE; QEMU writes the PC as a plain branch
      x.ends = true;
      return f['R'] ? c => c.branchWritePC(readSpsr(c)) : c => c.branchWritePC(mrsCpsr(c));
    }
    return f['R'] ? c => { c.r[d] = readSpsr(c); } : c => { c.r[d] = mrsCpsr(c); };
  },
  // MSR<c> <spec_reg>, <Rn>
  MSR_reg(f, x) {
    const k = f['k']!, n = f['n']!;
    if (f['R']) return makeMsrSpsrReg(k, n);
    if (msrEndsBlock(k)) x.ends = true;
    return makeMsrCpsrReg(k, n);
  },
  // MSR<c> <spec_reg>, #<const>
  MSR_imm(f, x) {
    const k = f['k']!, imm = armExpandImm(f['r']!, f['v']!);
    if (f['R']) return makeMsrSpsrImm(k, imm);
    if (msrEndsBlock(k)) x.ends = true;
    return makeMsrCpsrImm(k, imm);
  },

  NOP: () => nopOp,
  YIELD: () => nopOp,
  WFE: () => nopOp,
  SEV: () => nopOp,
  DBG: () => nopOp,
  HINT: () => nopOp,
  WFI(_f, x) {
    x.ends = true;
    return c => { c.waiting = true; };
  },

  // CPS<effect> <iflags>{, #<mode>} / CPS #<mode>
  CPS(f, x) {
    x.ends = true;
    return makeCps(f['o']!, f['A']!, f['I']!, f['F']!, f['M'] === 1, f['y']!);
  },
  // SETEND BE|LE
  SETEND(f, x) {
    const e = f['E']!;
    x.ends = true;
    return c => c.setE(e);
  },
  // SRS{DA,IA,DB,IB} SP{!}, #<mode>
  SRS(f) {
    return makeSrs(f['y']!, (f['P']! << 1) | f['U']!, f['W'] === 1);
  },
  // RFE{DA,IA,DB,IB} <Rn>{!}
  RFE(f, x) {
    x.ends = true;
    return makeRfe(f['n']!, (f['P']! << 1) | f['U']!, f['W'] === 1);
  },

  DSB: () => nopOp,
  DMB: () => nopOp,
  ISB(_f, x) {
    x.ends = true;
    return nopOp;
  },

  // SVC<c> #<imm24>
  SVC(f, x) {
    x.ends = true;
    if (x.opts.semihosting && f['i'] === 0x123456) return semihostOp('svc');
    return svcOp;
  },
  // SMC<c> #<imm4>
  SMC(_f, x) {
    x.ends = true;
    return smcOp;
  },
  // BKPT #<imm16>
  BKPT(_f, x) {
    x.ends = true;
    return bkptOp;
  },
  // HLT #<imm16>: only the semihosting form exists here (QEMU); otherwise UNDEFINED
  HLT(f, x) {
    if (x.opts.semihosting && f['i'] === 0xf000) {
      x.ends = true;
      return semihostOp('undef');
    }
    return undefOp;
  },
  // UDF #<imm16>
  UDF: () => undefOp,

  // Coprocessor register transfers
  MCR(f, x) {
    x.ends = true; // may change SCTLR, VBAR, the TLB...
    return makeMcr(f['p']!, f['o']!, f['N']!, f['M']!, f['q']!, f['t']!);
  },
  MRC(f) {
    return makeMrc(f['p']!, f['o']!, f['N']!, f['M']!, f['q']!, f['t']!);
  },
  MCRR(f, x) {
    x.ends = true;
    return makeMcrr(f['p']!, f['o']!, f['M']!, f['t']!, f['u']!);
  },
  MRRC(f) {
    return makeMrrc(f['p']!, f['o']!, f['M']!, f['t']!, f['u']!);
  },
  // CDP, LDC, STC: QEMU implements none of them outside VFP/Neon: UNDEFINED (and conditional, as
  // QEMU checks the condition before it raises the exception).
  CDP: () => undefOp,
  LDC: () => undefOp,
  STC: () => undefOp,
};
