// Media-group encodings against the GNU assembler: every word below came from
// arm-none-eabi-as (-march=armv7-a, .arch_extension idiv) and its objdump text; the tables must
// decode it to the right encoding and render it as objdump does ('.w' suffixes aside; objdump
// prints SSAT/USAT 'asr #32' as 'asr #0', we print 'asr #32').
import { describe, expect, it } from 'vitest';
import { a32, t16, t32 } from '../harness.js';
import { decodeA32, decodeThumb } from '../../src/translator/translate.js';
import { renderTemplate } from '../../src/armcore/disasm/index.js';

const A32_WORDS: [number, string][] = [
  [0xe0000291, 'mul r0, r1, r2'],
  [0xe0130594, 'muls r3, r4, r5'],
  [0xe0203291, 'mla r0, r1, r2, r3'],
  [0xe0303291, 'mlas r0, r1, r2, r3'],
  [0xe0647695, 'mls r4, r5, r6, r7'],
  [0xe0810392, 'umull r0, r1, r2, r3'],
  [0xe0910392, 'umulls r0, r1, r2, r3'],
  [0xe0a54796, 'umlal r4, r5, r6, r7'],
  [0xe0c10392, 'smull r0, r1, r2, r3'],
  [0xe0e10392, 'smlal r0, r1, r2, r3'],
  [0xe0410392, 'umaal r0, r1, r2, r3'],
  [0xe1003281, 'smlabb r0, r1, r2, r3'],
  [0xe10032c1, 'smlabt r0, r1, r2, r3'],
  [0xe10032a1, 'smlatb r0, r1, r2, r3'],
  [0xe10032e1, 'smlatt r0, r1, r2, r3'],
  [0xe1203281, 'smlawb r0, r1, r2, r3'],
  [0xe12032c1, 'smlawt r0, r1, r2, r3'],
  [0xe12002a1, 'smulwb r0, r1, r2'],
  [0xe12002e1, 'smulwt r0, r1, r2'],
  [0xe1600281, 'smulbb r0, r1, r2'],
  [0xe16002e1, 'smultt r0, r1, r2'],
  [0xe16002c1, 'smulbt r0, r1, r2'],
  [0xe1410382, 'smlalbb r0, r1, r2, r3'],
  [0xe14103a2, 'smlaltb r0, r1, r2, r3'],
  [0xe7003211, 'smlad r0, r1, r2, r3'],
  [0xe7003231, 'smladx r0, r1, r2, r3'],
  [0xe7003251, 'smlsd r0, r1, r2, r3'],
  [0xe7003271, 'smlsdx r0, r1, r2, r3'],
  [0xe700f211, 'smuad r0, r1, r2'],
  [0xe700f231, 'smuadx r0, r1, r2'],
  [0xe700f251, 'smusd r0, r1, r2'],
  [0xe700f271, 'smusdx r0, r1, r2'],
  [0xe7410312, 'smlald r0, r1, r2, r3'],
  [0xe7410332, 'smlaldx r0, r1, r2, r3'],
  [0xe7410352, 'smlsld r0, r1, r2, r3'],
  [0xe7410372, 'smlsldx r0, r1, r2, r3'],
  [0xe7503211, 'smmla r0, r1, r2, r3'],
  [0xe7503231, 'smmlar r0, r1, r2, r3'],
  [0xe75032d1, 'smmls r0, r1, r2, r3'],
  [0xe75032f1, 'smmlsr r0, r1, r2, r3'],
  [0xe750f211, 'smmul r0, r1, r2'],
  [0xe750f231, 'smmulr r0, r1, r2'],
  [0xe710f211, 'sdiv r0, r1, r2'],
  [0xe733f514, 'udiv r3, r4, r5'],
  [0xe1020051, 'qadd r0, r1, r2'],
  [0xe1220051, 'qsub r0, r1, r2'],
  [0xe1420051, 'qdadd r0, r1, r2'],
  [0xe1620051, 'qdsub r0, r1, r2'],
  [0xe6a70011, 'ssat r0, #8, r1'],
  [0xe6a00191, 'ssat r0, #1, r1, lsl #3'],
  [0xe6bf02d1, 'ssat r0, #32, r1, asr #5'],
  [0xe6af0051, 'ssat r0, #16, r1, asr #32'],
  [0xe6e80011, 'usat r0, #8, r1'],
  [0xe6ff0391, 'usat r0, #31, r1, lsl #7'],
  [0xe6e00051, 'usat r0, #0, r1, asr #32'],
  [0xe6a70f31, 'ssat16 r0, #8, r1'],
  [0xe6ef0f31, 'usat16 r0, #15, r1'],
  [0xe6110f12, 'sadd16 r0, r1, r2'],
  [0xe6210f32, 'qasx r0, r1, r2'],
  [0xe6310f52, 'shsax r0, r1, r2'],
  [0xe6510f72, 'usub16 r0, r1, r2'],
  [0xe6610f92, 'uqadd8 r0, r1, r2'],
  [0xe6710ff2, 'uhsub8 r0, r1, r2'],
  [0xe6143ff5, 'ssub8 r3, r4, r5'],
  [0xe6810fb2, 'sel r0, r1, r2'],
  [0xe780f211, 'usad8 r0, r1, r2'],
  [0xe7803211, 'usada8 r0, r1, r2, r3'],
  [0xe6810012, 'pkhbt r0, r1, r2'],
  [0xe6810292, 'pkhbt r0, r1, r2, lsl #5'],
  [0xe68103d2, 'pkhtb r0, r1, r2, asr #7'],
  [0xe6810052, 'pkhtb r0, r1, r2, asr #32'],
  [0xe6af0071, 'sxtb r0, r1'],
  [0xe6af0471, 'sxtb r0, r1, ror #8'],
  [0xe6bf0871, 'sxth r0, r1, ror #16'],
  [0xe68f0c71, 'sxtb16 r0, r1, ror #24'],
  [0xe6ef0071, 'uxtb r0, r1'],
  [0xe6ff0471, 'uxth r0, r1, ror #8'],
  [0xe6cf0071, 'uxtb16 r0, r1'],
  [0xe6a10072, 'sxtab r0, r1, r2'],
  [0xe6b10472, 'sxtah r0, r1, r2, ror #8'],
  [0xe6810872, 'sxtab16 r0, r1, r2, ror #16'],
  [0xe6e10c72, 'uxtab r0, r1, r2, ror #24'],
  [0xe6f10072, 'uxtah r0, r1, r2'],
  [0xe6c10472, 'uxtab16 r0, r1, r2, ror #8'],
  [0xe6bf0f31, 'rev r0, r1'],
  [0xe6bf0fb1, 'rev16 r0, r1'],
  [0xe6ff0fb1, 'revsh r0, r1'],
  [0xe6ff0f31, 'rbit r0, r1'],
  [0xe16f0f11, 'clz r0, r1'],
  [0xe7cb021f, 'bfc r0, #4, #8'],
  [0xe7df001f, 'bfc r0, #0, #32'],
  [0xe7df0f91, 'bfi r0, r1, #31, #1'],
  [0xe7df0011, 'bfi r0, r1, #0, #32'],
  [0xe7a70251, 'sbfx r0, r1, #4, #8'],
  [0xe7ff0051, 'ubfx r0, r1, #0, #32'],
  [0xe7e00fd1, 'ubfx r0, r1, #31, #1'],
];

const THUMB_WORDS: [number, string][] = [
  [0xfb01f002, 'mul.w r0, r1, r2'],
  [0xfb04f305, 'mul.w r3, r4, r5'],
  [0xfb013002, 'mla r0, r1, r2, r3'],
  [0xfb057416, 'mls r4, r5, r6, r7'],
  [0xfba20103, 'umull r0, r1, r2, r3'],
  [0xfbe64507, 'umlal r4, r5, r6, r7'],
  [0xfbc20103, 'smlal r0, r1, r2, r3'],
  [0xfbe20163, 'umaal r0, r1, r2, r3'],
  [0xfb113002, 'smlabb r0, r1, r2, r3'],
  [0xfb113012, 'smlabt r0, r1, r2, r3'],
  [0xfb113022, 'smlatb r0, r1, r2, r3'],
  [0xfb113032, 'smlatt r0, r1, r2, r3'],
  [0xfb313002, 'smlawb r0, r1, r2, r3'],
  [0xfb313012, 'smlawt r0, r1, r2, r3'],
  [0xfb31f002, 'smulwb r0, r1, r2'],
  [0xfb31f012, 'smulwt r0, r1, r2'],
  [0xfb11f002, 'smulbb r0, r1, r2'],
  [0xfb11f032, 'smultt r0, r1, r2'],
  [0xfb11f012, 'smulbt r0, r1, r2'],
  [0xfbc20183, 'smlalbb r0, r1, r2, r3'],
  [0xfbc201a3, 'smlaltb r0, r1, r2, r3'],
  [0xfb213002, 'smlad r0, r1, r2, r3'],
  [0xfb213012, 'smladx r0, r1, r2, r3'],
  [0xfb413002, 'smlsd r0, r1, r2, r3'],
  [0xfb413012, 'smlsdx r0, r1, r2, r3'],
  [0xfb21f002, 'smuad r0, r1, r2'],
  [0xfb21f012, 'smuadx r0, r1, r2'],
  [0xfb41f002, 'smusd r0, r1, r2'],
  [0xfb41f012, 'smusdx r0, r1, r2'],
  [0xfbc201c3, 'smlald r0, r1, r2, r3'],
  [0xfbc201d3, 'smlaldx r0, r1, r2, r3'],
  [0xfbd201c3, 'smlsld r0, r1, r2, r3'],
  [0xfbd201d3, 'smlsldx r0, r1, r2, r3'],
  [0xfb513002, 'smmla r0, r1, r2, r3'],
  [0xfb513012, 'smmlar r0, r1, r2, r3'],
  [0xfb613002, 'smmls r0, r1, r2, r3'],
  [0xfb613012, 'smmlsr r0, r1, r2, r3'],
  [0xfb51f002, 'smmul r0, r1, r2'],
  [0xfb51f012, 'smmulr r0, r1, r2'],
  [0xfb91f0f2, 'sdiv r0, r1, r2'],
  [0xfbb4f3f5, 'udiv r3, r4, r5'],
  [0xfa82f081, 'qadd r0, r1, r2'],
  [0xfa82f0a1, 'qsub r0, r1, r2'],
  [0xfa82f091, 'qdadd r0, r1, r2'],
  [0xfa82f0b1, 'qdsub r0, r1, r2'],
  [0xf3010007, 'ssat r0, #8, r1'],
  [0xf30100c0, 'ssat r0, #1, r1, lsl #3'],
  [0xf321105f, 'ssat r0, #32, r1, asr #5'],
  [0xf3810008, 'usat r0, #8, r1'],
  [0xf38110df, 'usat r0, #31, r1, lsl #7'],
  [0xf3210007, 'ssat16 r0, #8, r1'],
  [0xf3a1000f, 'usat16 r0, #15, r1'],
  [0xfa91f002, 'sadd16 r0, r1, r2'],
  [0xfaa1f012, 'qasx r0, r1, r2'],
  [0xfae1f022, 'shsax r0, r1, r2'],
  [0xfad1f042, 'usub16 r0, r1, r2'],
  [0xfa81f052, 'uqadd8 r0, r1, r2'],
  [0xfac1f062, 'uhsub8 r0, r1, r2'],
  [0xfac4f305, 'ssub8 r3, r4, r5'],
  [0xfaa1f082, 'sel r0, r1, r2'],
  [0xfb71f002, 'usad8 r0, r1, r2'],
  [0xfb713002, 'usada8 r0, r1, r2, r3'],
  [0xeac10002, 'pkhbt r0, r1, r2'],
  [0xeac11042, 'pkhbt r0, r1, r2, lsl #5'],
  [0xeac110e2, 'pkhtb r0, r1, r2, asr #7'],
  [0xeac10022, 'pkhtb r0, r1, r2, asr #32'],
  [0xb248, 'sxtb r0, r1'],
  [0xfa4ff091, 'sxtb.w r0, r1, ror #8'],
  [0xfa0ff0a1, 'sxth.w r0, r1, ror #16'],
  [0xfa2ff0b1, 'sxtb16 r0, r1, ror #24'],
  [0xb2c8, 'uxtb r0, r1'],
  [0xfa1ff091, 'uxth.w r0, r1, ror #8'],
  [0xfa3ff081, 'uxtb16 r0, r1'],
  [0xfa41f082, 'sxtab r0, r1, r2'],
  [0xfa01f092, 'sxtah r0, r1, r2, ror #8'],
  [0xfa21f0a2, 'sxtab16 r0, r1, r2, ror #16'],
  [0xfa51f0b2, 'uxtab r0, r1, r2, ror #24'],
  [0xfa11f082, 'uxtah r0, r1, r2'],
  [0xfa31f092, 'uxtab16 r0, r1, r2, ror #8'],
  [0xba08, 'rev r0, r1'],
  [0xba48, 'rev16 r0, r1'],
  [0xbac8, 'revsh r0, r1'],
  [0xfa91f0a1, 'rbit r0, r1'],
  [0xfab1f081, 'clz r0, r1'],
  [0xf36f100b, 'bfc r0, #4, #8'],
  [0xf36f001f, 'bfc r0, #0, #32'],
  [0xf36170df, 'bfi r0, r1, #31, #1'],
  [0xf361001f, 'bfi r0, r1, #0, #32'],
  [0xf3411007, 'sbfx r0, r1, #4, #8'],
  [0xf3c1001f, 'ubfx r0, r1, #0, #32'],
  [0xf3c170c0, 'ubfx r0, r1, #31, #1'],
  [0x4348, 'muls r0, r1'],
  [0xb211, 'sxth r1, r2'],
  [0xb251, 'sxtb r1, r2'],
  [0xb291, 'uxth r1, r2'],
  [0xb2d1, 'uxtb r1, r2'],
  [0xba11, 'rev r1, r2'],
  [0xba51, 'rev16 r1, r2'],
  [0xbad1, 'revsh r1, r2'],
  [0xfb820103, 'smull r0, r1, r2, r3'],
];

const norm = (s: string) => s.replace(/\.w\b/g, '').replace(/\s+/g, ' ').trim();

describe('media encodings decode and disassemble as the GNU tools', () => {
  it.each(A32_WORDS)('A32 %s', (word, text) => {
    const d = decodeA32(word);
    expect(d.encoding?.group).toBe('media');
    expect(norm(renderTemplate(d.encoding!.asm, d.fields, { pc: 0, encoding: d.encoding!, cond: '', inIT: false }))).toBe(norm(text));
  });
  it.each(THUMB_WORDS)('Thumb %s', (word, text) => {
    const d = word > 0xffff ? decodeThumb(word >>> 16, word & 0xffff) : decodeThumb(word, -1);
    expect(d.encoding?.group).toBe('media');
    expect(norm(renderTemplate(d.encoding!.asm, d.fields, { pc: 0, encoding: d.encoding!, cond: '', inIT: false }))).toBe(norm(text));
  });
  it('renders conditions and the T16 S suffix', () => {
    const d = decodeA32(a32('SMLAxy', { c: 0, d: 0, n: 1, m: 2, a: 3, N: 1, M: 0 }));
    expect(renderTemplate(d.encoding!.asm, d.fields, { pc: 0, encoding: d.encoding!, cond: 'eq', inIT: false })).toBe('smlatbeq r0, r1, r2, r3');
    const t = decodeThumb(0x4348, -1);
    expect(renderTemplate(t.encoding!.asm, t.fields, { pc: 0, encoding: t.encoding!, cond: 'ne', inIT: true })).toBe('mulne r0, r1');
  });
});

describe('the encoders give the assembler words', () => {
  it('A32', () => {
    expect(a32('MUL', { S: 1, d: 3, n: 4, m: 5 })).toBe(0xe0130594);
    expect(a32('UMULL', { S: 1, l: 0, h: 1, n: 2, m: 3 })).toBe(0xe0910392);
    expect(a32('UMAAL', { l: 0, h: 1, n: 2, m: 3 })).toBe(0xe0410392);
    expect(a32('SMLAxy', { d: 0, n: 1, m: 2, a: 3, N: 1, M: 0 })).toBe(0xe10032a1);
    expect(a32('SMULWy', { d: 0, n: 1, m: 2, M: 1 })).toBe(0xe12002e1);
    expect(a32('SMLALxy', { l: 0, h: 1, n: 2, m: 3, N: 1, M: 0 })).toBe(0xe14103a2);
    expect(a32('SMLSLD', { l: 0, h: 1, n: 2, m: 3, M: 1 })).toBe(0xe7410372);
    expect(a32('SMMLS', { d: 0, n: 1, m: 2, a: 3, R: 1 })).toBe(0xe75032f1);
    expect(a32('SMMUL', { d: 0, n: 1, m: 2, R: 1 })).toBe(0xe750f231);
    expect(a32('SDIV', { d: 0, n: 1, m: 2 })).toBe(0xe710f211);
    expect(a32('UDIV', { d: 3, n: 4, m: 5 })).toBe(0xe733f514);
    expect(a32('SSAT', { d: 0, k: 31, n: 1, p: 1, i: 5 })).toBe(0xe6bf02d1);
    expect(a32('USAT16', { d: 0, k: 15, n: 1 })).toBe(0xe6ef0f31);
    expect(a32('PKH', { d: 0, n: 1, m: 2, T: 1, i: 7 })).toBe(0xe68103d2);
    expect(a32('SXTB16', { d: 0, m: 1, r: 3 })).toBe(0xe68f0c71);
    expect(a32('UXTAB', { d: 0, n: 1, m: 2, r: 3 })).toBe(0xe6e10c72);
    expect(a32('BFC', { d: 0, b: 0, k: 31 })).toBe(0xe7df001f);
    expect(a32('BFI', { d: 0, n: 1, b: 31, k: 31 })).toBe(0xe7df0f91);
    expect(a32('UBFX', { d: 0, n: 1, b: 31, w: 0 })).toBe(0xe7e00fd1);
    expect(a32('UQADD8', { d: 0, n: 1, m: 2 })).toBe(0xe6610f92);
    expect(a32('USADA8', { d: 0, n: 1, m: 2, a: 3 })).toBe(0xe7803211);
  });
  it('T32 and T16', () => {
    expect(t32('MUL', { d: 3, n: 4, m: 5 })).toBe(0xfb04f305);
    expect(t32('SMLALD', { l: 0, h: 1, n: 2, m: 3, M: 1 })).toBe(0xfbc201d3);
    expect(t32('SMMLS', { d: 0, n: 1, m: 2, a: 3, R: 1 })).toBe(0xfb613012);
    expect(t32('SDIV', { d: 0, n: 1, m: 2 })).toBe(0xfb91f0f2);
    expect(t32('UQADD8', { d: 0, n: 1, m: 2 })).toBe(0xfa81f052);
    expect(t32('SSAT', { d: 0, k: 31, n: 1, p: 1, i: 5 })).toBe(0xf321105f);
    expect(t32('SXTAB16', { d: 0, n: 1, m: 2, r: 2 })).toBe(0xfa21f0a2);
    expect(t32('BFC', { d: 0, b: 0, k: 31 })).toBe(0xf36f001f);
    expect(t32('PKH', { d: 0, n: 1, m: 2, T: 1, i: 7 })).toBe(0xeac110e2);
    expect(t16('MUL', { d: 0, n: 1 })).toBe(0x4348);
    expect(t16('REVSH', { d: 1, m: 2 })).toBe(0xbad1);
    expect(t16('UXTB', { d: 1, m: 2 })).toBe(0xb2d1);
  });
});
