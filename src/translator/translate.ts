// Block translation: decode each guest instruction once into a closure, up to the first
// instruction that may change control flow or state, the end of the guest page, or a size cap.

import { type Cpu, UNDEF, FSR_ALIGNMENT } from '../armcore/cpu.js';
import { extractFields, type Encoding, type Fields } from '../armcore/encoding.js';
import { A32_DECODER, T16_DECODER, T32_DECODER, isThumb32 } from '../armcore/isa/tables.js';
import { A32_HANDLERS, T16_HANDLERS, T32_HANDLERS } from './handlers/index.js';
import { conditional, itAdvance, itCond } from './cond.js';
import type { HandlerTable, Op, TContext, TranslateOptions } from './types.js';

export const MAX_BLOCK_INSNS = 64;

export interface Block {
  /** Cache key: physical address of the first instruction | Thumb bit. */
  readonly key: number;
  /** Virtual address of the first instruction. */
  readonly pc: number;
  readonly thumb: 0 | 1;
  readonly ops: Op[];
  /** Address of each instruction. */
  readonly pcs: Int32Array;
  /** Size of each instruction in bytes. */
  readonly sizes: Uint8Array;
  /** ITSTATE at each instruction (Thumb), for exceptions taken inside an IT block. */
  readonly its: Uint8Array;
  /** ITSTATE after the last instruction (when the block falls through). */
  readonly itAfter: number;
  /** Address after the last instruction: where a block that does not branch continues. */
  readonly endPc: number;
  /** Physical pages [first, last] the block's bytes occupy. */
  readonly pageFirst: number;
  readonly pageLast: number;
  /** False for blocks that must not be cached (started inside an IT block, or a fetch fault). */
  readonly cacheable: boolean;
}

const REG_FIELDS = ['d', 'n', 'm', 's', 't', 'a', 'u', 'h', 'l'];

function readsPcField(e: Encoding, f: Fields): boolean {
  for (const k of REG_FIELDS) {
    if (f[k] === 15 && e.fieldWidth.get(k) === 4) return true;
  }
  return false;
}

const undefinedOp: Op = () => { throw UNDEF; };

/** Decoded instruction: the encoding (undefined when nothing matches) and its fields. */
export interface Decoded {
  readonly encoding: Encoding | undefined;
  readonly fields: Fields;
  readonly word: number;
  readonly size: 2 | 4;
}

export function decodeA32(word: number): Decoded {
  const e = A32_DECODER.decode(word >>> 0);
  return { encoding: e, fields: e ? extractFields(e, word >>> 0) : {}, word: word >>> 0, size: 4 };
}

/** hw2 is ignored (may be -1) for a 16-bit instruction. */
export function decodeThumb(hw1: number, hw2: number): Decoded {
  if (isThumb32(hw1)) {
    const word = ((hw1 << 16) | (hw2 & 0xffff)) >>> 0;
    const e = T32_DECODER.decode(word);
    return { encoding: e, fields: e ? extractFields(e, word) : {}, word, size: 4 };
  }
  const e = T16_DECODER.decode(hw1);
  return { encoding: e, fields: e ? extractFields(e, hw1) : {}, word: hw1, size: 2 };
}

function handlersFor(e: Encoding): HandlerTable {
  return e.iset === 'A32' ? A32_HANDLERS : e.iset === 'T16' ? T16_HANDLERS : T32_HANDLERS;
}

/**
 * Translate one instruction into an op. Returns the op and the context (for ends/newIT).
 * Exported for the tests, which translate single instructions.
 */
export function translateInsn(d: Decoded, pc: number, thumb: 0 | 1, it: number, opts: TranslateOptions): { op: Op; x: TContext | null } {
  const e = d.encoding;
  // QEMU checks the condition before it finds a word unallocated: an UNDEFINED word whose
  // condition (A32 field, or the IT condition) fails is skipped like any other instruction.
  const undefCond = thumb ? itCond(it) : (d.word >>> 28);
  const undefinedHere = undefCond < 14 ? conditional(undefCond, undefinedOp) : undefinedOp;
  if (!e) return { op: undefinedHere, x: null };
  const handler = handlersFor(e)[e.name];
  if (!handler) {
    // An encoding in the table without a handler is a bug in armada, not the guest: say so loudly.
    throw new Error(`armada: no handler for ${e.iset} encoding ${e.name}`);
  }
  const f = d.fields;
  const hasCondField = e.fields.has('c') && e.fieldWidth.get('c') === 4;
  let cond = 14;
  if (hasCondField) cond = f['c']!;
  else if (thumb) cond = itCond(it);
  if (!thumb && hasCondField && cond === 15) return { op: undefinedOp, x: null };
  const itc = thumb ? itCond(it) : 14;
  const inIT = thumb === 1 && (it & 0xf) !== 0;
  const x: TContext = {
    pc: pc >>> 0, thumb, size: d.size, pcRead: (pc + (thumb ? 4 : 8)) >>> 0,
    inIT, lastInIT: inIT && (it & 0xf) === 8,
    cond, itCond: itc, word: d.word, encoding: e, opts,
    ends: false, readsPc: false, newIT: undefined, unconditional: false,
  };
  let op = handler(f, x);
  if (!op) return { op: undefinedHere, x: null };
  if (x.readsPc || readsPcField(e, f)) {
    const inner = op, pcv = x.pcRead | 0;
    op = c => { c.r[15] = pcv; inner(c); };
  }
  // A Thumb B<c> carries its own condition; inside an IT block it is UNPREDICTABLE (QEMU: UNDEF
  // for 16-bit, handled by the handler). Everything else takes the IT or A32 condition here.
  if (!x.unconditional) op = conditional(cond, op);
  return { op, x };
}

export function translateBlock(cpu: Cpu, pc: number, thumb: 0 | 1, itStart: number, key: number, opts: TranslateOptions,
  maxInsns = MAX_BLOCK_INSNS): Block {
  const ops: Op[] = [];
  const pcs: number[] = [];
  const sizes: number[] = [];
  const its: number[] = [];
  let addr = pc >>> 0;
  let it = thumb ? itStart : 0;
  let cacheable = it === 0;
  const firstPage = addr >>> 12;
  const pageFirst = cpu.fetchPhys(addr) >>> 12;
  let pageLast = pageFirst;
  if (!thumb && (pc & 2)) {
    // BX to ARM state with address bit 1 set: QEMU keeps the bit and the fetch takes a
    // prefetch abort (alignment), so do we.
    cpu.fetchFault.va = pc; cpu.fetchFault.fsr = FSR_ALIGNMENT;
    return faultBlock(cpu, key, pc, thumb);
  }

  for (let n = 0; n < maxInsns; n++) {
    if (n > 0 && (addr >>> 12) !== firstPage) break;
    let d: Decoded;
    if (thumb) {
      const hw1 = cpu.fetch(addr, 2);
      if (hw1 < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb); break; }
      let hw2 = -1;
      if (isThumb32(hw1)) {
        hw2 = cpu.fetch((addr + 2) >>> 0, 2);
        if (hw2 < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb); break; }
        const p2 = cpu.fetchPhys((addr + 2) >>> 0) >>> 12;
        if (p2 !== pageFirst) pageLast = p2;
      }
      d = decodeThumb(hw1, hw2);
    } else {
      const w = cpu.fetch(addr, 4);
      if (w < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb); break; }
      d = decodeA32(w);
    }
    const { op, x } = translateInsn(d, addr, thumb, it, opts);
    ops.push(op);
    pcs.push(addr | 0);
    sizes.push(d.size);
    its.push(it);
    addr = (addr + d.size) >>> 0;
    if (x === null) {
      // UNDEFINED ends the block. Under a failing IT condition it is skipped like any other
      // instruction, so the IT block goes on: advance ITSTATE (a taken UNDEF sets its own).
      if (thumb && it) it = itAdvance(it);
      break;
    }
    if (x.newIT !== undefined) it = x.newIT;
    else if (thumb && it) it = itAdvance(it);
    if (x.ends) break;
  }
  return {
    key, pc: pc >>> 0, thumb, ops, pcs: Int32Array.from(pcs), sizes: Uint8Array.from(sizes),
    its: Uint8Array.from(its), itAfter: it, endPc: addr, pageFirst, pageLast, cacheable,
  };
}

/** A block whose first instruction cannot be fetched: running it takes the prefetch abort. */
function faultBlock(cpu: Cpu, key: number, pc: number, thumb: 0 | 1): Block {
  const { va, fsr } = cpu.fetchFault;
  const op: Op = c => c.prefetchAbort(va, fsr);
  return {
    key, pc: pc >>> 0, thumb, ops: [op], pcs: Int32Array.of(pc | 0), sizes: Uint8Array.of(thumb ? 2 : 4),
    its: Uint8Array.of(0), itAfter: 0, endPc: pc >>> 0, pageFirst: -1, pageLast: -1, cacheable: false,
  };
}
