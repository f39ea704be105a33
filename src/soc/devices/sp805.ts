// ARM SP805 watchdog.
//
// QEMU 7.2's vexpress-a9 has no watchdog at 0x1000f000 (the region reads as zero there), so this
// model is not on armada's vexpress-a9 board either, to stay identical to QEMU; boards that want
// one add it with `{ type: 'sp805', at, irq, params: { freq } }`. Its behaviour follows the SP805
// TRM (DDI 0270) as QEMU's model of the same design, the CMSDK APB watchdog
// (hw/watchdog/cmsdk-apb-watchdog.c), implements it:
// - the counter runs while INTEN is set, from WDOGLOAD down to 0 and then one more tick (Load + 1
//   ticks per timeout); setting INTEN after it was clear reloads the counter from WDOGLOAD;
// - the first timeout raises WDOGRIS and reloads; a timeout with the interrupt still pending
//   asserts the reset output and stops the counter, and with RESEN set the board resets
//   (host.system.reboot(), QEMU's default watchdog action);
// - WDOGINTCLR clears the interrupt and reloads the counter; writing WDOGLOAD reloads it too;
// - writing 0x1ACCE551 to WDOGLOCK enables register writes, anything else disables them
//   (WDOGLOCK reads 1 while locked);
// - WDOGITCR/WDOGITOP drive the outputs directly in integration test mode.
// The counter clock (WDOGCLK) is `params.freq` Hz; the Versatile Express motherboard feeds it from
// the 32.768 kHz reference clock (its device tree: clocks = <&v2m_refclk32khz>).

import type { MmioDevice, Width } from '../../armcore/bus.js';
import type { Timer } from '../clock.js';
import { primeCellId, registerDevice, type Device, type DeviceHost, type DeviceState, type RegisterSpec } from '../device.js';
import { narrow } from './lanes.js';

export const SP805_REGS: readonly RegisterSpec[] = [
  { name: 'WDOGLOAD', offset: 0x000, access: 'rw', reset: 0xffffffff, doc: 'reload value; writing reloads the counter' },
  { name: 'WDOGVALUE', offset: 0x004, access: 'ro', reset: 0xffffffff, doc: 'current count' },
  { name: 'WDOGCONTROL', offset: 0x008, access: 'rw', reset: 0, doc: 'INTEN 0 (runs the counter), RESEN 1' },
  { name: 'WDOGINTCLR', offset: 0x00c, access: 'wo', reset: 0, doc: 'clear the interrupt and reload' },
  { name: 'WDOGRIS', offset: 0x010, access: 'ro', reset: 0, doc: 'raw interrupt status' },
  { name: 'WDOGMIS', offset: 0x014, access: 'ro', reset: 0, doc: 'masked interrupt status' },
  { name: 'WDOGLOCK', offset: 0xc00, access: 'rw', reset: 0, doc: '0x1ACCE551 unlocks writes; reads 1 when locked' },
  { name: 'WDOGITCR', offset: 0xf00, access: 'rw', reset: 0, doc: 'integration test mode enable' },
  { name: 'WDOGITOP', offset: 0xf04, access: 'wo', reset: 0, doc: 'test outputs: WDOGRES 0, WDOGINT 1' },
];

/** WdogPeriphID0-3 (part 0x805, designer ARM, revision 1) and PrimeCell IDs. */
export const SP805_ID = [0x05, 0x18, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

const INTEN = 1, RESEN = 2;
const UNLOCK = 0x1acce551;
const ITOP_RES = 1, ITOP_INT = 2;

export class Sp805 implements Device, MmioDevice {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private load = 0xffffffff;
  private control = 0;
  private intStatus = 0;
  private resetStatus = 0;
  private locked = 0;
  private itcr = 0;
  private itop = 0;
  /** While running: the virtual time at which the count was `base`. Stopped: the held count. */
  private running = false;
  private base = 0xffffffff;
  private baseNs = 0;
  private readonly expiry: Timer;
  private readonly periodNs: number;

  constructor(readonly name: string, private readonly host: DeviceHost, freq = 32768) {
    if (!(freq > 0)) throw new Error(`${name}: sp805 clock must be positive, not ${freq}`);
    this.periodNs = 1e9 / freq;
    this.expiry = host.clock.timer(`${name}.timeout`, () => this.timeout());
  }

  reset(): void {
    this.control = 0; this.intStatus = 0; this.resetStatus = 0; this.locked = 0; this.itcr = 0; this.itop = 0;
    this.load = 0xffffffff;
    this.running = false; this.base = 0xffffffff; this.baseNs = 0;
    this.expiry.cancel();
    this.update();
  }

  /** The count now: `base` at baseNs, one less per tick, 0 for the last tick before a timeout. */
  count(): number {
    if (!this.running) return this.base;
    const ticks = Math.floor((this.host.clock.now() - this.baseNs) / this.periodNs);
    return Math.max(0, this.base - ticks);
  }

  /** (Re)start counting from `value`; the timeout comes value + 1 ticks later. */
  private startFrom(value: number): void {
    this.base = value;
    this.baseNs = this.host.clock.now();
    this.running = true;
    this.expiry.armAt(this.baseNs + (value + 1) * this.periodNs);
  }

  private stop(): void {
    if (!this.running) return;
    this.base = this.count();
    this.running = false;
    this.expiry.cancel();
  }

  private timeout(): void {
    if (!this.intStatus) {
      // First timeout: interrupt, reload, and count on from the instant it expired (no drift).
      const expiredAt = this.baseNs + (this.base + 1) * this.periodNs;
      this.intStatus = 1;
      this.base = this.load;
      this.baseNs = expiredAt;
      this.expiry.armAt(expiredAt + (this.load + 1) * this.periodNs);
    } else {
      // Second timeout with the interrupt still pending: reset output, counter stopped.
      this.resetStatus = 1;
      this.base = 0;
      this.running = false;
    }
    this.update();
  }

  private update(): void {
    let int: boolean, res: boolean;
    if (this.itcr) {
      int = (this.itop & ITOP_INT) !== 0;
      res = (this.itop & ITOP_RES) !== 0;
    } else {
      int = this.intStatus !== 0 && (this.control & INTEN) !== 0;
      res = this.resetStatus !== 0 && (this.control & RESEN) !== 0;
    }
    this.host.irq(0).set(int);
    if (res) this.host.system.reboot();
  }

  read(offset: number, width: Width): number {
    const reg = offset & ~3;
    const id = primeCellId(SP805_ID, reg);
    let v: number;
    if (id !== undefined) v = id;
    else {
      switch (reg) {
        case 0x000: v = this.load; break;
        case 0x004: v = this.count(); break;
        case 0x008: v = this.control; break;
        case 0x010: v = this.intStatus; break;
        case 0x014: v = this.intStatus && (this.control & INTEN) ? 1 : 0; break;
        case 0xc00: v = this.locked; break;
        case 0xf00: v = this.itcr; break;
        case 0x00c: case 0xf04:
          this.host.guestError(`${this.name}: read of write-only register at 0x${reg.toString(16)}`);
          v = 0; break;
        default:
          this.host.guestError(`${this.name}: read at bad offset 0x${reg.toString(16)}`);
          v = 0;
      }
    }
    return narrow(v, offset, width);
  }

  write(offset: number, _width: Width, value: number): void {
    const reg = offset & ~3;
    value >>>= 0;
    if (this.locked && reg !== 0xc00) {
      this.host.guestError(`${this.name}: write to a locked watchdog`);
      return;
    }
    switch (reg) {
      case 0x000:
        this.load = value;
        if (this.running) this.startFrom(value); else this.base = value;
        return;
      case 0x008: {
        const prev = this.control;
        this.control = value & (INTEN | RESEN);
        if ((prev ^ this.control) & INTEN) {
          if (this.control & INTEN) this.startFrom(this.load); else this.stop();
        }
        this.update();
        return;
      }
      case 0x00c:
        this.intStatus = 0;
        if (this.running) this.startFrom(this.load); else this.base = this.load;
        this.update();
        return;
      case 0xc00: this.locked = value === UNLOCK ? 0 : 1; return;
      case 0xf00: this.itcr = value & 1; this.update(); return;
      case 0xf04: this.itop = value & 3; this.update(); return;
      case 0x004: case 0x010: case 0x014:
        this.host.guestError(`${this.name}: write to read-only register at 0x${reg.toString(16)}`);
        return;
      default:
        if (primeCellId(SP805_ID, reg) !== undefined) {
          this.host.guestError(`${this.name}: write to read-only register at 0x${reg.toString(16)}`);
        } else {
          this.host.guestError(`${this.name}: write at bad offset 0x${reg.toString(16)}`);
        }
    }
  }

  saveState(): DeviceState {
    return {
      load: this.load, control: this.control, intStatus: this.intStatus, resetStatus: this.resetStatus, locked: this.locked,
      itcr: this.itcr, itop: this.itop, running: this.running, base: this.base, baseNs: this.baseNs,
    };
  }

  loadState(st: DeviceState): void {
    const s = st as Record<string, number> & { running: boolean };
    this.load = s['load']!; this.control = s['control']!; this.intStatus = s['intStatus']!; this.resetStatus = s['resetStatus']!;
    this.locked = s['locked']!; this.itcr = s['itcr']!; this.itop = s['itop']!; this.running = s.running;
    this.base = s['base']!; this.baseNs = s['baseNs']!;
    // only the interrupt line: the reset output already acted before the snapshot
    this.host.irq(0).set(this.itcr ? (this.itop & ITOP_INT) !== 0 : this.intStatus !== 0 && (this.control & INTEN) !== 0);
  }
}

registerDevice('sp805', (host, params) => {
  const freq = typeof params['freq'] === 'number' ? params['freq'] : 32768;
  return new Sp805(host.name, host, freq);
});
