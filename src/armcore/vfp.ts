// VFPv3-D32 register state: D0-D31 (S0-S31 alias D0-D15), FPSCR (held by its arithmetic context),
// FPEXC. The instructions come from the 'vfp' encoding group; the arithmetic from softfloat.ts.
import { FPContext } from './softfloat.js';

/** FPSID of QEMU 7.2's cortex-a9 (implementer ARM, VFPv3, no short vectors in hardware). */
export const A9_FPSID = 0x41033090;
/** MVFR0 of QEMU 7.2's cortex-a9 (read on qemu-system-arm 7.2): short vectors, 32 D registers. */
export const A9_MVFR0 = 0x11110222;
/**
 * MVFR1: FZ and default-NaN modes, VFP half-precision conversions, and no Advanced SIMD.
 * QEMU 7.2's cortex-a9 reports 0x01111111 (NEON present), and armada does not implement NEON
 * yet: Linux sets HWCAP_NEON from these fields and glibc then picks NEON string functions, which
 * would be UNDEFINED here (busybox died with SIGILL). A deliberate difference from QEMU until NEON
 * exists; then this goes back to QEMU's value.
 */
export const A9_MVFR1 = 0x01000011;
/** FPEXC.EN. QEMU keeps only this bit of FPEXC writes. */
export const FPEXC_EN = 0x40000000;

export class VfpState {
  /** D registers as 64 little-endian 32-bit words: D[i] = words 2i (low) and 2i+1 (high); S[j] = word j. */
  readonly regs = new Int32Array(64);
  /** FPSCR rounding mode, FZ, DN, AHP and cumulative flags; NZCV kept separately. */
  readonly ctx = new FPContext();
  /** FPSCR.NZCV as a nibble (N = bit 3). */
  nzcv = 0;
  fpexc = 0;
  /** FPSCR bits 21:16 as written (STRIDE 21:20, LEN 18:16; FZ16 bit 19 is RES0 here). */
  lenStride = 0;
  /** FPSCR.QC (bit 27): writable, never set by VFP instructions. */
  qc = 0;

  /** The FPSCR as VMRS reads it. */
  getFPSCR(): number {
    return ((this.nzcv << 28) | (this.qc << 27) | this.ctx.getFPSCR() | (this.lenStride << 16)) >>> 0;
  }
  /** VMSR FPSCR: trap-enable bits (15, 12:8) are RAZ/WI and FZ16 is RES0, as QEMU for Cortex-A9. */
  setFPSCR(v: number): void {
    this.nzcv = (v >>> 28) & 15;
    this.qc = (v >>> 27) & 1;
    this.ctx.setFPSCR(v);
    this.lenStride = (v >>> 16) & 0x37;
  }
  reset(): void {
    this.regs.fill(0);
    this.setFPSCR(0);
    this.fpexc = 0;
  }
}
