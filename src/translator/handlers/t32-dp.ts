// Handlers for the T32 'dp' encodings (src/armcore/isa/t32-dp.ts), by encoding name.
//
// The ARM ARM makes Rd/Rn = SP/PC forms UNPREDICTABLE here (outside the SP forms); QEMU does not
// check them: it reads PC as pc+4, writes SP, and a write to PC is a BranchWritePC (a plain
// branch, no interworking) that ends the block. MOVS PC (S=1, Rd=15) is the exception return
// as in A32 (UNDEFINED in User mode). We do the same. ThumbExpandImm of the UNPREDICTABLE
// imm8=0 patterns gives 0, as QEMU.
import type { Handler, HandlerTable } from '../types.js';
import { thumbExpandImm, thumbExpandImmCarry } from '../sem/shift.js';
import {
  Alu, registerFormHandler, PcWrite, aluImm, aluSrc, aluToPc, constSrc, isLogical, isTest, shiftRegSrc, shiftRegSrcC,
} from '../sem/alu.js';

function pcWriteKind(op: Alu, S: boolean): PcWrite {
  return S && op === Alu.MOV ? PcWrite.ExcReturn : PcWrite.Branch;
}

function immHandler(op: Alu): Handler {
  const test = isTest(op), logical = isLogical(op);
  return (f, x) => {
    const S = test || f['S'] === 1;
    const d = test ? 0 : f['d']!, n = f['n'] ?? 0, imm12 = f['i']!;
    const k = thumbExpandImm(imm12) ?? 0;
    // carry from the rotation (thumbExpandImmCarry returns its carry-in, -1, when unrotated)
    const cy = S && logical ? thumbExpandImmCarry(imm12, -1) : -1;
    if (!test && d === 15) {
      x.ends = true;
      return aluToPc(op, S, n, constSrc(k, cy), pcWriteKind(op, S));
    }
    return aluImm(op, S, d, n, k, cy);
  };
}


const OPS: [string, Alu][] = [
  ['AND', Alu.AND], ['TST', Alu.TST], ['BIC', Alu.BIC], ['ORR', Alu.ORR], ['MOV', Alu.MOV], ['ORN', Alu.ORN],
  ['MVN', Alu.MVN], ['EOR', Alu.EOR], ['TEQ', Alu.TEQ], ['ADD', Alu.ADD], ['CMN', Alu.CMN], ['ADC', Alu.ADC],
  ['SBC', Alu.SBC], ['SUB', Alu.SUB], ['CMP', Alu.CMP], ['RSB', Alu.RSB],
];

const table: HandlerTable = {};
for (const [name, op] of OPS) {
  table[`${name}_imm`] = immHandler(op);
  table[`${name}_reg`] = registerFormHandler(op, pcWriteKind);
}

/** ADDW/SUBW Rd, Rn, #imm12 (Rd=PC: branch). */
function plainImm(op: Alu): Handler {
  return (f, x) => {
    const d = f['d']!, n = f['n']!, k = f['i']!;
    if (d === 15) { x.ends = true; return aluToPc(op, false, n, constSrc(k), PcWrite.Branch); }
    return aluImm(op, false, d, n, k);
  };
}
table['ADD_imm_T4'] = plainImm(Alu.ADD);
table['SUB_imm_T4'] = plainImm(Alu.SUB);

/** ADR Rd, <label>: Align(PC, 4) +/- imm12, a constant at translation time. */
function adr(sign: 1 | -1): Handler {
  return (f, x) => {
    const d = f['d']!, k = ((((x.pc + 4) & ~3) + sign * f['i']!) | 0);
    if (d === 15) { x.ends = true; return c => c.branchWritePC(k); }
    return c => { c.r[d] = k; };
  };
}
table['ADR_T3'] = adr(1);
table['ADR_T2'] = adr(-1);

// MOVW Rd, #imm16 (imm4:i:imm3:imm8). Rd=PC: branch, as QEMU.
table['MOV_imm_T3'] = (f, x) => {
  const d = f['d']!, k = (f['k']! << 12) | (f['i']! << 11) | f['v']!;
  if (d === 15) { x.ends = true; return c => c.branchWritePC(k); }
  return c => { c.r[d] = k; };
};
// MOVT Rd, #imm16. Rd=PC: branch with the old value read as pc+4.
table['MOVT'] = (f, x) => {
  const d = f['d']!, hi = ((f['k']! << 12) | (f['i']! << 11) | f['v']!) << 16;
  if (d === 15) { x.ends = true; return c => c.branchWritePC((c.r[15]! & 0xffff) | hi); }
  return c => { c.r[d] = (c.r[d]! & 0xffff) | hi; };
};

// LSL/LSR/ASR/ROR{S}.W Rd, Rn, Rm: Rn shifted by Rm's bottom byte.
table['MOV_rsr'] = (f, x) => {
  const S = f['S'] === 1, d = f['d']!, n = f['n']!, m = f['m']!, y = f['y']!;
  const g = S ? shiftRegSrcC(n, m, y) : shiftRegSrc(n, m, y);
  if (d === 15) { x.ends = true; return aluToPc(Alu.MOV, S, 0, g, pcWriteKind(Alu.MOV, S)); }
  return aluSrc(Alu.MOV, S, d, 0, g);
};

export const T32_DP_HANDLERS: HandlerTable = table;
