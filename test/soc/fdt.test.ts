// The FDT reader/writer against blobs built by dtc (Debian's device-tree-compiler): a committed
// small tree (fdt-fixtures/small.dts -> small.dtb), and Debian's vexpress-v2p-ca9.dtb when the
// Linux kit is in its cache.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FdtError, cells, ensureNode, findNode, getProp, parseFdt, propCells, propString, serializeFdt, setProp,
} from '../../src/soc/fdt.js';
import { cachedKit } from '../../src/tools/linux-kit/kit.js';

const small = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fdt-fixtures', 'small.dtb')));

describe('FDT reader', () => {
  it('reads the header, reservation map, nodes and properties dtc wrote', () => {
    const f = parseFdt(small);
    expect(f.reserve).toEqual([{ address: 0x61000000n, size: 0x100000n }]);
    expect(f.bootCpuid).toBe(0);
    expect(f.root.name).toBe('');
    expect(f.root.children.map(c => c.name)).toEqual(['chosen', 'memory@60000000', 'interrupt-controller@1e001000', 'bus@10000000']);
    expect(propString(f.root, 'model')).toBe('armada test');
    // a string list keeps its NULs
    expect(new TextDecoder().decode(getProp(f.root, 'compatible'))).toBe('arm,vexpress,v2p-ca9\0arm,vexpress\0');
    const gic = findNode(f.root, '/interrupt-controller@1e001000')!;
    expect(propCells(gic, 'reg')).toEqual([0x1e001000, 0x1000, 0x1e000100, 0x100]);
    expect(getProp(gic, 'interrupt-controller')).toEqual(new Uint8Array(0));
    // the phandle dtc assigned is what the root's interrupt-parent points at
    expect(propCells(f.root, 'interrupt-parent')).toEqual(propCells(gic, 'phandle'));
    const uart = findNode(f.root, '/bus@10000000/uart@9000')!;
    expect(propCells(uart, 'interrupts')).toEqual([0, 5, 4]);
  });

  it('finds a node by its name without the unit address, as libfdt does', () => {
    const f = parseFdt(small);
    expect(findNode(f.root, '/memory')?.name).toBe('memory@60000000');
    expect(findNode(f.root, '/bus/uart')?.name).toBe('uart@9000');
    expect(findNode(f.root, '/nothing')).toBeUndefined();
  });
});

describe('FDT writer', () => {
  it('serialises an unedited tree to the bytes dtc wrote (strings shared by suffix as dtc does)', () => {
    expect(Buffer.from(serializeFdt(parseFdt(small))).equals(Buffer.from(small))).toBe(true);
  });

  it('writes edits that read back: new node, replaced and added properties', () => {
    const f = parseFdt(small);
    const chosen = ensureNode(f.root, '/chosen');
    setProp(chosen, 'bootargs', 'console=ttyAMA0');
    setProp(chosen, 'linux,initrd-start', [0x68000000]);
    setProp(findNode(f.root, '/memory')!, 'reg', [0x60000000, 0x10000000]);
    setProp(ensureNode(f.root, '/extra/deeper'), 'raw', new Uint8Array([1, 2, 3]));
    const g = parseFdt(serializeFdt(f, 64));
    expect(propString(findNode(g.root, '/chosen')!, 'bootargs')).toBe('console=ttyAMA0');
    expect(propCells(findNode(g.root, '/chosen')!, 'linux,initrd-start')).toEqual([0x68000000]);
    expect(propCells(findNode(g.root, '/memory')!, 'reg')).toEqual([0x60000000, 0x10000000]);
    expect(getProp(findNode(g.root, '/extra/deeper')!, 'raw')).toEqual(new Uint8Array([1, 2, 3]));
    expect(g.reserve).toEqual(f.reserve);
    expect(cells([1, 0xffffffff])).toEqual(new Uint8Array([0, 0, 0, 1, 255, 255, 255, 255]));
  });

  const kit = cachedKit();
  it.skipIf(!kit)('round-trips Debian\'s vexpress-v2p-ca9.dtb byte for byte (needs the Linux kit)', () => {
    const b = new Uint8Array(fs.readFileSync(kit!.dtb));
    expect(Buffer.from(serializeFdt(parseFdt(b))).equals(Buffer.from(b))).toBe(true);
  });
});

describe('FDT errors', () => {
  const bad = (mutate: (b: Uint8Array, dv: DataView) => Uint8Array | void) => {
    const b = small.slice();
    const r = mutate(b, new DataView(b.buffer));
    return () => parseFdt(r ?? b);
  };
  it('says what is wrong with a broken blob', () => {
    expect(bad(b => b.subarray(0, 20))).toThrow(/shorter than the header/);
    expect(bad((_, dv) => dv.setUint32(0, 0x7f454c46))).toThrow(/magic 0x7f454c46, expected 0xd00dfeed/);
    expect(bad(b => b.subarray(0, 400))).toThrow(/truncated: header says 821 bytes, file has 400/);
    expect(bad((_, dv) => { dv.setUint32(20, 15); dv.setUint32(24, 15); })).toThrow(/version 15/);
    // the structure block starts after the header and two reservation entries (one + terminator)
    expect(bad((_, dv) => dv.setUint32(dv.getUint32(8), 7))).toThrow(/unknown token 0x7 at offset 72/);
    expect(bad((_, dv) => dv.setUint32(12, 5000))).toThrow(/strings block .* outside/);
    expect(bad(b => { b.fill(0xff, 0x100, 0x108); })).toThrow(FdtError);
  });
});
