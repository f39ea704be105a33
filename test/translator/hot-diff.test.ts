// Both tiers give identical results: random instruction sequences (drawn from the encoding
// tables by the risu generator, with its random initial registers, flags and memory) run once
// with closures only and once with the hot tier forced for every block, and the whole machine
// state is compared: registers of every mode, flags, PC, instruction count, fault registers,
// the memory window the sequences load from and store to, and the code itself.
//
// Each sequence ends in a conditional branch back to its start (so the block may become a hot
// JS loop, ending on its condition or on the budget) followed by a branch to a sink; traps
// land in vectors that loop. The budget is random, so runs stop anywhere, including inside the
// loop and inside blocks (the engine's exact-budget prefixes).
import { describe, expect, it } from 'vitest';
import { generateSequence, Mulberry, type RisuISet } from '../../src/tools/risu/generator.js';
import { run, diff, CODE, SINK, thumbBytes, a32Branch, t32Branch, type Setup } from './hot-harness.js';
import { Bus } from '../../src/armcore/bus.js';
import { Cpu, Mode } from '../../src/armcore/cpu.js';
import { translateBlock } from '../../src/translator/translate.js';
import { generateHot, hotConfig } from '../../src/translator/hot/index.js';

// Compile every block, even those made mostly of closures (the engine's default leaves those to
// the closure tier): the spill / reload paths around closures are compared too.
hotConfig.minInlineShare = 0;

const SEQS = Number(process.env['HOT_DIFF_SEQS'] ?? 1000);
const SEED = Number(process.env['HOT_DIFF_SEED'] ?? 0x5eed);

function setupFor(iset: RisuISet, index: number, vfp = false): Setup {
  const rng = new Mulberry(SEED ^ Math.imul(index + 1, 0x9e3779b1) ^ (iset === 'A32' ? 0 : 0x1234567));
  const len = 4 + rng.int(60);
  // (VFP sequences: the firmware's per-instruction set-up code, Insn.pre, is not run here.)
  const seq = generateSequence(iset, SEED, index, vfp ? Math.min(len, 64) : len, vfp);
  const thumb = iset !== 'A32';
  // Drop most instructions that would need the firmware's fixups (writes to the base registers):
  // without the fixup later accesses go wild, which is still compared but rarely interesting.
  const words: number[] = [];
  let itLeft = 0;
  for (const insn of seq.insns) {
    const inIT = itLeft > 0;
    if (insn.encoding.name === 'IT') itLeft = 4 - Math.log2((insn.word & 0xf) & -(insn.word & 0xf));
    else if (inIT) itLeft--;
    if (insn.fixup && !inIT && rng.chance(0.8)) continue;
    words.push(insn.word >>> 0);
  }
  const cond = rng.int(15); // 14: always (the loop then ends on the budget)
  if (thumb) {
    const at = CODE + thumbBytes(words);
    words.push(t32Branch(at, CODE, cond));
    words.push(t32Branch(at + 4, SINK));
  } else {
    const at = CODE + 4 * words.length;
    words.push(a32Branch(at, CODE, cond));
    words.push(a32Branch(at + 4, SINK));
  }
  const regs = seq.regs.slice(0, 13);
  regs.push(seq.regs[7]!); // sp: the window, as the firmware sets it
  regs.push(seq.regs[13]!); // lr
  return {
    thumb, code: words, regs, flags: seq.regs[14]!, mem: seq.mem, budget: 1 + rng.int(8 * len + 40),
    ...(vfp && seq.vfp ? { vfp: seq.vfp } : {}),
  };
}

/** Instructions of the sequence's first block emitted inline / left to closures. */
function coverage(s: Setup): { inline: number; fallback: number } {
  const bus = new Bus();
  bus.addRam('ram', 0x60000000, 1 << 20);
  const cpu = new Cpu(bus);
  cpu.reset();
  let a = CODE;
  for (const w of s.code) {
    if (!s.thumb) { bus.write(a, 4, w); a += 4; } else if (w <= 0xffff) { bus.write(a, 2, w); a += 2; } else { bus.write(a, 2, w >>> 16); bus.write(a + 2, 2, w & 0xffff); a += 4; }
  }
  return generateHot(translateBlock(cpu, CODE, s.thumb ? 1 : 0, 0, 0, { semihosting: false }));
}

function check(iset: RisuISet, count = SEQS, mode?: number, vfp = false): { insns: number; compiles: number } {
  let insns = 0, compiles = 0, inline = 0, fallback = 0;
  for (let i = 0; i < count; i++) {
    const s = setupFor(iset, i, vfp);
    if (mode !== undefined) s.mode = mode;
    const a = run(s, 'off');
    const b = run(s, 'force');
    const d = diff(a, b);
    if (d) {
      const words = s.code.map(w => (w >>> 0).toString(16)).join(' ');
      expect.fail(`${iset} sequence ${i} (seed ${SEED}): ${d}\n  code: ${words}\n  budget ${s.budget}`);
    }
    insns += s.code.length;
    compiles += b.hotCompiles;
    expect(a.hotCompiles).toBe(0);
    const cov = coverage(s);
    inline += cov.inline; fallback += cov.fallback;
  }
  // The random pool is uniform over encodings, most of them rare media forms left to closures;
  // the inline emitters must still carry most of it, or this test exercises little of them.
  if (!vfp) expect(inline / (inline + fallback)).toBeGreaterThan(0.5);
  return { insns, compiles };
}

describe('hot tier vs closures on random sequences', () => {
  it('A32', { timeout: 300_000 }, () => {
    const { insns, compiles } = check('A32');
    expect(insns).toBeGreaterThan(SEQS * 20);
    expect(compiles).toBeGreaterThan(SEQS);
  });
  it('Thumb (T16 + T32, IT blocks)', { timeout: 300_000 }, () => {
    const { insns, compiles } = check('Thumb');
    expect(insns).toBeGreaterThan(SEQS * 20);
    expect(compiles).toBeGreaterThan(SEQS);
  });
  // VFP sequences: almost all closures, in runs (one spill and reload per run), with the core
  // register transfers (VMOV, VMRS APSR_nzcv) and VLDR/VSTR/VLDM/VSTM between inline code.
  it('A32 and Thumb VFP sequences', { timeout: 300_000 }, () => {
    const n = Math.ceil(SEQS / 4);
    expect(check('A32', n, undefined, true).compiles).toBeGreaterThan(n);
    expect(check('Thumb', n, undefined, true).compiles).toBeGreaterThan(n);
  });
  // User mode: the unprivileged TLB set, MSR limited to the APSR, banked registers after traps.
  it('A32 and Thumb in User mode', { timeout: 300_000 }, () => {
    const n = Math.ceil(SEQS / 5);
    expect(check('A32', n, Mode.USR).compiles).toBeGreaterThan(n);
    expect(check('Thumb', n, Mode.USR).compiles).toBeGreaterThan(n);
  });
});
