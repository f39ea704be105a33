// The Cortex-A9 MPCore private peripherals other than the GIC, as QEMU 7.2 models them for
// `-M vexpress-a9` (one CPU):
//   'a9-scu'           Snoop Control Unit (hw/misc/a9scu.c): control, configuration, power status.
//   'a9-twd'           private timer at +0x00 and watchdog at +0x20 of one 0x100 region
//                      (hw/timer/arm_mptimer.c); outputs irq(0) = timer (PPI 29), irq(1) =
//                      watchdog (PPI 30).
//   'a9-global-timer'  64-bit global timer with comparator and auto-increment (hw/timer/
//                      a9gtimer.c); output irq(0) (PPI 27).
//
// Both timers count PERIPHCLK ticks divided by (prescaler + 1). QEMU clocks them at 100 MHz
// (10 ns per tick before the prescaler) whatever the board, so that is the default of the
// `clockHz` parameter. Counters are computed from the virtual clock when read, and one clock Timer
// is armed for the next expiry: there is no per-tick work.
//
// QEMU models the watchdog as a second private timer: watchdog mode (control bit 3) is stored
// but does nothing, and the reset status / disable registers (0x30, 0x34) read as zero. That is
// the default here too. With the parameter `watchdogReset: true` the watchdog behaves as the
// Cortex-A9 MPCore TRM describes instead: in watchdog mode it raises a reset request
// (host.system.reboot()) and sets the reset flag when it reaches zero, and only the 0x12345678,
// 0x87654321 sequence written to the disable register returns it to timer mode.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import type { Timer, VirtualClock } from '../clock.js';
import {
  NullIrqLine, registerDevice, type Device, type DeviceHost, type DeviceState, type IrqLine, type RegisterSpec,
} from '../device.js';

/** QEMU's A9 peripheral clock: 10 ns per tick before the prescaler. */
export const A9_PERIPHCLK_HZ = 100_000_000;

function numParam(params: Readonly<Record<string, unknown>>, key: string, dflt: number): number {
  const v = params[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new Error(`${key} must be a positive number, not ${String(v)}`);
  return v;
}

// ====================================================================== SCU

export const SCU_REGS: readonly RegisterSpec[] = [
  { name: 'SCU_CTRL', offset: 0x00, access: 'rw', reset: 0, doc: 'bit 0 SCU enable' },
  { name: 'SCU_CONFIG', offset: 0x04, access: 'ro', reset: 0x10, doc: 'CPU number [1:0], CPUs in SMP mode [7:4]' },
  { name: 'SCU_POWER', offset: 0x08, access: 'rw', reset: 0, doc: 'CPU power status, one byte per CPU' },
  { name: 'SCU_INVALL', offset: 0x0c, access: 'wo', reset: 0, doc: 'invalidate all (no caches modelled)' },
  { name: 'SCU_FILTER_START', offset: 0x40, access: 'ro', reset: 0, doc: 'RAZ/WI (one AXI master)' },
  { name: 'SCU_FILTER_END', offset: 0x44, access: 'ro', reset: 0, doc: 'RAZ/WI' },
  { name: 'SCU_SAC', offset: 0x50, access: 'ro', reset: 0, doc: 'access control: RAZ/WI' },
  { name: 'SCU_SNSAC', offset: 0x54, access: 'ro', reset: 0, doc: 'non-secure access control: RAZ/WI' },
];

export class A9Scu implements Device, MmioDevice {
  readonly size = 0x100;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private control = 0;
  /** CPU power status; QEMU's reset leaves it alone. */
  private power = 0;

  constructor(readonly name: string, private readonly numCpu = 1) {}

  reset(): void { this.control = 0; }

  read(offset: number, width: Width): number {
    switch (offset) {
      case 0x00: return this.control;
      case 0x04: return (((1 << this.numCpu) - 1) << 4) | (this.numCpu - 1);
      case 0x08: return width === 4 ? this.power >>> 0 : this.power & (width === 2 ? 0xffff : 0xff);
      default: return 0; // the filter, access control and unknown registers read as zero (QEMU logs nothing)
    }
  }

  write(offset: number, width: Width, value: number): void {
    value >>>= 0;
    if (offset === 0x00) { this.control = value & 1; return; }
    if (offset >= 0x08 && offset <= 0x0b) {
      const mask = width === 4 ? 0xffffffff : width === 2 ? 0xffff : 0xff;
      const shift = (offset - 0x08) * 8;
      this.power = ((this.power & ~(mask << shift)) | ((value & mask) << shift)) >>> 0;
    }
  }

  saveState(): DeviceState { return { control: this.control, power: this.power }; }
  loadState(s: DeviceState): void { this.control = s['control'] as number; this.power = s['power'] as number; }
}

registerDevice('a9-scu', host => new A9Scu(host.name));

// ====================================================================== private timer and watchdog

export const TWD_REGS: readonly RegisterSpec[] = [
  { name: 'Timer Load', offset: 0x00, access: 'rw', reset: 0, doc: 'reload value; writing also sets the counter' },
  { name: 'Timer Counter', offset: 0x04, access: 'rw', reset: 0, doc: 'current count (decrements)' },
  { name: 'Timer Control', offset: 0x08, access: 'rw', reset: 0, doc: 'enable [0], auto-reload [1], IT enable [2], prescaler [15:8]' },
  { name: 'Timer Interrupt Status', offset: 0x0c, access: 'rw', reset: 0, doc: 'event flag [0]; write 1 to clear' },
  { name: 'Watchdog Load', offset: 0x20, access: 'rw', reset: 0, doc: 'as Timer Load' },
  { name: 'Watchdog Counter', offset: 0x24, access: 'rw', reset: 0, doc: 'as Timer Counter' },
  { name: 'Watchdog Control', offset: 0x28, access: 'rw', reset: 0, doc: 'as Timer Control, plus watchdog mode [3]' },
  { name: 'Watchdog Interrupt Status', offset: 0x2c, access: 'rw', reset: 0, doc: 'event flag [0]; write 1 to clear' },
  { name: 'Watchdog Reset Status', offset: 0x30, access: 'rw', reset: 0, doc: 'reset flag [0] (watchdogReset only)' },
  { name: 'Watchdog Disable', offset: 0x34, access: 'wo', reset: 0, doc: '0x12345678 then 0x87654321 leaves watchdog mode (watchdogReset only)' },
];

const CTL_ENABLE = 1 << 0, CTL_AUTO_RELOAD = 1 << 1, CTL_IT_ENABLE = 1 << 2, CTL_WD_MODE = 1 << 3;
const PRESCALER = 0xff00;

/**
 * A down-counter with QEMU's ptimer semantics under the policies arm_mptimer uses (wrap after one
 * period, continuous trigger, no immediate trigger, no immediate reload, no counter round-down):
 * a periodic count N reaches 0 after N ticks, triggers, and reloads the limit one tick later, so
 * the period is limit + 1 ticks; starting at 0 triggers after one tick. As in QEMU (without
 * -icount), a periodic timer never fires more often than every 10 µs: its tick is stretched.
 */
export class PTimer {
  /** 0 stopped, 1 periodic, 2 one-shot. */
  enabled = 0;
  limit = 0;
  delta = 0;
  /** ns per tick. */
  period = 0;
  lastEvent = 0;
  nextEvent = 0;
  /** A start, count or period change inside the current begin()/commit() needs the expiry re-armed. */
  private needReload = false;

  constructor(private readonly clock: VirtualClock, private readonly timer: Timer, private readonly onTrigger: () => void) {}

  private now(): number { return this.clock.now(); }

  begin(): void { this.needReload = false; }

  commit(): void {
    while (this.needReload && this.enabled) {
      this.needReload = false;
      this.nextEvent = this.now();
      this.reload(0);
    }
  }

  /** `adjust`: 0 for a start or count write, +1 after an expiry, -1 for an expiry not to adjust. */
  private reload(adjust: number): void {
    let delta = this.delta;
    let period = this.period;
    if (period === 0) { this.timer.cancel(); this.enabled = 0; return; }
    if (adjust !== -1) delta += adjust;
    if (delta === 0 && this.enabled === 1 && this.limit === 0) delta = 1; // continuous trigger
    if (delta === 0 && adjust !== -1) delta = 1;                          // no immediate trigger
    if (delta === 0 && this.enabled === 1 && this.limit !== 0) delta = 1; // no immediate reload
    if (delta === 0) { this.timer.cancel(); this.enabled = 0; return; }
    if (this.enabled === 1 && delta * period < 10000) period = Math.floor(10000 / delta);
    this.lastEvent = this.nextEvent;
    this.nextEvent = this.lastEvent + delta * period;
    this.timer.armAt(this.nextEvent);
  }

  /** The clock Timer expired. */
  tick(): void {
    this.begin();
    if (this.enabled === 2) {
      this.delta = 0;
      this.enabled = 0;
    } else {
      const adjust = this.delta === 0 || this.limit === 0 ? -1 : 1;
      this.delta = this.limit;
      this.reload(adjust);
    }
    this.onTrigger();
    this.commit();
  }

  getCount(): number {
    if (!this.enabled || this.delta === 0) return this.delta;
    const now = this.now();
    let counter: number;
    if (now >= this.nextEvent) {
      counter = 0; // expired, the callback has not run yet
    } else {
      let period = this.period;
      if (this.enabled === 1 && this.delta * period < 10000) period = Math.floor(10000 / this.delta);
      counter = Math.floor((this.nextEvent - now) / period);
      // A periodic count stays at 0 for one tick before wrapping to the limit.
      if (this.enabled === 1 && this.delta === this.limit) {
        if (now === this.lastEvent) { if (counter === this.limit + 1) return 0; }
        else if (counter === this.limit) return 0;
      }
    }
    if (now !== this.lastEvent) counter += 1;
    return counter;
  }

  setCount(count: number): void {
    this.delta = count;
    if (this.enabled) this.needReload = true;
  }

  run(oneshot: boolean): void {
    const wasDisabled = !this.enabled;
    if (wasDisabled && this.period === 0) return;
    this.enabled = oneshot ? 2 : 1;
    if (wasDisabled) this.needReload = true;
  }

  stop(): void {
    if (!this.enabled) return;
    this.delta = this.getCount();
    this.timer.cancel();
    this.enabled = 0;
    this.needReload = false;
  }

  setPeriod(ns: number): void {
    this.delta = this.getCount();
    this.period = ns;
    if (this.enabled) this.needReload = true;
  }

  setLimit(limit: number, reload: boolean): void {
    this.limit = limit;
    if (reload) this.delta = limit;
    if (this.enabled && reload) this.needReload = true;
  }

  saveState(): DeviceState {
    return { enabled: this.enabled, limit: this.limit, delta: this.delta, period: this.period,
      lastEvent: this.lastEvent, nextEvent: this.nextEvent };
  }

  loadState(s: DeviceState): void {
    this.enabled = s['enabled'] as number; this.limit = s['limit'] as number; this.delta = s['delta'] as number;
    this.period = s['period'] as number; this.lastEvent = s['lastEvent'] as number; this.nextEvent = s['nextEvent'] as number;
    this.needReload = false;
  }
}

/** One private timer or watchdog block (QEMU's TimerBlock). */
class TimerBlock {
  control = 0;
  status = 0;
  readonly pt: PTimer;
  // watchdog mode (watchdogReset only)
  resetFlag = 0;
  private disableStep = 0;

  constructor(clock: VirtualClock, timer: Timer, private readonly irq: IrqLine,
    private readonly nsPerTick: number, private readonly watchdog: { reboot: () => void } | null) {
    this.pt = new PTimer(clock, timer, () => this.expired());
  }

  private scale(control: number): number { return (((control >>> 8) & 0xff) + 1) * this.nsPerTick; }

  reset(): void {
    this.control = 0; this.status = 0; this.resetFlag = 0; this.disableStep = 0;
    const pt = this.pt;
    pt.begin(); pt.stop(); pt.setLimit(0, true); pt.setPeriod(this.scale(0)); pt.commit();
    this.updateIrq();
  }

  updateIrq(): void { this.irq.set(this.status !== 0 && (this.control & CTL_IT_ENABLE) !== 0); }

  private expired(): void {
    // A periodic timer with load 0 and no prescaler stops instead of firing continuously.
    if ((this.control & CTL_AUTO_RELOAD) && (this.control & PRESCALER) === 0 && this.pt.limit === 0) this.pt.stop();
    this.status = 1;
    this.updateIrq();
    if (this.watchdog && (this.control & CTL_WD_MODE)) {
      this.resetFlag = 1;
      this.watchdog.reboot();
    }
  }

  private setCount(control: number, count: number): number {
    // ptimer would fire a periodic timer whose counter is set to 0; the MPCore timer reloads instead.
    if ((control & 3) === 3 && (control & PRESCALER) === 0 && count === 0) count = this.pt.limit;
    this.pt.setCount(count);
    return count;
  }

  private runIf(control: number, load: number): void {
    if ((control & CTL_ENABLE) && ((control & PRESCALER) || load !== 0)) this.pt.run(!(control & CTL_AUTO_RELOAD));
  }

  read(offset: number): number {
    switch (offset) {
      case 0x00: return this.pt.limit >>> 0;
      case 0x04: return this.pt.getCount() >>> 0;
      case 0x08: return this.control >>> 0;
      case 0x0c: return this.status;
      case 0x10: return this.watchdog ? this.resetFlag : 0;
      default: return 0;
    }
  }

  write(offset: number, value: number): void {
    const control = this.control;
    const pt = this.pt;
    switch (offset) {
      case 0x00: // Load
        pt.begin();
        // Load 0 without a prescaler stops the timer without an event.
        if ((control & CTL_ENABLE) && (control & PRESCALER) === 0 && value === 0) pt.stop();
        pt.setLimit(value, true);
        this.runIf(control, value);
        pt.commit();
        return;
      case 0x04: { // Counter
        pt.begin();
        if ((control & CTL_ENABLE) && (control & PRESCALER) === 0 && value === 0 &&
          (!(control & CTL_AUTO_RELOAD) || pt.limit === 0)) pt.stop();
        const count = this.setCount(control, value);
        this.runIf(control, count);
        pt.commit();
        return;
      }
      case 0x08: // Control
        pt.begin();
        if ((control & 3) !== (value & 3)) pt.stop();
        if ((control & PRESCALER) !== (value & PRESCALER)) pt.setPeriod(this.scale(value));
        if (value & CTL_ENABLE) {
          let count = pt.getCount();
          if ((value & CTL_AUTO_RELOAD) && count === 0) count = this.setCount(value, count);
          this.runIf(value, count);
        }
        // The TRM: once in watchdog mode, only the disable sequence leaves it.
        if (this.watchdog && (control & CTL_WD_MODE)) value |= CTL_WD_MODE;
        this.control = value;
        pt.commit();
        // As QEMU: the interrupt line follows IT enable only at the next event or status write.
        return;
      case 0x0c:
        this.status &= ~value;
        this.updateIrq();
        return;
      case 0x10:
        if (this.watchdog) this.resetFlag &= ~value;
        return;
      case 0x14:
        if (!this.watchdog) return;
        if (value === 0x12345678) { this.disableStep = 1; return; }
        if (value === 0x87654321 && this.disableStep === 1) this.control &= ~CTL_WD_MODE;
        this.disableStep = 0;
        return;
      default:
        return;
    }
  }

  saveState(): DeviceState {
    return { control: this.control, status: this.status, resetFlag: this.resetFlag, disableStep: this.disableStep, pt: this.pt.saveState() };
  }

  loadState(s: DeviceState): void {
    this.control = s['control'] as number; this.status = s['status'] as number;
    this.resetFlag = (s['resetFlag'] as number) ?? 0; this.disableStep = (s['disableStep'] as number) ?? 0;
    this.pt.loadState(s['pt'] as DeviceState);
    this.updateIrq();
  }
}

export interface TwdOptions {
  /** PERIPHCLK in Hz (QEMU: 100 MHz). */
  clockHz?: number;
  /** Model the TRM's watchdog mode (reset request) instead of QEMU's plain second timer. */
  watchdogReset?: boolean;
}

export class A9Twd implements Device, MmioDevice {
  readonly size = 0x100;
  readonly regions: Record<string, MmioDevice> = { main: this };
  readonly timer: TimerBlock;
  readonly watchdog: TimerBlock;
  private readonly warned = new Set<string>();
  onGuestError: (msg: string) => void = () => {};

  constructor(readonly name: string, clock: VirtualClock, irqs: { timer: IrqLine; watchdog: IrqLine },
    reboot: () => void, opts: TwdOptions = {}) {
    const nsPerTick = 1e9 / (opts.clockHz ?? A9_PERIPHCLK_HZ);
    this.timer = new TimerBlock(clock, clock.timer(`${name}.timer`, () => this.timer.pt.tick()), irqs.timer, nsPerTick, null);
    this.watchdog = new TimerBlock(clock, clock.timer(`${name}.watchdog`, () => this.watchdog.pt.tick()), irqs.watchdog,
      nsPerTick, opts.watchdogReset ? { reboot } : null);
    this.timer.reset();
    this.watchdog.reset();
  }

  reset(): void { this.timer.reset(); this.watchdog.reset(); }

  read(offset: number, width: Width): number {
    if (width !== 4) return this.badSize('read', offset, width);
    if (offset < 0x20) return this.timer.read(offset);
    if (offset < 0x40) return this.watchdog.read(offset - 0x20);
    this.guestError(`${this.name}: read at 0x${offset.toString(16)}, outside the timer and watchdog (reads as zero)`);
    return 0;
  }

  write(offset: number, width: Width, value: number): void {
    value >>>= 0;
    if (width !== 4) { this.badSize('write', offset, width); return; }
    if (offset < 0x20) this.timer.write(offset, value);
    else if (offset < 0x40) this.watchdog.write(offset - 0x20, value);
    else this.guestError(`${this.name}: write at 0x${offset.toString(16)}, outside the timer and watchdog (ignored)`);
  }

  /** The timer registers take word accesses only (QEMU rejects others: reads 0, writes ignored). */
  private badSize(what: string, offset: number, width: Width): number {
    this.guestError(`${this.name}: ${width}-byte ${what} at 0x${offset.toString(16)} (word accesses only)`);
    return 0;
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.onGuestError(msg);
  }

  saveState(): DeviceState { return { timer: this.timer.saveState(), watchdog: this.watchdog.saveState() }; }

  loadState(s: DeviceState): void {
    this.timer.loadState(s['timer'] as DeviceState);
    this.watchdog.loadState(s['watchdog'] as DeviceState);
  }
}

registerDevice('a9-twd', (host: DeviceHost, params) => {
  const d = new A9Twd(host.name, host.clock, { timer: host.irq(0), watchdog: host.irq(1) }, () => host.system.reboot(), {
    clockHz: numParam(params, 'clockHz', A9_PERIPHCLK_HZ),
    watchdogReset: params['watchdogReset'] === true,
  });
  d.onGuestError = msg => host.guestError(msg);
  return d;
});

// ====================================================================== global timer

export const GTIMER_REGS: readonly RegisterSpec[] = [
  { name: 'Global Timer Counter Low', offset: 0x00, access: 'rw', reset: 0, doc: 'counter [31:0]; writable while disabled' },
  { name: 'Global Timer Counter High', offset: 0x04, access: 'rw', reset: 0, doc: 'counter [63:32]' },
  { name: 'Global Timer Control', offset: 0x08, access: 'rw', reset: 0, doc: 'timer enable [0], comp enable [1], IRQ enable [2], auto-increment [3], prescaler [15:8]' },
  { name: 'Global Timer Interrupt Status', offset: 0x0c, access: 'rw', reset: 0, doc: 'event flag [0]; write 1 to clear' },
  { name: 'Comparator Low', offset: 0x10, access: 'rw', reset: 0, doc: 'comparator [31:0]' },
  { name: 'Comparator High', offset: 0x14, access: 'rw', reset: 0, doc: 'comparator [63:32]' },
  { name: 'Auto-increment', offset: 0x18, access: 'rw', reset: 0, doc: 'added to the comparator at each event (auto-increment mode)' },
];

const GT_TIMER_ENABLE = 1 << 0, GT_COMP_ENABLE = 1 << 1, GT_IRQ_ENABLE = 1 << 2, GT_AUTO_INCREMENT = 1 << 3;
/** The control bits that belong to each CPU (the rest are shared). */
const GT_BANKED = GT_COMP_ENABLE | GT_IRQ_ENABLE | GT_AUTO_INCREMENT;
/** Changes of these bits restart the counting reference. */
const GT_NEEDS_SYNC = GT_TIMER_ENABLE | PRESCALER;
const U64 = (1n << 64n) - 1n;

/**
 * The global timer as QEMU 7.2 has it, quirks included: the counter read is the last reference
 * count plus the ticks since that reference, whether or not the timer is enabled (so a disabled
 * timer still reads as counting, and a counter written while disabled shows only after the next
 * enable or prescaler change); the comparator fires when the counter has passed it (counter >
 * comparator).
 */
export class A9GlobalTimer implements Device, MmioDevice {
  readonly size = 0x100;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private counter = 0n;
  private control = 0;   // shared bits
  private refCounter = 0n;
  /** Virtual time (ns) of the counting reference; QEMU's reset does not move it. */
  private refTime = 0;
  private bankedControl = 0;
  private status = 0;
  private compare = 0n;
  private inc = 0;
  private readonly timer: Timer;
  private readonly nsPerTick: number;
  private readonly warned = new Set<string>();
  onGuestError: (msg: string) => void = () => {};

  constructor(readonly name: string, private readonly clock: VirtualClock, private readonly irq: IrqLine = new NullIrqLine(),
    clockHz = A9_PERIPHCLK_HZ) {
    this.nsPerTick = 1e9 / clockHz;
    this.timer = clock.timer(`${name}.compare`, () => this.update(false));
  }

  reset(): void {
    this.counter = 0n; this.control = 0;
    this.bankedControl = 0; this.status = 0; this.compare = 0n; this.inc = 0;
    this.update(false);
  }

  /** ns per counter tick. */
  private conv(): number { return (((this.control >>> 8) & 0xff) + 1) * this.nsPerTick; }

  private currentCount(now: number): bigint {
    const ticks = Math.floor(Math.max(0, now - this.refTime) / this.conv());
    return (this.refCounter + BigInt(ticks)) & U64;
  }

  /** Compare, auto-increment, set the interrupt line and arm the next compare event. */
  private update(sync: boolean): void {
    const now = this.clock.now();
    const cur = this.currentCount(now);
    let next = 0n;
    if ((this.control & GT_TIMER_ENABLE) && (this.bankedControl & GT_COMP_ENABLE)) {
      if (this.compare < cur) {
        this.status = 1;
        if ((this.bankedControl & GT_AUTO_INCREMENT) && this.inc) {
          const inc = BigInt(this.inc);
          this.compare = (this.compare + ((cur - this.compare + inc - 1n) / inc) * inc) & U64;
        }
      }
      const cdiff = BigInt.asIntN(64, this.compare - cur + 1n);
      if (cdiff > 0n) next = cdiff;
    }
    this.irq.set(this.status !== 0 && (this.bankedControl & GT_IRQ_ENABLE) !== 0);
    if (next > 0n) this.timer.armAt(now + Number(next) * this.conv());
    else this.timer.cancel();
    if (this.control & GT_TIMER_ENABLE) this.counter = cur;
    if (sync) { this.refTime = now; this.refCounter = this.counter; }
  }

  read(offset: number, width: Width): number {
    if (width !== 4) return this.badSize('read', offset, width);
    switch (offset) {
      case 0x00: return Number(this.currentCount(this.clock.now()) & 0xffffffffn);
      case 0x04: return Number(this.currentCount(this.clock.now()) >> 32n);
      case 0x08: return (this.control | this.bankedControl) >>> 0;
      case 0x0c: return this.status;
      case 0x10: return Number(this.compare & 0xffffffffn);
      case 0x14: return Number(this.compare >> 32n);
      case 0x18: return this.inc >>> 0;
      default:
        this.guestError(`${this.name}: read at bad offset 0x${offset.toString(16)}`);
        return 0;
    }
  }

  write(offset: number, width: Width, value: number): void {
    value >>>= 0;
    if (width !== 4) { this.badSize('write', offset, width); return; }
    const v = BigInt(value);
    switch (offset) {
      case 0x00: case 0x04:
        // The TRM asks software to disable the timer first; QEMU ignores writes while it runs.
        if (this.control & GT_TIMER_ENABLE) { this.guestError(`${this.name}: counter written while the timer runs (ignored)`); return; }
        this.counter = offset === 0 ? (this.counter & ~0xffffffffn & U64) | v : (this.counter & 0xffffffffn) | (v << 32n);
        return;
      case 0x08:
        this.update(((value ^ this.control) & GT_NEEDS_SYNC) !== 0);
        this.bankedControl = value & GT_BANKED;
        this.control = (value & ~GT_BANKED) >>> 0;
        break;
      case 0x0c:
        this.update(false);
        this.status &= ~value;
        break;
      case 0x10: case 0x14:
        this.update(false);
        this.compare = offset === 0x10 ? (this.compare & ~0xffffffffn & U64) | v : (this.compare & 0xffffffffn) | (v << 32n);
        break;
      case 0x18:
        this.inc = value;
        return;
      default:
        return; // QEMU ignores writes to other offsets silently
    }
    this.update(false);
  }

  private badSize(what: string, offset: number, width: Width): number {
    this.guestError(`${this.name}: ${width}-byte ${what} at 0x${offset.toString(16)} (word accesses only)`);
    return 0;
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.onGuestError(msg);
  }

  saveState(): DeviceState {
    return {
      counter: this.counter.toString(), control: this.control, refCounter: this.refCounter.toString(), refTime: this.refTime,
      bankedControl: this.bankedControl, status: this.status, compare: this.compare.toString(), inc: this.inc,
    };
  }

  loadState(s: DeviceState): void {
    this.counter = BigInt(s['counter'] as string); this.control = s['control'] as number;
    this.refCounter = BigInt(s['refCounter'] as string); this.refTime = s['refTime'] as number;
    this.bankedControl = s['bankedControl'] as number; this.status = s['status'] as number;
    this.compare = BigInt(s['compare'] as string); this.inc = s['inc'] as number;
    this.irq.set(this.status !== 0 && (this.bankedControl & GT_IRQ_ENABLE) !== 0);
  }
}

registerDevice('a9-global-timer', (host, params) => {
  const d = new A9GlobalTimer(host.name, host.clock, host.irq(0), numParam(params, 'clockHz', A9_PERIPHCLK_HZ));
  d.onGuestError = msg => host.guestError(msg);
  return d;
});
