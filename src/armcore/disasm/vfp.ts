// Disassembly formatters of the 'vfp' group: named functions the asm templates call as {name:fields}.
// Register operands: single Vx:X, double X:Vx (the tables give Vx then X).
import type { Formatters } from './types.js';
import { expandImm32, expandImm64Hi } from '../softfloat.js';

const REGS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];
const g = (f: Record<string, number>, k: string | undefined) => (k === undefined ? 0 : f[k] ?? 0);
const sNum = (f: Record<string, number>, a: readonly string[]) => (g(f, a[0]) << 1) | g(f, a[1]);
const dNum = (f: Record<string, number>, a: readonly string[]) => (g(f, a[1]) << 4) | g(f, a[0]);

const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1), u64 = new Uint32Array(f64.buffer);
function fnum(v: number): string {
  const s = String(v);
  return Number.isInteger(v) ? `${s}.0` : s;
}
const SYS: Record<number, string> = { 0: 'fpsid', 1: 'fpscr', 6: 'mvfr1', 7: 'mvfr0', 8: 'fpexc', 9: 'fpinst', 10: 'fpinst2' };

export const VFP_FORMATTERS: Formatters = {
  vfps: (f, a) => `s${sNum(f, a)}`,
  vfpd: (f, a) => `d${dNum(f, a)}`,
  /** The second register of a VMOV two-singles pair. */
  vfpsnext: (f, a) => `s${sNum(f, a) + 1}`,
  // objdump prints the 8-bit immediate, then the value in a comment
  vfpimm32: (f, a) => { u32[0] = expandImm32(g(f, a[0])); return `#${g(f, a[0])}\t@ ${fnum(f32[0]!)}`; },
  vfpimm64: (f, a) => { u64[0] = 0; u64[1] = expandImm64Hi(g(f, a[0])); return `#${g(f, a[0])}\t@ ${fnum(f64[0]!)}`; },
  // VLDM/VSTM of doubles with an odd word count: the FLDMX/FSTMX mnemonics
  vfpxfldmia: (f, a) => (g(f, a[0]) & 1 ? 'fldmiax' : 'vldmia'),
  vfpxfstmia: (f, a) => (g(f, a[0]) & 1 ? 'fstmiax' : 'vstmia'),
  vfpxfldmdb: (f, a) => (g(f, a[0]) & 1 ? 'fldmdbx' : 'vldmdb'),
  vfpxfstmdb: (f, a) => (g(f, a[0]) & 1 ? 'fstmdbx' : 'vstmdb'),
  vfpbt: (f, a) => (g(f, a[0]) ? 't' : 'b'),
  vfpe: (f, a) => (g(f, a[0]) ? 'e' : ''),
  vfpr: (f, a) => (g(f, a[0]) ? '' : 'r'),
  vfpsu: (f, a) => (g(f, a[0]) ? 's32' : 'u32'),
  vfpfsz: (f, a) => (g(f, a[0]) ? '32' : '16'),
  vfpfbits: (f, a) => `#${(g(f, a[0]) ? 32 : 16) - ((g(f, a[1]) << 1) | g(f, a[2]))}`,
  vfpsys: (f, a) => SYS[g(f, a[0])] ?? `<reg${g(f, a[0])}>`,
  vfpmrst: (f, a) => (g(f, a[0]) === 15 ? 'APSR_nzcv' : REGS[g(f, a[0])]!),
  vfpwb: (f, a) => (g(f, a[0]) ? '!' : ''),
  vfpaddr: (f, a) => {
    const n = REGS[g(f, a[0])]!, imm = g(f, a[2]) * 4;
    if (imm === 0 && g(f, a[1])) return `[${n}]`;
    return `[${n}, #${g(f, a[1]) ? '' : '-'}${imm}]`;
  },
  vfplists: (f, a) => {
    const first = (g(f, a[0]) << 1) | g(f, a[1]), cnt = g(f, a[2]);
    return cnt <= 1 ? `{s${first}}` : `{s${first}-s${first + cnt - 1}}`;
  },
  vfplistd: (f, a) => {
    const first = (g(f, a[1]) << 4) | g(f, a[0]), cnt = g(f, a[2]) >> 1;
    return cnt <= 1 ? `{d${first}}` : `{d${first}-d${first + cnt - 1}}`;
  },
};
