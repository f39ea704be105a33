// T32_DP: T32 data-processing encodings. See encoding.ts for the pattern language.
//
// Written hw1:hw2. Modified immediate (i:imm3:imm8 is one field, ThumbExpandImm), plain binary
// immediate (ADDW/SUBW/ADR/MOVW/MOVT), shifted register (imm3:imm2 is one field) and the
// register-controlled shifts (MOV_rsr: LSL/LSR/ASR/ROR .W). Rd=1111 with S=1 is TST/TEQ/CMN/CMP,
// Rn=1111 is MOV/MVN. PKHBT/PKHTB (opcode 0110), bitfield and saturate belong to the media group.
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

/** Destination PC/SP forms are UNPREDICTABLE (QEMU branches / writes SP): not for random tests. */
const NOPC_D: GenHints = { avoid: { d: [13, 15] } };

export const T32_DP: EncodingSpec[] = [
  enc('AND_imm', '1111 0i00 000S nnnn 0iii dddd iiii iiii', 'AND{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('TST_imm', '1111 0i00 0001 nnnn 0iii 1111 iiii iiii', 'TST{c}.W {Rn}, {dptimm:i}', 'dp'),
  enc('BIC_imm', '1111 0i00 001S nnnn 0iii dddd iiii iiii', 'BIC{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('ORR_imm', '1111 0i00 010S nnnn 0iii dddd iiii iiii', 'ORR{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('MOV_imm', '1111 0i00 010S 1111 0iii dddd iiii iiii', 'MOV{S}{c}.W {Rd}, {dptimm:i}', 'dp', NOPC_D),
  enc('ORN_imm', '1111 0i00 011S nnnn 0iii dddd iiii iiii', 'ORN{S}{c} {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('MVN_imm', '1111 0i00 011S 1111 0iii dddd iiii iiii', 'MVN{S}{c}.W {Rd}, {dptimm:i}', 'dp', NOPC_D),
  enc('EOR_imm', '1111 0i00 100S nnnn 0iii dddd iiii iiii', 'EOR{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('TEQ_imm', '1111 0i00 1001 nnnn 0iii 1111 iiii iiii', 'TEQ{c} {Rn}, {dptimm:i}', 'dp'),
  enc('ADD_imm', '1111 0i01 000S nnnn 0iii dddd iiii iiii', 'ADD{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('CMN_imm', '1111 0i01 0001 nnnn 0iii 1111 iiii iiii', 'CMN{c}.W {Rn}, {dptimm:i}', 'dp'),
  enc('ADC_imm', '1111 0i01 010S nnnn 0iii dddd iiii iiii', 'ADC{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('SBC_imm', '1111 0i01 011S nnnn 0iii dddd iiii iiii', 'SBC{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('SUB_imm', '1111 0i01 101S nnnn 0iii dddd iiii iiii', 'SUB{S}{c}.W {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),
  enc('CMP_imm', '1111 0i01 1011 nnnn 0iii 1111 iiii iiii', 'CMP{c}.W {Rn}, {dptimm:i}', 'dp'),
  enc('RSB_imm', '1111 0i01 110S nnnn 0iii dddd iiii iiii', 'RSB{S}{c} {Rd}, {Rn}, {dptimm:i}', 'dp', NOPC_D),

  enc('AND_reg', '1110 1010 000S nnnn 0iii dddd iiyy mmmm', 'AND{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('TST_reg', '1110 1010 0001 nnnn 0iii 1111 iiyy mmmm', 'TST{c}.W {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('BIC_reg', '1110 1010 001S nnnn 0iii dddd iiyy mmmm', 'BIC{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('ORR_reg', '1110 1010 010S nnnn 0iii dddd iiyy mmmm', 'ORR{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('MOV_reg', '1110 1010 010S 1111 0iii dddd iiyy mmmm', 'MOV{S}{c}.W {Rd}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('ORN_reg', '1110 1010 011S nnnn 0iii dddd iiyy mmmm', 'ORN{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('MVN_reg', '1110 1010 011S 1111 0iii dddd iiyy mmmm', 'MVN{S}{c}.W {Rd}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('EOR_reg', '1110 1010 100S nnnn 0iii dddd iiyy mmmm', 'EOR{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('TEQ_reg', '1110 1010 1001 nnnn 0iii 1111 iiyy mmmm', 'TEQ{c} {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('ADD_reg', '1110 1011 000S nnnn 0iii dddd iiyy mmmm', 'ADD{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('CMN_reg', '1110 1011 0001 nnnn 0iii 1111 iiyy mmmm', 'CMN{c}.W {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('ADC_reg', '1110 1011 010S nnnn 0iii dddd iiyy mmmm', 'ADC{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('SBC_reg', '1110 1011 011S nnnn 0iii dddd iiyy mmmm', 'SBC{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('SUB_reg', '1110 1011 101S nnnn 0iii dddd iiyy mmmm', 'SUB{S}{c}.W {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),
  enc('CMP_reg', '1110 1011 1011 nnnn 0iii 1111 iiyy mmmm', 'CMP{c}.W {Rn}, {Rm}{dpsh:y,i}', 'dp'),
  enc('RSB_reg', '1110 1011 110S nnnn 0iii dddd iiyy mmmm', 'RSB{S}{c} {Rd}, {Rn}, {Rm}{dpsh:y,i}', 'dp', NOPC_D),

  enc('ADD_imm_T4', '1111 0i10 0000 nnnn 0iii dddd iiii iiii', 'ADDW{c} {Rd}, {Rn}, {#i}', 'dp', NOPC_D),
  enc('ADR_T3', '1111 0i10 0000 1111 0iii dddd iiii iiii', 'ADDW{c} {Rd}, pc, {#i}', 'dp', NOPC_D),
  enc('SUB_imm_T4', '1111 0i10 1010 nnnn 0iii dddd iiii iiii', 'SUBW{c} {Rd}, {Rn}, {#i}', 'dp', NOPC_D),
  enc('ADR_T2', '1111 0i10 1010 1111 0iii dddd iiii iiii', 'SUBW{c} {Rd}, pc, {#i}', 'dp', NOPC_D),
  enc('MOV_imm_T3', '1111 0i10 0100 kkkk 0vvv dddd vvvv vvvv', 'MOVW{c} {Rd}, {dpimm16t:k,i,v}', 'dp', NOPC_D),
  enc('MOVT', '1111 0i10 1100 kkkk 0vvv dddd vvvv vvvv', 'MOVT{c} {Rd}, {dpimm16t:k,i,v}', 'dp', NOPC_D),

  enc('MOV_rsr', '1111 1010 0yyS nnnn 1111 dddd 0000 mmmm', '{dpshr:y}{S}{c}.W {Rd}, {Rn}, {Rm}', 'dp', NOPC_D),
];
