// What a device model is, and what the board gives it.
//
// A device is a small class with a register map, MMIO regions and interrupt outputs. It knows no
// other device: the board wires its interrupt outputs to the interrupt controller's inputs (or to
// the CPU) from the board description, gives it the virtual clock for timing, and the bus for the
// few devices that read guest memory (a display controller fetching its frame). Everything a
// device holds must survive saveState()/loadState() as plain JSON-compatible data, so that a
// snapshot restored on a new board runs on exactly as the original would.

import type { Bus, MmioDevice } from '../armcore/bus.js';
import type { VirtualClock } from './clock.js';

/** An interrupt output: the device sets its level; whoever is connected sees it. */
export interface IrqLine {
  set(level: boolean): void;
}

/** An output connected to nothing (yet): just records its level. */
export class NullIrqLine implements IrqLine {
  level = false;
  set(level: boolean): void { this.level = level; }
}

/** Where a device's interrupt output goes: an interrupt controller input (a GIC interrupt ID,
 * SPI n = 32 + n) or the CPU's own IRQ/FIQ inputs (for the interrupt controller itself). */
export type IrqRef = number | 'cpu:irq' | 'cpu:fiq';

/** A device instance in a board description. */
export interface DeviceSpec {
  /** Model name in the device registry (e.g. 'pl011', 'sp804', 'gic'). */
  type: string;
  /** Base address, or named bases for a device with several regions (e.g. GIC cpu / dist). */
  at: number | Readonly<Record<string, number>>;
  /** Interrupt outputs, in the device's own order. */
  irq?: IrqRef | readonly IrqRef[];
  /** Model-specific parameters (clock rates, IDs, sizes). */
  params?: Readonly<Record<string, number | string | boolean>>;
}

/** JSON-compatible device state. */
export type DeviceState = { readonly [key: string]: unknown };

/** Requests a device may make of the machine. */
export interface SystemControl {
  /** The guest asked for power off (e.g. V2M SYS_CFGCTRL shutdown). The run stops cleanly. */
  poweroff(): void;
  /** The guest asked for a reboot. The run stops; the board's owner decides whether to reset. */
  reboot(): void;
}

/** What the board hands a device factory. */
export interface DeviceHost {
  /** Instance name from the board description ('uart0', 'timer01', ...). */
  readonly name: string;
  readonly clock: VirtualClock;
  /** The device's interrupt outputs, in the order of the spec's `irq` list (index 0 first). */
  irq(index?: number): IrqLine;
  /** Report a guest error (bad offset, unsupported mode) once per distinct message. */
  guestError(msg: string): void;
  /** Guest physical memory, for devices that read or write it (display, DMA). */
  readonly bus: Bus;
  readonly system: SystemControl;
  /** Host wall-clock time in ms since the epoch when the board allows it (RTC with rtc: 'host'),
   * else a fixed epoch chosen by the board: devices never call Date.now() themselves. */
  wallClockMs(): number;
}

/** A UART-like byte stream port. */
export interface SerialPort {
  /** Bytes from the user (stdin, a client) to the guest. */
  receive(bytes: Iterable<number>): void;
  /** Called for every byte the guest transmits. */
  onTransmit: (byte: number) => void;
}

/** A frame read from a display device: RGBA8888, row-major, plus what changed since the last read. */
export interface Frame {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** Rows [first, last] that changed since the previous read (null when nothing changed). */
  dirty: { first: number; last: number } | null;
  /** False when the display is off or not configured (rgba is then empty). */
  enabled: boolean;
}

export interface Display {
  readFrame(): Frame;
}

/** Input events from a user (the CLI, a browser client). */
export type InputEvent =
  | { kind: 'key'; code: number; down: boolean }        // PS/2 set-2 make code (extended: 0xe0xx)
  | { kind: 'mouse'; dx: number; dy: number; buttons: number };

export interface InputSink {
  /** Which events this device takes. */
  readonly accepts: 'key' | 'mouse';
  input(ev: InputEvent): void;
}

/** An interrupt controller: the board connects other devices' outputs to its inputs. */
export interface InterruptController {
  /** The input line for interrupt ID `id`. */
  input(id: number): IrqLine;
}

export interface Device {
  readonly name: string;
  /** MMIO regions: 'main' for a device with a single base; otherwise the keys of its spec's `at`. */
  readonly regions: Readonly<Record<string, MmioDevice>>;
  /** Back to the state at power-on. */
  reset(): void;
  saveState(): DeviceState;
  loadState(state: DeviceState): void;
  // Optional capabilities the board exposes through its API.
  readonly serial?: SerialPort;
  readonly display?: Display;
  readonly inputSink?: InputSink;
  readonly interruptController?: InterruptController;
}

export type DeviceFactory = (host: DeviceHost, params: Readonly<Record<string, number | string | boolean>>) => Device;

const registry = new Map<string, DeviceFactory>();

/** Make a device model available to board descriptions under `type`. */
export function registerDevice(type: string, factory: DeviceFactory): void {
  if (registry.has(type)) throw new Error(`device type ${type} is registered twice`);
  registry.set(type, factory);
}

export function deviceFactory(type: string): DeviceFactory | undefined {
  return registry.get(type);
}

export function deviceTypes(): string[] {
  return [...registry.keys()].sort();
}

/** A register in a device's register map (the manual's names). */
export interface RegisterSpec {
  readonly name: string;
  readonly offset: number;
  readonly access: 'rw' | 'ro' | 'wo';
  readonly reset: number;
  readonly doc: string;
}

/**
 * PrimeCell identification registers (PeriphID0-3 at 0xfe0-0xfec, CellID0-3 at 0xff0-0xffc), which
 * most ARM peripherals share; `id` lists the eight byte values. Returns undefined outside that range.
 */
export function primeCellId(id: readonly number[], offset: number): number | undefined {
  if (offset >= 0xfe0 && offset < 0x1000 && (offset & 3) === 0) return id[(offset - 0xfe0) >> 2];
  return undefined;
}
