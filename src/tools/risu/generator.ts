// Random instruction sequences drawn from armada's encoding tables (risu-style), and the
// assembly source of the firmware that runs them and dumps the resulting state.

import { encodeFields, type Encoding, type Fields } from '../../armcore/encoding.js';
import { A32, T16, T32 } from '../../armcore/isa/tables.js';
import { decodeA32, decodeThumb } from '../../translator/translate.js';
import { drawFields, eligible, exclusiveSize, needsFixup, PC, R_BASE, R_OFF, type Rng } from './constraints.js';
import {
  drawVfpFields, R_TRACE, randomVec, value32, value64, vfpMayFault, vecFromFpscr, vfpEligible, vfpInitialState, vfpNeedsFixup, vfpPre, type VecConfig, type VfpState,
} from './vfp.js';

export type RisuISet = 'A32' | 'T16' | 'T32' | 'Thumb';

/** Memory layout shared with the firmware. */
export const WINDOW_START = 0x60400000;
export const WINDOW_BYTES = 1024;
export const WINDOW_WORDS = WINDOW_BYTES / 4;
export const WINDOW_BASE = WINDOW_START + WINDOW_BYTES / 2; // value of R_BASE and SP
export const DUMP_AREA = WINDOW_START + 0x600; // registers stored here (R_BASE + 0x400)
export const FAULT_AREA = WINDOW_START + 0x580; // [count, kind, DFSR, DFAR, last LR, first LR]
/** VFP mode: D0-D31, FPSCR and FPEXC stored here after a sequence, followed by the FPSCR trace. */
export const VFP_DUMP_AREA = WINDOW_START + 0x700;
/** Longest VFP-mode sequence: one FPSCR trace word per instruction. */
export const VFP_MAX_LENGTH = 64;
/** Words of the VFP dump: D0-D31 (low word first), FPSCR, FPEXC, then the FPSCR trace. */
export const VFP_WORDS = 66 + VFP_MAX_LENGTH;
/** The FPSCR trace: word k is FPSCR after instruction k (0 when k is not traced). */
export const TRACE_AREA = VFP_DUMP_AREA + 66 * 4;
/** Words dumped before the memory window: r0-r12, sp, lr, cpsr, fault count/kind/DFSR/DFAR/LR. */
export const STATE_WORDS = 22;
export const REG_NAMES_DUMP = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr',
  'cpsr', 'faults', 'fault_kind', 'dfsr', 'dfar', 'fault_lr', 'first_lr'];

/** mulberry32: small, fast, good enough for test generation; deterministic from a 32-bit seed. */
export class Mulberry implements Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  u32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  int(n: number): number { return n <= 1 ? 0 : Math.floor((this.u32() / 2 ** 32) * n); }
  chance(p: number): boolean { return this.u32() / 2 ** 32 < p; }
}

/** Per-sequence seed derived from the image seed and the sequence index. */
export function sequenceSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Insn {
  readonly encoding: Encoding;
  readonly fields: Fields;
  /** A32/T32: the 32-bit word (T32 as hw1:hw2); T16: the halfword. */
  readonly word: number;
  readonly fixup: boolean;
  /** Assembly run just before the instruction (4 bytes each, not random instructions): see vfpPre. */
  readonly pre?: string[];
  /**
   * VFP mode: after the instruction (and its fixup) FPSCR is stored to its TRACE_AREA word;
   * 'clear' then clears the cumulative flags, so that the next instruction's flags show.
   */
  readonly trace?: 'keep' | 'clear';
}

export interface Sequence {
  readonly index: number;
  readonly seed: number;
  readonly insns: Insn[];
  /** r0-r12, lr, cpsr (flags only), 0 */
  readonly regs: number[];
  readonly mem: number[];
  readonly offValue: number;
  /** VFP mode: the initial D registers and FPSCR. */
  readonly vfp?: VfpState;
  /** VFP mode: SP during the sequence (WINDOW_BASE, or a few bytes above: unaligned VPUSH/VPOP/VLDR). */
  readonly spValue?: number;
  /** VFP mode: the sequence runs with CPSR.E = 1 (SETEND BE before it). */
  readonly bigEndian?: boolean;
}

function pool(iset: RisuISet, vfp: boolean): Encoding[] {
  if (vfp) {
    // VFP encodings exist in A32 and T32 only; 'Thumb' and 'T32' are the same pool
    if (iset === 'T16') throw new Error('risu: the VFP mode needs --iset A32, T32 or Thumb');
    return (iset === 'A32' ? A32 : T32).filter(vfpEligible);
  }
  const list = iset === 'A32' ? A32 : iset === 'T16' ? T16 : iset === 'T32' ? T32 : [...T16, ...T32];
  return list.filter(eligible);
}

const POOLS = new Map<string, Encoding[]>();
export function eligibleEncodings(iset: RisuISet, vfp = false): Encoding[] {
  const key = `${iset}${vfp ? '-vfp' : ''}`;
  let p = POOLS.get(key);
  if (!p) { p = pool(iset, vfp); POOLS.set(key, p); }
  return p;
}

/** Decode a generated word with armada's decoder: the encoding it selects (or undefined). */
export function decodeWord(e: Encoding, word: number): Encoding | undefined {
  if (e.iset === 'A32') return decodeA32(word).encoding;
  if (e.iset === 'T16') return decodeThumb(word & 0xffff, -1).encoding;
  return decodeThumb(word >>> 16, word & 0xffff).encoding;
}

export function randomInsn(iset: RisuISet, rng: Rng, accept: (e: Encoding) => boolean = () => true, vfp = false, vec?: VecConfig): Insn {
  const encs = eligibleEncodings(iset, vfp);
  if (encs.length === 0) throw new Error(`risu: no eligible encodings for ${iset}`);
  for (let tries = 0; tries < 10000; tries++) {
    const e = encs[rng.int(encs.length)]!;
    if (!accept(e)) continue;
    const f = vfp ? drawVfpFields(e, rng, vec) : drawFields(e, rng);
    if (!f) continue;
    let word: number;
    try { word = encodeFields(e, f); } catch { continue; }
    const back = decodeWord(e, word);
    if (!back || back.name !== e.name) continue; // a more specific encoding owns this word: skip
    if (vfp) {
      const pre = vfpPre(e, f, vec);
      return { encoding: e, fields: f, word, fixup: vfpNeedsFixup(e, f), ...(pre ? { pre } : {}) };
    }
    return { encoding: e, fields: f, word, fixup: needsFixup(e, f) };
  }
  throw new Error('risu: could not draw an instruction');
}

function initialState(rng: Rng): { regs: number[]; mem: number[]; offValue: number } {
  const regs: number[] = [];
  for (let i = 0; i < 13; i++) {
    const k = rng.int(8);
    // a mix of interesting values: small, boundary, random
    regs.push(k === 0 ? rng.int(64) : k === 1 ? [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x8000, 0x7fff][rng.int(7)]! >>> 0 : rng.u32());
  }
  const offValue = rng.chance(0.8) ? rng.int(8) * 8 : rng.int(64); // sometimes unaligned
  regs[R_BASE] = WINDOW_BASE;
  regs[R_OFF] = offValue;
  regs.push(rng.u32()); // lr
  regs.push((rng.u32() & 0xf80f0000) >>> 0); // NZCVQ, GE
  regs.push(0);
  const mem: number[] = [];
  for (let i = 0; i < WINDOW_WORDS; i++) mem.push(rng.u32());
  return { regs, mem, offValue };
}

export function generateSequence(iset: RisuISet, seed: number, index: number, length: number, vfp = false, vector = false): Sequence {
  if (vfp) return generateVfpSequence(iset, seed, index, length, vector);
  const sseed = sequenceSeed(seed, index);
  const rng = new Mulberry(sseed);
  const { regs, mem, offValue } = initialState(rng);
  const insns: Insn[] = [];
  // Mixed-size exclusive pairs (LDREXH then STREXB) are CONSTRAINED UNPREDICTABLE: one size per sequence.
  const exSizes = ['B', 'H', 'W', 'D'];
  const exSize = exSizes[rng.int(4)]!;
  const accept = (e: Encoding) => { const z = exclusiveSize(e); return z === '' || z === exSize; };
  const thumb = iset !== 'A32';
  for (let i = 0; i < length; i++) {
    if (thumb && i + 1 < length && rng.chance(IT_CHANCE)) {
      // an IT block: IT then 1-4 instructions that need no fixup (a fixup inside would be conditional)
      const n = Math.min(1 + rng.int(4), length - i - 1);
      const it = itInsn(rng, n);
      insns.push(it);
      for (let k = 0; k < n; k++) {
        let insn: Insn;
        let tries = 0;
        do { insn = randomInsn(iset, rng, accept); } while (insn.fixup && ++tries < 200);
        if (insn.fixup) throw new Error('risu: no fixup-free instruction for an IT block');
        insns.push(insn);
      }
      i += n;
      continue;
    }
    insns.push(randomInsn(iset, rng, accept));
  }
  return { index, seed: sseed, insns, regs, mem, offValue };
}

/** Probability that a VCMP{E} is followed by VMRS APSR_nzcv, FPSCR (VFP mode). */
export const VMRS_AFTER_VCMP = 0.5;

/**
 * A VFP-mode sequence: VFP instructions only (A32, or T32 with IT blocks), the D registers and
 * FPSCR seeded with special values; compares are often followed by VMRS APSR_nzcv.
 */
function generateVfpSequence(iset: RisuISet, seed: number, index: number, length: number, vector: boolean): Sequence {
  if (length > VFP_MAX_LENGTH) throw new Error(`risu: VFP sequences are at most ${VFP_MAX_LENGTH} instructions`);
  const sseed = sequenceSeed(seed, index);
  const rng = new Mulberry(sseed);
  const { regs, mem, offValue } = initialState(rng);
  const { vec, vfp, spValue, bigEndian } = vfpSequenceState(rng, vector, mem);
  const insns: Insn[] = [];
  const thumb = iset !== 'A32';
  const any = () => true;
  // In an IT block: no fixup or pre-instruction (they would be conditional), and nothing that can
  // fault (the handlers return without advancing ITSTATE, which would stretch the IT block)
  const simple = (i: Insn) => !i.fixup && !i.pre && !vfpMayFault(i.encoding, i.fields, spValue);
  while (insns.length < length) {
    const left = length - insns.length;
    if (thumb && left > 1 && rng.chance(IT_CHANCE)) {
      const n = Math.min(1 + rng.int(4), left - 1);
      insns.push(itInsn(rng, n));
      for (let k = 0; k < n; k++) {
        let insn: Insn;
        let tries = 0;
        do { insn = randomInsn(iset, rng, any, true, vec); } while (!simple(insn) && ++tries < 200);
        if (!simple(insn)) throw new Error('risu: no fixup-free VFP instruction for an IT block');
        insns.push(insn);
      }
      continue;
    }
    const traced = (i: Insn): Insn => ({ ...i, trace: rng.chance(0.75) ? 'clear' : 'keep' });
    const insn = randomInsn(iset, rng, any, true, vec);
    insns.push(traced(insn));
    if (/^VCMP/.test(insn.encoding.name) && insns.length < length && rng.chance(VMRS_AFTER_VCMP)) {
      insns.push(traced(vmrsApsr(insn.encoding, rng)));
    }
  }
  return { index, seed: sseed, insns, regs, mem, offValue, vfp, spValue, bigEndian };
}

/**
 * The VFP part of a sequence's initial state (drawn after initialState, the same for regression
 * replay). Half of the memory window's doublewords become special values too (for VLDR/VLDM).
 */
function vfpSequenceState(rng: Rng, vector: boolean, mem: number[]): {
  vec: VecConfig | undefined; vfp: VfpState; spValue: number; bigEndian: boolean;
} {
  for (let i = 0; i + 1 < mem.length; i += 2) {
    if (!rng.chance(0.5)) continue;
    if (rng.chance(0.5)) { mem[i] = value32(rng); mem[i + 1] = value32(rng); } else { const [hi, lo] = value64(rng); mem[i] = lo; mem[i + 1] = hi; }
  }
  const vec = vector ? randomVec(rng) : undefined;
  const vfp = vfpInitialState(rng, vec);
  const spValue = WINDOW_BASE + (rng.chance(0.08) ? 1 + rng.int(4) : 0);
  const bigEndian = rng.chance(0.1);
  return { vec, vfp, spValue, bigEndian };
}

/** VMRS APSR_nzcv, FPSCR in the instruction set of e (A32: usually unconditional). */
function vmrsApsr(e: Encoding, rng: Rng): Insn {
  const enc = (e.iset === 'A32' ? A32 : T32).find(x => x.name === 'VMRS')!;
  const f: Fields = e.iset === 'A32' ? { c: rng.chance(0.8) ? 14 : rng.int(15), r: 1, t: PC } : { r: 1, t: PC };
  return { encoding: enc, fields: f, word: encodeFields(enc, f), fixup: false };
}

/** Probability of starting an IT block at a position of a Thumb sequence. */
export const IT_CHANCE = 0.08;

/** IT <firstcond> for n instructions (random then/else pattern), as a T16 instruction. */
function itInsn(rng: Rng, n: number): Insn {
  const firstcond = rng.int(14); // EQ..LE (not AL)
  let mask = 1 << (4 - n);
  for (let b = 3; b > 4 - n; b--) mask |= rng.int(2) << b;
  const word = 0xbf00 | (firstcond << 4) | mask;
  const d = decodeThumb(word, -1);
  if (!d.encoding) throw new Error('risu: IT does not decode');
  return { encoding: d.encoding, fields: d.fields, word, fixup: false };
}

/**
 * A sequence of given instruction words (regression replay). A32: 32-bit words; Thumb: values
 * below 0x10000 are 16-bit instructions, others hw1:hw2. The initial state comes from stateSeed;
 * `regs` entries override registers (never R_BASE / R_OFF), `flags` the NZCVQ/GE word. No fixups
 * are inserted between the given instructions (only after the last one).
 */
export function sequenceFromWords(iset: RisuISet, words: readonly number[], stateSeed: number, index = 0,
  regs: Record<string, number> = {}, flags?: number, vfp?: VfpOverrides): Sequence {
  const rng = new Mulberry(stateSeed >>> 0);
  const st = initialState(rng);
  let vst: VfpState | undefined;
  let spValue: number | undefined, bigEndian = false;
  if (vfp) {
    const vs = vfpSequenceState(rng, vfp.vector ?? false, st.mem);
    const v = vs.vfp;
    spValue = vfp.sp !== undefined ? WINDOW_BASE + vfp.sp : vs.spValue;
    bigEndian = vfp.bigEndian ?? vs.bigEndian;
    const dregs = [...v.dregs];
    for (const [k, val] of Object.entries(vfp.regs ?? {})) {
      const m = /^([sd])(\d+)$/.exec(k);
      if (!m) throw new Error(`risu: bad VFP register ${k}`);
      const n = Number(m[2]);
      if (m[1] === 's') { if (n > 31) throw new Error(`risu: bad VFP register ${k}`); dregs[n] = Number(val) >>> 0; }
      else {
        if (n > 31) throw new Error(`risu: bad VFP register ${k}`);
        const b = BigInt.asUintN(64, BigInt(val));
        dregs[2 * n] = Number(b & 0xffffffffn); dregs[2 * n + 1] = Number(b >> 32n);
      }
    }
    vst = { dregs, fpscr: vfp.fpscr !== undefined ? Number(vfp.fpscr) >>> 0 : v.fpscr };
  }
  const vec = vst ? vecFromFpscr(vst.fpscr) : undefined;
  for (const [k, v] of Object.entries(regs)) {
    const r = k === 'lr' ? 13 : Number(k.replace(/^r/, ''));
    if (r === R_BASE || r === R_OFF) throw new Error(`risu: r${r} is reserved`);
    st.regs[r] = v >>> 0;
  }
  if (flags !== undefined) st.regs[14] = (flags & 0xf80f0000) >>> 0;
  let inIT = 0;
  const insns: Insn[] = words.map(w => {
    w = w >>> 0;
    const d = iset === 'A32' ? decodeA32(w) : w <= 0xffff ? decodeThumb(w, -1) : decodeThumb(w >>> 16, w & 0xffff);
    if (!d.encoding) throw new Error(`risu: word ${hex8(w)} does not decode (${iset})`);
    const pre = vfp ? vfpPre(d.encoding, d.fields, vec) : undefined;
    // VFP mode: FPSCR traced after every instruction outside IT blocks (flags kept as they are)
    const isIT = d.encoding.iset === 'T16' && (w & 0xff00) === 0xbf00 && (w & 15) !== 0;
    const trace = vfp && !isIT && inIT === 0;
    if (inIT > 0) inIT--;
    if (isIT) inIT = 4 - (31 - Math.clz32(w & -w & 15));
    return { encoding: d.encoding, fields: d.fields, word: w, fixup: false, ...(pre ? { pre } : {}), ...(trace ? { trace: 'keep' as const } : {}) };
  });
  return {
    index, seed: stateSeed >>> 0, insns, regs: st.regs, mem: st.mem, offValue: st.offValue,
    ...(vst ? { vfp: vst, spValue, bigEndian } : {}),
  };
}

/**
 * Regression replay in VFP mode: the VFP state drawn from the seed as generateSequence draws it
 * (stateSeed = the sequence seed reproduces a generated sequence's state), with these overrides.
 */
export interface VfpOverrides {
  /** The state was drawn for a short-vector sequence. */
  vector?: boolean;
  /** s0-s31 (32-bit values) or d0-d31 (64-bit values, as strings such as "0x7ff0000000000001"). */
  regs?: Record<string, string>;
  /** FPSCR as given (LEN/STRIDE included: a VMSR FPSCR keeps them). */
  fpscr?: string;
  /** SP = WINDOW_BASE + sp during the sequence. */
  sp?: number;
  bigEndian?: boolean;
}

/** Address of each instruction of a sequence, given the address of its first one (label insns_<i>). */
export function insnAddresses(seq: Sequence, start: number, thumb: boolean): number[] {
  const fix = fixupBytes(seq, thumb);
  const out: number[] = [];
  let a = start;
  for (const i of seq.insns) {
    if (i.pre) a += 4 * i.pre.length;
    out.push(a);
    a += i.encoding.iset === 'T16' ? 2 : 4;
    if (i.fixup) a += fix;
    if (i.trace) a += i.trace === 'clear' ? 16 : 8;
  }
  return out;
}

export function hex8(v: number): string { return (v >>> 0).toString(16).padStart(8, '0'); }

type DisasmModule = typeof import('../../armcore/disasm/index.js');
let disasm: DisasmModule | null = null;
let disasmError = '';

/** Load armada's disassembler (lazily, so a broken disassembler does not stop the tester). */
export async function loadDisassembler(): Promise<void> {
  if (disasm || disasmError) return;
  try { disasm = await import('../../armcore/disasm/index.js'); } catch (e) { disasmError = (e as Error).message; }
}

export function disassemble(insn: Insn, pc = 0): string {
  const e = insn.encoding;
  if (!disasm) return `<${e.name}${disasmError ? ': disassembler failed to load' : ''}>`;
  const cond = e.fields.has('c') && e.fieldWidth.get('c') === 4 ? disasm.condName(insn.fields['c']!) : '';
  try {
    return disasm.renderTemplate(e.asm, insn.fields, { pc, encoding: e, cond, inIT: false });
  } catch (err) {
    return `<disasm failed: ${(err as Error).message}>`;
  }
}

export function formatInsn(insn: Insn): string {
  const w = insn.encoding.iset === 'T16' ? (insn.word & 0xffff).toString(16).padStart(4, '0') :
    insn.encoding.iset === 'T32' ? `${(insn.word >>> 16).toString(16).padStart(4, '0')} ${(insn.word & 0xffff).toString(16).padStart(4, '0')}` :
      hex8(insn.word);
  return `${w.padEnd(10)} ${disassemble(insn).padEnd(40)} [${insn.encoding.iset} ${insn.encoding.name}, ${insn.encoding.group}]`;
}

// ---------------------------------------------------------------------------------------------
// Firmware source

function fixup(seq: Sequence): string[] {
  const lo = WINDOW_BASE & 0xffff, hi = WINDOW_BASE >>> 16;
  const spOff = (seq.spValue ?? WINDOW_BASE) - WINDOW_BASE;
  return [
    `\tmovw r${R_BASE}, #0x${lo.toString(16)}`,
    `\tmovt r${R_BASE}, #0x${hi.toString(16)}`,
    `\tmov sp, r${R_BASE}`,
    ...(spOff ? [`\tadd${seq.insns[0]?.encoding.iset === 'A32' ? '' : '.w'} sp, sp, #${spOff}`] : []),
    `\tmovw r${R_OFF}, #${seq.offValue}`,
  ];
}

/** Size of the fixup code (insnAddresses). */
function fixupBytes(seq: Sequence, thumb: boolean): number {
  const spOff = (seq.spValue ?? WINDOW_BASE) - WINDOW_BASE;
  return (thumb ? 14 : 16) + (spOff ? 4 : 0);
}

/**
 * Assembly source of an image running the given sequences. `thumb` selects the state the
 * sequences (and the driver) run in; the vectors, start-up and exception handlers are ARM.
 */
export function firmwareSource(seqs: readonly Sequence[], thumb: boolean): string {
  const L: string[] = [];
  const svc = thumb ? 'svc 0xab' : 'svc 0x123456';
  // VFP mode when the sequences carry VFP state: the FPU is enabled and D0-D31/FPSCR/FPEXC dumped
  const vfp = seqs.some(s => s.vfp !== undefined);
  L.push('\t.syntax unified', '\t.arch armv7-a');
  if (vfp) L.push('\t.fpu vfpv3');
  L.push('\t.text', '\t.arm', '\t.global _start', '_start:');
  // CPACR cp10/cp11 full access, then FPEXC.EN (the ISB makes the CPACR write visible to the VMSR)
  if (vfp) L.push('\tmrc p15, 0, r0, c1, c0, 2', '\torr r0, r0, #0xf00000', '\tmcr p15, 0, r0, c1, c0, 2', '\tisb',
    '\tmov r0, #0x40000000', '\tvmsr fpexc, r0');
  L.push('\tldr sp, =stack_top', '\tldr r0, =vectors', '\tmcr p15, 0, r0, c12, c0, 0');
  L.push('\tcps #0x1b', '\tldr sp, =und_stack', '\tcps #0x17', '\tldr sp, =abt_stack', '\tcps #0x13');
  L.push(`\tldr r0, =main${thumb ? '+1' : ''}`, '\tbx r0', '\t.ltorg');
  L.push('\t.balign 32', 'vectors:', '\tb .', '\tb und_handler', '\tb .', '\tb .', '\tb abt_handler', '\tb .', '\tb .', '\tb .');
  // Undefined instruction: record and skip (LR is the next instruction in both states).
  // LR_und is the instruction + 4 (ARM) or + 2 (Thumb, both sizes): step over a 32-bit Thumb one.
  L.push('und_handler:', '\tpush {r0-r3}', `\tldr r0, =0x${FAULT_AREA.toString(16)}`, '\tldr r1, [r0]', '\tadd r1, r1, #1',
    '\tstr r1, [r0]', '\tcmp r1, #1', '\tstreq lr, [r0, #20]', '\tmov r1, #1', '\tstr r1, [r0, #4]', '\tstr lr, [r0, #16]',
    '\tmrs r1, spsr', '\ttst r1, #0x20', '\tbeq 1f', '\tldrh r2, [lr, #-2]', '\tcmp r2, #0xe800', '\taddhs lr, lr, #2',
    '1:\tpop {r0-r3}', '\tmovs pc, lr');
  // Data abort: record DFSR/DFAR and skip the faulting instruction (2 or 4 bytes in Thumb).
  L.push('abt_handler:', '\tpush {r0-r3}', `\tldr r0, =0x${FAULT_AREA.toString(16)}`, '\tldr r1, [r0]', '\tadd r1, r1, #1',
    '\tstr r1, [r0]', '\tcmp r1, #1', '\tstreq lr, [r0, #20]', '\tmov r1, #2', '\tstr r1, [r0, #4]', '\tmrc p15, 0, r1, c5, c0, 0', '\tstr r1, [r0, #8]',
    '\tmrc p15, 0, r1, c6, c0, 0', '\tstr r1, [r0, #12]', '\tstr lr, [r0, #16]',
    '\tsub lr, lr, #8', '\tmrs r1, spsr', '\ttst r1, #0x20', '\taddeq lr, lr, #4', '\tbeq 1f',
    '\tldrh r2, [lr]', '\tcmp r2, #0xe800', '\taddhs lr, lr, #4', '\taddlo lr, lr, #2',
    '1:\tpop {r0-r3}', '\tmovs pc, lr', '\t.ltorg');

  L.push(thumb ? '\t.thumb' : '\t.arm');
  if (thumb) L.push('\t.thumb_func');
  L.push('main:');
  for (const s of seqs) {
    L.push(`@ sequence ${s.index} (seed 0x${hex8(s.seed)})`);
    L.push(`\tldr r0, =seed_${s.index}`, '\tbl prepare', '\tldr r1, [r0, #56]', '\tmsr APSR_nzcvqg, r1',
      '\tldr lr, [r0, #52]', `\tldr sp, =0x${(s.spValue ?? WINDOW_BASE).toString(16)}`, thumb ? '\tldm.w r0, {r0-r12}' : '\tldm r0, {r0-r12}',
      ...(s.bigEndian ? ['\tsetend be'] : []), `insns_${s.index}:`);
    for (const i of s.insns) {
      if (i.pre) L.push(...i.pre);
      if (i.encoding.iset === 'A32') L.push(`\t.inst 0x${hex8(i.word)}`);
      else if (i.encoding.iset === 'T16') L.push(`\t.inst.n 0x${(i.word & 0xffff).toString(16)}`);
      else L.push(`\t.inst.w 0x${hex8(i.word)}`);
      if (i.fixup) L.push(...fixup(s));
      if (i.trace) {
        const k = s.insns.indexOf(i);
        L.push(`\tvmrs r${R_TRACE}, fpscr`, `\tstr${thumb ? '.w' : ''} r${R_TRACE}, [r${R_BASE}, #${TRACE_AREA - WINDOW_BASE + 4 * k}]`);
        if (i.trace === 'clear') L.push(`\tbic r${R_TRACE}, r${R_TRACE}, #0x9f`, `\tvmsr fpscr, r${R_TRACE}`);
      }
    }
    L.push('\tsetend le'); // a SETEND BE in the sequence would byte-swap the driver's literal loads
    L.push(...fixup(s));
    const off = DUMP_AREA - WINDOW_BASE;
    for (let r = 0; r <= 14; r++) L.push(`\tstr ${r === 13 ? 'sp' : r === 14 ? 'lr' : `r${r}`}, [r${R_BASE}, #${off + 4 * r}]`);
    L.push('\tmrs r0, apsr', `\tstr r0, [r${R_BASE}, #${off + 60}]`);
    if (vfp) L.push(`\tldr r0, =0x${VFP_DUMP_AREA.toString(16)}`, '\tvstmia r0!, {d0-d15}', '\tvstmia r0!, {d16-d31}',
      '\tvmrs r1, fpscr', '\tstr r1, [r0]', '\tvmrs r1, fpexc', '\tstr r1, [r0, #4]');
    L.push('\tldr sp, =stack_top', `\tmovw r0, #${s.index}`,
      '\tbl dump', '\tb 9f', '\t.ltorg', '9:');
  }
  L.push('\tmov r0, #0x18', '\tldr r1, =0x20026', `\t${svc}`, '\tb .', '\t.ltorg');

  // prepare: copy the seed's memory image into the window, clear the fault record and monitor.
  if (thumb) L.push('\t.thumb_func');
  L.push('prepare:', '\tadd r1, r0, #64', `\tldr r2, =0x${WINDOW_START.toString(16)}`, `\tmov r3, #${WINDOW_WORDS}`,
    '1:\tldr r12, [r1], #4', '\tstr r12, [r2], #4', '\tsubs r3, r3, #1', '\tbne 1b');
  // r1 now points at the VFP part of the seed: D0-D31, FPSCR
  if (vfp) L.push('\tvldmia r1!, {d0-d15}', '\tvldmia r1!, {d16-d31}', '\tldr r2, [r1]', '\tvmsr fpscr, r2',
    `\tldr r2, =0x${TRACE_AREA.toString(16)}`, `\tmov r3, #${VFP_MAX_LENGTH}`, '\tmov r12, #0', '5:\tstr r12, [r2], #4', '\tsubs r3, r3, #1', '\tbne 5b');
  L.push(
    `\tldr r2, =0x${FAULT_AREA.toString(16)}`, '\tmov r3, #0', '\tstr r3, [r2]', '\tstr r3, [r2, #4]', '\tstr r3, [r2, #8]',
    '\tstr r3, [r2, #12]', '\tstr r3, [r2, #16]', '\tstr r3, [r2, #20]', '\tsetend le', '\tclrex', '\tbx lr', '\t.ltorg');
  // dump: "S<index>:<state words>:<window words>\n" in hex through SYS_WRITE0.
  if (thumb) L.push('\t.thumb_func');
  L.push('dump:', '\tpush {r4-r6, lr}', '\tldr r2, =linebuf', '\tmov r12, #0x53', '\tstrb r12, [r2], #1',
    '\tmov r1, r0', '\tbl hexword', '\tmov r12, #0x3a', '\tstrb r12, [r2], #1',
    // registers (16 words at DUMP_AREA) then the fault record (5 words)
    `\tldr r4, =0x${DUMP_AREA.toString(16)}`, '\tmov r5, #16', '1:\tldr r1, [r4], #4', '\tbl hexword', '\tsubs r5, r5, #1', '\tbne 1b',
    `\tldr r4, =0x${FAULT_AREA.toString(16)}`, '\tmov r5, #6', '2:\tldr r1, [r4], #4', '\tbl hexword', '\tsubs r5, r5, #1', '\tbne 2b',
    '\tmov r12, #0x3a', '\tstrb r12, [r2], #1',
    `\tldr r4, =0x${WINDOW_START.toString(16)}`, `\tmov r5, #${WINDOW_WORDS}`, '3:\tldr r1, [r4], #4', '\tbl hexword', '\tsubs r5, r5, #1', '\tbne 3b');
  if (vfp) L.push('\tmov r12, #0x3a', '\tstrb r12, [r2], #1', `\tldr r4, =0x${VFP_DUMP_AREA.toString(16)}`, `\tmov r5, #${VFP_WORDS}`,
    '4:\tldr r1, [r4], #4', '\tbl hexword', '\tsubs r5, r5, #1', '\tbne 4b');
  L.push('\tmov r12, #10', '\tstrb r12, [r2], #1', '\tmov r12, #0', '\tstrb r12, [r2]',
    '\tmov r0, #4', '\tldr r1, =linebuf', `\t${svc}`, '\tpop {r4-r6, pc}', '\t.ltorg');
  if (thumb) L.push('\t.thumb_func');
  L.push('hexword:', '\tmov r3, #28', '1:\tlsr r12, r1, r3', '\tand r12, r12, #15', '\tadd r12, r12, #0x30', '\tcmp r12, #0x3a',
    '\tblt 2f', '\tadd r12, r12, #39', '2:\tstrb r12, [r2], #1', '\tsubs r3, r3, #4', '\tbpl 1b', '\tbx lr', '\t.ltorg');

  L.push('\t.data', '\t.balign 8');
  for (const s of seqs) {
    L.push(`seed_${s.index}:`);
    const words = [...s.regs, ...s.mem, ...(s.vfp ? [...s.vfp.dregs, s.vfp.fpscr, 0] : [])];
    for (let i = 0; i < words.length; i += 8) L.push('\t.word ' + words.slice(i, i + 8).map(w => '0x' + hex8(w)).join(', '));
  }
  L.push('\t.bss', '\t.balign 8', 'linebuf:', `\t.space ${16 + 8 * (STATE_WORDS + WINDOW_WORDS + VFP_WORDS) + 16}`,
    '\t.space 1024', 'und_stack:', '\t.space 1024', 'abt_stack:', '\t.space 4096', 'stack_top:', '');
  return L.join('\n');
}
