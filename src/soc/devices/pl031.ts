// ARM PrimeCell real-time clock (PL031), as QEMU 7.2 models it (hw/rtc/pl031.c).
//
// One 4 KiB region, one interrupt output (the match interrupt). The counter is seconds since the
// epoch: the board's wall clock (a fixed epoch advancing with virtual time by default, the host's
// clock with rtc: 'host') plus an offset the guest sets through RTCLR. QEMU's model, kept here:
// the RTC is always enabled (RTCCR reads 1, writes are ignored); writing RTCMR or RTCLR arms the
// match interrupt for (RTCMR - count) whole seconds from the moment of the write, wrapping at
// 2^32, and raises it at once when they are equal; a system reset leaves the RTC alone (QEMU's
// PL031 has no reset handler: it is battery-backed).
// With rtc: 'host' the count follows the host clock while the match interrupt is timed in virtual
// time (whole seconds from the write), so the two agree only as far as virtual time keeps pace.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import type { Timer } from '../clock.js';
import { primeCellId, registerDevice, type Device, type DeviceHost, type DeviceState, type RegisterSpec } from '../device.js';
import { narrow } from './lanes.js';

/** PL031 registers (PrimeCell RTC TRM, DDI 0224, table 3-1). */
export const PL031_REGS: readonly RegisterSpec[] = [
  { name: 'RTCDR', offset: 0x00, access: 'ro', reset: 0, doc: 'data: the current count in seconds' },
  { name: 'RTCMR', offset: 0x04, access: 'rw', reset: 0, doc: 'match: interrupt when the count reaches it' },
  { name: 'RTCLR', offset: 0x08, access: 'rw', reset: 0, doc: 'load: sets the count' },
  { name: 'RTCCR', offset: 0x0c, access: 'rw', reset: 1, doc: 'control: RTC start (always 1 in QEMU)' },
  { name: 'RTCIMSC', offset: 0x10, access: 'rw', reset: 0, doc: 'interrupt mask (bit 0)' },
  { name: 'RTCRIS', offset: 0x14, access: 'ro', reset: 0, doc: 'raw interrupt status' },
  { name: 'RTCMIS', offset: 0x18, access: 'ro', reset: 0, doc: 'masked interrupt status' },
  { name: 'RTCICR', offset: 0x1c, access: 'wo', reset: 0, doc: 'interrupt clear' },
];

export const PL031_ID = [0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

const NS_PER_S = 1_000_000_000;

export class Pl031 implements Device, MmioDevice {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  /** Seconds added to the wall clock (uint32 arithmetic). */
  private tickOffset = 0;
  private mr = 0;
  private lr = 0;
  private im = 0;
  private is = 0;
  private readonly alarm: Timer;

  constructor(readonly name: string, private readonly host: DeviceHost) {
    this.alarm = host.clock.timer(`${name}.match`, () => this.interrupt());
  }

  /** A system reset does not touch the RTC (QEMU's PL031 has no reset handler). */
  reset(): void {
    this.update();
  }

  /** RTCDR: whole seconds of the board's wall clock plus the guest's offset. */
  count(): number {
    return (Math.floor(this.host.wallClockMs() / 1000) + this.tickOffset) >>> 0;
  }

  private interrupt(): void {
    this.is = 1;
    this.update();
  }

  private update(): void {
    this.host.irq(0).set((this.is & this.im) !== 0);
  }

  private setAlarm(): void {
    const ticks = (this.mr - this.count()) >>> 0;
    if (ticks === 0) {
      this.alarm.cancel();
      this.interrupt();
    } else {
      this.alarm.armIn(ticks * NS_PER_S);
    }
  }

  read(offset: number, width: Width): number {
    const reg = offset & ~3;
    const id = primeCellId(PL031_ID, reg);
    let v: number;
    if (id !== undefined) v = id;
    else {
      switch (reg) {
        case 0x00: v = this.count(); break;
        case 0x04: v = this.mr; break;
        case 0x08: v = this.lr; break;
        case 0x0c: v = 1; break;
        case 0x10: v = this.im; break;
        case 0x14: v = this.is; break;
        case 0x18: v = this.is & this.im; break;
        case 0x1c:
          this.host.guestError(`${this.name}: read of write-only register RTCICR`);
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
    switch (reg) {
      case 0x08:
        this.lr = value;
        this.tickOffset = (this.tickOffset + value - this.count()) >>> 0;
        this.setAlarm();
        return;
      case 0x04:
        this.mr = value;
        this.setAlarm();
        return;
      case 0x10: this.im = value & 1; this.update(); return;
      case 0x1c: this.is &= ~value; this.update(); return;
      case 0x0c: return; // the RTC is always running
      case 0x00: case 0x14: case 0x18:
        this.host.guestError(`${this.name}: write to read-only register at 0x${reg.toString(16)}`);
        return;
      default:
        this.host.guestError(`${this.name}: write at bad offset 0x${reg.toString(16)}`);
    }
  }

  saveState(): DeviceState {
    return { tickOffset: this.tickOffset, mr: this.mr, lr: this.lr, im: this.im, is: this.is };
  }

  loadState(st: DeviceState): void {
    const s = st as Record<string, number>;
    this.tickOffset = s['tickOffset']!; this.mr = s['mr']!; this.lr = s['lr']!; this.im = s['im']!; this.is = s['is']!;
    this.update();
  }
}

registerDevice('pl031', host => new Pl031(host.name, host));
