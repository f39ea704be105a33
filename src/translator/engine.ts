// The run loop and the translation cache: find or translate the block at the PC, run it (its
// closures, or its hot-tier compiled form), take exceptions and interrupts at block boundaries.
//
// The cache. Blocks live in an LRU (lru-cache) bounded in guest instructions. A block's key is
// everything that changes what its bytes mean:
//   - the physical address of its first instruction (so remapping never runs a stale block);
//   - the Thumb bit;
//   - ITSTATE at its first instruction (a block entered inside an IT block translates its
//     instructions under those conditions; keying on it lets such blocks be cached too).
// key = pa * 512 + ITSTATE * 2 + T: exact in a double (41 bits).
// The virtual PC is not in the key, but a block embeds it (PC-relative values, branch targets),
// so a hit whose virtual PC differs is retranslated and replaces the entry.
// Not in the key, because translation does not depend on it:
//   - privilege (mode): handlers check it when the op runs (MRS, CPS, LDRT...); fetch permission
//     is checked by fetchPhys() at lookup for the current level, and the virtual-PC caches in
//     front are per level: a jump cache each, and chain links tagged with the level;
//   - endianness (CPSR.E): instruction fetch is always little-endian on ARMv7 (SCTLR.IE = 0);
//     data accesses test CPSR.E when they run;
//   - semihosting and VFP: engine options, fixed for an engine's life.
//
// Lookup costs no Map access per instruction, nor usually per block: a block links to the
// blocks that followed it (chaining), a block that ends in a call remembers where its return
// landed (a small return-address stack), and a direct-mapped jump cache by virtual PC sits in
// front of the LRU. A followed link or cache entry must name a valid block at this PC, Thumb bit
// and ITSTATE, made under the current privilege level; after a TLB flush (a mapping may have
// changed) the next block is looked up, the jump caches and the return stack start empty, and
// only links within one page survive (Engine.relink).
//
// Invalidation. Translated bytes are marked per page and per 64-byte line in the CPU
// (markCode). Stores through the CPU TLB to such a page take a cheap mask test (Cpu.storeCodePage)
// and bus writes (slow path, semihosting, DMA, loader) a page test; a hit calls invalidatePhys(),
// which drops exactly the blocks overlapping the bytes written. A dropped block's ops are all
// replaced by a stop op, so when a store lands in the block being executed, the block ends right
// after the store and the next instruction is translated afresh (as QEMU does).
//
// Running a block calls its ops in order. When its last instruction is a plain branch (B, BL,
// BX Rm, conditional or not), the loop does that branch itself (Block.tailKind): one or two
// closure calls fewer per block, which is most of what the closure tier pays beyond the ops.
//
// The hot tier may compile a block together with the blocks its direct branches reach in its
// page (a region, hot/index.ts): the engine gives the compiler a lookup of cached blocks and its
// link generation, attributes a region's traps through the region's tables, and drops a region
// (recompiling its first block alone) when any member leaves the cache.
//
// Budgets. run(budget) executes exactly `budget` instructions unless something stops it earlier
// (a halt, WFI, an exit request): a block longer than what is left runs as a prefix. Interrupts
// are taken between blocks, so IRQ latency is at most one block; instruction counts at each
// interrupt depend only on the guest and its inputs.

import * as v8 from 'node:v8';
import { LRUCache } from 'lru-cache';
import { type Cpu, GuestTrap, Mode, TrapKind } from '../armcore/cpu.js';
import { condPassed, itAdvance } from './cond.js';
import { translateBlock, MAX_BLOCK_INSNS } from './translate.js';
import { compileHot, WARM_BUDGET, WARM_CALLS } from './hot/index.js';
import { BlockExit, TailKind, type Block, type HotCompiler, type HotFn, type HotMode, type HotOptions, type InsnInfo, type Op, type TranslateOptions } from './types.js';

// V8 optimizes a function that runs a long loop "on stack" (OSR): a second version entered at the
// loop from the unoptimized frame. For the hot tier's generated functions that version is
// markedly slower than the normally optimized one (its loop-carried guest registers start untyped,
// so V8 keeps them boxed and does their arithmetic in doubles), and every later call still starts
// in the unoptimized code and runs up to the loop before switching. Measured on intmix-arm after
// warm-up: 500-530 MIPS with OSR, 580-630 without. So OSR is off for the process, and every
// long-running loop of ours returns often enough for the next call to enter the normally
// optimized code: a hot-tier call runs at most HOT_CALL_MAX_INSNS instructions, and the board
// runs the engine in slices (board.ts ENGINE_SLICE_INSNS).
v8.setFlagsFromString('--no-use-osr');
/** At most this many instructions per call of a hot-tier function (see above). */
export const HOT_CALL_MAX_INSNS = 1 << 16;

export type StopReason =
  | { kind: 'budget' }          // ran the instructions it was given, or stopped by cpu.exitRequest
  | { kind: 'halted' }          // cpu.halted is set (semihosting exit, error)
  | { kind: 'wfi' };            // waiting for an interrupt with none pending

export interface EngineStats {
  /** Blocks in the cache now. */
  blocks: number;
  /** Guest instructions in the cached blocks now (what the bound counts). */
  cachedInsns: number;
  /** Block lookups served from the cache (chain, return stack, jump cache or LRU). */
  hits: number;
  /** Lookups that had to translate. */
  misses: number;
  translations: number;
  translatedInsns: number;
  /** Blocks dropped because guest memory under them was written. */
  invalidations: number;
  /** Blocks dropped to keep the cache within its bound. */
  evictions: number;
  /** Blocks compiled by the hot tier. */
  hotCompiles: number;
}

export interface EngineOptions {
  /** Bound of the block cache in guest instructions (env ARMADA_TB_CACHE_INSNS; at least MAX_BLOCK_INSNS). */
  tbCacheInsns?: number;
  /** Hot tier: off, force (every block on its first run), auto (by run count). Env ARMADA_HOT. */
  hot?: HotMode;
  /** Runs of a block after which auto mode compiles it. */
  hotThreshold?: number;
  /** Cap on instructions per block (default MAX_BLOCK_INSNS; 1 = one instruction per block, as a reference). */
  maxBlockInsns?: number;
}

/**
 * Default bound: 128 Ki guest instructions. Measured with straight-line blocks of five
 * instructions: about 630 bytes of host heap per cached instruction (closures and their
 * translation contexts, per-instruction records for the hot tier, block arrays), so about
 * 80 MiB when full, and no more however much code the guest runs (1 M instructions of code
 * through a 256 Ki bound: 158 MiB, as for 256 Ki without eviction). The integer benchmark
 * translates 3,300 instructions, the C test programs under 20,000.
 */
export const DEFAULT_TB_CACHE_INSNS = 128 * 1024;
/**
 * Runs before a block is compiled by the hot tier (env ARMADA_HOT_THRESHOLD). A new JS function
 * starts in V8's interpreter and is optimized only after many calls, so code that runs a few
 * thousand times is slower compiled than as closures: at 2,000, Linux's early init ran 2.2x
 * slower than with no hot tier at all, and the whole boot took 27.2 s against 21.2 s at 20,000.
 */
export const DEFAULT_HOT_THRESHOLD = 20_000;
/**
 * ... unless the block is hot now: it reached HOT_FAST_RUNS runs at a rate of at least one per
 * HOT_FAST_INSNS_PER_RUN instructions (a loop of the moment, not code the guest comes back to
 * now and then). That keeps the benchmarks' loops from running 20,000 times as closures first.
 */
export const HOT_FAST_RUNS = 2000;
export const HOT_FAST_INSNS_PER_RUN = 2000;

/** Direct-mapped cache of recently run blocks by virtual PC, in front of the LRU. */
const JUMP_CACHE_SIZE = 4096;
const JUMP_CACHE_MASK = JUMP_CACHE_SIZE - 1;
/** Runs between LRU touches of a block reached without a cache lookup. */
const LRU_TOUCH_PERIOD = 1024;
/** Distinct successors recorded per block that ends in an indirect jump (Block.succ). */
export const SUCC_MAX = 32;
/** Return-address stack depth (a power of two). */
const RAS_SIZE = 16;

// Stop reasons are returned often (every timer deadline): share them.
const STOP_BUDGET: StopReason = Object.freeze({ kind: 'budget' });
const STOP_HALTED: StopReason = Object.freeze({ kind: 'halted' });
const STOP_WFI: StopReason = Object.freeze({ kind: 'wfi' });

/** Thrown by the ops of a dropped block: the block stops before instruction i. */
const STOP_BLOCK = { stop: true };
const stopOp: Op = () => { throw STOP_BLOCK; };

let hotCompiler: HotCompiler = compileHot;

/** Replaces the hot-tier code generator (tests use stand-ins); null restores the built-in one. */
export function setHotCompiler(fn: HotCompiler | null): void {
  hotCompiler = fn ?? compileHot;
}

/** An ARMADA_* environment setting is malformed: the user's mistake, not armada's. */
export class EnvSettingError extends Error {
  override readonly name = 'EnvSettingError';
}

function envCount(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new EnvSettingError(`${name}=${v} is not a positive integer`);
  return n;
}

function envHotMode(): HotMode | undefined {
  const v = process.env['ARMADA_HOT'];
  if (v === undefined || v === '') return undefined;
  if (v === 'off' || v === 'force' || v === 'auto') return v;
  throw new EnvSettingError(`ARMADA_HOT=${v}: expected off, force or auto`);
}

export class Engine {
  private readonly lru: LRUCache<number, Block>;
  /** Cached blocks by physical page they occupy. */
  private readonly pages = new Map<number, Set<Block>>();
  // Virtual-PC keyed: one per privilege level (fetch permissions were checked for it), each
  // entry valid only while its tag is the mapping epoch it was filled in.
  private readonly jumpCaches: (Block | undefined)[][] = [0, 1].map(() => new Array(JUMP_CACHE_SIZE).fill(undefined));
  private readonly jcTags: Int32Array[] = [0, 1].map(() => new Int32Array(JUMP_CACHE_SIZE).fill(-1));
  private jumpCache = this.jumpCaches[0]!;
  private jcTag = this.jcTags[0]!;
  private readonly ras: (Block | null)[] = new Array(RAS_SIZE).fill(null);
  private rasTop = 0;
  /**
   * Chain links (Block.next0/next1/retNext) are tagged with the link generation they were made
   * under: epoch * 2 + privilege level (1 = User). The mapping epoch counts TLB flushes. Links
   * made under another epoch at the same level survive when they stay inside one page (relink):
   * a block entered under the current mapping implies the mapping of its own page, as in QEMU,
   * which chains translation blocks directly only within a page.
   */
  private epoch = 0;
  private linkGen = 0;
  /** Set by a mapping change: the next block is looked up, not reached through a link. */
  private forceLookup = false;
  /**
   * Changed by mapping and level changes and by blocks leaving the cache: hot-tier regions check
   * it before jumping between members after anything that may have changed those (HotOptions.gen).
   */
  private readonly gen = { v: 0 };
  /** Region members -> the blocks whose compiled region covers them (dropped with the member). */
  private readonly regionOwners = new Map<Block, Block[]>();
  /** Blocks that lost a region: recompiled as single blocks (no recompiles for code rewritten often). */
  private readonly noRegion = new WeakSet<Block>();
  private readonly hotOpts: HotOptions;
  readonly stats: EngineStats = {
    blocks: 0, cachedInsns: 0, hits: 0, misses: 0, translations: 0, translatedInsns: 0,
    invalidations: 0, evictions: 0, hotCompiles: 0,
  };
  readonly tbCacheInsns: number;
  readonly hotMode: HotMode;
  private readonly hotThreshold: number;
  private readonly hotFastRuns: number;
  private readonly maxBlockInsns: number;

  constructor(readonly cpu: Cpu, readonly opts: TranslateOptions, eopts: EngineOptions = {}) {
    this.tbCacheInsns = Math.max(MAX_BLOCK_INSNS, eopts.tbCacheInsns ?? envCount('ARMADA_TB_CACHE_INSNS') ?? DEFAULT_TB_CACHE_INSNS);
    this.hotMode = eopts.hot ?? envHotMode() ?? 'auto';
    this.hotThreshold = this.hotMode === 'off' ? Infinity
      : this.hotMode === 'force' ? 1 : Math.max(1, eopts.hotThreshold ?? envCount('ARMADA_HOT_THRESHOLD') ?? DEFAULT_HOT_THRESHOLD);
    // Off (threshold Infinity) means no early compiles either.
    this.hotFastRuns = this.hotThreshold === Infinity ? Infinity : Math.min(HOT_FAST_RUNS, this.hotThreshold);
    this.maxBlockInsns = Math.min(MAX_BLOCK_INSNS, Math.max(1, eopts.maxBlockInsns ?? MAX_BLOCK_INSNS));
    this.lru = new LRUCache<number, Block>({
      maxSize: this.tbCacheInsns,
      sizeCalculation: b => b.ops.length,
      dispose: (b, _key, reason) => {
        if (reason === 'evict') this.stats.evictions++;
        this.unlink(b);
      },
    });
    const prev = cpu.host.codeWritten;
    cpu.host.codeWritten = (pa, len) => { this.invalidatePhys(pa, len); prev?.(pa, len); };
    this.hotOpts = {
      translate: opts,
      gen: this.gen,
      lookup: (pc, like) => {
        const key = ((like.pageFirst * 4096 + (pc & 4095)) >>> 0) * 512 + like.thumb;
        const m = this.lru.peek(key);
        return m !== undefined && m.valid && m.pc === pc ? m : null;
      },
    };
    const prevFlush = cpu.host.tlbFlushed;
    cpu.host.tlbFlushed = () => { this.dropVirtualCaches(); prevFlush?.(); };
    const prevLevel = cpu.host.privilegeChanged;
    cpu.host.privilegeChanged = user => { this.selectLevel(user); prevLevel?.(user); };
  }

  /** Forget everything keyed by virtual address or linked across pages under old mappings. */
  private dropVirtualCaches(): void {
    this.epoch++;
    // From the CPU, not the last notification: reset and snapshot loads come through here.
    this.selectLevel(this.cpu.mode === Mode.USR);
    this.ras.fill(null);
    this.forceLookup = true;
  }

  /** User mode entered or left (or a flush): links and the jump cache of that level apply from now on. */
  private selectLevel(user: boolean): void {
    const pl = user ? 1 : 0;
    this.linkGen = this.epoch * 2 + pl;
    this.jumpCache = this.jumpCaches[pl]!;
    this.jcTag = this.jcTags[pl]!;
    // A region's member jumps run without lookups: one after a level or mapping change stops.
    this.gen.v++;
  }

  /**
   * Bring a block's links to the current link generation: under another level none survive;
   * under an earlier epoch of this level, those to valid blocks in the same page do.
   */
  private relink(b: Block): void {
    if (((b.linkGen ^ this.linkGen) & 1) === 0 && b.pageFirst === b.pageLast) {
      b.next0 = Engine.inPageOf(b, b.next0);
      b.next1 = Engine.inPageOf(b, b.next1);
      b.retNext = Engine.inPageOf(b, b.retNext);
    } else {
      b.next0 = b.next1 = b.retNext = null;
    }
    b.linkGen = this.linkGen;
  }

  /** x when it is a valid block wholly in b's virtual and physical page, else null. */
  private static inPageOf(b: Block, x: Block | null): Block | null {
    return x !== null && x.valid && x.pageFirst === b.pageFirst && x.pageLast === b.pageFirst && ((x.pc ^ b.pc) >>> 12) === 0 ? x : null;
  }

  /** Remember nb as one of the blocks seen after b (Block.succ), while there is room. */
  private static recordSuccessor(b: Block, nb: Block): void {
    const list = b.succ ??= [];
    if (list.length >= SUCC_MAX || list.includes(nb)) return;
    for (let k = 0; k < list.length; k++) if (!list[k]!.valid) { list[k] = nb; return; }
    list.push(nb);
  }

  /** A block leaves the cache (invalidated, evicted, replaced): it must never run again. */
  private unlink(b: Block): void {
    b.valid = false;
    b.itStart = -1; // links to it now fail their check (Block.itStart)
    // A dropped block may be the one running (a store into its own code): its remaining ops stop.
    b.ops.fill(stopOp);
    // Links from other blocks may keep it reachable for a while: let its closures go now.
    (b.insns as InsnInfo[]).length = 0;
    // A dropped region head leaves its members' owner lists (else a long session that keeps
    // recompiling a head around a long-lived member would keep every dropped head alive there).
    if (b.hot !== null && b.hot.members !== undefined) {
      for (const m of b.hot.members) {
        const list = this.regionOwners.get(m);
        if (list === undefined) continue;
        const k = list.indexOf(b);
        if (k >= 0) list.splice(k, 1);
        if (list.length === 0) this.regionOwners.delete(m);
      }
    }
    b.hot = null;
    b.next0 = b.next1 = b.retNext = null;
    b.succ = null;
    // Links to it from other blocks are checked against Block.valid when followed.
    this.gen.v++;
    const owners = this.regionOwners.get(b);
    if (owners !== undefined) {
      this.regionOwners.delete(b);
      for (const o of owners) {
        if (o.hot === null || o.hot.members === undefined || !o.hot.members.includes(b)) continue;
        o.hot = null;
        if (!o.valid) continue;
        // Compile it again on its next run, without a region.
        this.noRegion.add(o);
        o.hotTried = false;
        o.nextEvent = o.runs + 1;
      }
    }
    const slot = (b.pc >>> 1) & JUMP_CACHE_MASK;
    for (const jc of this.jumpCaches) if (jc[slot] === b) jc[slot] = undefined;
    this.stats.cachedInsns -= b.ops.length;
    for (let k = 0; k < 2; k++) {
      // its one or two physical pages (a block's second page need not follow its first)
      const p = k === 0 ? b.pageFirst : b.pageLast;
      if (k === 1 && p === b.pageFirst) break;
      const set = this.pages.get(p);
      if (!set) continue;
      set.delete(b);
      if (set.size === 0) {
        this.pages.delete(p);
        this.cpu.unmarkCodePage(p);
      } else {
        this.cpu.codeMask(p).fill(0);
        for (const o of set) this.markBlock(o, p);
      }
    }
  }

  /** Mark the bytes of block b that lie in physical page p as code. */
  private markBlock(b: Block, p: number): void {
    const [s, e] = Engine.rangeIn(b, p);
    if (e > s) this.cpu.markCode(s, e - s);
  }

  /**
   * The physical bytes [start, end) of block b in page p, one of its pages. A block has two only
   * when a 32-bit Thumb instruction at its end crosses a page boundary; the second page holds
   * the bytes from its base to paEnd, wherever it lies.
   */
  private static rangeIn(b: Block, p: number): [number, number] {
    const base = p * 4096;
    if (b.pageFirst === b.pageLast) return [b.paStart, b.paEnd];
    return p === b.pageFirst ? [b.paStart, base + 4096] : [base, b.paEnd];
  }

  /** Whether block b's bytes in page p overlap [lo, hi). */
  private static overlaps(b: Block, p: number, lo: number, hi: number): boolean {
    const [s, e] = Engine.rangeIn(b, p);
    return s < hi && lo < e;
  }

  /** Drop every cached block overlapping physical bytes [pa, pa + len). */
  invalidatePhys(pa: number, len: number): void {
    if (len <= 0) return;
    const lo = pa >>> 0, hi = lo + len;
    const last = Math.min(hi - 1, 0xffffffff);
    let doomed: Block[] | null = null;
    for (let p = Math.floor(lo / 4096); p <= Math.floor(last / 4096); p++) {
      const set = this.pages.get(p);
      if (!set) continue;
      for (const b of set) if (Engine.overlaps(b, p, lo, hi)) (doomed ??= []).push(b);
    }
    if (doomed === null) return;
    for (const b of doomed) {
      if (!b.valid) continue;
      this.stats.invalidations++;
      if (this.lru.peek(b.key) === b) this.lru.delete(b.key); // dispose() unlinks
      else this.unlink(b);
    }
    this.stats.blocks = this.lru.size;
  }

  invalidateAll(): void {
    this.lru.clear();
    this.dropVirtualCaches();
    this.stats.blocks = 0;
  }

  /** Find or translate the block at the CPU's PC (Thumb bit, ITSTATE). */
  private lookup(): Block {
    const c = this.cpu;
    const pc = c.pc, t = c.t, it = c.it;
    const slot = (pc >>> 1) & JUMP_CACHE_MASK;
    const jb = this.jumpCache[slot];
    if (jb !== undefined && this.jcTag[slot] === this.epoch && jb.pc === pc && jb.thumb === t && jb.itStart === it) {
      this.stats.hits++;
      return jb;
    }
    const pa = c.fetchPhys(pc);
    const key = pa < 0 ? -1 : (pa >>> 0) * 512 + it * 2 + t;
    if (key >= 0) {
      const hit = this.lru.get(key);
      if (hit !== undefined && hit.pc === pc) { this.stats.hits++; this.jumpCache[slot] = hit; this.jcTag[slot] = this.epoch; return hit; }
    }
    this.stats.misses++;
    const b = translateBlock(c, pc, t as 0 | 1, it, key, this.opts, this.maxBlockInsns);
    const s = this.stats;
    s.translations++;
    s.translatedInsns += b.ops.length;
    if (b.cacheable && key >= 0) {
      this.lru.set(key, b);
      s.cachedInsns += b.ops.length;
      for (let k = 0; k < 2; k++) {
        const p = k === 0 ? b.pageFirst : b.pageLast;
        if (k === 1 && p === b.pageFirst) break;
        let set = this.pages.get(p);
        if (!set) { set = new Set(); this.pages.set(p, set); }
        set.add(b);
        this.markBlock(b, p);
      }
      this.jumpCache[slot] = b;
      this.jcTag[slot] = this.epoch;
      s.blocks = this.lru.size;
    }
    return b;
  }

  /** When set, a step that takes an interrupt executes nothing else (tracing, debugger). */
  private singleStep = false;

  /** Execute exactly one instruction (or take one pending interrupt / trap). */
  step(): StopReason {
    const was = this.singleStep;
    this.singleStep = true;
    try { return this.run(1); } finally { this.singleStep = was; }
  }

  /**
   * A block reached its next run-count event: the hot-tier threshold, or a periodic LRU touch
   * (blocks found through links and the jump cache do not touch the LRU on each run).
   */
  private blockEvent(b: Block): void {
    if (!b.hotTried) {
      if (b.runs === 1) b.firstRunAt = this.cpu.icount;
      // Hot now (HOT_FAST_RUNS runs, at least one per HOT_FAST_INSNS_PER_RUN instructions since its
      // first): compile early. Otherwise only at the threshold.
      const fast = b.runs >= this.hotFastRuns && this.cpu.icount - b.firstRunAt <= b.runs * HOT_FAST_INSNS_PER_RUN;
      if (fast || b.runs >= this.hotThreshold) this.compileHot(b);
    }
    if (b.cacheable) this.lru.get(b.key);
    b.nextEvent = b.runs + LRU_TOUCH_PERIOD;
    if (!b.hotTried) {
      if (this.hotThreshold < b.nextEvent) b.nextEvent = this.hotThreshold;
      if (b.runs < this.hotFastRuns && this.hotFastRuns < b.nextEvent) b.nextEvent = this.hotFastRuns;
    }
  }

  /** Compile a block with the hot tier (called once per block, at its threshold). */
  private compileHot(b: Block): void {
    b.hotTried = true;
    if (!b.cacheable) return;
    const fn = hotCompiler(b, this.cpu, this.noRegion.has(b) ? { translate: this.opts } : this.hotOpts);
    if (fn === null) return;
    b.hot = fn;
    b.hotWarm = WARM_CALLS;
    this.stats.hotCompiles++;
    if (fn.members !== undefined) {
      for (const m of fn.members) {
        if (m === b) continue;
        const list = this.regionOwners.get(m);
        if (list === undefined) this.regionOwners.set(m, [b]); else list.push(b);
      }
    }
  }

  /**
   * Run exactly `budget` more instructions, or fewer if the CPU halts, waits for an interrupt,
   * or cpu.exitRequest is set (checked between blocks; cleared on return).
   */
  run(budget: number): StopReason {
    const c = this.cpu;
    const stats = this.stats;
    const limit = c.icount + budget;
    // Block running and instruction index, read by the trap handler.
    let b: Block | null = null;
    let i = 0;
    let inHot = false;
    let hf: HotFn | null = null;
    let prev: Block | null = null;
    for (;;) {
      try {
        for (;;) {
          const left = limit - c.icount;
          if (left <= 0) return c.halted ? STOP_HALTED : STOP_BUDGET;
          if (c.halted) return STOP_HALTED;
          if ((c.fiqLine && !c.f) || (c.irqLine && !c.i)) {
            c.takeInterrupt(c.fiqLine && !c.f);
            prev = null;
            if (this.singleStep) return STOP_BUDGET; // a step is the interrupt entry alone
          } else if (c.waiting) {
            if (c.fiqLine || c.irqLine) c.waiting = false; // WFI wakes on a pending interrupt even if masked
            else return STOP_WFI;
          }
          if (c.exitRequest) { c.exitRequest = false; return STOP_BUDGET; }

          // Find the next block: chained successor, predicted return, or lookup.
          let nb: Block | null = null;
          if (prev !== null && !this.forceLookup) {
            if (prev.linkGen !== this.linkGen) this.relink(prev);
            const pc = c.pc, t = c.t, it = c.it;
            let cand: Block | null = prev.next0;
            if (cand !== null && cand.pc === pc && cand.thumb === t && cand.itStart === it) nb = cand;
            else {
              cand = prev.next1;
              if (cand !== null && cand.pc === pc && cand.thumb === t && cand.itStart === it) nb = cand;
            }
            if (nb === null && prev.exit === BlockExit.Return) {
              const caller = this.ras[this.rasTop & (RAS_SIZE - 1)];
              if (caller !== null && caller.linkGen === this.linkGen) {
                cand = caller.retNext;
                if (cand !== null && cand.pc === pc && cand.thumb === t && cand.itStart === it) nb = cand;
              }
            }
            if (nb !== null) stats.hits++;
          }
          if (nb === null) {
            nb = this.lookup();
            this.forceLookup = false;
            if (prev !== null && nb.cacheable) {
              if (prev.linkGen !== this.linkGen) { prev.linkGen = this.linkGen; prev.next0 = nb; prev.next1 = null; prev.retNext = null; }
              else if (prev.next0 === null || !prev.next0.valid) prev.next0 = nb;
              else prev.next1 = nb;
              if (prev.tailKind !== TailKind.Branch && prev.tailKind !== TailKind.BranchLink && prev.exit === BlockExit.Plain && prev.hot === null) {
                Engine.recordSuccessor(prev, nb);
              }
              if (prev.exit === BlockExit.Return) {
                const caller = this.ras[this.rasTop & (RAS_SIZE - 1)];
                if (caller !== null && caller.linkGen === this.linkGen && caller.endPc === c.pc) caller.retNext = nb;
              }
            }
          }
          if (prev !== null) {
            if (prev.exit === BlockExit.Return) { this.ras[this.rasTop & (RAS_SIZE - 1)] = null; this.rasTop--; }
          }
          b = nb;
          if (b.exit === BlockExit.Call && b.cacheable) {
            if (b.linkGen !== this.linkGen) this.relink(b);
            this.ras[++this.rasTop & (RAS_SIZE - 1)] = b;
          }

          if (++b.runs >= b.nextEvent) this.blockEvent(b);
          const ops = b.ops;
          const n = ops.length;
          if (n > left) {
            // Exact budget: run the first `left` instructions; none of them writes the PC.
            c.pc = b.pcs[left]! >>> 0;
            c.it = b.its[left]!;
            for (i = 0; i < left; i++) ops[i]!(c);
            c.icount += left;
            prev = null;
            continue;
          }
          if (b.hot !== null) {
            inHot = true;
            hf = b.hot;
            let cap = left < HOT_CALL_MAX_INSNS ? left : HOT_CALL_MAX_INSNS;
            if (b.hotWarm > 0) { b.hotWarm--; if (cap > WARM_BUDGET) cap = WARM_BUDGET; }
            c.icount += hf(c, cap);
            inHot = false;
          } else {
            // Fall-through PC and ITSTATE are set before the ops run, so that an op which writes
            // them (a branch, an exception return restoring CPSR.IT) has the last word.
            c.pc = b.endPc;
            c.it = b.itAfter;
            const tk = b.tailKind;
            if (tk === TailKind.None) {
              for (i = 0; i < n; i++) ops[i]!(c);
            } else {
              // The last instruction is a plain branch: done here, without a closure call.
              const m = n - 1;
              for (i = 0; i < m; i++) ops[i]!(c);
              if (!b.valid) throw STOP_BLOCK; // a store dropped the block: the branch is refetched
              const tc = b.tailCond;
              if (tc === 14 || condPassed(c, tc)) {
                if (tk === TailKind.Bx) c.bxWritePC(c.r[b.tailReg]!);
                else {
                  if (tk === TailKind.BranchLink) c.r[14] = b.tailLink;
                  c.pc = b.tailTarget;
                }
              }
            }
            c.icount += n;
          }
          prev = b.cacheable ? b : null;
        }
      } catch (err) {
        prev = null;
        if (b === null) throw err;
        if (err === STOP_BLOCK) {
          if (inHot) throw new Error('armada: hot-tier code ran an op of a dropped block (use insns[k].op)');
          // The block was dropped (a store into its code): continue at instruction i, afresh.
          c.icount += i;
          c.pc = b.pcs[i]! >>> 0;
          c.it = b.its[i]!;
          continue;
        }
        if (!(err instanceof GuestTrap)) throw err;
        // A region attributes its traps through its own tables (HotFn.members).
        let pcs = b.pcs, its = b.its, sizes = b.sizes;
        if (inHot) {
          i = c.hotTrapIndex; inHot = false;
          if (hf !== null && hf.pcs !== undefined) { pcs = hf.pcs; its = hf.its!; sizes = hf.sizes!; }
        }
        const addr = pcs[i]! >>> 0;
        // The trapping instruction counts as executed: a guest that faults forever (vectors in
        // unmapped memory, say) still uses up its budget and stops.
        c.icount += i + 1;
        c.it = (err.kind === TrapKind.Svc || err.kind === TrapKind.Smc) && b.thumb ? itAdvance(its[i]!) : its[i]!;
        c.takeTrap(err, addr, sizes[i]!);
      }
    }
  }
}
