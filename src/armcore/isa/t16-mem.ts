// T16_MEM: 16-bit Thumb load/store encodings. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

const G = 'mem';

export const T16_MEM: EncodingSpec[] = [
  enc('STR_imm_T1', '0110 0iii iinn nttt', 'STR{c} {Rt}, {ami:n,i,1,1,0,4}', G),
  enc('LDR_imm_T1', '0110 1iii iinn nttt', 'LDR{c} {Rt}, {ami:n,i,1,1,0,4}', G),
  enc('STRB_imm_T1', '0111 0iii iinn nttt', 'STRB{c} {Rt}, {ami:n,i,1,1,0}', G),
  enc('LDRB_imm_T1', '0111 1iii iinn nttt', 'LDRB{c} {Rt}, {ami:n,i,1,1,0}', G),
  enc('STRH_imm_T1', '1000 0iii iinn nttt', 'STRH{c} {Rt}, {ami:n,i,1,1,0,2}', G),
  enc('LDRH_imm_T1', '1000 1iii iinn nttt', 'LDRH{c} {Rt}, {ami:n,i,1,1,0,2}', G),
  enc('STR_imm_T2', '1001 0ttt iiii iiii', 'STR{c} {Rt}, [sp, {imm:i,4}]', G),
  enc('LDR_imm_T2', '1001 1ttt iiii iiii', 'LDR{c} {Rt}, [sp, {imm:i,4}]', G),
  enc('LDR_lit_T1', '0100 1ttt iiii iiii', 'LDR{c} {Rt}, {lit16:i}', G),
  enc('STR_reg_T1', '0101 000m mmnn nttt', 'STR{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('STRH_reg_T1', '0101 001m mmnn nttt', 'STRH{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('STRB_reg_T1', '0101 010m mmnn nttt', 'STRB{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('LDRSB_reg_T1', '0101 011m mmnn nttt', 'LDRSB{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('LDR_reg_T1', '0101 100m mmnn nttt', 'LDR{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('LDRH_reg_T1', '0101 101m mmnn nttt', 'LDRH{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('LDRB_reg_T1', '0101 110m mmnn nttt', 'LDRB{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('LDRSH_reg_T1', '0101 111m mmnn nttt', 'LDRSH{c} {Rt}, [{Rn}, {Rm}]', G),
  enc('STM_T1', '1100 0nnn rrrr rrrr', 'STMIA{c} {Rn}!, {rlist:r}', G),
  enc('LDM_T1', '1100 1nnn rrrr rrrr', 'LDMIA{c} {Rn}{ldm16wb:n,r}, {rlist:r}', G),
  enc('PUSH_T1', '1011 010M rrrr rrrr', 'PUSH{c} {rlist16:r,M,14}', G),
  enc('POP_T1', '1011 110P rrrr rrrr', 'POP{c} {rlist16:r,P,15}', G),
];
