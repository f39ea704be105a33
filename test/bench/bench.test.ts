// The bench runner's measurement on a tiny instruction budget: the report has its fields and
// they are consistent. No timing assertions (benchmarks are reports, not assertions).
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { measureArmada, measureCold, armadaColdArgs, median } from '../../src/bench/measure.js';
import {
  benchImage, formatReport, formatComparison, mmuPairs, TARGETS,
  type BenchReport, type ImageReport, type TierSummary,
} from '../../src/bench/report.js';
import { parseArgs } from '../../src/bench/run.js';

const ROOT = path.resolve(__dirname, '..', '..');
const IMG = (n: string) => path.join(ROOT, 'bench/images', n);
const ARM = IMG('intmix-arm.elf');
const THUMB = IMG('intmix-thumb.elf');
const BUDGET = 200_000;

const host = { node: process.version, platform: process.platform, arch: process.arch, cpu: 'cpu', cpus: 1 };

describe('bench measurement', () => {
  it('measures an armada run on a budget, closures only, with the cache heap', () => {
    const r = measureArmada(new Uint8Array(fs.readFileSync(ARM)), { maxInsns: BUDGET, hot: 'off', heap: true });
    expect(r.stop).toBe('budget');
    expect(r.exitCode).toBeNull();
    expect(r.insns).toBeGreaterThanOrEqual(BUDGET);
    expect(r.insns).toBeLessThan(BUDGET + 1000);
    expect(r.wallSec).toBeGreaterThan(0);
    expect(r.mips).toBeCloseTo(r.insns / r.wallSec / 1e6, 6);
    expect(r.stats.insns).toBe(r.insns);
    expect(r.stats.translations).toBeGreaterThan(0);
    expect(r.stats.hits + r.stats.misses).toBeGreaterThan(0);
    expect(r.stats.hotCompiles).toBe(0);
    // hundreds of translated blocks hold closures and arrays: dropping them frees heap
    expect(r.heap!.cacheBytes).toBeGreaterThan(r.stats.translatedInsns * 16);
    expect(r.heap!.ramHostBytes).toBe(r.stats.ramHostBytes);
    expect(r.heap!.ramHostBytes).toBeGreaterThan(0); // guest RAM chunks touched
  });

  it('builds an image report per tier with translation statistics', () => {
    const rep = benchImage(THUMB, { runs: 3, qemu: false, maxInsns: BUDGET, heap: true });
    expect(rep.image).toBe(THUMB);
    expect(rep.name).toBe('intmix-thumb.elf');
    expect(rep.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rep.bytes).toBeGreaterThan(0);
    const c = rep.tiers.closure!, h = rep.tiers.hot!;
    expect(c.mode).toBe('off');
    expect(h.mode).toBe('auto');
    expect(c.available).toBe(true);
    expect(h.available).toBe(h.stats.hotCompiles > 0); // never the closure tier's figures under the hot tier's name
    for (const s of [c, h]) {
      expect(s.runs).toHaveLength(3);
      for (const r of s.runs) {
        expect(r.insns).toBe(s.insns);
        expect(r.wallSec).toBeGreaterThan(0);
      }
      expect(s.warmup.insns).toBe(s.insns);
      expect(s.medianWallSec).toBe(median(s.runs.map(r => r.wallSec)));
      expect(s.stop).toBe('budget');
      expect(s.insnsPerBlock).toBeGreaterThan(1);
      expect(s.translatedPerExecuted).toBeGreaterThan(0);
      expect(s.heap!.bytesPerCachedInsn).toBeGreaterThan(0);
      for (const k of ['blocks', 'translations', 'translatedInsns', 'invalidations', 'hits', 'misses', 'insns'] as const) {
        expect(typeof s.stats[k]).toBe('number');
      }
    }
    expect(c.stats.hotCompiles).toBe(0);
    expect(rep.qemu).toBeUndefined();
    expect(rep.ratioToQemu).toEqual({});
    expect(rep.problems).toEqual([]);

    const full: BenchReport = {
      schema: 2, date: new Date().toISOString(), commit: 'test', dirty: false, host,
      options: { runs: 3, qemu: false, tiers: ['closure', 'hot'], maxInsns: BUDGET }, tbCacheInsns: 1000,
      targets: TARGETS, images: [rep], cold: [], mmu: [],
    };
    const table = formatReport(full);
    expect(table).toContain('intmix-thumb.elf');
    expect(table).toContain('CPU MIPS');
    expect(table).toContain(`closure tier >= ${TARGETS.closureTierMips} MIPS`);
    expect(table).toContain('host heap of the translation cache');
    if (!h.available) expect(table).toContain('hot tier: not available');
    expect(JSON.parse(JSON.stringify(full)).images[0].tiers.closure.stats.translations).toBe(c.stats.translations);
  });

  it('measures a cold start from spawn to exit', () => {
    const r = measureCold(process.execPath, ['-e', 'process.stdout.write("hi"); process.exitCode = 3']);
    expect(r.stdout).toBe('hi');
    expect(r.exitCode).toBe(3);
    expect(r.wallSec).toBeGreaterThan(0);
    const args = armadaColdArgs('x.elf');
    expect(path.basename(args[0]!)).toBe('armada.js');
    expect(args.slice(1)).toEqual(['run', 'x.elf', '-m', '1024', '--semihosting']);
  });
});

/** A tier summary with just the figures the pairing and comparison read. */
function tier(t: 'closure' | 'hot', mips: number, cpuMips: number, available = true): TierSummary {
  return { tier: t, mode: t === 'closure' ? 'off' : 'auto', available, mips, cpuMips } as TierSummary;
}
function image(name: string, tiers: ImageReport['tiers'], ratio: ImageReport['ratioToQemu'] = {}): ImageReport {
  return { name, image: name, sha256: '', bytes: 0, tiers, ratioToQemu: ratio, cpuRatioToQemu: {}, problems: [] };
}

describe('bench report', () => {
  it('pairs MMU-on images with their MMU-off twins', () => {
    const pairs = mmuPairs([
      image('intmix-arm.elf', { closure: tier('closure', 100, 110), hot: tier('hot', 400, 440) }),
      image('intmix-mmu-arm.elf', { closure: tier('closure', 80, 99), hot: tier('hot', 100, 100, false) }),
      image('intmix-mmu-thumb.elf', { closure: tier('closure', 80, 80) }), // no MMU-off twin measured
    ]);
    expect(pairs).toEqual([{ on: 'intmix-mmu-arm.elf', off: 'intmix-arm.elf', ratio: { closure: 0.8 }, cpuRatio: { closure: 0.9 } }]);
  });

  it('compares with an earlier result, schema 1 (closures only) or 2', () => {
    const now: BenchReport = {
      schema: 2, date: 'now', commit: 'new', dirty: false, host, options: { runs: 1, qemu: true, tiers: ['closure', 'hot'] },
      targets: TARGETS, cold: [], mmu: [],
      images: [image('intmix-arm.elf', { closure: tier('closure', 110, 111), hot: tier('hot', 500, 505) }, { closure: 8, hot: 2 })],
    };
    const v1 = { schema: 1, commit: 'old', date: 'then', images: [{ name: 'intmix-arm.elf', armada: { mips: 100, cpuMips: 101 }, ratioToQemu: 9 }] };
    const t1 = formatComparison(v1, now, 'old.json');
    expect(t1).toContain('compared with old.json (commit old, then)');
    expect(t1).toMatch(/intmix-arm\.elf closure\s+100\.0\s+110\.0\s+\+10\.0%\s+101\.0\s+111\.0\s+9\.00x\s+8\.00x/);
    expect(t1).not.toContain('intmix-arm.elf hot'); // schema 1 had no hot tier
    const t2 = formatComparison(now, now, 'same.json');
    expect(t2).toMatch(/intmix-arm\.elf hot\s+500\.0\s+500\.0\s+\+0\.0%/);
    expect(formatComparison({ schema: 2, images: [] }, now, 'empty.json')).toContain('no image and tier in common');
  });

  it('prints cold starts, MMU ratios and targets', () => {
    const rep: BenchReport = {
      schema: 2, date: 'now', commit: 'c', dirty: false, host, options: { runs: 1, qemu: true, tiers: ['closure'] },
      targets: TARGETS, images: [],
      cold: [{ name: 'q.elf', image: 'q.elf', insns: 11e6, armada: { command: 'a', runs: [], medianWallSec: 0.9 }, armadaStartup: { medianWallSec: 0.2 },
        qemu: { command: 'q', runs: [], medianWallSec: 0.3 }, ratio: 3, problems: [] }],
      mmu: [{ on: 'x-mmu-arm.elf', off: 'x-arm.elf', ratio: { closure: 0.65 }, cpuRatio: { closure: 0.66 } }],
    };
    const text = formatReport(rep);
    expect(text).toContain('q.elf (11.0 M insns): armada 0.900 s (start-up alone, armada --help: 0.200 s), QEMU 0.300 s, ratio 3.00x');
    expect(text).toContain('cold q.elf: 3.00x QEMU (met)');
    expect(text).toContain('x-mmu-arm.elf vs x-arm.elf: closure 0.650 (CPU time 0.660)');
    expect(text).toContain('MMU x-mmu-arm.elf (closure): 0.650 (NOT met)');
  });

  it('parses the runner options', () => {
    const a = parseArgs(['--runs', '5', '--image', 'x.elf', '--json=o.json', '--no-qemu', '--tier', 'closure', '--compare', 'old.json']);
    expect(a.runs).toBe(5);
    expect(a.images).toEqual(['x.elf']);
    expect(a.json).toBe('o.json');
    expect(a.qemu).toBe(false);
    expect(a.tiers).toEqual(['closure']);
    expect(a.compare).toBe('old.json');
    expect(a.cold.map(p => path.basename(p))).toEqual(['intmix-quick-arm.elf', 'intmix-quick-thumb.elf']);
    const d = parseArgs([]);
    expect(d.images.map(p => path.basename(p))).toEqual([
      'intmix-arm.elf', 'intmix-thumb.elf', 'intmix-mmu-arm.elf', 'intmix-mmu-thumb.elf', 'fpmix-arm.elf', 'fpmix-thumb.elf']);
    expect(d.tiers).toEqual(['closure', 'hot']);
    for (const p of [...d.images, ...d.cold]) expect(fs.existsSync(p)).toBe(true);
    expect(parseArgs(['--no-cold']).cold).toEqual([]);
    expect(parseArgs(['--cold', 'c.elf']).cold).toEqual(['c.elf']);
    const capped = parseArgs(['--max-insns', '1000']);
    expect(capped.qemu).toBe(false);
    expect(capped.cold).toEqual([]);
    expect(parseArgs(['--tier', 'both']).tiers).toEqual(['closure', 'hot']);
    expect(() => parseArgs(['--tier', 'fast'])).toThrow(/--tier/);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
