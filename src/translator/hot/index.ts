// The hot tier: a block that runs often is compiled into one JavaScript function (new Function)
// with the guest registers it uses in locals, NZCV kept lazily (see emit.ts), conditions
// inlined, the common instructions emitted as source (ops.ts, a32.ts, thumb.ts) and every other
// instruction calling its closure with registers and flags spilled around the call. A block
// whose last instruction branches back to its first becomes a JS loop, with the budget, the
// block's validity and pending interrupts tested on the back edge.
//
// Regions. Entering a compiled block costs the run loop's bookkeeping and a call, with registers
// loaded and stored around it, and blocks are short (8-11 instructions entered on the integer
// bench). So a block that ends in a plain direct branch is compiled together with the cached
// blocks it reaches that way in the same page (the target, and the next block after a
// conditional branch; both ways of a CBZ/CBNZ), transitively, up to REGION_MAX_MEMBERS (more
// through a jump table) / REGION_MAX_INSNS: one function, `switch` over the members in a loop,
// registers in locals throughout. A member ending in an indirect jump (a jump table, BX Rm)
// brings in the same-page blocks the engine saw after it (Block.succ), and continues at whichever
// member c.pc then names. At a member boundary the flags are made concrete and the back-edge test of a self-loop
// is made (budget; after a slow-path access or a closure also the engine's link generation, stop
// requests, WFI or a halt, interrupts). Traps count instructions across the members
// (HotFn.members, pcs). A region never starts at a self-loop, but takes one in as an inner loop.
//
// The engine imports compileHot and calls the HotFn
// under the contract in ../types.ts (HotFn): that is where exits, traps and stores into code are
// specified. The generated code keeps to it:
//   - entry: c.pc = endPc (unless the block ends in an inline jump) and c.it = itAfter first, as
//     the closure tier does, so that a final closure that branches or restores CPSR.IT has the
//     last word;
//   - runs of consecutive closures share one spill and one reload (emit.ts fallback);
//   - blocks made mostly of closures are declined (hotConfig): the closure tier runs them faster;
//   - every exit materializes the flags, writes back the registers it changed and returns the
//     count; a store that invalidated the block stops before the next instruction;
//   - a GuestTrap at instruction k writes everything back, adds the completed iterations to
//     c.icount, sets c.hotTrapIndex = k and rethrows.

import { LRUCache } from 'lru-cache';
import { HOST_LITTLE_ENDIAN } from '../../armcore/bus.js';
import type { Cpu } from '../../armcore/cpu.js';
import { mulHiS, mulHiU } from '../sem/media.js';
import { BlockExit, TailKind, type Block, type HotFn, type HotOptions } from '../types.js';
import { Gen, FLAGS, MARK_SPILL, MARK_RELOAD, concreteState, type Flag, type FlagState, type EmitInfo } from './emit.js';
import { A32_EMITTERS, type BranchInfo, type Emitter } from './a32.js';
import { T16_EMITTERS, T32_EMITTERS } from './thumb.js';

/** What code generation produced for a block (exported for tests and statistics). */
export interface HotSource {
  readonly code: string;
  /** Instructions emitted inline / left to their closure. */
  readonly inline: number;
  readonly fallback: number;
  /** The block became a JS loop. */
  readonly loop: boolean;
}

const MARK_LOOP = '\u0000LOOP';
const MARK_EXIT = '\u0001';

function emitterFor(ins: Block['insns'][number]): Emitter | undefined {
  const e = ins.encoding;
  if (!e) return undefined;
  const table = e.iset === 'A32' ? A32_EMITTERS : e.iset === 'T16' ? T16_EMITTERS : T32_EMITTERS;
  return Object.prototype.hasOwnProperty.call(table, e.name) ? table[e.name] : undefined;
}

/** Generate the source of a block's HotFn (the body of a factory taking ops, blk, helpers). */
export function generateHot(block: Block, tlbSize = 1024, members: readonly Block[] = [block]): HotSource {
  // A region (several members) is emitted as a dispatch loop over its members; one member keeps
  // the single-block form (with its self-loop and lazy back-edge flags).
  const region = members.length > 1;
  const thumb = block.thumb;
  const g = new Gen();
  g.thumb = thumb;
  g.tlbMask = tlbSize - 1;
  g.flatRam = hotConfig.flatRam;
  const infos: EmitInfo[] = [];
  const kills: Set<Flag>[] = [];
  let inline = 0, fallback = 0;
  let loop = false;
  let loopState: FlagState | null = null;
  /** The last instruction is inline, unconditional and always writes c.pc itself. */
  let endsInJump = false;
  // Flag states at exits, turned into code once liveness is known (see flagAt below).
  const exits: FlagState[] = [];
  const exitMark = (state: FlagState) => { exits.push({ ...state }); return `${MARK_EXIT}${exits.length - 1}${MARK_EXIT}`; };

  /** Index of each member's first instruction in the region's concatenated instructions. */
  const offs: number[] = [];
  const starts = new Map<number, number>();
  let total = 0;
  for (let m = 0; m < members.length; m++) { offs.push(total); starts.set(members[m]!.pc >>> 0, m); total += members[m]!.insns.length; }
  /**
   * The test before jumping to member t: as a self-loop's back edge (types.ts HotFn), the budget;
   * after a slow-path access or a closure (sl) also the link generation (a member invalidated, a
   * mapping or level changed since the call began), stop requests, WFI or a halt, interrupts.
   */
  const memberGate = (t: number) => `n + ${members[t]!.insns.length} <= budget && (sl === 0 || (sl = 0, gb.v === g0 && ` +
    `!c.exitRequest && !c.waiting && c.halted === null && !((c.irqLine && !c.i) || (c.fiqLine && !c.f))))`;
  const infoMembers: number[] = [];
  const BK = region ? 'break L;' : 'break;';
  for (let m = 0; m < members.length; m++) {
  const mb = members[m]!;
  const insns = mb.insns;
  const N = insns.length;
  const off = offs[m]!;
  /** Line patched once the member's end is known: its fall-through PC, unless it always jumps. */
  let pcLine = -1;
  if (region) {
    g.closeRun();
    g.flags = concreteState();
    g.line(`case ${m}:`);
    pcLine = g.lines.length;
    g.line('');
  }
  for (let i = 0; i < N; i++) {
    const ins = insns[i]!;
    const last = i === N - 1;
    g.i = off + i; g.pc = ins.pc >>> 0; g.pcRead = (ins.pc + (thumb ? 4 : 8)) | 0;
    g.inIT = thumb === 1 && (ins.it & 0xf) !== 0; g.word = ins.word;
    g.info = { reads: new Set(), writes: new Set(), fallback: false };
    const emitter = emitterFor(ins);
    let done = false;
    let conditional = false;
    // Inline code needs the locals: close an open run of closures first (undone if it declines).
    const runWasOpen = g.inRun;
    const closeAt = g.lines.length;
    const closeLen = emitter ? g.closeRun() : 0;
    if (emitter) {
      // Snapshot everything an emitter may touch, to roll back when it declines.
      const snap = {
        flags: { ...g.flags }, lines: g.lines.length, used: g.used, dirty: g.dirty, hadTrap: g.trapStates.has(i),
        usesLoad: g.usesLoad, usesStore: g.usesStore, usesFlags: g.usesFlags,
      };
      const br: BranchInfo = { writesPc: false };
      conditional = ins.cond !== 14;
      const condExpr = conditional ? g.cond(ins.cond) : '';
      const bodyStart = g.lines.length;
      g.inCond = conditional;
      let ok: boolean;
      try { ok = emitter(g, ins.fields, br); } finally { g.inCond = false; }
      // A member's final direct branch (or CBZ/CBNZ, outside IT blocks): its target and test.
      const jump = !(ok && region && last) ? undefined
        : br.direct !== undefined ? { to: br.direct, test: conditional ? condExpr : '' }
        : br.onRegister !== undefined && !conditional ? { to: br.onRegister.target, test: br.onRegister.test }
        : undefined;
      if (jump !== undefined) {
        // A region member's final direct branch: to a member, a transfer inside the function;
        // elsewhere, an exit. The not-taken path of a conditional one likewise.
        g.lines.length = bodyStart;
        g.line(`n += ${N};`);
        const xfer = (to: number): string => {
          const t = starts.get(to >>> 0);
          const mat = g.materializeLines(FLAGS).join(' ');
          if (t === undefined) return `{ ${mat} c.pc = ${to >>> 0}; break L; }`;
          return `{ ${mat} if (${memberGate(t)}) { s = ${t}; continue L; } c.pc = ${to >>> 0}; break L; }`;
        };
        if (jump.test) g.line(`if (${jump.test}) ${xfer(jump.to)}`);
        g.line(jump.test ? xfer(mb.endPc) : xfer(jump.to));
        for (const f of FLAGS) g.info.reads.add(f);
        pcLine = -1;
        infos.push(g.info);
        infoMembers.push(m);
        kills.push(new Set());
        inline++;
        continue;
      }
      if (ok && br.direct !== undefined) {
        const target = br.direct >>> 0;
        if (!region && last && target === block.pc >>> 0 && block.itAfter === block.itStart) {
          loop = true;
          loopState = { ...g.flags };
          g.line(`n += ${N};`);
          // The back edge (types.ts HotFn): budget, then validity, stop requests and interrupts,
          // which only a slow-path access or a closure can change (sl marks those).
          g.line(`if (n + ${N} <= budget && (sl === 0 || (sl = 0, blk.valid && !c.exitRequest && !((c.irqLine && !c.i) || (c.fiqLine && !c.f))))) { ${MARK_LOOP} continue; }`);
          g.line(`c.pc = ${target}; ${exitMark(g.flags)} break;`);
        } else {
          g.branchConst(target);
        }
      }
      if (ok && last && !conditional && (br.direct !== undefined || (br.writesPc && !br.maybe))) endsInJump = true;
      if (ok && last && !conditional && br.writesPc && !br.maybe) pcLine = -1;
      if (ok && (br.writesPc || br.direct !== undefined) && !last) {
        throw new Error(`armada hot tier: a branch at ${ins.pc.toString(16)} is not the block's last instruction`);
      }
      if (ok) {
        if (conditional) {
          const body = g.lines.splice(bodyStart);
          const pre = g.materializeLines([...g.info.writes], snap.flags);
          g.lines.push(...pre, `if (${condExpr}) {`, ...body, '}');
          // Not executing keeps the old value: a conditional write also reads what it writes.
          for (const f of g.info.writes) g.info.reads.add(f);
        }
        done = true;
      } else {
        g.lines.length = snap.lines;
        g.flags = snap.flags;
        g.used = snap.used; g.dirty = snap.dirty;
        if (!snap.hadTrap) g.trapStates.delete(i);
        g.usesLoad = snap.usesLoad; g.usesStore = snap.usesStore; g.usesFlags = snap.usesFlags;
        g.info = { reads: new Set(), writes: new Set(), fallback: false };
        conditional = false;
      }
    }
    if (done) inline++;
    else {
      fallback++;
      if (runWasOpen && closeLen) { g.lines.splice(closeAt, closeLen); g.inRun = true; }
      g.fallback();
      // Before a possible exit (a store into this block, or the end), the locals must be current.
      if (ins.mayStore || last) g.closeRun();
    }
    infos.push(g.info);
    infoMembers.push(m);
    kills.push(done && !conditional ? new Set(g.info.writes) : new Set());
    if (ins.mayStore && !last) {
      // A store into this block's own code: stop before the next instruction (types.ts HotFn).
      const next = insns[i + 1]!;
      // Only a slow-path store (code pages never enter the write TLB) or a closure can do that.
      g.line(`if (sl !== 0 && !${region ? `m${m}` : 'blk'}.valid) { n += ${i + 1}; c.pc = ${next.pc >>> 0}; c.it = ${next.it}; ${exitMark(g.flags)} ${BK} }`);
    }
    if (last && region && mb.exit === BlockExit.Plain) {
      // No direct branch (a jump table, BX Rm, a fall-through): continue at the member that
      // starts where c.pc now points, if any, on the same terms as a direct jump between members
      // (and not after a closure that halted the CPU or entered WFI).
      const mat = g.materializeLines(FLAGS).join(' ');
      const cases = members.map((mm, t) => `case ${mm.pc >>> 0}: if (${memberGate(t)}) { s = ${t}; continue L; } break;`).join(' ');
      g.line(`n += ${N}; ${mat} if (c.t === ${thumb} && c.it === 0) switch (c.pc) { ${cases} }`);
      g.line(`${exitMark(g.flags)} ${BK}`);
    } else if (last) {
      g.line(`n += ${N}; ${exitMark(g.flags)} ${BK}`);
    }
  }
  if (pcLine >= 0) g.lines[pcLine] = `c.pc = ${mb.endPc >>> 0};`;
  }
  const N = total;

  // Flags live at the top of the block: what the back edge must make concrete. Real reads only
  // (conditions, carry-in, closures, conditional writes); the block's end reads everything. Trap
  // points and exits before a flag's first write do not count: they use the phi below.
  const live = new Set<Flag>(FLAGS);
  for (let i = N - 1; i >= 0; i--) {
    for (const f of kills[i]!) live.delete(f);
    for (const f of infos[i]!.reads) live.add(f);
  }
  /** A flag's value (0/1 expression) in `state`, seen at a trap point or an exit. */
  const flagAt = (f: Flag, state: FlagState): string => {
    const v = state[f];
    if (loop && loopState && !live.has(f) && v === g.top[f]) {
      // Still the loop-top value: the concrete local on the first iteration, and the previous
      // iteration's (unmaterialized) value after a back edge.
      return `(n > 0 ? ${loopState[f].num} : f${f})`;
    }
    return v.num;
  };
  const exitLines = (state: FlagState) => g.usesFlags
    ? FLAGS.map(f => { const e = flagAt(f, state); return e === `f${f}` ? '' : `f${f} = ${e};`; }).filter(Boolean).join(' ')
    : '';

  // Flags the block can change (inline writes, or a closure): only those are stored back.
  const written = FLAGS.filter(f => infos.some(x => x.fallback || x.writes.has(f)));

  // Assemble.
  const regsOf = (mask: number) => Array.from({ length: 15 }, (_, r) => r).filter(r => mask & (1 << r));
  const used = regsOf(g.used);
  const dirty = regsOf(g.dirty);
  const spill = dirty.map(r => `r[${r}] = r${r};`).join(' ');
  const tlbR = g.flatRam ? 'tRTag = c.tlbRTag, tRBase = c.tlbRBase' : 'tRTag = c.tlbRTag, tRView = c.tlbRView, tROff = c.tlbROff';
  const tlbW = g.flatRam ? 'tWTag = c.tlbWTag, tWBase = c.tlbWBase' : 'tWTag = c.tlbWTag, tWView = c.tlbWView, tWOff = c.tlbWOff';
  const tlb = [...(g.usesLoad ? [tlbR] : []), ...(g.usesStore ? [tlbW] : [])].join(', ');
  // A closure may switch the mode, and with it the TLB set (User / privileged).
  const reload = used.map(r => `r${r} = r[${r}];`).join(' ') + (tlb ? ` ${tlb};` : '');
  const loopFlags = loopState ? g.materializeLines([...live], loopState).join(' ') : '';
  const exitRe = new RegExp(`${MARK_EXIT}(\\d+)${MARK_EXIT}`);
  const body = g.lines.map(l => l === MARK_SPILL ? spill : l === MARK_RELOAD ? reload
    : l.includes(MARK_EXIT) || l.includes(MARK_LOOP)
      ? l.replace(MARK_LOOP, loopFlags).replace(exitRe, (_m, k: string) => exitLines(exits[Number(k)]!)) : l);

  const canThrow = g.trapStates.size > 0;
  const out: string[] = [];
  for (let i = 0; i < N; i++) if (infos[i]!.fallback) out.push(`const op${i} = ops[${i}];`);
  if (region) for (let m = 0; m < members.length; m++) out.push(`const m${m} = mems[${m}];`);
  out.push(`return function hot_${(block.pc >>> 0).toString(16)}${region ? `_r${members.length}` : ''}(c, budget) {`);
  out.push('const r = c.r;');
  if (used.length) out.push(`let ${used.map(r => `r${r} = r[${r}]`).join(', ')};`);
  if (g.usesFlags) out.push('let fN = c.n, fZ = c.z, fC = c.c, fV = c.v;');
  if (tlb) out.push(`let ${tlb};`);
  if (g.temps.length) out.push(`let ${g.temps.map(t => `${t} = 0`).join(', ')};`);
  out.push(canThrow ? 'let k = 0, n = 0, sl = 0;' : 'let n = 0, sl = 0;');
  if (region) out.push('let s = 0; const g0 = gb.v;');
  // The fall-through PC first, as the closure tier sets it (a final closure has the last word);
  // not needed when the block always ends in an inline jump (closures never read c.pc).
  if (!endsInJump && !region) out.push(`c.pc = ${block.endPc >>> 0};`);
  if (thumb) out.push(`c.it = ${block.itAfter};`);
  if (canThrow) out.push('try {');
  out.push(region ? 'L: for (;;) { switch (s) {' : 'for (;;) {');
  out.push(...body);
  out.push(region ? '} }' : '}');
  if (canThrow) {
  out.push('} catch (e) {');
  // Inside a run of closures the CPU already holds everything; elsewhere store flags and registers.
  out.push('switch (k) {');
  for (const [k, st] of g.trapStates) {
    // In a region, n counts the members completed; the engine adds k + 1 from the region's start.
    const back = region && offs[infoMembers[k]!]! > 0 ? ` n -= ${offs[infoMembers[k]!]!};` : '';
    if (g.runPoints.has(k)) { out.push(`case ${k}:${back} break;`); continue; }
    out.push(`case ${k}: ${written.map(f => `c.${f.toLowerCase()} = ${flagAt(f, st)};`).join(' ')} ${spill}${back} break;`);
  }
  out.push('}');
  out.push('c.icount += n; c.hotTrapIndex = k;');
  out.push('throw e;');
  out.push('}');
  }
  if (written.length) out.push(written.map(f => `c.${f.toLowerCase()} = f${f};`).join(' '));
  if (spill) out.push(spill);
  out.push('return n;');
  out.push('};');
  return { code: out.join('\n'), inline, fallback, loop };
}

// ARMADA_HOT_DUMP=<hex pc>[,<hex pc>...] prints the generated source of those blocks to stderr
// (for profiling: profiles name each compiled block hot_<pc>).
const DUMP = new Set((typeof process !== 'undefined' ? process.env['ARMADA_HOT_DUMP'] ?? '' : '')
  .split(',').filter(Boolean).map(h => parseInt(h, 16) >>> 0));

/** Tuning, measured on the bench (tests change it to compile every block). */
export const hotConfig = {
  /** Blocks with a smaller share of inline-emitted instructions stay in the closure tier. */
  minInlineShare: 0.5,
  /** Compile direct-branch successors in the same page into one function (regions). */
  regions: true,
  /**
   * Reach RAM through the bus's arena as typed arrays (Bus.ram8/16/32): only where the host
   * stores them little-endian, as the guest's data; else through DataViews (tests force both).
   */
  flatRam: HOST_LITTLE_ENDIAN,
};

/**
 * The engine gives a newly compiled function's first WARM_CALLS calls at most WARM_BUDGET
 * instructions (at least the longest block, which every call is guaranteed), so that its exit
 * paths run in V8's unoptimized tiers and leave type feedback before V8 optimizes it: optimized
 * code without feedback for them deoptimizes at the first return. Seen on intmix's interpreter
 * region with on-stack optimization: 1,924 deoptimizations of one function. The cap is the
 * engine's (Block.hotWarm), not a counter in the generated code: V8 allocates a function's
 * feedback only after its first few calls, so a counter's increment in the first calls left no
 * feedback, and every later board's first call deoptimized there (20 functions on intmix-thumb).
 */
export const WARM_CALLS = 8;
export const WARM_BUDGET = 256;

/** Region bounds: members, and instructions over all members (compile cost grows with both). */
export const REGION_MAX_MEMBERS = 8;
/**
 * Members a region may reach through a jump table (Block.succ): an interpreter's handlers. More
 * members by direct branches measured slower on the Linux boot (bigger functions to compile for
 * code that runs less), so only these may go past REGION_MAX_MEMBERS.
 */
export const REGION_MAX_MEMBERS_TABLE = 24;
export const REGION_MAX_INSNS = 160;

/**
 * The blocks a region starting at `block` covers: `block`, then (breadth first) the cached blocks
 * its members reach by a plain direct branch (Block.tailKind Branch: the target, and the next
 * block when the branch is conditional) or a final CBZ/CBNZ (both), or that the engine saw
 * follow a member ending in an indirect jump (Block.succ: a jump table, say), all in the same
 * page, outside IT blocks.
 */
export function regionMembers(block: Block, lookup: (pc: number, like: Block) => Block | null): Block[] {
  // A region never starts at a self-loop: alone, it is a tight JS loop with lazily materialized
  // flags, which a region's dispatch (all flags concrete at every member boundary) would slow
  // down. Reached from other members (an inner loop), it joins them: the engine entry per outer
  // iteration it saves costs more than its flags (intmix: 9.6 M entries down to 5.0 M).
  const fits = (b: Block) => b.valid && b.cacheable && b.thumb === block.thumb && b.itStart === 0 && b.itAfter === 0 &&
    b.pageFirst === block.pageFirst && b.pageLast === block.pageFirst && b.insns.length > 0;
  if (!fits(block) || block.selfLoop) return [block];
  const out = [block];
  const seen = new Set<number>([block.pc >>> 0]);
  let insns = block.insns.length;
  for (let q = 0; q < out.length; q++) {
    const b = out[q]!;
    let next: number[];
    let cap = REGION_MAX_MEMBERS;
    let cbz: number | undefined;
    if (b.tailKind === TailKind.Branch) next = b.tailCond === 14 ? [b.tailTarget] : [b.tailTarget, b.endPc];
    else if ((cbz = registerBranchTarget(b)) !== undefined) next = [cbz, b.endPc];
    else if (b.exit === BlockExit.Plain && b.succ !== null) { next = b.succ.filter(x => x.valid).map(x => x.pc); cap = REGION_MAX_MEMBERS_TABLE; }
    else continue;
    for (const pc of next) {
      const to = pc >>> 0;
      if (seen.has(to) || to >>> 12 !== block.pc >>> 12 || out.length >= cap) continue;
      seen.add(to);
      const m = lookup(to, block);
      if (m === null || !fits(m) || insns + m.insns.length > REGION_MAX_INSNS) continue;
      insns += m.insns.length;
      out.push(m);
    }
  }
  return out;
}

/** The target of a block's final CBZ/CBNZ (not in an IT block), else undefined. */
function registerBranchTarget(b: Block): number | undefined {
  const last = b.insns[b.insns.length - 1];
  const name = last?.encoding?.name;
  if (last === undefined || (name !== 'CBZ' && name !== 'CBNZ') || last.cond !== 14) return undefined;
  // Taken, on a scratch CPU: the target comes from the handler (as translate.ts tailOf does).
  const scratch = { pc: -1, r: new Int32Array(16).fill(name === 'CBZ' ? 0 : 1) };
  last.op(scratch as unknown as Cpu);
  return scratch.pc < 0 ? undefined : scratch.pc >>> 0;
}

type HotFactory = (...args: unknown[]) => HotFn;

/**
 * Factories by generated source, shared by every board in the process. The functions a factory
 * makes share its V8 feedback and optimized code, so a board that runs code another board (or an
 * earlier run) already made hot starts on V8's optimized code instead of its interpreter and
 * baseline tiers: a worker running the same firmware again, a farm's next test, a restored
 * snapshot. Bounded by source size (the factory's compiled code is about proportional).
 */
export const HOT_FACTORY_SOURCE_BOUND = 32 << 20;
const factories = new LRUCache<string, HotFactory>({ maxSize: HOT_FACTORY_SOURCE_BOUND, sizeCalculation: (_f, code) => code.length });
/** Factories made (new Function) and reused from `factories`, over the process. */
export const hotFactoryStats = { made: 0, reused: 0 };
/** Generated source held by the factory cache (bytes, one per character). */
export function hotFactorySourceBytes(): number { return factories.calculatedSize; }

/** The hot-tier compiler the engine calls (types.ts HotCompiler). */
export function compileHot(block: Block, cpu: Cpu, opts?: HotOptions): HotFn | null {
  if (!block.cacheable || block.insns.length === 0 || block.pageFirst < 0) return null;
  // The factory takes the RAM arena's typed arrays (Bus.ram8/16/32): make sure they exist.
  cpu.bus.arena();
  const members = opts?.lookup && opts.gen && hotConfig.regions ? regionMembers(block, opts.lookup) : [block];
  const src = generateHot(block, cpu.tlbRTag.length, members);
  // Mostly closures (VFP code, say): the compiled form would only add spills around them, and
  // measured slower than the closure tier (fpmix); leave such blocks to it.
  if (src.inline < hotConfig.minInlineShare * (src.inline + src.fallback)) return null;
  if (DUMP.has(block.pc >>> 0)) process.stderr.write(`armada hot tier: block ${(block.pc >>> 0).toString(16)}\n${src.code}\n`);
  let factory = factories.get(src.code);
  const fresh = factory === undefined;
  if (factory === undefined) {
    try {
      factory = new Function('ops', 'blk', 'mulHiU', 'mulHiS', 'mems', 'gb', 'ram8', 'ram16', 'ram32', src.code) as HotFactory;
    } catch (err) {
      throw new Error(`armada hot tier: generated code for the block at ${(block.pc >>> 0).toString(16)} does not compile ` +
        `(${(err as Error).message}):\n${src.code}`);
    }
    factories.set(src.code, factory);
    hotFactoryStats.made++;
  } else {
    hotFactoryStats.reused++;
  }
  const args = [members.flatMap(m => m.insns.map(x => x.op)), block, mulHiU, mulHiS, members, opts?.gen, cpu.bus.ram8, cpu.bus.ram16, cpu.bus.ram32];
  // A factory's first function alone would be optimized specialized to its board (V8 embeds the
  // closure's constants when a function literal has made one closure so far), and every other
  // board would need that function optimized again: one throwaway closure first makes the
  // optimized code shareable from the start (measured: a second board's run 1.17 s -> 1.06 s).
  if (fresh) factory(...args);
  const fn = factory(...args);
  if (members.length > 1) {
    fn.members = members;
    const cat = <T extends Int32Array | Uint8Array>(make: (n: number) => T, get: (b: Block) => T): T => {
      const a = make(members.reduce((s, m) => s + m.insns.length, 0));
      let o = 0;
      for (const m of members) { a.set(get(m).subarray(0, m.insns.length), o); o += m.insns.length; }
      return a;
    };
    fn.pcs = cat(n => new Int32Array(n), b => b.pcs);
    fn.its = cat(n => new Uint8Array(n), b => b.its);
    fn.sizes = cat(n => new Uint8Array(n), b => b.sizes);
  }
  return fn;
}
