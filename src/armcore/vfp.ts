// VFPv3-D32 register state: D0-D31 (S0-S31 alias D0-D15), FPSCR (held by its arithmetic context),
// FPEXC. The instructions come from the 'vfp' encoding group; the arithmetic from softfloat.ts.
import { FPContext } from './softfloat.js';

export class VfpState {
  /** D registers as 64 little-endian 32-bit words: D[i] = words 2i (low) and 2i+1 (high); S[j] = word j. */
  readonly regs = new Int32Array(64);
  /** FPSCR rounding mode, FZ, DN, AHP and cumulative flags; NZCV kept separately. */
  readonly ctx = new FPContext();
  nzcv = 0;
  fpexc = 0;
}
