// VFP instruction layer: encodings (cross-checked with arm-none-eabi-as/objdump), the vfp option
// gate, access control (CPACR, FPEXC.EN, privilege), and each instruction form on the harness.
// The full comparison with QEMU is vfp-qemu.test.ts (firmware/probes/vfp-insn).
import { describe, expect, it } from 'vitest';
import { a32, t32, machine, loadA32, loadThumb, runTo, DATA, type Machine } from '../harness.js';
import { decodeA32, decodeThumb } from '../../src/translator/translate.js';
import { disassemble, FORMATTERS } from '../../src/armcore/disasm/index.js';
import { VFP_FORMATTERS } from '../../src/armcore/disasm/vfp.js';
import { installCp15 } from '../../src/armcore/cp15.js';
import { Mode } from '../../src/armcore/cpu.js';

// Until the lead merges VFP_FORMATTERS into disasm/index.ts.
for (const [k, f] of Object.entries(VFP_FORMATTERS)) if (!(k in FORMATTERS)) FORMATTERS[k] = f;

const norm = (s: string) => s.split('@')[0]!.replace(/\s+/g, ' ').trim();

// [A32 word, encoding, objdump text] from arm-none-eabi-as -mfpu=vfpv3 + objdump -d
const CASES: [number, string, string][] = [
  [0xee410a2f, 'VMLA_s', 'vmla.f32 s1, s2, s31'],
  [0xee421b2f, 'VMLA_d', 'vmla.f64 d17, d2, d31'],
  [0xee010ac2, 'VMLS_s', 'vmls.f32 s0, s3, s4'],
  [0xee532a23, 'VNMLS_s', 'vnmls.f32 s5, s6, s7'],
  [0x1e710b02, 'VADD_d', 'vaddne.f64 d16, d1, d2'],
  [0xeef71a00, 'VMOV_imm_s', 'vmov.f32 s3, #112'],
  [0xeefe2b00, 'VMOV_imm_d', 'vmov.f64 d18, #224'],
  [0xee212b90, 'VMOV_scalar_r', 'vmov.32 d17[1], r2'],
  [0xecb00b09, 'VLDMIA_d', 'fldmiax r0!, {d0-d3}'],
  [0xed200b09, 'VSTMDB_d', 'fstmdbx r0!, {d0-d3}'],
  [0xed811bff, 'VSTR_d', 'vstr d1, [r1, #1020]'],
];

describe('VFP encodings', () => {
  it('encoder matches the assembler', () => {
    expect(a32('VMLA_s', { e: 0, E: 1, f: 1, F: 0, g: 15, G: 1 })).toBe(0xee410a2f);
    expect(a32('VADD_d', { c: 1, e: 0, E: 1, f: 1, F: 0, g: 2, G: 0 })).toBe(0x1e710b02);
    expect(a32('VMOV_imm_s', { e: 1, E: 1, i: 0x70 })).toBe(0xeef71a00);
    expect(a32('VMRS', { r: 1, t: 15 })).toBe(0xeef1fa10);
    expect(a32('VPUSH_d', { e: 8, E: 0, i: 16 })).toBe(0xed2d8b10);
    expect(t32('VMOV_scalar_r', { k: 1, f: 1, F: 1, t: 2 })).toBe(0xee212b90);
  });
  it('decodes and disassembles as objdump (A32 and T32)', () => {
    for (const [w, name, text] of CASES) {
      const d = decodeA32(w);
      expect(d.encoding?.name).toBe(name);
      expect(norm(disassemble(d, 0))).toBe(text);
      if ((w >>> 28) === 14) {
        const t = decodeThumb(w >>> 16, w & 0xffff);
        expect(t.encoding?.name).toBe(name);
        expect(norm(disassemble(t, 0))).toBe(text);
      }
    }
  });
  it('VFPv4 fused multiply-add is not decoded as VFP (UNDEFINED)', () => {
    // vfma.f32 s0, s1, s2 = eea00a81
    expect(decodeA32(0xeea00a81).encoding?.group).not.toBe('vfp');
  });
});

function vm(opts: { cpacr?: number; en?: boolean; vfp?: boolean } = {}): Machine {
  const m = machine({ vfp: opts.vfp ?? true });
  const cp = installCp15(m.cpu);
  cp.cpacr = opts.cpacr ?? 0x00f00000;
  m.cpu.fp.fpexc = opts.en === false ? 0 : 0x40000000;
  return m;
}
function runA32(m: Machine, words: number[]): void {
  const end = loadA32(m, words);
  runTo(m, end, 1000);
}
const UNDEF_VECTOR = 4;
function undefs(m: Machine, words: number[]): boolean {
  loadA32(m, words);
  m.engine.step();
  return m.cpu.pc === UNDEF_VECTOR && m.cpu.mode === Mode.UND;
}
const S = (m: Machine, i: number) => m.cpu.fp.regs[i]! >>> 0;

describe('VFP gate and access control', () => {
  const vadd = a32('VADD_s', { e: 0, E: 0, f: 0, F: 1, g: 1, G: 0 });
  const vmrsFpexc = a32('VMRS', { r: 8, t: 0 });
  it('the vfp option off: UNDEFINED', () => {
    expect(undefs(vm({ vfp: false }), [vadd])).toBe(true);
  });
  it('CPACR.cp10 = 0 or 2: UNDEFINED, even VMRS FPEXC', () => {
    expect(undefs(vm({ cpacr: 0 }), [vadd])).toBe(true);
    expect(undefs(vm({ cpacr: 0x00a00000 }), [vmrsFpexc])).toBe(true);
    expect(undefs(vm({ cpacr: 0x00c00000 }), [vadd])).toBe(true);
  });
  it('CPACR.cp10 = 1: privileged modes only', () => {
    expect(undefs(vm({ cpacr: 0x00100000 }), [vadd])).toBe(false);
    const m = vm({ cpacr: 0x00100000 });
    m.cpu.switchMode(Mode.USR);
    expect(undefs(m, [vadd])).toBe(true);
  });
  it('FPEXC.EN = 0: only VMRS/VMSR of FPEXC, FPSID, MVFR0/1 (privileged)', () => {
    expect(undefs(vm({ en: false }), [vadd])).toBe(true);
    expect(undefs(vm({ en: false }), [a32('VMRS', { r: 1, t: 0 })])).toBe(true);
    const m = vm({ en: false });
    runA32(m, [vmrsFpexc, a32('VMRS', { r: 0, t: 1 }), a32('VMRS', { r: 7, t: 2 }), a32('VMRS', { r: 6, t: 3 }),
      a32('VMSR', { r: 8, t: 4 })].map(x => x), );
    expect(m.cpu.r[0]).toBe(0);
    expect(m.cpu.r[1]! >>> 0).toBe(0x41033090);
    expect(m.cpu.r[2]! >>> 0).toBe(0x11110222);
    expect(m.cpu.r[3]! >>> 0).toBe(0x01000011); // QEMU: 0x01111111 (NEON); armada has no NEON yet
  });
  it('user mode: VMRS FPSID/FPEXC UNDEFINED, FPSCR allowed', () => {
    const m = vm();
    m.cpu.switchMode(Mode.USR);
    expect(undefs(m, [a32('VMRS', { r: 0, t: 0 })])).toBe(true);
    const m2 = vm(); m2.cpu.switchMode(Mode.USR);
    expect(undefs(m2, [a32('VMRS', { r: 1, t: 0 })])).toBe(false);
  });
  it('FPINST and unknown system registers: UNDEFINED', () => {
    expect(undefs(vm(), [a32('VMRS', { r: 9, t: 0 })])).toBe(true);
    expect(undefs(vm(), [a32('VMSR', { r: 2, t: 0 })])).toBe(true);
  });
});

describe('VFP instructions', () => {
  it('VMSR/VMRS FPSCR: write mask; VMRS APSR_nzcv', () => {
    const m = vm();
    m.cpu.r[0] = -1;
    runA32(m, [a32('VMSR', { r: 1, t: 0 }), a32('VMRS', { r: 1, t: 1 }), a32('VMRS', { r: 1, t: 15 })]);
    expect(m.cpu.r[1]! >>> 0).toBe(0xfff7009f);
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([1, 1, 1, 1]);
  });
  it('VMSR FPEXC keeps EN only', () => {
    const m = vm();
    m.cpu.r[0] = -1;
    runA32(m, [a32('VMSR', { r: 8, t: 0 })]);
    expect(m.cpu.fp.fpexc >>> 0).toBe(0x40000000);
  });
  it('VMOV immediate, register, core transfers', () => {
    const m = vm();
    m.cpu.r[2] = 0x11112222; m.cpu.r[3] = 0x33334444;
    runA32(m, [
      a32('VMOV_imm_s', { e: 1, E: 1, i: 0x70 }),            // s3 = 1.0
      a32('VMOV_imm_d', { e: 2, E: 1, i: 0xe0 }),            // d18 = -0.5
      a32('VMOV_reg_s', { e: 2, E: 0, g: 1, G: 1 }),         // s4 = s3
      a32('VMOV_s_r', { f: 15, F: 1, t: 2 }),               // s31 = r2
      a32('VMOV_scalar_r', { k: 1, f: 1, F: 1, t: 3 }),     // d17[1] = r3
      a32('VMOV_r_s', { f: 15, F: 1, t: 4 }),               // r4 = s31
      a32('VMOV_rr_d', { g: 2, G: 1, t: 5, u: 6 }),         // r5, r6 = d18
      a32('VMOV_ss_rr', { g: 5, G: 0, t: 2, u: 3 }),        // s10, s11 = r2, r3
      a32('VMOV_r_scalar', { k: 1, f: 1, F: 1, t: 7 }),     // r7 = d17[1]
    ]);
    expect(S(m, 3)).toBe(0x3f800000);
    expect(S(m, 4)).toBe(0x3f800000);
    expect(S(m, 37)).toBe(0xbfe00000);
    expect(S(m, 36)).toBe(0);
    expect(m.cpu.r[4]! >>> 0).toBe(0x11112222);
    expect([m.cpu.r[5]! >>> 0, m.cpu.r[6]! >>> 0]).toEqual([0, 0xbfe00000]);
    expect([S(m, 10), S(m, 11)]).toEqual([0x11112222, 0x33334444]);
    expect(m.cpu.r[7]! >>> 0).toBe(0x33334444);
  });
  it('VADD/VMUL/VDIV/VSQRT/VCMP single and double', () => {
    const m = vm();
    m.cpu.fp.regs[1] = 0x40000000; m.cpu.fp.regs[2] = 0x40400000; // s1 = 2, s2 = 3
    m.cpu.fp.regs[6] = 0; m.cpu.fp.regs[7] = 0x40100000;            // d3 = 4.0
    runA32(m, [
      a32('VADD_s', { e: 0, E: 0, f: 0, F: 1, g: 1, G: 0 }),   // s0 = 5
      a32('VMUL_s', { e: 2, E: 0, f: 0, F: 1, g: 1, G: 0 }),   // s4 = 6
      a32('VDIV_s', { e: 2, E: 1, f: 1, F: 0, g: 0, G: 1 }),   // s5 = s2 / s1 = 1.5
      a32('VSQRT_d', { e: 4, E: 0, g: 3, G: 0 }),              // d4 = 2
      a32('VCMP_s', { e: 0, E: 1, g: 1, G: 0, q: 0 }),         // s1 ? s2: less
      a32('VMRS', { r: 1, t: 15 }),
    ]);
    expect(S(m, 0)).toBe(0x40a00000);
    expect(S(m, 4)).toBe(0x40c00000);
    expect(S(m, 5)).toBe(0x3fc00000);
    expect([S(m, 8), S(m, 9)]).toEqual([0, 0x40000000]);
    expect(m.cpu.fp.nzcv).toBe(0b1000);
    expect([m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([1, 0, 0, 0]);
  });
  it('VCVT forms', () => {
    const m = vm();
    m.cpu.fp.regs[1] = 0xc0200000;  // s1 = -2.5
    m.cpu.fp.regs[3] = 0x3fc00000;  // s3 = 1.5 (fixed #1 -> 3)
    runA32(m, [
      a32('VCVT_if_s', { e: 0, E: 0, g: 0, G: 1, o: 1, r: 1 }),  // s0 = -2 (toward zero)
      a32('VCVT_if_s', { e: 1, E: 0, g: 0, G: 1, o: 1, r: 0 }),  // s2 = -2 (nearest even)
      a32('VCVT_ds', { e: 5, E: 0, g: 0, G: 1 }),                // d5 = -2.5
      a32('VCVT_fx_s', { e: 1, E: 1, X: 1, i: 15, j: 1 }),       // s3 = to s32 fixed, #1
      a32('VCVTB_sh', { e: 2, E: 0, g: 0, G: 1, T: 1 }),         // s4 top half = f16(-2.5)
    ]);
    expect(m.cpu.fp.regs[0]).toBe(-2);
    expect(m.cpu.fp.regs[2]).toBe(-2);
    expect([S(m, 10), S(m, 11)]).toEqual([0, 0xc0040000]);
    expect(S(m, 3)).toBe(3);
    expect(S(m, 4) >>> 16).toBe(0xc100);
  });
  it('VLDR/VSTR, VLDM/VSTM with writeback, VPUSH/VPOP, alignment', () => {
    const m = vm();
    for (let i = 0; i < 16; i++) m.bus.write(DATA + 4 * i, 4, 0x01010101 * i);
    m.cpu.r[0] = DATA + 16; m.cpu.r[13] = DATA + 0x400;
    runA32(m, [
      a32('VLDR_s', { U: 1, e: 2, E: 1, n: 0, i: 1 }),               // s5 = [r0 + 4] = 5
      a32('VLDR_d', { U: 0, e: 1, E: 1, n: 0, i: 2 }),               // d17 = [r0 - 8]: 2, 3
      a32('VLDMIA_s', { e: 0, E: 0, W: 1, n: 0, i: 3 }),            // s0-s2 = 4,5,6; r0 += 12
      a32('VPUSH_d', { e: 8, E: 1, i: 2 }),                          // push d24 (= 0)
      a32('VSTR_s', { U: 1, e: 2, E: 1, n: 0, i: 0 }),               // [r0] = s5
    ]);
    expect(S(m, 5)).toBe(0x05050505);
    expect([S(m, 34), S(m, 35)]).toEqual([0x02020202, 0x03030303]);
    expect([S(m, 0), S(m, 1), S(m, 2)]).toEqual([0x04040404, 0x05050505, 0x06060606]);
    expect(m.cpu.r[0]! >>> 0).toBe(DATA + 28);
    expect(m.cpu.r[13]! >>> 0).toBe(DATA + 0x400 - 8);
    expect(m.bus.read(DATA + 28, 4) >>> 0).toBe(0x05050505);
    // misaligned base: alignment fault (data abort)
    const m2 = vm();
    m2.cpu.r[0] = DATA + 2;
    loadA32(m2, [a32('VLDR_s', { U: 1, e: 0, E: 0, n: 0, i: 0 })]);
    m2.engine.step();
    expect(m2.cpu.mode).toBe(Mode.ABT);
    expect(m2.cpu.dfsr & 0x40f).toBe(1);
  });
  it('short vectors: LEN = 1 steps Vd/Vn/Vm in their bank', () => {
    const m = vm();
    for (let i = 8; i < 16; i++) m.cpu.fp.regs[i] = 0x3f800000; // s8-s15 = 1.0
    m.cpu.fp.setFPSCR(0x00010000);
    runA32(m, [a32('VADD_s', { e: 8, E: 0, f: 4, F: 1, g: 5, G: 1 })]); // s16,s17 = s9+s11, s10+s12
    expect([S(m, 16), S(m, 17), S(m, 18)]).toEqual([0x40000000, 0x40000000, 0]);
  });
  it('T32: executes under the IT condition', () => {
    const m = vm();
    m.cpu.fp.regs[1] = 0x40000000;
    m.cpu.z = 0;
    // ITE EQ; VMOVEQ.F32 s0, #1.0 ; VNEGNE.F32 s2, s1
    const end = loadThumb(m, [0xbf0c, t32('VMOV_imm_s', { e: 0, E: 0, i: 0x70 }), t32('VNEG_s', { e: 1, E: 0, g: 0, G: 1 })]);
    runTo(m, end, 100);
    expect(S(m, 0)).toBe(0);
    expect(S(m, 2)).toBe(0xc0000000);
  });
});
