// Differential harness for the hot tier: the same code and initial state run on two engines,
// one with the hot tier off (closures only) and one with it forced for every block, and the
// complete resulting state compared.
import { Bus } from '../../src/armcore/bus.js';
import { Cpu, Mode } from '../../src/armcore/cpu.js';
import { Engine } from '../../src/translator/engine.js';
import type { HotMode } from '../../src/translator/types.js';
import { a32, t32 } from '../harness.js';

export const RAM = 0x60000000;
export const VECTORS = 0x60000000;
export const CODE = 0x60001000;
export const SINK = 0x60003000;
export const WINDOW = 0x60400000;
export const WINDOW_BYTES = 0x800;

export interface Setup {
  thumb: boolean;
  /** Instruction words (A32 words; Thumb: < 0x10000 a halfword, else hw1:hw2). */
  code: number[];
  regs: number[]; // r0..r14
  flags: number; // NZCVQ in bits 31..27, GE in 19..16
  mem: number[]; // words at WINDOW
  budget: number;
  mode?: number;
  /** Extra machine setup (devices, interrupt state) before the run. */
  prepare?: (cpu: Cpu, bus: Bus) => void;
  /** VFP enabled (CPACR cp10/cp11 full access, FPEXC.EN) with these D registers and FPSCR. */
  vfp?: { dregs: readonly number[]; fpscr: number };
}

export interface Result {
  state: Record<string, number | string>; mem: Int32Array; code: Int32Array; hotCompiles: number;
  /** Blocks the engine entered (cache hits and misses): a region enters once for many blocks. */
  entries: number;
}

function place(bus: Bus, at: number, code: number[], thumb: boolean): number {
  let a = at;
  for (const w of code) {
    if (!thumb) { bus.write(a, 4, w >>> 0); a += 4; }
    else if (w >>> 0 <= 0xffff) { bus.write(a, 2, w); a += 2; }
    else { bus.write(a, 2, w >>> 16); bus.write(a + 2, 2, w & 0xffff); a += 4; }
  }
  return a;
}

/** Run with the hot tier `hot`; `hotThreshold` (auto mode) lets successors be cached first (regions). */
export function run(s: Setup, hot: HotMode, hotThreshold?: number): Result {
  const bus = new Bus();
  bus.addRam('ram', RAM, 16 * 1024 * 1024);
  const cpu = new Cpu(bus);
  cpu.reset();
  cpu.switchMode(s.mode ?? Mode.SVC);
  cpu.i = 1; cpu.f = 1; cpu.a = 1;
  cpu.vbar = VECTORS;
  // Every vector is B . (A32: exceptions enter ARM state): a trap ends in a tight loop.
  for (let v = 0; v < 8; v++) bus.write(VECTORS + 4 * v, 4, 0xeafffffe);
  // The sink: B . in the code's instruction set.
  if (s.thumb) bus.write(SINK, 2, 0xe7fe); else bus.write(SINK, 4, 0xeafffffe);
  place(bus, CODE, s.code, s.thumb);
  s.mem.forEach((w, i) => bus.write(WINDOW + 4 * i, 4, w >>> 0));
  for (let r = 0; r < 15; r++) cpu.r[r] = s.regs[r]! | 0;
  cpu.n = (s.flags >>> 31) & 1; cpu.z = (s.flags >>> 30) & 1; cpu.c = (s.flags >>> 29) & 1; cpu.v = (s.flags >>> 28) & 1;
  cpu.q = (s.flags >>> 27) & 1; cpu.ge = (s.flags >>> 16) & 0xf;
  cpu.t = s.thumb ? 1 : 0;
  cpu.pc = CODE;
  s.prepare?.(cpu, bus);
  if (s.vfp) {
    // Only CPACR is read from CP15 by the VFP access check.
    cpu.cp[15] = { cpacr: 0x00f00000, mrc: () => undefined, mcr: () => false } as unknown as Cpu['cp'][number];
    cpu.fp.fpexc = 0x40000000;
    s.vfp.dregs.forEach((w, i) => { cpu.fp.regs[i] = w | 0; });
    cpu.fp.setFPSCR(s.vfp.fpscr);
  }
  const engine = new Engine(cpu, { semihosting: false, vfp: s.vfp !== undefined }, { hot, hotThreshold });
  engine.run(s.budget);
  const state: Record<string, number | string> = {};
  for (let r = 0; r < 15; r++) state[`r${r}`] = cpu.r[r]! | 0;
  Object.assign(state, {
    pc: cpu.pc >>> 0, cpsr: cpu.cpsr >>> 0, spsr: cpu.mode === Mode.USR ? 0 : cpu.spsr >>> 0, icount: cpu.icount, halted: JSON.stringify(cpu.halted),
    dfsr: cpu.dfsr, dfar: cpu.dfar >>> 0, ifsr: cpu.ifsr, ifar: cpu.ifar >>> 0, excl: cpu.exclAddr,
    banks: [...cpu.bankR13, ...cpu.bankR14, ...cpu.spsrBank, ...cpu.usrR8to12, ...cpu.fiqR8to12].join(','),
  });
  state['fpscr'] = cpu.fp.getFPSCR() >>> 0;
  state['fpregs'] = Array.from(cpu.fp.regs).join(',');
  const mem = new Int32Array(WINDOW_BYTES / 4);
  for (let i = 0; i < mem.length; i++) mem[i] = bus.read(WINDOW + 4 * i, 4) | 0;
  const code = new Int32Array(0x100);
  for (let i = 0; i < code.length; i++) code[i] = bus.read(CODE + 4 * i, 4) | 0;
  return { state, mem, code, hotCompiles: engine.stats.hotCompiles, entries: engine.stats.hits + engine.stats.misses };
}

/** First difference between the two results, or '' when they agree. */
export function diff(a: Result, b: Result): string {
  for (const k of Object.keys(a.state)) {
    if (a.state[k] !== b.state[k]) {
      const f = (v: number | string | undefined) => typeof v === 'number' ? `0x${(v >>> 0).toString(16)}` : String(v);
      return `${k}: closures ${f(a.state[k])} hot ${f(b.state[k])}`;
    }
  }
  for (let i = 0; i < a.mem.length; i++) {
    if (a.mem[i] !== b.mem[i]) return `mem[0x${(WINDOW + 4 * i).toString(16)}]: closures ${a.mem[i]} hot ${b.mem[i]}`;
  }
  for (let i = 0; i < a.code.length; i++) {
    if (a.code[i] !== b.code[i]) return `code[0x${(CODE + 4 * i).toString(16)}]: closures ${a.code[i]} hot ${b.code[i]}`;
  }
  return '';
}

/** Size in bytes of Thumb words as Setup.code holds them. */
export function thumbBytes(code: number[]): number {
  return code.reduce((a, w) => a + (w >>> 0 <= 0xffff ? 2 : 4), 0);
}

/** A32 B<c> from `from` to `to`. */
export function a32Branch(from: number, to: number, cond = 14): number {
  return a32('B', { c: cond, i: ((to - (from + 8)) >> 2) & 0xffffff });
}

/** T32 B<c>.W (cond < 14) or B.W from `from` to `to`. */
export function t32Branch(from: number, to: number, cond = 14): number {
  const off = (to - (from + 4)) | 0;
  if (cond < 14) {
    return t32('B_T3', { c: cond, g: (off >>> 20) & 1, k: (off >> 19) & 1, j: (off >> 18) & 1, i: (off >> 1) & 0x1ffff });
  }
  const s = (off >>> 24) & 1, i1 = (off >> 23) & 1, i2 = (off >> 22) & 1;
  return t32('B_T4', { g: s, j: (~i1 & 1) ^ s, k: (~i2 & 1) ^ s, i: (off >> 1) & 0x1fffff });
}
