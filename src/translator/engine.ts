// The run loop: find or translate the block at the PC, run its closures, take exceptions and
// interrupts at block boundaries.
//
// Translated blocks are keyed by the physical address of their first instruction and the Thumb
// bit (physical, so remapping code never stales a block). Pages holding translated code are
// marked in the CPU; a write to such a page drops every block on it before it can run again.
// The translator issue grows this into the LRU-bounded cache with chaining and a hot tier.

import { type Cpu, GuestTrap, TrapKind } from '../armcore/cpu.js';
import { itAdvance } from './cond.js';
import { translateBlock, type Block } from './translate.js';
import type { TranslateOptions } from './types.js';

export type StopReason =
  | { kind: 'budget' }          // ran the instructions it was given
  | { kind: 'halted' }          // cpu.halted is set (semihosting exit, error)
  | { kind: 'wfi' };            // waiting for an interrupt with none pending

export interface EngineStats {
  blocks: number;
  translations: number;
  translatedInsns: number;
  invalidations: number;
  hits: number;
  misses: number;
}

/** Direct-mapped cache of recently run blocks by virtual PC, in front of the block map. */
const JUMP_CACHE_SIZE = 4096;
const JUMP_CACHE_MASK = JUMP_CACHE_SIZE - 1;

export class Engine {
  private readonly blocks = new Map<number, Block>();
  // Virtual-PC keyed, so it is cleared whenever virtual->physical mappings or blocks change.
  private readonly jumpCache: (Block | undefined)[] = new Array(JUMP_CACHE_SIZE).fill(undefined);
  private readonly pageBlocks = new Map<number, Block[]>();
  readonly stats: EngineStats = { blocks: 0, translations: 0, translatedInsns: 0, invalidations: 0, hits: 0, misses: 0 };

  constructor(readonly cpu: Cpu, readonly opts: TranslateOptions) {
    const prev = cpu.host.codeWritten;
    cpu.host.codeWritten = (pa, width) => { this.invalidatePhys(pa, width); prev?.(pa, width); };
    const prevFlush = cpu.host.tlbFlushed;
    cpu.host.tlbFlushed = () => { this.jumpCache.fill(undefined); prevFlush?.(); };
  }

  /** Drop every translated block on the physical page(s) touched by [pa, pa+len). */
  invalidatePhys(pa: number, len: number): void {
    const first = pa >>> 12, last = (pa + len - 1) >>> 12;
    this.jumpCache.fill(undefined);
    for (let p = first; p <= last; p++) {
      const list = this.pageBlocks.get(p);
      if (list) {
        for (const b of list) {
          if (this.blocks.get(b.key) === b) { this.blocks.delete(b.key); this.stats.invalidations++; }
        }
        this.pageBlocks.delete(p);
      }
      this.cpu.codePages[p] = 0;
    }
  }

  invalidateAll(): void {
    this.jumpCache.fill(undefined);
    this.blocks.clear();
    for (const p of this.pageBlocks.keys()) this.cpu.codePages[p] = 0;
    this.pageBlocks.clear();
  }

  private lookup(): Block {
    if (this.singleStep) return this.translateOne();
    const c = this.cpu;
    const pc = c.pc;
    const t = c.t as 0 | 1;
    const slot = (pc >>> 1) & JUMP_CACHE_MASK;
    if (c.it === 0) {
      const jb = this.jumpCache[slot];
      if (jb !== undefined && jb.pc === pc && jb.thumb === t) { this.stats.hits++; return jb; }
    }
    const pa = c.fetchPhys(pc);
    const key = (pa | t) | 0;
    if (c.it === 0) {
      const hit = this.blocks.get(key);
      if (hit !== undefined && hit.pc === pc) { this.stats.hits++; this.jumpCache[slot] = hit; return hit; }
    }
    this.stats.misses++;
    const b = translateBlock(c, pc, t, c.it, key, this.opts);
    this.stats.translations++;
    this.stats.translatedInsns += b.ops.length;
    if (b.cacheable) {
      this.blocks.set(key, b);
      this.jumpCache[slot] = b;
      for (let p = b.pageFirst; p <= b.pageLast; p++) {
        let list = this.pageBlocks.get(p);
        if (!list) { list = []; this.pageBlocks.set(p, list); }
        list.push(b);
        c.markCodePage(p);
      }
    }
    this.stats.blocks = this.blocks.size;
    return b;
  }

  /** When set, every block is one instruction and is not cached (tracing, tests, debugger). */
  singleStep = false;

  private translateOne(): Block {
    const c = this.cpu;
    return translateBlock(c, c.pc, c.t as 0 | 1, c.it, -1, this.opts, 1);
  }

  /** Execute exactly one instruction (or take one pending interrupt / trap). */
  step(): StopReason {
    const was = this.singleStep;
    this.singleStep = true;
    try { return this.run(1); } finally { this.singleStep = was; }
  }

  /** Run until `budget` more instructions have executed (checked at block ends) or a stop. */
  run(budget: number): StopReason {
    const c = this.cpu;
    const limit = c.icount + budget;
    while (c.icount < limit) {
      if (c.halted) return { kind: 'halted' };
      if ((c.fiqLine && !c.f) || (c.irqLine && !c.i)) {
        c.takeInterrupt(c.fiqLine && !c.f);
        if (this.singleStep) return { kind: 'budget' }; // a step is the interrupt entry alone
      } else if (c.waiting) {
        if (c.fiqLine || c.irqLine) c.waiting = false; // WFI wakes on a pending interrupt even if masked
        else return { kind: 'wfi' };
      }
      const b = this.lookup();
      const ops = b.ops;
      const n = ops.length;
      // Fall-through PC and ITSTATE are set before the ops run, so that an op which writes
      // them (a branch, an exception return restoring CPSR.IT) has the last word.
      c.pc = b.endPc;
      c.it = b.itAfter;
      let i = 0;
      try {
        for (; i < n; i++) ops[i]!(c);
        c.icount += n;
      } catch (err) {
        if (!(err instanceof GuestTrap)) throw err;
        const addr = b.pcs[i]! >>> 0;
        // The trapping instruction counts as executed: a guest that faults forever (vectors in
        // unmapped memory, say) still uses up its budget and stops.
        c.icount += i + 1;
        c.it = err.kind === TrapKind.Svc && b.thumb ? itAdvance(b.its[i]!) : b.its[i]!;
        c.takeTrap(err, addr, b.sizes[i]!);
      }
    }
    return c.halted ? { kind: 'halted' } : { kind: 'budget' };
  }
}
