// The CLI's Linux options and console handling, without booting anything.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConsoleEscape } from '../../src/cli/hostio.js';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'armada.js');
const DTB = path.join(__dirname, 'fdt-fixtures', 'small.dtb');

describe('Ctrl-A escape on the console (as QEMU -nographic)', () => {
  it('passes bytes through, turns Ctrl-A Ctrl-A into one Ctrl-A, and Ctrl-A x into quit', () => {
    const e = new ConsoleEscape();
    expect(Array.from(e.filter(Uint8Array.from([0x61, 0x01, 0x01, 0x62])))).toEqual([0x61, 0x01, 0x62]);
    expect(e.quit).toBe(false);
    // the escape may be split across reads; Ctrl-A + another key drops both
    expect(Array.from(e.filter(Uint8Array.from([0x63, 0x01])))).toEqual([0x63]);
    expect(Array.from(e.filter(Uint8Array.from([0x7a, 0x64])))).toEqual([0x64]);
    expect(Array.from(e.filter(Uint8Array.from([0x01, 0x78, 0x65])))).toEqual([]);
    expect(e.quit).toBe(true);
  });
});

describe.skipIf(!fs.existsSync(CLI))('armada run --kernel: usage errors (exit 2, one line)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'run', ...args], { encoding: 'utf8', timeout: 60_000 });
  it('needs --dtb, refuses IMAGE together with --kernel, and --initrd/--append without --kernel', () => {
    let r = run('--kernel', DTB);
    expect([r.status, r.stderr.trim()]).toEqual([2, "armada: --kernel needs --dtb (the board's device tree; ATAG boot is not supported)"]);
    r = run('img.elf', '--kernel', DTB, '--dtb', DTB);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give either IMAGE or --kernel, not both');
    r = run('img.elf', '--append', 'x');
    expect([r.status, r.stderr.trim()]).toEqual([2, 'armada: --append needs --kernel']);
  });
  it('names the file it cannot read and the DTB that is broken', () => {
    let r = run('--kernel', '/nonexistent/zImage', '--dtb', DTB);
    expect([r.status, r.stderr.trim()]).toEqual([2, 'armada: --kernel: cannot read /nonexistent/zImage: no such file']);
    r = run('--kernel', DTB, '--dtb', CLI);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^armada: --dtb: not a device tree blob: magic 0x[0-9a-f]{8}, expected 0xd00dfeed\n$/);
  });
});
