// T32_CTL: 32-bit Thumb branch, system and control encodings (hw1:hw2). See encoding.ts.
// Field letters: g sign bit S, j J1, k J2 / MSR field mask, i immediate, H BLX low bit, c condition,
// R PSR select, o options / opcodes, M CPS mode-change bit or CRm, A I F CPS masks, y mode,
// W writeback, p coprocessor, N CRn, q opc2, D/E CRd, P U L LDC/STC addressing bits.
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

const BR: GenHints = { skip: 'branch' };
const SYS: GenHints = { skip: 'system / exception' };
const CP: GenHints = { skip: 'coprocessor' };

export const T32_CTL: EncodingSpec[] = [
  // Branches
  enc('B_T3', '1111 0gcc ccii iiii 10j0 kiii iiii iiii', 'B{ctlcc:c}.w {ctlt32bc:g,j,k,i}', 'ctl', BR),
  enc('B_T4', '1111 0gii iiii iiii 10j1 kiii iiii iiii', 'B{c}.w {ctlt32b:g,j,k,i}', 'ctl', BR),
  enc('BL_T1', '1111 0gii iiii iiii 11j1 kiii iiii iiii', 'BL{c} {ctlt32b:g,j,k,i}', 'ctl', BR),
  enc('BLX_imm_T2', '1111 0gii iiii iiii 11j0 kiii iiii iiiH', 'BLX{c} {ctlt32blx:g,j,k,i}', 'ctl', BR),
  enc('BXJ_T1', '1111 0011 1100 mmmm 1000 1111 0000 0000', 'BXJ{c} {Rm}', 'ctl', BR),
  enc('TBB', '1110 1000 1101 nnnn 1111 0000 0000 mmmm', 'TBB{c} [{Rn}, {Rm}]', 'ctl', BR),
  enc('TBH', '1110 1000 1101 nnnn 1111 0000 0001 mmmm', 'TBH{c} [{Rn}, {Rm}, lsl #1]', 'ctl', BR),
  enc('SUBS_PC_LR', '1111 0011 1101 1110 1000 1111 iiii iiii', 'SUBS{c} pc, lr, #{ctldec:i}', 'ctl', SYS),

  // Status registers
  enc('MRS_T1', '1111 0011 111R 1111 1000 dddd 0000 0000', 'MRS{c} {Rd}, {ctlpsr:R}', 'ctl', SYS),
  enc('MSR_reg_T1', '1111 0011 100R nnnn 1000 kkkk 0000 0000', 'MSR{c} {ctlpsrf:R,k}, {Rn}', 'ctl', SYS),

  // Hints
  enc('NOP_T2', '1111 0011 1010 1111 1000 0000 0000 0000', 'NOP{c}.w', 'ctl'),
  enc('YIELD_T2', '1111 0011 1010 1111 1000 0000 0000 0001', 'YIELD{c}.w', 'ctl'),
  enc('WFE_T2', '1111 0011 1010 1111 1000 0000 0000 0010', 'WFE{c}.w', 'ctl'),
  enc('WFI_T2', '1111 0011 1010 1111 1000 0000 0000 0011', 'WFI{c}.w', 'ctl', SYS),
  enc('SEV_T2', '1111 0011 1010 1111 1000 0000 0000 0100', 'SEV{c}.w', 'ctl'),
  enc('DBG_T1', '1111 0011 1010 1111 1000 0000 1111 oooo', 'DBG{c} #{o}', 'ctl'),
  enc('HINT_T2', '1111 0011 1010 1111 1000 0000 vvvv vvvv', 'NOP{c}.w {ctlhint:v}', 'ctl'),

  // Processor state
  enc('CPS_T2', '1111 0011 1010 1111 1000 0ooM AIFy yyyy', '{ctlcps:o,M,A,I,F,y}', 'ctl', SYS),
  enc('SRS_T1', '1110 1000 00W0 1101 1100 0000 000y yyyy', 'SRSDB sp{ctlwb:W}, #{y}', 'ctl', SYS),
  enc('SRS_T2', '1110 1001 10W0 1101 1100 0000 000y yyyy', 'SRSIA sp{ctlwb:W}, #{y}', 'ctl', SYS),
  enc('RFE_T1', '1110 1000 00W1 nnnn 1100 0000 0000 0000', 'RFEDB {Rn}{ctlwb:W}', 'ctl', SYS),
  enc('RFE_T2', '1110 1001 10W1 nnnn 1100 0000 0000 0000', 'RFEIA {Rn}{ctlwb:W}', 'ctl', SYS),

  // Barriers (CLREX is the memory group's)
  enc('DSB_T1', '1111 0011 1011 1111 1000 1111 0100 oooo', 'DSB {ctlbarrier:o}', 'ctl'),
  enc('DMB_T1', '1111 0011 1011 1111 1000 1111 0101 oooo', 'DMB {ctlbarrier:o}', 'ctl'),
  enc('ISB_T1', '1111 0011 1011 1111 1000 1111 0110 oooo', 'ISB {ctlbarrier:o}', 'ctl'),

  // Exceptions
  enc('UDF_T2', '1111 0111 1111 iiii 1010 iiii iiii iiii', 'UDF{c}.w #{ctldec:i}', 'ctl', SYS),
  enc('SMC_T1', '1111 0111 1111 iiii 1000 0000 0000 0000', 'SMC{c} #{ctldec:i}', 'ctl', SYS),

  // Coprocessors
  enc('MCR_T1', '1110 1110 ooo0 NNNN tttt pppp qqq1 MMMM', 'MCR{c} {p}, {o}, {Rt}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('MRC_T1', '1110 1110 ooo1 NNNN tttt pppp qqq1 MMMM', 'MRC{c} {p}, {o}, {ctlmrcrt:t}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('MCRR_T1', '1110 1100 0100 uuuu tttt pppp oooo MMMM', 'MCRR{c} {p}, {o}, {Rt}, {Ru}, {ctlcr:M}', 'ctl', CP),
  enc('MRRC_T1', '1110 1100 0101 uuuu tttt pppp oooo MMMM', 'MRRC{c} {p}, {o}, {Rt}, {Ru}, {ctlcr:M}', 'ctl', CP),
  enc('CDP_T1', '1110 1110 oooo NNNN DDDD pppp qqq0 MMMM', 'CDP{c} {p}, {o}, {ctlcr:D}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('LDC_T1', '1110 110P ULW1 nnnn EEEE pppp iiii iiii', 'LDC{ctllong:L}{c} {p}, {ctlcr:E}, {ctlcpaddr:P,U,W,n,i}', 'ctl', CP),
  enc('STC_T1', '1110 110P ULW0 nnnn EEEE pppp iiii iiii', 'STC{ctllong:L}{c} {p}, {ctlcr:E}, {ctlcpaddr:P,U,W,n,i}', 'ctl', CP),
];
