// A32_MEDIA: A32 multiply, saturating, parallel add/subtract, packing/extension and bit-field
// encodings. Field letters shared with T32 (so one handler serves both, see sem/media.ts):
// d n m a = Rd Rn Rm Ra, h l = RdHi RdLo, N M = top-half selectors of Rn / Rm (SMLA<x><y>) or
// M = swap Rm halves (SMLAD X forms), R = round, T = PKH tb, k = saturate position / msb,
// i = shift amount, p = shift type, r = rotation/8, b = lsb, w = width-1.
// Fixed bits follow QEMU's a32.decode: words it leaves unallocated (e.g. MUL with Ra != 0,
// extends with bits 9:8 != 0) match nothing here and so are UNDEFINED.
import { enc, type EncodingSpec } from '../encoding.js';

/** Random-tester hint: a destination of 15 is a branch (as QEMU does it); keep it out of random runs. */
function noPcDest(e: EncodingSpec): EncodingSpec {
  const avoid: Record<string, number[]> = {};
  for (const k of ['d', 'h', 'l']) if (e.pattern.includes(k)) avoid[k] = [15];
  return { ...e, gen: { ...e.gen, avoid: { ...e.gen?.avoid, ...avoid } } };
}


export const A32_MEDIA: EncodingSpec[] = ([
  // Multiply and multiply accumulate
  enc('MUL', 'cccc 0000 000S dddd 0000 mmmm 1001 nnnn', 'MUL{S}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('MLA', 'cccc 0000 001S dddd aaaa mmmm 1001 nnnn', 'MLA{S}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('UMAAL', 'cccc 0000 0100 hhhh llll mmmm 1001 nnnn', 'UMAAL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('MLS', 'cccc 0000 0110 dddd aaaa mmmm 1001 nnnn', 'MLS{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('UMULL', 'cccc 0000 100S hhhh llll mmmm 1001 nnnn', 'UMULL{S}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('UMLAL', 'cccc 0000 101S hhhh llll mmmm 1001 nnnn', 'UMLAL{S}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMULL', 'cccc 0000 110S hhhh llll mmmm 1001 nnnn', 'SMULL{S}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMLAL', 'cccc 0000 111S hhhh llll mmmm 1001 nnnn', 'SMLAL{S}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),

  // Saturating add/subtract
  enc('QADD', 'cccc 0001 0000 nnnn dddd 0000 0101 mmmm', 'QADD{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QSUB', 'cccc 0001 0010 nnnn dddd 0000 0101 mmmm', 'QSUB{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QDADD', 'cccc 0001 0100 nnnn dddd 0000 0101 mmmm', 'QDADD{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QDSUB', 'cccc 0001 0110 nnnn dddd 0000 0101 mmmm', 'QDSUB{c} {Rd}, {Rm}, {Rn}', 'media'),

  // Halfword multiplies
  enc('SMLAxy', 'cccc 0001 0000 dddd aaaa mmmm 1MN0 nnnn', 'SMLA{xy:N,M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMLAWy', 'cccc 0001 0010 dddd aaaa mmmm 1M00 nnnn', 'SMLAW{y:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMULWy', 'cccc 0001 0010 dddd 0000 mmmm 1M10 nnnn', 'SMULW{y:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLALxy', 'cccc 0001 0100 hhhh llll mmmm 1MN0 nnnn', 'SMLAL{xy:N,M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMULxy', 'cccc 0001 0110 dddd 0000 mmmm 1MN0 nnnn', 'SMUL{xy:N,M}{c} {Rd}, {Rn}, {Rm}', 'media'),

  enc('CLZ', 'cccc 0001 0110 1111 dddd 1111 0001 mmmm', 'CLZ{c} {Rd}, {Rm}', 'media'),

  // Parallel add/subtract
  enc('SADD16', 'cccc 0110 0001 nnnn dddd 1111 0001 mmmm', 'SADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SASX', 'cccc 0110 0001 nnnn dddd 1111 0011 mmmm', 'SASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSAX', 'cccc 0110 0001 nnnn dddd 1111 0101 mmmm', 'SSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSUB16', 'cccc 0110 0001 nnnn dddd 1111 0111 mmmm', 'SSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SADD8', 'cccc 0110 0001 nnnn dddd 1111 1001 mmmm', 'SADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSUB8', 'cccc 0110 0001 nnnn dddd 1111 1111 mmmm', 'SSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QADD16', 'cccc 0110 0010 nnnn dddd 1111 0001 mmmm', 'QADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QASX', 'cccc 0110 0010 nnnn dddd 1111 0011 mmmm', 'QASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSAX', 'cccc 0110 0010 nnnn dddd 1111 0101 mmmm', 'QSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSUB16', 'cccc 0110 0010 nnnn dddd 1111 0111 mmmm', 'QSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QADD8', 'cccc 0110 0010 nnnn dddd 1111 1001 mmmm', 'QADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSUB8', 'cccc 0110 0010 nnnn dddd 1111 1111 mmmm', 'QSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHADD16', 'cccc 0110 0011 nnnn dddd 1111 0001 mmmm', 'SHADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHASX', 'cccc 0110 0011 nnnn dddd 1111 0011 mmmm', 'SHASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSAX', 'cccc 0110 0011 nnnn dddd 1111 0101 mmmm', 'SHSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSUB16', 'cccc 0110 0011 nnnn dddd 1111 0111 mmmm', 'SHSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHADD8', 'cccc 0110 0011 nnnn dddd 1111 1001 mmmm', 'SHADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSUB8', 'cccc 0110 0011 nnnn dddd 1111 1111 mmmm', 'SHSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UADD16', 'cccc 0110 0101 nnnn dddd 1111 0001 mmmm', 'UADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UASX', 'cccc 0110 0101 nnnn dddd 1111 0011 mmmm', 'UASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USAX', 'cccc 0110 0101 nnnn dddd 1111 0101 mmmm', 'USAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USUB16', 'cccc 0110 0101 nnnn dddd 1111 0111 mmmm', 'USUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UADD8', 'cccc 0110 0101 nnnn dddd 1111 1001 mmmm', 'UADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USUB8', 'cccc 0110 0101 nnnn dddd 1111 1111 mmmm', 'USUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQADD16', 'cccc 0110 0110 nnnn dddd 1111 0001 mmmm', 'UQADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQASX', 'cccc 0110 0110 nnnn dddd 1111 0011 mmmm', 'UQASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSAX', 'cccc 0110 0110 nnnn dddd 1111 0101 mmmm', 'UQSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSUB16', 'cccc 0110 0110 nnnn dddd 1111 0111 mmmm', 'UQSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQADD8', 'cccc 0110 0110 nnnn dddd 1111 1001 mmmm', 'UQADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSUB8', 'cccc 0110 0110 nnnn dddd 1111 1111 mmmm', 'UQSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHADD16', 'cccc 0110 0111 nnnn dddd 1111 0001 mmmm', 'UHADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHASX', 'cccc 0110 0111 nnnn dddd 1111 0011 mmmm', 'UHASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSAX', 'cccc 0110 0111 nnnn dddd 1111 0101 mmmm', 'UHSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSUB16', 'cccc 0110 0111 nnnn dddd 1111 0111 mmmm', 'UHSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHADD8', 'cccc 0110 0111 nnnn dddd 1111 1001 mmmm', 'UHADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSUB8', 'cccc 0110 0111 nnnn dddd 1111 1111 mmmm', 'UHSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),

  // Packing, unpacking, saturation, reversal
  enc('PKH', 'cccc 0110 1000 nnnn dddd iiii iT01 mmmm', 'PKH{pkh:T}{c} {Rd}, {Rn}, {Rm}{pkhsh:T,i}', 'media'),
  enc('SSAT', 'cccc 0110 101k kkkk dddd iiii ip01 nnnn', 'SSAT{c} {Rd}, {sat1:k}, {Rn}{satsh:p,i}', 'media'),
  enc('USAT', 'cccc 0110 111k kkkk dddd iiii ip01 nnnn', 'USAT{c} {Rd}, {#k}, {Rn}{satsh:p,i}', 'media'),
  enc('SSAT16', 'cccc 0110 1010 kkkk dddd 1111 0011 nnnn', 'SSAT16{c} {Rd}, {sat1:k}, {Rn}', 'media'),
  enc('USAT16', 'cccc 0110 1110 kkkk dddd 1111 0011 nnnn', 'USAT16{c} {Rd}, {#k}, {Rn}', 'media'),
  enc('SXTAB16', 'cccc 0110 1000 nnnn dddd rr00 0111 mmmm', 'SXTAB16{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTB16', 'cccc 0110 1000 1111 dddd rr00 0111 mmmm', 'SXTB16{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('SXTAB', 'cccc 0110 1010 nnnn dddd rr00 0111 mmmm', 'SXTAB{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTB', 'cccc 0110 1010 1111 dddd rr00 0111 mmmm', 'SXTB{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('SXTAH', 'cccc 0110 1011 nnnn dddd rr00 0111 mmmm', 'SXTAH{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTH', 'cccc 0110 1011 1111 dddd rr00 0111 mmmm', 'SXTH{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAB16', 'cccc 0110 1100 nnnn dddd rr00 0111 mmmm', 'UXTAB16{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTB16', 'cccc 0110 1100 1111 dddd rr00 0111 mmmm', 'UXTB16{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAB', 'cccc 0110 1110 nnnn dddd rr00 0111 mmmm', 'UXTAB{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTB', 'cccc 0110 1110 1111 dddd rr00 0111 mmmm', 'UXTB{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAH', 'cccc 0110 1111 nnnn dddd rr00 0111 mmmm', 'UXTAH{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTH', 'cccc 0110 1111 1111 dddd rr00 0111 mmmm', 'UXTH{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('SEL', 'cccc 0110 1000 nnnn dddd 1111 1011 mmmm', 'SEL{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('REV', 'cccc 0110 1011 1111 dddd 1111 0011 mmmm', 'REV{c} {Rd}, {Rm}', 'media'),
  enc('REV16', 'cccc 0110 1011 1111 dddd 1111 1011 mmmm', 'REV16{c} {Rd}, {Rm}', 'media'),
  enc('RBIT', 'cccc 0110 1111 1111 dddd 1111 0011 mmmm', 'RBIT{c} {Rd}, {Rm}', 'media'),
  enc('REVSH', 'cccc 0110 1111 1111 dddd 1111 1011 mmmm', 'REVSH{c} {Rd}, {Rm}', 'media'),

  // Signed multiplies, divide
  enc('SMLAD', 'cccc 0111 0000 dddd aaaa mmmm 00M1 nnnn', 'SMLAD{X:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMUAD', 'cccc 0111 0000 dddd 1111 mmmm 00M1 nnnn', 'SMUAD{X:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLSD', 'cccc 0111 0000 dddd aaaa mmmm 01M1 nnnn', 'SMLSD{X:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMUSD', 'cccc 0111 0000 dddd 1111 mmmm 01M1 nnnn', 'SMUSD{X:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SDIV', 'cccc 0111 0001 dddd 1111 mmmm 0001 nnnn', 'SDIV{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UDIV', 'cccc 0111 0011 dddd 1111 mmmm 0001 nnnn', 'UDIV{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLALD', 'cccc 0111 0100 hhhh llll mmmm 00M1 nnnn', 'SMLALD{X:M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMLSLD', 'cccc 0111 0100 hhhh llll mmmm 01M1 nnnn', 'SMLSLD{X:M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMMLA', 'cccc 0111 0101 dddd aaaa mmmm 00R1 nnnn', 'SMMLA{R:R}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMMUL', 'cccc 0111 0101 dddd 1111 mmmm 00R1 nnnn', 'SMMUL{R:R}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMMLS', 'cccc 0111 0101 dddd aaaa mmmm 11R1 nnnn', 'SMMLS{R:R}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),

  // Unsigned sum of absolute differences, bit fields
  enc('USADA8', 'cccc 0111 1000 dddd aaaa mmmm 0001 nnnn', 'USADA8{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('USAD8', 'cccc 0111 1000 dddd 1111 mmmm 0001 nnnn', 'USAD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SBFX', 'cccc 0111 101w wwww dddd bbbb b101 nnnn', 'SBFX{c} {Rd}, {Rn}, {#b}, {w1:w}', 'media'),
  enc('UBFX', 'cccc 0111 111w wwww dddd bbbb b101 nnnn', 'UBFX{c} {Rd}, {Rn}, {#b}, {w1:w}', 'media'),
  enc('BFI', 'cccc 0111 110k kkkk dddd bbbb b001 nnnn', 'BFI{c} {Rd}, {Rn}, {#b}, {bfw:b,k}', 'media'),
  enc('BFC', 'cccc 0111 110k kkkk dddd bbbb b001 1111', 'BFC{c} {Rd}, {#b}, {bfw:b,k}', 'media'),
] as EncodingSpec[]).map(noPcDest);
