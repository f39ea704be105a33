// The board's device framework: devices built from the description, interrupt outputs wired to the
// CPU, timers on the virtual clock, WFI skipping to the next event, poweroff/reboot requests.
import { describe, it, expect } from 'vitest';
import { createBoard, type BoardSpec } from '../../src/soc/board.js';
import { registerDevice, type Device, type DeviceHost } from '../../src/soc/device.js';
import type { MmioDevice } from '../../src/armcore/bus.js';

/** A test device: writing N to offset 0 raises its interrupt N ns later; offset 4 reads the level;
 * writing 1 to 8 clears it; 0xc: 1 = poweroff, 2 = reboot; 0x10 reads virtual time (µs). */
class Ticker implements Device, MmioDevice {
  readonly size = 0x100;
  readonly regions = { main: this };
  level = false;
  private readonly timer;
  constructor(readonly name: string, private readonly host: DeviceHost) {
    this.timer = host.clock.timer(`${name}.fire`, () => { this.level = true; host.irq(0).set(true); });
  }
  read(off: number): number {
    if (off === 4) return this.level ? 1 : 0;
    if (off === 0x10) return Math.floor(this.host.clock.now() / 1000);
    this.host.guestError(`${this.name}: bad read ${off}`);
    return 0;
  }
  write(off: number, _w: number, v: number): void {
    if (off === 0) this.timer.armIn(v);
    else if (off === 8) { this.level = false; this.host.irq(0).set(false); }
    else if (off === 0xc) { if (v === 1) this.host.system.poweroff(); else this.host.system.reboot(); }
  }
  reset(): void { this.level = false; this.timer.cancel(); }
  saveState() { return { level: this.level }; }
  loadState(s: { level?: unknown }) { this.level = s.level === true; }
}
registerDevice('test-ticker', host => new Ticker(host.name, host));

function put(b: { bus: { write(a: number, w: 4, v: number): void } }, at: number, words: number[]): void {
  words.forEach((w, i) => b.bus.write(at + 4 * i, 4, w));
}

const spec: BoardSpec = {
  name: 'test-board', cpu: 'cortex-a9',
  ram: { at: 0x60000000, defaultMiB: 1, maxMiB: 4 },
  devices: { ticker: { type: 'test-ticker', at: 0x10000000, irq: 'cpu:irq' } },
  unimplemented: [{ name: 'mystery', at: 0x10001000, size: 0x1000 }],
  unmapped: 'raz-wi',
};

describe('board devices', () => {
  it('rejects an unknown device type with the list of known ones', () => {
    expect(() => createBoard({ ...spec, devices: { x: { type: 'nope', at: 0x10000000 } } })).toThrow(/unknown type nope.*pl011/);
  });

  it('an IRQ raised by a timer event wakes WFI; idle time is skipped, not spun', () => {
    const errors: string[] = [];
    const b = createBoard(spec, { onGuestError: m => errors.push(m) });
    // r0 = ticker base; arm it for 1 ms; unmask IRQ; WFI. The IRQ handler (VBAR + 0x18) clears
    // the level, reads it back into r2 and powers off.
    put(b, 0x60000000, [0xe3000000 /* MOVW r0, #0 */, 0xe3410000 /* MOVT r0, #0x1000 */,
      0xe3041240 /* MOVW r1, #0x4240 */, 0xe340100f /* MOVT r1, #0xf: 1,000,000 ns */, 0xe5801000 /* STR r1, [r0] */,
      0xe10f1000 /* MRS r1, CPSR */, 0xe3c11080 /* BIC r1, r1, #0x80 */, 0xe121f001 /* MSR CPSR_c, r1 */,
      0xe320f003 /* WFI */, 0xeafffffe /* B . */]);
    put(b, 0x60001018, [0xe3a02001 /* MOV r2, #1 */, 0xe5802008 /* STR r2, [r0, #8] */, 0xe5902004 /* LDR r2, [r0, #4] */,
      0xe3a03001 /* MOV r3, #1 */, 0xe580300c /* STR r3, [r0, #0xc] */, 0xeafffffe /* B . */]);
    const c = b.cpu;
    c.vbar = 0x60001000;
    c.pc = 0x60000000;
    c.r[2] = 7;
    const r = b.run({ maxInsns: 100_000 });
    expect(r).toEqual({ kind: 'poweroff' });
    expect(c.r[2]).toBe(0);
    const s = b.stats();
    expect(s.insns).toBeLessThan(100);          // WFI did not spin
    expect(s.idleNs).toBeGreaterThan(990_000);  // the millisecond was skipped
    expect(s.virtualNs).toBeGreaterThanOrEqual(1_000_000);
    expect(errors).toEqual([]);
  });

  it('tags unimplemented regions by name and reports an access once', () => {
    const errors: string[] = [];
    const b = createBoard(spec, { onGuestError: m => errors.push(m) });
    expect(b.bus.read(0x10001010, 4)).toBe(0);
    expect(b.bus.read(0x10001010, 4)).toBe(0);
    expect(errors).toEqual(['invalid read at 0x10001010, size 4 (mystery is not modelled; reads as zero)']);
  });

  it('a reboot request stops the run; reset() starts the image again', () => {
    const b = createBoard(spec);
    put(b, 0x60000000, [0xe3000000 /* MOVW r0, #0 */, 0xe3410000 /* MOVT r0, #0x1000 */,
      0xe3a03002 /* MOV r3, #2 */, 0xe580300c /* STR r3, [r0, #0xc] */, 0xeafffffe]);
    b.cpu.pc = 0x60000000;
    expect(b.run({ maxInsns: 1000 })).toEqual({ kind: 'reboot' });
    expect(b.run({ maxInsns: 10 })).toEqual({ kind: 'budget' }); // the request does not stick
  });
});
