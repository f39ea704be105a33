// A32_CTL: A32 branch, system and control encodings. See encoding.ts for the pattern language.
// Field letters here: i immediate, H BLX halfword bit, R PSR select (0 CPSR, 1 SPSR), k MSR field
// mask, r/v rotation and 8-bit value, o opcode/option fields, y mode, E endianness, P U W addressing
// mode bits, p coprocessor number, N CRn, M CRm, q opc2, D (CDP) / E (LDC/STC) CRd, L long (LDC/STC).
import { enc, type EncodingSpec, type GenHints } from '../encoding.js';

const BR: GenHints = { skip: 'branch' };
const SYS: GenHints = { skip: 'system / exception' };
const CP: GenHints = { skip: 'coprocessor' };

export const A32_CTL: EncodingSpec[] = [
  // Branches
  enc('B', 'cccc 1010 iiii iiii iiii iiii iiii iiii', 'B{c} {ctla32br:i}', 'ctl', BR),
  enc('BL', 'cccc 1011 iiii iiii iiii iiii iiii iiii', 'BL{c} {ctla32br:i}', 'ctl', BR),
  enc('BLX_imm', '1111 101H iiii iiii iiii iiii iiii iiii', 'BLX {ctla32blx:i,H}', 'ctl', BR),
  enc('BX', 'cccc 0001 0010 1111 1111 1111 0001 mmmm', 'BX{c} {Rm}', 'ctl', BR),
  enc('BXJ', 'cccc 0001 0010 1111 1111 1111 0010 mmmm', 'BXJ{c} {Rm}', 'ctl', BR),
  enc('BLX_reg', 'cccc 0001 0010 1111 1111 1111 0011 mmmm', 'BLX{c} {Rm}', 'ctl', BR),

  // Status registers
  enc('MRS', 'cccc 0001 0R00 1111 dddd 0000 0000 0000', 'MRS{c} {Rd}, {ctlpsr:R}', 'ctl', SYS),
  enc('MSR_reg', 'cccc 0001 0R10 kkkk 1111 0000 0000 nnnn', 'MSR{c} {ctlpsrf:R,k}, {Rn}', 'ctl', SYS),
  enc('MSR_imm', 'cccc 0011 0R10 kkkk 1111 rrrr vvvv vvvv', 'MSR{c} {ctlpsrf:R,k}, {ctlmsrimm:r,v}', 'ctl', SYS),

  // Hints (MSR immediate with R=0, mask=0): the whole space runs as NOP in QEMU.
  enc('NOP', 'cccc 0011 0010 0000 1111 xxxx 0000 0000', 'NOP{c} {ctlhint:}', 'ctl'),
  enc('YIELD', 'cccc 0011 0010 0000 1111 xxxx 0000 0001', 'YIELD{c}', 'ctl'),
  enc('WFE', 'cccc 0011 0010 0000 1111 xxxx 0000 0010', 'WFE{c}', 'ctl'),
  enc('WFI', 'cccc 0011 0010 0000 1111 xxxx 0000 0011', 'WFI{c}', 'ctl', SYS),
  enc('SEV', 'cccc 0011 0010 0000 1111 xxxx 0000 0100', 'SEV{c}', 'ctl'),
  enc('DBG', 'cccc 0011 0010 0000 1111 xxxx 1111 oooo', 'DBG{c} #{o}', 'ctl'),
  enc('HINT', 'cccc 0011 0010 0000 1111 xxxx vvvv vvvv', 'NOP{c} {ctlhint:v}', 'ctl'),

  // Processor state
  enc('CPS', '1111 0001 0000 ooM0 0000 000A IF0y yyyy', '{ctlcps:o,M,A,I,F,y}', 'ctl', SYS),
  enc('SETEND', '1111 0001 0000 0001 0000 00E0 0000 0000', 'SETEND {ctlendian:E}', 'ctl', SYS),
  enc('SRS', '1111 100P U1W0 1101 0000 0101 000y yyyy', 'SRS{ctlamode:P,U} sp{ctlwb:W}, #{y}', 'ctl', SYS),
  enc('RFE', '1111 100P U0W1 nnnn 0000 1010 0000 0000', 'RFE{ctlamode:P,U} {Rn}{ctlwb:W}', 'ctl', SYS),

  // Barriers (CLREX is the memory group's)
  enc('DSB', '1111 0101 0111 1111 1111 0000 0100 oooo', 'DSB {ctlbarrier:o}', 'ctl'),
  enc('DMB', '1111 0101 0111 1111 1111 0000 0101 oooo', 'DMB {ctlbarrier:o}', 'ctl'),
  enc('ISB', '1111 0101 0111 1111 1111 0000 0110 oooo', 'ISB {ctlbarrier:o}', 'ctl'),

  // Exceptions
  enc('SVC', 'cccc 1111 iiii iiii iiii iiii iiii iiii', 'SVC{c} {ctlhex8:i}', 'ctl', SYS),
  enc('BKPT', 'cccc 0001 0010 iiii iiii iiii 0111 iiii', 'BKPT {ctlhex:i}', 'ctl', SYS),
  enc('HLT', 'cccc 0001 0000 iiii iiii iiii 0111 iiii', 'HLT {ctlhex:i}', 'ctl', SYS),
  enc('UDF', 'cccc 0111 1111 iiii iiii iiii 1111 iiii', 'UDF{c} #{ctldec:i}', 'ctl', SYS),
  enc('SMC', 'cccc 0001 0110 0000 0000 0000 0111 iiii', 'SMC{c} #{ctldec:i}', 'ctl', SYS),

  // Coprocessors
  enc('MCR', 'cccc 1110 ooo0 NNNN tttt pppp qqq1 MMMM', 'MCR{c} {p}, {o}, {Rt}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('MRC', 'cccc 1110 ooo1 NNNN tttt pppp qqq1 MMMM', 'MRC{c} {p}, {o}, {ctlmrcrt:t}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('MCRR', 'cccc 1100 0100 uuuu tttt pppp oooo MMMM', 'MCRR{c} {p}, {o}, {Rt}, {Ru}, {ctlcr:M}', 'ctl', CP),
  enc('MRRC', 'cccc 1100 0101 uuuu tttt pppp oooo MMMM', 'MRRC{c} {p}, {o}, {Rt}, {Ru}, {ctlcr:M}', 'ctl', CP),
  enc('CDP', 'cccc 1110 oooo NNNN DDDD pppp qqq0 MMMM', 'CDP{c} {p}, {o}, {ctlcr:D}, {ctlcr:N}, {ctlcr:M}, {ctlop2:q}', 'ctl', CP),
  enc('LDC', 'cccc 110P ULW1 nnnn EEEE pppp iiii iiii', 'LDC{ctllong:L}{c} {p}, {ctlcr:E}, {ctlcpaddr:P,U,W,n,i}', 'ctl', CP),
  enc('STC', 'cccc 110P ULW0 nnnn EEEE pppp iiii iiii', 'STC{ctllong:L}{c} {p}, {ctlcr:E}, {ctlcpaddr:P,U,W,n,i}', 'ctl', CP),
];
