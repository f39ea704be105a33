// The bench runner's measurement on a tiny instruction budget: the report has its fields and
// they are consistent. No timing assertions (benchmarks are reports, not assertions).
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { measureArmada, median } from '../../src/bench/measure.js';
import { benchImage, formatReport, TARGETS, type BenchReport } from '../../src/bench/report.js';
import { parseArgs } from '../../src/bench/run.js';
import * as fs from 'node:fs';

const ROOT = path.resolve(__dirname, '..', '..');
const ARM = path.join(ROOT, 'bench/images/intmix-arm.elf');
const THUMB = path.join(ROOT, 'bench/images/intmix-thumb.elf');
const BUDGET = 200_000;

describe('bench measurement', () => {
  it('measures an armada run on a budget', () => {
    const r = measureArmada(new Uint8Array(fs.readFileSync(ARM)), { maxInsns: BUDGET });
    expect(r.stop).toBe('budget');
    expect(r.exitCode).toBeNull();
    expect(r.insns).toBeGreaterThanOrEqual(BUDGET);
    expect(r.insns).toBeLessThan(BUDGET + 1000);
    expect(r.wallSec).toBeGreaterThan(0);
    expect(r.mips).toBeCloseTo(r.insns / r.wallSec / 1e6, 6);
    expect(r.stats.insns).toBe(r.insns);
    expect(r.stats.translations).toBeGreaterThan(0);
    expect(r.stats.hits + r.stats.misses).toBeGreaterThan(0);
  });

  it('builds an image report with armada figures and translation statistics', () => {
    const rep = benchImage(THUMB, { runs: 3, qemu: false, maxInsns: BUDGET });
    expect(rep.image).toBe(THUMB);
    expect(rep.name).toBe('intmix-thumb.elf');
    expect(rep.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rep.bytes).toBeGreaterThan(0);
    expect(rep.armada.runs).toHaveLength(3);
    for (const r of rep.armada.runs) {
      expect(r.insns).toBe(rep.armada.insns);
      expect(r.wallSec).toBeGreaterThan(0);
      expect(r.mips).toBeGreaterThan(0);
    }
    expect(rep.armada.warmup.insns).toBe(rep.armada.insns);
    expect(rep.armada.medianWallSec).toBeGreaterThan(0);
    expect(rep.armada.mips).toBeGreaterThan(0);
    expect(rep.armada.stop).toBe('budget');
    expect(rep.armada.insnsPerBlock).toBeGreaterThan(1);
    expect(rep.armada.translatedPerExecuted).toBeGreaterThan(0);
    for (const k of ['blocks', 'translations', 'translatedInsns', 'invalidations', 'hits', 'misses', 'insns'] as const) {
      expect(typeof rep.armada.stats[k]).toBe('number');
    }
    expect(rep.qemu).toBeUndefined();
    expect(rep.ratioToQemu).toBeUndefined();
    expect(rep.problems).toEqual([]);

    const full: BenchReport = {
      schema: 1, date: new Date().toISOString(), commit: 'test', dirty: false,
      host: { node: process.version, platform: process.platform, arch: process.arch, cpu: 'cpu', cpus: 1 },
      options: { runs: 3, qemu: false, maxInsns: BUDGET }, targets: TARGETS, images: [rep],
    };
    const table = formatReport(full);
    expect(table).toContain('intmix-thumb.elf');
    expect(table).toContain('armada MIPS');
    expect(table).toContain(`>= ${TARGETS.closureTierMips} MIPS`);
    expect(JSON.parse(JSON.stringify(full)).images[0].armada.stats.translations).toBe(rep.armada.stats.translations);
  });

  it('parses the runner options', () => {
    const a = parseArgs(['--runs', '5', '--image', 'x.elf', '--json=o.json', '--no-qemu']);
    expect(a).toEqual({ runs: 5, images: ['x.elf'], json: 'o.json', qemu: false });
    expect(parseArgs([]).images.map(p => path.basename(p))).toEqual(['intmix-arm.elf', 'intmix-thumb.elf']);
    expect(parseArgs(['--max-insns', '1000']).qemu).toBe(false);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
