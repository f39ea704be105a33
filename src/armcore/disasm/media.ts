// Disassembly formatters of the 'media' group: named functions the asm templates call as {name:fields}.
import type { Formatters } from './types.js';

const bt = (v: number | undefined) => (v ? 't' : 'b');

export const MEDIA_FORMATTERS: Formatters = {
  /** SMLA<x><y>: x from N (Rn half), y from M (Rm half). */
  xy: (f, a) => bt(f[a[0]!]) + bt(f[a[1]!]),
  /** SMLAW<y>/SMULW<y>. */
  y: (f, a) => bt(f[a[0]!]),
  /** Dual multiplies: 'x' when Rm's halves are swapped. */
  X: (f, a) => (f[a[0]!] ? 'x' : ''),
  /** SMMUL/SMMLA/SMMLS: 'r' when rounding. */
  R: (f, a) => (f[a[0]!] ? 'r' : ''),
  /** PKHBT / PKHTB. */
  pkh: (f, a) => (f[a[0]!] ? 'tb' : 'bt'),
  /** PKH shift: PKHBT lsl #i (omitted for 0), PKHTB asr #i (0 means 32). */
  pkhsh: (f, a) => {
    const tb = f[a[0]!], i = f[a[1]!]!;
    if (!tb) return i ? `, lsl #${i}` : '';
    return `, asr #${i === 0 ? 32 : i}`;
  },
  /** SSAT/SSAT16 saturate position: field + 1. */
  sat1: (f, a) => `#${f[a[0]!]! + 1}`,
  /** SSAT/USAT shift: lsl #i (omitted for 0) or asr #i (0 means 32). */
  satsh: (f, a) => {
    const sh = f[a[0]!], i = f[a[1]!]!;
    if (!sh) return i ? `, lsl #${i}` : '';
    return `, asr #${i === 0 ? 32 : i}`;
  },
  /** Extend rotation (field is rotate/8), omitted when 0. */
  ror: (f, a) => (f[a[0]!] ? `, ror #${f[a[0]!]! * 8}` : ''),
  /** SBFX/UBFX width from width-1. */
  w1: (f, a) => `#${f[a[0]!]! + 1}`,
  /** BFI/BFC width from lsb and msb. */
  bfw: (f, a) => `#${f[a[1]!]! - f[a[0]!]! + 1}`,
};
