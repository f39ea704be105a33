// Data-processing semantics shared by the A32, T16 and T32 handlers: flag computation
// (AddWithCarry), shifter operand closures, and per-operation op builders.
//
// Every builder returns a closure specialised on its operation, flag setting and operand kind,
// so the op run for `ADD r1, r2, #4` is just `c => { c.r[d] = (c.r[n] + imm) | 0; }`. The
// flag helpers below are small module-level functions: call sites are monomorphic and V8
// inlines them.
//
// Operand kinds:
//   imm  a constant (A32 ARMExpandImm, T32 ThumbExpandImm, T16 imm3/imm8); for logical ops with
//        S=1 a constant carry out (0/1) or -1 for "C unchanged".
//   reg  a register, unshifted.
//   src  a shifter closure (Src). For logical ops with S=1 pass the carry-setting variant
//        (it writes c.c itself); for arithmetic ops and S=0 the plain one.

import type { Cpu } from '../../armcore/cpu.js';
import type { Handler, Op } from '../types.js';
import { decodeImmShift } from './shift.js';

/** Data-processing operations. 0..15 are the A32 opcode values; ORN is T32 only. */
export const enum Alu {
  AND = 0, EOR = 1, SUB = 2, RSB = 3, ADD = 4, ADC = 5, SBC = 6, RSC = 7,
  TST = 8, TEQ = 9, CMP = 10, CMN = 11, ORR = 12, MOV = 13, BIC = 14, MVN = 15, ORN = 16,
}

export const ALU_NAMES = ['AND', 'EOR', 'SUB', 'RSB', 'ADD', 'ADC', 'SBC', 'RSC', 'TST', 'TEQ', 'CMP', 'CMN',
  'ORR', 'MOV', 'BIC', 'MVN', 'ORN'] as const;

/** Logical operations take C from the shifter; arithmetic ones from the adder. */
export function isLogical(op: Alu): boolean {
  return op <= Alu.EOR || op === Alu.TST || op === Alu.TEQ || op >= Alu.ORR;
}
/** TST TEQ CMP CMN: set flags, write no register. */
export function isTest(op: Alu): boolean {
  return op >= Alu.TST && op <= Alu.CMN;
}

/** A shifter operand: reads registers (and c.c for RRX); the carry variants also write c.c. */
export type Src = (c: Cpu) => number;

// ------------------------------------------------------------------ flags (AddWithCarry)

/** a + b, setting NZCV. */
export function addS(c: Cpu, a: number, b: number): number {
  const r = (a + b) | 0;
  c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
  c.c = (a >>> 0) + (b >>> 0) > 0xffffffff ? 1 : 0;
  c.v = ((a ^ r) & (b ^ r)) >>> 31;
  return r;
}
/** a + b + C, setting NZCV. */
export function adcS(c: Cpu, a: number, b: number): number {
  const s = (a >>> 0) + (b >>> 0) + c.c;
  const r = s | 0;
  c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
  c.c = s > 0xffffffff ? 1 : 0;
  c.v = ((a ^ r) & (b ^ r)) >>> 31;
  return r;
}
/** a - b (= a + NOT b + 1), setting NZCV. */
export function subS(c: Cpu, a: number, b: number): number {
  const r = (a - b) | 0;
  c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
  c.c = (a >>> 0) >= (b >>> 0) ? 1 : 0;
  c.v = ((a ^ b) & (a ^ r)) >>> 31;
  return r;
}
/** a - b - NOT C (= a + NOT b + C), setting NZCV. */
export function sbcS(c: Cpu, a: number, b: number): number {
  const s = (a >>> 0) + (~b >>> 0) + c.c;
  const r = s | 0;
  c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
  c.c = s > 0xffffffff ? 1 : 0;
  c.v = ((a ^ b) & (a ^ r)) >>> 31;
  return r;
}
/** N and Z of a logical result (C from the shifter, V unchanged). */
export function nz(c: Cpu, r: number): number {
  c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
  return r;
}
/** a + b + C without flags. */
export function adc(c: Cpu, a: number, b: number): number { return (a + b + c.c) | 0; }
/** a - b - NOT C without flags. */
export function sbc(c: Cpu, a: number, b: number): number { return (a + ~b + c.c) | 0; }

/** AddWithCarry(x, y, carry_in) as the ARM ARM: [result, carry, overflow] (tests, slow paths). */
export function addWithCarry(x: number, y: number, carryIn: number): [number, number, number] {
  const s = (x >>> 0) + (y >>> 0) + carryIn;
  const r = s | 0;
  return [r, s > 0xffffffff ? 1 : 0, ((x ^ r) & (y ^ r)) >>> 31];
}

// ------------------------------------------------------------------ shifter operands

/**
 * Register shifted by a constant, already decoded (DecodeImmShift): type 0 LSL 1 LSR 2 ASR
 * 3 ROR 4 RRX, amount 1..32 (LSL 0 is the plain register: use the reg builders instead).
 */
export function shiftImmSrc(m: number, type: number, amount: number): Src {
  switch (type) {
    case 0: return amount >= 32 ? () => 0 : c => c.r[m]! << amount;
    case 1: return amount >= 32 ? () => 0 : c => (c.r[m]! >>> amount) | 0;
    case 2: { const a = amount >= 32 ? 31 : amount; return c => c.r[m]! >> a; }
    case 3: { const a = amount & 31; return a === 0 ? c => c.r[m]! : c => (c.r[m]! >>> a) | (c.r[m]! << (32 - a)); }
    default: return c => (c.c << 31) | (c.r[m]! >>> 1);
  }
}

/** As shiftImmSrc, also setting C to the shifter carry out. */
export function shiftImmSrcC(m: number, type: number, amount: number): Src {
  switch (type) {
    case 0:
      if (amount === 0) return c => c.r[m]!;
      if (amount === 32) return c => { c.c = c.r[m]! & 1; return 0; };
      if (amount > 32) return c => { c.c = 0; return 0; };
      return c => { const v = c.r[m]!; c.c = (v >>> (32 - amount)) & 1; return v << amount; };
    case 1:
      if (amount === 32) return c => { c.c = c.r[m]! >>> 31; return 0; };
      if (amount > 32) return c => { c.c = 0; return 0; };
      return c => { const v = c.r[m]!; c.c = (v >>> (amount - 1)) & 1; return (v >>> amount) | 0; };
    case 2:
      if (amount >= 32) return c => { const v = c.r[m]! >> 31; c.c = v & 1; return v; };
      return c => { const v = c.r[m]!; c.c = (v >>> (amount - 1)) & 1; return v >> amount; };
    case 3: {
      const a = amount & 31;
      if (a === 0) return c => { const v = c.r[m]!; c.c = v >>> 31; return v; };
      return c => { const v = c.r[m]!; c.c = (v >>> (a - 1)) & 1; return (v >>> a) | (v << (32 - a)); };
    }
    default:
      return c => { const v = c.r[m]!; const r = (c.c << 31) | (v >>> 1); c.c = v & 1; return r; };
  }
}

/** Register m shifted by the bottom byte of register s (type 0 LSL 1 LSR 2 ASR 3 ROR). */
export function shiftRegSrc(m: number, s: number, type: number): Src {
  switch (type & 3) {
    case 0: return c => { const a = c.r[s]! & 0xff; return a > 31 ? 0 : c.r[m]! << a; };
    case 1: return c => { const a = c.r[s]! & 0xff; return a > 31 ? 0 : (c.r[m]! >>> a) | 0; };
    case 2: return c => { const a = c.r[s]! & 0xff; return c.r[m]! >> (a > 31 ? 31 : a); };
    default: return c => { const a = c.r[s]! & 31, v = c.r[m]!; return a === 0 ? v : (v >>> a) | (v << (32 - a)); };
  }
}

/** As shiftRegSrc, also setting C (unchanged when the amount is 0). */
export function shiftRegSrcC(m: number, s: number, type: number): Src {
  switch (type & 3) {
    case 0: return c => {
      const a = c.r[s]! & 0xff, v = c.r[m]!;
      if (a === 0) return v;
      if (a < 32) { c.c = (v >>> (32 - a)) & 1; return v << a; }
      c.c = a === 32 ? v & 1 : 0; return 0;
    };
    case 1: return c => {
      const a = c.r[s]! & 0xff, v = c.r[m]!;
      if (a === 0) return v;
      if (a < 32) { c.c = (v >>> (a - 1)) & 1; return (v >>> a) | 0; }
      c.c = a === 32 ? v >>> 31 : 0; return 0;
    };
    case 2: return c => {
      const a = c.r[s]! & 0xff, v = c.r[m]!;
      if (a === 0) return v;
      if (a < 32) { c.c = (v >>> (a - 1)) & 1; return v >> a; }
      c.c = v >>> 31; return v >> 31;
    };
    default: return c => {
      const a = c.r[s]! & 0xff, v = c.r[m]!;
      if (a === 0) return v;
      const k = a & 31;
      if (k === 0) { c.c = v >>> 31; return v; }
      c.c = (v >>> (k - 1)) & 1; return (v >>> k) | (v << (32 - k));
    };
  }
}

// ------------------------------------------------------------------ op builders

/** Builders of one operation: i = immediate, r = register, s = shifter closure; 0/1 = S. */
interface Builders {
  i0(d: number, n: number, k: number): Op;
  i1(d: number, n: number, k: number, cy: number): Op;
  r0(d: number, n: number, m: number): Op;
  r1(d: number, n: number, m: number): Op;
  s0(d: number, n: number, g: Src): Op;
  s1(d: number, n: number, g: Src): Op;
}

const B: Builders[] = [
  { // AND
    i0: (d, n, k) => c => { c.r[d] = c.r[n]! & k; },
    i1: (d, n, k, cy) => cy < 0
      ? c => { const v = c.r[n]! & k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
      : c => { const v = c.r[n]! & k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; },
    r0: (d, n, m) => c => { c.r[d] = c.r[n]! & c.r[m]!; },
    r1: (d, n, m) => c => { const v = c.r[n]! & c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, n, g) => c => { c.r[d] = c.r[n]! & g(c); },
    s1: (d, n, g) => c => { const v = c.r[n]! & g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // EOR
    i0: (d, n, k) => c => { c.r[d] = c.r[n]! ^ k; },
    i1: (d, n, k, cy) => cy < 0
      ? c => { const v = c.r[n]! ^ k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
      : c => { const v = c.r[n]! ^ k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; },
    r0: (d, n, m) => c => { c.r[d] = c.r[n]! ^ c.r[m]!; },
    r1: (d, n, m) => c => { const v = c.r[n]! ^ c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, n, g) => c => { c.r[d] = c.r[n]! ^ g(c); },
    s1: (d, n, g) => c => { const v = c.r[n]! ^ g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // SUB
    i0: (d, n, k) => c => { c.r[d] = (c.r[n]! - k) | 0; },
    i1: (d, n, k) => c => { c.r[d] = subS(c, c.r[n]!, k); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[n]! - c.r[m]!) | 0; },
    r1: (d, n, m) => c => { c.r[d] = subS(c, c.r[n]!, c.r[m]!); },
    s0: (d, n, g) => c => { c.r[d] = (c.r[n]! - g(c)) | 0; },
    s1: (d, n, g) => c => { c.r[d] = subS(c, c.r[n]!, g(c)); },
  },
  { // RSB
    i0: (d, n, k) => c => { c.r[d] = (k - c.r[n]!) | 0; },
    i1: (d, n, k) => c => { c.r[d] = subS(c, k, c.r[n]!); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[m]! - c.r[n]!) | 0; },
    r1: (d, n, m) => c => { c.r[d] = subS(c, c.r[m]!, c.r[n]!); },
    s0: (d, n, g) => c => { const a = c.r[n]!; c.r[d] = (g(c) - a) | 0; },
    s1: (d, n, g) => c => { const a = c.r[n]!; c.r[d] = subS(c, g(c), a); },
  },
  { // ADD
    i0: (d, n, k) => c => { c.r[d] = (c.r[n]! + k) | 0; },
    i1: (d, n, k) => c => { c.r[d] = addS(c, c.r[n]!, k); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[n]! + c.r[m]!) | 0; },
    r1: (d, n, m) => c => { c.r[d] = addS(c, c.r[n]!, c.r[m]!); },
    s0: (d, n, g) => c => { c.r[d] = (c.r[n]! + g(c)) | 0; },
    s1: (d, n, g) => c => { c.r[d] = addS(c, c.r[n]!, g(c)); },
  },
  { // ADC
    i0: (d, n, k) => c => { c.r[d] = (c.r[n]! + k + c.c) | 0; },
    i1: (d, n, k) => c => { c.r[d] = adcS(c, c.r[n]!, k); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[n]! + c.r[m]! + c.c) | 0; },
    r1: (d, n, m) => c => { c.r[d] = adcS(c, c.r[n]!, c.r[m]!); },
    s0: (d, n, g) => c => { c.r[d] = adc(c, c.r[n]!, g(c)); },
    s1: (d, n, g) => c => { c.r[d] = adcS(c, c.r[n]!, g(c)); },
  },
  { // SBC
    i0: (d, n, k) => c => { c.r[d] = (c.r[n]! + ~k + c.c) | 0; },
    i1: (d, n, k) => c => { c.r[d] = sbcS(c, c.r[n]!, k); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[n]! + ~c.r[m]! + c.c) | 0; },
    r1: (d, n, m) => c => { c.r[d] = sbcS(c, c.r[n]!, c.r[m]!); },
    s0: (d, n, g) => c => { c.r[d] = sbc(c, c.r[n]!, g(c)); },
    s1: (d, n, g) => c => { c.r[d] = sbcS(c, c.r[n]!, g(c)); },
  },
  { // RSC
    i0: (d, n, k) => c => { c.r[d] = (k + ~c.r[n]! + c.c) | 0; },
    i1: (d, n, k) => c => { c.r[d] = sbcS(c, k, c.r[n]!); },
    r0: (d, n, m) => c => { c.r[d] = (c.r[m]! + ~c.r[n]! + c.c) | 0; },
    r1: (d, n, m) => c => { c.r[d] = sbcS(c, c.r[m]!, c.r[n]!); },
    s0: (d, n, g) => c => { const a = c.r[n]!; c.r[d] = sbc(c, g(c), a); },
    s1: (d, n, g) => c => { const a = c.r[n]!; c.r[d] = sbcS(c, g(c), a); },
  },
  { // TST
    i0: (_d, n, k) => c => { const v = c.r[n]! & k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    i1: (_d, n, k, cy) => cy < 0
      ? c => { const v = c.r[n]! & k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
      : c => { const v = c.r[n]! & k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; },
    r0: (_d, n, m) => c => { const v = c.r[n]! & c.r[m]!; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    r1: (_d, n, m) => c => { const v = c.r[n]! & c.r[m]!; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (_d, n, g) => c => { const v = c.r[n]! & g(c); c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s1: (_d, n, g) => c => { const v = c.r[n]! & g(c); c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // TEQ
    i0: (_d, n, k) => c => { const v = c.r[n]! ^ k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    i1: (_d, n, k, cy) => cy < 0
      ? c => { const v = c.r[n]! ^ k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
      : c => { const v = c.r[n]! ^ k; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; },
    r0: (_d, n, m) => c => { const v = c.r[n]! ^ c.r[m]!; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    r1: (_d, n, m) => c => { const v = c.r[n]! ^ c.r[m]!; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (_d, n, g) => c => { const v = c.r[n]! ^ g(c); c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s1: (_d, n, g) => c => { const v = c.r[n]! ^ g(c); c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // CMP
    i0: (_d, n, k) => c => { subS(c, c.r[n]!, k); },
    i1: (_d, n, k) => c => { subS(c, c.r[n]!, k); },
    r0: (_d, n, m) => c => { subS(c, c.r[n]!, c.r[m]!); },
    r1: (_d, n, m) => c => { subS(c, c.r[n]!, c.r[m]!); },
    s0: (_d, n, g) => c => { subS(c, c.r[n]!, g(c)); },
    s1: (_d, n, g) => c => { subS(c, c.r[n]!, g(c)); },
  },
  { // CMN
    i0: (_d, n, k) => c => { addS(c, c.r[n]!, k); },
    i1: (_d, n, k) => c => { addS(c, c.r[n]!, k); },
    r0: (_d, n, m) => c => { addS(c, c.r[n]!, c.r[m]!); },
    r1: (_d, n, m) => c => { addS(c, c.r[n]!, c.r[m]!); },
    s0: (_d, n, g) => c => { addS(c, c.r[n]!, g(c)); },
    s1: (_d, n, g) => c => { addS(c, c.r[n]!, g(c)); },
  },
  { // ORR
    i0: (d, n, k) => c => { c.r[d] = c.r[n]! | k; },
    i1: (d, n, k, cy) => cy < 0
      ? c => { const v = c.r[n]! | k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
      : c => { const v = c.r[n]! | k; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; },
    r0: (d, n, m) => c => { c.r[d] = c.r[n]! | c.r[m]!; },
    r1: (d, n, m) => c => { const v = c.r[n]! | c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, n, g) => c => { c.r[d] = c.r[n]! | g(c); },
    s1: (d, n, g) => c => { const v = c.r[n]! | g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // MOV (n ignored)
    i0: (d, _n, k) => c => { c.r[d] = k; },
    i1: (d, _n, k, cy) => {
      const n = k >>> 31, z = k === 0 ? 1 : 0;
      return cy < 0 ? c => { c.r[d] = k; c.n = n; c.z = z; } : c => { c.r[d] = k; c.n = n; c.z = z; c.c = cy; };
    },
    r0: (d, _n, m) => c => { c.r[d] = c.r[m]!; },
    r1: (d, _n, m) => c => { const v = c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, _n, g) => c => { c.r[d] = g(c); },
    s1: (d, _n, g) => c => { const v = g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // BIC
    i0: (d, n, k) => { const nk = ~k; return c => { c.r[d] = c.r[n]! & nk; }; },
    i1: (d, n, k, cy) => {
      const nk = ~k;
      return cy < 0
        ? c => { const v = c.r[n]! & nk; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
        : c => { const v = c.r[n]! & nk; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; };
    },
    r0: (d, n, m) => c => { c.r[d] = c.r[n]! & ~c.r[m]!; },
    r1: (d, n, m) => c => { const v = c.r[n]! & ~c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, n, g) => c => { c.r[d] = c.r[n]! & ~g(c); },
    s1: (d, n, g) => c => { const v = c.r[n]! & ~g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // MVN (n ignored)
    i0: (d, _n, k) => { const nk = ~k; return c => { c.r[d] = nk; }; },
    i1: (d, _n, k, cy) => {
      const nk = ~k, n = nk >>> 31, z = nk === 0 ? 1 : 0;
      return cy < 0 ? c => { c.r[d] = nk; c.n = n; c.z = z; } : c => { c.r[d] = nk; c.n = n; c.z = z; c.c = cy; };
    },
    r0: (d, _n, m) => c => { c.r[d] = ~c.r[m]!; },
    r1: (d, _n, m) => c => { const v = ~c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, _n, g) => c => { c.r[d] = ~g(c); },
    s1: (d, _n, g) => c => { const v = ~g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
  { // ORN
    i0: (d, n, k) => { const nk = ~k; return c => { c.r[d] = c.r[n]! | nk; }; },
    i1: (d, n, k, cy) => {
      const nk = ~k;
      return cy < 0
        ? c => { const v = c.r[n]! | nk; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; }
        : c => { const v = c.r[n]! | nk; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; c.c = cy; };
    },
    r0: (d, n, m) => c => { c.r[d] = c.r[n]! | ~c.r[m]!; },
    r1: (d, n, m) => c => { const v = c.r[n]! | ~c.r[m]!; c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
    s0: (d, n, g) => c => { c.r[d] = c.r[n]! | ~g(c); },
    s1: (d, n, g) => c => { const v = c.r[n]! | ~g(c); c.r[d] = v; c.n = v >>> 31; c.z = v === 0 ? 1 : 0; },
  },
];

/**
 * op Rd, Rn, #k. Rd must not be 15 (see aluToPc). `cy` is the constant shifter carry for logical
 * ops with S=1 (0/1), or -1 to leave C unchanged.
 */
export function aluImm(op: Alu, S: boolean, d: number, n: number, k: number, cy = -1): Op {
  const b = B[op]!;
  return S ? b.i1(d, n, k | 0, cy) : b.i0(d, n, k | 0);
}

/** op Rd, Rn, Rm (no shift). */
export function aluReg(op: Alu, S: boolean, d: number, n: number, m: number): Op {
  const b = B[op]!;
  return S ? b.r1(d, n, m) : b.r0(d, n, m);
}

/** op Rd, Rn, <shifter>. For logical ops with S=1 pass a carry-setting Src (…SrcC). */
export function aluSrc(op: Alu, S: boolean, d: number, n: number, g: Src): Op {
  const b = B[op]!;
  return S ? b.s1(d, n, g) : b.s0(d, n, g);
}

// ------------------------------------------------------------------ results for PC writes (slow path)

type Fn = (c: Cpu, a: number, b: number) => number;
const F0: Fn[] = [
  (_c, a, b) => a & b, (_c, a, b) => a ^ b, (_c, a, b) => (a - b) | 0, (_c, a, b) => (b - a) | 0,
  (_c, a, b) => (a + b) | 0, adc, sbc, (c, a, b) => sbc(c, b, a),
  (_c, a, b) => a & b, (_c, a, b) => a ^ b, (_c, a, b) => (a - b) | 0, (_c, a, b) => (a + b) | 0,
  (_c, a, b) => a | b, (_c, _a, b) => b, (_c, a, b) => a & ~b, (_c, _a, b) => ~b, (_c, a, b) => a | ~b,
];
const F1: Fn[] = [
  (c, a, b) => nz(c, a & b), (c, a, b) => nz(c, a ^ b), subS, (c, a, b) => subS(c, b, a),
  addS, adcS, sbcS, (c, a, b) => sbcS(c, b, a),
  (c, a, b) => nz(c, a & b), (c, a, b) => nz(c, a ^ b), subS, addS,
  (c, a, b) => nz(c, a | b), (c, _a, b) => nz(c, b), (c, a, b) => nz(c, a & ~b), (c, _a, b) => nz(c, ~b),
  (c, a, b) => nz(c, a | ~b),
];

/** A shifter closure for a constant operand (setting C to `cy` when cy >= 0). */
export function constSrc(k: number, cy = -1): Src {
  k |= 0;
  return cy < 0 ? () => k : c => { c.c = cy; return k; };
}
/** A shifter closure for a plain register. */
export function regSrc(m: number): Src {
  return c => c.r[m]!;
}

/** How a data-processing result reaches the PC. */
export const enum PcWrite {
  /** ALUWritePC: interworking in ARM state, BranchWritePC in Thumb. */
  Alu = 0,
  /** BranchWritePC (Thumb ADD/MOV pc, MOVW/MOVT pc as QEMU). */
  Branch = 1,
  /** Exception return: CPSR <- SPSR, then the PC write with the new T bit (flags not set).
   *  UNDEFINED in User mode, as QEMU. */
  ExcReturn = 2,
}

/**
 * op PC, Rn, <src>: compute (setting flags when S, except for the exception-return form) and
 * write the PC. The handler must set x.ends. `g` must be a carry-setting Src for logical ops
 * with S=1.
 */
export function aluToPc(op: Alu, S: boolean, n: number, g: Src, how: PcWrite): Op {
  if (how === PcWrite.ExcReturn) {
    const f = F0[op]!;
    return c => {
      if (c.mode === 0x10) c.raiseUndefined();
      const v = f(c, c.r[n]!, g(c));
      // System mode has no SPSR: QEMU reads the usr/sys bank slot (0 unless written), which
      // cpu.spsr returns, and then ignores the invalid mode field.
      c.setCpsr(c.spsr);
      c.branchWritePC(v);
    };
  }
  const f = (S ? F1 : F0)[op]!;
  return how === PcWrite.Alu
    ? c => { c.aluWritePC(f(c, c.r[n]!, g(c))); }
    : c => { c.branchWritePC(f(c, c.r[n]!, g(c))); };
}

/**
 * The handler of an "op Rd, Rn, Rm{, shift #n}" form (register with immediate shift), shared by
 * A32 and T32; `pcWrite` says how each set writes a PC destination.
 */
export function registerFormHandler(op: Alu, pcWrite: (op: Alu, S: boolean) => PcWrite): Handler {
  const test = isTest(op), logical = isLogical(op);
  return (f, x) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!, n = f['n'] ?? 0, m = f['m']!;
    const [type, amount] = decodeImmShift(f['y']!, f['i']!);
    const plain = type === 0 && amount === 0;
    if (!test && d === 15) {
      x.ends = true;
      const g = plain ? regSrc(m) : S && logical ? shiftImmSrcC(m, type, amount) : shiftImmSrc(m, type, amount);
      return aluToPc(op, S, n, g, pcWrite(op, S));
    }
    if (plain) return aluReg(op, S, d, n, m);
    return aluSrc(op, S, d, n, S && logical ? shiftImmSrcC(m, type, amount) : shiftImmSrc(m, type, amount));
  };
}
