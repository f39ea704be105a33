// A32_DP: A32 data-processing encodings. See encoding.ts for the pattern language.
//
// Opcode order follows the A32 opcode field (bits 24:21). As QEMU, TST/TEQ/CMP/CMN require
// Rd=0000 and MOV/MVN require Rn=0000 (other values are UNDEFINED there). The shift aliases
// (LSL/LSR/ASR/ROR/RRX) are MOV_reg / MOV_rsr; the disassembler prints the alias. ADR is ADD/SUB
// with Rn=PC (objdump prints it as add/sub ..., pc, #imm).
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

/** Destination PC: a branch, not comparable in random testing. */
const NOPC_D: GenHints = { avoid: { d: [15] } };
/** Register-shifted register: any PC operand is UNPREDICTABLE. */
const PCX: GenHints = { avoid: { d: [15], n: [15], m: [15], s: [15] } };

export const A32_DP: EncodingSpec[] = [
  enc('AND_imm', 'cccc 0010 000S nnnn dddd rrrr vvvv vvvv', 'AND{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('EOR_imm', 'cccc 0010 001S nnnn dddd rrrr vvvv vvvv', 'EOR{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('SUB_imm', 'cccc 0010 010S nnnn dddd rrrr vvvv vvvv', 'SUB{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('RSB_imm', 'cccc 0010 011S nnnn dddd rrrr vvvv vvvv', 'RSB{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('ADD_imm', 'cccc 0010 100S nnnn dddd rrrr vvvv vvvv', 'ADD{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('ADC_imm', 'cccc 0010 101S nnnn dddd rrrr vvvv vvvv', 'ADC{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('SBC_imm', 'cccc 0010 110S nnnn dddd rrrr vvvv vvvv', 'SBC{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('RSC_imm', 'cccc 0010 111S nnnn dddd rrrr vvvv vvvv', 'RSC{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('TST_imm', 'cccc 0011 0001 nnnn 0000 rrrr vvvv vvvv', 'TST{c} {Rn}, {dpimm:r,v}', 'dp'),
  enc('TEQ_imm', 'cccc 0011 0011 nnnn 0000 rrrr vvvv vvvv', 'TEQ{c} {Rn}, {dpimm:r,v}', 'dp'),
  enc('CMP_imm', 'cccc 0011 0101 nnnn 0000 rrrr vvvv vvvv', 'CMP{c} {Rn}, {dpimm:r,v}', 'dp'),
  enc('CMN_imm', 'cccc 0011 0111 nnnn 0000 rrrr vvvv vvvv', 'CMN{c} {Rn}, {dpimm:r,v}', 'dp'),
  enc('ORR_imm', 'cccc 0011 100S nnnn dddd rrrr vvvv vvvv', 'ORR{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('MOV_imm', 'cccc 0011 101S 0000 dddd rrrr vvvv vvvv', 'MOV{S}{c} {Rd}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('BIC_imm', 'cccc 0011 110S nnnn dddd rrrr vvvv vvvv', 'BIC{S}{c} {Rd}, {Rn}, {dpimm:r,v}', 'dp', NOPC_D),
  enc('MVN_imm', 'cccc 0011 111S 0000 dddd rrrr vvvv vvvv', 'MVN{S}{c} {Rd}, {dpimm:r,v}', 'dp', NOPC_D),

  enc('AND_reg', 'cccc 0000 000S nnnn dddd iiii iyy0 mmmm', 'AND{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('EOR_reg', 'cccc 0000 001S nnnn dddd iiii iyy0 mmmm', 'EOR{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('SUB_reg', 'cccc 0000 010S nnnn dddd iiii iyy0 mmmm', 'SUB{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('RSB_reg', 'cccc 0000 011S nnnn dddd iiii iyy0 mmmm', 'RSB{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('ADD_reg', 'cccc 0000 100S nnnn dddd iiii iyy0 mmmm', 'ADD{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('ADC_reg', 'cccc 0000 101S nnnn dddd iiii iyy0 mmmm', 'ADC{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('SBC_reg', 'cccc 0000 110S nnnn dddd iiii iyy0 mmmm', 'SBC{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('RSC_reg', 'cccc 0000 111S nnnn dddd iiii iyy0 mmmm', 'RSC{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('TST_reg', 'cccc 0001 0001 nnnn 0000 iiii iyy0 mmmm', 'TST{c} {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('TEQ_reg', 'cccc 0001 0011 nnnn 0000 iiii iyy0 mmmm', 'TEQ{c} {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('CMP_reg', 'cccc 0001 0101 nnnn 0000 iiii iyy0 mmmm', 'CMP{c} {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('CMN_reg', 'cccc 0001 0111 nnnn 0000 iiii iyy0 mmmm', 'CMN{c} {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('ORR_reg', 'cccc 0001 100S nnnn dddd iiii iyy0 mmmm', 'ORR{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('MOV_reg', 'cccc 0001 101S 0000 dddd iiii iyy0 mmmm', '{dpmovreg:S,d,m,y,i}', 'dp', NOPC_D),
  enc('BIC_reg', 'cccc 0001 110S nnnn dddd iiii iyy0 mmmm', 'BIC{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('MVN_reg', 'cccc 0001 111S 0000 dddd iiii iyy0 mmmm', 'MVN{S}{c} {Rd}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),

  enc('AND_rsr', 'cccc 0000 000S nnnn dddd ssss 0yy1 mmmm', 'AND{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('EOR_rsr', 'cccc 0000 001S nnnn dddd ssss 0yy1 mmmm', 'EOR{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('SUB_rsr', 'cccc 0000 010S nnnn dddd ssss 0yy1 mmmm', 'SUB{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('RSB_rsr', 'cccc 0000 011S nnnn dddd ssss 0yy1 mmmm', 'RSB{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('ADD_rsr', 'cccc 0000 100S nnnn dddd ssss 0yy1 mmmm', 'ADD{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('ADC_rsr', 'cccc 0000 101S nnnn dddd ssss 0yy1 mmmm', 'ADC{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('SBC_rsr', 'cccc 0000 110S nnnn dddd ssss 0yy1 mmmm', 'SBC{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('RSC_rsr', 'cccc 0000 111S nnnn dddd ssss 0yy1 mmmm', 'RSC{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('TST_rsr', 'cccc 0001 0001 nnnn 0000 ssss 0yy1 mmmm', 'TST{c} {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('TEQ_rsr', 'cccc 0001 0011 nnnn 0000 ssss 0yy1 mmmm', 'TEQ{c} {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('CMP_rsr', 'cccc 0001 0101 nnnn 0000 ssss 0yy1 mmmm', 'CMP{c} {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('CMN_rsr', 'cccc 0001 0111 nnnn 0000 ssss 0yy1 mmmm', 'CMN{c} {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('ORR_rsr', 'cccc 0001 100S nnnn dddd ssss 0yy1 mmmm', 'ORR{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('MOV_rsr', 'cccc 0001 101S 0000 dddd ssss 0yy1 mmmm', '{dpmovrsr:S,d,m,y,s}', 'dp', PCX),
  enc('BIC_rsr', 'cccc 0001 110S nnnn dddd ssss 0yy1 mmmm', 'BIC{S}{c} {Rd}, {Rn}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),
  enc('MVN_rsr', 'cccc 0001 111S 0000 dddd ssss 0yy1 mmmm', 'MVN{S}{c} {Rd}, {Rm}, {dpshr:y} {Rs}', 'dp', PCX),

  enc('MOV_imm_A2', 'cccc 0011 0000 kkkk dddd vvvv vvvv vvvv', 'MOVW{c} {Rd}, {dpimm16:k,v}', 'dp', NOPC_D),
  enc('MOVT', 'cccc 0011 0100 kkkk dddd vvvv vvvv vvvv', 'MOVT{c} {Rd}, {dpimm16:k,v}', 'dp', NOPC_D),
];
