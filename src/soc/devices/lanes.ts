// Byte lanes of a 32-bit device register.
import type { Width } from '../../armcore/bus.js';

/**
 * A 32-bit register value as seen by an access of `width` bytes at byte `offset` within it
 * (little-endian lanes: a byte read at +1 sees bits 15:8). Word reads come back as int32, as RAM
 * reads do.
 */
export function narrow(v: number, offset: number, width: Width): number {
  if (width === 4) return v | 0;
  const shifted = v >>> ((offset & 3) * 8);
  return width === 2 ? shifted & 0xffff : shifted & 0xff;
}
