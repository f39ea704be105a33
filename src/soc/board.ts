// A board built from its description (BoardSpec, plain data): bus, RAM, devices, CPU, run loop.
// No host I/O here: UART bytes leave through callbacks and enter through receive(); semihosting
// streams go through the SemihostingIO the caller gives. The CLI, and later the WebSocket
// service and the batch farm, drive boards through this API.

import { Bus, type MmioDevice, type Width } from '../armcore/bus.js';
import { Cpu, Mode } from '../armcore/cpu.js';
import { Engine, type EngineStats } from '../translator/engine.js';
import { Semihosting, type SemihostingIO } from '../armcore/semihosting.js';
import { installCp15 } from '../armcore/cp15.js';
import { Pl011, NullIrqLine, type IrqLine } from './pl011.js';
import { loadImage, largestGap, LoadError, type LoadedImage, type LoadOptions } from './loader.js';

export type DeviceSpec =
  | { type: 'pl011'; at: number; irq: number };

export interface BoardSpec {
  name: string;
  cpu: 'cortex-a9';
  ram: { at: number; defaultMiB: number; maxMiB: number };
  /** Other fixed RAM regions (on-board SRAM, video RAM). */
  extraRam?: readonly { name: string; at: number; size: number }[];
  devices: Record<string, DeviceSpec>;
  /** What CPU accesses to physical addresses with nothing mapped do. */
  unmapped: 'raz-wi' | 'abort';
}

export interface BoardOptions {
  /** RAM size in MiB (default: the spec's). */
  ramMiB?: number;
  /** Enable semihosting (SVC 0x123456 / 0xAB, HLT) with these host streams and settings. */
  semihosting?: { io: SemihostingIO; root?: string; cmdline: string; consoleStream?: 1 | 2 };
  /** Guest errors (bad device offsets, accesses to nothing), each reported once. */
  onGuestError?: (msg: string) => void;
  /** The VFPv3-D32 floating-point unit (default: on, as on the Cortex-A9). */
  vfp?: boolean;
}

export type RunResult =
  | { kind: 'exit'; code: number }     // the guest asked to exit (semihosting)
  | { kind: 'budget' }                 // ran the instructions it was given
  | { kind: 'wfi' }                    // waiting for an interrupt
  | { kind: 'input' }                  // a semihosting read waits for host input (call resumeInput)
  | { kind: 'error'; message: string };// the guest did something armada stops on

export interface BoardStats extends EngineStats {
  insns: number;
  ramHostBytes: number;
}

/** Unmapped physical space on boards where it reads as zero and ignores writes (QEMU vexpress). */
export class ReadsAsZero implements MmioDevice {
  private warned = false;
  constructor(readonly name: string, readonly size: number, private readonly base: number,
    private readonly report: (msg: string) => void) {}
  read(offset: number, width: Width): number { this.note(offset, width, 'read'); return 0; }
  write(offset: number, width: Width): void { this.note(offset, width, 'write'); }
  private note(offset: number, width: Width, what: string): void {
    if (this.warned) return;
    this.warned = true;
    this.report(`invalid ${what} at 0x${((this.base + offset) >>> 0).toString(16)}, size ${width} (nothing mapped; reads as zero)`);
  }
}

export class Board {
  readonly bus = new Bus();
  readonly cpu: Cpu;
  readonly engine: Engine;
  readonly uarts = new Map<string, Pl011>();
  readonly irqs = new Map<string, IrqLine>();
  readonly ramBase: number;
  readonly ramSize: number;
  readonly semihosting: Semihosting | undefined;
  image: LoadedImage | undefined;
  private readonly guestErrors = new Set<string>();

  constructor(readonly spec: BoardSpec, readonly options: BoardOptions = {}) {
    const mib = options.ramMiB ?? spec.ram.defaultMiB;
    if (!Number.isInteger(mib) || mib < 1 || mib > spec.ram.maxMiB) {
      throw new LoadError(`RAM size ${mib} MiB is not supported by ${spec.name} (1..${spec.ram.maxMiB} MiB)`);
    }
    this.ramBase = spec.ram.at >>> 0;
    this.ramSize = mib * 1024 * 1024;
    this.bus.addRam('ram', this.ramBase, this.ramSize);
    for (const r of spec.extraRam ?? []) this.bus.addRam(r.name, r.at, r.size);
    this.bus.onGuestError = msg => this.guestError(msg);

    for (const [name, d] of Object.entries(spec.devices)) {
      switch (d.type) {
        case 'pl011': {
          const irq = new NullIrqLine();
          const u = new Pl011(name, irq);
          u.onGuestError = msg => this.guestError(msg);
          this.bus.addDevice(d.at, u);
          this.uarts.set(name, u);
          this.irqs.set(name, irq);
          break;
        }
      }
    }
    if (spec.unmapped === 'raz-wi') this.fillUnmapped();

    this.cpu = new Cpu(this.bus);
    installCp15(this.cpu);
    this.engine = new Engine(this.cpu, { semihosting: options.semihosting !== undefined, vfp: options.vfp ?? true });
    if (options.semihosting) {
      const sh = options.semihosting;
      this.semihosting = new Semihosting({
        io: sh.io, root: sh.root, cmdline: sh.cmdline, consoleStream: sh.consoleStream,
        heapInfo: () => this.heapInfo(),
      });
      const s = this.semihosting;
      this.cpu.host.semihosting = cpu => s.handle(cpu);
    }
    this.resetCpu(this.ramBase, false);
  }

  private guestError(msg: string): void {
    if (this.guestErrors.has(msg)) return;
    this.guestErrors.add(msg);
    this.options.onGuestError?.(msg);
  }

  /** Map every hole in the 4 GiB physical space to a reads-as-zero region. */
  private fillUnmapped(): void {
    const used: { start: number; end: number }[] = this.bus.ram.map(r => ({ start: r.base, end: r.base + r.size }));
    for (const d of Object.values(this.spec.devices)) used.push({ start: d.at >>> 0, end: (d.at >>> 0) + 0x1000 });
    used.sort((a, b) => a.start - b.start);
    let cur = 0;
    const holes: [number, number][] = [];
    for (const u of used) { if (u.start > cur) holes.push([cur, u.start]); cur = Math.max(cur, u.end); }
    if (cur < 0x100000000) holes.push([cur, 0x100000000]);
    for (const [s, e] of holes) {
      this.bus.addDevice(s, new ReadsAsZero(`unmapped@0x${s.toString(16)}`, e - s, s, m => this.guestError(m)));
    }
  }

  /** CPU state QEMU gives a non-Linux -kernel image: reset state, SVC mode, A/I/F masked, all
   * registers zero (SP too), CPSR 0x400001d3 (QEMU's reset leaves the Z flag reading 1). */
  private resetCpu(entry: number, thumb: boolean): void {
    const c = this.cpu;
    c.reset();
    c.setCpsr(0x400001d3);
    c.switchMode(Mode.SVC);
    c.r.fill(0);
    c.pc = entry >>> 0;
    c.t = thumb ? 1 : 0;
  }

  /** Load an ELF (or, with loadAddr, a raw binary) and point the CPU at its entry. */
  load(bytes: Uint8Array, opts: LoadOptions = {}): LoadedImage {
    const img = loadImage(this.bus, bytes, opts);
    this.image = img;
    this.engine.invalidateAll();
    this.resetCpu(img.entry, img.thumb);
    return img;
  }

  /**
   * SYS_HEAPINFO, as QEMU computes it: in the largest RAM region (the lowest on a tie), the
   * largest gap not covered by the loaded image.
   */
  heapInfo(): { base: number; limit: number } {
    let best = this.bus.ram[0]!;
    for (const r of this.bus.ram) if (r.size > best.size || (r.size === best.size && r.base < best.base)) best = r;
    return largestGap(this.image?.extents ?? [], best.base, best.size);
  }

  uart(name = 'uart0'): Pl011 {
    const u = this.uarts.get(name);
    if (!u) throw new Error(`${this.spec.name} has no ${name}`);
    return u;
  }

  /** Run up to maxInsns instructions (checked at block ends). */
  run(opts: { maxInsns: number }): RunResult {
    const c = this.cpu;
    if (c.halted) return haltResult(c);
    const r = this.engine.run(opts.maxInsns);
    if (r.kind === 'halted') return haltResult(c);
    if (r.kind === 'wfi' && this.semihosting?.waitingForInput) return { kind: 'input' };
    return r;
  }

  /** Host input arrived (or ended) for a guest suspended in a semihosting read. */
  resumeInput(): void {
    this.semihosting?.resumeInput();
  }

  /** Execute one instruction (tracing, debugging). */
  step(): RunResult {
    const c = this.cpu;
    if (c.halted) return haltResult(c);
    const r = this.engine.step();
    if (r.kind === 'halted') return haltResult(c);
    if (this.semihosting?.waitingForInput) return { kind: 'input' };
    return r;
  }

  stats(): BoardStats {
    let ram = 0;
    for (const r of this.bus.ram) ram += r.hostBytes;
    return { ...this.engine.stats, insns: this.cpu.icount, ramHostBytes: ram };
  }
}

function haltResult(c: Cpu): RunResult {
  const h = c.halted!;
  return h.kind === 'exit' ? { kind: 'exit', code: h.code } : { kind: 'error', message: h.message };
}

export function createBoard(spec: BoardSpec, options: BoardOptions = {}): Board {
  return new Board(spec, options);
}

export { LoadError };
