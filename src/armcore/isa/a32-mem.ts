// A32_MEM: A32 load/store encodings. See encoding.ts for the pattern language.
// Fields: P U W (index, add, writeback), i immediate, v:y shift amount and type, r register list.
import { enc, type EncodingSpec } from '../encoding.js';

const G = 'mem';

export const A32_MEM: EncodingSpec[] = [
  // Word and unsigned byte, immediate (Rn=15: literal) and register offsets
  enc('LDR_imm', 'cccc 010P U0W1 nnnn tttt iiii iiii iiii', 'LDR{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('STR_imm', 'cccc 010P U0W0 nnnn tttt iiii iiii iiii', 'STR{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('LDRB_imm', 'cccc 010P U1W1 nnnn tttt iiii iiii iiii', 'LDRB{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('STRB_imm', 'cccc 010P U1W0 nnnn tttt iiii iiii iiii', 'STRB{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('LDR_reg', 'cccc 011P U0W1 nnnn tttt vvvv vyy0 mmmm', 'LDR{c} {Rt}, {amr:n,m,P,U,W,v,y}', G),
  enc('STR_reg', 'cccc 011P U0W0 nnnn tttt vvvv vyy0 mmmm', 'STR{c} {Rt}, {amr:n,m,P,U,W,v,y}', G),
  enc('LDRB_reg', 'cccc 011P U1W1 nnnn tttt vvvv vyy0 mmmm', 'LDRB{c} {Rt}, {amr:n,m,P,U,W,v,y}', G),
  enc('STRB_reg', 'cccc 011P U1W0 nnnn tttt vvvv vyy0 mmmm', 'STRB{c} {Rt}, {amr:n,m,P,U,W,v,y}', G),
  // Unprivileged (post-indexed)
  enc('LDRT_A1', 'cccc 0100 U011 nnnn tttt iiii iiii iiii', 'LDRT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('STRT_A1', 'cccc 0100 U010 nnnn tttt iiii iiii iiii', 'STRT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('LDRBT_A1', 'cccc 0100 U111 nnnn tttt iiii iiii iiii', 'LDRBT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('STRBT_A1', 'cccc 0100 U110 nnnn tttt iiii iiii iiii', 'STRBT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('LDRT_A2', 'cccc 0110 U011 nnnn tttt vvvv vyy0 mmmm', 'LDRT{c} {Rt}, {amr:n,m,0,U,0,v,y}', G),
  enc('STRT_A2', 'cccc 0110 U010 nnnn tttt vvvv vyy0 mmmm', 'STRT{c} {Rt}, {amr:n,m,0,U,0,v,y}', G),
  enc('LDRBT_A2', 'cccc 0110 U111 nnnn tttt vvvv vyy0 mmmm', 'LDRBT{c} {Rt}, {amr:n,m,0,U,0,v,y}', G),
  enc('STRBT_A2', 'cccc 0110 U110 nnnn tttt vvvv vyy0 mmmm', 'STRBT{c} {Rt}, {amr:n,m,0,U,0,v,y}', G),
  // PUSH/POP of one register (STR/LDR encodings)
  enc('PUSH_A2', 'cccc 0101 0010 1101 tttt 0000 0000 0100', 'PUSH{c} {reg1:t}', G),
  enc('POP_A2', 'cccc 0100 1001 1101 tttt 0000 0000 0100', 'POP{c} {reg1:t}', G),

  // Halfword, signed, doubleword (extra load/store); the imm8 is i (hi) : i (lo)
  enc('LDRH_imm', 'cccc 000P U1W1 nnnn tttt iiii 1011 iiii', 'LDRH{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('STRH_imm', 'cccc 000P U1W0 nnnn tttt iiii 1011 iiii', 'STRH{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('LDRSB_imm', 'cccc 000P U1W1 nnnn tttt iiii 1101 iiii', 'LDRSB{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('LDRSH_imm', 'cccc 000P U1W1 nnnn tttt iiii 1111 iiii', 'LDRSH{c} {Rt}, {ami:n,i,P,U,W}', G),
  enc('LDRD_imm', 'cccc 000P U1W0 nnnn tttt iiii 1101 iiii', 'LDRD{c} {Rt}, {rt2:t}, {ami:n,i,P,U,W}', G),
  enc('STRD_imm', 'cccc 000P U1W0 nnnn tttt iiii 1111 iiii', 'STRD{c} {Rt}, {rt2:t}, {ami:n,i,P,U,W}', G),
  enc('LDRH_reg', 'cccc 000P U0W1 nnnn tttt 0000 1011 mmmm', 'LDRH{c} {Rt}, {amr:n,m,P,U,W}', G),
  enc('STRH_reg', 'cccc 000P U0W0 nnnn tttt 0000 1011 mmmm', 'STRH{c} {Rt}, {amr:n,m,P,U,W}', G),
  enc('LDRSB_reg', 'cccc 000P U0W1 nnnn tttt 0000 1101 mmmm', 'LDRSB{c} {Rt}, {amr:n,m,P,U,W}', G),
  enc('LDRSH_reg', 'cccc 000P U0W1 nnnn tttt 0000 1111 mmmm', 'LDRSH{c} {Rt}, {amr:n,m,P,U,W}', G),
  enc('LDRD_reg', 'cccc 000P U0W0 nnnn tttt 0000 1101 mmmm', 'LDRD{c} {Rt}, {rt2:t}, {amr:n,m,P,U,W}', G),
  enc('STRD_reg', 'cccc 000P U0W0 nnnn tttt 0000 1111 mmmm', 'STRD{c} {Rt}, {rt2:t}, {amr:n,m,P,U,W}', G),
  // Unprivileged halfword/signed (P=0, W=1)
  enc('LDRHT_A1', 'cccc 0000 U111 nnnn tttt iiii 1011 iiii', 'LDRHT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('STRHT_A1', 'cccc 0000 U110 nnnn tttt iiii 1011 iiii', 'STRHT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('LDRSBT_A1', 'cccc 0000 U111 nnnn tttt iiii 1101 iiii', 'LDRSBT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('LDRSHT_A1', 'cccc 0000 U111 nnnn tttt iiii 1111 iiii', 'LDRSHT{c} {Rt}, {ami:n,i,0,U,0}', G),
  enc('LDRHT_A2', 'cccc 0000 U011 nnnn tttt 0000 1011 mmmm', 'LDRHT{c} {Rt}, {amr:n,m,0,U,0}', G),
  enc('STRHT_A2', 'cccc 0000 U010 nnnn tttt 0000 1011 mmmm', 'STRHT{c} {Rt}, {amr:n,m,0,U,0}', G),
  enc('LDRSBT_A2', 'cccc 0000 U011 nnnn tttt 0000 1101 mmmm', 'LDRSBT{c} {Rt}, {amr:n,m,0,U,0}', G),
  enc('LDRSHT_A2', 'cccc 0000 U011 nnnn tttt 0000 1111 mmmm', 'LDRSHT{c} {Rt}, {amr:n,m,0,U,0}', G),

  // Block transfers
  enc('STMDA', 'cccc 1000 00W0 nnnn rrrr rrrr rrrr rrrr', 'STMDA{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('LDMDA', 'cccc 1000 00W1 nnnn rrrr rrrr rrrr rrrr', 'LDMDA{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('STM', 'cccc 1000 10W0 nnnn rrrr rrrr rrrr rrrr', 'STM{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('LDM', 'cccc 1000 10W1 nnnn rrrr rrrr rrrr rrrr', 'LDM{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('STMDB', 'cccc 1001 00W0 nnnn rrrr rrrr rrrr rrrr', 'STMDB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('LDMDB', 'cccc 1001 00W1 nnnn rrrr rrrr rrrr rrrr', 'LDMDB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('STMIB', 'cccc 1001 10W0 nnnn rrrr rrrr rrrr rrrr', 'STMIB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('LDMIB', 'cccc 1001 10W1 nnnn rrrr rrrr rrrr rrrr', 'LDMIB{c} {Rn}{wb:W}, {rlist:r}', G),
  enc('PUSH_A1', 'cccc 1001 0010 1101 rrrr rrrr rrrr rrrr', 'PUSH{c} {rlist:r}', G),
  enc('POP_A1', 'cccc 1000 1011 1101 rrrr rrrr rrrr rrrr', 'POP{c} {rlist:r}', G),
  enc('STM_usr', 'cccc 100P U1W0 nnnn rrrr rrrr rrrr rrrr', 'STM{am:P,U}{c} {Rn}{wb:W}, {rlist:r}^', G),
  enc('LDM_usr', 'cccc 100P U1W1 nnnn 0rrr rrrr rrrr rrrr', 'LDM{am:P,U}{c} {Rn}{wb:W}, {rlist:r}^', G),
  enc('LDM_exc', 'cccc 100P U1W1 nnnn 1rrr rrrr rrrr rrrr', 'LDM{am:P,U}{c} {Rn}{wb:W}, {rlistpc:r}^', G),

  // Synchronization
  enc('SWP', 'cccc 0001 0000 nnnn tttt 0000 1001 uuuu', 'SWP{c} {Rt}, {Ru}, [{Rn}]', G),
  enc('SWPB', 'cccc 0001 0100 nnnn tttt 0000 1001 uuuu', 'SWPB{c} {Rt}, {Ru}, [{Rn}]', G),
  enc('LDREX', 'cccc 0001 1001 nnnn tttt 1111 1001 1111', 'LDREX{c} {Rt}, [{Rn}]', G),
  enc('STREX', 'cccc 0001 1000 nnnn dddd 1111 1001 tttt', 'STREX{c} {Rd}, {Rt}, [{Rn}]', G),
  enc('LDREXB', 'cccc 0001 1101 nnnn tttt 1111 1001 1111', 'LDREXB{c} {Rt}, [{Rn}]', G),
  enc('STREXB', 'cccc 0001 1100 nnnn dddd 1111 1001 tttt', 'STREXB{c} {Rd}, {Rt}, [{Rn}]', G),
  enc('LDREXH', 'cccc 0001 1111 nnnn tttt 1111 1001 1111', 'LDREXH{c} {Rt}, [{Rn}]', G),
  enc('STREXH', 'cccc 0001 1110 nnnn dddd 1111 1001 tttt', 'STREXH{c} {Rd}, {Rt}, [{Rn}]', G),
  enc('LDREXD', 'cccc 0001 1011 nnnn tttt 1111 1001 1111', 'LDREXD{c} {Rt}, {rt2:t}, [{Rn}]', G),
  enc('STREXD', 'cccc 0001 1010 nnnn dddd 1111 1001 tttt', 'STREXD{c} {Rd}, {Rt}, {rt2:t}, [{Rn}]', G),
  enc('CLREX', '1111 0101 0111 1111 1111 0000 0001 1111', 'CLREX', G),

  // Preload hints (unconditional space)
  enc('PLD_imm', '1111 0101 UR01 nnnn 1111 iiii iiii iiii', '{pld:R} {ami:n,i,1,U,0}', G),
  enc('PLI_imm', '1111 0100 U101 nnnn 1111 iiii iiii iiii', 'PLI {ami:n,i,1,U,0}', G),
  enc('PLD_reg', '1111 0111 UR01 nnnn 1111 vvvv vyy0 mmmm', '{pld:R} {amr:n,m,1,U,0,v,y}', G),
  enc('PLI_reg', '1111 0110 U101 nnnn 1111 vvvv vyy0 mmmm', 'PLI {amr:n,m,1,U,0,v,y}', G),
];
