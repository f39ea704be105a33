// T32_MEM: 32-bit Thumb load/store encodings (hw1:hw2). See encoding.ts for the pattern language.
// Single loads/stores: T3/T2 = imm12 (positive offset), T4/T3 = imm8 with P U W, reg = Rm LSL #k,
// lit = Rn 1111 (Align(PC,4) ± imm12), T = unprivileged (imm8 positive offset).
import { enc, type EncodingSpec } from '../encoding.js';

const G = 'mem';

// name stem, hw1 bits 8, 6:5, 4 (sign, size, load), mnemonic, load?
const SINGLE: [string, string, string, boolean][] = [
  ['LDR', '0 10 1', 'LDR', true], ['LDRB', '0 00 1', 'LDRB', true], ['LDRH', '0 01 1', 'LDRH', true],
  ['LDRSB', '1 00 1', 'LDRSB', true], ['LDRSH', '1 01 1', 'LDRSH', true],
  ['STR', '0 10 0', 'STR', false], ['STRB', '0 00 0', 'STRB', false], ['STRH', '0 01 0', 'STRH', false],
];

function singles(): EncodingSpec[] {
  const out: EncodingSpec[] = [];
  for (const [stem, bits, mn, load] of SINGLE) {
    const [s, sz, l] = bits.split(' ') as [string, string, string];
    const h = (u: string) => `1111 100${s} ${u}${sz}${l}`;
    const big = stem === 'LDR' || stem === 'STR' ? 'T3' : stem.length === 4 || stem === 'STRB' || stem === 'STRH' ? 'T2' : 'T1';
    const small = stem === 'LDR' || stem === 'STR' ? 'T4' : big === 'T2' ? 'T3' : 'T2';
    out.push(enc(`${stem}_imm_${big}`, `${h('1')} nnnn tttt iiii iiii iiii`, `${mn}{c}.W {Rt}, {ami:n,i,1,1,0}`, G));
    out.push(enc(`${stem}_imm_${small}`, `${h('0')} nnnn tttt 1PUW iiii iiii`, `${mn}{c} {Rt}, {ami:n,i,P,U,W}`, G));
    out.push(enc(`${stem}T`, `${h('0')} nnnn tttt 1110 iiii iiii`, `${mn}T{c} {Rt}, {ami:n,i,1,1,0}`, G));
    out.push(enc(`${stem}_reg_T2`, `${h('0')} nnnn tttt 0000 00kk mmmm`, `${mn}{c}.W {Rt}, {t32r:n,m,k}`, G));
    if (load) out.push(enc(`${stem}_lit`, `${h('U')} 1111 tttt iiii iiii iiii`, `${mn}{c}.W {Rt}, {lit32:U,i}`, G));
  }
  return out;
}

export const T32_MEM: EncodingSpec[] = [
  ...singles(),
  // PUSH/POP of one register (STR pre-indexed / LDR post-indexed, sp, #4)
  enc('PUSH_T3', '1111 1000 0100 1101 tttt 1101 0000 0100', 'PUSH{c}.W {reg1:t}', G),
  enc('POP_T3', '1111 1000 0101 1101 tttt 1011 0000 0100', 'POP{c}.W {reg1:t}', G),
  // Preload hints (Rt = 1111 forms of LDRB/LDRSB/LDRH/LDRSH)
  enc('PLD_imm_T1', '1111 1000 1001 nnnn 1111 iiii iiii iiii', 'PLD {ami:n,i,1,1,0}', G),
  enc('PLDW_imm_T1', '1111 1000 1011 nnnn 1111 iiii iiii iiii', 'PLDW {ami:n,i,1,1,0}', G),
  enc('PLD_imm_T2', '1111 1000 0001 nnnn 1111 1100 iiii iiii', 'PLD {ami:n,i,1,0,0}', G),
  enc('PLDW_imm_T2', '1111 1000 0011 nnnn 1111 1100 iiii iiii', 'PLDW {ami:n,i,1,0,0}', G),
  enc('PLD_lit', '1111 1000 U001 1111 1111 iiii iiii iiii', 'PLD {lit32:U,i}', G),
  enc('PLD_reg', '1111 1000 0001 nnnn 1111 0000 00kk mmmm', 'PLD [{Rn}, {Rm}{lsl:k}]', G),
  enc('PLDW_reg', '1111 1000 0011 nnnn 1111 0000 00kk mmmm', 'PLDW [{Rn}, {Rm}{lsl:k}]', G),
  enc('PLI_imm_T1', '1111 1001 1001 nnnn 1111 iiii iiii iiii', 'PLI {ami:n,i,1,1,0}', G),
  enc('PLI_imm_T2', '1111 1001 0001 nnnn 1111 1100 iiii iiii', 'PLI {ami:n,i,1,0,0}', G),
  enc('PLI_lit', '1111 1001 U001 1111 1111 iiii iiii iiii', 'PLI {lit32:U,i}', G),
  enc('PLI_reg', '1111 1001 0001 nnnn 1111 0000 00kk mmmm', 'PLI [{Rn}, {Rm}{lsl:k}]', G),
  // Unallocated memory hints (LDRH literal, LDRSH with Rt = 1111): NOP
  enc('NOPHINT_H_lit', '1111 1000 U011 1111 1111 iiii iiii iiii', 'NOP', G),
  enc('NOPHINT_SH_imm', '1111 1001 1011 nnnn 1111 iiii iiii iiii', 'NOP', G),
  enc('NOPHINT_SH_imm8', '1111 1001 0011 nnnn 1111 1100 iiii iiii', 'NOP', G),
  enc('NOPHINT_SH_reg', '1111 1001 0011 nnnn 1111 0000 00kk mmmm', 'NOP', G),
  enc('NOPHINT_SH_lit', '1111 1001 U011 1111 1111 iiii iiii iiii', 'NOP', G),

  // Doubleword (P U 1 W L); P=0 W=0 is the exclusive/table-branch space (more specific patterns)
  enc('LDRD_imm', '1110 100P U1W1 nnnn tttt uuuu iiii iiii', 'LDRD{c} {Rt}, {Ru}, {ami:n,i,P,U,W,4}', G),
  enc('STRD_imm', '1110 100P U1W0 nnnn tttt uuuu iiii iiii', 'STRD{c} {Rt}, {Ru}, {ami:n,i,P,U,W,4}', G),

  // Block transfers
  enc('STM_T2', '1110 1000 10W0 nnnn rrrr rrrr rrrr rrrr', 'STMIA{c}.W {Rn}{wb:W}, {rlist:r}', G),
  enc('LDM_T2', '1110 1000 10W1 nnnn rrrr rrrr rrrr rrrr', 'LDMIA{c}.W {Rn}{wb:W}, {rlist:r}', G),
  enc('STMDB_T1', '1110 1001 00W0 nnnn rrrr rrrr rrrr rrrr', 'STMDB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('LDMDB_T1', '1110 1001 00W1 nnnn rrrr rrrr rrrr rrrr', 'LDMDB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('PUSH_T2', '1110 1001 0010 1101 rrrr rrrr rrrr rrrr', 'PUSH{c}.W {rlist:r}', G),
  enc('POP_T2', '1110 1000 1011 1101 rrrr rrrr rrrr rrrr', 'POP{c}.W {rlist:r}', G),

  // Exclusives
  enc('LDREX', '1110 1000 0101 nnnn tttt 1111 iiii iiii', 'LDREX{c} {Rt}, {ami:n,i,1,1,0,4}', G),
  enc('STREX', '1110 1000 0100 nnnn tttt dddd iiii iiii', 'STREX{c} {Rd}, {Rt}, {ami:n,i,1,1,0,4}', G),
  enc('LDREXB', '1110 1000 1101 nnnn tttt 1111 0100 1111', 'LDREXB{c} {Rt}, [{Rn}]', G),
  enc('LDREXH', '1110 1000 1101 nnnn tttt 1111 0101 1111', 'LDREXH{c} {Rt}, [{Rn}]', G),
  enc('LDREXD', '1110 1000 1101 nnnn tttt uuuu 0111 1111', 'LDREXD{c} {Rt}, {Ru}, [{Rn}]', G),
  enc('STREXB', '1110 1000 1100 nnnn tttt 1111 0100 dddd', 'STREXB{c} {Rd}, {Rt}, [{Rn}]', G),
  enc('STREXH', '1110 1000 1100 nnnn tttt 1111 0101 dddd', 'STREXH{c} {Rd}, {Rt}, [{Rn}]', G),
  enc('STREXD', '1110 1000 1100 nnnn tttt uuuu 0111 dddd', 'STREXD{c} {Rd}, {Rt}, {Ru}, [{Rn}]', G),
  enc('CLREX', '1111 0011 1011 1111 1000 1111 0010 1111', 'CLREX{c}', G),
];
