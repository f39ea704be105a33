// The hot tier's code generator state: guest registers as JavaScript locals, NZCV as lazily
// evaluated expressions, inline software-TLB memory accesses, and the bookkeeping for exits and
// traps. The per-instruction emitters (a32.ts, thumb.ts) drive it.
//
// Values held in locals are always int32 (as c.r, an Int32Array, would hold them), so that
// comparisons between registers and the writeback are exact.
//
// Flags are lazy. A flag-setting instruction records, for each flag it writes, two JavaScript
// expressions over temporaries that are written once per iteration (its operands and result):
// the flag as 0/1 and the flag as a boolean. Nothing is computed until something needs the
// flag: a condition (which then becomes a direct comparison such as `a3 < b3` after a CMP), an
// ADC, a closure fallback, an exit, or a trap. A flag written again before any of those is
// never computed at all: that is the dead-flag elimination. Inside a conditionally executed
// instruction the flags it writes are kept concrete (locals fN fZ fC fV), since after the `if`
// they hold one of two values.

/** One flag's current value: as 0/1 and as a boolean expression. */
export interface FlagVal {
  readonly num: string;
  readonly bool: string;
  /** Set by a compare-like writer that set all four flags: enables fused conditions. */
  readonly fused?: Fused;
}

/** All four flags from one subtraction or addition of two int32 values a, b with result v. */
export interface Fused { readonly kind: 'sub' | 'add'; readonly a: string; readonly b: string; readonly v: string }

/** The locals holding the RAM arena's typed arrays (Bus.ram8/16/32) and the index shift, per width. */
const ARENA: Record<1 | 2 | 4, [string, string]> = { 1: ['ram8', ''], 2: ['ram16', ' >> 1'], 4: ['ram32', ' >> 2'] };

/** Placeholders in Gen.lines, replaced once the block's register sets are known. */
export const MARK_SPILL = '\u0000SPILL';
export const MARK_RELOAD = '\u0000RELOAD';

export type Flag = 'N' | 'Z' | 'C' | 'V';
export const FLAGS: readonly Flag[] = ['N', 'Z', 'C', 'V'];
const CPU_FIELD: Record<Flag, string> = { N: 'n', Z: 'z', C: 'c', V: 'v' };

export type FlagState = Record<Flag, FlagVal>;

const concrete = (f: Flag): FlagVal => ({ num: `f${f}`, bool: `(f${f} !== 0)` });

export function concreteState(): FlagState {
  return { N: concrete('N'), Z: concrete('Z'), C: concrete('C'), V: concrete('V') };
}

export const isConcrete = (f: Flag, v: FlagVal) => v.num === `f${f}`;

/** Per-instruction facts gathered while emitting (used by the liveness pass and the tests). */
export interface EmitInfo {
  /** Flags read: conditions, carry-in, RRX, and every flag for a closure fallback. */
  reads: Set<Flag>;
  /** Flags written (unconditionally unless the driver wrapped the instruction in its condition). */
  writes: Set<Flag>;
  /** The instruction runs its closure. */
  fallback: boolean;
}

export class Gen {
  readonly lines: string[] = [];
  /** Registers held in locals (read or written by inline code). */
  used = 0;
  /** Registers written by inline code. */
  dirty = 0;
  readonly temps: string[] = [];
  flags: FlagState = concreteState();
  usesFlags = false;
  /** Inline loads / stores: the read / write side of the software TLB is kept in locals. */
  usesLoad = false;
  usesStore = false;
  /** Trap points: instruction index -> flag state at that point (the catch stores it). */
  readonly trapStates = new Map<number, FlagState>();
  /**
   * The state at the top of the block. In a JS loop its concrete locals hold the flags only on
   * the first iteration when the back edge does not materialize them (flags written before any
   * real read); trap points and exits that still see these objects use the phi (see index.ts).
   */
  readonly top: FlagState = { ...this.flags };
  info: EmitInfo = { reads: new Set(), writes: new Set(), fallback: false };

  // Set per instruction by the driver.
  i = 0;
  pc = 0;
  pcRead = 0;
  thumb: 0 | 1 = 0;
  /** Emitting the body of a conditional instruction: flag writes go to the concrete locals. */
  inCond = false;
  /** Thumb: inside an IT block (16-bit data-processing forms then do not set flags). */
  inIT = false;
  /** The instruction word (hw1:hw2 for 32-bit Thumb). */
  word = 0;
  /** Index mask of the CPU's software TLB (its size - 1), as Cpu.ld32 uses it. */
  tlbMask = 1023;
  /**
   * Memory accesses go through the RAM arena's typed arrays (ram8/16/32, factory arguments) at the
   * TLB's arena offsets; otherwise through the per-page DataViews (big-endian hosts, tests).
   */
  flatRam = true;
  private tempCount = 0;

  line(s: string): void { this.lines.push(s); }

  /** A fresh temporary (declared with `let` at function level). */
  tmp(hint = 't'): string {
    const name = `${hint}${this.i}_${this.tempCount++}`;
    this.temps.push(name);
    return name;
  }

  /** Read a register: its local, or the PC-read value of this instruction for r15. */
  rd(r: number): string {
    if (r === 15) return String(this.pcRead | 0);
    this.used |= 1 << r;
    return `r${r}`;
  }

  /** Write an int32 expression to a register (never r15: branches use the pc methods). */
  wr(r: number, expr: string): void {
    if (r === 15) throw new Error('armada hot tier: wr(15)');
    this.used |= 1 << r; this.dirty |= 1 << r;
    this.line(`r${r} = ${expr};`);
  }

  /** Evaluate an expression once into a temporary (a register copy stays valid after writes); constants pass through. */
  val(expr: string, hint = 't'): string {
    if (/^-?\d+$/.test(expr)) return expr;
    const t = this.tmp(hint);
    this.line(`${t} = ${expr};`);
    return t;
  }

  // ---------------------------------------------------------------- flags

  flag(f: Flag): FlagVal {
    this.usesFlags = true;
    this.info.reads.add(f);
    return this.flags[f];
  }
  cNum(): string { return this.flag('C').num; }

  setFlag(f: Flag, v: FlagVal): void {
    this.usesFlags = true;
    this.info.writes.add(f);
    if (this.inCond) {
      this.line(`f${f} = ${v.num};`);
      this.flags[f] = concrete(f);
    } else {
      this.flags[f] = v;
    }
  }

  /** N and Z of an int32 temp or constant. */
  setNZ(v: string): void {
    this.setFlag('N', { num: `(${v} >>> 31)`, bool: `(${v} < 0)` });
    this.setFlag('Z', { num: `(${v} === 0 ? 1 : 0)`, bool: `(${v} === 0)` });
  }
  /** C from a 0/1 expression (a temp or constant). */
  setC(num: string): void {
    this.setFlag('C', { num, bool: `(${num} !== 0)` });
  }
  /** NZCV of a - b = v (temps or constants). */
  setSub(a: string, b: string, v: string): void {
    const fused: Fused = { kind: 'sub', a, b, v };
    const cb = `((${a} >>> 0) >= (${b} >>> 0))`;
    const vb = `(((${a} ^ ${b}) & (${a} ^ ${v})) < 0)`;
    this.setFlag('N', { num: `(${v} >>> 31)`, bool: `(${v} < 0)`, fused });
    this.setFlag('Z', { num: `(${v} === 0 ? 1 : 0)`, bool: `(${v} === 0)`, fused });
    this.setFlag('C', { num: `(${cb} ? 1 : 0)`, bool: cb, fused });
    this.setFlag('V', { num: `(${vb} ? 1 : 0)`, bool: vb, fused });
  }
  /** NZCV of a + b = v. */
  setAdd(a: string, b: string, v: string): void {
    const fused: Fused = { kind: 'add', a, b, v };
    const cb = `((${a} >>> 0) + (${b} >>> 0) > 4294967295)`;
    const vb = `(((${a} ^ ${v}) & (${b} ^ ${v})) < 0)`;
    this.setFlag('N', { num: `(${v} >>> 31)`, bool: `(${v} < 0)`, fused });
    this.setFlag('Z', { num: `(${v} === 0 ? 1 : 0)`, bool: `(${v} === 0)`, fused });
    this.setFlag('C', { num: `(${cb} ? 1 : 0)`, bool: cb, fused });
    this.setFlag('V', { num: `(${vb} ? 1 : 0)`, bool: vb, fused });
  }
  /** NZCV of a carry-in add: s = (a>>>0) + (b'>>>0) + C (a double), v = s|0; vb: V as a boolean. */
  setCarryAdd(v: string, s: string, vb: string): void {
    const cb = `(${s} > 4294967295)`;
    this.setNZ(v);
    this.setFlag('C', { num: `(${cb} ? 1 : 0)`, bool: cb });
    this.setFlag('V', { num: `(${vb} ? 1 : 0)`, bool: vb });
  }

  /** Lines that copy the given flags into the concrete locals (the tracked state is unchanged). */
  materializeLines(which: Iterable<Flag> = FLAGS, state: FlagState = this.flags): string[] {
    const out: string[] = [];
    for (const f of which) {
      const v = state[f];
      if (!isConcrete(f, v)) out.push(`f${f} = ${v.num};`);
    }
    return out;
  }
  /** ConditionPassed as a boolean expression over the current flag state. */
  cond(cc: number): string {
    const get = (f: Flag) => this.flag(f);
    const z = this.flags.Z.fused;
    const all = z && this.flags.N.fused === z && this.flags.C.fused === z && this.flags.V.fused === z ? z : undefined;
    if (all) {
      for (const f of FLAGS) this.flag(f);
      const { a, b, v } = all;
      if (all.kind === 'sub') {
        switch (cc) {
          case 0: return `(${a} === ${b})`;
          case 1: return `(${a} !== ${b})`;
          case 2: return `((${a} >>> 0) >= (${b} >>> 0))`;
          case 3: return `((${a} >>> 0) < (${b} >>> 0))`;
          case 4: return `(${v} < 0)`;
          case 5: return `(${v} >= 0)`;
          case 8: return `((${a} >>> 0) > (${b} >>> 0))`;
          case 9: return `((${a} >>> 0) <= (${b} >>> 0))`;
          case 10: return `(${a} >= ${b})`;
          case 11: return `(${a} < ${b})`;
          case 12: return `(${a} > ${b})`;
          case 13: return `(${a} <= ${b})`;
        }
      } else {
        switch (cc) {
          case 0: return `(${v} === 0)`;
          case 1: return `(${v} !== 0)`;
          case 4: return `(${v} < 0)`;
          case 5: return `(${v} >= 0)`;
          // N == V for an addition of int32 values: the exact sum is >= 0
          case 10: return `(${a} + ${b} >= 0)`;
          case 11: return `(${a} + ${b} < 0)`;
          case 12: return `(${v} !== 0 && ${a} + ${b} >= 0)`;
          case 13: return `(${v} === 0 || ${a} + ${b} < 0)`;
        }
      }
    }
    switch (cc) {
      case 0: return get('Z').bool;
      case 1: return `!${get('Z').bool}`;
      case 2: return get('C').bool;
      case 3: return `!${get('C').bool}`;
      case 4: return get('N').bool;
      case 5: return `!${get('N').bool}`;
      case 6: return get('V').bool;
      case 7: return `!${get('V').bool}`;
      case 8: return `(${get('C').bool} && !${get('Z').bool})`;
      case 9: return `(!${get('C').bool} || ${get('Z').bool})`;
      case 10: return `(${get('N').bool} === ${get('V').bool})`;
      case 11: return `(${get('N').bool} !== ${get('V').bool})`;
      case 12: return `(!${get('Z').bool} && ${get('N').bool} === ${get('V').bool})`;
      case 13: return `(${get('Z').bool} || ${get('N').bool} !== ${get('V').bool})`;
      default: return 'true';
    }
  }

  // ---------------------------------------------------------------- traps, spills, fallbacks

  /** This instruction may throw a GuestTrap: record where, and the flags the catch must store. */
  trapPoint(): void {
    if (this.trapStates.has(this.i)) return;
    this.trapStates.set(this.i, { ...this.flags });
    this.line(`k = ${this.i};`);
  }

  /**
   * Call the closure of instruction i with registers and flags in the CPU. Consecutive closures
   * form a run: registers and flags are spilled before the first and reloaded after the last
   * (closeRun), so a run of VFP instructions pays that once. Inside a run the CPU holds the
   * state: a trap there needs no writeback (runPoints).
   */
  fallback(): void {
    this.info.fallback = true;
    this.usesFlags = true;
    for (const f of FLAGS) this.info.reads.add(f);
    if (!this.inRun) {
      this.trapPoint();
      this.line(MARK_SPILL);
      for (const f of FLAGS) this.line(`c.${CPU_FIELD[f]} = ${this.flags[f].num};`);
      this.inRun = true;
    } else {
      this.trapPoint();
      this.runPoints.add(this.i);
    }
    this.line(`op${this.i}(c);`);
  }

  /** Trap points inside a run of closures after its first (the CPU holds every register and flag). */
  readonly runPoints = new Set<number>();
  /** A run of closures is open: locals are stale until closeRun. */
  inRun = false;

  /** End a run of closures: reload registers and flags. Returns the number of lines added. */
  closeRun(): number {
    if (!this.inRun) return 0;
    this.line(MARK_RELOAD);
    this.line('fN = c.n; fZ = c.z; fC = c.c; fV = c.v; sl = 1;');
    this.flags = concreteState();
    this.inRun = false;
    return 2;
  }

  // ---------------------------------------------------------------- memory (software TLB inline)

  /** Load `width` bytes (1, 2, 4; unsigned for 1 and 2) from int32 address temp `a` into a new temp. */
  load(a: string, width: 1 | 2 | 4, signed = false): string {
    this.usesLoad = true;
    this.trapPoint();
    const v = this.tmp('v');
    const slow = `else { ${v} = c.loadSlow(${a}, ${width}, false)${width === 4 ? ' | 0' : ''}; sl = 1; }`;
    if (this.flatRam) {
      // The RAM arena (Bus.arena) as one typed array per width: an aligned access in a mapped
      // page is one element; an unaligned one takes the slow path.
      const [arr, shift] = ARENA[width];
      this.line(`{ const vpn = ${a} >>> 12, ti = vpn & ${this.tlbMask};` +
        ` if (tRTag[ti] === vpn${width === 1 ? '' : ` && (${a} & ${width - 1}) === 0`}) ${v} = ${arr}[(tRBase[ti] + (${a} & 4095))${shift}]; ${slow} }`);
    } else {
      const get = width === 4 ? 'getInt32' : width === 2 ? 'getUint16' : 'getUint8';
      const le = width === 1 ? '' : ', true';
      this.line(`{ const vpn = ${a} >>> 12, ti = vpn & ${this.tlbMask}, off = ${a} & 4095;` +
        ` if (tRTag[ti] === vpn${width === 1 ? '' : ` && off <= ${4096 - width}`}) ${v} = tRView[ti].${get}(tROff[ti] + off${le}); ${slow} }`);
    }
    if (signed && width === 1) this.line(`${v} = (${v} << 24) >> 24;`);
    if (signed && width === 2) this.line(`${v} = (${v} << 16) >> 16;`);
    return v;
  }

  /** Store the int32 value `v` (truncated to width) at int32 address temp `a`. */
  store(a: string, v: string, width: 1 | 2 | 4): void {
    this.usesStore = true;
    this.trapPoint();
    const val = width === 4 ? v : width === 2 ? `(${v} & 65535)` : `(${v} & 255)`;
    const slow = `else { c.storeSlow(${a}, ${width}, ${val}, false); sl = 1; }`;
    if (this.flatRam) {
      const [arr, shift] = ARENA[width];
      this.line(`{ const vpn = ${a} >>> 12, ti = vpn & ${this.tlbMask};` +
        ` if (tWTag[ti] === vpn${width === 1 ? '' : ` && (${a} & ${width - 1}) === 0`}) ${arr}[(tWBase[ti] + (${a} & 4095))${shift}] = ${v}; ${slow} }`);
    } else {
      const set = width === 4 ? 'setInt32' : width === 2 ? 'setUint16' : 'setUint8';
      const le = width === 1 ? '' : ', true';
      this.line(`{ const vpn = ${a} >>> 12, ti = vpn & ${this.tlbMask}, off = ${a} & 4095;` +
        ` if (tWTag[ti] === vpn${width === 1 ? '' : ` && off <= ${4096 - width}`}) tWView[ti].${set}(tWOff[ti] + off, ${val}${le}); ${slow} }`);
    }
  }

  /** Alignment fault unless `a` is a multiple of `bytes` (LDM/STM/LDRD/STRD: always checked). */
  checkAlign(a: string, bytes: number, write: boolean): void {
    this.trapPoint();
    this.line(`if (${a} & ${bytes - 1}) c.checkAlign(${a}, ${bytes}, ${write});`);
  }

  // ---------------------------------------------------------------- PC writes (block exits)

  /** BranchWritePC / plain branch to a constant. */
  branchConst(target: number): void {
    this.line(`c.pc = ${target >>> 0};`);
  }
  /** BXWritePC of an int32 value: interworking. */
  bxWrite(v: string): void {
    this.line(`c.t = ${v} & 1; c.pc = (${v} & -2) >>> 0;`);
  }
  /** BranchWritePC of an int32 value in the current state. */
  branchWrite(v: string): void {
    this.line(`c.pc = (${v} & ${this.thumb ? -2 : -4}) >>> 0;`);
  }
}
