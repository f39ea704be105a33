// Block translation: decode each guest instruction once into a closure, up to the first
// instruction that may change control flow or state, the end of the guest page, or a size cap.

import { type Cpu, UNDEF, FSR_ALIGNMENT } from '../armcore/cpu.js';
import { extractFields, type Encoding, type Fields } from '../armcore/encoding.js';
import { A32_DECODER, T16_DECODER, T32_DECODER, isThumb32 } from '../armcore/isa/tables.js';
import { A32_HANDLERS, T16_HANDLERS, T32_HANDLERS } from './handlers/index.js';
import { conditional, itAdvance, itCond } from './cond.js';
import { BlockExit, TailKind, type Block, type HandlerTable, type InsnInfo, type Op, type TContext, type TranslateOptions } from './types.js';

export const MAX_BLOCK_INSNS = 64;

export type { Block } from './types.js';

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
export function translateInsn(d: Decoded, pc: number, thumb: 0 | 1, it: number, opts: TranslateOptions): { op: Op; x: TContext | null; inner?: Op } {
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
  const inner = op;
  if (x.readsPc || readsPcField(e, f)) {
    const pcv = x.pcRead | 0;
    op = c => { c.r[15] = pcv; inner(c); };
  }
  // A Thumb B<c> carries its own condition; inside an IT block it is UNPREDICTABLE (QEMU: UNDEF
  // for 16-bit, handled by the handler). Everything else takes the IT or A32 condition here.
  if (!x.unconditional) op = conditional(cond, op);
  return { op, x, inner };
}

/** Direct branches whose handler op only sets the PC (and LR): the run loop does them inline. */
const DIRECT_BRANCHES = new Set(['B', 'BL', 'B_T1', 'B_T2', 'B_T3', 'B_T4', 'BL_T1']);

/** What the run loop does in place of a block's last op (see Block.tailKind). */
interface Tail { kind: TailKind; cond: number; target: number; link: number; reg: number }
const NO_TAIL: Tail = { kind: TailKind.None, cond: 14, target: -1, link: -1, reg: -1 };

/**
 * Whether the last instruction of a block is a plain branch the run loop can do itself (saving
 * one or two closure calls per block). A direct branch's target and link value are read by
 * running its handler's op on a scratch object, so they come from the handler, not a copy of it.
 */
function tailOf(e: Encoding, f: Fields, x: TContext, inner: Op): Tail {
  if (!x.ends || x.unconditional) return NO_TAIL;
  if (DIRECT_BRANCHES.has(e.name)) {
    const scratch = { pc: -1, r: new Int32Array(16) };
    inner(scratch as unknown as Cpu);
    const links = e.name === 'BL' || e.name === 'BL_T1';
    if (scratch.pc < 0) return NO_TAIL;
    return { kind: links ? TailKind.BranchLink : TailKind.Branch, cond: x.cond, target: scratch.pc >>> 0, link: links ? scratch.r[14]! : -1, reg: -1 };
  }
  if ((e.name === 'BX' || e.name === 'BX_T1') && f['m'] !== 15) {
    return { kind: TailKind.Bx, cond: x.cond, target: -1, link: -1, reg: f['m']! };
  }
  return NO_TAIL;
}

/** Whether an instruction can write guest memory (conservative: unknown kinds count as yes). */
function mayStore(e: Encoding | undefined): boolean {
  if (!e) return false; // UNDEFINED: raises before touching memory
  const n = e.name;
  switch (e.group) {
    case 'dp': case 'media': return false;
    case 'mem': return /^(ST|PUSH|SWP|SRS)/.test(n);
    case 'vfp': return /^(VST|VPUSH)/.test(n);
    case 'ctl':
      // Branches, hints, barriers, status and coprocessor register moves never write memory;
      // SVC/HLT/BKPT (semihosting writes guest buffers), SRS and STC do.
      return !/^(B|CB|IT|NOP|YIELD|WFE|WFI|SEV|DBG|HINT|CPS|SETEND|MRS|MSR|DSB|DMB|ISB|UDF|MCR|MRC|CDP|LDC|CLREX|RFE)/.test(n);
    default: return true;
  }
}

/** The control-flow class of a block's last instruction (for the return predictor). */
function exitKind(e: Encoding | undefined, f: Fields): BlockExit {
  if (!e) return BlockExit.Plain;
  const n = e.name;
  if (/^BL(X|_|$)/.test(n)) return BlockExit.Call;
  if ((n === 'BX' || n === 'BX_T1') && f['m'] === 14) return BlockExit.Return;
  if (/^POP/.test(n)) return BlockExit.Return;
  if ((n === 'LDM' || n === 'LDM_T2') && f['n'] === 13) return BlockExit.Return;
  return BlockExit.Plain;
}

export function translateBlock(cpu: Cpu, pc: number, thumb: 0 | 1, itStart: number, key: number, opts: TranslateOptions,
  maxInsns = MAX_BLOCK_INSNS): Block {
  const ops: Op[] = [];
  const pcs: number[] = [];
  const sizes: number[] = [];
  const its: number[] = [];
  const insns: InsnInfo[] = [];
  let addr = pc >>> 0;
  let it = thumb ? itStart : 0;
  const firstPage = addr >>> 12;
  if (!thumb && (pc & 2)) {
    // BX to ARM state with address bit 1 set: QEMU keeps the bit and the fetch takes a
    // prefetch abort (alignment), so do we.
    cpu.fetchFault.va = pc; cpu.fetchFault.fsr = FSR_ALIGNMENT;
    return faultBlock(cpu, key, pc, thumb, it);
  }
  const paStart = cpu.fetchPhys(addr);
  if (paStart < 0) return faultBlock(cpu, key, pc, thumb, it);
  const pageFirst = paStart >>> 12;
  let pageLast = pageFirst;
  let paEnd = paStart;
  let last: { e: Encoding | undefined; f: Fields; tail: Tail } = { e: undefined, f: {}, tail: NO_TAIL };

  for (let n = 0; n < maxInsns; n++) {
    if (n > 0 && (addr >>> 12) !== firstPage) break;
    let d: Decoded;
    let end = ((paStart & ~0xfff) + (addr & 0xfff) + (thumb ? 2 : 4)) >>> 0;
    if (thumb) {
      const hw1 = cpu.fetch(addr, 2);
      if (hw1 < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb, it); break; }
      let hw2 = -1;
      if (isThumb32(hw1)) {
        hw2 = cpu.fetch((addr + 2) >>> 0, 2);
        if (hw2 < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb, it); break; }
        const pa2 = cpu.fetchPhys((addr + 2) >>> 0) >>> 0;
        if ((pa2 >>> 12) !== pageFirst) pageLast = pa2 >>> 12;
        end = (pa2 + 2) >>> 0;
      }
      d = decodeThumb(hw1, hw2);
    } else {
      const w = cpu.fetch(addr, 4);
      if (w < 0) { if (n === 0) return faultBlock(cpu, key, pc, thumb, it); break; }
      d = decodeA32(w);
    }
    const { op, x, inner } = translateInsn(d, addr, thumb, it, opts);
    paEnd = end;
    ops.push(op);
    pcs.push(addr | 0);
    sizes.push(d.size);
    its.push(it);
    const e = x === null ? undefined : d.encoding;
    insns.push({
      pc: addr, size: d.size, thumb, word: d.word, encoding: e, fields: e ? d.fields : {},
      cond: x ? x.cond : 14, itCond: thumb ? itCond(it) : 14, it, ends: x ? x.ends : true, op, mayStore: mayStore(e),
    });
    last = { e, f: d.fields, tail: e && x && inner ? tailOf(e, d.fields, x, inner) : NO_TAIL };
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
  const lastInfo = insns[insns.length - 1]!;
  return {
    key, pc: pc >>> 0, thumb, itStart: thumb ? itStart : 0, ops, pcs: Int32Array.from(pcs), sizes: Uint8Array.from(sizes),
    its: Uint8Array.from(its), itAfter: it, endPc: addr, paStart: paStart >>> 0, paEnd,
    pageFirst, pageLast, cacheable: true, insns,
    selfLoop: (last.tail.kind === TailKind.Branch && last.tail.target === (pc >>> 0)) && (thumb ? itStart === 0 : true),
    exit: lastInfo.ends ? exitKind(last.e, last.f) : BlockExit.Plain,
    tailKind: last.tail.kind, tailCond: last.tail.cond, tailTarget: last.tail.target, tailLink: last.tail.link, tailReg: last.tail.reg,
    valid: true, runs: 0, hot: null, hotTried: false, hotWarm: 0, nextEvent: 1, firstRunAt: 0, next0: null, next1: null, retNext: null, succ: null, linkGen: -1,
  };
}

/** A block whose first instruction cannot be fetched: running it takes the prefetch abort. */
function faultBlock(cpu: Cpu, key: number, pc: number, thumb: 0 | 1, it: number): Block {
  const { va, fsr } = cpu.fetchFault;
  const op: Op = c => c.prefetchAbort(va, fsr);
  const size = thumb ? 2 : 4;
  return {
    key, pc: pc >>> 0, thumb, itStart: it, ops: [op], pcs: Int32Array.of(pc | 0), sizes: Uint8Array.of(size),
    its: Uint8Array.of(it), itAfter: it, endPc: pc >>> 0, paStart: 0, paEnd: 0, pageFirst: -1, pageLast: -1,
    cacheable: false,
    insns: [{ pc: pc >>> 0, size, thumb, word: 0, encoding: undefined, fields: {}, cond: 14, itCond: 14, it, ends: true, op, mayStore: false }],
    selfLoop: false, exit: BlockExit.Plain,
    tailKind: TailKind.None, tailCond: 14, tailTarget: -1, tailLink: -1, tailReg: -1,
    valid: true, runs: 0, hot: null, hotTried: false, hotWarm: 0, nextEvent: 1, firstRunAt: 0, next0: null, next1: null, retNext: null, succ: null, linkGen: -1,
  };
}
