// Bus.writeBytes (the loader's and semihosting's way into RAM) copies a chunk at a time: across
// lazily allocated chunk boundaries, up to the end of RAM and no further.
import { describe, expect, it } from 'vitest';
import { Bus, CHUNK_SIZE } from '../../src/armcore/bus.js';

const BASE = 0x60000000;

describe('Bus.writeBytes', () => {
  it('copies across chunk boundaries, allocating the chunks it touches', () => {
    const bus = new Bus();
    const ram = bus.addRam('ram', BASE, 4 * CHUNK_SIZE);
    const bytes = new Uint8Array(CHUNK_SIZE + 100).map((_, i) => (i * 7 + 3) & 0xff);
    const at = BASE + CHUNK_SIZE - 16; // 16 bytes in chunk 0, a whole chunk 1, 84 bytes in chunk 2
    bus.writeBytes(at, bytes);
    expect(ram.chunks.map(c => c !== null)).toEqual([true, true, true, false]);
    expect(bus.readBytes(at, bytes.length)).toEqual(bytes);
    expect(bus.read(at - 1, 1)).toBe(0);
    expect(bus.read(at + bytes.length, 1)).toBe(0);
  });

  it('writes what lies in RAM, then fails at the first address outside it', () => {
    const bus = new Bus();
    bus.addRam('ram', BASE, CHUNK_SIZE);
    const bytes = new Uint8Array(32).fill(0xab);
    expect(() => bus.writeBytes(BASE + CHUNK_SIZE - 8, bytes)).toThrow(`address 0x${(BASE + CHUNK_SIZE).toString(16)} is not RAM`);
    expect(bus.readBytes(BASE + CHUNK_SIZE - 8, 8)).toEqual(new Uint8Array(8).fill(0xab));
  });

  it('an empty write touches nothing', () => {
    const bus = new Bus();
    const ram = bus.addRam('ram', BASE, CHUNK_SIZE);
    bus.writeBytes(BASE, new Uint8Array(0));
    expect(ram.hostBytes).toBe(0);
  });
});
