// Handlers for the T16 'dp' encodings (src/armcore/isa/t16-dp.ts), by encoding name.
//
// The flag-setting 16-bit forms set flags only outside an IT block (x.inIT, known at translation
// time). The high-register ADD/MOV with Rd=PC are BranchWritePC (no interworking) and end the
// block; QEMU executes the UNPREDICTABLE variants (CMP of two low registers, PC in an IT block
// not last) as written, and so do we.
import type { Handler, HandlerTable } from '../types.js';
import {
  Alu, PcWrite, aluImm, aluReg, aluSrc, aluToPc, regSrc, shiftImmSrc, shiftImmSrcC, shiftRegSrc, shiftRegSrcC,
} from '../sem/alu.js';

/** <op>{S} Rd, Rm, #imm (shift by immediate; type 0 LSL 1 LSR 2 ASR). */
function shiftImm(type: number): Handler {
  return (f, x) => {
    const S = !x.inIT, d = f['d']!, m = f['m']!, i = f['i']!;
    if (type === 0 && i === 0) return aluReg(Alu.MOV, S, d, 0, m); // MOVS Rd, Rm
    const amount = i === 0 ? 32 : i;
    return aluSrc(Alu.MOV, S, d, 0, S ? shiftImmSrcC(m, type, amount) : shiftImmSrc(m, type, amount));
  };
}

/** <op>{S} Rdn, Rm (shift by register; Rm's bottom byte is the amount). */
function shiftReg(type: number): Handler {
  return (f, x) => {
    const S = !x.inIT, d = f['d']!, m = f['m']!;
    return aluSrc(Alu.MOV, S, d, 0, S ? shiftRegSrcC(d, m, type) : shiftRegSrc(d, m, type));
  };
}

/** <op>{S} Rdn, Rm (two low registers, Rdn is also the first operand). */
function twoReg(op: Alu): Handler {
  return (f, x) => aluReg(op, !x.inIT, f['d']!, f['d']!, f['m']!);
}

/** TST/CMP/CMN Rn, Rm: always set flags. */
function testReg(op: Alu): Handler {
  return f => aluReg(op, true, 0, f['n']!, f['m']!);
}

export const T16_DP_HANDLERS: HandlerTable = {
  LSL_imm: shiftImm(0),
  LSR_imm: shiftImm(1),
  ASR_imm: shiftImm(2),
  ADD_reg: (f, x) => aluReg(Alu.ADD, !x.inIT, f['d']!, f['n']!, f['m']!),
  SUB_reg: (f, x) => aluReg(Alu.SUB, !x.inIT, f['d']!, f['n']!, f['m']!),
  ADD_imm: (f, x) => aluImm(Alu.ADD, !x.inIT, f['d']!, f['n']!, f['i']!),
  SUB_imm: (f, x) => aluImm(Alu.SUB, !x.inIT, f['d']!, f['n']!, f['i']!),
  MOV_imm: (f, x) => aluImm(Alu.MOV, !x.inIT, f['d']!, 0, f['v']!),
  CMP_imm: f => aluImm(Alu.CMP, true, 0, f['n']!, f['v']!),
  ADD_imm_T2: (f, x) => aluImm(Alu.ADD, !x.inIT, f['d']!, f['d']!, f['v']!),
  SUB_imm_T2: (f, x) => aluImm(Alu.SUB, !x.inIT, f['d']!, f['d']!, f['v']!),

  AND_reg: twoReg(Alu.AND),
  EOR_reg: twoReg(Alu.EOR),
  LSL_reg: shiftReg(0),
  LSR_reg: shiftReg(1),
  ASR_reg: shiftReg(2),
  ADC_reg: twoReg(Alu.ADC),
  SBC_reg: twoReg(Alu.SBC),
  ROR_reg: shiftReg(3),
  TST_reg: testReg(Alu.TST),
  RSB_imm: (f, x) => aluImm(Alu.RSB, !x.inIT, f['d']!, f['n']!, 0),
  CMP_reg: testReg(Alu.CMP),
  CMN_reg: testReg(Alu.CMN),
  ORR_reg: twoReg(Alu.ORR),
  BIC_reg: twoReg(Alu.BIC),
  MVN_reg: (f, x) => aluReg(Alu.MVN, !x.inIT, f['d']!, 0, f['m']!),

  // ADD Rdn, Rm (any registers, no flags). Rd=PC: BranchWritePC.
  ADD_reg_T2(f, x) {
    const d = f['d']!, m = f['m']!;
    if (d === 15) { x.ends = true; return aluToPc(Alu.ADD, false, 15, regSrc(m), PcWrite.Branch); }
    return aluReg(Alu.ADD, false, d, d, m);
  },
  CMP_reg_T2: testReg(Alu.CMP),
  // MOV Rd, Rm (any registers, no flags). Rd=PC: BranchWritePC.
  MOV_reg(f, x) {
    const d = f['d']!, m = f['m']!;
    if (d === 15) { x.ends = true; return aluToPc(Alu.MOV, false, 0, regSrc(m), PcWrite.Branch); }
    return aluReg(Alu.MOV, false, d, 0, m);
  },

  // ADR Rd, <label>: Align(PC, 4) + imm8*4, a constant at translation time.
  ADR(f, x) {
    const d = f['d']!, k = ((((x.pc + 4) & ~3) + f['v']! * 4) | 0);
    return c => { c.r[d] = k; };
  },
  ADD_SP_imm: f => aluImm(Alu.ADD, false, f['d']!, 13, f['v']! * 4),
  ADD_SP_imm_T2: f => aluImm(Alu.ADD, false, 13, 13, f['v']! * 4),
  SUB_SP_imm: f => aluImm(Alu.SUB, false, 13, 13, f['v']! * 4),
};
