// Disassembly formatters of the 'dp' group: named functions the asm templates call as {name:fields}.
// Immediates print as objdump does: signed decimal, with the hex value as a comment when it is
// outside -16..32.
import type { Fields } from '../encoding.js';
import type { DisContext, Formatters } from './types.js';
import { armExpandImm, decodeImmShift, thumbExpandImm } from '../../translator/sem/shift.js';

const SHIFT_NAMES = ['lsl', 'lsr', 'asr', 'ror'];
// (not imported from index.ts: that module imports this one)
const REG_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

/** '#<decimal>' with objdump's '@ 0x...' comment for values outside -16..32. */
export function immText(v: number, unsigned = false): string {
  const s = unsigned ? v >>> 0 : v | 0;
  return s > 32 || s < -16 ? `#${s}\t@ 0x${(s >>> 0).toString(16)}` : `#${s}`;
}

function reg(f: Fields, k: string): string {
  return REG_NAMES[f[k]! & 15]!;
}

function sflag(f: Fields, x: DisContext): string {
  if (x.encoding.fields.has('S')) return f['S'] ? 's' : '';
  return x.encoding.iset === 'T16' && !x.inIT ? 's' : '';
}

/** ', <shift> #<n>' (nothing for LSL #0), ', rrx'. */
function shiftText(type: number, imm5: number): string {
  const [t, amount] = decodeImmShift(type, imm5);
  if (t === 0 && amount === 0) return '';
  if (t === 4) return ', rrx';
  return `, ${SHIFT_NAMES[t]} #${amount}`;
}

export const DP_FORMATTERS: Formatters = {
  /** A32 modified immediate: {dpimm:rot,imm8}. */
  dpimm: (f, a) => immText(armExpandImm(f[a[0]!]!, f[a[1]!]!)),
  /** T32 modified immediate (objdump prints it unsigned): {dptimm:imm12}. */
  dptimm: (f, a) => immText(thumbExpandImm(f[a[0]!]!) ?? 0, true),
  /** Plain unsigned immediate with the hex comment. */
  dpuimm: (f, a) => immText(f[a[0]!]!),
  /** imm8 * 4 (ADR, ADD SP). */
  dpx4: (f, a) => immText(f[a[0]!]! * 4),
  /** A32 MOVW/MOVT imm4:imm12. */
  dpimm16: (f, a) => immText((f[a[0]!]! << 12) | f[a[1]!]!),
  /** T32 MOVW/MOVT imm4:i:imm3:imm8. */
  dpimm16t: (f, a) => immText((f[a[0]!]! << 12) | (f[a[1]!]! << 11) | f[a[2]!]!),
  /** Shift by immediate after a register operand: {dpsh:type,imm5}. */
  dpsh: (f, a) => shiftText(f[a[0]!]!, f[a[1]!]!),
  /** Shift name for a shift by register: {dpshr:type}. */
  dpshr: (f, a) => SHIFT_NAMES[f[a[0]!]! & 3]!,
  /** T16 LSR/ASR amount (0 means 32). */
  dpsh32: (f, a) => `#${f[a[0]!]! || 32}`,
  /** A32 MOV (register) and its shift aliases: {dpmovreg:S,d,m,type,imm5}. */
  dpmovreg: (f, a, x) => {
    const s = f[a[0]!] ? 's' : '', d = reg(f, a[1]!), m = reg(f, a[2]!);
    const [t, amount] = decodeImmShift(f[a[3]!]!, f[a[4]!]!);
    if (t === 0 && amount === 0) return `mov${s}${x.cond} ${d}, ${m}`;
    if (t === 4) return `rrx${s}${x.cond} ${d}, ${m}`;
    return `${SHIFT_NAMES[t]}${s}${x.cond} ${d}, ${m}, #${amount}`;
  },
  /** A32 MOV (register-shifted register) as its alias: {dpmovrsr:S,d,m,type,s}. */
  dpmovrsr: (f, a, x) => {
    const s = f[a[0]!] ? 's' : '';
    return `${SHIFT_NAMES[f[a[3]!]! & 3]}${s}${x.cond} ${reg(f, a[1]!)}, ${reg(f, a[2]!)}, ${reg(f, a[4]!)}`;
  },
  /** T16 LSL (immediate); imm5=0 is MOV{S} Rd, Rm: {dpt16lsl:d,m,imm5}. */
  dpt16lsl: (f, a, x) => {
    const s = sflag(f, x), d = reg(f, a[0]!), m = reg(f, a[1]!), i = f[a[2]!]!;
    return i === 0 ? `mov${s}${x.cond} ${d}, ${m}` : `lsl${s}${x.cond} ${d}, ${m}, #${i}`;
  },
};
