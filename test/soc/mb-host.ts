// A hand-driven DeviceHost for the motherboard device tests: virtual time moves only when the
// test says so (instructions at 1 ns each), interrupt outputs record their level, guest errors
// and poweroff/reboot requests are collected.
import { VirtualClock } from '../../src/soc/clock.js';
import { deviceFactory, type Device, type DeviceHost } from '../../src/soc/device.js';
import type { Width } from '../../src/armcore/bus.js';
import '../../src/soc/devices/index.js';

export class TestHost implements DeviceHost {
  insns = 0;
  readonly clock: VirtualClock;
  readonly levels: boolean[] = [false, false];
  readonly errors: string[] = [];
  readonly requests: string[] = [];
  wallEpochMs = Date.UTC(2000, 0, 1);
  readonly system = { poweroff: () => { this.requests.push('poweroff'); }, reboot: () => { this.requests.push('reboot'); } };
  constructor(readonly name = 'dev') {
    this.clock = new VirtualClock(() => this.insns);
  }
  irq(index = 0) { return { set: (level: boolean) => { this.levels[index] = level; } }; }
  guestError(msg: string): void { this.errors.push(msg); }
  get bus(): never { throw new Error('no bus in this test'); }
  /** As the board's default: a fixed epoch advancing with virtual time. */
  wallClockMs(): number { return this.wallEpochMs + Math.floor(this.clock.now() / 1e6); }
  /** Move virtual time to `ns` (absolute) and fire what is due. */
  at(ns: number): void {
    if (ns < this.clock.now()) throw new Error('time goes forward only');
    this.insns += ns - this.clock.now();
    this.clock.runDue();
  }
  /** Move virtual time forward by `ns`. */
  advance(ns: number): void { this.at(this.clock.now() + ns); }
}

/** Build a registered device type on a test host; returns the device and helpers for its region. */
export function make(type: string, params: Record<string, number | string | boolean> = {}, host = new TestHost()) {
  const f = deviceFactory(type);
  if (!f) throw new Error(`no device type ${type}`);
  const dev: Device = f(host, params);
  const r = dev.regions['main']!;
  return {
    dev, host,
    rd: (off: number, w: Width = 4) => r.read(off, w) >>> 0,
    wr: (off: number, v: number, w: Width = 4) => r.write(off, w, v),
  };
}
