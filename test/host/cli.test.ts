// The built CLI (dist/cli/armada.js) run as a child process: exit codes, messages, streams, and
// the same program on QEMU when qemu-system-arm is installed.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync, spawn, execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeElf } from './elfgen.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli/armada.js');
const FIX = path.join(ROOT, 'test/host/fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'armada-cli-'));

function armada(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input ?? '', encoding: 'utf8', timeout: 60_000, cwd: opts.cwd ?? FIX,
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function tmpFile(name: string, bytes: Uint8Array): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
}
const LOOP = Uint8Array.of(0xfe, 0xff, 0xff, 0xea); // b .
/** Prints 'R' on UART0, then loops: the test knows the guest is running once it sees the 'R'. */
const SAY_R_THEN_LOOP = new Uint8Array(new Uint32Array([
  0xe3090000, // movw r0, #0x9000
  0xe3410000, // movt r0, #0x1000
  0xe3a01052, // mov r1, #'R'
  0xe5801000, // str r1, [r0]
  0xeafffffe, // b .
]).buffer);

/** Resolve once `get()` satisfies `ok` (polling), or after 20 s (a machine under heavy load). */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise(r => setTimeout(r, 50));
}

function hasQemu(): boolean {
  try { execSync('command -v qemu-system-arm', { stdio: 'ignore' }); return true; } catch { return false; }
}

beforeAll(() => {
  // Build the CLI (other parts of armada may be mid-edit: tsc still emits, so ignore its status).
  spawnSync('npx', ['tsc', '-p', ROOT], { cwd: ROOT, stdio: 'ignore', timeout: 240_000 });
  expect(fs.existsSync(CLI)).toBe(true);
}, 300_000);

describe('armada CLI', () => {
  it('starts with a node shebang', () => {
    expect(fs.readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
  it('has --help on every command, listing the exit codes for run', () => {
    const top = armada(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/run IMAGE/);
    const run = armada(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/124/);
    expect(run.stdout).toMatch(/--semihosting-root/);
    const dis = armada(['disasm', '--help']);
    expect(dis.code).toBe(0);
    expect(dis.stdout).toMatch(/--thumb/);
  });
  it('exits 2 with one line and no stack trace on bad usage', () => {
    for (const args of [[], ['frob'], ['run'], ['run', 'hello.elf', '--bogus'], ['run', 'hello.elf', '--max-insns'],
      ['run', 'hello.elf', '--board', 'pdp11'], ['run', 'hello.elf', '-m', '4096'], ['run', 'no-such-file.elf'],
      ['run', 'hello.elf', '--load-addr', 'zzz'], ['run', 'hello.elf', '--semihosting-root', '.']]) {
      const r = armada(args);
      expect(r.code, args.join(' ')).toBe(2);
      if (args.length) expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  // Regression: a malformed setting was reported as "internal error" with exit 3.
  it('exits 2 with one line on a malformed ARMADA_* environment setting', () => {
    for (const env of [{ ARMADA_HOT_THRESHOLD: 'abc' }, { ARMADA_HOT: 'bogus' }, { ARMADA_TB_CACHE_INSNS: '-5' }]) {
      const r = armada(['run', 'hello.elf'], { env });
      const what = Object.keys(env)[0]!;
      expect(r.code, what).toBe(2);
      expect(r.stderr.trim().split('\n'), what).toEqual([expect.stringMatching(new RegExp(`^armada: ${what}=`))]);
    }
  });
  it('exits 2 on bad images: not ELF, 64-bit, big-endian, wrong machine, truncated, outside RAM', () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['text.elf', new TextEncoder().encode('#!/bin/sh\necho not an elf\n'), /not an ELF/],
      ['elf64.elf', makeElf({ cls: 2 }), /ELF64/],
      ['be.elf', makeElf({ data: 2 }), /big-endian/],
      ['x86.elf', makeElf({ machine: 3 }), /not ARM/],
      ['trunc.elf', makeElf().subarray(0, 70), /truncated/],
      ['low.elf', makeElf({ segments: [{ paddr: 0x1000, data: [1, 2, 3, 4] }] }), /not inside RAM/],
      ['big.elf', makeElf({ segments: [{ paddr: 0x67fffff0, data: [1, 2, 3, 4], memsz: 0x100 }] }), /not inside RAM/],
    ];
    for (const [name, bytes, msg] of cases) {
      const r = armada(['run', tmpFile(name, bytes)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(msg);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  });
  it('exits 124 naming the limit and the PC on --max-insns and --timeout', () => {
    const img = tmpFile('loop.bin', LOOP);
    const a = armada(['run', img, '--load-addr', '0x60000000', '--max-insns', '1000']);
    expect(a.code).toBe(124);
    expect(a.stderr).toMatch(/--max-insns 1000.*pc=0x60000000 after 1000 instructions/);
    const b = armada(['run', img, '--load-addr', '0x60000000', '--timeout', '0.3']);
    expect(b.code).toBe(124);
    expect(b.stderr).toMatch(/timeout.*pc=0x60000000/);
  });
  it('exits 3 with a message on an internal error', () => {
    const r = armada(['run', tmpFile('loop2.bin', LOOP), '--load-addr', '0x60000000'], { env: { ARMADA_TEST_INTERNAL_ERROR: '1' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^armada: internal error: injected/);
  });
  it('ends cleanly on Ctrl-C (SIGINT) with status 130', async () => {
    const img = tmpFile('loop3.bin', SAY_R_THEN_LOOP);
    const child = spawn(process.execPath, [CLI, 'run', img, '--load-addr', '0x60000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '', out = '';
    child.stderr.on('data', d => { err += d; });
    child.stdout.on('data', d => { out += d; });
    await until(() => out.includes('R'));
    child.kill('SIGINT');
    const code = await new Promise<number | null>(r => child.on('exit', c => r(c)));
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted \(SIGINT\)/);
  });
  it('ends on SIGINT while the guest waits for stdin in a semihosting read', async () => {
    const child = spawn(process.execPath, [CLI, 'run', path.join(FIX, 'cat.elf'), '--semihosting'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', d => { out += d; });
    child.stdin.write('abc');
    await until(() => out === 'ABC');
    child.kill('SIGINT');
    const code = await new Promise<number | null>(r => child.on('exit', c => r(c)));
    expect(out).toBe('ABC');
    expect(code).toBe(130);
  });
  it('prints a trace of executed instructions to stderr with --trace', () => {
    const r = armada(['run', tmpFile('loop4.bin', LOOP), '--load-addr', '0x60000000', '--max-insns', '3', '--trace']);
    expect(r.code).toBe(124);
    expect(r.stderr.split('\n').filter(l => l.startsWith('0x60000000: eafffffe'))).toHaveLength(3);
  });
  it('runs the rdimon hello program: stdout, command line, malloc, exit status 3', () => {
    const r = armada(['run', 'hello.elf', '--semihosting', '--', 'hello.elf', 'one', 'two']);
    expect(r.stdout).toBe('hello from armada\narg: hello.elf\narg: one\narg: two\nmalloc: 0x60013a80\n');
    expect(r.code).toBe(3);
    const t = armada(['run', 'hello-thumb.elf', '--semihosting']);
    expect(t.stdout).toBe('hello from armada\narg: hello-thumb.elf\nmalloc: 0x60013a38\n');
    expect(t.code).toBe(3);
  });
  it('keeps the guest order of UART0 and semihosting stdout output; SYS_EXIT_EXTENDED status 7', () => {
    const r = armada(['run', 'uart.elf', '--semihosting']);
    expect(r.stdout).toBe('uart: first\nsemihosting: second\nuart: third\n');
    expect(r.code).toBe(7);
  });
  it('loads segments at p_paddr: paddr.elf is linked at 0x80000000 and loaded at 0x60010000', () => {
    const r = armada(['run', 'paddr.elf', '--semihosting']);
    expect(r.stdout).toBe('uart: first\nuart: third\n');
    expect(r.code).toBe(7);
  });
  it('feeds stdin to semihosting reads (waiting for it without blocking the event loop)', () => {
    const r = armada(['run', 'cat.elf', '--semihosting'], { input: 'hello\nworld' });
    expect(r.stdout).toBe('HELLO\nWORLD');
    expect(r.code).toBe(0);
  });
  it('feeds stdin to UART0 without --semihosting', async () => {
    const child = spawn(process.execPath, [CLI, 'run', path.join(FIX, 'echo.elf'), '--timeout', '3'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', d => { out += d; });
    await new Promise(r => setTimeout(r, 400));
    child.stdin.write('ab');
    await new Promise(r => setTimeout(r, 400));
    child.stdin.write('c');
    const code = await new Promise<number | null>(r => child.on('exit', c => r(c)));
    expect(out).toBe('<a><b><c>');
    expect(code).toBe(124);
  });
  it('disassembles an ELF with its mapping symbols, objdump-style', () => {
    const r = armada(['disasm', 'hello.elf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<main>:/);
    expect(r.stdout).toMatch(/^[ 0-9a-f]{8}:\t[0-9a-f]{8} \t\S+/m);
    const raw = armada(['disasm', tmpFile('loop5.bin', LOOP), '--load-addr', '0x60000000']);
    expect(raw.code).toBe(0);
    expect(raw.stdout).toMatch(/60000000:\teafffffe/);
  });
});

describe.skipIf(!hasQemu())('armada against qemu-system-arm -M vexpress-a9', () => {
  for (const [image, args] of [['hello.elf', []], ['hello.elf', ['hello.elf', 'x y', 'z']], ['hello-thumb.elf', []], ['uart.elf', []], ['paddr.elf', []]] as [string, string[]][]) {
    it(`${image} ${args.join(' ')}: same stdout and exit status`, () => {
      const q = spawnSync('qemu-system-arm', ['-M', 'vexpress-a9', '-nographic', '-audiodev', 'none,id=n', '-monitor', 'none',
        '-semihosting-config', ['enable=on', ...args.map(a => `arg=${a}`)].join(','), '-kernel', image],
      { cwd: FIX, encoding: 'utf8', timeout: 30_000, input: '' });
      const a = armada(['run', image, '--semihosting', ...(args.length ? ['--', ...args] : [])]);
      expect(a.stdout).toBe(q.stdout);
      expect(a.code).toBe(q.status);
    });
  }
  it('semicalls.elf: same semihosting results (console on stderr) and exit status 44', () => {
    const q = spawnSync('qemu-system-arm', ['-M', 'vexpress-a9', '-nographic', '-audiodev', 'none,id=n', '-monitor', 'none',
      '-semihosting', '-kernel', 'semicalls.elf'], { cwd: FIX, encoding: 'utf8', timeout: 30_000, input: '' });
    const a = armada(['run', 'semicalls.elf', '--semihosting']);
    const keep = (t: string) => t.split('\n').filter(l => !/alsa|audio|^qemu/i.test(l)).join('\n');
    expect(keep(a.stderr)).toBe(keep(q.stderr));
    expect(a.stderr).toMatch(/^handles 0x00000001 0x00000002 0x00000003/);
    expect(a.code).toBe(q.status);
    expect(a.code).toBe(44);
  });
});
if (!hasQemu()) console.warn('test/host/cli.test.ts: qemu-system-arm not installed: QEMU comparison skipped');
