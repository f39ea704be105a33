// Benchmark measurements: one guest image run on armada in-process (through the board API) or on
// QEMU as a child process, timed from the outside; and cold starts, where both are child
// processes timed from spawn to exit. Used by `npm run bench` (src/bench/run.ts) and by the
// tests, which run it on a small instruction budget.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createBoard, type BoardStats, type RunResult } from '../soc/board.js';
import { BOARDS } from '../soc/vexpress.js';
import type { SemihostingIO } from '../armcore/semihosting.js';
import type { HotMode } from '../translator/types.js';

export const BOARD = 'vexpress-a9';
export const RAM_MIB = 1024;
/** Board run slices: long enough that the slice loop costs nothing measurable. */
const SLICE = 50_000_000;

export interface ArmadaRun {
  /** Guest instructions executed (cpu.icount). */
  insns: number;
  /** Wall time of the run loop alone (board creation and image load excluded), seconds. */
  wallSec: number;
  /** CPU time of this process during the run loop (user + system), seconds. */
  cpuSec: number;
  /** Image load and board creation, seconds. */
  setupSec: number;
  /** Millions of guest instructions per second of wall time. */
  mips: number;
  /** Guest exit status, or null when the run stopped otherwise (budget, error: see `stop`). */
  exitCode: number | null;
  stop: RunResult['kind'];
  /** Set when stop is 'error'. */
  error?: string;
  /** What the guest wrote to its stdout and stderr through semihosting. */
  stdout: string;
  stderr: string;
  /** The engine's translation statistics at the end of the run. */
  stats: BoardStats;
  /** Host heap figures (only when asked for: they cost two full garbage collections). */
  heap?: HeapFigures;
}

export interface HeapFigures {
  /**
   * Host heap held by the translation cache at the end of the run: V8's used heap with the board
   * as it is, minus the same after dropping every translated block (both after a full GC).
   */
  cacheBytes: number;
  /** Used heap at the end of the run minus before the board was created (both after a full GC). */
  heapUsedDelta: number;
  /** Guest RAM allocated on the host (lazily, in chunks; outside V8's heap). */
  ramHostBytes: number;
}

export interface ArmadaOptions {
  /** Stop after about this many guest instructions (default: run to completion). */
  maxInsns?: number;
  /** Name the guest sees as its command line (semihosting SYS_GET_CMDLINE). */
  cmdline?: string;
  /** Hot tier mode for this run (default: the engine's, from ARMADA_HOT). */
  hot?: HotMode;
  /** Measure the host heap of the translation cache (see HeapFigures). */
  heap?: boolean;
}

let gcFn: (() => void) | undefined;
/** A full garbage collection, made available without node's --expose-gc flag. */
export function fullGc(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** Run one image on a fresh armada board, in this process, and time it. */
export function measureArmada(image: Uint8Array, opts: ArmadaOptions = {}): ArmadaRun {
  const out: Uint8Array[] = [], err: Uint8Array[] = [];
  const io: SemihostingIO = {
    write: (stream, bytes) => { (stream === 1 ? out : err).push(bytes.slice()); },
    read: () => new Uint8Array(0), // stdin at end of file
    isatty: () => false,
    seekable: () => false,
  };
  let heap0: NodeJS.MemoryUsage | undefined;
  if (opts.heap) { fullGc(); heap0 = process.memoryUsage(); }
  const t0 = process.hrtime.bigint();
  const board = createBoard(BOARDS[BOARD]!, {
    ramMiB: RAM_MIB,
    semihosting: { io, cmdline: opts.cmdline ?? 'bench' },
    ...(opts.hot !== undefined ? { engine: { hot: opts.hot } } : {}),
  });
  board.load(image);
  const t1 = process.hrtime.bigint();
  const u0 = process.cpuUsage();
  const limit = opts.maxInsns ?? Infinity;
  let stop: ArmadaRun['stop'] = 'budget';
  let exitCode: number | null = null;
  let error: string | undefined;
  for (;;) {
    const left = limit - board.cpu.icount;
    if (left <= 0) { stop = 'budget'; break; }
    const r = board.run({ maxInsns: Math.min(SLICE, left) });
    if (r.kind === 'budget') continue;
    stop = r.kind;
    if (r.kind === 'exit') exitCode = r.code;
    if (r.kind === 'error') error = r.message;
    break;
  }
  const t2 = process.hrtime.bigint();
  const u = process.cpuUsage(u0);
  const wallSec = Number(t2 - t1) / 1e9;
  const stats = board.stats();
  let heap: HeapFigures | undefined;
  if (heap0) {
    fullGc();
    const full = process.memoryUsage();
    board.engine.invalidateAll();
    fullGc();
    const empty = process.memoryUsage();
    heap = {
      cacheBytes: Math.max(0, full.heapUsed - empty.heapUsed),
      heapUsedDelta: full.heapUsed - heap0.heapUsed,
      ramHostBytes: stats.ramHostBytes,
    };
  }
  board.dispose();
  return {
    insns: stats.insns, wallSec, cpuSec: (u.user + u.system) / 1e6, setupSec: Number(t1 - t0) / 1e9,
    mips: wallSec > 0 ? stats.insns / wallSec / 1e6 : 0,
    exitCode, stop, ...(error !== undefined ? { error } : {}),
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    stats, ...(heap ? { heap } : {}),
  };
}

export interface QemuRun {
  /** Wall time of the whole qemu-system-arm process (its start-up included), seconds. */
  wallSec: number;
  /** CPU time of the QEMU process (all its threads, user + system; Linux only), seconds. */
  cpuSec?: number;
  /** Exit status (null when killed, e.g. on timeout). */
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export const QEMU = 'qemu-system-arm';

export function qemuArgs(imagePath: string): string[] {
  return ['-M', BOARD, '-m', String(RAM_MIB), '-nographic', '-semihosting', '-kernel', imagePath];
}

/** QEMU's version line, or undefined when qemu-system-arm is not installed. */
export function qemuVersion(): string | undefined {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0]!.trim();
}

/** Run one image on QEMU (vexpress-a9, semihosting) and time the process. */
export function measureQemu(imagePath: string, timeoutSec = 300): QemuRun {
  const env = { ...process.env, QEMU_AUDIO_DRV: 'none' };
  const c0 = childrenCpuSec();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(QEMU, qemuArgs(imagePath), {
    env, encoding: 'utf8', timeout: timeoutSec * 1000, stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = childrenCpuSec();
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { wallSec, ...(c0 !== undefined && c1 !== undefined ? { cpuSec: c1 - c0 } : {}), exitCode: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The armada command next to this module (dist/cli/armada.js in the built layout). */
export const ARMADA_CLI = fileURLToPath(new URL('../cli/armada.js', import.meta.url));

export interface ColdRun {
  /** Spawn to exit of the whole process, seconds. */
  wallSec: number;
  /** CPU time of the process (user + system; Linux only), seconds. */
  cpuSec?: number;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * A cold start: run a command as a fresh process and time it from spawn to exit (start-up,
 * image load, translation and the run all count).
 */
export function measureCold(command: string, args: string[], timeoutSec = 300, env: NodeJS.ProcessEnv = process.env): ColdRun {
  const c0 = childrenCpuSec();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    env: { ...env, QEMU_AUDIO_DRV: 'none' }, encoding: 'utf8', timeout: timeoutSec * 1000,
    stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = childrenCpuSec();
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { wallSec, ...(c0 !== undefined && c1 !== undefined ? { cpuSec: c1 - c0 } : {}), exitCode: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The armada command line of a cold start (the same board and RAM as QEMU's). */
export function armadaColdArgs(imagePath: string): string[] {
  return [ARMADA_CLI, 'run', imagePath, '-m', String(RAM_MIB), '--semihosting'];
}

/**
 * CPU time (user + system) of this process's waited-for children so far, from /proc/self/stat
 * (cutime, cstime, in USER_HZ = 100 ticks per second); undefined where there is no /proc.
 */
function childrenCpuSec(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): cutime is field 16, cstime field 17
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch { return undefined; }
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
