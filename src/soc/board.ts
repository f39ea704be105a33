// A board built from its description (BoardSpec, plain data): bus, RAM, devices, CPU, run loop.
// No host I/O here: UART bytes leave through callbacks and enter through receive(); semihosting
// streams go through the SemihostingIO the caller gives. The CLI, and later the WebSocket
// service and the batch farm, drive boards through this API.

import { Bus, type MmioDevice, type Width } from '../armcore/bus.js';
import { Cpu, Mode } from '../armcore/cpu.js';
import { Engine, type EngineOptions, type EngineStats } from '../translator/engine.js';
import { Semihosting, type SemihostingIO } from '../armcore/semihosting.js';
import { installCp15 } from '../armcore/cp15.js';
import { installCp14 } from '../armcore/cp14.js';
import { VirtualClock } from './clock.js';
import {
  deviceFactory, deviceTypes, NullIrqLine, type Device, type DeviceHost, type DeviceSpec, type Frame, type InputEvent,
  type InterruptController, type IrqLine, type IrqRef, type SerialPort,
} from './device.js';
import './devices/index.js';
import { loadSnapshot, saveSnapshot } from './snapshot.js';
import { loadImage, largestGap, LoadError, type LoadedImage, type LoadOptions } from './loader.js';

export type { DeviceSpec };

/** A region the board names but armada does not model: accesses are logged once and read as zero. */
export interface TaggedRegion { name: string; at: number; size: number }
export interface BoardSpec {
  name: string;
  cpu: 'cortex-a9';
  ram: { at: number; defaultMiB: number; maxMiB: number };
  /** Other fixed RAM regions (on-board SRAM, video RAM). */
  extraRam?: readonly { name: string; at: number; size: number }[];
  devices: Record<string, DeviceSpec>;
  /** The device whose inputs numeric `irq` references name (the GIC). */
  intc?: string;
  /** Devices the board has but armada does not model (yet): tagged by name, read as zero. */
  unimplemented?: readonly TaggedRegion[];
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
  /** Virtual nanoseconds per guest instruction (default 1). */
  nsPerInsn?: number;
  /** Where the RTC's wall-clock time comes from: a fixed epoch (default, deterministic) or the host. */
  rtc?: 'fixed' | 'host';
  /** The fixed epoch for rtc: 'fixed', in ms since 1970 (default 2000-01-01T00:00:00Z). */
  rtcEpochMs?: number;
  /** Translation cache and hot tier (cache bound, hot mode); defaults from the environment. */
  engine?: EngineOptions;
}

export type RunResult =
  | { kind: 'exit'; code: number }     // the guest asked to exit (semihosting)
  | { kind: 'budget' }                 // ran the instructions it was given
  | { kind: 'wfi' }                    // waiting for an interrupt with no event scheduled
  | { kind: 'idle'; untilNs: number }  // waiting for an interrupt; the next event is at untilNs (idle: 'return')
  | { kind: 'poweroff' }               // the guest powered the board off
  | { kind: 'reboot' }                 // the guest asked for a reboot (call reset() to restart)
  | { kind: 'input' }                  // a semihosting read waits for host input (call resumeInput)
  | { kind: 'error'; message: string };// the guest did something armada stops on

export interface BoardStats extends EngineStats {
  insns: number;
  /** Virtual time, ns. */
  virtualNs: number;
  /** Virtual time skipped while idle in WFI, ns. */
  idleNs: number;
  ramHostBytes: number;
}

/**
 * The engine runs in slices of at most this many instructions, even with no device event due:
 * V8 optimizes the run loop for its next call, not on stack (see translator/engine.ts), so a
 * long first slice would run the whole program unoptimized. A slice costs a few microseconds.
 */
export const ENGINE_SLICE_INSNS = 1 << 20;

/** Unmapped physical space on boards where it reads as zero and ignores writes (QEMU vexpress). */
export class ReadsAsZero implements MmioDevice {
  private warned = false;
  constructor(readonly name: string, readonly size: number, private readonly base: number,
    private readonly report: (msg: string) => void, private readonly why = 'nothing mapped') {}
  read(offset: number, width: Width): number { this.note(offset, width, 'read'); return 0; }
  write(offset: number, width: Width): void { this.note(offset, width, 'write'); }
  private note(offset: number, width: Width, what: string): void {
    if (this.warned) return;
    this.warned = true;
    this.report(`invalid ${what} at 0x${((this.base + offset) >>> 0).toString(16)}, size ${width} (${this.why}; reads as zero)`);
  }
}

export class Board {
  readonly bus = new Bus();
  readonly cpu: Cpu;
  readonly engine: Engine;
  readonly clock: VirtualClock;
  /** Device instances by name, in description order (the interrupt controller first). */
  readonly devices = new Map<string, Device>();
  readonly ramBase: number;
  readonly ramSize: number;
  readonly semihosting: Semihosting | undefined;
  image: LoadedImage | undefined;
  private imageBytes: { bytes: Uint8Array; opts: LoadOptions } | undefined;
  private readonly guestErrors = new Set<string>();
  private stopRequest: 'poweroff' | 'reboot' | null = null;
  /** The CPU is inside engine.run, in a slice sized to the next timer deadline. */
  private inEngine = false;
  /** Virtual time (ns) skipped while the CPU idled in WFI. */
  idleTime = 0;

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

    this.cpu = new Cpu(this.bus);
    const cpu = this.cpu;
    this.clock = new VirtualClock(() => cpu.icount, options.nsPerInsn ?? 1);
    this.clock.onEarlierDeadline = () => { if (this.inEngine) cpu.exitRequest = true; };
    this.createDevices();
    for (const t of spec.unimplemented ?? []) {
      this.bus.addDevice(t.at, new ReadsAsZero(t.name, t.size, t.at, m => this.guestError(m), `${t.name} is not modelled`));
    }
    if (spec.unmapped === 'raz-wi') this.fillUnmapped();

    installCp15(this.cpu);
    installCp14(this.cpu);
    this.engine = new Engine(this.cpu, { semihosting: options.semihosting !== undefined, vfp: options.vfp ?? true }, options.engine);
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

  private createDevices(): void {
    const spec = this.spec;
    const names = Object.keys(spec.devices);
    // The interrupt controller first: other devices' outputs connect to its inputs.
    if (spec.intc !== undefined) {
      if (!(spec.intc in spec.devices)) throw new Error(`${spec.name}: intc ${spec.intc} is not a device`);
      names.sort((a, b) => (a === spec.intc ? -1 : b === spec.intc ? 1 : 0));
    }
    let intc: InterruptController | undefined;
    const system = {
      poweroff: () => this.requestStop('poweroff'),
      reboot: () => this.requestStop('reboot'),
    };
    const epoch = this.options.rtcEpochMs ?? Date.UTC(2000, 0, 1);
    const wallClockMs = this.options.rtc === 'host' ? () => Date.now()
      : () => epoch + Math.floor(this.clock.now() / 1e6);
    for (const name of names) {
      const d = spec.devices[name]!;
      const factory = deviceFactory(d.type);
      if (!factory) throw new Error(`${spec.name}: device ${name} has unknown type ${d.type} (known: ${deviceTypes().join(', ')})`);
      const refs: readonly IrqRef[] = d.irq === undefined ? [] : Array.isArray(d.irq) ? d.irq : [d.irq as IrqRef];
      const lines = refs.map(ref => this.irqLineFor(ref, intc, name));
      const host: DeviceHost = {
        name,
        clock: this.clock,
        irq: (index = 0) => {
          const l = lines[index];
          if (!l) throw new Error(`${spec.name}: device ${name} needs interrupt output ${index}, but its description has ${lines.length}`);
          return l;
        },
        guestError: msg => this.guestError(msg),
        bus: this.bus,
        system,
        wallClockMs,
      };
      const dev = factory(host, d.params ?? {});
      this.devices.set(name, dev);
      const at = d.at;
      if (typeof at === 'number') {
        const r = dev.regions['main'];
        if (!r) throw new Error(`${spec.name}: device ${name} (${d.type}) has no single region; give named bases`);
        this.bus.addDevice(at, r);
      } else {
        for (const [k, base] of Object.entries(at)) {
          const r = dev.regions[k];
          if (!r) throw new Error(`${spec.name}: device ${name} (${d.type}) has no region ${k}`);
          this.bus.addDevice(base, r);
        }
      }
      if (name === spec.intc) {
        if (!dev.interruptController) throw new Error(`${spec.name}: ${name} (${d.type}) is not an interrupt controller`);
        intc = dev.interruptController;
      }
    }
  }

  private irqLineFor(ref: IrqRef, intc: InterruptController | undefined, dev: string): IrqLine {
    const cpu = this.cpu;
    if (ref === 'cpu:irq') return { set: level => { cpu.irqLine = level; } };
    if (ref === 'cpu:fiq') return { set: level => { cpu.fiqLine = level; } };
    if (!intc) {
      // No controller modelled: the line just holds its level (nothing can take the interrupt).
      if (this.spec.intc !== undefined) throw new Error(`${this.spec.name}: ${dev} is wired before the interrupt controller`);
      return new NullIrqLine();
    }
    return intc.input(ref);
  }

  private requestStop(why: 'poweroff' | 'reboot'): void {
    this.stopRequest = why;
    // Leave the run loop at the next block boundary.
    if (!this.cpu.halted) this.cpu.halted = { kind: 'stop' };
  }

  private guestError(msg: string): void {
    if (this.guestErrors.has(msg)) return;
    this.guestErrors.add(msg);
    this.options.onGuestError?.(msg);
  }

  /** Map every hole in the 4 GiB physical space to a reads-as-zero region. */
  private fillUnmapped(): void {
    const used: { start: number; end: number }[] = this.bus.ram.map(r => ({ start: r.base, end: r.base + r.size }));
    for (const m of this.bus.mappings()) used.push({ start: m.base, end: m.end });
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
    this.imageBytes = { bytes, opts };
    this.engine.invalidateAll();
    this.resetCpu(img.entry, img.thumb);
    return img;
  }

  /**
   * System reset, as QEMU's: every device's reset (which, as in QEMU 7.2, leaves some registers
   * alone: SP804 load/control, PL031, SYS_NVFLAGS...), the CPU reset, and the image loaded by
   * load() loaded again (as QEMU restores its ROM images). RAM outside the image keeps its
   * contents. A Linux boot (loadLinux) must be loaded again by the caller.
   */
  reset(): void {
    this.stopRequest = null;
    for (const d of this.devices.values()) d.reset();
    this.engine.invalidateAll();
    if (this.imageBytes) this.load(this.imageBytes.bytes, this.imageBytes.opts);
    else this.resetCpu(this.ramBase, false);
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

  device(name: string): Device {
    const d = this.devices.get(name);
    if (!d) throw new Error(`${this.spec.name} has no device ${name} (it has: ${[...this.devices.keys()].join(', ')})`);
    return d;
  }

  /** A serial port by device name ('uart0' is the console on vexpress). */
  uart(name = 'uart0'): SerialPort {
    const d = this.devices.get(name);
    if (!d?.serial) throw new Error(`${this.spec.name} has no serial port ${name}`);
    return d.serial;
  }

  /** Names of the devices that are serial ports, in description order. */
  serialPorts(): string[] {
    return [...this.devices].filter(([, d]) => d.serial).map(([n]) => n);
  }

  /** The current frame of the display device (the first one, or the one named). */
  readFrame(name?: string): Frame {
    for (const [n, d] of this.devices) {
      if (d.display && (name === undefined || n === name)) return d.display.readFrame();
    }
    throw new Error(`${this.spec.name} has no display${name ? ` ${name}` : ''}`);
  }

  /** Feed a user input event to the device that takes that kind (keyboard, mouse). */
  input(ev: InputEvent): void {
    for (const d of this.devices.values()) {
      if (d.inputSink && d.inputSink.accepts === ev.kind) { d.inputSink.input(ev); return; }
    }
    throw new Error(`${this.spec.name} has no device that takes ${ev.kind} input`);
  }

  /**
   * Run up to maxInsns instructions, firing device events at their virtual times. With the CPU in
   * WFI and nothing pending, virtual time skips to the next event (idle: 'skip', the default), or
   * the run returns { kind: 'idle', untilNs } so that a real-time driver can wait on the host clock.
   */
  run(opts: { maxInsns: number; idle?: 'skip' | 'return' }): RunResult {
    if (this.disposed) throw new Error(`${this.spec.name}: the board was disposed`);
    const c = this.cpu;
    const clock = this.clock;
    const end = c.icount + opts.maxInsns;
    for (;;) {
      clock.runDue();
      const early = this.checkHalt();
      if (early) return early;
      const left = end - c.icount;
      if (left <= 0) return { kind: 'budget' };
      // A device that arms an earlier timer inside this slice ends it (clock.onEarlierDeadline).
      this.inEngine = true;
      let r: ReturnType<Engine['run']>;
      try { r = this.engine.run(Math.min(left, clock.insnsToNextDeadline(), ENGINE_SLICE_INSNS)); } finally { this.inEngine = false; }
      if (r.kind === 'halted') {
        const h = this.checkHalt();
        if (h) return h;
        continue;
      }
      if (r.kind === 'wfi') {
        if (this.semihosting?.waitingForInput) return { kind: 'input' };
        const next = clock.nextDeadline();
        if (next === Infinity) return { kind: 'wfi' };
        if (opts.idle === 'return') return { kind: 'idle', untilNs: next };
        this.idleTime += Math.max(0, next - clock.now());
        clock.skipTo(next);
      }
    }
  }

  /** Host input arrived (or ended) for a guest suspended in a semihosting read. */
  resumeInput(): void {
    this.semihosting?.resumeInput();
  }

  /** Execute one instruction (tracing, debugging). */
  step(): RunResult {
    this.clock.runDue();
    const early = this.checkHalt();
    if (early) return early;
    const r = this.engine.step();
    if (r.kind === 'halted') return this.checkHalt() ?? { kind: 'budget' };
    if (this.semihosting?.waitingForInput) return { kind: 'input' };
    return r;
  }

  /** A pending stop as a run result; clears a board stop request so the next run goes on. */
  private checkHalt(): RunResult | null {
    const c = this.cpu;
    if (!c.halted) return null;
    if (c.halted.kind === 'stop') {
      c.halted = null;
      const why = this.stopRequest;
      this.stopRequest = null;
      return why ? { kind: why } : null;
    }
    return haltResult(c);
  }

  private disposed = false;
  /**
   * The board is done: its guest memory goes back to the process (zeroed, for the next board of
   * the same RAM size, which then reuses V8's code for it; see Bus.release) and its translations
   * are dropped. Running it afterwards is an error. Services and farms that make many boards in
   * one process should call this; a board that is simply dropped is collected as usual.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine.invalidateAll();
    // No TLB entry may lead into the arena once another board has it.
    this.cpu.flushTlb();
    this.bus.release();
  }

  /** The complete machine state as bytes (see snapshot.ts). */
  saveSnapshot(): Uint8Array { return saveSnapshot(this); }

  /** Restore a snapshot taken of a board with the same description and RAM size. */
  loadSnapshot(bytes: Uint8Array): void { loadSnapshot(this, bytes); }

  stats(): BoardStats {
    let ram = 0;
    for (const r of this.bus.ram) ram += r.hostBytes;
    return { ...this.engine.stats, insns: this.cpu.icount, virtualNs: this.clock.now(), idleNs: this.idleTime, ramHostBytes: ram };
  }
}

function haltResult(c: Cpu): RunResult {
  const h = c.halted!;
  if (h.kind === 'exit') return { kind: 'exit', code: h.code };
  if (h.kind === 'error') return { kind: 'error', message: h.message };
  return { kind: 'budget' };
}

export function createBoard(spec: BoardSpec, options: BoardOptions = {}): Board {
  return new Board(spec, options);
}

export { LoadError };
