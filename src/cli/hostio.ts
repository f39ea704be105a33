// The process's real stdin/stdout/stderr, used synchronously so guest output interleaves in the
// order the guest produced it (UART and semihosting alike) and nothing sits in a buffer at exit.

import * as fs from 'node:fs';
import * as tty from 'node:tty';
import type { SemihostingIO } from '../armcore/semihosting.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function nap(ms: number): void { Atomics.wait(sleeper, 0, 0, ms); }

export function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += fs.writeSync(fd, bytes, off, bytes.length - off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { nap(1); continue; }
      if (code === 'EPIPE') return; // reader went away: drop output, as a closed pipe would
      throw err;
    }
  }
}

export function writeText(fd: number, text: string): void {
  writeAll(fd, Buffer.from(text, 'utf8'));
}

/**
 * The process's stdin as a queue filled asynchronously (the event loop never blocks on it).
 * Reading starts only when first needed, so guests that never read leave the terminal alone.
 */
export class StdinQueue {
  private chunks: Uint8Array[] = [];
  private eof = false;
  private started = false;
  private waiters: (() => void)[] = [];
  /** Called whenever data or end of file arrives. */
  onData: (() => void) | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream = process.stdin) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stream.on('data', (b: Buffer | string) => {
      this.chunks.push(typeof b === 'string' ? Buffer.from(b) : new Uint8Array(b));
      this.notify();
    });
    const end = () => { this.eof = true; this.notify(); };
    this.stream.on('end', end);
    this.stream.on('error', end);
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    this.onData?.();
  }

  /** Wake anyone waiting (e.g. on a signal). */
  wake(): void { this.notify(); }

  /** Up to max bytes available now; empty at end of file; null when nothing has arrived yet. */
  read(max: number): Uint8Array | null {
    this.start();
    if (this.chunks.length === 0) return this.eof ? new Uint8Array(0) : null;
    const first = this.chunks[0]!;
    if (first.length <= max) { this.chunks.shift(); return first; }
    this.chunks[0] = first.subarray(max);
    return first.subarray(0, max);
  }

  /** Everything available now (possibly nothing). */
  takeAll(): Uint8Array {
    const parts = this.chunks;
    this.chunks = [];
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  get ended(): boolean { return this.eof && this.chunks.length === 0; }

  /** Resolves when data or end of file arrives (or on wake()). */
  wait(): Promise<void> {
    this.start();
    if (this.chunks.length > 0 || this.eof) return Promise.resolve();
    return new Promise(r => this.waiters.push(r));
  }
}

export function processIO(stdin: StdinQueue): SemihostingIO {
  return {
    write: (stream, bytes) => writeAll(stream, bytes),
    read: max => stdin.read(max),
    isatty: stream => tty.isatty(stream),
    seekable: stream => {
      try {
        const st = fs.fstatSync(stream);
        return !st.isFIFO() && !st.isSocket() && !tty.isatty(stream);
      } catch { return false; }
    },
  };
}

/**
 * The console's escape key, as QEMU's character multiplexer under -nographic: Ctrl-A x asks to
 * quit, Ctrl-A Ctrl-A sends one Ctrl-A, Ctrl-A followed by anything else is dropped. Everything
 * else passes through to the guest.
 */
export class ConsoleEscape {
  private pending = false;
  quit = false;

  filter(bytes: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const b of bytes) {
      if (this.quit) break;
      if (this.pending) {
        this.pending = false;
        if (b === 0x78 /* x */) this.quit = true;
        else if (b === 0x01) out.push(0x01);
        continue;
      }
      if (b === 0x01) { this.pending = true; continue; }
      out.push(b);
    }
    return Uint8Array.from(out);
  }
}
