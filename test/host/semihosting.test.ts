import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { machine, type Machine } from '../harness.js';
import { Semihosting, SYS, ERRNO, FEATURE_BYTES, type SemihostingIO } from '../../src/armcore/semihosting.js';

const BLOCK = 0x60100000; // argument blocks
const BUF = 0x60200000;   // strings and buffers

class FakeIO implements SemihostingIO {
  out: number[] = []; err: number[] = [];
  input: number[] = [];
  tty = [false, false, false];
  write(stream: 1 | 2, bytes: Uint8Array) { (stream === 1 ? this.out : this.err).push(...bytes); }
  read(max: number) { return Uint8Array.from(this.input.splice(0, max)); }
  isatty(s: 0 | 1 | 2) { return this.tty[s]!; }
  get stdout() { return Buffer.from(this.out).toString(); }
  get stderr() { return Buffer.from(this.err).toString(); }
}

interface Ctx { m: Machine; io: FakeIO; sh: Semihosting; root: string }

function setup(opts: { root?: string | null; cmdline?: string } = {}): Ctx {
  const m = machine();
  const io = new FakeIO();
  const root = opts.root === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'armada-sh-')) : opts.root ?? '';
  const sh = new Semihosting({
    io, root: opts.root === null ? undefined : root, cmdline: opts.cmdline ?? 'prog.elf',
    heapInfo: () => ({ base: 0x60011000, limit: 0x68000000 }), clockNs: () => 5_000_000_123n,
  });
  m.cpu.host.semihosting = c => sh.handle(c);
  return { m, io, sh, root };
}

function str(m: Machine, at: number, s: string): number {
  const b = Buffer.from(s + '\0');
  m.bus.writeBytes(at, b);
  return at;
}
function block(m: Machine, ...words: number[]): number {
  words.forEach((w, i) => m.bus.write(BLOCK + 4 * i, 4, w));
  return BLOCK;
}
function call(c: Ctx, op: number, arg: number): number {
  c.m.cpu.r[0] = op; c.m.cpu.r[1] = arg;
  c.m.cpu.host.semihosting!(c.m.cpu);
  return c.m.cpu.r[0]!;
}
function open(c: Ctx, name: string, mode: number): number {
  str(c.m, BUF, name);
  return call(c, SYS.OPEN, block(c.m, BUF, mode, Buffer.byteLength(name)));
}
function write(c: Ctx, fd: number, text: string): number {
  const b = Buffer.from(text);
  c.m.bus.writeBytes(BUF + 0x1000, b);
  return call(c, SYS.WRITE, block(c.m, fd, BUF + 0x1000, b.length));
}
function read(c: Ctx, fd: number, len: number): { ret: number; text: string } {
  const ret = call(c, SYS.READ, block(c.m, fd, BUF + 0x2000, len));
  const n = len - ret;
  return { ret, text: n > 0 && ret >= 0 ? Buffer.from(c.m.bus.readBytes(BUF + 0x2000, n)).toString() : '' };
}

let ctx: Ctx;
beforeEach(() => { ctx = setup(); });
afterEach(() => { if (ctx.root) fs.rmSync(ctx.root, { recursive: true, force: true }); });

describe('console and :tt streams', () => {
  it('SYS_WRITE0 and SYS_WRITEC go to the console (stderr, as QEMU 7.2) and return 0xdeadbeef', () => {
    str(ctx.m, BUF, 'hi there');
    expect(call(ctx, SYS.WRITE0, BUF) >>> 0).toBe(0xdeadbeef);
    ctx.m.bus.write(BUF, 1, 0x21);
    expect(call(ctx, SYS.WRITEC, BUF) >>> 0).toBe(0xdeadbeef);
    expect(ctx.io.stderr).toBe('hi there!');
    expect(ctx.io.stdout).toBe('');
  });
  it(':tt opens: modes 0-3 stdin, 4-7 stdout, 8-11 stderr; handles count from 1', () => {
    expect(open(ctx, ':tt', 0)).toBe(1);
    expect(open(ctx, ':tt', 4)).toBe(2);
    expect(open(ctx, ':tt', 8)).toBe(3);
    expect(write(ctx, 2, 'out')).toBe(0);
    expect(write(ctx, 3, 'err')).toBe(0);
    expect(ctx.io.stdout).toBe('out');
    expect(ctx.io.stderr).toBe('err');
    ctx.io.input.push(...Buffer.from('abc'));
    expect(read(ctx, 1, 10)).toEqual({ ret: 7, text: 'abc' }); // returns bytes NOT read
    expect(read(ctx, 1, 10).ret).toBe(10); // end of file: nothing read
  });
  it('mode 12 and above is EINVAL', () => {
    expect(open(ctx, ':tt', 12)).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EINVAL);
  });
  it('suspends a stdin read while no input has arrived, then retries it', () => {
    const fd = open(ctx, ':tt', 0);
    let pending: number[] | null = null; // null: nothing yet
    ctx.io.read = (max: number) => pending === null ? null : Uint8Array.from(pending.splice(0, max));
    const blk = block(ctx.m, fd, BUF + 0x2000, 8);
    const c = ctx.m.cpu;
    c.pc = 0x60001004; c.t = 0; c.icount = 10;
    expect(call(ctx, SYS.READ, blk)).toBe(SYS.READ); // r0 untouched
    expect(c.pc).toBe(0x60001000);                   // back at the SVC
    expect(c.waiting).toBe(true);
    expect(c.icount).toBe(9);
    expect(ctx.sh.waitingForInput).toBe(true);
    pending = [0x78, 0x79];
    ctx.sh.resumeInput();
    expect(c.waiting).toBe(false);
    expect(call(ctx, SYS.READ, blk)).toBe(6);
    expect(Buffer.from(ctx.m.bus.readBytes(BUF + 0x2000, 2)).toString()).toBe('xy');
    c.pc = 0x60001002; c.t = 1; pending = null;
    call(ctx, SYS.READC, 0);
    expect(c.pc).toBe(0x60001000);                   // Thumb: SVC 0xAB is 16-bit
  });
  it('SYS_SEEK on a stream: 0 when the host stream can seek (a file, /dev/null), else ESPIPE', () => {
    const out = open(ctx, ':tt', 4);
    expect(call(ctx, SYS.SEEK, block(ctx.m, out, 5))).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.ESPIPE);
    (ctx.io as unknown as { seekable: () => boolean }).seekable = () => true;
    expect(call(ctx, SYS.SEEK, block(ctx.m, out, 5))).toBe(0);
  });
  it('SYS_READC reads one byte of stdin, -1 at end of file', () => {
    ctx.io.input.push(0x41);
    expect(call(ctx, SYS.READC, 0)).toBe(0x41);
    expect(call(ctx, SYS.READC, 0)).toBe(-1);
  });
  it('SYS_ISTTY follows the host stream; files are not terminals', () => {
    ctx.io.tty[1] = true;
    const out = open(ctx, ':tt', 4), inp = open(ctx, ':tt', 0);
    expect(call(ctx, SYS.ISTTY, block(ctx.m, out))).toBe(1);
    expect(call(ctx, SYS.ISTTY, block(ctx.m, inp))).toBe(0);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.ENOTTY);
    expect(call(ctx, SYS.ISTTY, block(ctx.m, 99))).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EBADF);
  });
  it(':semihosting-features reads SHFB and feature byte 0x03; only read modes open it', () => {
    const fd = open(ctx, ':semihosting-features', 0);
    expect(fd).toBeGreaterThan(0);
    expect(call(ctx, SYS.FLEN, block(ctx.m, fd))).toBe(5);
    const r = call(ctx, SYS.READ, block(ctx.m, fd, BUF + 0x2000, 8));
    expect(r).toBe(3);
    expect(Array.from(ctx.m.bus.readBytes(BUF + 0x2000, 5))).toEqual(Array.from(FEATURE_BYTES));
    expect(call(ctx, SYS.SEEK, block(ctx.m, fd, 4))).toBe(0);
    expect(call(ctx, SYS.READ, block(ctx.m, fd, BUF + 0x2000, 1))).toBe(0);
    expect(open(ctx, ':semihosting-features', 4)).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EACCES);
  });
  it('SYS_CLOSE frees the handle for reuse; closing twice is EBADF', () => {
    const a = open(ctx, ':tt', 0);
    expect(call(ctx, SYS.CLOSE, block(ctx.m, a))).toBe(0);
    expect(call(ctx, SYS.CLOSE, block(ctx.m, a))).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EBADF);
    expect(open(ctx, ':tt', 4)).toBe(a);
  });
  it('SYS_WRITE/SYS_READ on a bad handle return the full length with EBADF', () => {
    expect(write(ctx, 42, 'abcd')).toBe(4);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EBADF);
    expect(read(ctx, 42, 6).ret).toBe(6);
  });
  it('SYS_ISERROR tells negative values', () => {
    expect(call(ctx, SYS.ISERROR, block(ctx.m, -1 >>> 0))).toBe(1);
    expect(call(ctx, SYS.ISERROR, block(ctx.m, 5))).toBe(0);
  });
});

describe('host files under --semihosting-root', () => {
  it('creates, writes, seeks, reads, measures, renames and removes a file', () => {
    const fd = open(ctx, 'data.txt', 6); // w+
    expect(fd).toBeGreaterThan(0);
    expect(write(ctx, fd, 'hello world')).toBe(0);
    expect(call(ctx, SYS.FLEN, block(ctx.m, fd))).toBe(11);
    expect(call(ctx, SYS.SEEK, block(ctx.m, fd, 6))).toBe(0);
    expect(read(ctx, fd, 100)).toEqual({ ret: 95, text: 'world' });
    expect(call(ctx, SYS.CLOSE, block(ctx.m, fd))).toBe(0);
    expect(fs.readFileSync(path.join(ctx.root, 'data.txt'), 'utf8')).toBe('hello world');
    str(ctx.m, BUF, 'data.txt'); str(ctx.m, BUF + 0x100, 'sub/renamed.txt');
    fs.mkdirSync(path.join(ctx.root, 'sub'));
    expect(call(ctx, SYS.RENAME, block(ctx.m, BUF, 8, BUF + 0x100, 15))).toBe(0);
    expect(fs.existsSync(path.join(ctx.root, 'sub/renamed.txt'))).toBe(true);
    str(ctx.m, BUF, 'sub/renamed.txt');
    expect(call(ctx, SYS.REMOVE, block(ctx.m, BUF, 15))).toBe(0);
    expect(fs.existsSync(path.join(ctx.root, 'sub/renamed.txt'))).toBe(false);
  });
  it('append mode adds to the end', () => {
    fs.writeFileSync(path.join(ctx.root, 'log'), 'a');
    const fd = open(ctx, 'log', 8);
    expect(write(ctx, fd, 'bc')).toBe(0);
    call(ctx, SYS.CLOSE, block(ctx.m, fd));
    expect(fs.readFileSync(path.join(ctx.root, 'log'), 'utf8')).toBe('abc');
  });
  it('a missing file is ENOENT; absolute guest paths count from the root', () => {
    expect(open(ctx, 'nope.txt', 0)).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.ENOENT);
    fs.writeFileSync(path.join(ctx.root, 'x'), 'X');
    expect(open(ctx, '/x', 0)).toBeGreaterThan(0);
  });
  it('refuses every way out of the root with EACCES', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'armada-out-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret'), 'S');
      fs.symlinkSync(path.join(outside, 'secret'), path.join(ctx.root, 'link'));
      fs.symlinkSync(outside, path.join(ctx.root, 'dirlink'));
      fs.symlinkSync(path.join(outside, 'new-file'), path.join(ctx.root, 'dangling'));
      const rel = path.relative(ctx.root, path.join(outside, 'secret'));
      for (const [p, mode] of [[rel, 0], ['../x', 4], ['a/../../x', 0], ['link', 0], ['dirlink/secret', 0],
        ['dirlink/new', 4], ['dangling', 4]] as [string, number][]) {
        expect(open(ctx, p, mode), p).toBe(-1);
        expect(call(ctx, SYS.ERRNO, 0), p).toBe(ERRNO.EACCES);
      }
      str(ctx.m, BUF, '../' + path.basename(outside) + '/secret');
      expect(call(ctx, SYS.REMOVE, block(ctx.m, BUF, ('../' + path.basename(outside) + '/secret').length))).toBe(-1);
      expect(fs.existsSync(path.join(outside, 'secret'))).toBe(true);
      expect(fs.existsSync(path.join(outside, 'new-file'))).toBe(false);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
  it('without a root every host open fails cleanly with ENOENT', () => {
    const c = setup({ root: null });
    expect(open(c, 'anything', 0)).toBe(-1);
    expect(call(c, SYS.ERRNO, 0)).toBe(ERRNO.ENOENT);
    expect(open(c, ':tt', 4)).toBe(1);
  });
});

describe('system calls', () => {
  it('SYS_GET_CMDLINE copies the command line and its length; too small a buffer is E2BIG', () => {
    const c = setup({ cmdline: 'prog a b' });
    expect(call(c, SYS.GET_CMDLINE, block(c.m, BUF, 64))).toBe(0);
    expect(c.m.bus.read(BLOCK + 4, 4)).toBe(8);
    expect(Buffer.from(c.m.bus.readBytes(BUF, 9)).toString()).toBe('prog a b\0');
    expect(call(c, SYS.GET_CMDLINE, block(c.m, BUF, 8))).toBe(-1);
    expect(call(c, SYS.ERRNO, 0)).toBe(ERRNO.E2BIG);
    fs.rmSync(c.root, { recursive: true, force: true });
  });
  it('SYS_HEAPINFO writes heap base, heap limit, stack base, stack limit', () => {
    expect(call(ctx, SYS.HEAPINFO, block(ctx.m, BUF))).toBe(0);
    expect([0, 4, 8, 12].map(o => ctx.m.bus.read(BUF + o, 4) >>> 0)).toEqual([0x60011000, 0x68000000, 0x68000000, 0x60011000]);
  });
  it('SYS_EXIT: ADP_Stopped_ApplicationExit is 0, any other reason 1', () => {
    call(ctx, SYS.EXIT, 0x20026);
    expect(ctx.m.cpu.halted).toEqual({ kind: 'exit', code: 0 });
    ctx.m.cpu.halted = null;
    call(ctx, SYS.EXIT, 0x20023);
    expect(ctx.m.cpu.halted).toEqual({ kind: 'exit', code: 1 });
  });
  it('SYS_EXIT_EXTENDED gives the subcode for an application exit', () => {
    call(ctx, SYS.EXIT_EXTENDED, block(ctx.m, 0x20026, 3));
    expect(ctx.m.cpu.halted).toEqual({ kind: 'exit', code: 3 });
    ctx.m.cpu.halted = null;
    call(ctx, SYS.EXIT_EXTENDED, block(ctx.m, 0x20024, 3));
    expect(ctx.m.cpu.halted).toEqual({ kind: 'exit', code: 1 });
  });
  it('SYS_ELAPSED is 64-bit nanoseconds, SYS_TICKFREQ 1e9, SYS_TIME seconds, SYS_CLOCK centiseconds', () => {
    expect(call(ctx, SYS.ELAPSED, block(ctx.m, 7, 7))).toBe(0);
    expect(ctx.m.bus.read(BLOCK, 4)).toBe(0);
    expect(ctx.m.bus.read(BLOCK + 4, 4)).toBe(0);
    expect(call(ctx, SYS.TICKFREQ, 0)).toBe(1000000000);
    const t = call(ctx, SYS.TIME, 0);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5);
    expect(call(ctx, SYS.CLOCK, 0)).toBeGreaterThanOrEqual(0);
  });
  it('a guest pointer to unmapped memory is EFAULT, never a host exception', () => {
    expect(call(ctx, SYS.OPEN, 0x10000000)).toBe(-1);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EFAULT);
    expect(call(ctx, SYS.HEAPINFO, block(ctx.m, 0x20000000))).toBe(-1);
    const out = open(ctx, ':tt', 4);
    expect(call(ctx, SYS.WRITE, block(ctx.m, out, 0x5ffffffe, 4))).toBe(4);
    expect(call(ctx, SYS.ERRNO, 0)).toBe(ERRNO.EFAULT);
    expect(ctx.io.stdout).toBe('');
  });
  it('an unsupported call stops the guest with an error (QEMU aborts)', () => {
    call(ctx, 0x99, 0);
    expect(ctx.m.cpu.halted).toMatchObject({ kind: 'error' });
  });
});
