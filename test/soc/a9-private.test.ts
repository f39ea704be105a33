// The Cortex-A9 private peripherals besides the GIC (src/soc/devices/a9-private.ts): SCU, private
// timer and watchdog, global timer. Time is advanced by hand on a VirtualClock (1 ns per
// instruction), so counter values are exact. They follow QEMU 7.2's arithmetic (hw/core/ptimer.c
// with arm_mptimer's policies, hw/timer/a9gtimer.c) at QEMU's 100 MHz peripheral clock.
import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../src/soc/clock.js';
import { NullIrqLine } from '../../src/soc/device.js';
import { A9Scu, A9Twd, A9GlobalTimer } from '../../src/soc/devices/a9-private.js';

function clock() {
  const t = { ns: 0 };
  const c = new VirtualClock(() => t.ns);
  /** Advance to absolute time `ns`, firing due timers on the way (as the board's run loop does). */
  const to = (ns: number) => {
    while (c.nextDeadline() <= ns) { t.ns = c.nextDeadline(); c.runDue(); }
    t.ns = ns;
    c.runDue();
  };
  return { t, c, to };
}

function twd(opts: { watchdogReset?: boolean; clockHz?: number } = {}) {
  const k = clock();
  const timerIrq = new NullIrqLine(), wdtIrq = new NullIrqLine();
  let reboots = 0;
  const d = new A9Twd('twd', k.c, { timer: timerIrq, watchdog: wdtIrq }, () => { reboots++; }, opts);
  const errors: string[] = [];
  d.onGuestError = m => errors.push(m);
  return {
    ...k, d, timerIrq, wdtIrq, errors, reboots: () => reboots,
    r: (o: number) => d.read(o, 4) >>> 0,
    w: (o: number, v: number) => d.write(o, 4, v),
  };
}

const LOAD = 0x00, COUNTER = 0x04, CONTROL = 0x08, ISR = 0x0c, WDT = 0x20;
const EN = 1, AUTO = 2, IT = 4;

describe('A9 SCU', () => {
  it('reads QEMU\'s values: one CPU, control bit 0 only, power status bytes writable', () => {
    const s = new A9Scu('scu');
    expect([s.read(0, 4), s.read(4, 4), s.read(8, 4), s.read(0xc, 4), s.read(0x50, 4)]).toEqual([0, 0x10, 0, 0, 0]);
    s.write(0, 4, 0xffffffff);
    s.write(8, 4, 0x03020103);
    expect(s.read(0, 4)).toBe(1);
    expect(s.read(8, 4)).toBe(0x03020103);
    expect(s.read(9, 1)).toBe(0); // QEMU 7.2 decodes only the word offset
    s.write(9, 1, 0xff);
    expect(s.read(8, 4)).toBe(0x0302ff03);
    s.reset();
    expect([s.read(0, 4), s.read(8, 4)]).toEqual([0, 0x0302ff03]); // QEMU's reset keeps power status
  });
});

describe('A9 private timer', () => {
  it('resets to zero; the control register keeps every bit written (as QEMU)', () => {
    const t = twd();
    expect([t.r(LOAD), t.r(COUNTER), t.r(CONTROL), t.r(ISR)]).toEqual([0, 0, 0, 0]);
    t.w(CONTROL, 0xffffff00);
    expect(t.r(CONTROL)).toBe(0xffffff00);
  });

  it('one-shot: counts down at 10 ns per tick, sets the event flag at 0 and interrupts with IT enable', () => {
    const t = twd();
    t.w(LOAD, 100);
    expect(t.r(COUNTER)).toBe(100);
    t.w(CONTROL, EN | IT);
    expect(t.r(COUNTER)).toBe(100);
    t.to(250);
    expect(t.r(COUNTER)).toBe(76); // QEMU rounds the count up: 75 ticks and a part remain
    t.to(999);
    expect(t.r(COUNTER)).toBe(1);
    expect(t.r(ISR)).toBe(0);
    expect(t.timerIrq.level).toBe(false);
    t.to(1000);
    expect(t.r(ISR)).toBe(1);
    expect(t.timerIrq.level).toBe(true);
    expect(t.r(COUNTER)).toBe(0);
    t.to(5000);
    expect(t.r(COUNTER)).toBe(0); // stopped
    t.w(ISR, 1);
    expect(t.r(ISR)).toBe(0);
    expect(t.timerIrq.level).toBe(false);
    expect(t.wdtIrq.level).toBe(false);
  });

  it('periodic: the first event after LOAD ticks, then every LOAD + 1 ticks; the count sits at 0 for one tick', () => {
    const t = twd();
    t.w(LOAD, 1999);
    t.w(CONTROL, EN | AUTO | IT);
    const events: number[] = [];
    for (let ns = 0; ns <= 70_000; ns += 10) {
      t.to(ns);
      if (t.r(ISR)) { events.push(ns); t.w(ISR, 1); }
    }
    expect(events).toEqual([19_990, 39_990, 59_990]);
    t.to(59_995);
    expect(t.r(COUNTER)).toBe(0);
    t.to(60_005);
    expect(t.r(COUNTER)).toBe(1999);
  });

  it('the prescaler divides the tick: (prescaler + 1) x 10 ns', () => {
    const t = twd();
    t.w(LOAD, 1000);
    t.w(CONTROL, EN | (4 << 8));
    t.to(50 * 100);
    expect(t.r(COUNTER)).toBe(901); // exactly 900 left: QEMU's count is one more once time has passed
    t.to(50 * 100 + 1);
    expect(t.r(COUNTER)).toBe(900);
    t.to(50 * 1000 - 1);
    expect(t.r(ISR)).toBe(0);
    t.to(50 * 1000);
    expect(t.r(ISR)).toBe(1);
    expect(t.timerIrq.level).toBe(false); // IT enable is clear: the flag only
  });

  it('a periodic timer never fires more often than every 10 µs (QEMU\'s limit without -icount)', () => {
    const t = twd();
    t.w(LOAD, 9);
    t.w(CONTROL, EN | AUTO);
    const events: number[] = [];
    for (let ns = 0; ns <= 25_000; ns++) {
      t.to(ns);
      if (t.r(ISR)) { events.push(ns); t.w(ISR, 1); }
    }
    expect(events).toEqual([9_999, 19_999]); // 1111 ns per tick: 9 ticks, then 10
  });

  it('the interrupt line follows IT enable only at the next event or status write (as QEMU)', () => {
    const t = twd();
    t.w(LOAD, 10);
    t.w(CONTROL, EN);
    t.to(100);
    expect(t.r(ISR)).toBe(1);
    expect(t.timerIrq.level).toBe(false);
    t.w(CONTROL, IT);
    expect(t.timerIrq.level).toBe(false);
    t.w(ISR, 0);
    expect(t.timerIrq.level).toBe(true);
  });

  it('writing the counter while running restarts the count from that value', () => {
    const t = twd();
    t.w(LOAD, 5000);
    t.w(CONTROL, EN | AUTO);
    t.to(10_000);
    expect(t.r(COUNTER)).toBe(4001);
    t.w(COUNTER, 3000);
    t.to(10_000 + 29_990);
    expect(t.r(ISR)).toBe(0);
    t.to(10_000 + 30_000);
    expect(t.r(ISR)).toBe(1);
    expect(t.r(LOAD)).toBe(5000);
  });

  it('load 0 with a periodic timer stops it', () => {
    const t = twd();
    t.w(LOAD, 1000);
    t.w(CONTROL, EN | AUTO);
    t.to(500);
    t.w(LOAD, 0);
    t.to(100_000);
    expect(t.r(ISR)).toBe(0);
    expect(t.r(COUNTER)).toBe(0);
  });

  it('the clock rate is a parameter', () => {
    const t = twd({ clockHz: 50_000_000 }); // 20 ns per tick
    t.w(LOAD, 100);
    t.w(CONTROL, EN);
    t.to(1999);
    expect(t.r(ISR)).toBe(0);
    t.to(2000);
    expect(t.r(ISR)).toBe(1);
  });

  it('byte and halfword accesses are rejected: read 0, writes ignored (QEMU: word accesses only)', () => {
    const t = twd();
    t.w(CONTROL, 0xffffff00);
    expect(t.d.read(CONTROL + 1, 1)).toBe(0);
    expect(t.d.read(CONTROL, 2)).toBe(0);
    t.d.write(LOAD, 1, 0x55);
    expect(t.r(LOAD)).toBe(0);
    expect(t.errors).toEqual(['twd: 1-byte read at 0x9 (word accesses only)', 'twd: 2-byte read at 0x8 (word accesses only)',
      'twd: 1-byte write at 0x0 (word accesses only)']);
  });

  it('accesses beyond the watchdog read as zero and are reported', () => {
    const t = twd();
    expect(t.r(0x40)).toBe(0);
    t.w(0x80, 1);
    expect(t.errors).toEqual([
      'twd: read at 0x40, outside the timer and watchdog (reads as zero)',
      'twd: write at 0x80, outside the timer and watchdog (ignored)',
    ]);
  });

  it('snapshot: a running timer restored on a new clock fires at the same virtual time', () => {
    const a = twd();
    a.w(LOAD, 3000);
    a.w(CONTROL, EN | AUTO | IT);
    a.to(12_345);
    const clockState = a.c.saveState();
    const dev = JSON.parse(JSON.stringify(a.d.saveState()));
    const b = twd();
    b.t.ns = 777; // a different instruction count underneath
    b.d.loadState(dev);
    b.c.loadState(clockState);
    expect(b.c.now()).toBe(12_345);
    expect(b.r(COUNTER)).toBe(a.r(COUNTER));
    const fire = (x: ReturnType<typeof twd>) => { for (;;) { const n = x.c.nextDeadline(); x.to(n); if (x.r(ISR)) return x.c.now(); } };
    const firstA = fire(a);
    const base = b.c.now() - b.t.ns;
    let firstB = 0;
    for (;;) { const n = b.c.nextDeadline(); b.to(n - base); if (b.r(ISR)) { firstB = b.c.now(); break; } }
    expect(firstB).toBe(firstA);
  });
});

describe('A9 watchdog', () => {
  it('in QEMU\'s model it is a second timer on its own output; watchdog mode does nothing', () => {
    const t = twd();
    t.w(WDT + LOAD, 100);
    t.w(WDT + CONTROL, EN | IT | 8 /* watchdog mode */);
    t.to(1000);
    expect(t.r(WDT + ISR)).toBe(1);
    expect(t.wdtIrq.level).toBe(true);
    expect(t.timerIrq.level).toBe(false);
    expect(t.reboots()).toBe(0);
    expect([t.r(WDT + 0x10), t.r(WDT + 0x14)]).toEqual([0, 0]);
    expect(t.r(WDT + CONTROL)).toBe(EN | IT | 8);
  });

  it('with watchdogReset, watchdog mode requests a reboot at 0 and sets the reset flag', () => {
    const t = twd({ watchdogReset: true });
    t.w(WDT + LOAD, 100);
    t.w(WDT + CONTROL, EN | 8);
    t.w(WDT + CONTROL, EN);          // cannot leave watchdog mode by clearing the bit
    expect(t.r(WDT + CONTROL) & 8).toBe(8);
    t.to(1000);
    expect(t.reboots()).toBe(1);
    expect(t.r(WDT + 0x10)).toBe(1);
    t.w(WDT + 0x10, 1);
    expect(t.r(WDT + 0x10)).toBe(0);
    t.w(WDT + 0x14, 0x12345678);
    t.w(WDT + 0x14, 0x87654321);
    expect(t.r(WDT + CONTROL) & 8).toBe(0);
  });

  it('with watchdogReset, timer mode is a plain timer', () => {
    const t = twd({ watchdogReset: true });
    t.w(WDT + LOAD, 100);
    t.w(WDT + CONTROL, EN | IT);
    t.to(1000);
    expect(t.wdtIrq.level).toBe(true);
    expect(t.reboots()).toBe(0);
  });
});

describe('A9 global timer', () => {
  function gt() {
    const k = clock();
    const irq = new NullIrqLine();
    const d = new A9GlobalTimer('gtimer', k.c, irq);
    const errors: string[] = [];
    d.onGuestError = m => errors.push(m);
    return { ...k, d, irq, errors, r: (o: number) => d.read(o, 4) >>> 0, w: (o: number, v: number) => d.write(o, 4, v) };
  }
  const CLO = 0x00, CHI = 0x04, CTL = 0x08, GISR = 0x0c, CMPLO = 0x10, CMPHI = 0x14, INC = 0x18;
  const TEN = 1, CMP = 2, IRQ = 4, AI = 8;

  it('counts 10 ns ticks from power-on even while disabled (QEMU 7.2)', () => {
    const t = gt();
    t.to(1000);
    expect(t.r(CLO)).toBe(100);
    expect(t.r(CTL)).toBe(0);
  });

  it('a counter written while disabled takes effect when the timer is enabled', () => {
    const t = gt();
    t.to(1000);
    t.w(CLO, 0x1000); t.w(CHI, 2);
    expect(t.r(CLO)).toBe(100);
    t.w(CTL, TEN);
    expect([t.r(CLO), t.r(CHI)]).toEqual([0x1000, 2]);
    t.to(1500);
    expect(t.r(CLO)).toBe(0x1000 + 50);
    t.w(CLO, 0);                       // ignored while running
    expect(t.r(CLO)).toBe(0x1000 + 50);
    expect(t.errors).toEqual(['gtimer: counter written while the timer runs (ignored)']);
  });

  it('the comparator fires once the counter passes it; auto-increment moves it on', () => {
    const t = gt();
    t.w(CMPLO, 500);
    t.w(INC, 100);
    t.w(CTL, TEN | CMP | IRQ | AI);
    t.to(5010 - 1);
    expect(t.r(GISR)).toBe(0);
    t.to(5010);
    expect(t.r(GISR)).toBe(1);
    expect(t.irq.level).toBe(true);
    expect(t.r(CMPLO)).toBe(600);
    t.w(GISR, 1);
    expect(t.irq.level).toBe(false);
    t.to(6010);
    expect(t.irq.level).toBe(true);
    expect(t.r(CMPLO)).toBe(700);
    expect(t.r(CTL)).toBe(TEN | CMP | IRQ | AI);
  });

  it('the prescaler divides the tick and restarts the reference', () => {
    const t = gt();
    t.w(CTL, TEN | (9 << 8));
    t.to(10_000);
    expect(t.r(CLO)).toBe(100);
    expect(t.r(CTL)).toBe(TEN | (9 << 8));
  });

  it('without IRQ enable the event sets the flag only; comparator high word counts', () => {
    const t = gt();
    t.w(CMPHI, 1);
    t.w(CTL, TEN | CMP);
    t.to(100_000);
    expect(t.r(GISR)).toBe(0);
    expect(t.r(CMPHI)).toBe(1);
    t.w(CMPHI, 0); t.w(CMPLO, 5);
    expect(t.r(GISR)).toBe(1); // 5 < counter 10000: the write's update sees the event at once
    expect(t.irq.level).toBe(false);
  });

  it('byte accesses are rejected (QEMU: word accesses only)', () => {
    const t = gt();
    t.w(INC, 7);
    t.d.write(INC, 1, 0x55);
    expect(t.d.read(INC, 1)).toBe(0);
    expect(t.r(INC)).toBe(7);
    expect(t.errors).toEqual(['gtimer: 1-byte write at 0x18 (word accesses only)', 'gtimer: 1-byte read at 0x18 (word accesses only)']);
  });

  it('snapshot round trip keeps the 64-bit values', () => {
    const t = gt();
    t.w(CLO, 0xfffffff0); t.w(CHI, 0xffffffff);
    t.w(CTL, TEN);
    t.to(1000);
    const s = JSON.parse(JSON.stringify(t.d.saveState()));
    const u = gt();
    u.t.ns = 1000;
    u.d.loadState(s);
    expect([u.r(CLO), u.r(CHI)]).toEqual([(0xfffffff0 + 100) >>> 0, 0]); // wrapped past 2^64
  });
});
