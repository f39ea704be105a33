// ARMv7-A processor state: registers with their mode banks, the CPSR split into fields for fast
// access, exception entry, PC-write rules, and data access through a software TLB.
//
// Conventions every instruction closure relies on:
// - r[0..14] are the current mode's registers, as signed 32-bit values (Int32Array).
// - r[15] is only meaningful as an operand: the translator stores the instruction's PC-read value
//   (address + 8 in A32, + 4 in Thumb) there just before an instruction that reads it.
// - `pc` is the address of the next instruction to run. A block sets it to its fall-through
//   address before running; instructions that branch overwrite it through the *WritePC methods.
// - Flags n z c v q are 0 or 1; ge is 4 bits; it is the 8-bit ITSTATE.
// - Guest exceptions raised inside an instruction are thrown as one of the preallocated GuestTrap
//   values; the run loop catches them at block level and enters the exception with the faulting
//   instruction's address. Nothing else is ever thrown on purpose.

import { Bus, BusError, PAGE_SHIFT, CHUNK_SIZE } from './bus.js';
import { VfpState } from './vfp.js';
import { Mmu, Access, type MmuRegs, PERM_PR, PERM_PW, PERM_UR, PERM_UW } from './mmu.js';

export const enum Mode {
  USR = 0x10, FIQ = 0x11, IRQ = 0x12, SVC = 0x13, MON = 0x16, ABT = 0x17, UND = 0x1b, SYS = 0x1f,
}

/** Bank index per mode (0 = usr/sys), -1 for modes this CPU does not implement. */
export function bankOf(mode: number): number {
  switch (mode) {
    case Mode.USR: case Mode.SYS: return 0;
    case Mode.FIQ: return 1;
    case Mode.IRQ: return 2;
    case Mode.SVC: return 3;
    case Mode.ABT: return 4;
    case Mode.UND: return 5;
    case Mode.MON: return 6;
    default: return -1;
  }
}

export const enum TrapKind { Undefined = 1, Svc, PrefetchAbort, DataAbort, Breakpoint, Smc }

export class GuestTrap {
  constructor(readonly kind: TrapKind, readonly name: string) {}
}
export const UNDEF = new GuestTrap(TrapKind.Undefined, 'undefined instruction');
export const SVC = new GuestTrap(TrapKind.Svc, 'supervisor call');
export const PABORT = new GuestTrap(TrapKind.PrefetchAbort, 'prefetch abort');
export const DABORT = new GuestTrap(TrapKind.DataAbort, 'data abort');
export const SMC = new GuestTrap(TrapKind.Smc, 'secure monitor call');

/** A coprocessor (CP15 now, the debug and VFP coprocessors later). undefined/false = UNDEFINED. */
export interface Coprocessor {
  mrc(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number): number | undefined;
  mcr(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number, value: number): boolean;
  mrrc?(cpu: Cpu, opc1: number, crm: number): [number, number] | undefined;
  mcrr?(cpu: Cpu, opc1: number, crm: number, lo: number, hi: number): boolean;
}

/** Why the CPU stopped running, set by whatever stopped it. */
export type Halt =
  | { kind: 'exit'; code: number }
  | { kind: 'error'; message: string }
  // Not an end: the board asked the run loop to return at the next block boundary (a device
  // requested poweroff or reboot, an event needs the host). The board clears it.
  | { kind: 'stop' };

/** Services outside the CPU that instructions call into. */
export interface CpuHost {
  /** Semihosting call (r0 = operation, r1 = parameter); returns nothing, sets r0 itself. */
  semihosting?(cpu: Cpu): void;
  /** A write hit a physical page holding translated code. */
  codeWritten?(pa: number, width: number): void;
  /** The TLB was flushed: virtual-address keyed caches must be dropped too. */
  tlbFlushed?(): void;
  /**
   * The privilege level changed (User mode entered or left): what was looked up by virtual
   * address had its fetch permission checked for the other level.
   */
  privilegeChanged?(user: boolean): void;
}

const TLB_SIZE = 1024;
const TLB_MASK = TLB_SIZE - 1;
const ITLB_SIZE = 256;
const ITLB_MASK = ITLB_SIZE - 1;

const SCTLR_M = 1, SCTLR_A = 2;

// Code-write detection. A write-TLB entry of a page holding translated code is tagged
// vpn | CODE_TAG, so the inline fast path (tag === vpn) misses and storeSlow() finds the entry
// at once: it checks the page's mask of 64-byte lines holding code and calls host.codeWritten
// only when the store touches one. Data sharing a page with code thus costs a call and a mask
// test, not a flush or a table walk.
const CODE_TAG = 1 << 20;
const NO_CODE = new Uint32Array(2);

/**
 * One privilege level's software TLB. The CPU keeps two (privileged, User) and points its tlb*
 * fields at the current mode's set, so that a mode change costs nothing and translations of one
 * level survive time spent in the other (as QEMU's per-mmu-index TLBs do).
 */
class TlbSet {
  readonly rTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly wTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly rOff = new Int32Array(TLB_SIZE);
  readonly wOff = new Int32Array(TLB_SIZE);
  readonly rView: DataView[] = new Array(TLB_SIZE);
  readonly wView: DataView[] = new Array(TLB_SIZE);
  /** The page's offset in the bus's RAM arena (Bus.arena), for generated code. */
  readonly rBase = new Int32Array(TLB_SIZE);
  readonly wBase = new Int32Array(TLB_SIZE);
  readonly wPage = new Int32Array(TLB_SIZE).fill(-1);
  /** Instruction-fetch translations (MMU on only): virtual page -> physical page base. */
  readonly iTag = new Int32Array(ITLB_SIZE).fill(-1);
  readonly iPa = new Int32Array(ITLB_SIZE);
  /** Write entries tagged vpn | CODE_TAG (pages holding code): the page's code-line mask. */
  readonly cMask: Uint32Array[] = new Array(TLB_SIZE);
  constructor(dummy: DataView) { this.rView.fill(dummy); this.wView.fill(dummy); this.cMask.fill(NO_CODE); }
  /**
   * The virtual range covering every entry filled from a mapping larger than a page (QEMU's
   * large-page rule): an invalidation by MVA inside it must flush the whole set, since the one
   * architectural TLB entry of a section spans many of these per-page entries. -1 = none.
   */
  lpAddr = -1;
  lpMask = -1;
  flush(): void {
    this.rTag.fill(-1); this.wTag.fill(-1); this.wPage.fill(-1); this.iTag.fill(-1);
    this.lpAddr = -1; this.lpMask = -1;
  }
  /** Record an entry of a mapping of 2^size bytes at va (size > 12). */
  addLarge(va: number, size: number): void {
    let mask = (~((2 ** size) - 1)) | 0;
    if (this.lpAddr === -1 && this.lpMask === -1) { this.lpAddr = va & mask; this.lpMask = mask; return; }
    mask &= this.lpMask;
    while (((this.lpAddr ^ va) & mask) !== 0) mask <<= 1;
    this.lpAddr = this.lpAddr & mask; this.lpMask = mask;
  }
  /** Drop the entries of virtual page vpn; the whole set if it lies in the large-page range. */
  flushPage(vpn: number): void {
    const va = (vpn << PAGE_SHIFT) | 0;
    if (this.lpMask !== -1 || this.lpAddr !== -1) {
      if ((va & this.lpMask) === this.lpAddr) { this.flush(); return; }
    }
    const i = vpn & TLB_MASK;
    if (this.rTag[i] === vpn) this.rTag[i] = -1;
    if ((this.wTag[i]! & ~CODE_TAG) === vpn) { this.wTag[i] = -1; this.wPage[i] = -1; }
    const k = vpn & ITLB_MASK;
    if (this.iTag[k] === vpn) this.iTag[k] = -1;
  }
}

// Short-descriptor fault status values (DFSR/IFSR[10,3:0]).
export const FSR_ALIGNMENT = 0x1;
export const FSR_DEBUG = 0x2;
export const FSR_SYNC_EXTERNAL = 0x8;
export const FSR_WNR = 1 << 11;

export class Cpu implements MmuRegs {
  readonly r = new Int32Array(16);
  pc = 0;

  // CPSR, split
  n = 0; z = 0; c = 0; v = 0; q = 0;
  ge = 0;
  it = 0;
  j = 0;
  e = 0;
  a = 1; i = 1; f = 1;
  t = 0;
  mode: number = Mode.SVC;

  // Banks: 0 usr/sys, 1 fiq, 2 irq, 3 svc, 4 abt, 5 und
  readonly bankR13 = new Int32Array(7);
  readonly bankR14 = new Int32Array(7);
  readonly spsrBank = new Int32Array(7);
  readonly usrR8to12 = new Int32Array(5);
  readonly fiqR8to12 = new Int32Array(5);

  // System control state the core itself needs; CP15 (system issue) owns the rest.
  sctlr = 0x00c50078; // Cortex-A9 reset value: M=0, V=0, TE=0, EE=0
  vbar = 0;
  // Security Extensions (CP15 reads and writes them here). The CPU is always in the Secure state:
  // leaving Monitor mode with SCR.NS=1 stops the run (Non-secure state is not modelled).
  scr = 0; mvbar = 0;
  dfsr = 0; dfar = 0; ifsr = 0; ifar = 0;
  // Translation registers (CP15 reads and writes them here; the Mmu walks with them).
  ttbr0 = 0; ttbr1 = 0; ttbcr = 0; dacr = 0; contextidr = 0; fcseidr = 0;
  /** Short-descriptor table walk over this CPU's registers and bus. */
  readonly mmu: Mmu;
  /** Set by translate(): the last data translation has PA bits [39:32] != 0 (reads 0, writes ignored). */
  private paHi = 0;

  // Local exclusive monitor (as QEMU: address and the value seen by the load-exclusive).
  exclAddr = -1;
  exclVal = 0;
  exclValHi = 0;
  exclSize = 0;

  // Interrupt lines, driven by the interrupt controller.
  irqLine = false;
  fiqLine = false;
  /** Set by WFI; cleared when an interrupt is pending. */
  waiting = false;

  /** Instructions executed (exact at block boundaries). */
  icount = 0;
  /**
   * Set (by a device, through the board) to make the run loop return at the next block
   * boundary, before its budget is used up; the engine clears it when it returns.
   */
  exitRequest = false;
  /** Set by hot-tier code when a guest trap leaves it: the trapping instruction's index. */
  hotTrapIndex = 0;
  halted: Halt | null = null;

  readonly cp: (Coprocessor | undefined)[] = new Array(16).fill(undefined);
  /** VFP registers (used only when the translator's `vfp` option is on). */
  readonly fp = new VfpState();
  host: CpuHost = {};

  // Software TLB (direct-mapped by virtual page). Tags hold the virtual page number, -1 = empty.
  // Read and write sides are separate: the write side is never filled for pages with code, so
  // code writes take the slow path and reach the translation cache. With the MMU on, an entry is
  // filled only for what the current privilege level may do (read side: readable; write side:
  // writable); these fields point at the current level's TlbSet.
  tlbRTag: Int32Array;
  tlbWTag: Int32Array;
  tlbROff: Int32Array;
  tlbWOff: Int32Array;
  tlbRView: DataView[];
  tlbWView: DataView[];
  tlbRBase: Int32Array;
  tlbWBase: Int32Array;
  tlbWPage: Int32Array; // physical page of each write entry
  itlbTag: Int32Array;
  itlbPa: Int32Array;
  tlbCMask: Uint32Array[];
  private readonly tlbSets: [TlbSet, TlbSet];
  /** Physical pages holding translated code (index pa >>> 12); 1 = has code. */
  readonly codePages = new Uint8Array(1 << 20);
  /** Per code page: a 64-bit mask (two words) of its 64-byte lines holding translated code. */
  private readonly codeMasks = new Map<number, Uint32Array>();

  constructor(readonly bus: Bus) {
    const dummy = new DataView(new ArrayBuffer(8));
    this.tlbSets = [new TlbSet(dummy), new TlbSet(dummy)];
    const t = this.tlbSets[0];
    this.tlbRTag = t.rTag; this.tlbWTag = t.wTag; this.tlbROff = t.rOff; this.tlbWOff = t.wOff;
    this.tlbRView = t.rView; this.tlbWView = t.wView; this.tlbWPage = t.wPage; this.tlbRBase = t.rBase; this.tlbWBase = t.wBase;
    this.itlbTag = t.iTag; this.itlbPa = t.iPa; this.tlbCMask = t.cMask;
    this.mmu = new Mmu(this, pa => this.walkRead(pa));
    // Writes that bypass the CPU's TLB (semihosting, DMA, the slow path) reach the engine too.
    bus.codePages = this.codePages;
    bus.onCodeWrite = (pa, len) => this.host.codeWritten?.(pa, len);
  }

  /** Make the TLB set of privilege level `user` (1) or privileged (0) the current one. */
  private selectTlb(user: number): void {
    const t = this.tlbSets[user]!;
    this.tlbRTag = t.rTag; this.tlbWTag = t.wTag; this.tlbROff = t.rOff; this.tlbWOff = t.wOff;
    this.tlbRView = t.rView; this.tlbWView = t.wView; this.tlbWPage = t.wPage; this.tlbRBase = t.rBase; this.tlbWBase = t.wBase;
    this.itlbTag = t.iTag; this.itlbPa = t.iPa; this.tlbCMask = t.cMask;
  }

  /**
   * Table-walk read: RAM and devices answer, but a walk into unmapped physical space is an
   * external abort on QEMU even where the board makes data accesses read as zero.
   */
  private walkRead(pa: number): number {
    const bus = this.bus;
    if (!bus.ramAt(pa)) {
      const m = bus.deviceAt(pa);
      if (!m || m.dev.name.startsWith('unmapped@')) throw new BusError(pa, false);
    }
    return bus.read(pa, 4);
  }

  // ---------------------------------------------------------------- CPSR and modes

  get cpsr(): number {
    return ((this.n << 31) | (this.z << 30) | (this.c << 29) | (this.v << 28) | (this.q << 27) |
      ((this.it & 3) << 25) | (this.j << 24) | (this.ge << 16) | ((this.it >> 2) << 10) |
      (this.e << 9) | (this.a << 8) | (this.i << 7) | (this.f << 6) | (this.t << 5) | this.mode) >>> 0;
  }

  /** Write the whole CPSR (exception return, reset). An unimplemented mode is ignored, as QEMU. */
  setCpsr(value: number): void {
    const m = value & 0x1f;
    if (bankOf(m) >= 0) this.switchMode(m);
    this.n = (value >>> 31) & 1; this.z = (value >>> 30) & 1; this.c = (value >>> 29) & 1;
    this.v = (value >>> 28) & 1; this.q = (value >>> 27) & 1;
    this.it = ((value >>> 25) & 3) | (((value >>> 10) & 0x3f) << 2);
    this.j = (value >>> 24) & 1;
    this.ge = (value >>> 16) & 0xf;
    this.setE((value >>> 9) & 1);
    this.a = (value >>> 8) & 1; this.i = (value >>> 7) & 1; this.f = (value >>> 6) & 1;
    this.t = (value >>> 5) & 1;
  }

  setE(e: number): void {
    if (e !== this.e) { this.e = e; this.flushTlb(); }
  }

  get privileged(): boolean { return this.mode !== Mode.USR; }

  /** Switch the register bank to mode m (which must be implemented). */
  switchMode(m: number): void {
    const old = this.mode;
    if (old === m) return;
    const ob = bankOf(old), nb = bankOf(m);
    const r = this.r;
    this.bankR13[ob] = r[13]!; this.bankR14[ob] = r[14]!;
    if (ob === 1 && nb !== 1) {
      for (let k = 0; k < 5; k++) { this.fiqR8to12[k] = r[8 + k]!; r[8 + k] = this.usrR8to12[k]!; }
    } else if (ob !== 1 && nb === 1) {
      for (let k = 0; k < 5; k++) { this.usrR8to12[k] = r[8 + k]!; r[8 + k] = this.fiqR8to12[k]!; }
    }
    r[13] = this.bankR13[nb]!; r[14] = this.bankR14[nb]!;
    this.mode = m;
    if (old === Mode.MON && (this.scr & 1) !== 0 && this.halted === null) {
      this.halted = { kind: 'error', message: 'leaving Monitor mode with SCR.NS=1: the Non-secure state is not modelled' };
    }
    if ((old === Mode.USR) !== (m === Mode.USR)) {
      this.selectTlb(m === Mode.USR ? 1 : 0);
      this.host.privilegeChanged?.(m === Mode.USR);
    }
  }

  // In User and System modes the SPSR is UNPREDICTABLE; QEMU keeps a usr/sys slot that reads and
  // writes like the others (initially 0), and so do we: bank 0.
  get spsr(): number {
    return this.spsrBank[bankOf(this.mode)]! >>> 0;
  }
  set spsr(v: number) {
    this.spsrBank[bankOf(this.mode)] = v;
  }

  /** User-mode view of r8-r14 (for LDM/STM ^). */
  getUserReg(n: number): number {
    if (n < 8 || n === 15) return this.r[n]!;
    if (n < 13) return this.mode === Mode.FIQ ? this.usrR8to12[n - 8]! : this.r[n]!;
    if (bankOf(this.mode) === 0) return this.r[n]!;
    return n === 13 ? this.bankR13[0]! : this.bankR14[0]!;
  }
  setUserReg(n: number, v: number): void {
    if (n < 8) { this.r[n] = v; return; }
    if (n < 13) { if (this.mode === Mode.FIQ) this.usrR8to12[n - 8] = v; else this.r[n] = v; return; }
    if (bankOf(this.mode) === 0) { this.r[n] = v; return; }
    if (n === 13) this.bankR13[0] = v; else if (n === 14) this.bankR14[0] = v;
  }

  // ---------------------------------------------------------------- PC writes

  /** BranchWritePC: B, BL, and ALU writes in Thumb state. */
  branchWritePC(addr: number): void {
    this.pc = this.t ? (addr & ~1) >>> 0 : (addr & ~3) >>> 0;
  }

  /** BXWritePC: interworking branch (BX, BLX reg, LDR pc, POP pc, LDM pc). */
  bxWritePC(addr: number): void {
    if (addr & 1) { this.t = 1; this.pc = (addr & ~1) >>> 0; }
    else { this.t = 0; this.pc = (addr & ~1) >>> 0; } // addr<1:0>=10: QEMU keeps bit 1; the fetch aborts
  }

  /** ALUWritePC: interworks in ARM state (ARMv7), plain branch in Thumb state. */
  aluWritePC(addr: number): void {
    if (this.t) this.branchWritePC(addr); else this.bxWritePC(addr);
  }

  // ---------------------------------------------------------------- exceptions

  private vectorBase(): number {
    return (this.sctlr & (1 << 13)) ? 0xffff0000 : (this.vbar & ~0x1f) >>> 0;
  }

  /**
   * Exception entry in the Secure state (no Virtualization Extensions); Monitor mode entry goes
   * through enterMonitor. `lr` is the value R14 of the new mode receives.
   */
  enterException(mode: Mode, vectorOffset: number, lr: number, maskF: boolean, maskA: boolean): void {
    const saved = this.cpsr;
    this.switchMode(mode);
    this.r[14] = lr | 0;
    this.spsrBank[bankOf(mode)] = saved | 0;
    this.i = 1;
    if (maskF) this.f = 1;
    if (maskA) this.a = 1;
    this.it = 0;
    this.j = 0;
    this.t = (this.sctlr >>> 30) & 1; // TE
    this.setE((this.sctlr >>> 25) & 1); // EE
    this.pc = (this.vectorBase() + vectorOffset) >>> 0;
    this.waiting = false;
  }

  /** Take a trap thrown by the instruction at `addr` (size in bytes, 2 or 4). */
  takeTrap(trap: GuestTrap, addr: number, size: number): void {
    const thumb = this.t;
    switch (trap.kind) {
      case TrapKind.Undefined:
        // LR = PC-2 in Thumb (PC = address+4), even for a 32-bit instruction: ARM ARM
        // TakeUndefInstrException, and QEMU. A handler that skips the instruction must decode it.
        this.enterException(Mode.UND, 0x04, addr + (thumb ? 2 : 4), false, false); break;
      case TrapKind.Svc:
        this.enterException(Mode.SVC, 0x08, addr + (thumb ? size : 4), false, false); break;
      case TrapKind.PrefetchAbort:
      case TrapKind.Breakpoint:
        this.enterException(Mode.ABT, 0x0c, addr + 4, false, true); break;
      case TrapKind.DataAbort:
        this.enterException(Mode.ABT, 0x10, addr + 8, false, true); break;
      case TrapKind.Smc:
        // SMC is 32 bits in both instruction sets: LR = the next instruction.
        this.enterMonitor(0x08, addr + 4); break;
    }
  }

  /** Exception entry to Monitor mode (SMC, or IRQ/FIQ routed by SCR): vectors at MVBAR. */
  enterMonitor(vectorOffset: number, lr: number): void {
    this.enterException(Mode.MON, vectorOffset, lr, true, true);
    this.pc = ((this.mvbar & ~0x1f) + vectorOffset) >>> 0;
  }

  /** IRQ/FIQ entry between blocks; `pc` is the next instruction to run. */
  takeInterrupt(fiq: boolean): void {
    const ret = this.pc + 4;
    // SCR.FIQ / SCR.IRQ route the interrupt to Monitor mode.
    if (this.scr & (fiq ? 4 : 2)) { this.enterMonitor(fiq ? 0x1c : 0x18, ret); return; }
    if (fiq) this.enterException(Mode.FIQ, 0x1c, ret, true, true);
    else this.enterException(Mode.IRQ, 0x18, ret, false, true);
  }

  /** Reset: SVC mode, interrupts masked, PC at the reset vector (or the loader's entry). */
  reset(): void {
    this.fp.reset();
    this.r.fill(0);
    this.bankR13.fill(0); this.bankR14.fill(0); this.spsrBank.fill(0);
    this.usrR8to12.fill(0); this.fiqR8to12.fill(0);
    this.mode = Mode.SVC;
    this.selectTlb(0);
    this.n = this.z = this.c = this.v = this.q = 0;
    this.ge = 0; this.it = 0; this.j = 0; this.e = 0; this.t = 0;
    this.a = 1; this.i = 1; this.f = 1;
    this.exclAddr = -1;
    this.halted = null;
    this.waiting = false;
    this.flushTlb();
    this.pc = this.vectorBase();
  }

  raiseUndefined(): never { throw UNDEF; }

  dataAbort(va: number, fsr: number, write: boolean): never {
    this.dfar = va | 0;
    this.dfsr = fsr | (write ? FSR_WNR : 0);
    throw DABORT;
  }

  prefetchAbort(va: number, fsr: number): never {
    this.ifar = va | 0;
    this.ifsr = fsr;
    throw PABORT;
  }

  /** Alignment check for accesses that must be aligned whatever SCTLR.A says. */
  checkAlign(va: number, bytes: number, write: boolean): void {
    if (va & (bytes - 1)) this.dataAbort(va, FSR_ALIGNMENT, write);
  }

  // ---------------------------------------------------------------- memory

  flushTlb(): void {
    this.tlbSets[0].flush();
    this.tlbSets[1].flush();
    this.host.tlbFlushed?.();
  }

  /**
   * TLB invalidation by MVA (TLBIMVA, TLBIMVAA and their forms): drop the entries of that page in
   * both privilege levels' sets, whatever their ASID (QEMU's TLB is not ASID-tagged either).
   */
  flushTlbPage(mva: number): void {
    const vpn = mva >>> PAGE_SHIFT;
    this.tlbSets[0].flushPage(vpn);
    this.tlbSets[1].flushPage(vpn);
    // The jump cache is keyed by virtual PC: dropping it all is cheap and always correct.
    this.host.tlbFlushed?.();
  }

  /**
   * Translate a virtual address for a data access: unprivileged if `user` or in User mode.
   * MMU off: the FCSE-modified address. MMU on: the table walk; a fault raises the Data Abort.
   */
  translate(va: number, write: boolean, user: boolean): number {
    va = va >>> 0;
    if ((this.sctlr & SCTLR_M) === 0) {
      this.paHi = 0;
      return this.fcseidr === 0 ? va : this.mmu.fcse(va);
    }
    const mmu = this.mmu;
    if (!mmu.walk(va, write ? Access.Write : Access.Read, user || this.mode === Mode.USR)) {
      this.dataAbort(mmu.res.far, mmu.res.fsr, write);
    }
    this.paHi = mmu.res.paHi;
    return mmu.res.pa;
  }

  /**
   * After a successful translate() of va to pa for the current privilege level: fill the TLB
   * entry of that page if it is RAM, each side only if the mapping allows it. Returns whether the
   * side the access needs (write or read) was filled.
   */
  private fill(va: number, pa: number, write: boolean): boolean {
    if (this.paHi !== 0) return false;
    const region = this.bus.ramAt(pa);
    if (!region) return false;
    let canR = true, canW = true;
    if (this.sctlr & SCTLR_M) {
      const p = this.mmu.res.perms;
      if (this.mode === Mode.USR) { canR = (p & PERM_UR) !== 0; canW = (p & PERM_UW) !== 0; }
      else { canR = (p & PERM_PR) !== 0; canW = (p & PERM_PW) !== 0; }
    }
    if (this.sctlr & SCTLR_M) this.noteLarge(va);
    const page = pa >>> PAGE_SHIFT;
    const dv = region.chunk(pa);
    const off = ((pa - region.base) & (CHUNK_SIZE - 1)) & ~0xfff;
    const base = region.arenaOffset + ((pa - region.base) & ~0xfff);
    const vpn = va >>> PAGE_SHIFT;
    const i = vpn & TLB_MASK;
    if (canW) {
      const code = this.codePages[page] !== 0;
      this.tlbWTag[i] = code ? vpn | CODE_TAG : vpn; this.tlbWView[i] = dv; this.tlbWOff[i] = off; this.tlbWPage[i] = page; this.tlbWBase[i] = base;
      this.tlbCMask[i] = code ? this.codeMask(page) : NO_CODE;
    }
    if (canR) { this.tlbRTag[i] = vpn; this.tlbRView[i] = dv; this.tlbROff[i] = off; this.tlbRBase[i] = base; }
    return write ? canW : canR;
  }

  /** The code-line mask of a physical page (created on first use, kept). */
  codeMask(page: number): Uint32Array {
    let m = this.codeMasks.get(page);
    if (!m) { m = new Uint32Array(2); this.codeMasks.set(page, m); }
    return m;
  }

  /** Physical bytes [pa, pa + len) (within one page) now hold translated code. */
  markCode(pa: number, len: number): void {
    const page = pa >>> PAGE_SHIFT;
    const m = this.codeMask(page);
    const last = ((pa & 0xfff) + len - 1) >>> 6;
    for (let l = (pa & 0xfff) >>> 6; l <= last; l++) m[l >>> 5] |= 1 << (l & 31);
    this.markCodePage(page);
  }

  /** A physical page now holds translated code: send fast-path writes to it through storeSlow. */
  markCodePage(page: number): void {
    if (this.codePages[page]) return;
    this.codePages[page] = 1;
    const m = this.codeMask(page);
    for (const t of this.tlbSets) {
      const wp = t.wPage, wt = t.wTag;
      for (let i = 0; i < TLB_SIZE; i++) {
        if (wp[i] === page && wt[i]! >= 0) { wt[i] = wt[i]! | CODE_TAG; t.cMask[i] = m; }
      }
    }
  }

  /** A physical page holds no translated code any more (its entries keep the cheap check). */
  unmarkCodePage(page: number): void {
    this.codePages[page] = 0;
    this.codeMasks.get(page)?.fill(0);
  }

  /** A store through a write entry of a code page (see CODE_TAG); the access is within the page. */
  private storeCodePage(i: number, va: number, width: 1 | 2 | 4, v: number): void {
    const off = va & 0xfff, m = this.tlbCMask[i]!;
    const l0 = off >>> 6, l1 = (off + width - 1) >>> 6;
    if (((m[l0 >>> 5]! >>> (l0 & 31)) | (m[l1 >>> 5]! >>> (l1 & 31))) & 1) {
      this.host.codeWritten?.(((this.tlbWPage[i]! << PAGE_SHIFT) | off) >>> 0, width);
    }
    const dv = this.tlbWView[i]!, o = this.tlbWOff[i]! + off;
    if (width === 4) dv.setInt32(o, v, true); else if (width === 2) dv.setUint16(o, v, true); else dv.setUint8(o, v);
  }

  ld32(va: number): number {
    const vpn = va >>> 12, i = vpn & TLB_MASK, off = va & 0xfff;
    if (this.tlbRTag[i] === vpn && off <= 0xffc) return this.tlbRView[i]!.getInt32(this.tlbROff[i]! + off, true);
    return this.loadSlow(va, 4, false);
  }
  ld16(va: number): number {
    const vpn = va >>> 12, i = vpn & TLB_MASK, off = va & 0xfff;
    if (this.tlbRTag[i] === vpn && off <= 0xffe) return this.tlbRView[i]!.getUint16(this.tlbROff[i]! + off, true);
    return this.loadSlow(va, 2, false);
  }
  ld8(va: number): number {
    const vpn = va >>> 12, i = vpn & TLB_MASK;
    if (this.tlbRTag[i] === vpn) return this.tlbRView[i]!.getUint8(this.tlbROff[i]! + (va & 0xfff));
    return this.loadSlow(va, 1, false);
  }
  st32(va: number, v: number): void {
    const vpn = va >>> 12, i = vpn & TLB_MASK, off = va & 0xfff;
    if (this.tlbWTag[i] === vpn && off <= 0xffc) { this.tlbWView[i]!.setInt32(this.tlbWOff[i]! + off, v, true); return; }
    this.storeSlow(va, 4, v, false);
  }
  st16(va: number, v: number): void {
    const vpn = va >>> 12, i = vpn & TLB_MASK, off = va & 0xfff;
    if (this.tlbWTag[i] === vpn && off <= 0xffe) { this.tlbWView[i]!.setUint16(this.tlbWOff[i]! + off, v, true); return; }
    this.storeSlow(va, 2, v, false);
  }
  st8(va: number, v: number): void {
    const vpn = va >>> 12, i = vpn & TLB_MASK;
    if (this.tlbWTag[i] === vpn) { this.tlbWView[i]!.setUint8(this.tlbWOff[i]! + (va & 0xfff), v); return; }
    this.storeSlow(va, 1, v, false);
  }
  // Unprivileged (LDRT/STRT family): permission checks as user mode.
  ld32U(va: number): number { return this.loadSlow(va, 4, true); }
  ld16U(va: number): number { return this.loadSlow(va, 2, true); }
  ld8U(va: number): number { return this.loadSlow(va, 1, true); }
  st32U(va: number, v: number): void { this.storeSlow(va, 4, v, true); }
  st16U(va: number, v: number): void { this.storeSlow(va, 2, v, true); }
  st8U(va: number, v: number): void { this.storeSlow(va, 1, v, true); }

  // Slow paths: TLB miss, unprivileged access, page-crossing access, big-endian data, SCTLR.A=1
  // (the TLB stays empty then, so every access comes here for its alignment check), devices.
  loadSlow(va: number, width: 1 | 2 | 4, user: boolean): number {
    va = va >>> 0;
    if (width > 1 && (va & (width - 1)) !== 0 && (this.sctlr & SCTLR_A) !== 0) this.dataAbort(va, FSR_ALIGNMENT, false);
    if (width > 1 && ((va & 0xfff) + width > 0x1000)) {
      // crosses a page: both pages translated first (first page, then the second's first byte),
      // then bytewise (little-endian order, then swap)
      this.translate(va, false, user); this.translate((va + width - 1) & ~0xfff, false, user);
      let v = 0;
      for (let k = width - 1; k >= 0; k--) v = (v << 8) | this.loadSlow((va + k) >>> 0, 1, user);
      if (this.e) v = width === 4 ? bswap32(v) : bswap16(v);
      return width === 4 ? v | 0 : v >>> 0;
    }
    const pa = this.translate(va, false, user);
    if (!user && this.e === 0 && (this.sctlr & SCTLR_A) === 0 && this.fill(va, pa, false)) {
      return width === 4 ? this.ld32(va) : width === 2 ? this.ld16(va) : this.ld8(va);
    }
    if (this.paHi !== 0) return 0;
    let v: number;
    try {
      v = this.bus.read(pa, width);
    } catch (err) {
      if (err instanceof BusError) this.dataAbort(va, FSR_SYNC_EXTERNAL, false);
      throw err;
    }
    if (this.e) v = width === 4 ? bswap32(v) : width === 2 ? bswap16(v) : v;
    return v;
  }

  storeSlow(va: number, width: 1 | 2 | 4, v: number, user: boolean): void {
    va = va >>> 0;
    if (!user) {
      // Entries exist only while SCTLR.A = 0 and CPSR.E = 0 (fill() and flushTlb() see to it).
      const vpn = va >>> PAGE_SHIFT, i = vpn & TLB_MASK;
      if (this.tlbWTag[i] === (vpn | CODE_TAG) && (va & 0xfff) + width <= 0x1000) { this.storeCodePage(i, va, width, v); return; }
    }
    if (width > 1 && (va & (width - 1)) !== 0 && (this.sctlr & SCTLR_A) !== 0) this.dataAbort(va, FSR_ALIGNMENT, true);
    if (width > 1 && ((va & 0xfff) + width > 0x1000)) {
      if (this.e) v = width === 4 ? bswap32(v) : bswap16(v);
      // check both pages before writing either, so a fault leaves memory unchanged
      this.translate(va, true, user); this.translate((va + width - 1) & ~0xfff, true, user);
      for (let k = 0; k < width; k++) this.storeSlow((va + k) >>> 0, 1, (v >>> (8 * k)) & 0xff, user);
      return;
    }
    const pa = this.translate(va, true, user);
    if (this.paHi !== 0) return;
    // (A write to a page with code is seen by storeCodePage() after the fill, or by the bus.)
    if (!user && this.e === 0 && (this.sctlr & SCTLR_A) === 0 && this.fill(va, pa, true)) {
      if (width === 4) this.st32(va, v); else if (width === 2) this.st16(va, v); else this.st8(va, v);
      return;
    }
    if (this.e) v = width === 4 ? bswap32(v) : width === 2 ? bswap16(v) : v;
    try {
      this.bus.write(pa, width, v);
    } catch (err) {
      if (err instanceof BusError) this.dataAbort(va, FSR_SYNC_EXTERNAL, true);
      throw err;
    }
  }

  /**
   * Instruction fetch for the translator: a halfword (Thumb) or word (ARM), little-endian (code is
   * always little-endian on ARMv7 with SCTLR.IE=0). Returns -1 and records IFSR/IFAR-to-be in
   * fetchFault on a fault, so the translator can end the block before it.
   */
  fetchFault = { va: 0, fsr: 0 };
  fetch(va: number, width: 2 | 4): number {
    const pa = this.fetchPhys(va);
    if (pa < 0) return -1;
    try {
      const v = this.bus.read(pa, width);
      return width === 4 ? v >>> 0 : v;
    } catch (err) {
      if (err instanceof BusError) { this.fetchFault.va = va; this.fetchFault.fsr = FSR_SYNC_EXTERNAL; return -1; }
      throw err;
    }
  }

  /**
   * Physical address of an instruction fetch at va (translation-cache keys), for the current
   * privilege level; -1 (with fetchFault set) if the fetch faults.
   */
  fetchPhys(va: number): number {
    va = va >>> 0;
    if ((this.sctlr & SCTLR_M) === 0) return this.fcseidr === 0 ? va : this.mmu.fcse(va);
    const vpn = va >>> PAGE_SHIFT, i = vpn & ITLB_MASK;
    if (this.itlbTag[i] === vpn) return (this.itlbPa[i]! | (va & 0xfff)) >>> 0;
    const mmu = this.mmu;
    if (!mmu.walk(va, Access.Fetch, this.mode === Mode.USR)) {
      this.fetchFault.va = mmu.res.far; this.fetchFault.fsr = mmu.res.fsr;
      return -1;
    }
    // (PA bits [39:32] of a supersection are not modelled for fetches: the low 32 bits are used.)
    const pa = mmu.res.pa;
    this.noteLarge(va);
    this.itlbTag[i] = vpn; this.itlbPa[i] = (pa & ~0xfff) | 0;
    return pa;
  }

  /** After a walk for the current level that fills a TLB entry: track mappings above 4 KiB. */
  private noteLarge(va: number): void {
    const size = this.mmu.res.size;
    if (size > PAGE_SHIFT) this.tlbSets[this.mode === Mode.USR ? 1 : 0].addLarge(va, size);
  }
}

export function bswap32(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}
export function bswap16(v: number): number {
  return ((v & 0xff) << 8) | ((v >>> 8) & 0xff);
}
