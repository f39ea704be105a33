// Random instruction sequences drawn from armada's encoding tables (risu-style), and the
// assembly source of the firmware that runs them and dumps the resulting state.

import { encodeFields, type Encoding, type Fields } from '../../armcore/encoding.js';
import { A32, T16, T32 } from '../../armcore/isa/tables.js';
import { decodeA32, decodeThumb } from '../../translator/translate.js';
import { drawFields, eligible, exclusiveSize, needsFixup, R_BASE, R_OFF, type Rng } from './constraints.js';

export type RisuISet = 'A32' | 'T16' | 'T32' | 'Thumb';

/** Memory layout shared with the firmware. */
export const WINDOW_START = 0x60400000;
export const WINDOW_BYTES = 1024;
export const WINDOW_WORDS = WINDOW_BYTES / 4;
export const WINDOW_BASE = WINDOW_START + WINDOW_BYTES / 2; // value of R_BASE and SP
export const DUMP_AREA = WINDOW_START + 0x600; // registers stored here (R_BASE + 0x400)
export const FAULT_AREA = WINDOW_START + 0x580; // [count, kind, DFSR, DFAR, last LR, first LR]
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
}

export interface Sequence {
  readonly index: number;
  readonly seed: number;
  readonly insns: Insn[];
  /** r0-r12, lr, cpsr (flags only), 0 */
  readonly regs: number[];
  readonly mem: number[];
  readonly offValue: number;
}

function pool(iset: RisuISet): Encoding[] {
  const list = iset === 'A32' ? A32 : iset === 'T16' ? T16 : iset === 'T32' ? T32 : [...T16, ...T32];
  return list.filter(eligible);
}

const POOLS = new Map<RisuISet, Encoding[]>();
export function eligibleEncodings(iset: RisuISet): Encoding[] {
  let p = POOLS.get(iset);
  if (!p) { p = pool(iset); POOLS.set(iset, p); }
  return p;
}

/** Decode a generated word with armada's decoder: the encoding it selects (or undefined). */
export function decodeWord(e: Encoding, word: number): Encoding | undefined {
  if (e.iset === 'A32') return decodeA32(word).encoding;
  if (e.iset === 'T16') return decodeThumb(word & 0xffff, -1).encoding;
  return decodeThumb(word >>> 16, word & 0xffff).encoding;
}

export function randomInsn(iset: RisuISet, rng: Rng, accept: (e: Encoding) => boolean = () => true): Insn {
  const encs = eligibleEncodings(iset);
  if (encs.length === 0) throw new Error(`risu: no eligible encodings for ${iset}`);
  for (let tries = 0; tries < 10000; tries++) {
    const e = encs[rng.int(encs.length)]!;
    if (!accept(e)) continue;
    const f = drawFields(e, rng);
    if (!f) continue;
    let word: number;
    try { word = encodeFields(e, f); } catch { continue; }
    const back = decodeWord(e, word);
    if (!back || back.name !== e.name) continue; // a more specific encoding owns this word: skip
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

export function generateSequence(iset: RisuISet, seed: number, index: number, length: number): Sequence {
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
  regs: Record<string, number> = {}, flags?: number): Sequence {
  const rng = new Mulberry(stateSeed >>> 0);
  const st = initialState(rng);
  for (const [k, v] of Object.entries(regs)) {
    const r = k === 'lr' ? 13 : Number(k.replace(/^r/, ''));
    if (r === R_BASE || r === R_OFF) throw new Error(`risu: r${r} is reserved`);
    st.regs[r] = v >>> 0;
  }
  if (flags !== undefined) st.regs[14] = (flags & 0xf80f0000) >>> 0;
  const insns: Insn[] = words.map(w => {
    w = w >>> 0;
    const d = iset === 'A32' ? decodeA32(w) : w <= 0xffff ? decodeThumb(w, -1) : decodeThumb(w >>> 16, w & 0xffff);
    if (!d.encoding) throw new Error(`risu: word ${hex8(w)} does not decode (${iset})`);
    return { encoding: d.encoding, fields: d.fields, word: w, fixup: false };
  });
  return { index, seed: stateSeed >>> 0, insns, regs: st.regs, mem: st.mem, offValue: st.offValue };
}

/** Address of each instruction of a sequence, given the address of its first one (label insns_<i>). */
export function insnAddresses(seq: Sequence, start: number, thumb: boolean): number[] {
  const fix = thumb ? 14 : 16;
  const out: number[] = [];
  let a = start;
  for (const i of seq.insns) {
    out.push(a);
    a += i.encoding.iset === 'T16' ? 2 : 4;
    if (i.fixup) a += fix;
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
  return [
    `\tmovw r${R_BASE}, #0x${lo.toString(16)}`,
    `\tmovt r${R_BASE}, #0x${hi.toString(16)}`,
    `\tmov sp, r${R_BASE}`,
    `\tmovw r${R_OFF}, #${seq.offValue}`,
  ];
}

/**
 * Assembly source of an image running the given sequences. `thumb` selects the state the
 * sequences (and the driver) run in; the vectors, start-up and exception handlers are ARM.
 */
export function firmwareSource(seqs: readonly Sequence[], thumb: boolean): string {
  const L: string[] = [];
  const svc = thumb ? 'svc 0xab' : 'svc 0x123456';
  L.push('\t.syntax unified', '\t.arch armv7-a', '\t.text', '\t.arm', '\t.global _start', '_start:');
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
      '\tldr lr, [r0, #52]', `\tldr sp, =0x${WINDOW_BASE.toString(16)}`, thumb ? '\tldm.w r0, {r0-r12}' : '\tldm r0, {r0-r12}',
      `insns_${s.index}:`);
    for (const i of s.insns) {
      if (i.encoding.iset === 'A32') L.push(`\t.inst 0x${hex8(i.word)}`);
      else if (i.encoding.iset === 'T16') L.push(`\t.inst.n 0x${(i.word & 0xffff).toString(16)}`);
      else L.push(`\t.inst.w 0x${hex8(i.word)}`);
      if (i.fixup) L.push(...fixup(s));
    }
    L.push('\tsetend le'); // a SETEND BE in the sequence would byte-swap the driver's literal loads
    L.push(...fixup(s));
    const off = DUMP_AREA - WINDOW_BASE;
    for (let r = 0; r <= 14; r++) L.push(`\tstr ${r === 13 ? 'sp' : r === 14 ? 'lr' : `r${r}`}, [r${R_BASE}, #${off + 4 * r}]`);
    L.push('\tmrs r0, apsr', `\tstr r0, [r${R_BASE}, #${off + 60}]`, '\tldr sp, =stack_top', `\tmovw r0, #${s.index}`,
      '\tbl dump', '\tb 9f', '\t.ltorg', '9:');
  }
  L.push('\tmov r0, #0x18', '\tldr r1, =0x20026', `\t${svc}`, '\tb .', '\t.ltorg');

  // prepare: copy the seed's memory image into the window, clear the fault record and monitor.
  if (thumb) L.push('\t.thumb_func');
  L.push('prepare:', '\tadd r1, r0, #64', `\tldr r2, =0x${WINDOW_START.toString(16)}`, `\tmov r3, #${WINDOW_WORDS}`,
    '1:\tldr r12, [r1], #4', '\tstr r12, [r2], #4', '\tsubs r3, r3, #1', '\tbne 1b',
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
    `\tldr r4, =0x${WINDOW_START.toString(16)}`, `\tmov r5, #${WINDOW_WORDS}`, '3:\tldr r1, [r4], #4', '\tbl hexword', '\tsubs r5, r5, #1', '\tbne 3b',
    '\tmov r12, #10', '\tstrb r12, [r2], #1', '\tmov r12, #0', '\tstrb r12, [r2]',
    '\tmov r0, #4', '\tldr r1, =linebuf', `\t${svc}`, '\tpop {r4-r6, pc}', '\t.ltorg');
  if (thumb) L.push('\t.thumb_func');
  L.push('hexword:', '\tmov r3, #28', '1:\tlsr r12, r1, r3', '\tand r12, r12, #15', '\tadd r12, r12, #0x30', '\tcmp r12, #0x3a',
    '\tblt 2f', '\tadd r12, r12, #39', '2:\tstrb r12, [r2], #1', '\tsubs r3, r3, #4', '\tbpl 1b', '\tbx lr', '\t.ltorg');

  L.push('\t.data', '\t.balign 8');
  for (const s of seqs) {
    L.push(`seed_${s.index}:`);
    const words = [...s.regs, ...s.mem];
    for (let i = 0; i < words.length; i += 8) L.push('\t.word ' + words.slice(i, i + 8).map(w => '0x' + hex8(w)).join(', '));
  }
  L.push('\t.bss', '\t.balign 8', 'linebuf:', `\t.space ${16 + 8 * (STATE_WORDS + WINDOW_WORDS) + 16}`,
    '\t.space 1024', 'und_stack:', '\t.space 1024', 'abt_stack:', '\t.space 4096', 'stack_top:', '');
  return L.join('\n');
}
