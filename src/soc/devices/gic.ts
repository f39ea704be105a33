// ARM Generic Interrupt Controller, architecture v1 with the Security Extensions, as the
// Cortex-A9 MPCore has it and as QEMU 7.2 models it for `-M vexpress-a9` (hw/intc/arm_gic.c):
// one CPU interface, 32 + `spis` interrupt IDs (64 SPIs on the vexpress CoreTile: GICD_TYPER
// reads 0x402), 5 priority bits (priority fields keep bits [7:3]).
//
// Regions:  'dist' - the distributor (0x1000 bytes; byte-addressable, as QEMU composes every
//                    halfword and word access from byte accesses, except GICD_SGIR);
//           'cpu'  - the CPU interface (0x100 bytes).
// Outputs:  irq(0) - the CPU's IRQ input, irq(1) - its FIQ input.
// Inputs:   input(id) for the PPIs (16..31) and the SPIs (32..32 + spis - 1).
//
// armada's CPU has no Security Extensions, so every access is treated as Secure (QEMU's CPU
// runs bare-metal images in the Secure state, so they see the same thing). The group machinery is
// therefore live as QEMU has it: IGROUPR is writable, group 1 interrupts read as 1022 in
// GICC_IAR/HPPIR unless GICC_CTLR.AckCtl is set, group 0 interrupts go to FIQ when
// GICC_CTLR.FIQEn is set, and group 1 interrupts take their preemption from the aliased binary
// point unless GICC_CTLR.CBPR is set. (QEMU's -kernel Linux boot instead resets the GIC as
// secure firmware would leave it for a Non-secure kernel: every interrupt in group 1 at priority
// 0x80. armada boots Linux in the Secure state with the plain reset values; Linux programs
// everything it relies on either way.)
//
// Everything that decides the output lines is recomputed in one place, update().

import type { MmioDevice, Width } from '../../armcore/bus.js';
import {
  NullIrqLine, registerDevice, type Device, type DeviceState, type InterruptController, type IrqLine, type RegisterSpec,
} from '../device.js';

/** Distributor registers (ARM GIC Architecture Specification v1.0, table 4-1). */
export const GICD_REGS: readonly RegisterSpec[] = [
  { name: 'GICD_CTLR', offset: 0x000, access: 'rw', reset: 0, doc: 'bit 0 EnableGrp0, bit 1 EnableGrp1' },
  { name: 'GICD_TYPER', offset: 0x004, access: 'ro', reset: 0x402, doc: 'ITLinesNumber [4:0], CPUNumber [7:5], SecurityExtn [10]' },
  { name: 'GICD_IIDR', offset: 0x008, access: 'ro', reset: 0x43b, doc: 'implementer: ARM' },
  { name: 'GICD_IGROUPRn', offset: 0x080, access: 'rw', reset: 0, doc: '1 bit per interrupt: 0 group 0, 1 group 1' },
  { name: 'GICD_ISENABLERn', offset: 0x100, access: 'rw', reset: 0xffff, doc: 'set-enable (SGIs always enabled)' },
  { name: 'GICD_ICENABLERn', offset: 0x180, access: 'rw', reset: 0xffff, doc: 'clear-enable' },
  { name: 'GICD_ISPENDRn', offset: 0x200, access: 'rw', reset: 0, doc: 'set-pending (SGI bits ignored)' },
  { name: 'GICD_ICPENDRn', offset: 0x280, access: 'rw', reset: 0, doc: 'clear-pending (SGI bits ignored)' },
  { name: 'GICD_ISACTIVERn', offset: 0x300, access: 'ro', reset: 0, doc: 'active bits (GICv1: read-only)' },
  { name: 'GICD_IPRIORITYRn', offset: 0x400, access: 'rw', reset: 0, doc: '1 byte per interrupt, bits [7:3] implemented' },
  { name: 'GICD_ITARGETSRn', offset: 0x800, access: 'ro', reset: 0, doc: 'RAZ/WI on a uniprocessor GIC' },
  { name: 'GICD_ICFGRn', offset: 0xc00, access: 'rw', reset: 0xaaaaaaaa, doc: '2 bits per interrupt: bit 1 edge-triggered' },
  { name: 'GICD_SGIR', offset: 0xf00, access: 'wo', reset: 0, doc: 'SGIINTID [3:0], CPUTargetList [23:16], TargetListFilter [25:24]' },
  { name: 'GICD_CPENDSGIRn', offset: 0xf10, access: 'rw', reset: 0, doc: 'SGI clear-pending, 1 byte per SGI (source CPUs)' },
  { name: 'GICD_SPENDSGIRn', offset: 0xf20, access: 'rw', reset: 0, doc: 'SGI set-pending, 1 byte per SGI (source CPUs)' },
  { name: 'ID registers', offset: 0xfd0, access: 'ro', reset: 0, doc: 'PeriphID4-7, PeriphID0-3, ComponentID0-3' },
];

/** CPU interface registers. */
export const GICC_REGS: readonly RegisterSpec[] = [
  { name: 'GICC_CTLR', offset: 0x00, access: 'rw', reset: 0, doc: 'EnableGrp0, EnableGrp1, AckCtl, FIQEn, CBPR' },
  { name: 'GICC_PMR', offset: 0x04, access: 'rw', reset: 0, doc: 'priority mask' },
  { name: 'GICC_BPR', offset: 0x08, access: 'rw', reset: 0, doc: 'binary point' },
  { name: 'GICC_IAR', offset: 0x0c, access: 'ro', reset: 0x3ff, doc: 'acknowledge: interrupt ID [9:0], source CPU [12:10]' },
  { name: 'GICC_EOIR', offset: 0x10, access: 'wo', reset: 0, doc: 'end of interrupt' },
  { name: 'GICC_RPR', offset: 0x14, access: 'ro', reset: 0xff, doc: 'running priority (0xff when idle)' },
  { name: 'GICC_HPPIR', offset: 0x18, access: 'ro', reset: 0x3ff, doc: 'highest priority pending interrupt' },
  { name: 'GICC_ABPR', offset: 0x1c, access: 'rw', reset: 1, doc: 'aliased binary point (group 1), at least 1' },
  { name: 'GICC_APRn', offset: 0xd0, access: 'ro', reset: 0, doc: 'GICv2 only: RAZ/WI' },
  { name: 'GICC_NSAPRn', offset: 0xe0, access: 'ro', reset: 0, doc: 'GICv2 only: RAZ/WI' },
  { name: 'GICC_IIDR', offset: 0xfc, access: 'ro', reset: 0x1043b, doc: 'architecture version 1, implementer ARM' },
];

/** GICD 0xfd0-0xffc: PeriphID4-7, PeriphID0-3, ComponentID0-3 (QEMU's GICv1 values). */
const GIC_ID = [0x04, 0x00, 0x00, 0x00, 0x90, 0xb3, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

// GICD_CTLR / GICC_CTLR bits
export const CTLR_EN_GRP0 = 1 << 0, CTLR_EN_GRP1 = 1 << 1;
export const GICC_ACK_CTL = 1 << 2, GICC_FIQ_EN = 1 << 3, GICC_CBPR = 1 << 4;
const GICC_CTLR_MASK = 0x1f; // GICv1 with the Security Extensions, Secure view

const NR_SGIS = 16;
const NR_INTERNAL = 32;
/** Interrupt IDs 1020-1023 are special; 1022 "group 1 pending, not acknowledgeable", 1023 spurious. */
export const SPURIOUS = 1023;
const GROUP1_ONLY = 1022;
/** Running priority when nothing is active (above every real priority). */
const IDLE_PRIORITY = 0x100;
/** Active-priority bit sets: 128 preemption levels (priority >> 1), 32 per word, as QEMU keeps them. */
const NR_APRS = 4;

export interface GicOptions {
  /** Shared peripheral interrupts (IDs 32 .. 32 + spis - 1); a multiple of 32 up to 988. */
  spis: number;
  /** Implemented priority bits (the Cortex-A9 has 5). */
  priorityBits: number;
}

export class Gic implements Device, InterruptController {
  readonly regions: Record<string, MmioDevice>;
  readonly interruptController: InterruptController = this;
  readonly numIrq: number;
  private readonly prioMask: number;

  // Per-interrupt state, indexed by interrupt ID.
  private readonly enabled: Uint8Array;
  /** Latched pending state (edge, SGI, or set by software); a level interrupt is also pending
   * while its line is high (see isPending). */
  private readonly pending: Uint8Array;
  private readonly active: Uint8Array;
  private readonly level: Uint8Array;
  private readonly edge: Uint8Array;
  private readonly group: Uint8Array;
  private readonly priority: Uint8Array;
  /** Per SGI, the CPUs that sent it (bit n = CPU n; only CPU 0 exists). */
  private readonly sgiSources = new Uint8Array(NR_SGIS);

  private ctlr = 0;
  private cpuCtlr = 0;
  private pmr = 0;
  private bpr = 0;
  private abpr = 1;
  private runningPriority = IDLE_PRIORITY;
  private readonly apr = new Uint32Array(NR_APRS);
  private readonly nsapr = new Uint32Array(NR_APRS);
  /** The interrupt update() chose for GICC_HPPIR/IAR (1023 when none passes the mask). */
  private currentPending = SPURIOUS;

  private readonly lines: IrqLine[] = [];
  private readonly warned = new Set<string>();
  /** Called once per distinct bad access (QEMU logs these as guest errors). */
  onGuestError: (msg: string) => void = () => {};

  constructor(readonly name: string, opts: Partial<GicOptions> = {},
    private readonly irqOut: IrqLine = new NullIrqLine(), private readonly fiqOut: IrqLine = new NullIrqLine()) {
    const spis = opts.spis ?? 64;
    if (!Number.isInteger(spis) || spis < 0 || spis > 988 || spis % 32 !== 0) {
      throw new Error(`${name}: spis must be a multiple of 32 between 0 and 988, not ${spis}`);
    }
    const bits = opts.priorityBits ?? 5;
    if (!Number.isInteger(bits) || bits < 4 || bits > 8) throw new Error(`${name}: priorityBits must be 4..8, not ${bits}`);
    this.numIrq = NR_INTERNAL + spis;
    this.prioMask = (0xff << (8 - bits)) & 0xff;
    const n = this.numIrq;
    this.enabled = new Uint8Array(n); this.pending = new Uint8Array(n); this.active = new Uint8Array(n);
    this.level = new Uint8Array(n); this.edge = new Uint8Array(n); this.group = new Uint8Array(n);
    this.priority = new Uint8Array(n);
    this.regions = {
      dist: { name: `${name}.dist`, size: 0x1000, read: (o, w) => this.distRead(o, w), write: (o, w, v) => this.distWrite(o, w, v) },
      cpu: { name: `${name}.cpu`, size: 0x100, read: (o, w) => this.cpuRead(o, w), write: (o, w, v) => this.cpuWrite(o, w, v) },
    };
    this.resetState();
  }

  // ------------------------------------------------------------------ inputs

  input(id: number): IrqLine {
    if (!Number.isInteger(id) || id < NR_SGIS || id >= this.numIrq) {
      throw new Error(`${this.name}: no interrupt input ${id} (PPIs are 16..31, SPIs 32..${this.numIrq - 1})`);
    }
    let l = this.lines[id];
    if (!l) {
      l = { set: (lvl: boolean) => this.setLevel(id, lvl) };
      this.lines[id] = l;
    }
    return l;
  }

  /** A device output changed level. Edge-triggered interrupts latch pending on a rising edge. */
  setLevel(id: number, high: boolean): void {
    const v = high ? 1 : 0;
    if (this.level[id] === v) return;
    this.level[id] = v;
    if (v && this.edge[id]) this.pending[id] = 1;
    this.update();
  }

  // ------------------------------------------------------------------ state

  reset(): void {
    this.resetState();
    this.update();
  }

  private resetState(): void {
    this.enabled.fill(0); this.pending.fill(0); this.active.fill(0); this.level.fill(0);
    this.edge.fill(0); this.group.fill(0); this.priority.fill(0); this.sgiSources.fill(0);
    for (let i = 0; i < NR_SGIS; i++) { this.enabled[i] = 1; this.edge[i] = 1; }
    this.ctlr = 0; this.cpuCtlr = 0; this.pmr = 0; this.bpr = 0; this.abpr = 1;
    this.runningPriority = IDLE_PRIORITY; this.apr.fill(0); this.nsapr.fill(0);
    this.currentPending = SPURIOUS;
  }

  private isPending(irq: number): boolean {
    return this.pending[irq] !== 0 || (this.edge[irq] === 0 && this.level[irq] !== 0);
  }

  /** Recompute the highest-priority pending interrupt and the CPU's IRQ and FIQ lines. */
  update(): void {
    this.currentPending = SPURIOUS;
    if (!(this.ctlr & (CTLR_EN_GRP0 | CTLR_EN_GRP1)) || !(this.cpuCtlr & (CTLR_EN_GRP0 | CTLR_EN_GRP1))) {
      this.irqOut.set(false);
      this.fiqOut.set(false);
      return;
    }
    let best = SPURIOUS;
    let bestPrio = 0x100;
    for (let irq = 0; irq < this.numIrq; irq++) {
      if (this.enabled[irq] && !this.active[irq] && this.priority[irq]! < bestPrio && this.isPending(irq)) {
        bestPrio = this.priority[irq]!;
        best = irq;
      }
    }
    let irqLevel = false, fiqLevel = false;
    if (bestPrio < this.pmr) {
      this.currentPending = best;
      if (bestPrio < this.runningPriority) {
        const grp = this.group[best]!;
        if ((this.ctlr & (1 << grp)) && (this.cpuCtlr & (1 << grp))) {
          if (grp === 0 && (this.cpuCtlr & GICC_FIQ_EN)) fiqLevel = true;
          else irqLevel = true;
        }
      }
    }
    this.irqOut.set(irqLevel);
    this.fiqOut.set(fiqLevel);
  }

  /** GICC_HPPIR's value: the chosen interrupt, or 1022 for a group 1 interrupt without AckCtl. */
  private visiblePending(): number {
    const irq = this.currentPending;
    if (irq < 1020 && this.group[irq] && !(this.cpuCtlr & GICC_ACK_CTL)) return GROUP1_ONLY;
    return irq;
  }

  /** The priority bits that count for preemption, per the binary point of the interrupt's group. */
  private groupPriority(irq: number): number {
    const bp = this.group[irq] && !(this.cpuCtlr & GICC_CBPR) ? this.abpr - 1 : this.bpr;
    return this.priority[irq]! & ((~0 << ((bp & 7) + 1)) & 0xff);
  }

  /** GICC_IAR read. */
  acknowledge(): number {
    const irq = this.visiblePending();
    if (irq >= 1020) return irq;
    if (this.priority[irq]! >= this.runningPriority) return SPURIOUS;
    // Activate: record the preemption level in the active-priority bits, raise the running priority.
    const prio = this.groupPriority(irq);
    const lvl = prio >> 1;
    const set = this.group[irq] ? this.nsapr : this.apr;
    set[lvl >> 5] = (set[lvl >> 5]! | (1 << (lvl & 31))) >>> 0;
    this.runningPriority = prio;
    this.active[irq] = 1;
    let ret = irq;
    if (irq < NR_SGIS) {
      const srcs = this.sgiSources[irq]!;
      const src = srcs === 0 ? 0 : 31 - Math.clz32(srcs & -srcs);
      this.sgiSources[irq] = srcs & ~(1 << src);
      if (this.sgiSources[irq] === 0) this.pending[irq] = 0;
      ret = irq | ((src & 7) << 10);
    } else {
      this.pending[irq] = 0;
    }
    this.update();
    return ret;
  }

  /** GICC_EOIR write: drop the running priority and deactivate (GICv1 cannot split the two). */
  endOfInterrupt(value: number): void {
    const irq = value & 0x3ff;
    if (irq >= this.numIrq) return; // spurious or not an interrupt: ignored
    if (this.runningPriority === IDLE_PRIORITY) return; // nothing active
    // Interrupts must be completed in nesting order, so the one ending holds the lowest set bit.
    const set = this.group[irq] ? this.nsapr : this.apr;
    for (let i = 0; i < NR_APRS; i++) {
      if (set[i] !== 0) { set[i] = (set[i]! & (set[i]! - 1)) >>> 0; break; }
    }
    this.runningPriority = IDLE_PRIORITY;
    for (let i = 0; i < NR_APRS; i++) {
      const bits = (this.apr[i]! | this.nsapr[i]!) >>> 0;
      if (bits !== 0) { this.runningPriority = (i * 32 + 31 - Math.clz32(bits & -bits)) << 1; break; }
    }
    this.active[irq] = 0;
    this.update();
  }

  // ------------------------------------------------------------------ CPU interface

  private cpuRead(offset: number, width: Width): number {
    let v: number;
    switch (offset) {
      case 0x00: v = this.cpuCtlr; break;
      case 0x04: v = this.pmr; break;
      case 0x08: v = this.bpr; break;
      case 0x0c: v = this.acknowledge(); break;
      case 0x14: v = this.runningPriority > 0xff ? 0xff : this.runningPriority; break;
      case 0x18: v = this.visiblePending(); break;
      case 0x1c: v = this.abpr; break;
      case 0xd0: case 0xd4: case 0xd8: case 0xdc: case 0xe0: case 0xe4: case 0xe8: case 0xec:
        v = 0; break; // active priority registers: GICv2 only
      case 0xfc: v = 0x1043b; break;
      default:
        this.guestError(`${this.name}: CPU interface read at bad offset 0x${offset.toString(16)}`);
        return 0;
    }
    return width === 4 ? v : v & (width === 2 ? 0xffff : 0xff);
  }

  private cpuWrite(offset: number, _width: Width, value: number): void {
    value >>>= 0;
    switch (offset) {
      case 0x00: this.cpuCtlr = value & GICC_CTLR_MASK; break;
      case 0x04: this.pmr = value & this.prioMask; break;
      case 0x08: this.bpr = value & 7; break;
      case 0x10: this.endOfInterrupt(value); return;
      case 0x1c: this.abpr = Math.max(value & 7, 1); break;
      case 0xd0: case 0xd4: case 0xd8: case 0xdc: case 0xe0: case 0xe4: case 0xe8: case 0xec:
        return; // GICv2 only: ignored
      default:
        this.guestError(`${this.name}: CPU interface write at bad offset 0x${offset.toString(16)}`);
        return;
    }
    this.update();
  }

  // ------------------------------------------------------------------ distributor

  private distRead(offset: number, width: Width): number {
    let v = 0;
    for (let i = 0; i < width; i++) v |= this.distReadByte(offset + i) << (8 * i);
    return v >>> 0;
  }

  private distWrite(offset: number, width: Width, value: number): void {
    value >>>= 0;
    if (offset === 0xf00 && width === 4) {
      this.softwareInterrupt(value);
    } else {
      for (let i = 0; i < width; i++) this.distWriteByte(offset + i, (value >>> (8 * i)) & 0xff);
    }
    this.update();
  }

  /** GICD_SGIR: SGI `value & 0xf` to the CPUs the filter selects (only CPU 0 exists). */
  private softwareInterrupt(value: number): void {
    const irq = value & 0xf;
    let targets: number;
    switch ((value >>> 24) & 3) {
      case 0: targets = (value >>> 16) & 0xff; break;
      case 1: targets = 0xfe; break;  // every CPU but the sender
      case 2: targets = 1; break;     // the sender
      default: targets = 0xff; break; // reserved: QEMU sends to all
    }
    if (targets & 1) {
      this.pending[irq] = 1;
      this.sgiSources[irq] = this.sgiSources[irq]! | 1;
    }
  }

  private badDist(what: 'read' | 'write', offset: number): void {
    this.guestError(`${this.name}: distributor ${what} at bad offset 0x${offset.toString(16)}`);
  }

  private distReadByte(offset: number): number {
    if (offset < 0x100) {
      if (offset === 0x00) return this.ctlr;
      if (offset === 0x04) return ((this.numIrq >> 5) - 1); // ITLinesNumber; CPUNumber 0
      if (offset === 0x05) return 1 << 2;                  // SecurityExtn
      if (offset === 0x08) return 0x3b;                    // IIDR: ARM
      if (offset === 0x09) return 0x04;
      if (offset < 0x0c) return 0;
      if (offset >= 0x80) return this.bitsRead(this.group, (offset - 0x80) * 8, offset);
      this.badDist('read', offset);
      return 0;
    }
    if (offset < 0x200) return this.bitsRead(this.enabled, ((offset - 0x100) & 0x7f) * 8, offset);
    if (offset < 0x300) {
      const irq = ((offset - 0x200) & 0x7f) * 8;
      if (irq >= this.numIrq) { this.badDist('read', offset); return 0; }
      let r = 0;
      for (let i = 0; i < 8; i++) if (this.isPending(irq + i)) r |= 1 << i;
      return r;
    }
    if (offset < 0x400) {
      if (offset >= 0x380) { this.badDist('read', offset); return 0; } // ICACTIVER: GICv2 only
      return this.bitsRead(this.active, (offset - 0x300) * 8, offset);
    }
    if (offset < 0x800) {
      const irq = offset - 0x400;
      if (irq >= this.numIrq) { this.badDist('read', offset); return 0; }
      return this.priority[irq]!;
    }
    if (offset < 0xc00) return 0; // ITARGETSR: RAZ/WI with one CPU
    if (offset < 0xf00) {
      const irq = (offset - 0xc00) * 4;
      if (irq >= this.numIrq) { this.badDist('read', offset); return 0; }
      let r = 0;
      for (let i = 0; i < 4; i++) if (this.edge[irq + i]) r |= 2 << (i * 2);
      return r;
    }
    if (offset < 0xf10) { this.badDist('read', offset); return 0; }
    if (offset < 0xf30) return this.sgiSources[(offset - 0xf10) & 0xf]!;
    if (offset < 0xfd0) { this.badDist('read', offset); return 0; }
    return (offset & 3) ? 0 : GIC_ID[(offset - 0xfd0) >> 2]!;
  }

  private bitsRead(bits: Uint8Array, irq: number, offset: number): number {
    if (irq >= this.numIrq) { this.badDist('read', offset); return 0; }
    let r = 0;
    for (let i = 0; i < 8; i++) if (bits[irq + i]) r |= 1 << i;
    return r;
  }

  private distWriteByte(offset: number, value: number): void {
    if (offset < 0x100) {
      if (offset === 0x00) { this.ctlr = value & (CTLR_EN_GRP0 | CTLR_EN_GRP1); return; }
      if (offset < 0x04) return;
      if (offset >= 0x80) {
        const irq = (offset - 0x80) * 8;
        if (irq >= this.numIrq) { this.badDist('write', offset); return; }
        for (let i = 0; i < 8; i++) this.group[irq + i] = (value >> i) & 1;
        return;
      }
      this.badDist('write', offset);
      return;
    }
    if (offset < 0x300) {
      // ISENABLER, ICENABLER, ISPENDR, ICPENDR: set or clear the bits written as 1.
      const irq = ((offset - 0x100) & 0x7f) * 8;
      if (irq >= this.numIrq) { this.badDist('write', offset); return; }
      const reg = (offset - 0x100) >> 7; // 0 set-enable, 1 clear-enable, 2 set-pending, 3 clear-pending
      // SGIs: always enabled, and pending only through GICD_SGIR / SPENDSGIR.
      if (irq < NR_SGIS) value = reg === 0 ? 0xff : 0;
      const bits = reg < 2 ? this.enabled : this.pending;
      const v = (reg & 1) === 0 ? 1 : 0;
      for (let i = 0; i < 8; i++) if (value & (1 << i)) bits[irq + i] = v;
      return;
    }
    if (offset < 0x400) { this.badDist('write', offset); return; } // ISACTIVER read-only; ICACTIVER GICv2
    if (offset < 0x800) {
      const irq = offset - 0x400;
      if (irq >= this.numIrq) { this.badDist('write', offset); return; }
      this.priority[irq] = value & this.prioMask;
      return;
    }
    if (offset < 0xc00) return; // ITARGETSR: RAZ/WI with one CPU
    if (offset < 0xf00) {
      const irq = (offset - 0xc00) * 4;
      if (irq >= this.numIrq) { this.badDist('write', offset); return; }
      if (irq < NR_SGIS) value |= 0xaa; // SGIs are always edge-triggered
      for (let i = 0; i < 4; i++) this.edge[irq + i] = (value >> (i * 2 + 1)) & 1;
      return;
    }
    if (offset < 0xf10) { this.badDist('write', offset); return; } // GICD_SGIR takes word writes only
    if (offset < 0xf20) {
      const irq = offset - 0xf10;
      this.sgiSources[irq] = this.sgiSources[irq]! & ~value;
      if (this.sgiSources[irq] === 0) this.pending[irq] = 0;
      return;
    }
    if (offset < 0xf30) {
      const irq = offset - 0xf20;
      this.pending[irq] = 1;
      this.sgiSources[irq] = this.sgiSources[irq]! | value;
      return;
    }
    this.badDist('write', offset);
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.onGuestError(msg);
  }

  // ------------------------------------------------------------------ snapshot

  saveState(): DeviceState {
    return {
      enabled: Array.from(this.enabled), pending: Array.from(this.pending), active: Array.from(this.active),
      level: Array.from(this.level), edge: Array.from(this.edge), group: Array.from(this.group),
      priority: Array.from(this.priority), sgiSources: Array.from(this.sgiSources),
      ctlr: this.ctlr, cpuCtlr: this.cpuCtlr, pmr: this.pmr, bpr: this.bpr, abpr: this.abpr,
      runningPriority: this.runningPriority, apr: Array.from(this.apr), nsapr: Array.from(this.nsapr),
    };
  }

  loadState(st: DeviceState): void {
    const s = st as ReturnType<Gic['saveState']> & Record<string, unknown>;
    const arr = (k: string, n: number): number[] => {
      const a = s[k];
      if (!Array.isArray(a) || a.length !== n) throw new Error(`${this.name}: snapshot field ${k} is not ${n} numbers`);
      return a as number[];
    };
    const n = this.numIrq;
    this.enabled.set(arr('enabled', n)); this.pending.set(arr('pending', n)); this.active.set(arr('active', n));
    this.level.set(arr('level', n)); this.edge.set(arr('edge', n)); this.group.set(arr('group', n));
    this.priority.set(arr('priority', n)); this.sgiSources.set(arr('sgiSources', NR_SGIS));
    this.apr.set(arr('apr', NR_APRS)); this.nsapr.set(arr('nsapr', NR_APRS));
    const num = (k: string): number => {
      const v = s[k];
      if (typeof v !== 'number') throw new Error(`${this.name}: snapshot field ${k} is not a number`);
      return v;
    };
    this.ctlr = num('ctlr'); this.cpuCtlr = num('cpuCtlr'); this.pmr = num('pmr'); this.bpr = num('bpr');
    this.abpr = num('abpr'); this.runningPriority = num('runningPriority');
    this.update();
  }
}

registerDevice('gic', (host, params) => {
  const g = new Gic(host.name, {
    spis: typeof params['spis'] === 'number' ? params['spis'] : undefined,
    priorityBits: typeof params['priorityBits'] === 'number' ? params['priorityBits'] : undefined,
  }, host.irq(0), host.irq(1));
  g.onGuestError = msg => host.guestError(msg);
  return g;
});
