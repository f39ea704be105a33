// `armada run`: load an image on a board, connect the host's streams, run in slices.

import { Board, createBoard, type RunResult } from '../soc/board.js';
import { BOARDS } from '../soc/vexpress.js';
import type { SemihostingIO } from '../armcore/semihosting.js';
import { decodeA32, decodeThumb } from '../translator/translate.js';
import { disassemble } from '../armcore/disasm/index.js';
import { isThumb32 } from '../armcore/isa/tables.js';
import { loadLinux, type LinuxBootOptions } from '../soc/linux.js';
import { encodePng } from '../soc/png.js';
import * as fs from 'node:fs';

export const EXIT = {
  USAGE: 2,
  INTERNAL: 3,
  GUEST_ERROR: 4,
  LIMIT: 124,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

export interface RunConfig {
  image: Uint8Array;
  imageName: string;
  board: string;
  ramMiB?: number;
  semihosting: boolean;
  semihostingRoot?: string;
  guestArgs?: string[];
  maxInsns?: number;
  timeoutSec?: number;
  loadAddr?: number;
  trace: boolean;
  stats?: boolean;
  /** Bound of the translation cache in guest instructions (--tb-cache-insns). */
  tbCacheInsns?: number;
  /** Boot a Linux kernel (--kernel/--dtb/--initrd/--append) instead of loading `image`. */
  linux?: LinuxBootOptions;
  /** Pace virtual time to the host clock while the guest idles (interactive sessions; not
   * deterministic). Off: an idle guest skips straight to its next event. */
  realtime?: boolean;
  /** Write the display's frame as a PNG here at exit. */
  screenshot?: string;
}

export interface RunHost {
  io: SemihostingIO;
  /** Guest UART0 output. */
  uartOut(bytes: Uint8Array): void;
  /** Diagnostics (stderr). */
  err(line: string): void;
  /** Register a feed of host input for UART0 (when semihosting does not own stdin). */
  uartIn?(feed: (bytes: Uint8Array) => void): void;
  /** Resolves when host input for a suspended semihosting read has arrived (or ended). */
  inputArrived(): Promise<void>;
  /** Set by the host when the user interrupts (SIGINT/SIGTERM); polled between slices. */
  interrupted(): 'SIGINT' | 'SIGTERM' | undefined;
  /** Resolves after `ms`, or earlier when host input arrives (an idle guest waiting to be woken). */
  idleWait?(ms: number): Promise<void>;
  /** True once the user asked to quit (Ctrl-A x on the console); polled between slices. */
  quit?(): boolean;
}

const SLICE = 1_000_000;
const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');
const yieldToLoop = () => new Promise<void>(r => setImmediate(r));
const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

export function buildBoard(cfg: RunConfig, host: RunHost): Board {
  const spec = BOARDS[cfg.board]!;
  // UART output is gathered and written in runs; anything else that writes (semihosting, the
  // trace, diagnostics) flushes it first, so the order on the terminal is the guest's order.
  const io: SemihostingIO = {
    write: (stream, bytes) => { flushUart(host); host.io.write(stream, bytes); },
    read: max => { flushUart(host); return host.io.read(max); },
    isatty: s => host.io.isatty(s),
    seekable: s => host.io.seekable?.(s) ?? false,
  };
  const board = createBoard(spec, {
    ramMiB: cfg.ramMiB,
    semihosting: cfg.semihosting ? {
      io, root: cfg.semihostingRoot,
      cmdline: cfg.guestArgs && cfg.guestArgs.length > 0 ? cfg.guestArgs.join(' ') : cfg.imageName,
    } : undefined,
    onGuestError: cfg.trace ? msg => host.err(`guest error: ${msg}`) : undefined,
    engine: cfg.tbCacheInsns !== undefined ? { tbCacheInsns: cfg.tbCacheInsns } : undefined,
  });
  if (cfg.linux) loadLinux(board, cfg.linux);
  else board.load(cfg.image, { loadAddr: cfg.loadAddr });
  const uart = board.uart('uart0');
  panicWatch.reset();
  uart.onTransmit = b => {
    uartBuf[uartLen++] = b;
    if (cfg.linux) panicWatch.byte(b);
    if (uartLen === uartBuf.length) flushUart(host);
  };
  host.uartIn?.(bytes => uart.receive(bytes));
  return board;
}

/**
 * Watches the console for a Linux kernel panic, so that a panicking guest (which then spins or
 * waits forever) ends the run with a clear message instead of running into the timeout.
 */
class PanicWatch {
  private line: number[] = [];
  /** The panic line once it is complete. */
  panic: string | undefined;
  reset(): void { this.line = []; this.panic = undefined; }
  byte(b: number): void {
    if (this.panic !== undefined) return;
    if (b === 10 || b === 13) {
      if (this.line.length >= 26) {
        const text = String.fromCharCode(...this.line);
        if (text.includes('Kernel panic - not syncing')) this.panic = text.replace(/^\[[ 0-9.]+\] /, '');
      }
      this.line = [];
      return;
    }
    if (this.line.length < 400) this.line.push(b);
  }
}
const panicWatch = new PanicWatch();

const uartBuf = new Uint8Array(4096);
let uartLen = 0;
export function flushUart(host: RunHost): void {
  if (uartLen === 0) return;
  const out = uartBuf.slice(0, uartLen);
  uartLen = 0;
  host.uartOut(out);
}

function traceLine(board: Board): string {
  const c = board.cpu;
  const pc = c.pc >>> 0;
  let word: string, text: string;
  try {
    if (c.t) {
      const hw1 = c.bus.read(c.fetchPhys(pc), 2) & 0xffff;
      if (isThumb32(hw1)) {
        const hw2 = c.bus.read(c.fetchPhys(pc + 2), 2) & 0xffff;
        const d = decodeThumb(hw1, hw2);
        word = `${hw1.toString(16).padStart(4, '0')} ${hw2.toString(16).padStart(4, '0')}`;
        text = disassemble(d, pc, c.it);
      } else {
        const d = decodeThumb(hw1, -1);
        word = hw1.toString(16).padStart(4, '0') + '     ';
        text = disassemble(d, pc, c.it);
      }
    } else {
      const w = c.bus.read(c.fetchPhys(pc), 4) >>> 0;
      word = w.toString(16).padStart(8, '0') + ' ';
      text = disassemble(decodeA32(w), pc);
    }
  } catch {
    word = '????????'; text = '<fetch fault>';
  }
  return `${hex(pc)}: ${word} ${text}`;
}

/** Run to completion; resolves with the process exit status. */
export async function runGuest(cfg: RunConfig, host: RunHost, board = buildBoard(cfg, host)): Promise<number> {
  const t0 = process.hrtime.bigint();
  try {
    return await runLoop(cfg, host, board);
  } finally {
    flushUart(host);
    if (cfg.stats) {
      const s = board.stats();
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      host.err(`armada: ${s.insns} instructions in ${secs.toFixed(3)} s (${(s.insns / secs / 1e6).toFixed(1)} MIPS); ` +
        `virtual time ${(s.virtualNs / 1e9).toFixed(3)} s (${(s.idleNs / 1e9).toFixed(3)} s idle); ` +
        `${s.translations} translations of ${s.translatedInsns} instructions, ${s.blocks} blocks ` +
        `(${s.cachedInsns} instructions) cached, ${s.hits} block hits, ${s.misses} misses, ` +
        `${s.invalidations} invalidated, ${s.evictions} evicted, ${s.hotCompiles} hot-compiled; ` +
        `${(s.ramHostBytes / 1048576).toFixed(1)} MiB of guest RAM touched`);
    }
    if (cfg.screenshot) writeScreenshot(board, cfg.screenshot, host);
  }
}

/** The display's current frame as a PNG file: the first display the guest has switched on (the
 * board's first display when none is on, which gives a 1x1 black image). */
export function writeScreenshot(board: Board, file: string, host: Pick<RunHost, 'err'>): void {
  let f;
  try {
    for (const d of board.devices.values()) {
      if (!d.display) continue;
      const fr = d.display.readFrame();
      if (fr.enabled) { f = fr; break; }
      f ??= fr;
    }
    if (!f) f = board.readFrame(); // throws "has no display"
  } catch (e) {
    host.err(`armada: --screenshot: ${(e as Error).message}`);
    return;
  }
  const png = f.enabled && f.width > 0 && f.height > 0
    ? encodePng(f.width, f.height, f.rgba)
    : encodePng(1, 1, new Uint8Array([0, 0, 0, 255]));
  if (!f.enabled) host.err('armada: --screenshot: the display is off; wrote a 1x1 black image');
  try {
    fs.writeFileSync(file, png);
  } catch (e) {
    host.err(`armada: --screenshot: cannot write ${file}: ${(e as Error).message}`);
  }
}

async function runLoop(cfg: RunConfig, host: RunHost, board: Board): Promise<number> {
  const started = Date.now();
  const deadline = cfg.timeoutSec !== undefined ? started + cfg.timeoutSec * 1000 : Infinity;
  const c = board.cpu;
  const limitStop = (what: string) => {
    flushUart(host);
    host.err(`armada: ${what} reached at pc=${hex(c.pc)} after ${c.icount} instructions`);
    return EXIT.LIMIT;
  };
  const pace = { hostStart: process.hrtime.bigint(), virtualAtStart: board.clock.now() };
  // Test hook: exercises the internal-error path (exit 3) from the outside.
  if (process.env['ARMADA_TEST_INTERNAL_ERROR']) throw new Error('injected internal error (ARMADA_TEST_INTERNAL_ERROR)');
  for (;;) {
    let budget = SLICE;
    if (cfg.maxInsns !== undefined) {
      const left = cfg.maxInsns - c.icount;
      if (left <= 0) return limitStop(`instruction limit (--max-insns ${cfg.maxInsns})`);
      budget = Math.min(budget, left);
    }
    let r: RunResult;
    if (cfg.trace) {
      // one instruction at a time, for the trace
      r = { kind: 'budget' };
      const n = Math.min(budget, cfg.trace ? 10000 : budget);
      for (let i = 0; i < n; i++) {
        if (cfg.trace) { flushUart(host); host.err(traceLine(board)); }
        r = board.step();
        if (r.kind !== 'budget') break;
      }
    } else {
      // exact: the engine runs block prefixes. In real-time mode an idle CPU comes back here so
      // that virtual time can be paced to the host clock.
      r = board.run({ maxInsns: budget, idle: cfg.realtime ? 'return' : 'skip' });
    }
    switch (r.kind) {
      case 'exit': return r.code & 0xff;
      case 'error':
        flushUart(host);
        host.err(`armada: guest stopped: ${r.message} (pc=${hex(c.pc)})`);
        return EXIT.GUEST_ERROR;
      case 'input':
        await host.inputArrived();
        board.resumeInput();
        break;
      case 'poweroff':
        flushUart(host);
        return 0;
      case 'reboot':
        // As QEMU does by default: the machine resets and the image (or kernel) runs again.
        board.reset();
        if (cfg.linux) loadLinux(board, cfg.linux);
        break;
      case 'idle': {
        // Real time: virtual time may not run ahead of the host clock. Wait (or until input
        // arrives) while the next event is still in the host's future, then move virtual time to
        // the event, or only to "now" when input cut the wait short.
        const hostNow = () => pace.virtualAtStart + Number(process.hrtime.bigint() - pace.hostStart);
        const ahead = r.untilNs - hostNow();
        if (ahead > 0) await (host.idleWait ? host.idleWait(Math.min(ahead / 1e6, 1000)) : sleep(Math.min(ahead / 1e6, 1000)));
        const target = Math.min(r.untilNs, Math.max(hostNow(), board.clock.now()));
        const skip = target - board.clock.now();
        if (skip > 0) { board.idleTime += skip; board.clock.skipTo(target); }
        break;
      }
      case 'wfi':
        // nothing can wake it but host input
        await (host.idleWait ? host.idleWait(100) : sleep(1));
        break;
      case 'budget':
        await yieldToLoop();
        break;
    }
    flushUart(host);
    if (panicWatch.panic !== undefined) {
      host.err(`armada: the guest kernel panicked (${panicWatch.panic}) at pc=${hex(c.pc)} after ${c.icount} instructions`);
      return EXIT.GUEST_ERROR;
    }
    if (host.quit?.()) {
      host.err('armada: terminated (Ctrl-A x)');
      return 0;
    }
    const sig = host.interrupted();
    if (sig) {
      host.err(`armada: interrupted (${sig}) at pc=${hex(c.pc)} after ${c.icount} instructions`);
      return sig === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM;
    }
    if (Date.now() >= deadline) return limitStop(`timeout (--timeout ${cfg.timeoutSec} s)`);
  }
}
