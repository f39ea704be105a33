// SP805 watchdog through its registers with a hand-advanced clock. (Not on QEMU's vexpress-a9,
// so there is no QEMU comparison: the expectations come from the SP805 TRM and QEMU's model of
// the same design, the CMSDK APB watchdog.) A 1 MHz clock keeps the numbers round.
import { describe, it, expect } from 'vitest';
import { make, TestHost } from './mb-host.js';

const LOAD = 0x000, VALUE = 0x004, CONTROL = 0x008, INTCLR = 0x00c, RIS = 0x010, MIS = 0x014;
const LOCK = 0xc00, ITCR = 0xf00, ITOP = 0xf04;
const INTEN = 1, RESEN = 2;

const wdt = (freq = 1_000_000) => make('sp805', { freq });

describe('sp805', () => {
  it('has the SP805 IDs and its reset values', () => {
    const { rd } = wdt();
    expect([0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => rd(o))).toEqual([0x05, 0x18, 0x14, 0, 0x0d, 0xf0, 0x05, 0xb1]);
    expect(rd(LOAD)).toBe(0xffffffff);
    expect(rd(VALUE)).toBe(0xffffffff);
    expect(rd(CONTROL)).toBe(0);
    expect(rd(RIS)).toBe(0);
    expect(rd(LOCK)).toBe(0);
  });

  it('counts down from Load while INTEN is set; times out Load + 1 ticks later', () => {
    const { rd, wr, host } = wdt();
    wr(LOAD, 100);
    host.advance(50_000);
    expect(rd(VALUE)).toBe(100); // not running yet
    wr(CONTROL, INTEN);
    host.advance(40_000);
    expect(rd(VALUE)).toBe(60);
    host.advance(60_000);
    expect(rd(VALUE)).toBe(0);
    expect(rd(RIS)).toBe(0);
    host.advance(1_000);
    expect(rd(RIS)).toBe(1);
    expect(rd(MIS)).toBe(1);
    expect(host.levels[0]).toBe(true);
    expect(rd(VALUE)).toBe(100); // reloaded
  });

  it('WDOGINTCLR clears the interrupt and reloads; a second timeout without it resets only with RESEN', () => {
    const { rd, wr, host } = wdt();
    wr(LOAD, 9);
    wr(CONTROL, INTEN);
    host.advance(10_000);
    expect(rd(RIS)).toBe(1);
    host.advance(5_000);
    wr(INTCLR, 0);
    expect(rd(RIS)).toBe(0);
    expect(host.levels[0]).toBe(false);
    expect(rd(VALUE)).toBe(9);
    host.advance(10_000);
    expect(rd(RIS)).toBe(1);
    host.advance(10_000); // second timeout: reset output, but RESEN is clear
    expect(host.requests).toEqual([]);
    expect(rd(VALUE)).toBe(0); // stopped
    wr(CONTROL, INTEN | RESEN); // the reset output is asserted: enabling it resets the board
    expect(host.requests).toEqual(['reboot']);
  });

  it('with RESEN set the second timeout reboots the board', () => {
    const { wr, host } = wdt();
    wr(LOAD, 999);
    wr(CONTROL, INTEN | RESEN);
    host.advance(1_000_000);
    expect(host.requests).toEqual([]);
    host.advance(1_000_000);
    expect(host.requests).toEqual(['reboot']);
  });

  it('clearing INTEN stops the counter; setting it again reloads from Load', () => {
    const { rd, wr, host } = wdt();
    wr(LOAD, 1000);
    wr(CONTROL, INTEN);
    host.advance(300_000);
    wr(CONTROL, 0);
    expect(rd(VALUE)).toBe(700);
    host.advance(300_000);
    expect(rd(VALUE)).toBe(700);
    wr(CONTROL, INTEN);
    expect(rd(VALUE)).toBe(1000);
    wr(CONTROL, INTEN | RESEN); // INTEN unchanged: no reload
    host.advance(100_000);
    expect(rd(VALUE)).toBe(900);
  });

  it('writing Load restarts the count', () => {
    const { rd, wr, host } = wdt();
    wr(CONTROL, INTEN);
    host.advance(100_000);
    wr(LOAD, 50);
    expect(rd(VALUE)).toBe(50);
    host.advance(51_000);
    expect(rd(RIS)).toBe(1);
  });

  it('locks register writes unless 0x1ACCE551 is written to WDOGLOCK', () => {
    const { rd, wr, host } = wdt();
    wr(LOCK, 1);
    expect(rd(LOCK)).toBe(1);
    wr(LOAD, 5);
    expect(rd(LOAD)).toBe(0xffffffff);
    expect(host.errors).toEqual(['dev: write to a locked watchdog']);
    wr(LOCK, 0x1acce551);
    expect(rd(LOCK)).toBe(0);
    wr(LOAD, 5);
    expect(rd(LOAD)).toBe(5);
  });

  it('integration test mode drives the outputs from WDOGITOP', () => {
    const { wr, host } = wdt();
    wr(ITCR, 1);
    wr(ITOP, 2);
    expect(host.levels[0]).toBe(true);
    wr(ITOP, 1);
    expect(host.levels[0]).toBe(false);
    expect(host.requests).toEqual(['reboot']);
  });

  it('defaults to the 32.768 kHz reference clock', () => {
    const { rd, wr, host } = make('sp805');
    wr(LOAD, 32767);
    wr(CONTROL, INTEN);
    host.advance(999_999_999);
    expect(rd(RIS)).toBe(0);
    host.advance(1);
    expect(rd(RIS)).toBe(1);
  });

  it('save and restore mid-count', () => {
    const a = make('sp805', { freq: 1_000_000 }, new TestHost('w'));
    a.wr(LOAD, 500);
    a.wr(CONTROL, INTEN);
    a.host.advance(200_000);
    const dev = JSON.parse(JSON.stringify(a.dev.saveState()));
    const clk = JSON.parse(JSON.stringify(a.host.clock.saveState()));
    const h = new TestHost('w');
    h.insns = 17;
    const b = make('sp805', { freq: 1_000_000 }, h);
    b.dev.loadState(dev);
    h.clock.loadState(clk);
    expect(b.rd(VALUE)).toBe(300);
    h.advance(300_000);
    expect(b.rd(RIS)).toBe(0);
    h.advance(1_000);
    expect(b.rd(RIS)).toBe(1);
  });

  it('reset() stops it and restores the reset values', () => {
    const { rd, wr, dev, host } = wdt();
    wr(LOAD, 10);
    wr(CONTROL, INTEN);
    wr(LOCK, 0);
    dev.reset();
    expect(rd(LOAD)).toBe(0xffffffff);
    expect(rd(CONTROL)).toBe(0);
    expect(rd(LOCK)).toBe(0);
    expect(host.clock.nextDeadline()).toBe(Infinity);
  });
});
