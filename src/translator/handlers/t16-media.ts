// Handlers for the T16 'media' encodings (src/armcore/isa/t16-media.ts), by encoding name.
// Registers are r0-r7 here, so no PC cases. Extends and reverses reuse the shared handlers
// (no n field: plain extend, no rotation).
import type { HandlerTable } from '../types.js';
import { MEDIA_SHARED } from '../sem/media.js';

export const T16_MEDIA_HANDLERS: HandlerTable = {
  // MULS <Rdm>, <Rn>, <Rdm>: flags N, Z only outside an IT block.
  MUL(f, x) {
    const d = f['d']!, n = f['n']!;
    if (x.inIT) return c => { c.r[d] = Math.imul(c.r[n]!, c.r[d]!); };
    return c => {
      const r = Math.imul(c.r[n]!, c.r[d]!);
      c.r[d] = r; c.n = r >>> 31; c.z = r === 0 ? 1 : 0;
    };
  },
  SXTH: MEDIA_SHARED['SXTH']!,
  SXTB: MEDIA_SHARED['SXTB']!,
  UXTH: MEDIA_SHARED['UXTH']!,
  UXTB: MEDIA_SHARED['UXTB']!,
  REV: MEDIA_SHARED['REV']!,
  REV16: MEDIA_SHARED['REV16']!,
  REVSH: MEDIA_SHARED['REVSH']!,
};
