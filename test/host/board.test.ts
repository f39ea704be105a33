import { describe, expect, it } from 'vitest';
import { createBoard, vexpressA9 } from '../../src/soc/index.js';
import { makeElf } from './elfgen.js';

describe('vexpress-a9 board', () => {
  it('puts RAM at 0x60000000 with 128 MiB by default, allocated lazily', () => {
    const b = createBoard(vexpressA9);
    expect(b.ramBase).toBe(0x60000000);
    expect(b.ramSize).toBe(128 << 20);
    expect(b.stats().ramHostBytes).toBe(0);
  });
  it('maps UART0 at 0x10009000 (GIC interrupt 37 = SPI 5) and sends its bytes to the callback', () => {
    expect(vexpressA9.devices['uart0']).toEqual({ type: 'pl011', at: 0x10009000, irq: 37 });
    const b = createBoard(vexpressA9);
    const out: number[] = [];
    b.uart('uart0').onTransmit = x => out.push(x);
    b.bus.write(0x10009000, 4, 0x48);
    expect(out).toEqual([0x48]);
    expect(b.bus.read(0x10009fe0, 4)).toBe(0x11);
    b.uart('uart0').receive([0x31]);
    expect(b.bus.read(0x10009000, 4)).toBe(0x31);
  });
  it('reads zero and ignores writes where nothing is mapped (QEMU 7.2 vexpress-a9: no abort)', () => {
    const errors: string[] = [];
    const b = createBoard(vexpressA9, { onGuestError: m => errors.push(m) });
    for (const a of [0x00000000, 0x10030000, 0x20000000, 0x5fff0000, 0xa0000000, 0xfffff000]) {
      expect(b.bus.read(a, 4), a.toString(16)).toBe(0);
    }
    b.bus.write(0x20000000, 4, 1);
    expect(b.bus.read(0x20000000, 4)).toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    // a data access from the CPU neither aborts nor changes DFSR
    expect(b.cpu.ld32(0x20000000)).toBe(0);
    expect(b.cpu.dfsr).toBe(0);
  });
  it('has the on-board SRAM (32 MiB at 0x48000000) and video RAM (8 MiB at 0x4c000000), as QEMU', () => {
    const b = createBoard(vexpressA9);
    for (const a of [0x48000000, 0x49fffffc, 0x4c000000, 0x4c7ffffc]) {
      b.bus.write(a, 4, 0x12345678);
      expect(b.bus.read(a, 4), a.toString(16)).toBe(0x12345678);
    }
    for (const a of [0x4a000000, 0x4c800000]) {
      b.bus.write(a, 4, 0x12345678);
      expect(b.bus.read(a, 4), a.toString(16)).toBe(0);
    }
  });
  it('reports the heap in the largest RAM region: SRAM when main RAM is smaller (-m 16)', () => {
    expect(createBoard(vexpressA9, { ramMiB: 16 }).heapInfo()).toEqual({ base: 0x48000000, limit: 0x4a000000 });
    expect(createBoard(vexpressA9, { ramMiB: 32 }).heapInfo()).toEqual({ base: 0x48000000, limit: 0x4a000000 });
    expect(createBoard(vexpressA9, { ramMiB: 64 }).heapInfo()).toEqual({ base: 0x60000000, limit: 0x64000000 });
  });
  it('with -m 1024 RAM ends at 0xa0000000', () => {
    const b = createBoard(vexpressA9, { ramMiB: 1024 });
    b.bus.write(0x9ffffffc, 4, 0x11223344);
    expect(b.bus.read(0x9ffffffc, 4)).toBe(0x11223344);
  });
  it('runs until the budget and reports statistics', () => {
    const b = createBoard(vexpressA9);
    // MOV r0, #1 repeated: 8 words, then zeros (andeq r0, r0, r0) follow in RAM
    b.load(makeElf({ segments: [{ paddr: 0x60010000, data: new Uint8Array(32).map((_, i) => [0x01, 0x00, 0xa0, 0xe3][i & 3]!) }] }));
    const r = b.run({ maxInsns: 8 });
    expect(r).toEqual({ kind: 'budget' });
    expect(b.cpu.r[0]).toBe(1);
    expect(b.stats().insns).toBeGreaterThanOrEqual(8);
  });
  it('semihosting exit stops the run with the exit code', () => {
    const b = createBoard(vexpressA9, { semihosting: { io: { write() {}, read: () => new Uint8Array(0), isatty: () => false }, cmdline: 'x' } });
    b.load(makeElf());
    b.cpu.r[0] = 0x18; b.cpu.r[1] = 0x20026;
    b.cpu.host.semihosting!(b.cpu);
    expect(b.run({ maxInsns: 10 })).toEqual({ kind: 'exit', code: 0 });
  });
  it('heap info is the gap after the loaded image', () => {
    const b = createBoard(vexpressA9);
    b.load(makeElf({ segments: [{ paddr: 0x60010000, data: [0, 0, 0, 0], memsz: 0x19a4 }] }));
    expect(b.heapInfo()).toEqual({ base: 0x600119a4, limit: 0x68000000 });
  });
});
