// The instruction-set tables, compiled, and their bucketed decoders.
import { compile, Decoder, byName } from '../encoding.js';
import { A32_DP } from './a32-dp.js';
import { A32_MEM } from './a32-mem.js';
import { A32_CTL } from './a32-ctl.js';
import { A32_MEDIA } from './a32-media.js';
import { A32_VFP } from './a32-vfp.js';
import { T16_DP } from './t16-dp.js';
import { T16_MEM } from './t16-mem.js';
import { T16_CTL } from './t16-ctl.js';
import { T16_MEDIA } from './t16-media.js';
import { T32_DP } from './t32-dp.js';
import { T32_MEM } from './t32-mem.js';
import { T32_CTL } from './t32-ctl.js';
import { T32_MEDIA } from './t32-media.js';
import { T32_VFP } from './t32-vfp.js';

export const A32 = compile('A32', [...A32_DP, ...A32_MEDIA, ...A32_MEM, ...A32_CTL, ...A32_VFP]);
export const T16 = compile('T16', [...T16_DP, ...T16_MEDIA, ...T16_MEM, ...T16_CTL]);
/** 32-bit Thumb encodings are written as hw1:hw2 (first halfword in bits 31:16). */
export const T32 = compile('T32', [...T32_DP, ...T32_MEDIA, ...T32_MEM, ...T32_CTL, ...T32_VFP]);

const range = (hi: number, lo: number) => Array.from({ length: hi - lo + 1 }, (_, i) => hi - i);

export const A32_DECODER = new Decoder(A32, [...range(27, 20), ...range(7, 4)]);
export const T16_DECODER = new Decoder(T16, range(15, 6));
export const T32_DECODER = new Decoder(T32, [...range(28, 20), 15, 14, 12]);

export const A32_BY_NAME = byName(A32);
export const T16_BY_NAME = byName(T16);
export const T32_BY_NAME = byName(T32);

/** A halfword that starts a 32-bit Thumb instruction. */
export function isThumb32(hw1: number): boolean {
  return (hw1 >>> 11) >= 0b11101;
}
