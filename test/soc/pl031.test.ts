// PL031 RTC driven through its registers with a hand-advanced clock and the board's default
// wall clock (a fixed epoch, 2000-01-01, advancing with virtual time).
import { describe, it, expect } from 'vitest';
import { make, TestHost } from './mb-host.js';

const DR = 0x00, MR = 0x04, LR = 0x08, CR = 0x0c, IMSC = 0x10, RIS = 0x14, MIS = 0x18, ICR = 0x1c;
const EPOCH_S = Date.UTC(2000, 0, 1) / 1000;
const S = 1_000_000_000;

describe('pl031', () => {
  it('has the PrimeCell IDs and is always enabled (RTCCR reads 1, writes ignored)', () => {
    const { rd, wr } = make('pl031');
    expect([0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => rd(o))).toEqual([0x31, 0x10, 0x14, 0, 0x0d, 0xf0, 0x05, 0xb1]);
    expect(rd(CR)).toBe(1);
    wr(CR, 0);
    expect(rd(CR)).toBe(1);
  });

  it('counts whole seconds of the wall clock', () => {
    const { rd, host } = make('pl031');
    expect(rd(DR)).toBe(EPOCH_S);
    host.at(2.5 * S);
    expect(rd(DR)).toBe(EPOCH_S + 2);
  });

  it('RTCLR sets the count; the count goes on from there', () => {
    const { rd, wr, host } = make('pl031');
    host.at(0.4 * S);
    wr(LR, 1000);
    expect(rd(LR)).toBe(1000);
    expect(rd(DR)).toBe(1000);
    host.at(1.0 * S); // the wall clock's second ticks over: so does the RTC
    expect(rd(DR)).toBe(1001);
    wr(LR, 0xffffffff);
    host.at(2.0 * S);
    expect(rd(DR)).toBe(0); // wraps at 2^32
  });

  it('interrupts when the count reaches RTCMR, masked by RTCIMSC, cleared by RTCICR', () => {
    const { rd, wr, host } = make('pl031');
    wr(LR, 100);
    wr(MR, 103);
    expect(rd(MR)).toBe(103);
    host.at(3 * S - 1);
    expect(rd(RIS)).toBe(0);
    host.at(3 * S);
    expect(rd(RIS)).toBe(1);
    expect(rd(MIS)).toBe(0);
    expect(host.levels[0]).toBe(false);
    wr(IMSC, 0xff);
    expect(rd(IMSC)).toBe(1);
    expect(rd(MIS)).toBe(1);
    expect(host.levels[0]).toBe(true);
    wr(ICR, 1);
    expect(rd(RIS)).toBe(0);
    expect(host.levels[0]).toBe(false);
  });

  it('the match fires whole seconds after the write, not on the second boundary (as QEMU)', () => {
    const { rd, wr, host } = make('pl031');
    host.at(0.7 * S);
    wr(MR, rd(DR) + 1);
    host.at(1.7 * S - 1);
    expect(rd(RIS)).toBe(0);
    host.at(1.7 * S);
    expect(rd(RIS)).toBe(1);
  });

  it('a match equal to the count, or a load onto the match value, interrupts at once', () => {
    const { rd, wr } = make('pl031');
    wr(MR, rd(DR));
    expect(rd(RIS)).toBe(1);
    wr(ICR, 1);
    wr(MR, 5000);
    expect(rd(RIS)).toBe(0);
    wr(LR, 5000);
    expect(rd(RIS)).toBe(1);
  });

  it('reports the write-only and read-only registers and bad offsets', () => {
    const { rd, wr, host } = make('pl031');
    expect(rd(ICR)).toBe(0);
    wr(DR, 1);
    expect(rd(0x20)).toBe(0);
    expect(host.errors).toEqual([
      'dev: read of write-only register RTCICR',
      'dev: write to read-only register at 0x0',
      'dev: read at bad offset 0x20',
    ]);
  });

  it('a system reset leaves the RTC running with its registers (QEMU has no PL031 reset)', () => {
    const { rd, wr, dev, host } = make('pl031');
    wr(LR, 500);
    wr(MR, 510);
    wr(IMSC, 1);
    dev.reset();
    expect(rd(DR)).toBe(500);
    expect(rd(MR)).toBe(510);
    host.at(10 * S);
    expect(host.levels[0]).toBe(true);
  });

  it('save and restore: count, registers and the pending match survive', () => {
    const a = make('pl031', {}, new TestHost('rtc'));
    a.wr(LR, 7000);
    a.wr(MR, 7010);
    a.wr(IMSC, 1);
    a.host.at(4 * S);
    const dev = JSON.parse(JSON.stringify(a.dev.saveState()));
    const clk = JSON.parse(JSON.stringify(a.host.clock.saveState()));
    const h = new TestHost('rtc');
    const b = make('pl031', {}, h);
    b.dev.loadState(dev);
    h.clock.loadState(clk);
    expect(b.rd(DR)).toBe(7004);
    h.at(10 * S - 1);
    expect(h.levels[0]).toBe(false);
    h.at(10 * S);
    expect(h.levels[0]).toBe(true);
  });
});
