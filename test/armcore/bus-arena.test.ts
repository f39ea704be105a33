// The RAM arena (bus.ts): every RAM region of a bus in one buffer, read by generated code as one
// typed array per width, and handed to the next bus of the same size when a board is disposed
// (zeroed where the old one wrote), so that V8 keeps the code it made for those typed arrays.
import { describe, expect, it } from 'vitest';
import { Bus, CHUNK_SIZE } from '../../src/armcore/bus.js';
import { createBoard } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';

describe('the RAM arena', () => {
  it('holds every region at its own offset, as the typed arrays see it', () => {
    const bus = new Bus();
    const a = bus.addRam('a', 0x60000000, 2 * CHUNK_SIZE);
    const b = bus.addRam('b', 0x40000000, CHUNK_SIZE);
    expect([a.arenaOffset, b.arenaOffset]).toEqual([0, 2 * CHUNK_SIZE]);
    bus.write(0x40000004, 4, 0x11223344);
    bus.write(0x60010002, 2, 0xbeef);
    expect(bus.ram32.length).toBe(3 * CHUNK_SIZE / 4);
    expect(bus.ram32[(2 * CHUNK_SIZE + 4) / 4]).toBe(0x11223344);
    expect(bus.ram16[(CHUNK_SIZE + 2) / 2]).toBe(0xbeef);
    expect(bus.ram8[CHUNK_SIZE + 3]).toBe(0xbe); // little-endian, as the guest's data
  });

  it('takes no more RAM regions once memory is in use', () => {
    const bus = new Bus();
    bus.addRam('a', 0x60000000, CHUNK_SIZE);
    bus.read(0x60000000, 4);
    expect(() => bus.addRam('late', 0x70000000, CHUNK_SIZE)).toThrow(/late: RAM regions must all be added before memory is used/);
  });

  // Arena offsets live in the TLB's Int32Arrays: more RAM than that is refused when it is added.
  it('refuses RAM beyond MAX_RAM_BYTES in all, before making any', () => {
    const bus = new Bus();
    bus.addRam('low', 0x00000000, 0x40000000);
    expect(() => bus.addRam('high', 0x40000000, 0x40000000)).toThrow(/high: more than 2147418112 bytes of RAM in all/);
    expect(bus.ram.map(r => r.name)).toEqual(['low']);
    expect(bus.ram8.length).toBe(0);
  });

  it('a released arena goes to the next bus of its size, zeroed where it was written; the old bus fails', () => {
    const size = 8 * CHUNK_SIZE;
    const old = new Bus();
    old.addRam('ram', 0x60000000, size);
    old.write(0x60000000, 4, -1);
    old.writeBytes(0x60000000 + 5 * CHUNK_SIZE - 2, new Uint8Array(4).fill(0x5a));
    const arrays = old.ram32;
    old.release();
    expect(() => old.read(0x60000000, 4)).toThrow(/released/);
    const next = new Bus();
    next.addRam('ram', 0x60000000, size);
    expect(next.read(0x60000000, 4)).toBe(0);
    expect(next.ram32).toBe(arrays);
    expect(Array.from(next.readBytes(0x60000000 + 5 * CHUNK_SIZE - 2, 4))).toEqual([0, 0, 0, 0]);
    expect(next.ram32.every(w => w === 0)).toBe(true);
  });

  it('a disposed board refuses to run, and its memory serves the next board', () => {
    const b1 = createBoard(vexpressA9);
    b1.bus.write(0x60000000, 4, 0xeafffffe); // b .
    b1.cpu.pc = 0x60000000;
    expect(b1.run({ maxInsns: 100 })).toEqual({ kind: 'budget' });
    const arena = b1.bus.ram8;
    b1.dispose();
    expect(() => b1.run({ maxInsns: 1 })).toThrow(/disposed/);
    const b2 = createBoard(vexpressA9);
    expect(b2.bus.read(0x60000000, 4)).toBe(0);
    expect(b2.bus.ram8).toBe(arena);
  });
});
