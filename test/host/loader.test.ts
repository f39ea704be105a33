import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseElf, ElfError } from '../../src/armcore/elf.js';
import { createBoard, vexpressA9, LoadError, largestGap } from '../../src/soc/index.js';
import { Mode } from '../../src/armcore/cpu.js';
import { makeElf } from './elfgen.js';

const fixture = (n: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${n}`, import.meta.url))));

describe('ELF parsing', () => {
  it('reads the committed rdimon fixture', () => {
    const elf = parseElf(fixture('hello.elf'));
    expect(elf.entry >>> 0).toBeGreaterThanOrEqual(0x60010000);
    expect(elf.loads.length).toBeGreaterThan(0);
    expect(elf.symbols.some(s => s.name === 'main')).toBe(true);
    expect(elf.symbols.some(s => s.name.startsWith('$a'))).toBe(true);
  });
  const bad: [string, Uint8Array, RegExp][] = [
    ['not ELF', new TextEncoder().encode('hello world, not an elf file at all........................'), /not an ELF/],
    ['ELF64', makeElf({ cls: 2 }), /ELF64/],
    ['big-endian', makeElf({ data: 2 }), /big-endian/],
    ['wrong machine (x86)', makeElf({ machine: 3 }), /machine 3 is not ARM/],
    ['relocatable object', makeElf({ type: 1 }), /not an executable/],
    ['header cut short', makeElf().subarray(0, 30), /truncated ELF header/],
    ['program headers cut off', makeElf().subarray(0, 60), /program headers past the end/],
    ['segment data cut off', makeElf().subarray(0, makeElf().length - 2), /segment 0 data past the end/],
    ['filesz > memsz', makeElf({ segments: [{ paddr: 0x60000000, data: [1, 2, 3, 4], memsz: 2 }] }), /exceeds memory size/],
  ];
  for (const [what, bytes, msg] of bad) {
    it(`refuses ${what} with a one-line ElfError`, () => {
      let err: unknown;
      try { parseElf(bytes); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(ElfError);
      expect((err as Error).message).toMatch(msg);
      expect((err as Error).message).not.toContain('\n');
    });
  }
});

describe('loading on vexpress-a9', () => {
  it('loads at p_paddr (not p_vaddr), zero-fills memsz and enters in ARM state', () => {
    const b = createBoard(vexpressA9);
    b.bus.write(0x60020004, 4, 0x12345678); // bss must be cleared by the loader
    const img = b.load(makeElf({ segments: [{ paddr: 0x60020000, vaddr: 0x80000000, data: [1, 0, 0xa0, 0xe3], memsz: 16 }], entry: 0x60020000 }));
    expect(img.entry).toBe(0x60020000);
    expect(b.bus.read(0x60020000, 4) >>> 0).toBe(0xe3a00001);
    expect(b.bus.read(0x60020004, 4)).toBe(0);
    expect(b.cpu.pc).toBe(0x60020000);
    expect(b.cpu.t).toBe(0);
  });
  it('enters in Thumb state when bit 0 of the entry is set', () => {
    const b = createBoard(vexpressA9);
    b.load(makeElf({ entry: 0x60010001 }));
    expect(b.cpu.pc).toBe(0x60010000);
    expect(b.cpu.t).toBe(1);
  });
  it('starts the CPU as QEMU 7.2 does for a bare-metal -kernel ELF', () => {
    const b = createBoard(vexpressA9);
    b.load(makeElf({ entry: 0x60010000 }));
    // measured on qemu-system-arm 7.2: r0-r14 = 0, CPSR = 0x400001d3, SCTLR = 0x00c50078
    expect(Array.from(b.cpu.r.subarray(0, 15))).toEqual(new Array(15).fill(0));
    expect(b.cpu.cpsr >>> 0).toBe(0x400001d3);
    expect(b.cpu.mode).toBe(Mode.SVC);
    expect(b.cpu.sctlr >>> 0).toBe(0x00c50078);
    // the rdimon fixture's entry (_start) is Thumb code: CPSR.T set as well
    b.load(fixture('hello.elf'));
    expect(b.cpu.cpsr >>> 0).toBe(0x400001f3);
  });
  it('refuses a segment outside RAM, or one running past its end, before writing anything', () => {
    const b = createBoard(vexpressA9, { ramMiB: 16 });
    expect(() => b.load(makeElf({ segments: [{ paddr: 0x10000000, data: [1, 2, 3, 4] }] }))).toThrow(LoadError);
    expect(() => b.load(makeElf({ segments: [{ paddr: 0x60fffffc, data: [1, 2, 3, 4], memsz: 8 }] }))).toThrow(/not inside RAM/);
    expect(() => b.load(makeElf({ segments: [
      { paddr: 0x60000000, data: [9, 9, 9, 9] }, { paddr: 0x20000000, data: [1, 2, 3, 4] }] }))).toThrow(/segment 1/);
    expect(b.bus.read(0x60000000, 4)).toBe(0);
  });
  it('loads a raw binary at --load-addr and enters there; refuses raw without it', () => {
    const b = createBoard(vexpressA9);
    const raw = Uint8Array.of(0x01, 0x00, 0xa0, 0xe3);
    b.load(raw, { loadAddr: 0x60008000 });
    expect(b.cpu.pc).toBe(0x60008000);
    expect(b.bus.read(0x60008000, 4) >>> 0).toBe(0xe3a00001);
    expect(() => b.load(raw)).toThrow(/not an ELF file/);
    expect(() => b.load(raw, { loadAddr: 0x10000000 })).toThrow(LoadError);
  });
  it('refuses RAM sizes vexpress-a9 does not support', () => {
    expect(() => createBoard(vexpressA9, { ramMiB: 2048 })).toThrow(/1\.\.1024/);
    expect(() => createBoard(vexpressA9, { ramMiB: 0 })).toThrow(LoadError);
  });
});

describe('heap layout (SYS_HEAPINFO)', () => {
  it('is the largest gap after the image, as measured on QEMU 7.2', () => {
    // probe image [0x60010000, 0x600119a4) with -m 1024 gave heap 0x600119a4..0xa0000000
    expect(largestGap([{ start: 0x60010000, end: 0x600119a4 }], 0x60000000, 1024 << 20)).toEqual({ base: 0x600119a4, limit: 0xa0000000 });
    // with -m 128 the limit is 0x68000000
    expect(largestGap([{ start: 0x60010000, end: 0x60011910 }], 0x60000000, 128 << 20)).toEqual({ base: 0x60011910, limit: 0x68000000 });
    // an image near the top of RAM leaves the bottom as the largest gap
    expect(largestGap([{ start: 0x67000000, end: 0x67800000 }], 0x60000000, 128 << 20)).toEqual({ base: 0x60000000, limit: 0x67000000 });
    expect(largestGap([], 0x60000000, 128 << 20)).toEqual({ base: 0x60000000, limit: 0x68000000 });
  });
});
