// Encodings and disassembly of the data-processing group, cross-checked against the GNU assembler:
// every word below came from `arm-none-eabi-as -march=armv7-a` and its mnemonic text from
// `arm-none-eabi-objdump -d` (tabs turned into spaces, '@' comments dropped).
import { describe, expect, it } from 'vitest';
import { A32_DECODER, T16_DECODER, T32_DECODER } from '../../src/armcore/isa/tables.js';
import { extractFields, type Encoding } from '../../src/armcore/encoding.js';
import { renderTemplate, condName } from '../../src/armcore/disasm/index.js';
import { a32, t16, t32 } from '../harness.js';

function dis(e: Encoding, word: number, inIT = false, itCond = 14): string {
  const f = extractFields(e, word >>> 0);
  const cond = condName(f['c'] !== undefined && e.iset === 'A32' ? f['c'] : itCond);
  const text = renderTemplate(e.asm, f, { pc: 0, encoding: e, cond, inIT });
  return text.replace(/\t@.*$/, '').replace(/\s+/g, ' ').trim();
}

const A32_WORDS: [number, string][] = [
  [0xe2821004, 'add r1, r2, #4'],
  [0xe2921102, 'adds r1, r2, #-2147483648'],
  [0xe2010cff, 'and r0, r1, #65280'],
  [0xe3a00102, 'mov r0, #-2147483648'],
  [0xe3e00000, 'mvn r0, #0'],
  [0xe0443185, 'sub r3, r4, r5, lsl #3'],
  [0xe0643025, 'rsb r3, r4, r5, lsr #32'],
  [0xe0a430c5, 'adc r3, r4, r5, asr #1'],
  [0xe0d433e5, 'sbcs r3, r4, r5, ror #7'],
  [0xe0f43065, 'rscs r3, r4, r5, rrx'],
  [0xe1843615, 'orr r3, r4, r5, lsl r6'],
  [0xe1c43675, 'bic r3, r4, r5, ror r6'],
  [0xe3110001, 'tst r1, #1'],
  [0xe1310102, 'teq r1, r2, lsl #2'],
  [0xe1510002, 'cmp r1, r2'],
  [0xe1710352, 'cmn r1, r2, asr r3'],
  [0xe1a00001, 'mov r0, r1'],
  [0xe1b00181, 'lsls r0, r1, #3'],
  [0xe1a00181, 'lsl r0, r1, #3'],
  [0xe1a00231, 'lsr r0, r1, r2'],
  [0xe1b00061, 'rrxs r0, r1'],
  [0xe1a002e1, 'ror r0, r1, #5'],
  [0xe1a00041, 'asr r0, r1, #32'],
  [0xe3010234, 'movw r0, #4660'],
  [0xe34a0bcd, 'movt r0, #43981'],
  [0xe28f0008, 'add r0, pc, #8'],
  [0xe24f0008, 'sub r0, pc, #8'],
  [0xe28f0014, 'add r0, pc, #20'],
  [0xe25ef004, 'subs pc, lr, #4'],
  [0xe1b0f00e, 'movs pc, lr'],
  [0xe080f001, 'add pc, r0, r1'],
  [0xe2200102, 'eor r0, r0, #-2147483648'],
  [0xe3a00c01, 'mov r0, #256'],
  [0x00800000, 'addeq r0, r0, r0'],
];

const THUMB_WORDS: [number, string][] = [
  [0x00c8, 'lsls r0, r1, #3'],
  [0x0008, 'movs r0, r1'],
  [0x0808, 'lsrs r0, r1, #32'],
  [0x1048, 'asrs r0, r1, #1'],
  [0x1888, 'adds r0, r1, r2'],
  [0x1a88, 'subs r0, r1, r2'],
  [0x1cc8, 'adds r0, r1, #3'],
  [0x1fc8, 'subs r0, r1, #7'],
  [0x20c8, 'movs r0, #200'],
  [0x28c8, 'cmp r0, #200'],
  [0x30c8, 'adds r0, #200'],
  [0x3901, 'subs r1, #1'],
  [0x4008, 'ands r0, r1'],
  [0x4048, 'eors r0, r1'],
  [0x4088, 'lsls r0, r1'],
  [0x40c8, 'lsrs r0, r1'],
  [0x4108, 'asrs r0, r1'],
  [0x4148, 'adcs r0, r1'],
  [0x4188, 'sbcs r0, r1'],
  [0x41c8, 'rors r0, r1'],
  [0x4208, 'tst r0, r1'],
  [0x4248, 'negs r0, r1'],
  [0x4288, 'cmp r0, r1'],
  [0x42c8, 'cmn r0, r1'],
  [0x4308, 'orrs r0, r1'],
  [0x4388, 'bics r0, r1'],
  [0x43c8, 'mvns r0, r1'],
  [0x4440, 'add r0, r8'],
  [0x448d, 'add sp, r1'],
  [0x4469, 'add r1, sp'],
  [0x448f, 'add pc, r1'],
  [0x4588, 'cmp r8, r1'],
  [0x4688, 'mov r8, r1'],
  [0x46f7, 'mov pc, lr'],
  [0xa003, 'add r0, pc, #12'],
  [0xa804, 'add r0, sp, #16'],
  [0xb004, 'add sp, #16'],
  [0xb084, 'sub sp, #16'],
  [0xf00120ff, 'and.w r0, r1, #4278255360'],
  [0xf4114000, 'ands.w r0, r1, #32768'],
  [0xf0100f01, 'tst.w r0, #1'],
  [0xf421707f, 'bic.w r0, r1, #1020'],
  [0xf0410001, 'orr.w r0, r1, #1'],
  [0xf0610001, 'orn r0, r1, #1'],
  [0xf04f0001, 'mov.w r0, #1'],
  [0xf05f4000, 'movs.w r0, #2147483648'],
  [0xf06f0001, 'mvn.w r0, #1'],
  [0xf0810001, 'eor.w r0, r1, #1'],
  [0xf0900f01, 'teq r0, #1'],
  [0xf1010001, 'add.w r0, r1, #1'],
  [0xf1100f01, 'cmn.w r0, #1'],
  [0xf1410001, 'adc.w r0, r1, #1'],
  [0xf1610001, 'sbc.w r0, r1, #1'],
  [0xf1a10001, 'sub.w r0, r1, #1'],
  [0xf1b00f01, 'cmp.w r0, #1'],
  [0xf1c10001, 'rsb r0, r1, #1'],
  [0xf2010001, 'addw r0, r1, #1'],
  [0xf2a10001, 'subw r0, r1, #1'],
  [0xf20f0001, 'addw r0, pc, #1'],
  [0xf2af0001, 'subw r0, pc, #1'],
  [0xf2412034, 'movw r0, #4660'],
  [0xf2c12034, 'movt r0, #4660'],
  [0xea0100c2, 'and.w r0, r1, r2, lsl #3'],
  [0xea110012, 'ands.w r0, r1, r2, lsr #32'],
  [0xea100fe1, 'tst.w r0, r1, asr #3'],
  [0xea2100f2, 'bic.w r0, r1, r2, ror #3'],
  [0xea410032, 'orr.w r0, r1, r2, rrx'],
  [0xea4f0001, 'mov.w r0, r1'],
  [0xea5f0001, 'movs.w r0, r1'],
  [0xea4f00c1, 'mov.w r0, r1, lsl #3'],
  [0xea5f00d1, 'movs.w r0, r1, lsr #3'],
  [0xea4f00e1, 'mov.w r0, r1, asr #3'],
  [0xea4f00f1, 'mov.w r0, r1, ror #3'],
  [0xea4f0031, 'mov.w r0, r1, rrx'],
  [0xea610002, 'orn r0, r1, r2'],
  [0xea6f0001, 'mvn.w r0, r1'],
  [0xea7f0041, 'mvns.w r0, r1, lsl #1'],
  [0xea810002, 'eor.w r0, r1, r2'],
  [0xea900f01, 'teq r0, r1'],
  [0xeb010002, 'add.w r0, r1, r2'],
  [0xeb100f01, 'cmn.w r0, r1'],
  [0xeb410002, 'adc.w r0, r1, r2'],
  [0xeb610002, 'sbc.w r0, r1, r2'],
  [0xeba10002, 'sub.w r0, r1, r2'],
  [0xebb00f01, 'cmp.w r0, r1'],
  [0xebc10002, 'rsb r0, r1, r2'],
  [0xfa01f002, 'lsl.w r0, r1, r2'],
  [0xfa31f002, 'lsrs.w r0, r1, r2'],
  [0xfa41f002, 'asr.w r0, r1, r2'],
  [0xfa61f002, 'ror.w r0, r1, r2'],
  [0xf10d0d08, 'add.w sp, sp, #8'],
];

describe('A32 data-processing words from the assembler', () => {
  it.each(A32_WORDS)('%s disassembles as objdump: %s', (w, text) => {
    const e = A32_DECODER.decode(w);
    expect(e?.group).toBe('dp');
    expect(dis(e!, w)).toBe(text);
  });
});

describe('Thumb data-processing words from the assembler', () => {
  it.each(THUMB_WORDS)('%s disassembles as objdump: %s', (w, text) => {
    const e = w > 0xffff ? T32_DECODER.decode(w) : T16_DECODER.decode(w);
    expect(e?.group).toBe('dp');
    expect(dis(e!, w)).toBe(text);
  });
  it('prints T16 flag-setting forms without S inside an IT block', () => {
    // addeq r0, r0, r1 (0x1840) and addne r0, r1, r2 (0x1888), each after an IT
    expect(dis(T16_DECODER.decode(0x1840)!, 0x1840, true, 0)).toBe('addeq r0, r0, r1');
    expect(dis(T16_DECODER.decode(0x1888)!, 0x1888, true, 1)).toBe('addne r0, r1, r2');
  });
});

describe('the test encoders give the assembler words', () => {
  it('A32', () => {
    expect(a32('ADD_imm', { S: 0, n: 2, d: 1, r: 0, v: 4 })).toBe(0xe2821004);
    expect(a32('ADD_imm', { S: 1, n: 2, d: 1, r: 1, v: 2 })).toBe(0xe2921102);
    expect(a32('SUB_reg', { S: 0, n: 4, d: 3, i: 3, y: 0, m: 5 })).toBe(0xe0443185);
    expect(a32('RSC_reg', { S: 1, n: 4, d: 3, i: 0, y: 3, m: 5 })).toBe(0xe0f43065);
    expect(a32('BIC_rsr', { S: 0, n: 4, d: 3, s: 6, y: 3, m: 5 })).toBe(0xe1c43675);
    expect(a32('CMN_rsr', { n: 1, s: 3, y: 2, m: 2 })).toBe(0xe1710352);
    expect(a32('MOV_reg', { S: 1, d: 0, i: 0, y: 3, m: 1 })).toBe(0xe1b00061); // rrxs r0, r1
    expect(a32('MOV_rsr', { S: 0, d: 0, s: 2, y: 1, m: 1 })).toBe(0xe1a00231); // lsr r0, r1, r2
    expect(a32('MOV_imm_A2', { d: 0, k: 1, v: 0x234 })).toBe(0xe3010234);
    expect(a32('MOVT', { d: 0, k: 0xa, v: 0xbcd })).toBe(0xe34a0bcd);
    expect(a32('SUB_imm', { S: 1, n: 14, d: 15, r: 0, v: 4 })).toBe(0xe25ef004);
    expect(a32('ADD_reg', { c: 0, S: 0, n: 0, d: 0, i: 0, y: 0, m: 0 })).toBe(0x00800000);
  });
  it('T16', () => {
    expect(t16('LSL_imm', { i: 3, m: 1, d: 0 })).toBe(0x00c8);
    expect(t16('SUB_imm_T2', { d: 1, v: 1 })).toBe(0x3901);
    expect(t16('RSB_imm', { n: 1, d: 0 })).toBe(0x4248);
    expect(t16('ADD_reg_T2', { d: 15, m: 1 })).toBe(0x448f);
    expect(t16('CMP_reg_T2', { n: 8, m: 1 })).toBe(0x4588);
    expect(t16('MOV_reg', { d: 15, m: 14 })).toBe(0x46f7);
    expect(t16('ADR', { d: 0, v: 3 })).toBe(0xa003);
    expect(t16('SUB_SP_imm', { v: 4 })).toBe(0xb084);
  });
  it('T32', () => {
    expect(t32('AND_imm', { i: 0x2ff, S: 0, n: 1, d: 0 })).toBe(0xf00120ff);
    expect(t32('MOV_imm', { i: 0x400, S: 1, d: 0 })).toBe(0xf05f4000);
    expect(t32('TST_reg', { n: 0, i: 3, y: 2, m: 1 })).toBe(0xea100fe1);
    expect(t32('MOV_imm_T3', { k: 1, i: 0, v: 0x234, d: 0 })).toBe(0xf2412034);
    expect(t32('ADR_T2', { i: 1, d: 0 })).toBe(0xf2af0001);
    expect(t32('MOV_rsr', { y: 1, S: 1, n: 1, d: 0, m: 2 })).toBe(0xfa31f002);
  });
});
