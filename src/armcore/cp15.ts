// CP15, the system control coprocessor, as QEMU 7.2 presents it for a Cortex-A9 on vexpress-a9
// (no LPAE): the registers the core needs, the identification registers, the translation
// registers with ATS1C*/PAR. Not here yet (system issue): the PMU and, if armada follows QEMU's
// default secure=on, the Security Extensions registers (SCR, NSACR, MVBAR; QEMU reads SCR as 0).
//
// A register unknown here, or accessed from User mode when it is privileged-only, is UNDEFINED
// (mrc returns undefined, mcr returns false), as QEMU does.
//
// The translation registers (TTBR0/1, TTBCR, DACR, CONTEXTIDR, FCSEIDR) live in the Cpu, which
// walks the tables with them (cpu.mmu, src/armcore/mmu.ts). TLB flushes follow QEMU 7.2 (checked
// with firmware/mmu on qemu-system-arm): SCTLR, DACR, FCSEIDR writes and CONTEXTIDR writes that
// change the value flush everything; TTBR0/TTBR1/TTBCR writes do not (stale translations stay
// until TLB maintenance); every TLBI form flushes everything (a superset of QEMU's per-page flush,
// which itself falls back to a full flush for section mappings).

import { type Coprocessor, type Cpu, Mode, DABORT } from './cpu.js';

/** Main ID register of QEMU's cortex-a9 (r0p0). */
export const A9_MIDR = 0x410fc090;
/** Cache type register as QEMU 7.2's cortex-a9 reads it (checked on qemu-system-arm 7.2). */
export const A9_CTR = 0x80038003 | 0;
/** MPIDR of CPU 0: multiprocessing-extensions format (bit 31), cluster 0, CPU 0. */
export const A9_MPIDR = 0x80000000 | 0;
/** Configuration base address (private peripherals) on vexpress-a9. */
export const VEXPRESS_A9_CBAR = 0x1e000000;

/** CPACR bits a Cortex-A9 with VFPv3-D32 and NEON implements: ASEDIS, D32DIS, cp11, cp10. */
const CPACR_MASK = 0xc0f00000 | 0;

const key = (opc1: number, crn: number, crm: number, opc2: number) =>
  (crn << 10) | (opc1 << 7) | (crm << 3) | opc2;

// Register keys.
const MIDR = key(0, 0, 0, 0), CTR = key(0, 0, 0, 1), TCMTR = key(0, 0, 0, 2), TLBTR = key(0, 0, 0, 3);
const MPIDR = key(0, 0, 0, 5);
// QEMU answers MIDR for the otherwise unused opc2 values 4, 6 and 7 of c0, c0 (checked on 7.2).
const MIDR_4 = key(0, 0, 0, 4), MIDR_6 = key(0, 0, 0, 6), MIDR_7 = key(0, 0, 0, 7);
const SCTLR = key(0, 1, 0, 0), ACTLR = key(0, 1, 0, 1), CPACR = key(0, 1, 0, 2);
const DFSR = key(0, 5, 0, 0), IFSR = key(0, 5, 0, 1), ADFSR = key(0, 5, 1, 0), AIFSR = key(0, 5, 1, 1);
const DFAR = key(0, 6, 0, 0), IFAR = key(0, 6, 0, 2);
const VBAR = key(0, 12, 0, 0);
const FCSEIDR = key(0, 13, 0, 0), CONTEXTIDR = key(0, 13, 0, 1);
const TPIDRURW = key(0, 13, 0, 2), TPIDRURO = key(0, 13, 0, 3), TPIDRPRW = key(0, 13, 0, 4);
const A9_PWRCTL = key(0, 15, 0, 0), A9_DIAG = key(0, 15, 0, 1), A9_PWRDIAG = key(0, 15, 0, 2);
const A9_NEONBUSY = key(0, 15, 1, 0), CBAR = key(4, 15, 0, 0);

// Identification registers: values read from qemu-system-arm 7.2 -M vexpress-a9 (default machine
// options: ID_PFR1 reports the Security Extensions, see the report on secure=on).
const ID_REGS = new Map<number, number>([
  [key(0, 0, 1, 0), 0x00001031], // ID_PFR0
  [key(0, 0, 1, 1), 0x00000011], // ID_PFR1
  [key(0, 0, 1, 2), 0x00000000], // ID_DFR0
  [key(0, 0, 1, 3), 0x00000000], // ID_AFR0
  [key(0, 0, 1, 4), 0x00100103], // ID_MMFR0
  [key(0, 0, 1, 5), 0x20000000], // ID_MMFR1
  [key(0, 0, 1, 6), 0x01230000], // ID_MMFR2
  [key(0, 0, 1, 7), 0x00002111], // ID_MMFR3
  [key(0, 0, 2, 0), 0x00101111], // ID_ISAR0
  [key(0, 0, 2, 1), 0x13112111], // ID_ISAR1
  [key(0, 0, 2, 2), 0x21232041], // ID_ISAR2
  [key(0, 0, 2, 3), 0x11112131], // ID_ISAR3
  [key(0, 0, 2, 4), 0x00111142], // ID_ISAR4
  [key(0, 0, 2, 5), 0x00000000], // ID_ISAR5
  [key(0, 0, 2, 6), 0x00000000], // reserved, RAZ
  [key(0, 0, 2, 7), 0x00000000], // reserved, RAZ
  [key(1, 0, 0, 1), 0x09000003], // CLIDR
  [key(1, 0, 0, 7), 0x00000000], // AIDR
]);
const CCSIDR = key(1, 0, 0, 0), CSSELR = key(2, 0, 0, 0);
/** CCSIDR by CSSELR (Level:InD): L1 data, L1 instruction; nothing else. */
const A9_CCSIDR = [0xe00fe019 | 0, 0x200fe019];

// Translation-table registers and the address-translation operations.
const TTBR0 = key(0, 2, 0, 0), TTBR1 = key(0, 2, 0, 1), TTBCR = key(0, 2, 0, 2), DACR = key(0, 3, 0, 0);
const PRRR = key(0, 10, 2, 0), NMRR = key(0, 10, 2, 1);
const PAR = key(0, 7, 4, 0);
const ATS1CPR = key(0, 7, 8, 0), ATS1CPW = key(0, 7, 8, 1), ATS1CUR = key(0, 7, 8, 2), ATS1CUW = key(0, 7, 8, 3);

// c7: barriers (PL0), cache and branch-predictor maintenance (PL1): accepted, no effect.
const CP15ISB = key(0, 7, 5, 4), CP15DSB = key(0, 7, 10, 4), CP15DMB = key(0, 7, 10, 5);
const C7_NOPS_PL1 = new Set([
  key(0, 7, 1, 0),  // ICIALLUIS
  key(0, 7, 1, 6),  // BPIALLIS
  key(0, 7, 5, 0),  // ICIALLU
  key(0, 7, 5, 1),  // ICIMVAU
  key(0, 7, 5, 6),  // BPIALL
  key(0, 7, 5, 7),  // BPIMVA
  key(0, 7, 6, 1),  // DCIMVAC
  key(0, 7, 6, 2),  // DCISW
  key(0, 7, 10, 1), // DCCMVAC
  key(0, 7, 10, 2), // DCCSW
  key(0, 7, 11, 1), // DCCMVAU
  key(0, 7, 14, 1), // DCCIMVAC
  key(0, 7, 14, 2), // DCCISW
]);
// c8: TLB maintenance (PL1): every form flushes the whole software TLB.
const C8_TLB = new Set([
  key(0, 8, 3, 0), key(0, 8, 3, 1), key(0, 8, 3, 2), key(0, 8, 3, 3),  // TLBI*IS
  key(0, 8, 5, 0), key(0, 8, 5, 1), key(0, 8, 5, 2),                   // ITLBIALL, ITLBIMVA, ITLBIASID
  key(0, 8, 6, 0), key(0, 8, 6, 1), key(0, 8, 6, 2),                   // DTLBIALL, DTLBIMVA, DTLBIASID
  key(0, 8, 7, 0), key(0, 8, 7, 1), key(0, 8, 7, 2), key(0, 8, 7, 3),  // TLBIALL, TLBIMVA, TLBIASID, TLBIMVAA
]);

export class Cp15 implements Coprocessor {
  cpacr = 0;
  par = 0;
  tpidrurw = 0;
  tpidruro = 0;
  tpidrprw = 0;
  pwrctl = 0;
  diag = 0;
  pwrdiag = 0;
  cbar = VEXPRESS_A9_CBAR;
  csselr = 0;
  prrr = 0;
  nmrr = 0;

  reset(cpu?: Cpu): void {
    this.cpacr = 0; this.par = 0;
    this.tpidrurw = 0; this.tpidruro = 0; this.tpidrprw = 0; this.pwrctl = 0; this.diag = 0; this.pwrdiag = 0;
    this.csselr = 0; this.prrr = 0; this.nmrr = 0;
    if (cpu) {
      cpu.ttbr0 = 0; cpu.ttbr1 = 0; cpu.ttbcr = 0; cpu.dacr = 0; cpu.contextidr = 0; cpu.fcseidr = 0;
      cpu.flushTlb();
    }
  }

  /** ATS1C{P,U}{R,W}: translate va, PAR = the result; a walk external abort is a Data Abort. */
  private ats(cpu: Cpu, va: number, write: boolean, user: boolean): void {
    const mmu = cpu.mmu;
    const par = mmu.ats(va, write, user);
    if (mmu.res.walkAbort) {
      cpu.dfsr = mmu.res.fsr; // QEMU: no WnR, even for the write forms
      cpu.dfar = va | 0;
      throw DABORT;
    }
    this.par = par | 0;
  }

  mrc(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number): number | undefined {
    const k = key(opc1, crn, crm, opc2);
    // User-accessible registers first.
    if (k === TPIDRURW) return this.tpidrurw;
    if (k === TPIDRURO) return this.tpidruro;
    if (cpu.mode === Mode.USR) return undefined;
    switch (k) {
      case MIDR: case MIDR_4: case MIDR_6: case MIDR_7: return A9_MIDR;
      case CTR: return A9_CTR;
      case TCMTR: case TLBTR: return 0;
      case MPIDR: return A9_MPIDR;
      case SCTLR: return cpu.sctlr | 0;
      case ACTLR: return 0;
      case CPACR: return this.cpacr;
      case DFSR: return cpu.dfsr | 0;
      case IFSR: return cpu.ifsr | 0;
      case ADFSR: case AIFSR: return 0;
      case DFAR: return cpu.dfar | 0;
      case IFAR: return cpu.ifar | 0;
      case VBAR: return cpu.vbar | 0;
      case FCSEIDR: return cpu.fcseidr;
      case CONTEXTIDR: return cpu.contextidr;
      case PAR: return this.par;
      case TPIDRPRW: return this.tpidrprw;
      case A9_PWRCTL: return this.pwrctl;
      case A9_DIAG: return this.diag;
      case A9_PWRDIAG: return this.pwrdiag;
      case A9_NEONBUSY: return 0;
      case CBAR: return this.cbar;
      case CSSELR: return this.csselr;
      case CCSIDR: return A9_CCSIDR[this.csselr] ?? 0;
      case TTBR0: return cpu.ttbr0;
      case TTBR1: return cpu.ttbr1;
      case TTBCR: return cpu.ttbcr;
      case DACR: return cpu.dacr;
      case PRRR: return this.prrr;
      case NMRR: return this.nmrr;
      default: return ID_REGS.get(k);
    }
  }

  mcr(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number, value: number): boolean {
    const k = key(opc1, crn, crm, opc2);
    if (k === TPIDRURW) { this.tpidrurw = value | 0; return true; }
    if (k === CP15ISB || k === CP15DSB || k === CP15DMB) return true;
    if (cpu.mode === Mode.USR) return false;
    switch (k) {
      case SCTLR:
        // QEMU stores the value as written and flushes the TLB when it changes.
        if ((cpu.sctlr | 0) !== (value | 0)) { cpu.sctlr = value >>> 0; cpu.flushTlb(); }
        return true;
      case ACTLR: return true; // QEMU: constant, writes ignored
      case CPACR: this.cpacr = value & CPACR_MASK; return true;
      case DFSR: cpu.dfsr = value | 0; return true;
      case IFSR: cpu.ifsr = value | 0; return true;
      case ADFSR: case AIFSR: return true;
      case DFAR: cpu.dfar = value | 0; return true;
      case IFAR: cpu.ifar = value | 0; return true;
      case VBAR: cpu.vbar = (value & ~0x1f) >>> 0; return true;
      case FCSEIDR:
        if (cpu.fcseidr !== (value | 0)) { cpu.fcseidr = value | 0; cpu.flushTlb(); }
        return true;
      case CONTEXTIDR:
        // QEMU's TLB is not tagged with the ASID: a change flushes everything, global entries too.
        if (cpu.contextidr !== (value | 0)) { cpu.contextidr = value | 0; cpu.flushTlb(); }
        return true;
      case PAR: this.par = value | 0; return true;
      case ATS1CPR: this.ats(cpu, value, false, false); return true;
      case ATS1CPW: this.ats(cpu, value, true, false); return true;
      case ATS1CUR: this.ats(cpu, value, false, true); return true;
      case ATS1CUW: this.ats(cpu, value, true, true); return true;
      case TPIDRURO: this.tpidruro = value | 0; return true;
      case TPIDRPRW: this.tpidrprw = value | 0; return true;
      case A9_PWRCTL: this.pwrctl = value | 0; return true;
      case A9_DIAG: this.diag = value | 0; return true;
      case A9_PWRDIAG: this.pwrdiag = value | 0; return true;
      case A9_NEONBUSY: return true;
      case CSSELR: this.csselr = value & 0xf; return true;
      // QEMU (no LPAE): TTBR0/TTBR1/TTBCR writes do not flush the TLB.
      case TTBR0: cpu.ttbr0 = value | 0; return true;
      case TTBR1: cpu.ttbr1 = value | 0; return true;
      case TTBCR: cpu.ttbcr = value & 0x37; return true;
      case DACR: cpu.dacr = value | 0; cpu.flushTlb(); return true;
      case PRRR: this.prrr = value | 0; return true;
      case NMRR: this.nmrr = value | 0; return true;
      default:
        if (C7_NOPS_PL1.has(k)) return true;
        if (C8_TLB.has(k)) { cpu.flushTlb(); return true; }
        return false;
    }
  }
}

/** Create CP15 and attach it to the CPU as coprocessor 15. */
export function installCp15(cpu: Cpu): Cp15 {
  const cp = new Cp15();
  cpu.cp[15] = cp;
  return cp;
}
