// T16_DP: T16 data-processing encodings. See encoding.ts for the pattern language.
//
// Flag-setting forms set the flags only outside an IT block (the {S} of the template follows).
// Names follow the ARM ARM; a second encoding of the same instruction carries its suffix
// (ADD_reg_T2 is the high-register ADD). LSL_imm with imm5=0 is MOVS Rd, Rm (MOV_reg T2).
// MUL (010000 1101) belongs to the media group.
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

/** Destination PC: a branch, not comparable in random testing. */
const NOPC_D: GenHints = { avoid: { d: [15] } };

export const T16_DP: EncodingSpec[] = [
  enc('LSL_imm', '000 00 iiiii mmm ddd', '{dpt16lsl:d,m,i}', 'dp'),
  enc('LSR_imm', '000 01 iiiii mmm ddd', 'LSR{S}{c} {Rd}, {Rm}, {dpsh32:i}', 'dp'),
  enc('ASR_imm', '000 10 iiiii mmm ddd', 'ASR{S}{c} {Rd}, {Rm}, {dpsh32:i}', 'dp'),
  enc('ADD_reg', '0001100 mmm nnn ddd', 'ADD{S}{c} {Rd}, {Rn}, {Rm}', 'dp'),
  enc('SUB_reg', '0001101 mmm nnn ddd', 'SUB{S}{c} {Rd}, {Rn}, {Rm}', 'dp'),
  enc('ADD_imm', '0001110 iii nnn ddd', 'ADD{S}{c} {Rd}, {Rn}, {#i}', 'dp'),
  enc('SUB_imm', '0001111 iii nnn ddd', 'SUB{S}{c} {Rd}, {Rn}, {#i}', 'dp'),
  enc('MOV_imm', '00100 ddd vvvvvvvv', 'MOV{S}{c} {Rd}, {dpuimm:v}', 'dp'),
  enc('CMP_imm', '00101 nnn vvvvvvvv', 'CMP{c} {Rn}, {dpuimm:v}', 'dp'),
  enc('ADD_imm_T2', '00110 ddd vvvvvvvv', 'ADD{S}{c} {Rd}, {dpuimm:v}', 'dp'),
  enc('SUB_imm_T2', '00111 ddd vvvvvvvv', 'SUB{S}{c} {Rd}, {dpuimm:v}', 'dp'),

  enc('AND_reg', '010000 0000 mmm ddd', 'AND{S}{c} {Rd}, {Rm}', 'dp'),
  enc('EOR_reg', '010000 0001 mmm ddd', 'EOR{S}{c} {Rd}, {Rm}', 'dp'),
  enc('LSL_reg', '010000 0010 mmm ddd', 'LSL{S}{c} {Rd}, {Rm}', 'dp'),
  enc('LSR_reg', '010000 0011 mmm ddd', 'LSR{S}{c} {Rd}, {Rm}', 'dp'),
  enc('ASR_reg', '010000 0100 mmm ddd', 'ASR{S}{c} {Rd}, {Rm}', 'dp'),
  enc('ADC_reg', '010000 0101 mmm ddd', 'ADC{S}{c} {Rd}, {Rm}', 'dp'),
  enc('SBC_reg', '010000 0110 mmm ddd', 'SBC{S}{c} {Rd}, {Rm}', 'dp'),
  enc('ROR_reg', '010000 0111 mmm ddd', 'ROR{S}{c} {Rd}, {Rm}', 'dp'),
  enc('TST_reg', '010000 1000 mmm nnn', 'TST{c} {Rn}, {Rm}', 'dp'),
  enc('RSB_imm', '010000 1001 nnn ddd', 'NEG{S}{c} {Rd}, {Rn}', 'dp'),
  enc('CMP_reg', '010000 1010 mmm nnn', 'CMP{c} {Rn}, {Rm}', 'dp'),
  enc('CMN_reg', '010000 1011 mmm nnn', 'CMN{c} {Rn}, {Rm}', 'dp'),
  enc('ORR_reg', '010000 1100 mmm ddd', 'ORR{S}{c} {Rd}, {Rm}', 'dp'),
  enc('BIC_reg', '010000 1110 mmm ddd', 'BIC{S}{c} {Rd}, {Rm}', 'dp'),
  enc('MVN_reg', '010000 1111 mmm ddd', 'MVN{S}{c} {Rd}, {Rm}', 'dp'),

  enc('ADD_reg_T2', '01000100 d mmmm ddd', 'ADD{c} {Rd}, {Rm}', 'dp', NOPC_D),
  enc('CMP_reg_T2', '01000101 n mmmm nnn', 'CMP{c} {Rn}, {Rm}', 'dp'),
  enc('MOV_reg', '01000110 d mmmm ddd', 'MOV{c} {Rd}, {Rm}', 'dp', NOPC_D),

  enc('ADR', '10100 ddd vvvvvvvv', 'ADD{c} {Rd}, pc, {dpx4:v}', 'dp'),
  enc('ADD_SP_imm', '10101 ddd vvvvvvvv', 'ADD{c} {Rd}, sp, {dpx4:v}', 'dp'),
  enc('ADD_SP_imm_T2', '1011 0000 0 vvvvvvv', 'ADD{c} sp, {dpx4:v}', 'dp'),
  enc('SUB_SP_imm', '1011 0000 1 vvvvvvv', 'SUB{c} sp, {dpx4:v}', 'dp'),
];
