// Test harness: a CPU with RAM, code placed at CODE, instructions stepped one at a time.
import { Bus } from '../src/armcore/bus.js';
import { Cpu, Mode } from '../src/armcore/cpu.js';
import { Engine } from '../src/translator/engine.js';
import { encodeFields, type Fields } from '../src/armcore/encoding.js';
import { A32_BY_NAME, T16_BY_NAME, T32_BY_NAME } from '../src/armcore/isa/tables.js';

export const RAM_BASE = 0x60000000;
export const CODE = 0x60001000;
export const DATA = 0x60100000;

export interface Machine { cpu: Cpu; bus: Bus; engine: Engine }

export function machine(opts: { semihosting?: boolean; vfp?: boolean } = {}): Machine {
  const bus = new Bus();
  bus.addRam('ram', RAM_BASE, 16 * 1024 * 1024);
  const cpu = new Cpu(bus);
  cpu.reset();
  cpu.switchMode(Mode.SVC);
  cpu.i = 1; cpu.f = 1; cpu.a = 1;
  const engine = new Engine(cpu, { semihosting: opts.semihosting ?? false, vfp: opts.vfp ?? false });
  return { cpu, bus, engine };
}

/** Encode an A32 instruction by encoding name; cond defaults to AL (14). */
export function a32(name: string, f: Fields): number {
  const e = A32_BY_NAME.get(name);
  if (!e) throw new Error(`no A32 encoding ${name}`);
  const fields = { ...f };
  if (e.fields.has('c') && fields['c'] === undefined) fields['c'] = 14;
  return encodeFields(e, fields);
}
/** Encode a 16-bit Thumb instruction by encoding name. */
export function t16(name: string, f: Fields): number {
  const e = T16_BY_NAME.get(name);
  if (!e) throw new Error(`no T16 encoding ${name}`);
  return encodeFields(e, f);
}
/** Encode a 32-bit Thumb instruction (hw1:hw2) by encoding name. */
export function t32(name: string, f: Fields): number {
  const e = T32_BY_NAME.get(name);
  if (!e) throw new Error(`no T32 encoding ${name}`);
  const fields = { ...f };
  if (e.fields.has('c') && fields['c'] === undefined) fields['c'] = 14;
  return encodeFields(e, fields);
}

/** Place A32 words at CODE and set the CPU to run them in ARM state. */
export function loadA32(m: Machine, words: number[], at = CODE): number {
  words.forEach((w, i) => m.bus.write(at + 4 * i, 4, w));
  m.cpu.pc = at; m.cpu.t = 0;
  return at + 4 * words.length;
}

/** Place Thumb code at CODE: numbers < 0x10000 are halfwords, larger ones hw1:hw2 words. */
export function loadThumb(m: Machine, insns: number[], at = CODE): number {
  let a = at;
  for (const w of insns) {
    if (w > 0xffff) { m.bus.write(a, 2, w >>> 16); m.bus.write(a + 2, 2, w & 0xffff); a += 4; }
    else { m.bus.write(a, 2, w); a += 2; }
  }
  m.cpu.pc = at; m.cpu.t = 1;
  return a;
}

/** Step until the PC reaches `end` (or maxSteps instructions). */
export function runTo(m: Machine, end: number, maxSteps = 10000): void {
  for (let i = 0; i < maxSteps; i++) {
    if (m.cpu.pc === end >>> 0 || m.cpu.halted) return;
    m.engine.step();
  }
  throw new Error(`did not reach 0x${(end >>> 0).toString(16)}; pc=0x${m.cpu.pc.toString(16)}`);
}

/** Run A32 words from CODE, with registers preset; returns the machine. */
export function execA32(words: number[], regs: Record<number, number> = {}, setup?: (m: Machine) => void): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  setup?.(m);
  const end = loadA32(m, words);
  runTo(m, end, words.length * 4 + 100);
  return m;
}

/** Run Thumb instructions from CODE (see loadThumb), with registers preset. */
export function execThumb(insns: number[], regs: Record<number, number> = {}, setup?: (m: Machine) => void): Machine {
  const m = machine();
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  setup?.(m);
  const end = loadThumb(m, insns);
  runTo(m, end, insns.length * 4 + 100);
  return m;
}

export const u32 = (v: number) => v >>> 0;
