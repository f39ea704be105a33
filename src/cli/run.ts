// `armada run`: load an image on a board, connect the host's streams, run in slices.

import { Board, createBoard, type RunResult } from '../soc/board.js';
import { BOARDS } from '../soc/vexpress.js';
import type { SemihostingIO } from '../armcore/semihosting.js';
import { decodeA32, decodeThumb } from '../translator/translate.js';
import { disassemble } from '../armcore/disasm/index.js';
import { isThumb32 } from '../armcore/isa/tables.js';

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
  });
  board.load(cfg.image, { loadAddr: cfg.loadAddr });
  const uart = board.uart('uart0');
  uart.onTransmit = b => {
    uartBuf[uartLen++] = b;
    if (uartLen === uartBuf.length) flushUart(host);
  };
  host.uartIn?.(bytes => uart.receive(bytes));
  return board;
}

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
        `${s.translations} translations of ${s.translatedInsns} instructions, ${s.blocks} blocks cached, ` +
        `${s.invalidations} invalidated; ${(s.ramHostBytes / 1048576).toFixed(1)} MiB of guest RAM touched`);
    }
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
    if (cfg.trace || budget < 256) {
      // one instruction at a time: exact counts near the limit, and the trace
      r = { kind: 'budget' };
      const n = Math.min(budget, cfg.trace ? 10000 : budget);
      for (let i = 0; i < n; i++) {
        if (cfg.trace) { flushUart(host); host.err(traceLine(board)); }
        r = board.step();
        if (r.kind !== 'budget') break;
      }
    } else {
      r = board.run({ maxInsns: budget - 64 });
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
        // As QEMU does by default: the machine resets and the image runs again.
        board.reset();
        break;
      case 'idle':
      case 'wfi':
        await sleep(1); // nothing can wake it yet but host input or the clock: wait a little
        break;
      case 'budget':
        await yieldToLoop();
        break;
    }
    flushUart(host);
    const sig = host.interrupted();
    if (sig) {
      host.err(`armada: interrupted (${sig}) at pc=${hex(c.pc)} after ${c.icount} instructions`);
      return sig === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM;
    }
    if (Date.now() >= deadline) return limitStop(`timeout (--timeout ${cfg.timeoutSec} s)`);
  }
}
