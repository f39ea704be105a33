// ctl group: encodings against arm-none-eabi-as output, decoding, and disassembly text.
// Every constant here came from `arm-none-eabi-as -march=armv8-a` + objdump (see the comments).
import { describe, expect, it } from 'vitest';
import { a32, t16, t32 } from '../harness.js';
import { decodeA32, decodeThumb } from '../../src/translator/translate.js';
import { disassemble } from '../../src/armcore/disasm/index.js';

const P = 0x60001000;

describe('A32 ctl encodings match the assembler', () => {
  it('branches', () => {
    // at 0x0: b 0 / bl 0 (from 0x4) / blx 0 (from 0x8) / beq 0 (from 0xc)
    expect(a32('B', { i: 0xfffffe })).toBe(0xeafffffe);
    expect(a32('BL', { i: 0xfffffd })).toBe(0xebfffffd);
    expect(a32('BLX_imm', { H: 0, i: 0xfffffc })).toBe(0xfafffffc);
    expect(a32('B', { c: 0, i: 0xfffffb })).toBe(0x0afffffb);
    expect(a32('BX', { m: 3 })).toBe(0xe12fff13);
    expect(a32('BXJ', { m: 4 })).toBe(0xe12fff24);
    expect(a32('BLX_reg', { m: 5 })).toBe(0xe12fff35);
  });
  it('status registers and hints', () => {
    expect(a32('MRS', { R: 0, d: 0 })).toBe(0xe10f0000);
    expect(a32('MRS', { R: 1, d: 1 })).toBe(0xe14f1000);
    expect(a32('MSR_reg', { R: 0, k: 9, n: 0 })).toBe(0xe129f000);   // msr CPSR_fc, r0
    expect(a32('MSR_reg', { R: 1, k: 15, n: 3 })).toBe(0xe16ff003);  // msr SPSR_fsxc, r3
    expect(a32('MSR_imm', { R: 0, k: 1, r: 0, v: 0x13 })).toBe(0xe321f013); // msr CPSR_c, #19
    expect(a32('MSR_imm', { R: 0, k: 8, r: 2, v: 0x0f })).toBe(0xe328f20f); // msr CPSR_f, #0xf0000000
    expect(a32('NOP', {})).toBe(0xe320f000);
    expect(a32('YIELD', {})).toBe(0xe320f001);
    expect(a32('WFE', {})).toBe(0xe320f002);
    expect(a32('WFI', {})).toBe(0xe320f003);
    expect(a32('SEV', {})).toBe(0xe320f004);
    expect(a32('DBG', { o: 5 })).toBe(0xe320f0f5);
  });
  it('processor state, barriers, exceptions', () => {
    expect(a32('CPS', { o: 3, M: 0, A: 0, I: 1, F: 0, y: 0 })).toBe(0xf10c0080);  // cpsid i
    expect(a32('CPS', { o: 2, M: 0, A: 1, I: 1, F: 1, y: 0 })).toBe(0xf10801c0);  // cpsie aif
    expect(a32('CPS', { o: 3, M: 1, A: 0, I: 1, F: 1, y: 0x13 })).toBe(0xf10e00d3); // cpsid if, #19
    expect(a32('CPS', { o: 0, M: 1, A: 0, I: 0, F: 0, y: 0x1f })).toBe(0xf102001f); // cps #31
    expect(a32('SETEND', { E: 1 })).toBe(0xf1010200);
    expect(a32('SRS', { P: 1, U: 0, W: 1, y: 0x13 })).toBe(0xf96d0513); // srsdb sp!, #19
    expect(a32('SRS', { P: 0, U: 1, W: 0, y: 0x12 })).toBe(0xf8cd0512); // srsia sp, #18
    expect(a32('RFE', { P: 0, U: 1, W: 1, n: 0 })).toBe(0xf8b00a00);    // rfeia r0!
    expect(a32('RFE', { P: 1, U: 0, W: 0, n: 1 })).toBe(0xf9110a00);    // rfedb r1
    expect(a32('DSB', { o: 15 })).toBe(0xf57ff04f);
    expect(a32('DMB', { o: 11 })).toBe(0xf57ff05b);
    expect(a32('ISB', { o: 15 })).toBe(0xf57ff06f);
    expect(a32('SVC', { i: 0x123456 })).toBe(0xef123456);
    expect(a32('BKPT', { i: 0x1234 })).toBe(0xe1212374);
    expect(a32('UDF', { i: 0x1234 })).toBe(0xe7f123f4);
    expect(a32('HLT', { i: 0xf000 })).toBe(0xe10f0070);
  });
  it('coprocessors', () => {
    expect(a32('MCR', { p: 15, o: 0, t: 0, N: 1, M: 0, q: 0 })).toBe(0xee010f10);
    expect(a32('MRC', { p: 15, o: 0, t: 1, N: 0, M: 0, q: 5 })).toBe(0xee101fb0);
    expect(a32('MRC', { p: 15, o: 0, t: 15, N: 7, M: 10, q: 3 })).toBe(0xee17ff7a);
    expect(a32('MCRR', { p: 15, o: 1, t: 2, u: 3, M: 2 })).toBe(0xec432f12);
    expect(a32('MRRC', { p: 15, o: 1, t: 2, u: 3, M: 2 })).toBe(0xec532f12);
    expect(a32('CDP', { p: 14, o: 1, D: 2, N: 3, M: 4, q: 5 })).toBe(0xee132ea4);
    expect(a32('LDC', { P: 1, U: 1, L: 0, W: 0, n: 0, E: 5, p: 14, i: 1 })).toBe(0xed905e01);
    expect(a32('STC', { P: 0, U: 0, L: 0, W: 1, n: 0, E: 5, p: 14, i: 2 })).toBe(0xec205e02);
  });
});

describe('Thumb ctl encodings match the assembler', () => {
  it('16-bit', () => {
    expect(t16('B_T2', { i: 0x7fe })).toBe(0xe7fe);          // b.n . (0x0)
    expect(t16('B_T1', { c: 0, i: 0xfd })).toBe(0xd0fd);     // beq.n 0 from 0x2
    expect(t16('BX_T1', { m: 3 })).toBe(0x4718);
    expect(t16('BLX_reg_T1', { m: 5 })).toBe(0x47a8);
    expect(t16('CBZ', { i: 2, n: 1 })).toBe(0xb111);         // cbz r1, 0x20 from 0x18
    expect(t16('CBNZ', { i: 1, n: 2 })).toBe(0xb90a);        // cbnz r2, 0x20 from 0x1a
    expect(t16('IT', { k: 0, q: 6 })).toBe(0xbf06);          // itte eq
    expect(t16('IT', { k: 1, q: 8 })).toBe(0xbf18);          // it ne
    expect(t16('IT', { k: 12, q: 5 })).toBe(0xbfc5);         // ittet gt
    expect(t16('NOP_T1', {})).toBe(0xbf00);
    expect(t16('YIELD_T1', {})).toBe(0xbf10);
    expect(t16('WFE_T1', {})).toBe(0xbf20);
    expect(t16('WFI_T1', {})).toBe(0xbf30);
    expect(t16('SEV_T1', {})).toBe(0xbf40);
    expect(t16('CPS_T1', { o: 1, A: 0, I: 1, F: 0 })).toBe(0xb672); // cpsid i
    expect(t16('CPS_T1', { o: 0, A: 1, I: 1, F: 1 })).toBe(0xb667); // cpsie aif
    expect(t16('SETEND_T1', { E: 1 })).toBe(0xb658);
    expect(t16('SVC_T1', { i: 0xab })).toBe(0xdfab);
    expect(t16('BKPT_T1', { i: 0xab })).toBe(0xbeab);
    expect(t16('UDF_T1', { i: 0x12 })).toBe(0xde12);
    expect(t16('HLT_T1', { i: 0x3c })).toBe(0xbabc);
  });
  it('32-bit', () => {
    expect(t32('B_T4', { g: 1, i: 0x1ffffc, j: 1, k: 1 }) >>> 0).toBe(0xf7ffbffc);  // b.w 0 from 0x4
    expect(t32('B_T3', { c: 0, g: 1, i: 0x1fffa, j: 1, k: 1 }) >>> 0).toBe(0xf43faffa); // beq.w 0 from 0x8
    expect(t32('BL_T1', { g: 1, i: 0x1ffff8, j: 1, k: 1 }) >>> 0).toBe(0xf7fffff8); // bl 0 from 0xc
    expect(t32('BLX_imm_T2', { g: 1, i: 0xffffb, j: 1, k: 1, H: 0 }) >>> 0).toBe(0xf7ffeff6); // blx 0 from 0x10
    expect(t32('NOP_T2', {})).toBe(0xf3af8000);
    expect(t32('YIELD_T2', {})).toBe(0xf3af8001);
    expect(t32('WFI_T2', {})).toBe(0xf3af8003);
    expect(t32('DBG_T1', { o: 3 })).toBe(0xf3af80f3);
    expect(t32('CPS_T2', { o: 3, M: 1, A: 0, I: 1, F: 1, y: 0x13 })).toBe(0xf3af8773);
    expect(t32('CPS_T2', { o: 0, M: 1, A: 0, I: 0, F: 0, y: 0x1f })).toBe(0xf3af811f);
    expect(t32('UDF_T2', { i: 0x1234 })).toBe(0xf7f1a234);
    expect(t32('MRS_T1', { R: 0, d: 0 })).toBe(0xf3ef8000);
    expect(t32('MRS_T1', { R: 1, d: 1 })).toBe(0xf3ff8100);
    expect(t32('MSR_reg_T1', { R: 0, n: 0, k: 9 })).toBe(0xf3808900);
    expect(t32('MSR_reg_T1', { R: 1, n: 3, k: 15 })).toBe(0xf3938f00);
    expect(t32('DSB_T1', { o: 15 })).toBe(0xf3bf8f4f);
    expect(t32('DMB_T1', { o: 11 })).toBe(0xf3bf8f5b);
    expect(t32('ISB_T1', { o: 15 })).toBe(0xf3bf8f6f);
    expect(t32('BXJ_T1', { m: 4 })).toBe(0xf3c48f00);
    expect(t32('SUBS_PC_LR', { i: 4 })).toBe(0xf3de8f04);
    expect(t32('TBB', { n: 0, m: 1 })).toBe(0xe8d0f001);
    expect(t32('TBH', { n: 0, m: 1 })).toBe(0xe8d0f011);
    expect(t32('SRS_T1', { W: 1, y: 0x13 })).toBe(0xe82dc013);
    expect(t32('SRS_T2', { W: 0, y: 0x12 })).toBe(0xe98dc012);
    expect(t32('RFE_T2', { W: 1, n: 0 })).toBe(0xe9b0c000);
    expect(t32('RFE_T1', { W: 0, n: 1 })).toBe(0xe811c000);
    expect(t32('MCR_T1', { p: 15, o: 0, t: 0, N: 1, M: 0, q: 0 })).toBe(0xee010f10);
    expect(t32('MRC_T1', { p: 15, o: 0, t: 1, N: 0, M: 0, q: 5 })).toBe(0xee101fb0);
    expect(t32('MCRR_T1', { p: 15, o: 1, t: 2, u: 3, M: 2 })).toBe(0xec432f12);
    expect(t32('MRRC_T1', { p: 15, o: 1, t: 2, u: 3, M: 2 })).toBe(0xec532f12);
    expect(t32('CDP_T1', { p: 14, o: 1, D: 2, N: 3, M: 4, q: 5 })).toBe(0xee132ea4);
  });
});

// [word, address, objdump text (whitespace-normalised)]
const A32_TEXT: [number, number, string][] = [
  [0xeafffffe, 0, 'b 0'], [0xebfffffd, 4, 'bl 0'], [0xfafffffc, 8, 'blx 0'], [0x0afffffb, 0xc, 'beq 0'],
  [0xe12fff13, 0, 'bx r3'], [0xe12fff24, 0, 'bxj r4'], [0xe12fff35, 0, 'blx r5'],
  [0xe10f0000, 0, 'mrs r0, CPSR'], [0xe14f1000, 0, 'mrs r1, SPSR'],
  [0xe129f000, 0, 'msr CPSR_fc, r0'], [0xe16ff003, 0, 'msr SPSR_fsxc, r3'],
  [0xe321f013, 0, 'msr CPSR_c, #19'], [0xe328f20f, 0, 'msr CPSR_f, #-268435456 @ 0xf0000000'],
  [0xe320f000, 0, 'nop {0}'], [0xe320f001, 0, 'yield'], [0xe320f003, 0, 'wfi'], [0xe320f0f5, 0, 'dbg #5'],
  [0xf10c0080, 0, 'cpsid i'], [0xf10801c0, 0, 'cpsie aif'], [0xf10e00d3, 0, 'cpsid if, #19'], [0xf102001f, 0, 'cps #31'],
  [0xf1010200, 0, 'setend be'], [0xf1010000, 0, 'setend le'],
  [0xf96d0513, 0, 'srsdb sp!, #19'], [0xf8cd0512, 0, 'srsia sp, #18'], [0xf8b00a00, 0, 'rfeia r0!'], [0xf9110a00, 0, 'rfedb r1'],
  [0xf57ff04f, 0, 'dsb sy'], [0xf57ff05b, 0, 'dmb ish'], [0xf57ff06f, 0, 'isb sy'],
  [0xef123456, 0, 'svc 0x00123456'], [0xe1212374, 0, 'bkpt 0x1234'], [0xe7f123f4, 0, 'udf #4660 @ 0x1234'], [0xe10f0070, 0, 'hlt 0xf000'],
  [0xee010f10, 0, 'mcr 15, 0, r0, cr1, cr0, {0}'], [0xee101fb0, 0, 'mrc 15, 0, r1, cr0, cr0, {5}'],
  [0xee17ff7a, 0, 'mrc 15, 0, APSR_nzcv, cr7, cr10, {3}'], [0xec432f12, 0, 'mcrr 15, 1, r2, r3, cr2'],
  [0xec532f12, 0, 'mrrc 15, 1, r2, r3, cr2'], [0xee132ea4, 0, 'cdp 14, 1, cr2, cr3, cr4, {5}'],
  [0xed905e01, 0, 'ldc 14, cr5, [r0, #4]'], [0xec205e02, 0, 'stc 14, cr5, [r0], #-8'],
  [0xedf05e01, 0, 'ldcl 14, cr5, [r0, #4]!'], [0xec805e04, 0, 'stc 14, cr5, [r0], {4}'],
];

const THUMB_TEXT: [number, number, string][] = [
  [0xe7fe, 0, 'b.n 0'], [0xd0fd, 2, 'beq.n 0'], [0xf7ffbffc, 4, 'b.w 0'], [0xf43faffa, 8, 'beq.w 0'],
  [0xf7fffff8, 0xc, 'bl 0'], [0xf7ffeff6, 0x10, 'blx 0'], [0x4718, 0, 'bx r3'], [0x47a8, 0, 'blx r5'],
  [0xb111, 0x18, 'cbz r1, 20'], [0xb90a, 0x1a, 'cbnz r2, 20'],
  [0xbf06, 0, 'itte eq'], [0xbf18, 0, 'it ne'], [0xbfc5, 0, 'ittet gt'],
  [0xbf00, 0, 'nop'], [0xbf10, 0, 'yield'], [0xbf30, 0, 'wfi'], [0xf3af8000, 0, 'nop.w'], [0xf3af8003, 0, 'wfi.w'],
  [0xf3af80f3, 0, 'dbg #3'], [0xb672, 0, 'cpsid i'], [0xb667, 0, 'cpsie aif'], [0xf3af8773, 0, 'cpsid if, #19'],
  [0xf3af811f, 0, 'cps #31'], [0xb658, 0, 'setend be'], [0xdfab, 0, 'svc 171 @ 0xab'], [0xbeab, 0, 'bkpt 0x00ab'],
  [0xde12, 0, 'udf #18'], [0xf7f1a234, 0, 'udf.w #4660 @ 0x1234'], [0xf3ef8000, 0, 'mrs r0, CPSR'], [0xf3ff8100, 0, 'mrs r1, SPSR'],
  [0xf3808900, 0, 'msr CPSR_fc, r0'], [0xf3938f00, 0, 'msr SPSR_fsxc, r3'], [0xf3bf8f4f, 0, 'dsb sy'],
  [0xf3bf8f5b, 0, 'dmb ish'], [0xf3bf8f6f, 0, 'isb sy'], [0xf3c48f00, 0, 'bxj r4'], [0xf3de8f04, 0, 'subs pc, lr, #4'],
  [0xe8d0f001, 0, 'tbb [r0, r1]'], [0xe8d0f011, 0, 'tbh [r0, r1, lsl #1]'], [0xe8dff001, 0, 'tbb [pc, r1]'],
  [0xe82dc013, 0, 'srsdb sp!, #19'], [0xe98dc012, 0, 'srsia sp, #18'], [0xe9b0c000, 0, 'rfeia r0!'], [0xe811c000, 0, 'rfedb r1'],
  [0xee010f10, 0, 'mcr 15, 0, r0, cr1, cr0, {0}'], [0xee101fb0, 0, 'mrc 15, 0, r1, cr0, cr0, {5}'],
  [0xec432f12, 0, 'mcrr 15, 1, r2, r3, cr2'], [0xee132ea4, 0, 'cdp 14, 1, cr2, cr3, cr4, {5}'],
  [0xed905e01, 0, 'ldc 14, cr5, [r0, #4]'], [0xbabc, 0, 'hlt 0x003c'],
];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('ctl disassembly renders as objdump does', () => {
  it.each(A32_TEXT)('A32 %s', (w, pc, text) => {
    expect(norm(disassemble(decodeA32(w), pc))).toBe(norm(text));
  });
  it.each(THUMB_TEXT)('Thumb %s', (w, pc, text) => {
    const d = w > 0xffff ? decodeThumb(w >>> 16, w & 0xffff) : decodeThumb(w, -1);
    expect(norm(disassemble(d, pc))).toBe(norm(text));
  });
  it('decodes each word to the ctl encoding (not another group)', () => {
    for (const [w] of A32_TEXT) expect(decodeA32(w).encoding?.group).toBe('ctl');
    for (const [w] of THUMB_TEXT) {
      const d = w > 0xffff ? decodeThumb(w >>> 16, w & 0xffff) : decodeThumb(w, -1);
      expect(d.encoding?.group).toBe('ctl');
    }
  });
  void P;
});
