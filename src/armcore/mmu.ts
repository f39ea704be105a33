// ARMv7-A short-descriptor translation table walk (VMSAv7 without LPAE), as QEMU 7.2 performs it
// for the Cortex-A9 of -M vexpress-a9, plus the VA-to-PA operations (ATS1CPR/CPW/CUR/CUW) and the
// PAR value they produce. Every behaviour here was checked against QEMU with the probe program in
// firmware/probes/mmu/ (its output, firmware/probes/mmu/mmu-probe.out, is the source of the expectations in
// test/armcore/mmu.test.ts).
//
// Facts the probe established (QEMU 7.2, vexpress-a9 default options):
// - The CPU has the Security Extensions and runs in the Secure state: SCR reads, TTBCR keeps PD0/PD1
//   (writes are masked to 0x37), and the PAR reports NS (bit 9) only when the descriptor's NS bit is
//   set (section/supersection bit 19, first-level page-table bit 3).
// - SCTLR.XP may be cleared but the walk stays the ARMv6/v7 one (no subpage permissions).
// - First-level type 3 (PXN encoding) is a translation fault: the A9 has no PXN. Bit 2 of a
//   page-table descriptor is ignored.
// - The domain is checked right after the first-level descriptor, before the second-level one is
//   read: a page-table entry in a No access/reserved domain gives a page domain fault (0xB) even if
//   the second-level entry is invalid. Supersections always use domain 0.
// - The FSR always carries the domain in [7:4]: 0 for first-level translation faults and for
//   first-level external aborts, the first-level descriptor's domain for everything after it
//   (including second-level translation faults and second-level external aborts).
// - Manager domains skip every check: no permission, no XN, no access-flag fault.
// - For a client domain: an instruction fetch from an XN region is a permission fault checked
//   before the access flag; then with SCTLR.AFE=1 AP[0]=0 is an access-flag fault (0x3 section,
//   0x6 page) and AP[2:1] is the simplified model; otherwise AP[2:0] as in ARMv7 (AP=000 and 100 no
//   access). Execute is allowed where the access level can read and XN=0.
// - External aborts on the walk: 0xC first level, 0xE second level, ExT (bit 12) clear. A data or
//   instruction access to a physical address where nothing is mapped is NOT an abort on
//   vexpress-a9 (reads 0, writes ignored); only table-walk reads abort.
// - ATS1C*: success PAR = PA[31:12] (supersection: PA[31:24] with bit 1 set) | NS<<9; failure PAR
//   = FS[4]<<5 | FS[3:0]<<1 | 1 (no domain). A walk external abort is not reported in the PAR: the
//   operation takes a Data Abort (DFSR = the FSR without WnR, even for the write forms; DFAR = VA).
//   With the MMU off the PAR is PA[31:12] of the FCSE-modified VA.
// - Supersection extended base address bits (PA[39:32]) take part in the access (PAR drops them);
//   the high physical space is empty on vexpress-a9, so such accesses read 0 and ignore writes.
// - FCSE: with FCSEIDR.PID != 0, a VA below 32 MiB is translated as VA + FCSEIDR[31:25] << 25,
//   also with the MMU off; the fault address reported is the original VA. FCSEIDR reads back all
//   32 bits as written, but only PID takes part.
// - Alignment faults (FSR 0x1, caller's) take priority over translation faults.
// - Wiring (cpu.ts): Cpu implements MmuRegs and walks through `cpu.mmu`; data faults become Data
//   Aborts, fetch faults a Prefetch Abort when the instruction would execute; the software TLB
//   keeps one set per privilege level. test/qemu/mmu.test.ts runs firmware/mmu and this probe on
//   armada and compares with QEMU.
// - QEMU's TLB (what a guest can see of it): not tagged with the ASID; a CONTEXTIDR write that
//   changes the value flushes everything (global entries too), so does a DACR write; a TTBR0 or
//   TTBCR write does NOT (the old translation stays until TLB maintenance).

import { BusError } from './bus.js';

/** The translation registers the walk reads (CP15 and the CPU keep them). */
export interface MmuRegs {
  sctlr: number;
  ttbr0: number;
  ttbr1: number;
  ttbcr: number;
  dacr: number;
  contextidr: number;
  fcseidr: number;
}

/** Kind of access; the values match the permission bit shifts below. */
export const enum Access { Read = 0, Write = 1, Fetch = 2 }

// Permission bits of a successful walk (WalkResult.perms).
export const PERM_PR = 1, PERM_PW = 2, PERM_PX = 4; // privileged read/write/execute
export const PERM_UR = 8, PERM_UW = 16, PERM_UX = 32; // unprivileged read/write/execute

// Short-descriptor fault status values (FSR[10,3:0]).
export const FS_ACCESS_FLAG_SECTION = 0x3;
export const FS_ACCESS_FLAG_PAGE = 0x6;
export const FS_TRANSLATION_SECTION = 0x5;
export const FS_TRANSLATION_PAGE = 0x7;
export const FS_DOMAIN_SECTION = 0x9;
export const FS_DOMAIN_PAGE = 0xb;
export const FS_PERMISSION_SECTION = 0xd;
export const FS_PERMISSION_PAGE = 0xf;
export const FS_EXT_WALK_L1 = 0xc;
export const FS_EXT_WALK_L2 = 0xe;

const SCTLR_M = 1, SCTLR_EE = 1 << 25, SCTLR_AFE = 1 << 29;
const TTBCR_PD0 = 1 << 4, TTBCR_PD1 = 1 << 5;

/**
 * Result of the last walk. On success `fsr` is 0 and the mapping fields are set; on a fault `fsr`
 * holds the short-descriptor FSR (status and domain, no WnR) and `far` the faulting VA.
 */
export class WalkResult {
  /** Physical address of the VA, bits [31:0]. */
  pa = 0;
  /** Physical address bits [39:32] (supersection extended base); nonzero = outside the 32-bit bus. */
  paHi = 0;
  /** log2 of the mapping size: 12 small page, 16 large page, 20 section, 24 supersection. */
  size = 0;
  /** PERM_* bits for both privilege levels. */
  perms = 0;
  /** 1 if the entry is not global (nG): it belongs to `asid`. */
  nG = 0;
  /** CONTEXTIDR.ASID at the time of the walk (meaningful when nG = 1). */
  asid = 0;
  /** Domain of the mapping (0 for supersections). */
  domain = 0;
  /** Descriptor NS bit (the PAR reports it). */
  ns = 0;
  /** The domain is Manager (no permission checks were made). */
  manager = false;
  /** 0 = success, else the FSR value. */
  fsr = 0;
  /** Faulting address (the VA as given, before FCSE). */
  far = 0;
  /** The fault is a synchronous external abort on the table walk (FSR 0xC/0xE). */
  walkAbort = false;
}

/** Reads a 32-bit little-endian word of physical memory; throws BusError if nothing answers. */
export type PhysRead32 = (pa: number) => number;

function bswap32(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** v7 AP[2:0] to read/write permission bits (R=1, W=2) for one privilege level. */
const AP_PRIV = [0, 3, 3, 3, 0, 1, 1, 1];
const AP_USER = [0, 0, 1, 3, 0, 0, 1, 1];
/** Simplified model (SCTLR.AFE=1), indexed by AP[2:1]. */
const SAP_PRIV = [3, 3, 1, 1];
const SAP_USER = [0, 3, 0, 1];

export class Mmu {
  readonly res = new WalkResult();
  /**
   * The translation regime is Secure (QEMU's vexpress-a9 runs in the Secure state): the PAR NS bit
   * then reports the descriptor's NS bit. Set false for a Non-secure regime (NS always 1).
   */
  secure = true;

  constructor(readonly regs: MmuRegs, readonly read32: PhysRead32) {}

  /** Whether translation is on (SCTLR.M). With it off the caller maps VA to PA with `fcse()`. */
  get enabled(): boolean { return (this.regs.sctlr & SCTLR_M) !== 0; }

  /**
   * The FCSE-modified address: VA below 32 MiB plus FCSEIDR.PID << 25. QEMU applies it whether
   * the MMU is on or off (with SCTLR.M=0 and FCSEIDR=0x60000000, VA 0x344 reads PA 0x60000344),
   * so with the MMU off PA = fcse(VA).
   */
  fcse(va: number): number {
    va = va >>> 0;
    return va < 0x02000000 ? (va + (this.regs.fcseidr & 0xfe000000)) >>> 0 : va;
  }

  private fault(va: number, fs: number, domain: number): false {
    const r = this.res;
    r.fsr = fs | (domain << 4);
    r.far = va >>> 0;
    r.walkAbort = fs === FS_EXT_WALK_L1 || fs === FS_EXT_WALK_L2;
    return false;
  }

  /** Read a descriptor in the endianness SCTLR.EE selects (may throw BusError). */
  private desc(pa: number): number {
    const v = this.read32(pa >>> 0);
    return (this.regs.sctlr & SCTLR_EE) ? bswap32(v) >>> 0 : v >>> 0;
  }

  /**
   * Translate `va` for an access of kind `access`, unprivileged if `user`. Assumes the MMU is on
   * (check `enabled` first). Returns true and fills `res` with the mapping, or false with
   * `res.fsr`/`res.far` set: the caller reports a data abort (DFSR = fsr | WnR for writes,
   * DFAR = far) or a prefetch abort (IFSR = fsr, IFAR = far).
   */
  walk(va: number, access: Access, user: boolean): boolean {
    const regs = this.regs, r = this.res;
    va = va >>> 0;
    const mva = va < 0x02000000 ? (va + (regs.fcseidr & 0xfe000000)) >>> 0 : va;

    // First level: TTBR0 or TTBR1 by TTBCR.N, PD0/PD1 disable the walk.
    const ttbcr = regs.ttbcr, n = ttbcr & 7;
    let table: number;
    if (n !== 0 && (mva & ~(0xffffffff >>> n)) !== 0) {
      if (ttbcr & TTBCR_PD1) return this.fault(va, FS_TRANSLATION_SECTION, 0);
      table = regs.ttbr1 & 0xffffc000;
    } else {
      if (ttbcr & TTBCR_PD0) return this.fault(va, FS_TRANSLATION_SECTION, 0);
      table = regs.ttbr0 & ~(0x3fff >>> n);
    }
    let d1: number;
    try {
      d1 = this.desc((table | ((mva >>> 18) & 0x3ffc)) >>> 0);
    } catch (e) {
      if (e instanceof BusError) return this.fault(va, FS_EXT_WALK_L1, 0);
      throw e;
    }
    const type = d1 & 3;
    if (type === 0 || type === 3) return this.fault(va, FS_TRANSLATION_SECTION, 0);
    const supersection = type === 2 && (d1 & (1 << 18)) !== 0;
    const domain = supersection ? 0 : (d1 >>> 5) & 0xf;
    const page = type === 1;
    const dom = (regs.dacr >>> (domain * 2)) & 3;
    if (dom === 0 || dom === 2) return this.fault(va, page ? FS_DOMAIN_PAGE : FS_DOMAIN_SECTION, domain);

    let pa: number, paHi = 0, size: number, ap: number, xn: number, nG: number, ns: number;
    if (!page) {
      if (supersection) {
        pa = ((d1 & 0xff000000) | (mva & 0x00ffffff)) >>> 0;
        paHi = ((d1 >>> 20) & 0xf) | (((d1 >>> 5) & 0xf) << 4);
        size = 24;
      } else {
        pa = ((d1 & 0xfff00000) | (mva & 0x000fffff)) >>> 0;
        size = 20;
      }
      ap = ((d1 >>> 10) & 3) | ((d1 >>> 13) & 4);
      xn = (d1 >>> 4) & 1;
      nG = (d1 >>> 17) & 1;
      ns = (d1 >>> 19) & 1;
    } else {
      ns = (d1 >>> 3) & 1;
      let d2: number;
      try {
        d2 = this.desc(((d1 & 0xfffffc00) | ((mva >>> 10) & 0x3fc)) >>> 0);
      } catch (e) {
        if (e instanceof BusError) return this.fault(va, FS_EXT_WALK_L2, domain);
        throw e;
      }
      const t2 = d2 & 3;
      if (t2 === 0) return this.fault(va, FS_TRANSLATION_PAGE, domain);
      if (t2 === 1) {
        pa = ((d2 & 0xffff0000) | (mva & 0xffff)) >>> 0;
        xn = (d2 >>> 15) & 1;
        size = 16;
      } else {
        pa = ((d2 & 0xfffff000) | (mva & 0xfff)) >>> 0;
        xn = d2 & 1;
        size = 12;
      }
      ap = ((d2 >>> 4) & 3) | ((d2 >>> 7) & 4);
      nG = (d2 >>> 11) & 1;
    }

    let perms: number;
    const manager = dom === 3;
    if (manager) {
      perms = PERM_PR | PERM_PW | PERM_PX | PERM_UR | PERM_UW | PERM_UX;
    } else {
      if (xn && access === Access.Fetch) {
        return this.fault(va, page ? FS_PERMISSION_PAGE : FS_PERMISSION_SECTION, domain);
      }
      let p: number, u: number;
      if (regs.sctlr & SCTLR_AFE) {
        if ((ap & 1) === 0) return this.fault(va, page ? FS_ACCESS_FLAG_PAGE : FS_ACCESS_FLAG_SECTION, domain);
        p = SAP_PRIV[ap >>> 1]!; u = SAP_USER[ap >>> 1]!;
      } else {
        p = AP_PRIV[ap]!; u = AP_USER[ap]!;
      }
      if (!xn) { if (p) p |= 4; if (u) u |= 4; }
      perms = p | (u << 3);
      const need = 1 << (access + (user ? 3 : 0));
      if ((perms & need) === 0) return this.fault(va, page ? FS_PERMISSION_PAGE : FS_PERMISSION_SECTION, domain);
    }

    r.pa = pa; r.paHi = paHi; r.size = size; r.perms = perms;
    r.nG = nG; r.asid = regs.contextidr & 0xff; r.domain = domain; r.ns = ns; r.manager = manager;
    r.fsr = 0; r.far = 0; r.walkAbort = false;
    return true;
  }

  /**
   * ATS1CPR (write=false,user=false), ATS1CPW, ATS1CUR, ATS1CUW: the PAR value QEMU computes.
   * If the walk took an external abort the operation must raise a Data Abort instead: then
   * `res.walkAbort` is true, and the caller sets DFSR = res.fsr (no WnR), DFAR = va and throws;
   * the returned value is meaningless. Otherwise `res.walkAbort` is false.
   */
  ats(va: number, write: boolean, user: boolean): number {
    va = va >>> 0;
    const nsBit = this.secure ? 0 : 0x200;
    if (!this.enabled) {
      this.res.walkAbort = false;
      return ((this.fcse(va) & 0xfffff000) | nsBit) >>> 0;
    }
    if (this.walk(va, write ? Access.Write : Access.Read, user)) {
      const r = this.res;
      const ns = (this.secure ? r.ns << 9 : 0x200);
      if (r.size === 24) return ((r.pa & 0xff000000) | 2 | ns) >>> 0;
      return ((r.pa & 0xfffff000) | ns) >>> 0;
    }
    const fsr = this.res.fsr;
    return (((fsr & 0x400) >>> 5) | ((fsr & 0x1000) >>> 6) | ((fsr & 0xf) << 1) | 1) >>> 0;
  }
}
