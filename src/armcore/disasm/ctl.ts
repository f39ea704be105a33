// Disassembly formatters of the 'ctl' group: named functions the asm templates call as {name:fields}.
// Branch targets print as objdump prints them: the absolute address in hex, without 0x.
import type { Formatters } from './types.js';
import { COND_NAMES } from '../../translator/cond.js';

const REGS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

const sext = (v: number, bits: number) => (v << (32 - bits)) >> (32 - bits);
const hexAddr = (a: number) => (a >>> 0).toString(16);
const g = (f: Record<string, number>, k: string | undefined) => (k === undefined ? 0 : f[k] ?? 0);

function t32Offset(s: number, j1: number, j2: number, imm: number, width: number): number {
  // B.W / BL / BLX: S:I1:I2:imm:'0' with I = NOT(J XOR S)
  const i1 = (~(j1 ^ s)) & 1, i2 = (~(j2 ^ s)) & 1;
  const v = (s << (width + 2)) | (i1 << (width + 1)) | (i2 << width) | imm;
  return sext(v << 1, width + 4);
}

const BARRIERS: Record<number, string> = { 15: 'sy', 14: 'st', 11: 'ish', 10: 'ishst', 7: 'nsh', 6: 'nshst', 3: 'osh', 2: 'oshst' };

function psrFields(spsr: number, mask: number): string {
  let s = '';
  if (mask & 8) s += 'f';
  if (mask & 4) s += 's';
  if (mask & 2) s += 'x';
  if (mask & 1) s += 'c';
  return `${spsr ? 'SPSR' : 'CPSR'}_${s}`;
}

export const CTL_FORMATTERS: Formatters = {
  /** A32 B/BL: PC + 8 + imm24 * 4. */
  ctla32br: (f, a, x) => hexAddr(x.pc + 8 + sext(g(f, a[0]), 24) * 4),
  /** A32 BLX (immediate): PC + 8 + imm24:H:'0'. */
  ctla32blx: (f, a, x) => hexAddr(x.pc + 8 + sext(g(f, a[0]), 24) * 4 + g(f, a[1]) * 2),
  /** T16 B<c>: PC + 4 + imm8 * 2. */
  ctlt16bc: (f, a, x) => hexAddr(x.pc + 4 + sext(g(f, a[0]), 8) * 2),
  /** T16 B: PC + 4 + imm11 * 2. */
  ctlt16b: (f, a, x) => hexAddr(x.pc + 4 + sext(g(f, a[0]), 11) * 2),
  /** CBZ/CBNZ: PC + 4 + i:imm5:'0'. */
  ctlcbz: (f, a, x) => hexAddr(x.pc + 4 + g(f, a[0]) * 2),
  /** T32 B<c>.W: S:J2:J1:imm6:imm11:'0'. */
  ctlt32bc: (f, a, x) => {
    const s = g(f, a[0]), j1 = g(f, a[1]), j2 = g(f, a[2]), imm = g(f, a[3]);
    return hexAddr(x.pc + 4 + sext(((s << 20) | (j2 << 19) | (j1 << 18) | (imm << 1)), 21));
  },
  /** T32 B.W / BL. */
  ctlt32b: (f, a, x) => hexAddr(x.pc + 4 + t32Offset(g(f, a[0]), g(f, a[1]), g(f, a[2]), g(f, a[3]), 21)),
  /** T32 BLX (immediate): from Align(PC, 4); the immediate field excludes the H bit. */
  ctlt32blx: (f, a, x) => hexAddr(((x.pc + 4) & ~3) + t32Offset(g(f, a[0]), g(f, a[1]), g(f, a[2]), g(f, a[3]) << 1, 21)),
  /** Condition of an encoding with its own condition field (Thumb B<c>). */
  ctlcc: (f, a) => { const c = g(f, a[0]); return c >= 14 ? '' : COND_NAMES[c]!; },
  ctlpsr: (f, a) => (g(f, a[0]) ? 'SPSR' : 'CPSR'),
  ctlpsrf: (f, a) => psrFields(g(f, a[0]), g(f, a[1])),
  ctlmsrimm: (f, a) => {
    const rot = g(f, a[0]) * 2, v = g(f, a[1]);
    const imm = rot === 0 ? v : ((v >>> rot) | (v << (32 - rot))) | 0;
    // objdump adds the hex value as a comment when the immediate is rotated
    return rot === 0 ? `#${imm}` : `#${imm}\t@ 0x${(imm >>> 0).toString(16)}`;
  },
  ctlhint: (f, a) => `{${a[0] === undefined ? 0 : g(f, a[0])}}`,
  /** CPS (A32, T32): cpsie/cpsid <aif>{, #mode} or cps #mode. */
  ctlcps: (f, a) => {
    const imod = g(f, a[0]), m = g(f, a[1]), A = g(f, a[2]), I = g(f, a[3]), F = g(f, a[4]), mode = g(f, a[5]);
    const flags = (A ? 'a' : '') + (I ? 'i' : '') + (F ? 'f' : '');
    if (imod & 2) {
      const name = imod & 1 ? 'cpsid' : 'cpsie';
      return m ? `${name} ${flags || 'none'}, #${mode}` : `${name} ${flags || 'none'}`;
    }
    return `cps #${mode}`;
  },
  /** T16 CPS: cpsie/cpsid <aif>. */
  ctlcps1: (f, a) => {
    const flags = (g(f, a[1]) ? 'a' : '') + (g(f, a[2]) ? 'i' : '') + (g(f, a[3]) ? 'f' : '');
    return `${g(f, a[0]) ? 'cpsid' : 'cpsie'} ${flags || 'none'}`;
  },
  ctlendian: (f, a) => (g(f, a[0]) ? 'be' : 'le'),
  ctlamode: (f, a) => ['da', 'ia', 'db', 'ib'][(g(f, a[0]) << 1) | g(f, a[1])]!,
  ctlwb: (f, a) => (g(f, a[0]) ? '!' : ''),
  ctlbarrier: (f, a) => { const o = g(f, a[0]); return BARRIERS[o] ?? `#${o}`; },
  /** Decimal, with objdump's hex comment for values above 32. */
  ctldec: (f, a) => { const v = g(f, a[0]); return v > 32 ? `${v}\t@ 0x${v.toString(16)}` : `${v}`; },
  ctlhex: (f, a) => `0x${g(f, a[0]).toString(16)}`,
  ctlhex4: (f, a) => `0x${g(f, a[0]).toString(16).padStart(4, '0')}`,
  ctlhex8: (f, a) => `0x${g(f, a[0]).toString(16).padStart(8, '0')}`,
  ctlcr: (f, a) => `cr${g(f, a[0])}`,
  ctlop2: (f, a) => `{${g(f, a[0])}}`,
  ctlmrcrt: (f, a) => { const t = g(f, a[0]); return t === 15 ? 'APSR_nzcv' : REGS[t]!; },
  ctllong: (f, a) => (g(f, a[0]) ? 'L' : ''),
  /** LDC/STC addressing: [Rn, #+/-imm*4]{!}, [Rn], #+/-imm*4, or [Rn], {option}. */
  ctlcpaddr: (f, a) => {
    const p = g(f, a[0]), u = g(f, a[1]), w = g(f, a[2]), rn = REGS[g(f, a[3]) & 15]!, imm = g(f, a[4]);
    const off = `#${u ? '' : '-'}${imm * 4}`;
    if (p) return `[${rn}, ${off}]${w ? '!' : ''}`;
    if (w) return `[${rn}], ${off}`;
    return `[${rn}], {${imm}}`;
  },
  /** IT<x<y<z>>> <firstcond>: the mask's bits after the first say then (t) or else (e). */
  ctlit: (f, a) => {
    const k = g(f, a[0]), q = g(f, a[1]);
    if (q === 0) return ' <hint>';
    let suffix = '';
    const low = q & -q; // the terminating 1
    for (let b = 3; (1 << b) > low; b--) suffix += ((q >> b) & 1) === (k & 1) ? 't' : 'e';
    return `${suffix} ${k >= 14 ? 'al' : COND_NAMES[k]}`;
  },
};
