// Random-instruction differential test (risu-style): sequences drawn from armada's encoding tables
// run on QEMU and on armada; register, flag, fault and memory dumps must be identical.
// Seeds: a fixed list plus one derived from the date (printed). Override with RISU_SEEDS=1,2,3,
// RISU_SEQS (sequences per image) and RISU_LEN (instructions per sequence).
// Also replays test/qemu/regressions.json.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, qemuVersion, armadaBuilt, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE } from './qemu.js';

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
const seeds = (process.env['RISU_SEEDS'] ?? `1,2,3,${dateSeed}`).split(',').map(s => Number(s.trim()) >>> 0);
const SEQS = Number(process.env['RISU_SEQS'] ?? 300);
const LEN = Number(process.env['RISU_LEN'] ?? 25);
const ISETS = ['A32', 'T16', 'T32', 'Thumb'] as const;
const version = qemuVersion();
console.log(`risu: seeds ${seeds.join(', ')}; ${SEQS} sequences x ${LEN} instructions per image; ` +
  `${ISETS.length * seeds.length * SEQS * LEN} random instructions in all`);

let total = 0;

describe('QEMU differential: random instructions (risu)', () => {
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
        const r = await runner.runRisu({ iset, seed, seqs: SEQS, length: LEN, timeoutMs: 180_000 });
        total += r.instructions;
        const text = [...r.errors.map(e => `error: ${e}`), ...r.mismatches.slice(0, 5).map(m => `MISMATCH ${m.report}`)];
        if (r.mismatches.length > 5) text.push(`... and ${r.mismatches.length - 5} more mismatching sequences`);
        if (text.length) console.log(`risu ${iset} seed ${seed}:\n${text.join('\n\n')}\n` +
          `reproduce: ${runner.reproduceCommand(iset, seed, SEQS, LEN)}`);
        expect(r.errors, `risu ${iset} seed ${seed}: errors`).toEqual([]);
        expect(r.mismatches.length, `risu ${iset} seed ${seed}: mismatching sequences (see the log)`).toBe(0);
      });
    }
  }

  const reg = JSON.parse(readFileSync(join(ROOT, 'test', 'qemu', 'regressions.json'), 'utf8')) as {
    cases: { name: string; iset: 'A32' | 'T16' | 'T32' | 'Thumb'; words: string[]; stateSeed: number; flags?: string;
      regs?: Record<string, string>; reason: string }[];
  };
  for (const c of reg.cases) {
    it(`regression ${c.name}`, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const { runner, gen } = await load();
      const regs: Record<string, number> = {};
      for (const [k, v] of Object.entries(c.regs ?? {})) regs[k] = Number(v);
      const seq = gen.sequenceFromWords(c.iset, c.words.map(w => Number(w)), c.stateSeed, 0, regs,
        c.flags !== undefined ? Number(c.flags) : undefined);
      const r = await runner.runRisu({ iset: c.iset, seed: c.stateSeed, seqs: 1, length: c.words.length, sequences: [seq], timeoutMs: 60_000 });
      const text = [...r.errors, ...r.mismatches.map(m => m.report)].join('\n');
      expect(text, `${c.name}: ${c.reason}\n${text}`).toBe('');
    });
  }

  it('ran the random instructions', () => {
    console.log(`risu: ${total} random instructions compared`);
    if (version && armadaBuilt()) expect(total).toBeGreaterThan(0);
  });
});
