// Semantics shared by the branch / system / control handlers of the three instruction sets:
// PSR writes by MSR and CPS, exception return, SRS/RFE, coprocessor dispatch, semihosting traps.
// Behaviour follows QEMU 7.2 on a Cortex-A9 in the Secure state (Monitor mode and SMC exist; no
// Virtualization Extensions).

import { type Cpu, Mode, bankOf, UNDEF, SVC, SMC, FSR_DEBUG } from '../../armcore/cpu.js';
import type { Op } from '../types.js';

// PSR bit groups.
export const PSR_N = 1 << 31;
export const PSR_NZCV = 0xf0000000 | 0;
export const PSR_Q = 1 << 27;
export const PSR_IT = 0x0600fc00;
export const PSR_J = 1 << 24;
export const PSR_IL = 1 << 20;
export const PSR_GE = 0x000f0000;
export const PSR_E = 1 << 9;
export const PSR_A = 1 << 8;
export const PSR_I = 1 << 7;
export const PSR_F = 1 << 6;
export const PSR_T = 1 << 5;
export const PSR_M = 0x1f;

/** Bits a PSR write may touch at all on this CPU (QEMU's aarch32_cpsr_valid_mask for a Cortex-A9). */
export const PSR_VALID = (PSR_NZCV | PSR_Q | PSR_IT | PSR_J | PSR_IL | PSR_GE | PSR_E | PSR_A | PSR_I | PSR_F |
  PSR_T | PSR_M) >>> 0;
/** Execution-state bits: MSR to the CPSR never writes them, MRS of the CPSR reads them as zero. */
export const PSR_EXEC = (PSR_T | PSR_IT | PSR_J | PSR_IL) >>> 0;
/** CPSR bits an MSR executed in User mode may write (APSR, plus E as ARMv7 allows). */
export const PSR_USER = (PSR_NZCV | PSR_Q | PSR_GE | PSR_E) >>> 0;

/** The byte mask of an MSR field mask <c x s f> (bit 0 = c ... bit 3 = f), limited to valid bits. */
export function msrMask(fields: number, spsr: boolean): number {
  let m = 0;
  if (fields & 1) m |= 0x000000ff;
  if (fields & 2) m |= 0x0000ff00;
  if (fields & 4) m |= 0x00ff0000;
  if (fields & 8) m |= 0xff000000;
  m &= PSR_VALID;
  if (!spsr) m &= ~PSR_EXEC;
  return m >>> 0;
}

/** CPSR as MRS reads it. */
export function mrsCpsr(c: Cpu): number {
  return (c.cpsr & ~PSR_EXEC) | 0;
}

/**
 * CPSRWriteByInstr: write the bits of `mask` (already limited by privilege) from value. A change to
 * a mode this CPU does not have (Hyp, reserved) leaves the mode alone but still writes the
 * other fields, as QEMU does.
 */
export function cpsrWrite(c: Cpu, value: number, mask: number): void {
  const nv = ((c.cpsr & ~mask) | (value & mask)) >>> 0;
  if (mask & PSR_M) {
    const m = nv & PSR_M;
    if (m !== c.mode && bankOf(m) >= 0) c.switchMode(m);
  }
  if (mask & 0xff000000) {
    c.n = nv >>> 31; c.z = (nv >>> 30) & 1; c.c = (nv >>> 29) & 1; c.v = (nv >>> 28) & 1; c.q = (nv >>> 27) & 1;
    c.it = (c.it & ~3) | ((nv >>> 25) & 3);
    c.j = (nv >>> 24) & 1;
  }
  if (mask & 0x00ff0000) c.ge = (nv >>> 16) & 0xf;
  if (mask & 0x0000ff00) {
    c.it = (c.it & 3) | (((nv >>> 10) & 0x3f) << 2);
    c.setE((nv >>> 9) & 1);
    c.a = (nv >>> 8) & 1;
  }
  if (mask & 0x000000ff) {
    c.i = (nv >>> 7) & 1; c.f = (nv >>> 6) & 1; c.t = (nv >>> 5) & 1;
  }
}

/** The SPSR of the current mode as QEMU keeps it (System mode has a slot too; User mode UNDEFs). */
export function readSpsr(c: Cpu): number {
  if (c.mode === Mode.USR) throw UNDEF;
  return c.spsrBank[bankOf(c.mode)]! | 0;
}

export function writeSpsr(c: Cpu, value: number, mask: number): void {
  if (c.mode === Mode.USR) throw UNDEF;
  const b = bankOf(c.mode);
  c.spsrBank[b] = (c.spsrBank[b]! & ~mask) | (value & mask);
}

/**
 * Exception return (RFE, SUBS PC, LR and the other ALU forms, LDM with ^ and PC): the whole CPSR
 * from `psr`, then the PC aligned for the instruction set the new CPSR selects.
 */
export function exceptionReturn(c: Cpu, pc: number, psr: number): void {
  c.setCpsr(psr >>> 0);
  c.pc = c.t ? (pc & ~1) >>> 0 : (pc & ~3) >>> 0;
}

/** SUBS PC, LR, #imm and friends: PC = value, CPSR = SPSR. UNDEF in User mode (QEMU's choice). */
export function aluExceptionReturn(c: Cpu, value: number): void {
  if (c.mode === Mode.USR) throw UNDEF;
  exceptionReturn(c, value, c.spsrBank[bankOf(c.mode)]!);
}

/** SRS offsets by addressing mode (0 DA, 1 IA, 2 DB, 3 IB): first address and writeback amount. */
const SRS_START = [-4, 0, -8, 4];
const SRS_WB = [-8, 8, -8, 8];

/** SRS<mode> sp{!}: store LR and SPSR of the current mode on the stack of `mode`. */
export function makeSrs(mode: number, pu: number, wback: boolean): Op {
  const start = SRS_START[pu]!, wb = SRS_WB[pu]!;
  const target = bankOf(mode);
  // QEMU: UNDEF from User mode, from System mode, and for a mode the CPU does not have.
  if (target < 0) return undefOp;
  return c => {
    const cur = c.mode;
    if (cur === Mode.USR || cur === Mode.SYS) throw UNDEF;
    const same = bankOf(cur) === target;
    const sp = same ? c.r[13]! : c.bankR13[target]!;
    const addr = (sp + start) >>> 0;
    c.checkAlign(addr, 4, true);
    const lr = c.r[14]!, spsr = c.spsrBank[bankOf(cur)]!;
    c.st32(addr, lr);
    c.st32((addr + 4) >>> 0, spsr);
    if (wback) {
      const nsp = (sp + wb) | 0;
      if (same) c.r[13] = nsp; else c.bankR13[target] = nsp;
    }
  };
}

/** RFE{DA,IA,DB,IB} Rn{!}: load PC and CPSR, then exception return. UNDEF in User mode. */
export function makeRfe(n: number, pu: number, wback: boolean): Op {
  const start = SRS_START[pu]!, wb = SRS_WB[pu]!;
  return c => {
    if (c.mode === Mode.USR) throw UNDEF;
    const base = c.r[n]!;
    const addr = (base + start) >>> 0;
    c.checkAlign(addr, 4, false);
    const pc = c.ld32(addr);
    const psr = c.ld32((addr + 4) >>> 0);
    if (wback) c.r[n] = (base + wb) | 0;
    exceptionReturn(c, pc, psr);
  };
}

export const undefOp: Op = () => { throw UNDEF; };
export const nopOp: Op = () => {};

/** BKPT: QEMU raises a debug event as a prefetch abort, IFSR = debug (short format), IFAR = 0. */
export const bkptOp: Op = c => c.prefetchAbort(0, FSR_DEBUG);

export const svcOp: Op = () => { throw SVC; };
/** SMC: the Secure Monitor Call exception; UNDEFINED in User mode (QEMU 7.2). */
export const smcOp: Op = c => { if (c.mode === Mode.USR) throw UNDEF; throw SMC; };

/**
 * A semihosting call (SVC 0x123456 / 0xAB, HLT 0xF000 / 0x3C): QEMU 7.2 treats it as one only
 * outside User mode (semihosting userspace=off); in User mode it is `fallback`.
 */
export function semihostOp(fallback: 'svc' | 'undef'): Op {
  const trap = fallback === 'svc' ? SVC : UNDEF;
  return c => {
    const h = c.host.semihosting;
    if (c.mode === Mode.USR || h === undefined) throw trap;
    h.call(c.host, c);
  };
}

/** CPS: interrupt-mask changes (imod 10 enable, 11 disable) and an optional mode change. */
export function makeCps(imod: number, a: number, i: number, f: number, changeMode: boolean, mode: number): Op {
  let mask = 0, val = 0;
  if (imod & 2) {
    if (a) mask |= PSR_A;
    if (i) mask |= PSR_I;
    if (f) mask |= PSR_F;
    if (imod & 1) val |= mask;
  }
  if (changeMode) { mask |= PSR_M; val |= mode; }
  if (mask === 0) return nopOp;
  return c => { if (c.mode !== Mode.USR) cpsrWrite(c, val, mask); };
}

/** MSR CPSR_<fields>, <value op>: the mask limited to User-mode bits at run time. */
export function makeMsrCpsrImm(fields: number, imm: number): Op {
  const pm = msrMask(fields, false), um = (pm & PSR_USER) >>> 0;
  return c => cpsrWrite(c, imm, c.mode === Mode.USR ? um : pm);
}
export function makeMsrCpsrReg(fields: number, n: number): Op {
  const pm = msrMask(fields, false), um = (pm & PSR_USER) >>> 0;
  return c => cpsrWrite(c, c.r[n]!, c.mode === Mode.USR ? um : pm);
}
export function makeMsrSpsrImm(fields: number, imm: number): Op {
  const m = msrMask(fields, true);
  return c => writeSpsr(c, imm, m);
}
export function makeMsrSpsrReg(fields: number, n: number): Op {
  const m = msrMask(fields, true);
  return c => writeSpsr(c, c.r[n]!, m);
}
/** True when an MSR CPSR with these fields may change mode, masks, E or anything else a block depends on. */
export function msrEndsBlock(fields: number): boolean {
  return (fields & 3) !== 0;
}

// ------------------------------------------------------------------ coprocessors

/** Coprocessors whose whole space is UNDEFINED here: 8, 9, 12, 13 (QEMU v7) and 10, 11 until VFP. */
export function cpAlwaysUndef(cp: number): boolean {
  return cp >= 8 && cp <= 13;
}

export function makeMrc(cp: number, opc1: number, crn: number, crm: number, opc2: number, t: number): Op {
  if (cpAlwaysUndef(cp)) return undefOp;
  if (t === 15) {
    return c => {
      const co = c.cp[cp];
      const v = co === undefined ? undefined : co.mrc(c, opc1, crn, crm, opc2);
      if (v === undefined) throw UNDEF;
      c.n = (v >>> 31) & 1; c.z = (v >>> 30) & 1; c.c = (v >>> 29) & 1; c.v = (v >>> 28) & 1;
    };
  }
  return c => {
    const co = c.cp[cp];
    const v = co === undefined ? undefined : co.mrc(c, opc1, crn, crm, opc2);
    if (v === undefined) throw UNDEF;
    c.r[t] = v;
  };
}

export function makeMcr(cp: number, opc1: number, crn: number, crm: number, opc2: number, t: number): Op {
  if (cpAlwaysUndef(cp)) return undefOp;
  return c => {
    const co = c.cp[cp];
    if (co === undefined || !co.mcr(c, opc1, crn, crm, opc2, c.r[t]! | 0)) throw UNDEF;
  };
}

export function makeMrrc(cp: number, opc1: number, crm: number, t: number, t2: number): Op {
  if (cpAlwaysUndef(cp)) return undefOp;
  return c => {
    const co = c.cp[cp];
    const v = co === undefined || co.mrrc === undefined ? undefined : co.mrrc(c, opc1, crm);
    if (v === undefined) throw UNDEF;
    c.r[t] = v[0]; c.r[t2] = v[1];
  };
}

export function makeMcrr(cp: number, opc1: number, crm: number, t: number, t2: number): Op {
  if (cpAlwaysUndef(cp)) return undefOp;
  return c => {
    const co = c.cp[cp];
    if (co === undefined || co.mcrr === undefined || !co.mcrr(c, opc1, crm, c.r[t]! | 0, c.r[t2]! | 0)) throw UNDEF;
  };
}

// ------------------------------------------------------------------ branch immediates

/** Sign-extend the low `bits` bits of v. */
export function sext(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

/** T32 B.W / BL / BLX immediate: S:I1:I2:imm10:imm11:'0' with I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S). */
export function t32BranchOffset(s: number, j1: number, j2: number, imm21: number): number {
  const i1 = (~(j1 ^ s)) & 1, i2 = (~(j2 ^ s)) & 1;
  const v = (s << 24) | (i1 << 23) | (i2 << 22) | (imm21 << 1);
  return sext(v, 25);
}

/** T32 B<c>.W: S:J2:J1:imm6:imm11:'0'. */
export function t32CondBranchOffset(s: number, j1: number, j2: number, imm17: number): number {
  const v = (s << 20) | (j2 << 19) | (j1 << 18) | (imm17 << 1);
  return sext(v, 21);
}
