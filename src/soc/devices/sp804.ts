// ARM SP804 dual timer, as QEMU 7.2 models it (hw/timer/arm_timer.c on a "legacy" ptimer).
//
// One 4 KiB region: timer 1 at 0x00-0x1f, timer 2 at 0x20-0x3f, PrimeCell IDs at 0xfe0. One
// interrupt output, the OR of both timers' masked interrupts (vexpress wires the combined
// TIMINT). Each timer counts down at `freq` Hz (1 MHz on vexpress, both timers; QEMU ignores the
// SP810's TIMCLK/REFCLK selection) divided by the prescaler.
//
// QEMU's behaviour, kept here because guests see it:
// - A periodic timer interrupts every Load ticks (hardware: Load + 1); its count runs Load .. 1
//   and reads 0 only at the instant it reloads.
// - Any TimerControl write with Enable set restarts the count from Load (the count is not
//   preserved across a control write), and the prescaler divides the integer frequency
//   (1 MHz / 256 = 3906 Hz, not 3906.25).
// - Free-running mode counts from 0xffffffff (0xffff in 16-bit mode), and writing Load then
//   restarts it from there, not from the value written; in periodic and one-shot modes the
//   16-bit size bit is ignored (all 32 bits of Load count).
// - A one-shot timer stops at 0 with Enable still set; writing Load does not restart it, a
//   TimerControl write does.
// - Starting with a count of 0 (Load = 0) interrupts at once and stops the timer.
// - A system reset does not touch the timers (QEMU 7.2 has no SP804 reset handler).
// - A periodic timer never interrupts more often than every 10 us of virtual time (QEMU's
//   ptimer limits the rate so that a guest still makes progress; armada keeps it for the same
//   reason and so that both agree on how often Linux sees a tiny period).

import type { MmioDevice, Width } from '../../armcore/bus.js';
import type { Timer } from '../clock.js';
import { registerDevice, type Device, type DeviceHost, type DeviceState, type RegisterSpec } from '../device.js';
import { narrow } from './lanes.js';

/** Registers of one timer (SP804 TRM, DDI 0271, table 3-1); timer 2 is at +0x20. */
export const SP804_REGS: readonly RegisterSpec[] = [
  { name: 'TimerXLoad', offset: 0x00, access: 'rw', reset: 0, doc: 'value the counter reloads from; writing restarts the count' },
  { name: 'TimerXValue', offset: 0x04, access: 'ro', reset: 0xffffffff, doc: 'current count (writes ignored)' },
  { name: 'TimerXControl', offset: 0x08, access: 'rw', reset: 0x20, doc: 'Enable 7, Mode(periodic) 6, IntEnable 5, TimerPre 3:2, TimerSize 1, OneShot 0' },
  { name: 'TimerXIntClr', offset: 0x0c, access: 'wo', reset: 0, doc: 'any write clears the interrupt' },
  { name: 'TimerXRIS', offset: 0x10, access: 'ro', reset: 0, doc: 'raw interrupt status' },
  { name: 'TimerXMIS', offset: 0x14, access: 'ro', reset: 0, doc: 'masked interrupt status' },
  { name: 'TimerXBGLoad', offset: 0x18, access: 'rw', reset: 0, doc: 'Load without restarting the current count' },
];

/** TimerPeriphID0-3, TimerPCellID0-3 (0xfe0-0xffc), as QEMU. */
export const SP804_ID = [0x04, 0x18, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

export const CTRL_ONESHOT = 1 << 0, CTRL_32BIT = 1 << 1, CTRL_IE = 1 << 5, CTRL_PERIODIC = 1 << 6, CTRL_ENABLE = 1 << 7;

/** QEMU's ptimer rate limit for periodic timers (ns). */
const MIN_PERIODIC_NS = 10_000;
const TWO_32 = 4294967296;

/** How the countdown runs: 0 stopped, 1 periodic (reloads), 2 one-shot. */
type RunMode = 0 | 1 | 2;

export interface ArmTimerState {
  control: number; load: number; intLevel: number;
  limit: number; delta: number; running: RunMode; lastEvent: number; nextEvent: number;
}

/**
 * One SP804 timer. The countdown is kept as QEMU's ptimer keeps it: `delta` ticks to go from
 * `lastEvent`, expiring at `nextEvent`; the count read back is derived from virtual time.
 */
class ArmTimer {
  control = CTRL_IE;
  /** TimerLoad / TimerBGLoad (what the guest wrote). */
  load = 0;
  intLevel = 0;
  /** The value the countdown reloads from: Load, or 0xffff/0xffffffff when free-running. */
  private limit = 0;
  private delta = 0;
  private running: RunMode = 0;
  private lastEvent = 0;
  private nextEvent = 0;
  private needReload = false;
  private readonly timer: Timer;

  constructor(private readonly host: DeviceHost, name: string, private readonly freq: number,
    private readonly changed: () => void) {
    this.timer = host.clock.timer(name, () => this.expire());
  }

  reset(): void {
    this.control = CTRL_IE; this.load = 0; this.intLevel = 0;
    this.limit = 0; this.delta = 0; this.running = 0; this.lastEvent = 0; this.nextEvent = 0;
    this.needReload = false;
    this.timer.cancel();
  }

  get irqLevel(): boolean { return this.intLevel !== 0 && (this.control & CTRL_IE) !== 0; }

  /** Counter tick period in ns, as QEMU: the integer ns plus a 32-bit binary fraction. */
  private period(): { ns: number; frac: number } {
    let f = this.freq;
    const pre = (this.control >> 2) & 3;
    if (pre === 1) f = Math.floor(f / 16); else if (pre === 2) f = Math.floor(f / 256);
    if (f <= 0) return { ns: 0, frac: 0 };
    const ns = Math.floor(1e9 / f);
    const frac = Number(((1_000_000_000n << 32n) / BigInt(f)) & 0xffffffffn);
    return { ns, frac };
  }

  /** The current count (TimerXValue). */
  count(): number {
    if (this.running === 0 || this.delta === 0) return this.delta >>> 0;
    const now = this.host.clock.now();
    if (now >= this.nextEvent) return 0;
    let { ns, frac } = this.period();
    if (this.running === 1 && this.delta * ns < MIN_PERIODIC_NS) { ns = Math.floor(MIN_PERIODIC_NS / this.delta); frac = 0; }
    const c = Math.floor((this.nextEvent - now) / (ns + frac / TWO_32));
    return Math.min(c, this.delta) >>> 0;
  }

  private trigger(): void {
    this.intLevel = 1;
    this.changed();
  }

  /** Schedule the next expiry `delta` ticks after the previous one (ptimer_reload). */
  private reload(): void {
    if (this.delta === 0) this.trigger();
    if (this.delta === 0) this.delta = this.limit;
    let { ns, frac } = this.period();
    if (ns === 0) { this.stopQuietly(); return; }
    const d = this.delta;
    if (d === 0) {
      if (this.running === 0) return;
      // QEMU: "Timer with delta zero, disabling"
      this.stopQuietly();
      return;
    }
    if (this.running === 1 && d * ns < MIN_PERIODIC_NS) { ns = Math.floor(MIN_PERIODIC_NS / d); frac = 0; }
    this.lastEvent = this.nextEvent;
    this.nextEvent = this.lastEvent + d * ns + (frac !== 0 ? Math.floor(frac * d / TWO_32) : 0);
    this.timer.armAt(this.nextEvent);
  }

  private stopQuietly(): void {
    this.timer.cancel();
    this.running = 0;
  }

  /** The countdown reached zero. */
  private expire(): void {
    if (this.running === 2) {
      this.delta = 0;
      this.running = 0;
      this.trigger();
      return;
    }
    const adjusted = this.delta !== 0 && this.limit !== 0;
    this.delta = this.limit;
    this.reload();
    if (adjusted) this.trigger();
  }

  private stop(): void {
    if (this.running === 0) return;
    this.delta = this.count();
    this.timer.cancel();
    this.running = 0;
    this.needReload = false;
  }

  private run(oneshot: boolean): void {
    const wasStopped = this.running === 0;
    this.running = oneshot ? 2 : 1;
    if (wasStopped) this.needReload = true;
  }

  private setLimit(limit: number, reloadNow: boolean): void {
    this.limit = limit;
    if (reloadNow) {
      this.delta = limit;
      if (this.running !== 0) this.needReload = true;
    }
  }

  /** The end of a register write: restart the countdown from now if it was reloaded. */
  private commit(): void {
    while (this.needReload && this.running !== 0) {
      this.needReload = false;
      this.nextEvent = this.host.clock.now();
      this.reload();
    }
  }

  /** Periodic and one-shot modes count from Load; free-running from the counter's top. */
  private recalibrate(reloadNow: boolean): void {
    const free = (this.control & (CTRL_PERIODIC | CTRL_ONESHOT)) === 0;
    const limit = free ? ((this.control & CTRL_32BIT) ? 0xffffffff : 0xffff) : this.load;
    this.setLimit(limit, reloadNow);
  }

  read(reg: number): number {
    switch (reg) {
      case 0x00: case 0x18: return this.load;
      case 0x04: return this.count();
      case 0x08: return this.control;
      case 0x10: return this.intLevel;
      case 0x14: return (this.control & CTRL_IE) ? this.intLevel : 0;
      default: return -1;
    }
  }

  /** Returns false for an offset that is not a writable register. */
  write(reg: number, value: number): boolean {
    switch (reg) {
      case 0x00:
        this.load = value;
        this.recalibrate(true);
        this.commit();
        break;
      case 0x04: break; // read-only; Linux writes it, QEMU ignores it
      case 0x08:
        if (this.control & CTRL_ENABLE) this.stop();
        this.control = value;
        this.recalibrate((value & CTRL_ENABLE) !== 0);
        // ptimer_set_freq: the count so far is kept (the timer is stopped here)
        if (value & CTRL_ENABLE) this.run((value & CTRL_ONESHOT) !== 0);
        this.commit();
        break;
      case 0x0c: this.intLevel = 0; break;
      case 0x18:
        this.load = value;
        this.recalibrate(false);
        this.commit();
        break;
      default: return false;
    }
    this.changed();
    return true;
  }

  saveState(): ArmTimerState {
    return {
      control: this.control, load: this.load, intLevel: this.intLevel, limit: this.limit, delta: this.delta,
      running: this.running, lastEvent: this.lastEvent, nextEvent: this.nextEvent,
    };
  }

  loadState(s: ArmTimerState): void {
    this.control = s.control; this.load = s.load; this.intLevel = s.intLevel; this.limit = s.limit;
    this.delta = s.delta; this.running = s.running; this.lastEvent = s.lastEvent; this.nextEvent = s.nextEvent;
    this.needReload = false;
  }
}

export class Sp804 implements Device, MmioDevice {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private readonly timers: [ArmTimer, ArmTimer];

  constructor(readonly name: string, private readonly host: DeviceHost, freq0 = 1_000_000, freq1 = 1_000_000) {
    const changed = () => this.update();
    this.timers = [new ArmTimer(host, `${name}.timer1`, freq0, changed), new ArmTimer(host, `${name}.timer2`, freq1, changed)];
  }

  /**
   * A system reset leaves both timers as they are, running or not: QEMU 7.2's SP804 has no reset
   * handler (firmware/devices/src/mb_reboot.c shows Load and Control surviving a reboot there).
   * Only the output is driven again. powerOn() is the state at power-on.
   */
  reset(): void {
    this.update();
  }

  /** Both timers back to their power-on state (not part of a QEMU system reset). */
  powerOn(): void {
    for (const t of this.timers) t.reset();
    this.update();
  }

  /** The combined interrupt output (TIMINTC): either timer's masked interrupt. */
  update(): void {
    this.host.irq(0).set(this.timers[0].irqLevel || this.timers[1].irqLevel);
  }

  read(offset: number, width: Width): number {
    const reg = offset & ~3;
    let v: number;
    if (reg < 0x40) {
      v = this.timers[reg >> 5]!.read(reg & 0x1f);
      if (v === -1) { this.host.guestError(`${this.name}: read at bad offset 0x${reg.toString(16)}`); v = 0; }
    } else if (reg >= 0xfe0) {
      v = SP804_ID[(reg - 0xfe0) >> 2]!;
    } else if (reg === 0xf00 || reg === 0xf04) {
      this.host.guestError(`${this.name}: integration test registers are not modelled`);
      v = 0;
    } else {
      this.host.guestError(`${this.name}: read at bad offset 0x${reg.toString(16)}`);
      v = 0;
    }
    return narrow(v, offset, width);
  }

  write(offset: number, _width: Width, value: number): void {
    const reg = offset & ~3;
    if (reg < 0x40 && this.timers[reg >> 5]!.write(reg & 0x1f, value >>> 0)) return;
    this.host.guestError(`${this.name}: write at bad offset 0x${reg.toString(16)}`);
  }

  saveState(): DeviceState {
    return { timers: this.timers.map(t => t.saveState()) };
  }

  loadState(st: DeviceState): void {
    const s = st as { timers: ArmTimerState[] };
    this.timers[0].loadState(s.timers[0]!);
    this.timers[1].loadState(s.timers[1]!);
    this.update();
  }
}

registerDevice('sp804', (host, params) => {
  const f0 = typeof params['freq0'] === 'number' ? params['freq0'] : 1_000_000;
  const f1 = typeof params['freq1'] === 'number' ? params['freq1'] : 1_000_000;
  return new Sp804(host.name, host, f0, f1);
});
