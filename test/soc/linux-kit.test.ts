// The Linux kit's pieces that need no network: the cpio newc writer (read back here with an
// independent reader of the format), the initramfs layout and the deterministic data file.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { cpioNewc } from '../../src/tools/linux-kit/cpio.js';
import { buildInitramfs, kitData, INIT_SCRIPT, INIT_MARKER, SHELL_ARG, sha256 } from '../../src/tools/linux-kit/kit.js';

interface Entry { name: string; mode: number; size: number; nlink: number; rdevmajor: number; rdevminor: number; data: Uint8Array }

/** Read a newc archive: 110-byte header of "070701" + 13 eight-digit hex fields, name, data, 4-byte padding. */
function readNewc(b: Uint8Array): Entry[] {
  const out: Entry[] = [];
  const text = (s: number, n: number) => new TextDecoder().decode(b.subarray(s, s + n));
  let p = 0;
  for (;;) {
    expect(text(p, 6)).toBe('070701');
    const f = Array.from({ length: 13 }, (_, i) => Number.parseInt(text(p + 6 + i * 8, 8), 16));
    const [, mode, , , nlink, , size, , , rdevmajor, rdevminor, namesize] = f as number[];
    const name = text(p + 110, namesize! - 1);
    expect(b[p + 110 + namesize! - 1]).toBe(0);
    p = (p + 110 + namesize! + 3) & ~3;
    const data = b.subarray(p, p + size!);
    p = (p + size! + 3) & ~3;
    if (name === 'TRAILER!!!') break;
    out.push({ name, mode: mode!, size: size!, nlink: nlink!, rdevmajor: rdevmajor!, rdevminor: rdevminor!, data });
  }
  expect(p).toBe(b.length);
  return out;
}

describe('cpio newc writer', () => {
  it('writes directories, files, symlinks and device nodes that read back', () => {
    const a = cpioNewc([
      { kind: 'dir', path: 'bin' },
      { kind: 'file', path: 'bin/x', data: new Uint8Array([1, 2, 3, 4, 5]), mode: 0o755 },
      { kind: 'symlink', path: 'bin/y', target: 'x' },
      { kind: 'chardev', path: 'console', major: 5, minor: 1 },
    ]);
    const e = readNewc(a);
    expect(e.map(x => [x.name, x.mode.toString(8)])).toEqual([
      ['bin', '40755'], ['bin/x', '100755'], ['bin/y', '120777'], ['console', '20600'],
    ]);
    expect(Array.from(e[1]!.data)).toEqual([1, 2, 3, 4, 5]);
    expect(new TextDecoder().decode(e[2]!.data)).toBe('x');
    expect([e[3]!.rdevmajor, e[3]!.rdevminor]).toEqual([5, 1]);
  });

  it('rejects bad and duplicate paths', () => {
    expect(() => cpioNewc([{ kind: 'dir', path: 'a/../b' }])).toThrow(/bad path/);
    expect(() => cpioNewc([{ kind: 'dir', path: 'a' }, { kind: 'dir', path: '/a' }])).toThrow(/appears twice/);
  });
});

describe('kit initramfs', () => {
  it('holds busybox, /init, /dev/console and the data file; the same input gives the same bytes', () => {
    const fakeBusybox = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]);
    const gz = buildInitramfs(fakeBusybox);
    expect(sha256(buildInitramfs(fakeBusybox))).toBe(sha256(gz));
    const e = readNewc(gunzipSync(gz));
    const byName = new Map(e.map(x => [x.name, x]));
    expect(Array.from(byName.get('bin/busybox')!.data)).toEqual(Array.from(fakeBusybox));
    expect(new TextDecoder().decode(byName.get('bin/sh')!.data)).toBe('busybox');
    expect(new TextDecoder().decode(byName.get('init')!.data)).toBe(INIT_SCRIPT);
    expect(byName.get('init')!.mode & 0o111).toBe(0o111);
    expect(byName.get('dev/console')!.rdevmajor).toBe(5);
    expect(byName.get('data.bin')!.size).toBe(4 << 20);
    expect(INIT_SCRIPT).toContain(INIT_MARKER);
    expect(INIT_SCRIPT).toContain(SHELL_ARG);
  });

  it('data file is deterministic (its sha256 is what the guest must print)', () => {
    // this value is also what QEMU 7.2 printed for `sha256sum /data.bin` in the kit's /init
    expect(sha256(kitData())).toBe('b137da962c6669e434a5b0b05ccb230c30a38d88fe6c341d193e7cf4e6d8c9b6');
  });
});
