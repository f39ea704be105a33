// The Linux boot protocol as QEMU 7.2 does it for -kernel/-dtb/-initrd/-append on vexpress-a9.
// Expected addresses and stub words were read from QEMU 7.2 (monitor `xp /7wx 0x60000000` with -S,
// and `-M vexpress-a9,dumpdtb=F` for the DTB it hands over) with the kit's 5103207-byte initrd.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createBoard } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';
import { loadLinux, patchDtb, isZImage, ZIMAGE_MAGIC } from '../../src/soc/linux.js';
import { LoadError } from '../../src/soc/loader.js';
import { findNode, parseFdt, propCells, propString } from '../../src/soc/fdt.js';

const dtb = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fdt-fixtures', 'small.dtb')));
const KIT_INITRD_BYTES = 0x4dde67;

function fakeZImage(size = 4096): Uint8Array {
  const k = new Uint8Array(size);
  new DataView(k.buffer).setUint32(0x24, ZIMAGE_MAGIC, true);
  return k;
}

function words(board: ReturnType<typeof createBoard>, at: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => board.bus.read(at + 4 * i, 4) >>> 0);
}

describe('loadLinux: placement as QEMU 7.2', () => {
  const cases: [number, boolean, number, number][] = [
    // RAM MiB, initrd?, initrd start, DTB address (from QEMU's stub word 5)
    [256, true, 0x68000000, 0x684de000],
    [128, true, 0x64000000, 0x644de000],
    [256, false, 0x68000000, 0x68000000],
    [1024, true, 0x68000000, 0x684de000],
  ];
  for (const [mib, withInitrd, initrdAt, dtbAt] of cases) {
    it(`-m ${mib}${withInitrd ? ' with' : ' without'} an initrd: stub, kernel, initrd and DTB where QEMU puts them`, () => {
      const board = createBoard(vexpressA9, { ramMiB: mib });
      const kernel = fakeZImage();
      const initrd = withInitrd ? new Uint8Array(KIT_INITRD_BYTES).fill(0x5a) : undefined;
      const l = loadLinux(board, { kernel, dtb, initrd, append: 'console=ttyAMA0' });
      expect(l.kernelAt).toBe(0x60010000);
      expect(l.dtbAt).toBe(dtbAt);
      if (withInitrd) expect([l.initrdStart, l.initrdEnd]).toEqual([initrdAt, initrdAt + KIT_INITRD_BYTES]);
      expect(words(board, 0x60000000, 7)).toEqual([0xe3a00000, 0xe59f1004, 0xe59f2004, 0xe59ff004, 0x8e0, dtbAt, 0x60010000]);
      expect(board.bus.read(0x60010024, 4) >>> 0).toBe(ZIMAGE_MAGIC);
      if (withInitrd) expect(board.bus.read(initrdAt + KIT_INITRD_BYTES - 1, 1)).toBe(0x5a);

      // the DTB in guest memory, as QEMU patches it
      const blob = new Uint8Array(l.dtbSize);
      for (let i = 0; i < blob.length; i++) blob[i] = board.bus.read(dtbAt + i, 1);
      const f = parseFdt(blob);
      const memNodes = f.root.children.filter(n => n.name.startsWith('memory'));
      expect(memNodes.map(n => n.name)).toEqual(['memory@60000000']);
      expect(propCells(memNodes[0]!, 'reg')).toEqual([0x60000000, mib * 1024 * 1024]);
      const chosen = findNode(f.root, '/chosen')!;
      expect(propString(chosen, 'bootargs')).toBe('console=ttyAMA0');
      if (withInitrd) {
        expect(propCells(chosen, 'linux,initrd-start')).toEqual([initrdAt]);
        expect(propCells(chosen, 'linux,initrd-end')).toEqual([initrdAt + KIT_INITRD_BYTES]);
      } else {
        expect(propCells(chosen, 'linux,initrd-start')).toBeUndefined();
      }
    });
  }

  it('starts the CPU at the stub in QEMU\'s reset state; the stub enters the kernel with r0=0, r1=0x8e0, r2=DTB', () => {
    const board = createBoard(vexpressA9, { ramMiB: 256 });
    // the kernel: `b .` at its entry, so the run stops there
    const kernel = fakeZImage();
    new DataView(kernel.buffer).setUint32(0, 0xeafffffe, true);
    const l = loadLinux(board, { kernel, dtb });
    const c = board.cpu;
    expect(c.pc >>> 0).toBe(0x60000000);
    expect(c.cpsr >>> 0).toBe(0x400001d3);
    for (let i = 0; i < 4; i++) board.step();
    expect([c.r[0]! >>> 0, c.r[1]! >>> 0, c.r[2]! >>> 0, c.pc >>> 0]).toEqual([0, 0x8e0, l.dtbAt, 0x60010000]);
    expect(c.cpsr & 0x1f).toBe(0x13); // still SVC, IRQ/FIQ masked
    expect(c.cpsr & 0xc0).toBe(0xc0);
  });

  it('leaves bootargs out when the command line is empty, as QEMU does', () => {
    const f = parseFdt(patchDtb(dtb, { ramBase: 0x60000000, ramSize: 128 << 20 }));
    expect(propString(findNode(f.root, '/chosen')!, 'bootargs')).toBeUndefined();
  });

  it('knows a zImage by its magic', () => {
    expect(isZImage(fakeZImage())).toBe(true);
    expect(isZImage(new Uint8Array(64))).toBe(false);
  });
});

describe('loadLinux: clear errors', () => {
  const board = () => createBoard(vexpressA9, { ramMiB: 16 });
  it('rejects an ELF kernel, a broken DTB, and what does not fit in RAM', () => {
    const elf = new Uint8Array(64); elf.set([0x7f, 0x45, 0x4c, 0x46]);
    expect(() => loadLinux(board(), { kernel: elf, dtb })).toThrow(/--kernel: this is an ELF file/);
    expect(() => loadLinux(board(), { kernel: fakeZImage(), dtb: new Uint8Array(100) })).toThrow(/--dtb: not a device tree blob: magic 0x00000000/);
    expect(() => loadLinux(board(), { kernel: fakeZImage(), dtb, initrd: new Uint8Array(9 << 20) })).toThrow(/--initrd: 9437184 bytes do not fit in RAM at 0x60800000/);
    expect(() => loadLinux(board(), { kernel: fakeZImage(17 << 20), dtb })).toThrow(/--kernel: .* do not fit in RAM/);
    expect(() => loadLinux(board(), { kernel: new Uint8Array(0), dtb })).toThrow(LoadError);
  });
});
