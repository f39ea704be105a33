// Disassembly formatters of the 'mem' group: named functions the asm templates call as {name:fields}.
// Arguments are field letters, or the literals '0'/'1' (fixed P/U/W bits) and a number (scale).
import type { Fields } from '../encoding.js';
import type { Formatters } from './types.js';

const RN = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];
const SH = ['lsl', 'lsr', 'asr', 'ror'];

function arg(f: Fields, a: string | undefined, dflt = 0): number {
  if (a === undefined) return dflt;
  if (/^[0-9]+$/.test(a)) return Number(a);
  return f[a] ?? dflt;
}

function list(v: number): string {
  const out: string[] = [];
  for (let i = 0; i < 16; i++) if (v & (1 << i)) out.push(RN[i]!);
  return `{${out.join(', ')}}`;
}

export const MEM_FORMATTERS: Formatters = {
  /** Immediate-offset operand: [Rn, #±imm]{!} or [Rn], #±imm. Args n,i,P,U,W[,scale]. */
  ami(f, a, x) {
    const n = arg(f, a[0]), imm = arg(f, a[1]) * arg(f, a[5], 1);
    const p = arg(f, a[2]), u = arg(f, a[3]), w = arg(f, a[4]);
    const s = `#${u ? '' : '-'}${imm}`;
    if (!p) return `[${RN[n]}], ${s}`;
    let out = imm === 0 && u ? `[${RN[n]}]` : `[${RN[n]}, ${s}]`;
    if (w) out += '!';
    if (n === 15 && !w) {
      const base = x.encoding.iset === 'A32' ? x.pc + 8 : (x.pc + 4) & ~3;
      out += `\t@ 0x${((base + (u ? imm : -imm)) >>> 0).toString(16)}`;
    }
    return out;
  },
  /** Register-offset operand. Args n,m,P,U,W[,imm5,type]. */
  amr(f, a) {
    const n = arg(f, a[0]), m = arg(f, a[1]);
    const p = arg(f, a[2]), u = arg(f, a[3]), w = arg(f, a[4]);
    let sh = '';
    if (a[5] !== undefined) {
      const amt = arg(f, a[5]), ty = arg(f, a[6]);
      if (ty === 3 && amt === 0) sh = ', rrx';
      else if (!(ty === 0 && amt === 0)) sh = `, ${SH[ty]} #${amt === 0 ? 32 : amt}`;
    }
    const r = `${u ? '' : '-'}${RN[m]}${sh}`;
    if (!p) return `[${RN[n]}], ${r}`;
    return `[${RN[n]}, ${r}]${w ? '!' : ''}`;
  },
  /** Plain immediate, scaled: #imm. Args i, scale. */
  imm(f, a) { return `#${arg(f, a[0]) * arg(f, a[1], 1)}`; },
  /** T16 literal: [pc, #imm*4] with the target. */
  lit16(f, a, x) {
    const imm = arg(f, a[0]) * 4;
    return `[pc, #${imm}]\t@ 0x${((((x.pc + 4) & ~3) + imm) >>> 0).toString(16)}`;
  },
  /** T32 literal: [pc, #±imm12]. Args U, i. */
  lit32(f, a, x) {
    const u = arg(f, a[0]), imm = arg(f, a[1]);
    return `[pc, #${u ? '' : '-'}${imm}]\t@ 0x${((((x.pc + 4) & ~3) + (u ? imm : -imm)) >>> 0).toString(16)}`;
  },
  /** T32 register offset [Rn, Rm, lsl #k]; with Rn = pc the word is a literal load (U=0, imm12 = k:m). */
  t32r(f, a, x) {
    const n = arg(f, a[0]), m = arg(f, a[1]), k = arg(f, a[2]);
    if (n === 15) return `[pc, #-${(k << 4) | m}]\t@ 0x${((((x.pc + 4) & ~3) - ((k << 4) | m)) >>> 0).toString(16)}`;
    return `[${RN[n]}, ${RN[m]}${k ? `, lsl #${k}` : ''}]`;
  },
  lsl(f, a) { const k = arg(f, a[0]); return k ? `, lsl #${k}` : ''; },
  /** Register after Rt (A32 LDRD/STRD/LDREXD). */
  rt2(f, a) { return RN[(arg(f, a[0]) + 1) & 15]!; },
  wb(f, a) { return arg(f, a[0]) ? '!' : ''; },
  ldm16wb(f, a) { return (arg(f, a[1]) & (1 << arg(f, a[0]))) ? '' : '!'; },
  reg1(f, a) { return `{${RN[arg(f, a[0])]}}`; },
  rlist(f, a) { return list(arg(f, a[0])); },
  rlistpc(f, a) { return list(arg(f, a[0]) | 0x8000); },
  rlist16(f, a) { return list(arg(f, a[0]) | (arg(f, a[1]) << arg(f, a[2]))); },
  am(f, a) { const p = arg(f, a[0]), u = arg(f, a[1]); return p ? (u ? 'ib' : 'db') : (u ? 'ia' : 'da'); },
  pld(f, a) { return arg(f, a[0]) ? 'pld' : 'pldw'; },
  pldw(f, a) { return arg(f, a[0]) ? 'pldw' : 'pld'; },
};
