// SP804 dual timer driven through its registers with a hand-advanced clock (1 MHz, as vexpress).
import { describe, it, expect } from 'vitest';
import { make, TestHost } from './mb-host.js';

const LOAD = 0x00, VALUE = 0x04, CTRL = 0x08, INTCLR = 0x0c, RIS = 0x10, MIS = 0x14, BGLOAD = 0x18;
const EN = 0x80, PERIODIC = 0x40, IE = 0x20, DIV16 = 0x04, DIV256 = 0x08, BIT32 = 0x02, ONESHOT = 0x01;
const T2 = 0x20;

describe('sp804', () => {
  it('has the PrimeCell IDs and QEMU reset values (Control 0x20: IntEnable set)', () => {
    const { rd } = make('sp804');
    expect([0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => rd(o))).toEqual([0x04, 0x18, 0x14, 0, 0x0d, 0xf0, 0x05, 0xb1]);
    for (const base of [0, T2]) {
      expect(rd(base + LOAD)).toBe(0);
      expect(rd(base + VALUE)).toBe(0);
      expect(rd(base + CTRL)).toBe(0x20);
      expect(rd(base + RIS)).toBe(0);
      expect(rd(base + MIS)).toBe(0);
    }
  });

  it('periodic mode interrupts every Load ticks (QEMU: not Load + 1) and counts down between', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 1000);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    expect(rd(VALUE)).toBe(1000);
    host.at(250_000);
    expect(rd(VALUE)).toBe(750);
    host.at(999_999);
    expect(host.levels[0]).toBe(false);
    expect(rd(RIS)).toBe(0);
    host.at(1_000_000);
    expect(host.levels[0]).toBe(true);
    expect(rd(RIS)).toBe(1);
    expect(rd(MIS)).toBe(1);
    expect(rd(VALUE)).toBe(1000); // reloaded
    wr(INTCLR, 0);
    expect(host.levels[0]).toBe(false);
    expect(rd(RIS)).toBe(0);
    host.at(1_999_999);
    expect(host.levels[0]).toBe(false);
    host.at(2_000_000);
    expect(host.levels[0]).toBe(true);
  });

  it('keeps the periodic cadence exact however late the event is handled', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 100);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(130_000); // 30 us late
    expect(rd(RIS)).toBe(1);
    expect(rd(VALUE)).toBe(70); // the next expiry is still at 200 us
  });

  it('with IntEnable clear the raw status rises but the output and MIS stay low', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 10);
    wr(CTRL, EN | PERIODIC | BIT32);
    host.at(10_000);
    expect(rd(RIS)).toBe(1);
    expect(rd(MIS)).toBe(0);
    expect(host.levels[0]).toBe(false);
    wr(CTRL, EN | PERIODIC | BIT32 | IE); // enabling the interrupt raises the pending one
    expect(host.levels[0]).toBe(true);
  });

  it('divides the 1 MHz clock by 16 and by 256 (QEMU: integer 3906 Hz)', () => {
    const a = make('sp804');
    a.wr(LOAD, 10);
    a.wr(CTRL, EN | PERIODIC | IE | BIT32 | DIV16);
    a.host.at(159_999);
    expect(a.rd(RIS)).toBe(0);
    a.host.at(160_000);
    expect(a.rd(RIS)).toBe(1);

    const b = make('sp804');
    b.wr(LOAD, 10);
    b.wr(CTRL, EN | PERIODIC | IE | BIT32 | DIV256);
    // 10 ticks of 1e9/3906 ns = 2560163.8 ns
    b.host.at(2_560_162);
    expect(b.rd(RIS)).toBe(0);
    b.host.at(2_560_164);
    expect(b.rd(RIS)).toBe(1);
  });

  it('one-shot mode interrupts once and stops at 0 with Enable still set; Load does not restart it', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 50);
    wr(CTRL, EN | IE | BIT32 | ONESHOT);
    host.at(50_000);
    expect(rd(RIS)).toBe(1);
    expect(rd(VALUE)).toBe(0);
    expect(rd(CTRL)).toBe(EN | IE | BIT32 | ONESHOT);
    wr(INTCLR, 1);
    host.at(500_000);
    expect(rd(RIS)).toBe(0);
    wr(LOAD, 20);
    expect(rd(VALUE)).toBe(20);
    host.at(600_000);
    expect(rd(VALUE)).toBe(20); // holds: not running
    expect(rd(RIS)).toBe(0);
    wr(CTRL, EN | IE | BIT32 | ONESHOT); // a control write starts it again
    host.at(620_000);
    expect(rd(RIS)).toBe(1);
  });

  it('free-running mode counts from 0xffffffff (0xffff in 16-bit mode), whatever Load says', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 1000);
    wr(CTRL, EN | IE | BIT32);
    expect(rd(VALUE)).toBe(0xffffffff);
    host.advance(5000);
    expect(rd(VALUE)).toBe(0xffffffff - 5);
    wr(LOAD, 1000); // QEMU restarts from the top, not from 1000
    expect(rd(VALUE)).toBe(0xffffffff);
    expect(rd(LOAD)).toBe(1000);

    const s = make('sp804');
    s.wr(CTRL, EN | IE);
    expect(s.rd(VALUE)).toBe(0xffff);
    s.host.at(0xffff * 1000 - 1);
    expect(s.rd(RIS)).toBe(0);
    s.host.at(0xffff * 1000);
    expect(s.rd(RIS)).toBe(1);
    expect(s.rd(VALUE)).toBe(0xffff);
  });

  it('in periodic mode the 16-bit size bit does not truncate Load (as QEMU)', () => {
    const { rd, wr } = make('sp804');
    wr(LOAD, 0x12345);
    wr(CTRL, EN | PERIODIC | IE);
    expect(rd(VALUE)).toBe(0x12345);
  });

  it('BGLoad changes the reload value without restarting the current period', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 100);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(40_000);
    wr(BGLOAD, 300);
    expect(rd(LOAD)).toBe(300);
    expect(rd(BGLOAD)).toBe(300);
    expect(rd(VALUE)).toBe(60);
    host.at(100_000);
    expect(rd(RIS)).toBe(1);
    wr(INTCLR, 0);
    host.at(399_999);
    expect(rd(RIS)).toBe(0);
    host.at(400_000);
    expect(rd(RIS)).toBe(1);
  });

  it('a control write while running restarts the count from Load (QEMU)', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 100);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(70_000);
    wr(CTRL, EN | PERIODIC | BIT32);
    expect(rd(VALUE)).toBe(100);
    wr(CTRL, PERIODIC | BIT32); // disabling holds the count
    host.at(90_000);
    expect(rd(VALUE)).toBe(100);
  });

  it('enabling with Load 0 interrupts at once and stops', () => {
    const { rd, wr, host } = make('sp804');
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    expect(rd(RIS)).toBe(1);
    expect(host.levels[0]).toBe(true);
    wr(INTCLR, 0);
    host.at(1_000_000);
    expect(rd(RIS)).toBe(0);
    expect(host.clock.nextDeadline()).toBe(Infinity);
  });

  it('a periodic timer interrupts at most every 10 us (QEMU ptimer rate limit)', () => {
    const { rd, wr, host } = make('sp804');
    wr(LOAD, 1);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(9_999);
    expect(rd(RIS)).toBe(0);
    host.at(10_000);
    expect(rd(RIS)).toBe(1);
  });

  it('combines both timers into one interrupt output', () => {
    const { wr, host } = make('sp804');
    wr(LOAD, 10);
    wr(T2 + LOAD, 20);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    wr(T2 + CTRL, EN | PERIODIC | IE | BIT32);
    host.at(10_000);
    expect(host.levels[0]).toBe(true);
    wr(CTRL, PERIODIC | IE | BIT32);
    wr(INTCLR, 0);
    expect(host.levels[0]).toBe(false);
    host.at(20_000);
    expect(host.levels[0]).toBe(true);
    wr(T2 + INTCLR, 0);
    expect(host.levels[0]).toBe(false);
  });

  it('reports bad offsets once per message and reads them as zero', () => {
    const { rd, wr, host } = make('sp804');
    expect(rd(0x1c)).toBe(0);
    expect(rd(0x100)).toBe(0);
    expect(rd(0xf00)).toBe(0);
    wr(0x10, 5);
    expect(host.errors.length).toBe(4);
    expect(host.errors[0]).toMatch(/bad offset 0x1c/);
  });

  it('reads a byte lane of a register', () => {
    const { rd, wr } = make('sp804');
    wr(LOAD, 0x12345678);
    expect(rd(LOAD + 1, 1)).toBe(0x56);
    expect(rd(LOAD + 2, 2)).toBe(0x1234);
  });

  it('save and restore mid-period: the restored timer fires at the same virtual time', () => {
    const a = make('sp804', {}, new TestHost('t'));
    a.wr(LOAD, 1000);
    a.wr(CTRL, EN | PERIODIC | IE | BIT32);
    a.wr(T2 + LOAD, 77);
    a.host.at(1_300_000);
    expect(a.rd(RIS)).toBe(1);
    const devState = JSON.parse(JSON.stringify(a.dev.saveState()));
    const clockState = JSON.parse(JSON.stringify(a.host.clock.saveState()));

    const h = new TestHost('t');
    h.insns = 5; // a different instruction count: the clock state lines it up
    const b = make('sp804', {}, h);
    b.dev.loadState(devState);
    h.clock.loadState(clockState);
    expect(h.clock.now()).toBe(1_300_000);
    expect(b.rd(VALUE)).toBe(a.rd(VALUE));
    expect(b.rd(RIS)).toBe(1);
    expect(h.levels[0]).toBe(true);
    expect(b.rd(T2 + LOAD)).toBe(77);
    b.wr(INTCLR, 0);
    h.at(1_999_999);
    expect(b.rd(RIS)).toBe(0);
    h.at(2_000_000);
    expect(b.rd(RIS)).toBe(1);
  });

  it('a system reset leaves the timers running as they are (QEMU 7.2 has no SP804 reset)', () => {
    const { rd, wr, dev, host } = make('sp804');
    wr(LOAD, 10_000);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(10_000_000);
    dev.reset();
    expect(rd(CTRL)).toBe(EN | PERIODIC | IE | BIT32);
    expect(rd(LOAD)).toBe(10_000);
    expect(rd(RIS)).toBe(1);
    expect(host.levels[0]).toBe(true);
    wr(INTCLR, 0);
    host.at(20_000_000);
    expect(rd(RIS)).toBe(1);
  });

  it('powerOn() stops both timers and restores the power-on values', () => {
    const { rd, wr, dev, host } = make('sp804');
    wr(LOAD, 10);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    host.at(10_000);
    (dev as unknown as { powerOn(): void }).powerOn();
    expect(rd(CTRL)).toBe(0x20);
    expect(rd(LOAD)).toBe(0);
    expect(rd(RIS)).toBe(0);
    expect(host.levels[0]).toBe(false);
    expect(host.clock.nextDeadline()).toBe(Infinity);
  });

  it('takes its clock rates from params (freq0, freq1)', () => {
    const { rd, wr, host } = make('sp804', { freq0: 2_000_000 });
    wr(LOAD, 100);
    wr(CTRL, EN | PERIODIC | IE | BIT32);
    wr(T2 + LOAD, 100);
    wr(T2 + CTRL, EN | PERIODIC | IE | BIT32); // timer 2 keeps 1 MHz
    host.at(50_000);
    expect(rd(RIS)).toBe(1);
    expect(rd(T2 + RIS)).toBe(0);
    host.at(100_000);
    expect(rd(T2 + RIS)).toBe(1);
  });
});
