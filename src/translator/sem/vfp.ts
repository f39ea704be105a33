// Shared semantics of the VFP group: run-time access control, FP register numbering, and the
// VFP system registers. Used by the A32 and T32 VFP handlers (the encodings are the same).
//
// Access control (checked when the op runs, since CPACR and FPEXC change without a new block):
// - CPACR.cp10 (bits 21:20) decides, as QEMU for an ARMv7 core: 0 or 2 = no access, 1 = privileged
//   modes only, 3 = full access (cp11 is not consulted, as QEMU).
// - FPEXC.EN = 0 makes every VFP instruction UNDEFINED except VMRS/VMSR of FPSID, FPEXC, MVFR0 and
//   MVFR1 from a privileged mode (those registers are privileged-only in VFPv3).
// - FPSCR.LEN/STRIDE: QEMU's cortex-a9 has short vectors (MVFR0.FPShVec = 1), so the
//   vector-capable data-processing instructions (VADD ... VDIV, VMLA family, VMOV imm/reg, VABS,
//   VNEG, VSQRT) run as short vectors when LEN > 0 and Vd is not in bank 0 (S0-S7 / D0-D3), as
//   QEMU: Vd and Vn step by STRIDE+1 (doubles: STRIDE/2+1) within their bank of 8 (4), Vm too
//   unless it is in bank 0 (mixed scalar/vector). The ops take a slow loop in that case only.

import { type Cpu, Mode, UNDEF } from '../../armcore/cpu.js';
import { A9_FPSID, A9_MVFR0, A9_MVFR1, FPEXC_EN } from '../../armcore/vfp.js';
import type { Fields } from '../../armcore/encoding.js';

interface HasCpacr { cpacr: number }

/** CPACR.cp10 grants access in the current mode (no CP15 attached: no access). */
export function cpAccess(c: Cpu): boolean {
  const cp = c.cp[15] as unknown as HasCpacr | undefined;
  const a = cp === undefined ? 0 : (cp.cpacr >>> 20) & 3;
  return a === 3 || (a === 1 && c.mode !== Mode.USR);
}

/** Every VFP instruction: CPACR and FPEXC.EN. */
export function fpCheck(c: Cpu): void {
  if ((c.fp.fpexc & FPEXC_EN) === 0 || !cpAccess(c)) throw UNDEF;
}

/** Vector-capable data processing: the access check; true when the op must run as a short vector. */
export function fpCheckVec(c: Cpu, d: number, bankMask: number): boolean {
  if ((c.fp.fpexc & FPEXC_EN) === 0 || !cpAccess(c)) throw UNDEF;
  return (c.fp.lenStride & 7) !== 0 && (d & bankMask) !== 0;
}

/** One element operation of a short vector: d, n, m are S numbers or D numbers. */
export type VecElem = (c: Cpu, d: number, n: number, m: number) => void;

/** Run a short-vector single-precision (dbl false) or double-precision operation, as QEMU. */
export function runVector(c: Cpu, dbl: boolean, d: number, n: number, m: number, el: VecElem): void {
  let len = c.fp.lenStride & 7;
  const st = (c.fp.lenStride >>> 4) & 3;
  const step = dbl ? (st >> 1) + 1 : st + 1;
  const mask = dbl ? 3 : 7, bank = dbl ? 0xc : 0x18;
  const dm = (m & bank) !== 0 ? step : 0;
  for (;;) {
    el(c, d, n, m);
    if (len-- === 0) break;
    d = ((d + step) & mask) | (d & ~mask);
    n = ((n + step) & mask) | (n & ~mask);
    m = ((m + dm) & mask) | (m & ~mask);
  }
}

/** Single register number Vx:X. */
export function sReg(f: Fields, v: string, b: string): number { return (f[v]! << 1) | f[b]!; }
/** Double register number X:Vx. */
export function dReg(f: Fields, v: string, b: string): number { return (f[b]! << 4) | f[v]!; }

// VMRS/VMSR register numbers (the 'reg' field).
export const FPSID = 0, FPSCR = 1, MVFR1 = 6, MVFR0 = 7, FPEXC = 8;

/** Access check for VMRS/VMSR of a system register; UNDEF as QEMU 7.2 (user mode, FPINST, ...). */
export function sysCheck(c: Cpu, reg: number): void {
  if (reg === FPSCR) { fpCheck(c); return; }
  // FPSID, MVFR0/1, FPEXC: privileged only in VFPv3, allowed with FPEXC.EN = 0
  if (c.mode === Mode.USR || !cpAccess(c)) throw UNDEF;
}

export function readSys(c: Cpu, reg: number): number {
  switch (reg) {
    case FPSID: return A9_FPSID;
    case FPSCR: return c.fp.getFPSCR();
    case MVFR1: return A9_MVFR1;
    case MVFR0: return A9_MVFR0;
    default: return c.fp.fpexc;
  }
}

export function writeSys(c: Cpu, reg: number, v: number): void {
  if (reg === FPSCR) c.fp.setFPSCR(v);
  else if (reg === FPEXC) c.fp.fpexc = v & FPEXC_EN;
  // FPSID, MVFR0, MVFR1: writes ignored
}

/** Register numbers VMRS/VMSR accept on this CPU. */
export function sysRegValid(reg: number): boolean {
  return reg === FPSID || reg === FPSCR || reg === MVFR1 || reg === MVFR0 || reg === FPEXC;
}
