// Handlers for the A32 'dp' encodings (src/armcore/isa/a32-dp.ts), by encoding name.
//
// One handler factory per operand form (immediate, register with immediate shift, register
// shifted by register), instantiated for the 16 opcodes; the semantics live in sem/alu.ts.
// Rd=15: ALUWritePC (interworking) and the block ends; SUBS/MOVS pc is the exception return
// (CPSR <- SPSR), as QEMU, which gives the other ops with S=1 and Rd=15 the plain ALUWritePC
// after setting the flags. Register-shifted-register forms with a PC operand are UNPREDICTABLE;
// QEMU reads the PC as pc+8 and writes it as above, and so do we.
import type { Handler, HandlerTable } from '../types.js';
import { armExpandImm } from '../sem/shift.js';
import {
  Alu, registerFormHandler, ALU_NAMES, PcWrite, aluImm, aluSrc, aluToPc, constSrc, isLogical, isTest, shiftRegSrc, shiftRegSrcC,
} from '../sem/alu.js';

function pcWriteKind(op: Alu, S: boolean): PcWrite {
  return S && (op === Alu.SUB || op === Alu.MOV) ? PcWrite.ExcReturn : PcWrite.Alu;
}

function immHandler(op: Alu): Handler {
  const test = isTest(op), logical = isLogical(op);
  return (f, x) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!, n = f['n'] ?? 0;
    const rot = f['r']!, imm8 = f['v']!;
    const k = armExpandImm(rot, imm8);
    const cy = S && logical && rot !== 0 ? k >>> 31 : -1;
    if (!test && d === 15) {
      x.ends = true;
      return aluToPc(op, S, n, constSrc(k, cy), pcWriteKind(op, S));
    }
    return aluImm(op, S, d, n, k, cy);
  };
}

function rsrHandler(op: Alu): Handler {
  const test = isTest(op), logical = isLogical(op);
  return (f, x) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!, n = f['n'] ?? 0, m = f['m']!, s = f['s']!, y = f['y']!;
    const g = S && logical ? shiftRegSrcC(m, s, y) : shiftRegSrc(m, s, y);
    if (!test && d === 15) {
      x.ends = true;
      return aluToPc(op, S, n, g, pcWriteKind(op, S));
    }
    return aluSrc(op, S, d, n, g);
  };
}

const table: HandlerTable = {};
for (let op = 0; op < 16; op++) {
  const name = ALU_NAMES[op]!;
  table[`${name}_imm`] = immHandler(op);
  table[`${name}_reg`] = registerFormHandler(op, pcWriteKind);
  table[`${name}_rsr`] = rsrHandler(op);
}

// MOVW<c> <Rd>, #<imm16>. Rd=15 is UNPREDICTABLE: QEMU branches (BranchWritePC).
table['MOV_imm_A2'] = (f, x) => {
  const d = f['d']!, k = (f['k']! << 12) | f['v']!;
  if (d === 15) { x.ends = true; return c => c.branchWritePC(k); }
  return c => { c.r[d] = k; };
};

// MOVT<c> <Rd>, #<imm16>. Rd=15 as MOVW (the old value read is pc+8).
table['MOVT'] = (f, x) => {
  const d = f['d']!, hi = ((f['k']! << 12) | f['v']!) << 16;
  if (d === 15) { x.ends = true; return c => c.branchWritePC((c.r[15]! & 0xffff) | hi); }
  return c => { c.r[d] = (c.r[d]! & 0xffff) | hi; };
};

export const A32_DP_HANDLERS: HandlerTable = table;
