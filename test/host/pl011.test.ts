import { describe, expect, it } from 'vitest';
import { Pl011, NullIrqLine, PL011_REGS, PL011_ID, FR_RXFE, FR_TXFE, FR_RXFF, FR_BUSY, INT_RX, INT_TX } from '../../src/soc/devices/pl011.js';

function uart() {
  const irq = new NullIrqLine();
  const u = new Pl011('uart0', irq);
  const out: number[] = [];
  const errors: string[] = [];
  u.onTransmit = b => out.push(b);
  u.onGuestError = m => errors.push(m);
  return { u, irq, out, errors };
}

describe('PL011', () => {
  it('has its reset values (FR 0x90, CR 0x300, IFLS 0x12) and the register map as data', () => {
    const { u } = uart();
    for (const r of PL011_REGS) if (r.access !== 'wo' && r.name !== 'DR') expect(u.read(r.offset, 4), r.name).toBe(r.reset);
    expect(u.read(0x18, 4)).toBe(FR_TXFE | FR_RXFE);
  });
  it('reads the PrimeCell peripheral and cell IDs', () => {
    const { u } = uart();
    const ids = [0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => u.read(o, 4));
    expect(ids).toEqual([...PL011_ID]);
    expect(ids).toEqual([0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1]);
  });
  it('transmits DR writes at once: TXFE stays set, BUSY clear, TX interrupt raised', () => {
    const { u, irq, out } = uart();
    u.write(0x38, 4, INT_TX);
    u.write(0x00, 4, 0x141); // only the low byte goes out
    expect(out).toEqual([0x41]);
    expect(u.read(0x18, 4) & (FR_TXFE | FR_BUSY)).toBe(FR_TXFE);
    expect(u.read(0x3c, 4) & INT_TX).toBe(INT_TX);
    expect(irq.level).toBe(true);
    u.write(0x44, 4, INT_TX); // ICR
    expect(u.read(0x3c, 4) & INT_TX).toBe(0);
    expect(irq.level).toBe(false);
  });
  it('receives into a 1-entry holding register with FIFOs off; more input waits', () => {
    const { u } = uart();
    u.receive([0x61, 0x62]);
    expect(u.read(0x18, 4) & (FR_RXFE | FR_RXFF)).toBe(FR_RXFF);
    expect(u.pendingInput).toBe(1);
    expect(u.read(0x00, 4)).toBe(0x61);
    expect(u.read(0x00, 4)).toBe(0x62);
    expect(u.read(0x18, 4) & FR_RXFE).toBe(FR_RXFE);
    expect(u.read(0x00, 4)).toBe(0); // empty: reads 0
  });
  it('holds 16 characters with FEN set, in order', () => {
    const { u } = uart();
    u.write(0x2c, 4, 0x70); // 8 bits, FEN
    u.receive(Array.from({ length: 20 }, (_, i) => 0x30 + i));
    expect(u.read(0x18, 4) & FR_RXFF).toBe(FR_RXFF);
    const got: number[] = [];
    while (!(u.read(0x18, 4) & FR_RXFE)) got.push(u.read(0, 4));
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => 0x30 + i));
  });
  it('raises RX while characters wait (masked by IMSC), MIS = RIS & IMSC', () => {
    const { u, irq } = uart();
    u.receive([0x7a]);
    expect(u.read(0x3c, 4) & INT_RX).toBe(INT_RX);
    expect(u.read(0x40, 4)).toBe(0);
    expect(irq.level).toBe(false);
    u.write(0x38, 4, INT_RX);
    expect(u.read(0x40, 4)).toBe(INT_RX);
    expect(irq.level).toBe(true);
    u.read(0, 4);
    expect(u.read(0x3c, 4) & INT_RX).toBe(0);
    expect(irq.level).toBe(false);
  });
  it('masks divisors and control to their widths', () => {
    const { u } = uart();
    u.write(0x24, 4, 0x12345); u.write(0x28, 4, 0xff); u.write(0x30, 4, 0x12301);
    expect([u.read(0x24, 4), u.read(0x28, 4), u.read(0x30, 4)]).toEqual([0x2345, 0x3f, 0x2301]);
  });
  it('logs an unknown offset once as a guest error and reads 0', () => {
    const { u, errors } = uart();
    expect(u.read(0x100, 4)).toBe(0);
    u.read(0x100, 4);
    u.write(0x3c, 4, 1); // RIS is read-only
    expect(errors).toEqual(['uart0: read at bad offset 0x100', 'uart0: write at bad offset 0x3c']);
  });
});
