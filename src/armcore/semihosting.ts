// ARM semihosting (the "Angel" interface newlib's rdimon uses), matching QEMU 7.2's
// semihosting/arm-compat-semi.c in return values and errno numbers (Linux host errno values).
//
// Where QEMU 7.2 sends things (checked on qemu-system-arm 7.2 -M vexpress-a9 -semihosting):
// - ":tt" opened for reading is the host's stdin, for writing stdout, for appending stderr.
// - SYS_WRITEC / SYS_WRITE0 go to the semihosting console, which without a chardev is stderr.
// - Host files: only under the configured root (QEMU has no such limit; armada refuses to let a
//   guest reach the host file system unless asked, and never outside the root).
//
// The guest reaches this through cpu.host.semihosting(cpu) (r0 = operation, r1 = parameter);
// the result goes to r0. Guest memory is read through the CPU's translation and the bus; a bad
// guest pointer gives the error return with EFAULT, never a host exception.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { constants as osConstants } from 'node:os';
import type { Cpu } from './cpu.js';

export const SYS = {
  OPEN: 0x01, CLOSE: 0x02, WRITEC: 0x03, WRITE0: 0x04, WRITE: 0x05, READ: 0x06, READC: 0x07,
  ISERROR: 0x08, ISTTY: 0x09, SEEK: 0x0a, FLEN: 0x0c, TMPNAM: 0x0d, REMOVE: 0x0e, RENAME: 0x0f,
  CLOCK: 0x10, TIME: 0x11, SYSTEM: 0x12, ERRNO: 0x13, GET_CMDLINE: 0x15, HEAPINFO: 0x16,
  EXIT: 0x18, SYNCCACHE: 0x19, EXIT_EXTENDED: 0x20, ELAPSED: 0x30, TICKFREQ: 0x31,
} as const;

export const ADP_Stopped_ApplicationExit = 0x20026;

// Linux errno values (QEMU passes the host's; armada always reports the Linux numbers).
export const ERRNO = {
  EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, E2BIG: 7, EACCES: 13, EFAULT: 14, EEXIST: 17, ENOTDIR: 20,
  EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOTTY: 25, ESPIPE: 29, ENAMETOOLONG: 36, EOVERFLOW: 75,
} as const;

/** Bytes of the ":semihosting-features" file: magic "SHFB" then feature byte 0 (EXIT_EXTENDED | STDOUT_STDERR). */
export const FEATURE_BYTES = Uint8Array.of(0x53, 0x48, 0x46, 0x42, 0x03);

/** Host side of the standard streams, injectable so tests need no terminal. */
export interface SemihostingIO {
  /** Write to the host's stdout (1) or stderr (2). */
  write(stream: 1 | 2, bytes: Uint8Array): void;
  /**
   * Read up to max bytes from stdin: the bytes available now (at least one), an empty array at
   * end of file, or null when none are available yet. On null the semihosting call is suspended:
   * the CPU is left waiting (cpu.waiting) at the same call, and `waitingForInput` is set; the host
   * calls resumeInput() when data (or end of file) arrives, and the guest retries the call.
   */
  read(max: number): Uint8Array | null;
  isatty(stream: 0 | 1 | 2): boolean;
  /** Whether the host stream can seek (a file or /dev/null: yes; a pipe or terminal: no). */
  seekable?(stream: 0 | 1 | 2): boolean;
}

export interface SemihostingOptions {
  io: SemihostingIO;
  /** Host directory the guest may open files under; undefined: no host files at all. */
  root?: string;
  /** What SYS_GET_CMDLINE returns (QEMU default: the kernel file name as given). */
  cmdline: string;
  /** Heap base and limit reported by SYS_HEAPINFO (computed by the board from the loaded image). */
  heapInfo: () => { base: number; limit: number };
  /** Stream for SYS_WRITEC/SYS_WRITE0: 2 as QEMU 7.2 without a semihosting chardev. */
  consoleStream?: 1 | 2;
  /** Nanosecond clock for SYS_ELAPSED (default process.hrtime.bigint). */
  clockNs?: () => bigint;
}

type GuestFd =
  | { kind: 'stream'; stream: 0 | 1 | 2 }
  | { kind: 'file'; fd: number; pos: number; append: boolean }
  | { kind: 'static'; data: Uint8Array; pos: number };

/** A guest memory access that failed (translation fault or nothing mapped). */
class GuestFault { }
const FAULT = new GuestFault();

const OPEN_FLAGS: number[] = (() => {
  const { O_RDONLY, O_RDWR, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
  return [O_RDONLY, O_RDONLY, O_RDWR, O_RDWR,
    O_WRONLY | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC,
    O_WRONLY | O_CREAT | O_APPEND, O_WRONLY | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND];
})();

function errnoOf(err: unknown): number {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.errno === 'number' && e.errno !== 0) return Math.abs(e.errno);
  const code = e?.code;
  const table = osConstants.errno as Record<string, number>;
  if (code && table[code] !== undefined) return table[code]!;
  return ERRNO.EIO;
}

/** Largest single SYS_WRITE armada copies out of the guest (larger: EFAULT). */
const MAX_TRANSFER = 256 << 20;

/** Thrown inside a call that must wait for host input. */
class WouldBlock {}
const WOULD_BLOCK = new WouldBlock();

class SemiError {
  constructor(readonly errno: number) {}
}

export class Semihosting {
  private readonly fds: (GuestFd | undefined)[] = [undefined]; // guest handle 0 is never used
  /** Last error (SYS_ERRNO); a global as in QEMU's system emulation. */
  errno = 0;
  /** A stdin read found no data: the CPU waits at the call until resumeInput(). */
  waitingForInput = false;
  private readonly start: bigint;
  private readonly root: string | undefined;
  private readonly clockNs: () => bigint;

  constructor(readonly opts: SemihostingOptions) {
    this.clockNs = opts.clockNs ?? (() => process.hrtime.bigint());
    this.start = this.clockNs();
    this.root = opts.root !== undefined ? fs.realpathSync(opts.root) : undefined;
  }

  /** The CpuHost hook: run the call in r0 with parameter r1, result in r0. */
  handle(cpu: Cpu): void {
    const op = cpu.r[0]! >>> 0;
    const arg = cpu.r[1]! >>> 0;
    const mem = new GuestMemory(cpu);
    let result: number;
    try {
      result = this.call(cpu, mem, op, arg);
    } catch (err) {
      if (err instanceof GuestFault) { result = this.fail(ERRNO.EFAULT); }
      else if (err instanceof WouldBlock) {
        // Suspend: point the PC back at the call (the semihosting trap is 4 bytes in A32 and
        // always a 16-bit instruction in Thumb), do not count it, and wait like WFI.
        cpu.pc = (cpu.pc - (cpu.t ? 2 : 4)) >>> 0;
        cpu.icount -= 1;
        cpu.waiting = true;
        this.waitingForInput = true;
        this.cpu = cpu;
        return;
      } else throw err;
    }
    cpu.r[0] = result | 0;
  }

  private cpu: Cpu | undefined;

  /** Host input (or end of file) arrived: let a suspended call run again. */
  resumeInput(): void {
    if (!this.waitingForInput) return;
    this.waitingForInput = false;
    if (this.cpu) this.cpu.waiting = false;
  }

  private stdin(max: number): Uint8Array {
    const d = this.opts.io.read(max);
    if (d === null) throw WOULD_BLOCK;
    return d;
  }

  private fail(errno: number): number { this.errno = errno; return -1; }

  private call(cpu: Cpu, mem: GuestMemory, op: number, args: number): number {
    const arg = (n: number) => mem.ld32(args + 4 * n);
    switch (op) {
      case SYS.OPEN: {
        const a0 = arg(0), a1 = arg(1), a2 = arg(2);
        const name = mem.cstring(a0);
        if (a1 >= 12) return this.fail(ERRNO.EINVAL);
        if (name === ':tt') {
          return this.alloc({ kind: 'stream', stream: a1 < 4 ? 0 : a1 < 8 ? 1 : 2 });
        }
        if (name === ':semihosting-features') {
          if (a1 !== 0 && a1 !== 1) return this.fail(ERRNO.EACCES);
          return this.alloc({ kind: 'static', data: FEATURE_BYTES, pos: 0 });
        }
        const guestPath = mem.string(a0, a2);
        try {
          const host = this.hostPath(guestPath, (OPEN_FLAGS[a1]! & fs.constants.O_CREAT) !== 0);
          // O_NOFOLLOW: the path was resolved above; a link swapped in since is refused.
          const fd = fs.openSync(host, OPEN_FLAGS[a1]! | fs.constants.O_NOFOLLOW, 0o644);
          return this.alloc({ kind: 'file', fd, pos: 0, append: a1 >= 8 });
        } catch (err) {
          return this.fail(err instanceof SemiError ? err.errno : errnoOf(err));
        }
      }
      case SYS.CLOSE: {
        const h = arg(0);
        const g = this.fds[h];
        if (!g) return this.fail(ERRNO.EBADF);
        this.fds[h] = undefined;
        if (g.kind === 'file') {
          try { fs.closeSync(g.fd); } catch (err) { return this.fail(errnoOf(err)); }
        }
        return 0;
      }
      case SYS.WRITEC: {
        const b = mem.ld8(args);
        this.opts.io.write(this.opts.consoleStream ?? 2, Uint8Array.of(b));
        return 0xdeadbeef;
      }
      case SYS.WRITE0: {
        const bytes = mem.cbytes(args);
        this.opts.io.write(this.opts.consoleStream ?? 2, bytes);
        return 0xdeadbeef;
      }
      case SYS.WRITE: {
        const h = arg(0), buf = arg(1), len = arg(2);
        const g = this.fds[h];
        if (!g) { this.errno = ERRNO.EBADF; return len; }
        let data: Uint8Array;
        if (len > MAX_TRANSFER) { this.errno = ERRNO.EFAULT; return len; }
        try { data = mem.bytes(buf, len); } catch (err) {
          if (err instanceof GuestFault) { this.errno = ERRNO.EFAULT; return len; }
          throw err;
        }
        switch (g.kind) {
          case 'stream':
            if (g.stream === 0) { this.errno = ERRNO.EBADF; return len; }
            this.opts.io.write(g.stream, data);
            return 0;
          case 'static':
            this.errno = ERRNO.EBADF; return len;
          case 'file':
            try {
              let done = 0;
              while (done < len) {
                const n = fs.writeSync(g.fd, data, done, len - done, g.append ? null : g.pos);
                done += n;
                if (!g.append) g.pos += n;
              }
              if (g.append) g.pos = fs.fstatSync(g.fd).size;
              return 0;
            } catch (err) { this.errno = errnoOf(err); return len; }
        }
        return len;
      }
      case SYS.READ: {
        const h = arg(0), buf = arg(1), len = arg(2);
        const g = this.fds[h];
        if (!g) { this.errno = ERRNO.EBADF; return len; }
        let data: Uint8Array;
        switch (g.kind) {
          case 'stream':
            if (g.stream !== 0) { this.errno = ERRNO.EBADF; return len; }
            data = len > 0 ? this.stdin(len) : new Uint8Array(0);
            break;
          case 'static': {
            const n = Math.max(0, Math.min(len, g.data.length - g.pos));
            data = g.data.subarray(g.pos, g.pos + n);
            g.pos += n;
            break;
          }
          case 'file':
            try {
              const tmp = new Uint8Array(Math.min(len, 1 << 24));
              const n = fs.readSync(g.fd, tmp, 0, tmp.length, g.pos);
              g.pos += n;
              data = tmp.subarray(0, n);
            } catch (err) { this.errno = errnoOf(err); return len; }
            break;
        }
        try { mem.writeBytes(buf, data); } catch (err) {
          if (err instanceof GuestFault) { this.errno = ERRNO.EFAULT; return len; }
          throw err;
        }
        return len - data.length;
      }
      case SYS.READC: {
        const d = this.stdin(1);
        return d.length > 0 ? d[0]! : -1;
      }
      case SYS.ISERROR:
        return (arg(0) | 0) < 0 ? 1 : 0;
      case SYS.ISTTY: {
        const g = this.fds[arg(0)];
        if (!g) return this.fail(ERRNO.EBADF);
        if (g.kind === 'stream') {
          if (this.opts.io.isatty(g.stream)) return 1;
          this.errno = ERRNO.ENOTTY; return 0;
        }
        if (g.kind === 'static') return 0;
        this.errno = ERRNO.ENOTTY;
        return 0;
      }
      case SYS.SEEK: {
        const h = arg(0), pos = arg(1);
        const g = this.fds[h];
        if (!g) return this.fail(ERRNO.EBADF);
        if (g.kind === 'stream') return this.opts.io.seekable?.(g.stream) ? 0 : this.fail(ERRNO.ESPIPE);
        if (g.kind === 'static') {
          if (pos > g.data.length) return this.fail(ERRNO.EINVAL);
          g.pos = pos; return 0;
        }
        // Node has no lseek: files are read and written at a position kept here.
        if ((pos | 0) < 0) return this.fail(ERRNO.EINVAL);
        g.pos = pos;
        return 0;
      }
      case SYS.FLEN: {
        const g = this.fds[arg(0)];
        if (!g) return this.fail(ERRNO.EBADF);
        if (g.kind === 'static') return g.data.length;
        if (g.kind === 'stream') return 0;
        try { return fs.fstatSync(g.fd).size; } catch (err) { return this.fail(errnoOf(err)); }
      }
      case SYS.TMPNAM: {
        // Not used by rdimon; QEMU builds /tmp/qemu-<pid><id>. Refuse: no host paths leak out.
        return this.fail(ERRNO.EPERM);
      }
      case SYS.REMOVE: {
        const p = mem.string(arg(0), arg(1));
        try { fs.unlinkSync(this.hostPath(p, false, true)); return 0; } catch (err) {
          return this.fail(err instanceof SemiError ? err.errno : errnoOf(err));
        }
      }
      case SYS.RENAME: {
        const from = mem.string(arg(0), arg(1)), to = mem.string(arg(2), arg(3));
        try { fs.renameSync(this.hostPath(from, false, true), this.hostPath(to, true)); return 0; } catch (err) {
          return this.fail(err instanceof SemiError ? err.errno : errnoOf(err));
        }
      }
      case SYS.CLOCK: {
        const u = process.cpuUsage();
        return Math.floor((u.user + u.system) / 10000);
      }
      case SYS.TIME:
        return Math.floor(Date.now() / 1000);
      case SYS.SYSTEM:
        return this.fail(ERRNO.EPERM); // never runs host commands
      case SYS.ERRNO:
        return this.errno;
      case SYS.GET_CMDLINE: {
        const buf = arg(0), size = arg(1);
        const text = new TextEncoder().encode(this.opts.cmdline);
        if (text.length + 1 > size) return this.fail(ERRNO.E2BIG);
        mem.st32(args + 4, text.length);
        const out = new Uint8Array(text.length + 1);
        out.set(text);
        mem.writeBytes(buf, out);
        return 0;
      }
      case SYS.HEAPINFO: {
        const block = arg(0);
        const { base, limit } = this.opts.heapInfo();
        mem.st32(block, base); mem.st32(block + 4, limit); mem.st32(block + 8, limit); mem.st32(block + 12, base);
        return 0;
      }
      case SYS.EXIT: {
        cpu.halted = { kind: 'exit', code: args === ADP_Stopped_ApplicationExit ? 0 : 1 };
        return cpu.r[0]!;
      }
      case SYS.EXIT_EXTENDED: {
        const reason = arg(0), sub = arg(1);
        cpu.halted = { kind: 'exit', code: reason === ADP_Stopped_ApplicationExit ? (sub | 0) : 1 };
        return cpu.r[0]!;
      }
      case SYS.ELAPSED: {
        const ns = this.clockNs() - this.start;
        mem.st32(args, Number(ns & 0xffffffffn));
        mem.st32(args + 4, Number((ns >> 32n) & 0xffffffffn));
        return 0;
      }
      case SYS.TICKFREQ:
        return 1000000000;
      default:
        // QEMU aborts the whole emulator here; armada stops the guest with an error.
        cpu.halted = { kind: 'error', message: `unsupported semihosting call 0x${op.toString(16)}` };
        return cpu.r[0]!;
    }
  }

  /** Guest handles and errno, for machine snapshots. Host files cannot be carried across. */
  saveState(): { errno: number; fds: unknown[] } {
    const fds = this.fds.map((g, h) => {
      if (g === undefined) return null;
      if (g.kind === 'file') throw new Error(`cannot snapshot: the guest has a host file open through semihosting (handle ${h})`);
      if (g.kind === 'static') return { kind: 'static', data: Array.from(g.data), pos: g.pos };
      return g;
    });
    return { errno: this.errno, fds };
  }

  loadState(st: { errno: number; fds: unknown[] }): void {
    this.errno = st.errno;
    this.fds.length = 0;
    for (const f of st.fds) {
      const g = f as { kind: string; stream?: 0 | 1 | 2; data?: number[]; pos?: number } | null;
      if (g === null) this.fds.push(undefined);
      else if (g.kind === 'stream') this.fds.push({ kind: 'stream', stream: g.stream! });
      else if (g.kind === 'static') this.fds.push({ kind: 'static', data: Uint8Array.from(g.data!), pos: g.pos! });
      else throw new Error(`snapshot semihosting handle of unknown kind ${g.kind}`);
    }
  }

  private alloc(g: GuestFd): number {
    let h = 1;
    while (h < this.fds.length && this.fds[h] !== undefined) h++;
    this.fds[h] = g;
    return h;
  }

  /**
   * Map a guest path to a host path under the root. Absolute guest paths count from the root.
   * Refuses (EACCES) anything that would leave the root, including through symbolic links;
   * with no root configured every path fails with ENOENT.
   */
  hostPath(guest: string, mayCreate: boolean, noFollowLast = false): string {
    const root = this.root;
    if (root === undefined) throw new SemiError(ERRNO.ENOENT);
    if (guest.length === 0) throw new SemiError(ERRNO.ENOENT);
    if (guest.includes('\0')) throw new SemiError(ERRNO.EINVAL);
    const joined = path.resolve(root, '.' + path.sep + guest);
    const inside = (p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    if (!inside(joined)) throw new SemiError(ERRNO.EACCES);
    let real: string;
    try {
      if (noFollowLast) {
        // remove/rename act on the link itself: check its directory
        real = path.join(fs.realpathSync(path.dirname(joined)), path.basename(joined));
        fs.lstatSync(real);
      } else {
        real = fs.realpathSync(joined);
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'ENOENT' || !mayCreate) throw err;
      // A new file: its directory must resolve inside the root.
      let dir: string;
      try { dir = fs.realpathSync(path.dirname(joined)); } catch { throw new SemiError(ERRNO.ENOENT); }
      real = path.join(dir, path.basename(joined));
      // A dangling symlink at the final component would be followed by open(O_CREAT).
      try { fs.lstatSync(real); throw new SemiError(ERRNO.EACCES); } catch (e2) {
        if (e2 instanceof SemiError) throw e2;
      }
    }
    if (!inside(real)) throw new SemiError(ERRNO.EACCES);
    return real;
  }
}

/** Guest virtual memory as semihosting sees it: privileged, through the CPU's translation. */
class GuestMemory {
  constructor(private readonly cpu: Cpu) {}

  private pa(va: number, write: boolean): number {
    const c = this.cpu;
    const dfsr = c.dfsr, dfar = c.dfar;
    try {
      return c.translate(va >>> 0, write, false);
    } catch {
      c.dfsr = dfsr; c.dfar = dfar; // a failed walk must not leave fault state behind
      throw FAULT;
    }
  }

  ld8(va: number): number {
    try { return this.cpu.bus.read(this.pa(va, false), 1) & 0xff; } catch { throw FAULT; }
  }
  ld32(va: number): number {
    let v = 0;
    for (let k = 3; k >= 0; k--) v = (v << 8) | this.ld8(va + k);
    return v >>> 0;
  }
  st8(va: number, v: number): void {
    const pa = this.pa(va, true);
    try { this.cpu.bus.write(pa, 1, v & 0xff); } catch { throw FAULT; }
    if (this.cpu.codePages[pa >>> 12]) this.cpu.host.codeWritten?.(pa, 1);
  }
  st32(va: number, v: number): void {
    // check every byte is writable before writing any
    for (let k = 0; k < 4; k++) this.pa(va + k, true);
    for (let k = 0; k < 4; k++) this.st8(va + k, v >>> (8 * k));
  }
  bytes(va: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = this.ld8(va + i);
    return out;
  }
  writeBytes(va: number, data: Uint8Array): void {
    for (let i = 0; i < data.length; i++) this.pa(va + i, true);
    for (let i = 0; i < data.length; i++) this.st8(va + i, data[i]!);
  }
  /** NUL-terminated bytes (without the NUL), at most 1 MiB. */
  cbytes(va: number): Uint8Array {
    const out: number[] = [];
    for (let i = 0; i < (1 << 20); i++) {
      const b = this.ld8(va + i);
      if (b === 0) break;
      out.push(b);
    }
    return Uint8Array.from(out);
  }
  cstring(va: number): string { return new TextDecoder().decode(this.cbytes(va)); }
  /** A string of known length (stops early at a NUL). */
  string(va: number, len: number): string {
    const out: number[] = [];
    for (let i = 0; i < Math.min(len, 4096); i++) {
      const b = this.ld8(va + i);
      if (b === 0) break;
      out.push(b);
    }
    return new TextDecoder().decode(Uint8Array.from(out));
  }
}
