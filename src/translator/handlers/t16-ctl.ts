// Handlers for the T16 'ctl' encodings (src/armcore/isa/t16-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';
import { conditional } from '../cond.js';
import { sext, makeCps, undefOp, nopOp, bkptOp, svcOp, semihostOp } from '../sem/ctl.js';

export const T16_CTL_HANDLERS: HandlerTable = {
  // B<c> <label> (the translator applies the condition field)
  B_T1(f, x) {
    // Inside an IT block this is UNPREDICTABLE; QEMU raises UNDEFINED when the IT condition
    // passes (it checks that first), so the IT condition, not the branch's, guards the UNDEF.
    if (x.inIT) { x.unconditional = true; return conditional(x.itCond, undefOp); }
    const target = (x.pcRead + sext(f['i']!, 8) * 2) >>> 0;
    x.ends = true;
    return c => { c.pc = target; };
  },
  // B <label>
  B_T2(f, x) {
    const target = (x.pcRead + sext(f['i']!, 11) * 2) >>> 0;
    x.ends = true;
    return c => { c.pc = target; };
  },
  // BX <Rm>
  BX_T1(f, x) {
    const m = f['m']!;
    x.ends = true;
    return c => c.bxWritePC(c.r[m]!);
  },
  // BLX <Rm>: LR = next instruction | 1
  BLX_reg_T1(f, x) {
    const m = f['m']!, lr = (x.pc + 2) | 1;
    x.ends = true;
    return c => { const t = c.r[m]!; c.r[14] = lr; c.bxWritePC(t); };
  },
  // CBZ <Rn>, <label>
  CBZ(f, x) {
    const n = f['n']!, target = (x.pcRead + f['i']! * 2) >>> 0;
    x.ends = true;
    return c => { if (c.r[n] === 0) c.pc = target; };
  },
  // CBNZ <Rn>, <label>
  CBNZ(f, x) {
    const n = f['n']!, target = (x.pcRead + f['i']! * 2) >>> 0;
    x.ends = true;
    return c => { if (c.r[n] !== 0) c.pc = target; };
  },

  // IT{x{y{z}}} <firstcond>: ITSTATE = firstcond:mask for the instructions that follow. A
  // firstcond of 1111 is UNPREDICTABLE; as QEMU, it then behaves as 1110 (always).
  IT(f, x) {
    x.newIT = ((f['k']! << 4) | f['q']!) & 0xff;
    return nopOp;
  },
  NOP_T1: () => nopOp,
  YIELD_T1: () => nopOp,
  WFE_T1: () => nopOp,
  SEV_T1: () => nopOp,
  HINT_T1: () => nopOp,
  WFI_T1(_f, x) {
    x.ends = true;
    return c => { c.waiting = true; };
  },

  // CPSIE/CPSID <iflags>
  CPS_T1(f, x) {
    x.ends = true;
    return makeCps(f['o']! ? 3 : 2, f['A']!, f['I']!, f['F']!, false, 0);
  },
  SETEND_T1(f, x) {
    const e = f['E']!;
    x.ends = true;
    return c => c.setE(e);
  },

  // SVC #<imm8>
  SVC_T1(f, x) {
    x.ends = true;
    if (x.opts.semihosting && f['i'] === 0xab) return semihostOp('svc');
    return svcOp;
  },
  UDF_T1: () => undefOp,
  BKPT_T1(_f, x) {
    // QEMU executes BKPT inside an IT block whatever the IT condition.
    x.unconditional = true;
    x.ends = true;
    return bkptOp;
  },
  // HLT #<imm6>: the semihosting form only; otherwise UNDEFINED (ARMv7 has no HLT)
  HLT_T1(f, x) {
    if (x.opts.semihosting && f['i'] === 0x3c) {
      x.ends = true;
      return semihostOp('undef');
    }
    return undefOp;
  },
};
