// ARM PrimeCell UART (PL011), as QEMU models it: transmission is instantaneous (TXFE always set,
// BUSY never), the receive FIFO is 16 entries deep with FEN set and 1 without, and the receive
// interrupt fires as soon as one character is waiting (QEMU's read trigger is 1).
//
// The register map is data (PL011_REGS); the device class keeps the state and computes its
// interrupt line in one place (update()).

import type { MmioDevice, Width } from '../../armcore/bus.js';
import { NullIrqLine, registerDevice, type Device, type DeviceState, type IrqLine, type RegisterSpec, type SerialPort } from '../device.js';

export { NullIrqLine, type IrqLine };


/** The PL011 registers (ARM PrimeCell UART (PL011) TRM, r1p5, table 3-1). */
export const PL011_REGS: readonly RegisterSpec[] = [
  { name: 'DR', offset: 0x000, access: 'rw', reset: 0, doc: 'data; reads carry FE/PE/BE/OE in bits 11:8' },
  { name: 'RSR_ECR', offset: 0x004, access: 'rw', reset: 0, doc: 'receive status (read) / error clear (write)' },
  { name: 'FR', offset: 0x018, access: 'ro', reset: 0x90, doc: 'flags: RI TXFE RXFF TXFF RXFE BUSY DCD DSR CTS' },
  { name: 'ILPR', offset: 0x020, access: 'rw', reset: 0, doc: 'IrDA low-power counter' },
  { name: 'IBRD', offset: 0x024, access: 'rw', reset: 0, doc: 'integer baud rate divisor (16 bits)' },
  { name: 'FBRD', offset: 0x028, access: 'rw', reset: 0, doc: 'fractional baud rate divisor (6 bits)' },
  { name: 'LCR_H', offset: 0x02c, access: 'rw', reset: 0, doc: 'line control; bit 4 FEN enables the FIFOs' },
  { name: 'CR', offset: 0x030, access: 'rw', reset: 0x300, doc: 'control: UARTEN, TXE, RXE, ...' },
  { name: 'IFLS', offset: 0x034, access: 'rw', reset: 0x12, doc: 'FIFO level select' },
  { name: 'IMSC', offset: 0x038, access: 'rw', reset: 0, doc: 'interrupt mask set/clear' },
  { name: 'RIS', offset: 0x03c, access: 'ro', reset: 0, doc: 'raw interrupt status' },
  { name: 'MIS', offset: 0x040, access: 'ro', reset: 0, doc: 'masked interrupt status' },
  { name: 'ICR', offset: 0x044, access: 'wo', reset: 0, doc: 'interrupt clear' },
  { name: 'DMACR', offset: 0x048, access: 'rw', reset: 0, doc: 'DMA control (DMA not modelled)' },
];

/** PeriphID0-3 (0xfe0-0xfec) and CellID0-3 (0xff0-0xffc). */
export const PL011_ID = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

// FR bits
export const FR_CTS = 1 << 0, FR_DSR = 1 << 1, FR_DCD = 1 << 2, FR_BUSY = 1 << 3, FR_RXFE = 1 << 4;
export const FR_TXFF = 1 << 5, FR_RXFF = 1 << 6, FR_TXFE = 1 << 7, FR_RI = 1 << 8;
// Interrupt bits (RIS/MIS/IMSC/ICR)
export const INT_RX = 1 << 4, INT_TX = 1 << 5, INT_RT = 1 << 6, INT_FE = 1 << 7, INT_PE = 1 << 8;
export const INT_BE = 1 << 9, INT_OE = 1 << 10;
const INT_MASK = 0x7ff;
const LCR_FEN = 1 << 4;
const FIFO_DEPTH = 16;

export class Pl011 implements MmioDevice, Device, SerialPort {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  readonly serial: SerialPort = this;
  // registers
  private flags = 0x90;
  private rsr = 0;
  private ilpr = 0;
  private ibrd = 0;
  private fbrd = 0;
  private lcr = 0;
  private cr = 0x300;
  private ifls = 0x12;
  private intEnabled = 0;
  private intLevel = 0;
  private dmacr = 0;
  // receive FIFO (ring) and the host bytes waiting for room in it
  private readonly fifo = new Uint16Array(FIFO_DEPTH);
  private readPos = 0;
  private readCount = 0;
  private backlog: number[] = [];
  private backlogPos = 0;
  private readonly warned = new Set<string>();

  /** Called with every byte the guest transmits. */
  onTransmit: (byte: number) => void = () => {};
  /** Called once per distinct unimplemented access (QEMU logs these as guest errors). */
  onGuestError: (msg: string) => void = () => {};

  constructor(readonly name: string, readonly irq: IrqLine = new NullIrqLine()) {}

  reset(): void {
    this.flags = FR_RXFE | FR_TXFE; this.rsr = 0; this.ilpr = 0; this.ibrd = 0; this.fbrd = 0;
    this.lcr = 0; this.cr = 0x300; this.ifls = 0x12; this.intEnabled = 0; this.intLevel = 0; this.dmacr = 0;
    this.readPos = 0; this.readCount = 0; this.backlog = []; this.backlogPos = 0;
    this.update();
  }

  /** Bytes from the host side (a terminal, a socket): they enter the FIFO as room allows. */
  receive(bytes: Iterable<number>): void {
    for (const b of bytes) this.backlog.push(b & 0xff);
    this.drainBacklog();
  }

  /** Host bytes not yet accepted into the receive FIFO. */
  get pendingInput(): number { return this.backlog.length - this.backlogPos; }

  get irqLevel(): boolean { return (this.intLevel & this.intEnabled) !== 0; }

  private get depth(): number { return (this.lcr & LCR_FEN) ? FIFO_DEPTH : 1; }

  private drainBacklog(): void {
    let changed = false;
    while (this.backlogPos < this.backlog.length && this.readCount < this.depth) {
      this.putFifo(this.backlog[this.backlogPos++]!);
      changed = true;
    }
    if (this.backlogPos === this.backlog.length && this.backlogPos > 0) { this.backlog = []; this.backlogPos = 0; }
    if (changed) this.update();
  }

  private putFifo(value: number): void {
    const slot = (this.readPos + this.readCount) & (FIFO_DEPTH - 1);
    this.fifo[slot] = value;
    this.readCount++;
    this.flags &= ~FR_RXFE;
    if (this.readCount === this.depth) this.flags |= FR_RXFF;
    this.intLevel |= INT_RX; // read trigger is one character
  }

  /** Recompute the interrupt output. */
  update(): void {
    this.irq.set((this.intLevel & this.intEnabled) !== 0);
  }

  read(offset: number, _width: Width): number {
    if (offset >= 0xfe0 && offset < 0x1000) return PL011_ID[(offset - 0xfe0) >> 2]!;
    switch (offset) {
      case 0x000: {
        this.flags &= ~FR_RXFF;
        let c = 0;
        if (this.readCount > 0) {
          c = this.fifo[this.readPos]!;
          this.readPos = (this.readPos + 1) & (FIFO_DEPTH - 1);
          this.readCount--;
        }
        if (this.readCount === 0) { this.flags |= FR_RXFE; this.intLevel &= ~INT_RX; }
        this.rsr = c >> 8;
        this.update();
        this.drainBacklog();
        return c;
      }
      case 0x004: return this.rsr;
      case 0x018: return this.flags;
      case 0x020: return this.ilpr;
      case 0x024: return this.ibrd;
      case 0x028: return this.fbrd;
      case 0x02c: return this.lcr;
      case 0x030: return this.cr;
      case 0x034: return this.ifls;
      case 0x038: return this.intEnabled;
      case 0x03c: return this.intLevel;
      case 0x040: return this.intLevel & this.intEnabled;
      case 0x048: return this.dmacr;
      default:
        this.guestError(`${this.name}: read at bad offset 0x${offset.toString(16)}`);
        return 0;
    }
  }

  write(offset: number, _width: Width, value: number): void {
    value >>>= 0;
    switch (offset) {
      case 0x000:
        this.onTransmit(value & 0xff);
        this.intLevel |= INT_TX;
        this.update();
        return;
      case 0x004: this.rsr = 0; return;
      case 0x018: return; // read-only: ignored
      case 0x020: this.ilpr = value & 0xff; return;
      case 0x024: this.ibrd = value & 0xffff; return;
      case 0x028: this.fbrd = value & 0x3f; return;
      case 0x02c:
        // Turning the FIFOs on or off empties the receive FIFO (as QEMU).
        if ((this.lcr ^ value) & LCR_FEN) {
          this.readCount = 0; this.readPos = 0;
          this.flags = (this.flags | FR_RXFE) & ~FR_RXFF;
        }
        this.lcr = value & 0xff;
        this.drainBacklog();
        return;
      case 0x030: this.cr = value & 0xffff; return;
      case 0x034: this.ifls = value & 0x3f; return;
      case 0x038: this.intEnabled = value & INT_MASK; this.update(); return;
      case 0x044: this.intLevel &= ~value; this.update(); return;
      case 0x048:
        this.dmacr = value & 7;
        if (value & 3) this.guestError(`${this.name}: DMA not implemented`);
        return;
      default:
        this.guestError(`${this.name}: write at bad offset 0x${offset.toString(16)}`);
    }
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.onGuestError(msg);
  }

  saveState(): DeviceState {
    return {
      flags: this.flags, rsr: this.rsr, ilpr: this.ilpr, ibrd: this.ibrd, fbrd: this.fbrd, lcr: this.lcr,
      cr: this.cr, ifls: this.ifls, intEnabled: this.intEnabled, intLevel: this.intLevel, dmacr: this.dmacr,
      fifo: Array.from(this.fifo), readPos: this.readPos, readCount: this.readCount,
      backlog: this.backlog.slice(this.backlogPos),
    };
  }

  loadState(st: DeviceState): void {
    const s = st as ReturnType<Pl011['saveState']> & Record<string, number>;
    this.flags = s.flags; this.rsr = s.rsr; this.ilpr = s.ilpr; this.ibrd = s.ibrd; this.fbrd = s.fbrd;
    this.lcr = s.lcr; this.cr = s.cr; this.ifls = s.ifls; this.intEnabled = s.intEnabled;
    this.intLevel = s.intLevel; this.dmacr = s.dmacr;
    this.fifo.set(s['fifo'] as unknown as number[]);
    this.readPos = s.readPos; this.readCount = s.readCount;
    this.backlog = [...(s['backlog'] as unknown as number[])]; this.backlogPos = 0;
    this.update();
  }
}

registerDevice('pl011', host => {
  const u = new Pl011(host.name, host.irq(0));
  u.onGuestError = msg => host.guestError(msg);
  return u;
});
