// What an instruction handler sees and returns.
//
// A handler receives the decoded fields of one instruction and a translation context, and returns
// a closure specialised on those fields (an Op), or null when the encoding is UNDEFINED. It never
// checks the condition: the translator wraps the op for that (no check for AL). It never handles
// a PC operand either: when a register field (letters d n m s t a u h l, 4 bits wide) is 15, or
// the handler sets ctx.readsPc, the translator stores the PC-read value in r[15] just before the
// op runs. Handlers that compute Align(PC, 4) (Thumb literal loads, ADR) use ctx.pc directly.

import type { Cpu } from '../armcore/cpu.js';
import type { Encoding, Fields } from '../armcore/encoding.js';

export type Op = (c: Cpu) => void;

export interface TranslateOptions {
  /** Trap SVC 0x123456 / SVC 0xAB / HLT 0xF000 / HLT 0x3C as semihosting calls. */
  readonly semihosting: boolean;
  /** Decode VFP instructions (VFPv3-D32). Off until the VFP group is complete: they are UNDEFINED. */
  readonly vfp?: boolean;
}

export interface TContext {
  /** Address of this instruction. */
  readonly pc: number;
  /** 0 for A32, 1 for Thumb. */
  readonly thumb: 0 | 1;
  /** Instruction size in bytes (4 for A32 and 32-bit Thumb, 2 for 16-bit Thumb). */
  readonly size: 2 | 4;
  /** The value an instruction reads for the PC: pc + 8 in A32, pc + 4 in Thumb. */
  readonly pcRead: number;
  /** Thumb: inside an IT block (16-bit data-processing forms then do not set flags). */
  readonly inIT: boolean;
  /** Thumb: the last instruction of an IT block (branches are allowed only there). */
  readonly lastInIT: boolean;
  /** Condition this instruction executes under (14 = always). */
  readonly cond: number;
  /** Thumb: the IT block's condition for this instruction (14 outside IT blocks). */
  readonly itCond: number;
  readonly word: number;
  readonly encoding: Encoding;
  readonly opts: TranslateOptions;
  /** Set by the handler when the op may write the PC or change mode/state: the block ends here. */
  ends: boolean;
  /** Set by the handler when the op reads r[15] although no register field is 15. */
  readsPc: boolean;
  /** Set by the IT instruction: the ITSTATE for the instructions that follow. */
  newIT: number | undefined;
  /** Set by the handler when the translator must not wrap the op in `cond` (the op decides). */
  unconditional: boolean;
}

export type Handler = (f: Fields, x: TContext) => Op | null;

/** A handler table for one instruction set, by encoding name. */
export type HandlerTable = Record<string, Handler>;

// ---------------------------------------------------------------- blocks and the hot tier
//
// The contract between the engine (engine.ts, translate.ts) and the hot-tier code generator
// (hot/). The engine owns blocks, the cache and the run loop; the code generator turns a block
// into a HotFn from what `Block.insns` records, and never touches the cache itself.

/** What the translator knew about one instruction of a block (for code generators). */
export interface InsnInfo {
  /** Virtual address of the instruction. */
  readonly pc: number;
  /** 2 or 4 bytes. */
  readonly size: 2 | 4;
  readonly thumb: 0 | 1;
  /** The instruction word (A32, or hw1:hw2 for 32-bit Thumb, or the halfword for 16-bit Thumb). */
  readonly word: number;
  /** The matched encoding, or undefined when the word is UNDEFINED (op then raises UNDEF). */
  readonly encoding: Encoding | undefined;
  /** Decoded fields of `encoding` (empty when undefined). */
  readonly fields: Fields;
  /** The condition the instruction executes under (14 = always); as TContext.cond. */
  readonly cond: number;
  /** Thumb: the IT block's condition for this instruction (14 outside IT blocks). */
  readonly itCond: number;
  /** ITSTATE before this instruction (what CPSR.IT holds if it traps). */
  readonly it: number;
  /** The handler said the op may write the PC or change mode/state (only the last can). */
  readonly ends: boolean;
  /** The op the closure tier runs (condition check and PC-read store included). */
  readonly op: Op;
  /**
   * The op may write guest memory (a store, STM, SWP, STREX, VSTR/VSTM, or anything the
   * translator cannot classify, which counts as a store). After such an op a generated block
   * must check `Block.valid` (see HotFn).
   */
  readonly mayStore: boolean;
}

/**
 * A compiled block. Called by the engine with the CPU at the block's first instruction
 * (c.pc === block.pc, c.t === block.thumb, c.it === block.itStart) and `budget` >= the block's
 * instruction count (the engine runs shorter prefixes in the closure tier itself).
 *
 * Normal return: the value is the number of guest instructions executed in this call; the engine
 * adds it to c.icount (the hot code must not). State on return is exactly what running the
 * block's ops in the closure tier that many instructions would leave: c.pc is the next
 * instruction (the branch target, or block.endPc on fall-through), c.it the ITSTATE for it,
 * every register and flag written back to `c`.
 *
 * Self-loops: a block whose last instruction branches to its own first instruction may run it
 * again in a JS loop, but only while all of these hold at the back edge:
 *   - the instructions run so far in this call + block.insns.length <= budget;
 *   - block.valid (a store may have invalidated it, see below);
 *   - !c.exitRequest (a device asked the run loop to stop, see Cpu.exitRequest);
 *   - no interrupt can be taken: !((c.irqLine && !c.i) || (c.fiqLine && !c.f)).
 * `hotLoopMayContinue(c, block)` below is that test (except the budget).
 *
 * Stores into code: after an instruction with `mayStore` the hot code checks block.valid; when
 * it became false the code must stop before the next instruction: write everything back, set
 * c.pc to the next instruction's address (insns[k+1].pc, or the branch target / endPc when k
 * was the last) and c.it to its ITSTATE (insns[k+1].it), and return the count executed so far.
 *
 * Guest traps: when an op (or inlined code) throws a GuestTrap at instruction k (0-based) of an
 * iteration, the hot code writes every cached register and flag back to `c`, adds to c.icount
 * the instructions of the iterations completed in this call (iterations * insns.length; not
 * the k instructions of the trapping iteration), sets c.hotTrapIndex = k, and rethrows the
 * same GuestTrap. The engine then counts k + 1 more instructions and takes the trap with
 * insns[k].pc, exactly as when the closure tier traps at op k. Anything but a GuestTrap is
 * rethrown unchanged (an armada bug; no state promise).
 */
export type HotFn = ((c: Cpu, budget: number) => number) & {
  /**
   * A region: the function also runs other cached blocks reached from this one by direct
   * branches within its page (`members`, this block first), without returning to the engine.
   * Its instruction indices (c.hotTrapIndex) then count through the members in order, and a
   * trap is attributed with `pcs`, `its` and `sizes`, the members' tables concatenated. The
   * engine drops the function when any member leaves the cache; the function itself stops at
   * a member boundary when `HotOptions.gen.v` changed during the call (see HotOptions).
   */
  members?: readonly Block[];
  pcs?: Int32Array;
  its?: Uint8Array;
  sizes?: Uint8Array;
};

/** Options the engine passes to the code generator (it may ignore them). */
export interface HotOptions {
  /** The translator's options the block was translated with. */
  readonly translate: TranslateOptions;
  /**
   * Regions: the cached, valid block starting at virtual address `pc` in the same physical page
   * as `like` (its Thumb bit, ITSTATE 0), or null. Absent: no regions.
   */
  readonly lookup?: (pc: number, like: Block) => Block | null;
  /**
   * Changes whenever a block leaves the cache or a virtual-to-physical mapping may have changed
   * (the engine's link generation): a region tests it at member boundaries after a slow-path
   * access or a closure.
   */
  readonly gen?: { readonly v: number };
}

/** Produces a HotFn for a block, or null when it declines (the closure tier keeps running it). */
export type HotCompiler = (block: Block, cpu: Cpu, opts: HotOptions) => HotFn | null;

/** How the hot tier is used: never, for every block on its first run, or by a run count. */
export type HotMode = 'off' | 'force' | 'auto';

/** A translated block, the unit of the cache. */
export interface Block {
  /** Cache key: see Engine (physical address of the first instruction, ITSTATE, Thumb bit). */
  readonly key: number;
  /** Virtual address of the first instruction. */
  readonly pc: number;
  readonly thumb: 0 | 1;
  /**
   * ITSTATE at the first instruction (0 outside IT blocks). Set to -1 when the block is dropped:
   * no CPU state has that ITSTATE, so the engine's link and jump-cache checks (PC, Thumb bit,
   * ITSTATE) fail for a dropped block without testing `valid`.
   */
  itStart: number;
  /** One closure per instruction, in order. */
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
  /** Physical address of the first byte, and one past the last byte (for invalidation). */
  readonly paStart: number;
  readonly paEnd: number;
  /**
   * The physical page of the first byte and of the last byte (-1 for a fault block). They differ
   * only when a 32-bit Thumb instruction ends the block across a page boundary, and the second
   * need not follow the first in physical memory.
   */
  readonly pageFirst: number;
  readonly pageLast: number;
  /** False for blocks that must not be cached (a fetch fault, single-step translations). */
  readonly cacheable: boolean;
  /** What a code generator needs per instruction (same length and order as ops). */
  readonly insns: readonly InsnInfo[];
  /** The last instruction branches back to the block's first one (a candidate JS loop). */
  readonly selfLoop: boolean;
  /** How the block ends, for the return-address predictor. */
  readonly exit: BlockExit;
  /**
   * Engine fast path: when not None, the run loop runs ops[0 .. n-2] and does the last
   * instruction (a plain branch) itself: if tailCond (14 = always) passes, Branch sets the PC to
   * tailTarget, BranchLink also sets LR to tailLink, Bx does BXWritePC(R[tailReg]). ops[n-1] and
   * insns[n-1].op still do the same, for prefixes and for code generators.
   */
  readonly tailKind: TailKind;
  readonly tailCond: number;
  readonly tailTarget: number;
  readonly tailLink: number;
  readonly tailReg: number;
  /**
   * Cleared when the block is invalidated or evicted: it must not run again. The engine then
   * also empties `insns`, replaces every op in `ops` by one that stops the block, and drops
   * `hot` (compiled code must have taken what it needs from insns when it was compiled).
   */
  valid: boolean;
  /** Times the engine has run the block (the hot tier's trigger). */
  runs: number;
  /** The compiled form, once compiled (null before, and when the compiler declined). */
  hot: HotFn | null;
  /** The compiler was asked already (do not ask again when it declined). */
  hotTried: boolean;
  /** Calls of `hot` left that get a small budget (hot/index.ts WARM_CALLS). */
  hotWarm: number;
  /** Engine bookkeeping: the run count at which the engine next looks at the block. */
  nextEvent: number;
  /** Engine bookkeeping: the CPU's instruction count at the block's first run. */
  firstRunAt: number;
  /**
   * Chaining: the successor blocks last seen after this one, with the engine's link generation
   * they were linked under (mapping epoch and privilege level; see Engine.relink).
   */
  next0: Block | null;
  next1: Block | null;
  /** For a block ending in a call: the block its return landed on last time. */
  retNext: Block | null;
  /**
   * For a block that ends without a direct branch or a call or return (a jump table, BX Rm, a
   * fall-through): the distinct blocks seen after it, up to SUCC_MAX, recorded by the engine on
   * link misses. Hot-tier regions take same-page ones in as members (hot/index.ts).
   */
  succ: Block[] | null;
  linkGen: number;
}

/** A block's last instruction when the run loop does it inline (see Block.tailKind). */
export const enum TailKind { None = 0, Branch = 1, BranchLink = 2, Bx = 3 }

/** Control-flow class of a block's last instruction. */
export const enum BlockExit {
  /** Falls through, or an ordinary branch. */
  Plain = 0,
  /** BL/BLX: a call (its return address is endPc). */
  Call = 1,
  /** BX LR, POP {..., pc}, LDM sp!, {..., pc}, LDR pc, [sp], #4: a return. */
  Return = 2,
}

/**
 * The back-edge test of a hot self-loop, besides the budget (see HotFn): the block is still
 * valid, nothing asked the run loop to stop, and no unmasked interrupt is pending.
 */
export function hotLoopMayContinue(c: Cpu, b: Block): boolean {
  return b.valid && !c.exitRequest && !((c.irqLine && !c.i) || (c.fiqLine && !c.f));
}
