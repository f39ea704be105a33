// Random VFP instructions (risu-style, src/tools/risu/vfp.ts) on QEMU and on armada: sequences of
// VFP data processing, every VMOV, VCMP{E} + VMRS APSR_nzcv, every VCVT, VLDR/VSTR/VLDM/VSTM/
// VPUSH/VPOP and VMRS/VMSR, in A32 and in Thumb (with IT blocks), from D0-D31 seeded with special
// values and FPSCR in every rounding mode with FZ/DN/AHP on and off. Core registers, flags, faults,
// the memory window, D0-D31, FPSCR, FPEXC and FPSCR after every instruction outside IT blocks must
// be identical. A smaller set runs with short vectors (FPSCR.LEN/STRIDE != 0).
// Seeds: a fixed list plus one derived from the date (printed). Override with RISU_VFP_SEEDS,
// RISU_VFP_SEQS, RISU_VFP_LEN, RISU_VFP_VECTOR_SEQS (sequences per short-vector image; 0 = none).
// Also replays test/qemu/regressions-vfp.json when it exists.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, qemuVersion, armadaBuilt, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE } from './qemu.js';
import { generateSequence, WINDOW_BASE } from '../../src/tools/risu/generator.js';
import { R_TRACE } from '../../src/tools/risu/vfp.js';

const RISU = join(ROOT, 'dist', 'tools', 'risu');
type RunnerModule = typeof import('../../src/tools/risu/runner.js');
type GeneratorModule = typeof import('../../src/tools/risu/generator.js');

async function load(): Promise<{ runner: RunnerModule; gen: GeneratorModule }> {
  // The tester runs from dist (the same build as the armada CLI it drives).
  const runner = await import(join(RISU, 'runner.js')) as RunnerModule;
  const gen = await import(join(RISU, 'generator.js')) as GeneratorModule;
  return { runner, gen };
}

const today = new Date();
const dateSeed = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
const env = process.env;
const defaults = env['RISU_VFP_SEEDS'] === undefined && env['RISU_VFP_SEQS'] === undefined && env['RISU_VFP_LEN'] === undefined;
const seeds = (env['RISU_VFP_SEEDS'] ?? `1,2,3,${dateSeed}`).split(',').map(s => Number(s.trim()) >>> 0);
const SEQS = Number(env['RISU_VFP_SEQS'] ?? 500);
const LEN = Number(env['RISU_VFP_LEN'] ?? 40);
const VECTOR_SEQS = Number(env['RISU_VFP_VECTOR_SEQS'] ?? 300);
const VECTOR_LEN = 30;
const ISETS = ['A32', 'Thumb'] as const;
/** The requirement (issue 3): at least this many VFP instructions compared per run. */
const REQUIRED = 50_000;
const version = qemuVersion();
console.log(`risu VFP: seeds ${seeds.join(', ')}; ${SEQS} sequences x ${LEN} instructions per image, ` +
  `plus ${VECTOR_SEQS} x ${VECTOR_LEN} with short vectors per instruction set`);

let vfpTotal = 0;
let total = 0;

function check(r: Awaited<ReturnType<RunnerModule['runRisu']>>, what: string, reproduce: string): void {
  vfpTotal += r.vfpInstructions;
  total += r.instructions;
  const text = [...r.errors.map(e => `error: ${e}`), ...r.mismatches.slice(0, 5).map(m => `MISMATCH ${m.report}`)];
  if (r.mismatches.length > 5) text.push(`... and ${r.mismatches.length - 5} more mismatching sequences`);
  if (text.length) console.log(`${what}:\n${text.join('\n\n')}\nreproduce: ${reproduce}`);
  expect(r.errors, `${what}: errors`).toEqual([]);
  expect(r.mismatches.length, `${what}: mismatching sequences (see the log)`).toBe(0);
}

// The generator alone (no QEMU): what the sequences contain, so that a change to the constraints
// cannot quietly drop a form or let an UNPREDICTABLE one in.
describe('risu VFP generator', () => {
  const seqs = [...ISETS].flatMap(iset => Array.from({ length: 150 }, (_, i) => ({ iset, s: generateSequence(iset, 42, i, 40, true) })));
  it('draws every VFP encoding, only VFP (and IT) instructions', () => {
    const names = new Set<string>();
    for (const { s } of seqs) for (const i of s.insns) {
      expect(['vfp', 'ctl']).toContain(i.encoding.group);
      if (i.encoding.group === 'ctl') expect(i.encoding.name).toBe('IT');
      names.add(i.encoding.name);
    }
    // every A32/T32 VFP encoding of the tables (the VFPv3 set; see a32-vfp.ts)
    for (const n of ['VMLA_s', 'VNMLS_d', 'VDIV_d', 'VMOV_imm_s', 'VCVTB_hs', 'VCVTB_sh', 'VCMP_z_d', 'VCVT_ds', 'VCVT_sd', 'VCVT_fi_d',
      'VCVT_if_s', 'VCVT_xf_ud', 'VCVT_fx_s', 'VMOV_scalar_r', 'VMOV_r_scalar', 'VMOV_ss_rr', 'VMOV_rr_d', 'VMSR', 'VMRS', 'VLDR_d',
      'VSTR_s', 'VLDMIA_d', 'VSTMDB_s', 'VPUSH_d', 'VPOP_s']) expect(names, n).toContain(n);
  });
  it('keeps to PREDICTABLE forms: core operands, register lists, fixed-point sizes', () => {
    let apsr = 0;
    for (const { s } of seqs) for (const i of s.insns) {
      const f = i.fields, n = i.encoding.name;
      for (const k of ['t', 'u'] as const) {
        if (f[k] === undefined) continue;
        if (n === 'VMRS' && k === 't' && f[k] === 15) { expect(f['r']).toBe(1); apsr++; continue; }
        expect([6, 7, 13, 15, R_TRACE], `${n} R${k}`).not.toContain(f[k]);
      }
      if (/^VMOV_rr_/.test(n)) expect(f['t']).not.toBe(f['u']);
      if (/^(VLDM|VSTM|VPUSH|VPOP)/.test(n)) {
        const dbl = n.endsWith('_d');
        const first = dbl ? (f['E']! << 4) | f['e']! : (f['e']! << 1) | f['E']!;
        const cnt = dbl ? f['i']! >> 1 : f['i']!;
        expect(cnt).toBeGreaterThan(0);
        expect(first + cnt).toBeLessThanOrEqual(32);
        if (dbl) expect(cnt).toBeLessThanOrEqual(16);
      }
      if (/^VCVT_(xf|fx)/.test(n) && !f['X']) expect((f['i']! << 1) | f['j']!).toBeLessThanOrEqual(16);
      if (n === 'VMSR' && f['r'] === 1) expect(i.pre?.length).toBe(1);
    }
    expect(apsr).toBeGreaterThan(50);
  });
  it('seeds FPSCR with every rounding mode, FZ and DN combination, and never LEN/STRIDE', () => {
    const combos = new Set<number>();
    for (const { s } of seqs) {
      expect(s.vfp!.fpscr & 0x003f0000).toBe(0);
      combos.add((s.vfp!.fpscr >>> 22) & 15);
    }
    expect(combos.size).toBe(16);
  });
  it('seeds D registers with special values often', () => {
    let zero = 0, inf = 0, qnan = 0, snan = 0, denorm = 0, total = 0;
    for (const { s } of seqs) {
      const w = s.vfp!.dregs;
      for (let d = 0; d < 32; d++) {
        total++;
        const hi = w[2 * d + 1]!, lo = w[2 * d]!, e = (hi >>> 20) & 0x7ff, frac = (hi & 0xfffff) || lo;
        if (e === 0 && frac === 0) zero++;
        else if (e === 0) denorm++;
        else if (e === 0x7ff && !frac) inf++;
        else if (e === 0x7ff && hi & 0x80000) qnan++;
        else if (e === 0x7ff) snan++;
      }
    }
    // as doubles only (the single-precision halves are on top of these)
    for (const [k, v] of Object.entries({ zero, inf, qnan, snan, denorm })) expect(v / total, k).toBeGreaterThan(0.01);
  });
  it('short vectors: defined LEN/STRIDE pairs only', () => {
    for (let i = 0; i < 100; i++) {
      const s = generateSequence('A32', 9, i, 30, true, true);
      const len = (s.vfp!.fpscr >>> 16) & 7, stride = (s.vfp!.fpscr >>> 20) & 3;
      expect(len).toBeGreaterThan(0);
      expect([0, 3]).toContain(stride);
      if (stride === 3) expect(len).toBeLessThanOrEqual(3);
      expect(s.spValue! - WINDOW_BASE).toBeLessThanOrEqual(4);
    }
  });
});

describe('QEMU differential: random VFP instructions (risu --vfp)', () => {
  it('has qemu-system-arm and the built armada', () => {
    if (!version) throw new Error(QEMU_MISSING_MESSAGE);
    if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
  });

  for (const iset of ISETS) {
    for (const seed of seeds) {
      it(`${iset} seed ${seed}`, async () => {
        if (!version) throw new Error(QEMU_MISSING_MESSAGE);
        if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
        const { runner } = await load();
        const r = await runner.runRisu({ iset, seed, seqs: SEQS, length: LEN, vfp: true, timeoutMs: 180_000 });
        check(r, `risu VFP ${iset} seed ${seed}`, runner.reproduceCommand(iset, seed, SEQS, LEN, undefined, true));
      });
    }
    if (VECTOR_SEQS > 0) {
      const seed = seeds[0]!;
      it(`${iset} short vectors, seed ${seed}`, async () => {
        if (!version) throw new Error(QEMU_MISSING_MESSAGE);
        if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
        const { runner } = await load();
        const r = await runner.runRisu({ iset, seed, seqs: VECTOR_SEQS, length: VECTOR_LEN, vfp: true, vector: true, timeoutMs: 180_000 });
        check(r, `risu VFP ${iset} short vectors seed ${seed}`,
          runner.reproduceCommand(iset, seed, VECTOR_SEQS, VECTOR_LEN, undefined, true, true));
      });
    }
  }

  const regFile = join(ROOT, 'test', 'qemu', 'regressions-vfp.json');
  const reg = existsSync(regFile) ? JSON.parse(readFileSync(regFile, 'utf8')) as {
    cases: { name: string; iset: 'A32' | 'Thumb'; words: string[]; stateSeed: number; vector?: boolean; fpscr?: string;
      vregs?: Record<string, string>; reason: string }[];
  } : { cases: [] };
  for (const c of reg.cases) {
    it(`regression ${c.name}`, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const { runner, gen } = await load();
      const seq = gen.sequenceFromWords(c.iset, c.words.map(w => Number(w)), c.stateSeed, 0, {}, undefined,
        { vector: c.vector ?? false, ...(c.fpscr ? { fpscr: c.fpscr } : {}), ...(c.vregs ? { regs: c.vregs } : {}) });
      const r = await runner.runRisu({ iset: c.iset, seed: c.stateSeed, seqs: 1, length: c.words.length, sequences: [seq], timeoutMs: 60_000 });
      const text = [...r.errors, ...r.mismatches.map(m => m.report)].join('\n');
      expect(text, `${c.name}: ${c.reason}\n${text}`).toBe('');
    });
  }

  // A known QEMU 7.2 bug (see QEMU_2OP_DP_BUG in src/tools/risu/vfp.ts), kept out of the random
  // set: checked here so that the day QEMU is fixed (and both agree) the exclusion is noticed.
  it('known QEMU divergence: vabs.f64 with a vector Vm under LEN=3 (QEMU 7.2 do_vfp_2op_dp)', async () => {
    if (!version) throw new Error(QEMU_MISSING_MESSAGE);
    if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
    const { runner, gen } = await load();
    // vabs.f64 d14, d6 (A32 eeb0ebc6); FPSCR LEN=3 STRIDE=0: elements d14 d15 d12 d13 <- d6 d7 d4 d5
    const seq = gen.sequenceFromWords('A32', [0xeeb0ebc6], 7, 0, {}, undefined, { fpscr: '0x00030000', bigEndian: false, sp: 0 });
    const r = await runner.runRisu({ iset: 'A32', seed: 7, seqs: 1, length: 1, sequences: [seq], timeoutMs: 60_000 });
    expect(r.errors).toEqual([]);
    expect(r.mismatches.length, 'QEMU and armada agree: QEMU may be fixed, lift QEMU_2OP_DP_BUG in vfp.ts').toBe(1);
    const m = r.mismatches[0]!;
    const d = (dump: string, i: number): bigint => {
      const v = dump.split(':')[2]!;
      const w = (k: number) => BigInt(parseInt(v.slice(8 * k, 8 * k + 8), 16));
      return (w(2 * i + 1) << 32n) | w(2 * i);
    };
    const init = (i: number) => (BigInt(seq.vfp!.dregs[2 * i + 1]!) << 32n) | BigInt(seq.vfp!.dregs[2 * i]!);
    const abs = (x: bigint) => x & ~(1n << 63n);
    // armada: the architecture (each element of Dd from the matching element of Dm)
    for (const [dd, dm] of [[14, 6], [15, 7], [12, 4], [13, 5]] as const) expect(d(m.armada!, dd)).toBe(abs(init(dm)));
    // QEMU 7.2: d14 = |d6|, then |d6| written to d7 (Dm + 1) three times; d15, d12, d13 untouched
    expect(d(m.qemu!, 14)).toBe(abs(init(6)));
    expect(d(m.qemu!, 7)).toBe(abs(init(6)));
    for (const i of [15, 12, 13]) expect(d(m.qemu!, i)).toBe(init(i));
  });

  it('compared enough VFP instructions', () => {
    console.log(`risu VFP: ${vfpTotal} random VFP instructions compared (${total} random instructions in all)`);
    if (!version || !armadaBuilt()) return;
    expect(vfpTotal).toBeGreaterThan(0);
    if (defaults) expect(vfpTotal, `issue 3 asks for >= ${REQUIRED} VFP instructions per run`).toBeGreaterThanOrEqual(REQUIRED);
  });
});
