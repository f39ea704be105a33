// Shifts and immediate expansion shared by every instruction group and both instruction sets.
// Values are 32-bit integers (signed or unsigned in, signed out unless said otherwise).

export const enum SRType { LSL = 0, LSR = 1, ASR = 2, ROR = 3, RRX = 4 }

/** DecodeImmShift: (type, imm5) from an instruction to (SRType, amount). */
export function decodeImmShift(type: number, imm5: number): [SRType, number] {
  switch (type & 3) {
    case 0: return [SRType.LSL, imm5];
    case 1: return [SRType.LSR, imm5 === 0 ? 32 : imm5];
    case 2: return [SRType.ASR, imm5 === 0 ? 32 : imm5];
    default: return imm5 === 0 ? [SRType.RRX, 1] : [SRType.ROR, imm5];
  }
}

/** Shift(value, type, amount, carry_in) without the carry out. amount may be any 0..255. */
export function shift(v: number, t: SRType, amount: number, carryIn: number): number {
  if (amount === 0 && t !== SRType.RRX) return v | 0;
  switch (t) {
    case SRType.LSL: return amount >= 32 ? 0 : (v << amount);
    case SRType.LSR: return amount >= 32 ? 0 : (v >>> amount) | 0;
    case SRType.ASR: return amount >= 32 ? (v >> 31) : (v >> amount);
    case SRType.ROR: { const s = amount & 31; return s === 0 ? v | 0 : ((v >>> s) | (v << (32 - s))); }
    default: return ((carryIn << 31) | (v >>> 1)) | 0; // RRX
  }
}

/**
 * Shift_C: the carry out of the same shift (returns carryIn unchanged for amount 0).
 * Call shift() for the value; this is separate so that ops that do not set flags never pay for it.
 */
export function shiftCarry(v: number, t: SRType, amount: number, carryIn: number): number {
  if (amount === 0 && t !== SRType.RRX) return carryIn;
  switch (t) {
    case SRType.LSL: return amount > 32 ? 0 : (v >>> (32 - amount)) & 1;
    case SRType.LSR: return amount > 32 ? 0 : (v >>> (amount - 1)) & 1;
    case SRType.ASR: return amount >= 32 ? (v >>> 31) & 1 : (v >>> (amount - 1)) & 1;
    case SRType.ROR: { const s = amount & 31; return s === 0 ? (v >>> 31) & 1 : (v >>> (s - 1)) & 1; }
    default: return v & 1; // RRX
  }
}

/** A32 ARMExpandImm: 8-bit value rotated right by 2*rot. */
export function armExpandImm(rot: number, imm8: number): number {
  const s = (rot * 2) & 31;
  return s === 0 ? imm8 : ((imm8 >>> s) | (imm8 << (32 - s))) | 0;
}

/** Carry out of ARMExpandImm_C (only meaningful when rot != 0). */
export function armExpandImmCarry(rot: number, imm8: number, carryIn: number): number {
  return rot === 0 ? carryIn : (armExpandImm(rot, imm8) >>> 31) & 1;
}

/** T32 ThumbExpandImm of the 12-bit i:imm3:imm8; undefined where UNPREDICTABLE (imm8=0 forms). */
export function thumbExpandImm(imm12: number): number | undefined {
  if ((imm12 >>> 10) === 0) {
    const imm8 = imm12 & 0xff;
    switch ((imm12 >>> 8) & 3) {
      case 0: return imm8;
      case 1: return imm8 === 0 ? undefined : (imm8 << 16) | imm8;
      case 2: return imm8 === 0 ? undefined : (imm8 << 24) | (imm8 << 8);
      default: return imm8 === 0 ? undefined : ((imm8 << 24) | (imm8 << 16) | (imm8 << 8) | imm8);
    }
  }
  const unrotated = 0x80 | (imm12 & 0x7f);
  const s = (imm12 >>> 7) & 31;
  return ((unrotated >>> s) | (unrotated << (32 - s))) | 0;
}

/** Carry out of ThumbExpandImm_C. */
export function thumbExpandImmCarry(imm12: number, carryIn: number): number {
  if ((imm12 >>> 10) === 0) return carryIn;
  return (thumbExpandImm(imm12)! >>> 31) & 1;
}
