// The L2C-310 cache controller (src/soc/devices/l2c310.ts): registers only, with the values
// qemu-system-arm 7.2 -M vexpress-a9 shows at 0x1e00a000.
import { describe, it, expect } from 'vitest';
import { L2c310 } from '../../src/soc/devices/l2c310.js';

function make() {
  const d = new L2c310('l2c');
  const errors: string[] = [];
  d.onGuestError = m => errors.push(m);
  return { d, errors, r: (o: number) => d.read(o, 4) >>> 0, w: (o: number, v: number) => d.write(o, 4, v) };
}

describe('L2C-310', () => {
  it('identifies as r3p2 with QEMU\'s reset values', () => {
    const { r } = make();
    expect([r(0), r(4), r(0x100), r(0x104), r(0x108), r(0x10c), r(0xc00), r(0xc04)])
      .toEqual([0x410000c8, 0x1c100100, 0, 0x02020000, 0, 0, 0, 0]);
  });

  it('keeps control bit 0 and the other configuration registers whole', () => {
    const { r, w } = make();
    w(0x100, 3); w(0x108, 0x111); w(0x10c, 0x222); w(0xc00, 0x40000001); w(0xc04, 0x50000000);
    expect([r(0x100), r(0x108), r(0x10c), r(0xc00), r(0xc04)]).toEqual([1, 0x111, 0x222, 0x40000001, 0x50000000]);
  });

  it('maintenance operations complete at once: cache sync and by-way registers read 0', () => {
    const { r, w, errors } = make();
    w(0x730, 0); w(0x77c, 0xff); w(0x7fc, 0xff);
    expect([r(0x730), r(0x77c), r(0x7fc)]).toEqual([0, 0, 0]);
    expect([r(0xf40), r(0xf60), r(0xf80)]).toEqual([0, 0, 0]);
    expect(errors).toEqual([]);
  });

  it('the cache type register gains the aux control way-size bits and keeps them (QEMU quirk)', () => {
    const { r, w, d } = make();
    w(0x104, 0x02070000);
    expect(r(0x104)).toBe(0x02070000);
    expect(r(4)).toBe(0x1c340340);
    w(0x104, 0x02020000);
    expect(r(4)).toBe(0x1c340340);
    d.reset();
    expect(r(0x104)).toBe(0x02020000);
    expect(r(4)).toBe(0x1c340340);
  });

  it('reports unknown registers once and reads them as zero; state survives a snapshot', () => {
    const { r, w, d, errors } = make();
    expect(r(0x200)).toBe(0);
    w(0x204, 1);
    expect(errors).toEqual(['l2c: read at bad offset 0x200', 'l2c: write at bad offset 0x204']);
    w(0x100, 1); w(0x104, 0x12345678);
    const u = make();
    u.d.loadState(JSON.parse(JSON.stringify(d.saveState())));
    expect([u.r(0x100), u.r(0x104)]).toEqual([1, 0x12345678]);
  });
});
