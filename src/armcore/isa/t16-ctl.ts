// T16_CTL: 16-bit Thumb branch, system and control encodings. See encoding.ts for the pattern language.
// Field letters: i immediate, c condition (B<c> only), n 3-bit register (CBZ), k/q IT firstcond/mask,
// o CPS disable bit, A I F CPS masks, E SETEND endianness, v hint number.
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

const BR: GenHints = { skip: 'branch' };
const SYS: GenHints = { skip: 'system / exception' };

export const T16_CTL: EncodingSpec[] = [
  // Branches
  enc('B_T1', '1101 cccc iiii iiii', 'B{ctlcc:c}.n {ctlt16bc:i}', 'ctl', BR),
  enc('B_T2', '1110 0iii iiii iiii', 'B{c}.n {ctlt16b:i}', 'ctl', BR),
  enc('BX_T1', '0100 0111 0mmm m000', 'BX{c} {Rm}', 'ctl', BR),
  enc('BLX_reg_T1', '0100 0111 1mmm m000', 'BLX{c} {Rm}', 'ctl', BR),
  enc('CBZ', '1011 00i1 iiii innn', 'CBZ {Rn}, {ctlcbz:i}', 'ctl', BR),
  enc('CBNZ', '1011 10i1 iiii innn', 'CBNZ {Rn}, {ctlcbz:i}', 'ctl', BR),

  // IT and hints
  enc('IT', '1011 1111 kkkk qqqq', 'IT{ctlit:k,q}', 'ctl', BR),
  enc('NOP_T1', '1011 1111 0000 0000', 'NOP{c}', 'ctl'),
  enc('YIELD_T1', '1011 1111 0001 0000', 'YIELD{c}', 'ctl'),
  enc('WFE_T1', '1011 1111 0010 0000', 'WFE{c}', 'ctl'),
  enc('WFI_T1', '1011 1111 0011 0000', 'WFI{c}', 'ctl', SYS),
  enc('SEV_T1', '1011 1111 0100 0000', 'SEV{c}', 'ctl'),
  enc('HINT_T1', '1011 1111 vvvv 0000', 'NOP{c} {ctlhint:v}', 'ctl'),

  // Processor state
  enc('CPS_T1', '1011 0110 011o 0AIF', '{ctlcps1:o,A,I,F}', 'ctl', SYS),
  enc('SETEND_T1', '1011 0110 0101 E000', 'SETEND {ctlendian:E}', 'ctl', SYS),

  // Exceptions
  enc('SVC_T1', '1101 1111 iiii iiii', 'SVC{c} {ctldec:i}', 'ctl', SYS),
  enc('UDF_T1', '1101 1110 iiii iiii', 'UDF{c} #{ctldec:i}', 'ctl', SYS),
  enc('BKPT_T1', '1011 1110 iiii iiii', 'BKPT {ctlhex4:i}', 'ctl', SYS),
  enc('HLT_T1', '1011 1010 10ii iiii', 'HLT {ctlhex4:i}', 'ctl', SYS),
];
