// CP14, the debug coprocessor, as far as QEMU 7.2's Cortex-A9 shows it to software that probes it:
// the identification and ROM-table address registers. Linux reads DBGDIDR at boot
// (hw_breakpoint's get_debug_arch) and gives up on hardware breakpoints when the version field
// says memory-mapped v7 debug (4), as it does on QEMU ("debug architecture 0x4 unsupported").
// Values checked on qemu-system-arm 7.2 -M vexpress-a9 with MRC from SVC mode.
// Also the ThumbEE registers (opc1 6), which QEMU's Cortex-A9 has and Linux saves and restores on
// every context switch (thumbee_notifier): TEECR (PL1 only; bit 0 XED, the rest reads as zero) and
// TEEHBR (PL0 too, unless TEECR.XED is set).
// Breakpoint/watchpoint and OS lock registers are not modelled: they stay UNDEFINED.

import type { Coprocessor, Cpu } from './cpu.js';
import { Mode } from './cpu.js';

/** DBGDIDR of QEMU's cortex-a9: 6 breakpoints, 2 watchpoints, 2 context comparators, debug v7 memory-mapped. */
export const A9_DBGDIDR = 0x35141000;

const key = (opc1: number, crn: number, crm: number, opc2: number) => (opc1 << 12) | (crn << 8) | (crm << 4) | opc2;

/** Read-only registers readable from PL0 (the ARM ARM's DBGDIDR/DBGDRAR/DBGDSAR), then PL1-only. */
const PL0_READ = new Map<number, number>([
  [key(0, 0, 0, 0), A9_DBGDIDR], // DBGDIDR
  [key(0, 1, 0, 0), 0],          // DBGDRAR: no ROM table address
  [key(0, 2, 0, 0), 0],          // DBGDSAR: no debug self address offset
]);
const PL1_READ = new Map<number, number>([
  [key(0, 0, 1, 0), 0],          // DBGDSCRint: debug not enabled
]);

const TEECR = key(6, 0, 0, 0), TEEHBR = key(6, 1, 0, 0);

export class Cp14 implements Coprocessor {
  /** ThumbEE configuration: bit 0 XED (user access to TEEHBR disabled). */
  teecr = 0;
  /** ThumbEE handler base. */
  teehbr = 0;

  mrc(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number): number | undefined {
    const k = key(opc1, crn, crm, opc2);
    const user = cpu.mode === Mode.USR;
    if (k === TEECR) return user ? undefined : this.teecr;
    if (k === TEEHBR) return user && (this.teecr & 1) ? undefined : this.teehbr;
    const v = PL0_READ.get(k);
    if (v !== undefined) return v;
    if (!user) return PL1_READ.get(k);
    return undefined;
  }

  mcr(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number, value: number): boolean {
    const k = key(opc1, crn, crm, opc2);
    const user = cpu.mode === Mode.USR;
    if (k === TEECR && !user) { this.teecr = value & 1; return true; }
    if (k === TEEHBR && !(user && (this.teecr & 1))) { this.teehbr = value >>> 0; return true; }
    return false;
  }
}

/** Create CP14 and attach it to the CPU as coprocessor 14. */
export function installCp14(cpu: Cpu): Cp14 {
  const cp = new Cp14();
  cpu.cp[14] = cp;
  return cp;
}
