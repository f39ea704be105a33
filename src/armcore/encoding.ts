// Instruction encodings as data.
//
// Every encoding is written once as a bit-pattern string with named fields, e.g.
//   'cccc 0010 100S nnnn dddd rrrr vvvv vvvv'
// '0'/'1' are fixed bits, a letter is a bit of the field of that name, 'x' is a bit that is
// ignored. A letter may appear in several runs: the runs concatenate, most significant first
// (so T32's i:imm3:imm8 is written with one letter). Spaces are ignored.
//
// The decoder, the disassembler, the test encoder and the random-instruction generator are all
// derived from these tables. When more than one pattern matches a word, the most specific one
// (most fixed bits) wins; ties go to the earlier entry. That lets a table state the general form
// and the special cases (Rd=1111, cond=1111, ...) independently of their order.

export type Fields = Record<string, number>;

export type ISet = 'A32' | 'T16' | 'T32';

export interface EncodingSpec {
  /** Unique within its instruction set; the translator's handler and the tests use this name. */
  readonly name: string;
  readonly pattern: string;
  /**
   * Assembly template for the disassembler: `{c}` condition, `{S}` 'S' when the S field is set
   * (for T16: when outside an IT block), `{Rx}` the register in field x, `{x}` field x in decimal,
   * `{#x}` '#' and field x, `{x:fmt}` a named formatter from disasm.ts applied to the fields.
   */
  readonly asm: string;
  /** Instruction group, for coverage reports and the random-instruction generator. */
  readonly group: string;
  /** Free-form notes for the random generator: 'nopc' (no register field may be 15), ... */
  readonly gen?: GenHints;
}

export interface GenHints {
  /** Field values to avoid (UNPREDICTABLE or not comparable), by field. */
  readonly avoid?: Record<string, readonly number[]>;
  /** Skip in the random tester entirely (branches, system, exceptions), with the reason. */
  readonly skip?: string;
  /** Extra constraint checked on a candidate field set. Return false to reject. */
  readonly ok?: (f: Fields) => boolean;
}

export interface FieldRun {
  readonly shift: number; // lowest bit of the run within the word
  readonly width: number;
}

export interface Encoding extends EncodingSpec {
  readonly iset: ISet;
  readonly width: 16 | 32;
  readonly mask: number; // fixed-bit mask (unsigned)
  readonly value: number; // fixed-bit values (unsigned)
  readonly fixedBits: number;
  readonly fields: ReadonlyMap<string, readonly FieldRun[]>;
  readonly fieldWidth: ReadonlyMap<string, number>;
  /** Index in its table: stable tie-break and compact id. */
  readonly index: number;
}

export function enc(name: string, pattern: string, asm: string, group: string, gen?: GenHints): EncodingSpec {
  return gen ? { name, pattern, asm, group, gen } : { name, pattern, asm, group };
}

function popcount(x: number): number {
  x = x >>> 0;
  let n = 0;
  while (x) { n += x & 1; x >>>= 1; }
  return n;
}

export function compile(iset: ISet, specs: readonly EncodingSpec[]): Encoding[] {
  const width = iset === 'T16' ? 16 : 32;
  const seen = new Set<string>();
  return specs.map((s, index) => {
    if (seen.has(s.name)) throw new Error(`${iset}: duplicate encoding name ${s.name}`);
    seen.add(s.name);
    const bits = s.pattern.replace(/\s+/g, '');
    if (bits.length !== width) throw new Error(`${iset} ${s.name}: pattern has ${bits.length} bits, want ${width}`);
    let mask = 0, value = 0;
    const runs = new Map<string, FieldRun[]>();
    for (let i = 0; i < width; i++) {
      const ch = bits[i]!;
      const bit = width - 1 - i;
      if (ch === '0' || ch === '1') {
        mask |= 1 << bit;
        if (ch === '1') value |= 1 << bit;
      } else if (ch === 'x') {
        // ignored bit
      } else if (/[A-Za-z]/.test(ch)) {
        let list = runs.get(ch);
        if (!list) { list = []; runs.set(ch, list); }
        const last = list[list.length - 1];
        const prevCh = i > 0 ? bits[i - 1] : undefined;
        if (last && prevCh === ch) {
          // extend the current run downward
          list[list.length - 1] = { shift: bit, width: last.width + 1 };
        } else {
          list.push({ shift: bit, width: 1 });
        }
      } else {
        throw new Error(`${iset} ${s.name}: bad pattern character '${ch}'`);
      }
    }
    const fieldWidth = new Map<string, number>();
    for (const [k, list] of runs) fieldWidth.set(k, list.reduce((a, r) => a + r.width, 0));
    return {
      ...s, iset, width, mask: mask >>> 0, value: value >>> 0, fixedBits: popcount(mask),
      fields: runs, fieldWidth, index,
    } as Encoding;
  });
}

export function extractFields(e: Encoding, word: number): Fields {
  const f: Fields = {};
  for (const [k, list] of e.fields) {
    let v = 0;
    for (const r of list) v = (v * (1 << r.width)) + ((word >>> r.shift) & ((1 << r.width) - 1));
    f[k] = v >>> 0;
  }
  return f;
}

/** The test encoder: build an instruction word from an encoding and field values. */
export function encodeFields(e: Encoding, f: Fields): number {
  let word = e.value;
  for (const [k, list] of e.fields) {
    let v = f[k];
    if (v === undefined) throw new Error(`${e.iset} ${e.name}: field '${k}' not given`);
    const w = e.fieldWidth.get(k)!;
    if (w < 32 && (v < 0 || v >= 2 ** w)) throw new Error(`${e.iset} ${e.name}: field '${k}'=${v} does not fit ${w} bits`);
    v = v >>> 0;
    // runs are most-significant first; peel from the bottom
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i]!;
      const part = v & ((2 ** r.width) - 1);
      word = (word | (part << r.shift)) >>> 0;
      v = Math.floor(v / 2 ** r.width);
    }
  }
  for (const k of Object.keys(f)) {
    if (!e.fields.has(k)) throw new Error(`${e.iset} ${e.name}: no field '${k}'`);
  }
  return word >>> 0;
}

/**
 * A decoder bucketed on a few bits of the word: each bucket holds, most specific first, the
 * encodings whose fixed bits agree with the bucket index. Decoding scans one short list.
 */
export class Decoder {
  /** Filled on first use: a run decodes words from a few hundred buckets of the 2^n. */
  private readonly buckets: (Encoding[] | undefined)[];
  private readonly keyOf: (w: number) => number;
  private readonly sorted: readonly Encoding[];
  /** Per sorted encoding: its fixed bits and their values, gathered into key-bit order. */
  private readonly keyMask: Uint32Array;
  private readonly keyValue: Uint32Array;

  constructor(readonly encodings: readonly Encoding[], readonly keyBits: readonly number[]) {
    // keyBits: bit positions, most significant key bit first
    const n = keyBits.length;
    const positions = keyBits.slice();
    this.keyOf = (w: number) => {
      let k = 0;
      for (let i = 0; i < n; i++) k = (k << 1) | ((w >>> positions[i]!) & 1);
      return k;
    };
    this.buckets = new Array<Encoding[] | undefined>(1 << n).fill(undefined);
    this.sorted = encodings.slice().sort((a, b) => (b.fixedBits - a.fixedBits) || (a.index - b.index));
    this.keyMask = Uint32Array.from(this.sorted, e => this.keyOf(e.mask));
    this.keyValue = Uint32Array.from(this.sorted, e => this.keyOf(e.value & e.mask));
  }

  /** The encodings that can match a word with this key, most specific first. */
  private bucket(key: number): Encoding[] {
    let list = this.buckets[key];
    if (list === undefined) {
      list = [];
      for (let i = 0; i < this.sorted.length; i++) {
        if ((key & this.keyMask[i]!) === this.keyValue[i]) list.push(this.sorted[i]!);
      }
      this.buckets[key] = list;
    }
    return list;
  }

  decode(word: number): Encoding | undefined {
    const list = this.buckets[this.keyOf(word)] ?? this.bucket(this.keyOf(word));
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (((word & e.mask) >>> 0) === e.value) return e;
    }
    return undefined;
  }

  /** All encodings matching a word, most specific first (for tests of table overlap). */
  matches(word: number): Encoding[] {
    return this.bucket(this.keyOf(word)).filter(e => ((word & e.mask) >>> 0) === e.value);
  }
}

export function byName(encodings: readonly Encoding[]): Map<string, Encoding> {
  return new Map(encodings.map(e => [e.name, e]));
}
