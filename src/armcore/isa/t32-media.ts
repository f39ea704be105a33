// T32_MEDIA: T32 multiply, saturating, parallel add/subtract, extension, packing and bit-field
// encodings (written hw1:hw2). Field letters as in a32-media.ts, so the shared handlers in
// sem/media.ts serve both sets. Fixed bits follow QEMU's t32.decode (e.g. extends need hw2
// bit 6 = 0, PKH needs S = 0 and hw2 bit 4 = 0, SSAT/BFI need hw1 bit 10 = 0).
import { enc, type EncodingSpec } from '../encoding.js';

/** Random-tester hint: a destination of 15 is a branch (as QEMU does it); keep it out of random runs. */
function noPcDest(e: EncodingSpec): EncodingSpec {
  const avoid: Record<string, number[]> = {};
  for (const k of ['d', 'h', 'l']) if (e.pattern.includes(k)) avoid[k] = [15];
  return { ...e, gen: { ...e.gen, avoid: { ...e.gen?.avoid, ...avoid } } };
}


export const T32_MEDIA: EncodingSpec[] = ([
  // Multiply, multiply accumulate, halfword and dual multiplies
  enc('MUL', '1111 1011 0000 nnnn 1111 dddd 0000 mmmm', 'MUL{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('MLA', '1111 1011 0000 nnnn aaaa dddd 0000 mmmm', 'MLA{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('MLS', '1111 1011 0000 nnnn aaaa dddd 0001 mmmm', 'MLS{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMLAxy', '1111 1011 0001 nnnn aaaa dddd 00NM mmmm', 'SMLA{xy:N,M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMULxy', '1111 1011 0001 nnnn 1111 dddd 00NM mmmm', 'SMUL{xy:N,M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLAD', '1111 1011 0010 nnnn aaaa dddd 000M mmmm', 'SMLAD{X:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMUAD', '1111 1011 0010 nnnn 1111 dddd 000M mmmm', 'SMUAD{X:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLAWy', '1111 1011 0011 nnnn aaaa dddd 000M mmmm', 'SMLAW{y:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMULWy', '1111 1011 0011 nnnn 1111 dddd 000M mmmm', 'SMULW{y:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLSD', '1111 1011 0100 nnnn aaaa dddd 000M mmmm', 'SMLSD{X:M}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMUSD', '1111 1011 0100 nnnn 1111 dddd 000M mmmm', 'SMUSD{X:M}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMMLA', '1111 1011 0101 nnnn aaaa dddd 000R mmmm', 'SMMLA{R:R}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('SMMUL', '1111 1011 0101 nnnn 1111 dddd 000R mmmm', 'SMMUL{R:R}{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMMLS', '1111 1011 0110 nnnn aaaa dddd 000R mmmm', 'SMMLS{R:R}{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('USADA8', '1111 1011 0111 nnnn aaaa dddd 0000 mmmm', 'USADA8{c} {Rd}, {Rn}, {Rm}, {Ra}', 'media'),
  enc('USAD8', '1111 1011 0111 nnnn 1111 dddd 0000 mmmm', 'USAD8{c} {Rd}, {Rn}, {Rm}', 'media'),

  // Long multiplies, divide
  enc('SMULL', '1111 1011 1000 nnnn llll hhhh 0000 mmmm', 'SMULL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SDIV', '1111 1011 1001 nnnn 1111 dddd 1111 mmmm', 'SDIV{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UMULL', '1111 1011 1010 nnnn llll hhhh 0000 mmmm', 'UMULL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('UDIV', '1111 1011 1011 nnnn 1111 dddd 1111 mmmm', 'UDIV{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SMLAL', '1111 1011 1100 nnnn llll hhhh 0000 mmmm', 'SMLAL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMLALxy', '1111 1011 1100 nnnn llll hhhh 10NM mmmm', 'SMLAL{xy:N,M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMLALD', '1111 1011 1100 nnnn llll hhhh 110M mmmm', 'SMLALD{X:M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('SMLSLD', '1111 1011 1101 nnnn llll hhhh 110M mmmm', 'SMLSLD{X:M}{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('UMLAL', '1111 1011 1110 nnnn llll hhhh 0000 mmmm', 'UMLAL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),
  enc('UMAAL', '1111 1011 1110 nnnn llll hhhh 0110 mmmm', 'UMAAL{c} {Rl}, {Rh}, {Rn}, {Rm}', 'media'),

  // Data-processing (register): saturating, reverse, select, count leading zeros
  enc('QADD', '1111 1010 1000 nnnn 1111 dddd 1000 mmmm', 'QADD{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QDADD', '1111 1010 1000 nnnn 1111 dddd 1001 mmmm', 'QDADD{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QSUB', '1111 1010 1000 nnnn 1111 dddd 1010 mmmm', 'QSUB{c} {Rd}, {Rm}, {Rn}', 'media'),
  enc('QDSUB', '1111 1010 1000 nnnn 1111 dddd 1011 mmmm', 'QDSUB{c} {Rd}, {Rm}, {Rn}', 'media'),
  // Rn must equal Rm (CONSTRAINED UNPREDICTABLE otherwise): QEMU ignores the first copy, as here.
  enc('REV', '1111 1010 1001 xxxx 1111 dddd 1000 mmmm', 'REV{c}.W {Rd}, {Rm}', 'media'),
  enc('REV16', '1111 1010 1001 xxxx 1111 dddd 1001 mmmm', 'REV16{c}.W {Rd}, {Rm}', 'media'),
  enc('RBIT', '1111 1010 1001 xxxx 1111 dddd 1010 mmmm', 'RBIT{c} {Rd}, {Rm}', 'media'),
  enc('REVSH', '1111 1010 1001 xxxx 1111 dddd 1011 mmmm', 'REVSH{c}.W {Rd}, {Rm}', 'media'),
  enc('SEL', '1111 1010 1010 nnnn 1111 dddd 1000 mmmm', 'SEL{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('CLZ', '1111 1010 1011 xxxx 1111 dddd 1000 mmmm', 'CLZ{c} {Rd}, {Rm}', 'media'),

  // Extend and extend-add (Rn = 1111: plain extend)
  enc('SXTAH', '1111 1010 0000 nnnn 1111 dddd 10rr mmmm', 'SXTAH{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTH', '1111 1010 0000 1111 1111 dddd 10rr mmmm', 'SXTH{c}.W {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAH', '1111 1010 0001 nnnn 1111 dddd 10rr mmmm', 'UXTAH{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTH', '1111 1010 0001 1111 1111 dddd 10rr mmmm', 'UXTH{c}.W {Rd}, {Rm}{ror:r}', 'media'),
  enc('SXTAB16', '1111 1010 0010 nnnn 1111 dddd 10rr mmmm', 'SXTAB16{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTB16', '1111 1010 0010 1111 1111 dddd 10rr mmmm', 'SXTB16{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAB16', '1111 1010 0011 nnnn 1111 dddd 10rr mmmm', 'UXTAB16{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTB16', '1111 1010 0011 1111 1111 dddd 10rr mmmm', 'UXTB16{c} {Rd}, {Rm}{ror:r}', 'media'),
  enc('SXTAB', '1111 1010 0100 nnnn 1111 dddd 10rr mmmm', 'SXTAB{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('SXTB', '1111 1010 0100 1111 1111 dddd 10rr mmmm', 'SXTB{c}.W {Rd}, {Rm}{ror:r}', 'media'),
  enc('UXTAB', '1111 1010 0101 nnnn 1111 dddd 10rr mmmm', 'UXTAB{c} {Rd}, {Rn}, {Rm}{ror:r}', 'media'),
  enc('UXTB', '1111 1010 0101 1111 1111 dddd 10rr mmmm', 'UXTB{c}.W {Rd}, {Rm}{ror:r}', 'media'),

  // Parallel add/subtract
  enc('SADD16', '1111 1010 1001 nnnn 1111 dddd 0000 mmmm', 'SADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SASX', '1111 1010 1010 nnnn 1111 dddd 0000 mmmm', 'SASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSAX', '1111 1010 1110 nnnn 1111 dddd 0000 mmmm', 'SSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSUB16', '1111 1010 1101 nnnn 1111 dddd 0000 mmmm', 'SSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SADD8', '1111 1010 1000 nnnn 1111 dddd 0000 mmmm', 'SADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SSUB8', '1111 1010 1100 nnnn 1111 dddd 0000 mmmm', 'SSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QADD16', '1111 1010 1001 nnnn 1111 dddd 0001 mmmm', 'QADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QASX', '1111 1010 1010 nnnn 1111 dddd 0001 mmmm', 'QASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSAX', '1111 1010 1110 nnnn 1111 dddd 0001 mmmm', 'QSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSUB16', '1111 1010 1101 nnnn 1111 dddd 0001 mmmm', 'QSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QADD8', '1111 1010 1000 nnnn 1111 dddd 0001 mmmm', 'QADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('QSUB8', '1111 1010 1100 nnnn 1111 dddd 0001 mmmm', 'QSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHADD16', '1111 1010 1001 nnnn 1111 dddd 0010 mmmm', 'SHADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHASX', '1111 1010 1010 nnnn 1111 dddd 0010 mmmm', 'SHASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSAX', '1111 1010 1110 nnnn 1111 dddd 0010 mmmm', 'SHSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSUB16', '1111 1010 1101 nnnn 1111 dddd 0010 mmmm', 'SHSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHADD8', '1111 1010 1000 nnnn 1111 dddd 0010 mmmm', 'SHADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('SHSUB8', '1111 1010 1100 nnnn 1111 dddd 0010 mmmm', 'SHSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UADD16', '1111 1010 1001 nnnn 1111 dddd 0100 mmmm', 'UADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UASX', '1111 1010 1010 nnnn 1111 dddd 0100 mmmm', 'UASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USAX', '1111 1010 1110 nnnn 1111 dddd 0100 mmmm', 'USAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USUB16', '1111 1010 1101 nnnn 1111 dddd 0100 mmmm', 'USUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UADD8', '1111 1010 1000 nnnn 1111 dddd 0100 mmmm', 'UADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('USUB8', '1111 1010 1100 nnnn 1111 dddd 0100 mmmm', 'USUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQADD16', '1111 1010 1001 nnnn 1111 dddd 0101 mmmm', 'UQADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQASX', '1111 1010 1010 nnnn 1111 dddd 0101 mmmm', 'UQASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSAX', '1111 1010 1110 nnnn 1111 dddd 0101 mmmm', 'UQSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSUB16', '1111 1010 1101 nnnn 1111 dddd 0101 mmmm', 'UQSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQADD8', '1111 1010 1000 nnnn 1111 dddd 0101 mmmm', 'UQADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UQSUB8', '1111 1010 1100 nnnn 1111 dddd 0101 mmmm', 'UQSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHADD16', '1111 1010 1001 nnnn 1111 dddd 0110 mmmm', 'UHADD16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHASX', '1111 1010 1010 nnnn 1111 dddd 0110 mmmm', 'UHASX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSAX', '1111 1010 1110 nnnn 1111 dddd 0110 mmmm', 'UHSAX{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSUB16', '1111 1010 1101 nnnn 1111 dddd 0110 mmmm', 'UHSUB16{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHADD8', '1111 1010 1000 nnnn 1111 dddd 0110 mmmm', 'UHADD8{c} {Rd}, {Rn}, {Rm}', 'media'),
  enc('UHSUB8', '1111 1010 1100 nnnn 1111 dddd 0110 mmmm', 'UHSUB8{c} {Rd}, {Rn}, {Rm}', 'media'),

  // Pack halfword (data-processing shifted register space, opcode 0110, S = 0)
  enc('PKH', '1110 1010 1100 nnnn 0iii dddd iiT0 mmmm', 'PKH{pkh:T}{c} {Rd}, {Rn}, {Rm}{pkhsh:T,i}', 'media'),

  // Plain binary immediate: saturate and bit fields
  enc('SSAT', '1111 0011 00p0 nnnn 0iii dddd ii0k kkkk', 'SSAT{c} {Rd}, {sat1:k}, {Rn}{satsh:p,i}', 'media'),
  enc('SSAT16', '1111 0011 0010 nnnn 0000 dddd 000k kkkk', 'SSAT16{c} {Rd}, {sat1:k}, {Rn}', 'media'),
  enc('USAT', '1111 0011 10p0 nnnn 0iii dddd ii0k kkkk', 'USAT{c} {Rd}, {#k}, {Rn}{satsh:p,i}', 'media'),
  enc('USAT16', '1111 0011 1010 nnnn 0000 dddd 000k kkkk', 'USAT16{c} {Rd}, {#k}, {Rn}', 'media'),
  enc('SBFX', '1111 0011 0100 nnnn 0bbb dddd bb0w wwww', 'SBFX{c} {Rd}, {Rn}, {#b}, {w1:w}', 'media'),
  enc('UBFX', '1111 0011 1100 nnnn 0bbb dddd bb0w wwww', 'UBFX{c} {Rd}, {Rn}, {#b}, {w1:w}', 'media'),
  enc('BFI', '1111 0011 0110 nnnn 0bbb dddd bb0k kkkk', 'BFI{c} {Rd}, {Rn}, {#b}, {bfw:b,k}', 'media'),
  enc('BFC', '1111 0011 0110 1111 0bbb dddd bb0k kkkk', 'BFC{c} {Rd}, {#b}, {bfw:b,k}', 'media'),
] as EncodingSpec[]).map(noPcDest);
