// Handlers for the A32 'dp' encodings (src/armcore/isa/a32-dp.ts), by encoding name.
import type { HandlerTable } from '../types.js';
import { armExpandImm, armExpandImmCarry } from '../sem/shift.js';

export const A32_DP_HANDLERS: HandlerTable = {
  // MOV{S}<c> <Rd>, #<const>
  MOV_imm(f, x) {
    const d = f['d']!, imm = armExpandImm(f['r']!, f['v']!);
    if (d === 15) {
      x.ends = true;
      if (f['S']) return null; // placeholder until exception return lands (SUBS pc, lr family)
      return c => c.aluWritePC(imm);
    }
    if (!f['S']) return c => { c.r[d] = imm; };
    const rot = f['r']!, imm8 = f['v']!;
    return c => {
      c.r[d] = imm;
      c.n = imm >>> 31; c.z = imm === 0 ? 1 : 0;
      c.c = armExpandImmCarry(rot, imm8, c.c);
    };
  },
};
