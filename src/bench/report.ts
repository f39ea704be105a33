// The benchmark of one image (armada runs per tier, QEMU runs, their comparison), the cold starts,
// the MMU on/off pairs, and the whole report: its JSON form (kept under bench-results/ to compare
// commits) and the tables printed for people.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { BoardStats } from '../soc/board.js';
import type { HotMode } from '../translator/types.js';
import {
  measureArmada, measureQemu, measureCold, armadaColdArgs, median, qemuArgs, QEMU,
  type ArmadaRun, type QemuRun, type ColdRun, type HeapFigures,
} from './measure.js';

/** The issues' performance targets. Reported next to the figures, never enforced. */
export const TARGETS = {
  closureTierMips: 100,
  hotTierMips: 500,
  /** armada (hot tier) wall time / QEMU wall time on the same image. */
  maxQemuRatio: 2,
  /** Cold start (process start to exit) of a ~10 million instruction image, armada / QEMU. */
  maxColdRatio: 3,
  /** MMU-on speed / MMU-off speed of the same program. */
  minMmuRatio: 0.7,
} as const;

/** The engine configurations measured: closures only, and with the hot tier. */
export type Tier = 'closure' | 'hot';
export const TIERS: readonly Tier[] = ['closure', 'hot'];
export const TIER_MODE: Record<Tier, HotMode> = { closure: 'off', hot: 'auto' };

export interface ImageOptions {
  /** Measured runs per engine configuration (after one armada warm-up run each). */
  runs: number;
  /** Also run QEMU (when installed). */
  qemu: boolean;
  /** Tiers to measure (default both). */
  tiers?: readonly Tier[];
  /** Cap each armada run at this many instructions (tests); the guest then does not finish. */
  maxInsns?: number;
  /** Measure the translation cache's host heap after the warm-up run of each tier. */
  heap?: boolean;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

export interface RunBrief { insns: number; wallSec: number; cpuSec: number; mips: number }

export interface TierSummary {
  tier: Tier;
  /** The engine's hot mode for these runs (ARMADA_HOT). */
  mode: HotMode;
  /**
   * False when the hot tier compiled nothing in these runs (no code generator installed, or it
   * declined every block): the figures are then the closure tier's again and are not reported
   * as the hot tier's.
   */
  available: boolean;
  runs: RunBrief[];
  warmup: RunBrief;
  /** Guest instructions of the median run (every run executes the same count). */
  insns: number;
  medianWallSec: number;
  /** insns / median wall time. */
  mips: number;
  /** Median CPU time of the runs, and insns / that: steadier than wall time on a busy host. */
  medianCpuSec: number;
  cpuMips: number;
  exitCode: number | null;
  stop: ArmadaRun['stop'];
  error?: string;
  stdout: string;
  /** Translation statistics of the last run (fresh board each run). */
  stats: BoardStats;
  /** Guest instructions per block entered (insns / block lookups). */
  insnsPerBlock: number;
  /** Instructions translated per instruction executed. */
  translatedPerExecuted: number;
  /** Host heap of the translation cache after the warm-up run (see HeapFigures). */
  heap?: HeapFigures & {
    /** cacheBytes / instructions in the cache. */
    bytesPerCachedInsn: number;
  };
}

export interface QemuSummary {
  command: string;
  runs: { wallSec: number; cpuSec?: number; exitCode: number | null }[];
  medianWallSec: number;
  /** Median CPU time of the QEMU process (Linux), seconds. */
  medianCpuSec?: number;
  exitCode: number | null;
  stdout: string;
  stderrTail: string;
  /** armada's instruction count / QEMU's median wall time: QEMU does not count instructions. */
  mipsEstimate: number;
}

export interface ImageReport {
  /** The image's file name: the key to compare results across runs. */
  name: string;
  image: string;
  sha256: string;
  bytes: number;
  /** Per tier measured. */
  tiers: Partial<Record<Tier, TierSummary>>;
  qemu?: QemuSummary;
  /** Per tier: armada median wall / QEMU median wall (>1: armada is slower). */
  ratioToQemu: Partial<Record<Tier, number>>;
  /** The same with CPU times (Linux). */
  cpuRatioToQemu: Partial<Record<Tier, number>>;
  /** Both exited 0 with identical stdout (undefined without QEMU). */
  outputsMatch?: boolean;
  /** Anything that makes the figures suspect (bad exit, different output, varying counts). */
  problems: string[];
}

export interface ColdReport {
  name: string;
  image: string;
  /** Guest instructions of the image (an in-process run; a cold start does not report them). */
  insns?: number;
  armada: { command: string; runs: { wallSec: number; cpuSec?: number; exitCode: number | null }[]; medianWallSec: number; medianCpuSec?: number };
  /** The floor under armada's time: `armada --help` (node's start-up and loading armada's modules). */
  armadaStartup?: { medianWallSec: number; medianCpuSec?: number };
  qemu?: { command: string; runs: { wallSec: number; cpuSec?: number; exitCode: number | null }[]; medianWallSec: number; medianCpuSec?: number };
  /** armada median wall / QEMU median wall, process start to exit. */
  ratio?: number;
  cpuRatio?: number;
  problems: string[];
}

export interface MmuPair {
  /** The MMU-on image and the MMU-off image it is compared with. */
  on: string;
  off: string;
  /** Per tier: MIPS with the MMU on / MIPS with it off (wall time and CPU time). */
  ratio: Partial<Record<Tier, number>>;
  cpuRatio: Partial<Record<Tier, number>>;
}

export interface BenchReport {
  schema: 2;
  date: string;
  commit: string;
  dirty: boolean;
  host: { node: string; platform: string; arch: string; cpu: string; cpus: number;
    /** 1-minute load average before and after the benchmark (timings are unreliable on a busy host). */
    loadBefore?: number; loadAfter?: number };
  qemuVersion?: string;
  options: { runs: number; qemu: boolean; tiers: readonly Tier[]; maxInsns?: number; coldRuns?: number };
  /** The engine's translation cache bound (guest instructions) the runs used. */
  tbCacheInsns?: number;
  /**
   * The hot tier's factories (hot/index.ts), shared by every board of the process and outside the
   * per-board figures above: made and reused over the whole bench, and their generated source.
   */
  hotFactories?: { made: number; reused: number; sourceBytes: number; boundBytes: number };
  targets: typeof TARGETS;
  images: ImageReport[];
  cold: ColdReport[];
  mmu: MmuPair[];
}

const round = (v: number, d = 4) => Number.isFinite(v) ? Number(v.toFixed(d)) : v;
const brief = (r: ArmadaRun): RunBrief => ({ insns: r.insns, wallSec: round(r.wallSec), cpuSec: round(r.cpuSec), mips: round(r.mips, 2) });

/** Runs of one tier on one image: a warm-up run, then `runs` measured ones (QEMU's interleaved). */
function benchTier(bytes: Uint8Array, name: string, tier: Tier, opts: ImageOptions, between: () => void, problems: string[]): TierSummary {
  const log = opts.log ?? (() => {});
  const mode = TIER_MODE[tier];
  const aopts = { maxInsns: opts.maxInsns, cmdline: name, hot: mode };
  log(`${name}: ${tier} tier warm-up`);
  // The heap is measured around the warm-up run: its full GCs collect earlier boards, and V8 then
  // discards optimized code that refers to them, which a timed run would pay for.
  const warm = measureArmada(bytes, { ...aopts, heap: opts.heap });
  const runs: ArmadaRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = measureArmada(bytes, aopts);
    log(`${name}: ${tier} tier run ${i + 1}/${opts.runs}: ${r.insns} insns, ${r.wallSec.toFixed(3)} s, ${r.mips.toFixed(1)} MIPS`);
    runs.push(r);
    between();
  }
  const all = [warm, ...runs];
  const tag = `armada (${tier} tier)`;
  if (new Set(all.map(r => r.insns)).size > 1) problems.push(`${tag}: instruction counts differ between runs: ${all.map(r => r.insns).join(', ')}`);
  if (new Set(all.map(r => r.stdout)).size > 1) problems.push(`${tag}: output differs between runs`);
  const last = runs[runs.length - 1]!;
  if (opts.maxInsns === undefined) {
    if (last.stop !== 'exit') problems.push(`${tag} did not exit: ${last.stop}${last.error ? ` (${last.error})` : ''}`);
    else if (last.exitCode !== 0) problems.push(`${tag}: guest exit status ${last.exitCode}`);
  }
  const med = median(runs.map(r => r.wallSec));
  const cmed = median(runs.map(r => r.cpuSec));
  const mid = [...runs].sort((a, b) => a.wallSec - b.wallSec)[runs.length >> 1]!;
  const blockRuns = last.stats.hits + last.stats.misses;
  const hotCompiles = (last.stats as Partial<BoardStats>).hotCompiles ?? 0;
  const s: TierSummary = {
    tier, mode, available: tier === 'closure' || hotCompiles > 0,
    runs: runs.map(brief), warmup: brief(warm),
    insns: mid.insns, medianWallSec: round(med), mips: round(mid.insns / med / 1e6, 2),
    medianCpuSec: round(cmed), cpuMips: round(mid.insns / cmed / 1e6, 2),
    exitCode: last.exitCode, stop: last.stop, ...(last.error ? { error: last.error } : {}),
    stdout: last.stdout, stats: last.stats,
    insnsPerBlock: round(blockRuns > 0 ? last.insns / blockRuns : 0, 2),
    translatedPerExecuted: round(last.insns > 0 ? last.stats.translatedInsns / last.insns : 0, 8),
  };
  if (warm.heap) {
    const cached = (warm.stats as Partial<BoardStats>).cachedInsns ?? warm.stats.translatedInsns;
    s.heap = { ...warm.heap, bytesPerCachedInsn: round(cached > 0 ? warm.heap.cacheBytes / cached : 0, 1) };
  }
  return s;
}

/** Benchmark one image: per tier a warm-up and `runs` measured runs on armada, and QEMU's runs. */
export function benchImage(imagePath: string, opts: ImageOptions): ImageReport {
  const log = opts.log ?? (() => {});
  const bytes = new Uint8Array(fs.readFileSync(imagePath));
  const name = path.basename(imagePath);
  const problems: string[] = [];
  const tiers = opts.tiers ?? TIERS;
  // QEMU's runs are spread over the armada runs (one after each run of the first tier), so that
  // a change in the host's load hits both alike.
  const qruns: QemuRun[] = [];
  const report: ImageReport = {
    name, image: imagePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length,
    tiers: {}, ratioToQemu: {}, cpuRatioToQemu: {}, problems,
  };
  tiers.forEach((tier, k) => {
    const between = () => {
      if (!opts.qemu || k !== 0) return;
      const q = measureQemu(imagePath);
      log(`${name}: qemu run ${qruns.length + 1}/${opts.runs}: ${q.wallSec.toFixed(3)} s, exit ${q.exitCode ?? q.signal}`);
      qruns.push(q);
    };
    report.tiers[tier] = benchTier(bytes, name, tier, opts, between, problems);
  });
  const outs = tiers.map(t => report.tiers[t]!);
  if (outs.length > 1 && opts.maxInsns === undefined) {
    const [a, b] = outs as [TierSummary, TierSummary];
    if (a.stdout !== b.stdout || a.exitCode !== b.exitCode) problems.push(`the ${a.tier} and ${b.tier} tiers give different results: ${firstDifference(a.stdout, b.stdout, a.tier, b.tier)}`);
    if (a.insns !== b.insns) problems.push(`the ${a.tier} and ${b.tier} tiers execute different instruction counts: ${a.insns}, ${b.insns}`);
  }

  if (opts.qemu && qruns.length > 0) {
    const first = outs[0]!;
    const qmed = median(qruns.map(q => q.wallSec));
    const q = qruns[qruns.length - 1]!;
    const qcmed = qruns.every(r => r.cpuSec !== undefined) ? median(qruns.map(r => r.cpuSec!)) : undefined;
    report.qemu = {
      command: [QEMU, ...qemuArgs(imagePath)].join(' '),
      runs: qruns.map(r => ({ wallSec: round(r.wallSec), ...(r.cpuSec !== undefined ? { cpuSec: round(r.cpuSec) } : {}), exitCode: r.exitCode })),
      medianWallSec: round(qmed), ...(qcmed !== undefined ? { medianCpuSec: round(qcmed) } : {}), exitCode: q.exitCode, stdout: q.stdout,
      stderrTail: q.stderr.split('\n').slice(-5).join('\n'),
      mipsEstimate: round(first.insns / qmed / 1e6, 2),
    };
    for (const t of outs) {
      report.ratioToQemu[t.tier] = round(t.medianWallSec / qmed, 3);
      if (qcmed !== undefined && qcmed > 0) report.cpuRatioToQemu[t.tier] = round(t.medianCpuSec / qcmed, 3);
    }
    if (qruns.some(r => r.exitCode !== 0)) problems.push(`QEMU exit status ${qruns.map(r => r.exitCode ?? r.signal).join(', ')}`);
    if (new Set(qruns.map(r => r.stdout)).size > 1) problems.push('QEMU output differs between runs');
    if (opts.maxInsns === undefined) {
      report.outputsMatch = outs.every(t => t.exitCode === 0 && t.stdout === q.stdout) && q.exitCode === 0;
      for (const t of outs) {
        if (t.stdout !== q.stdout) problems.push(`armada (${t.tier} tier) and QEMU stdout differ: ${firstDifference(t.stdout, q.stdout, 'armada', 'QEMU')}`);
      }
    }
  }
  return report;
}

/** Cold starts of one image: `runs` fresh armada processes and `runs` QEMU processes, alternating. */
export function benchCold(imagePath: string, opts: { runs: number; qemu: boolean; insns?: number; log?: (line: string) => void }): ColdReport {
  const log = opts.log ?? (() => {});
  const name = path.basename(imagePath);
  const problems: string[] = [];
  const aargs = armadaColdArgs(imagePath);
  const aruns: ColdRun[] = [], qruns: ColdRun[] = [], sruns: ColdRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    sruns.push(measureCold(process.execPath, [aargs[0]!, '--help']));
    const a = measureCold(process.execPath, aargs);
    log(`${name}: cold armada run ${i + 1}/${opts.runs}: ${a.wallSec.toFixed(3)} s, exit ${a.exitCode ?? a.signal}`);
    aruns.push(a);
    if (opts.qemu) {
      const q = measureCold(QEMU, qemuArgs(imagePath));
      log(`${name}: cold qemu run ${i + 1}/${opts.runs}: ${q.wallSec.toFixed(3)} s, exit ${q.exitCode ?? q.signal}`);
      qruns.push(q);
    }
  }
  const summary = (cmd: string, runs: ColdRun[]) => {
    const cpu = runs.every(r => r.cpuSec !== undefined) ? median(runs.map(r => r.cpuSec!)) : undefined;
    return {
      command: cmd,
      runs: runs.map(r => ({ wallSec: round(r.wallSec), ...(r.cpuSec !== undefined ? { cpuSec: round(r.cpuSec) } : {}), exitCode: r.exitCode })),
      medianWallSec: round(median(runs.map(r => r.wallSec))), ...(cpu !== undefined ? { medianCpuSec: round(cpu) } : {}),
    };
  };
  const rep: ColdReport = {
    name, image: imagePath, ...(opts.insns !== undefined ? { insns: opts.insns } : {}),
    armada: summary(['node', ...aargs].join(' '), aruns), problems,
  };
  const st = summary('', sruns);
  rep.armadaStartup = { medianWallSec: st.medianWallSec, ...(st.medianCpuSec !== undefined ? { medianCpuSec: st.medianCpuSec } : {}) };
  if (aruns.some(r => r.exitCode !== 0)) problems.push(`armada exit status ${aruns.map(r => r.exitCode ?? r.signal).join(', ')}${aruns[0]!.stderr ? `: ${aruns[0]!.stderr.trim().split('\n').pop()}` : ''}`);
  if (opts.qemu) {
    rep.qemu = summary([QEMU, ...qemuArgs(imagePath)].join(' '), qruns);
    rep.ratio = round(rep.armada.medianWallSec / rep.qemu.medianWallSec, 3);
    if (rep.armada.medianCpuSec !== undefined && rep.qemu.medianCpuSec) rep.cpuRatio = round(rep.armada.medianCpuSec / rep.qemu.medianCpuSec, 3);
    if (qruns.some(r => r.exitCode !== 0)) problems.push(`QEMU exit status ${qruns.map(r => r.exitCode ?? r.signal).join(', ')}`);
    const a = aruns[aruns.length - 1]!, q = qruns[qruns.length - 1]!;
    if (a.stdout !== q.stdout) problems.push(`armada and QEMU stdout differ: ${firstDifference(a.stdout, q.stdout, 'armada', 'QEMU')}`);
  }
  return rep;
}

/**
 * MMU on/off pairs among the measured images: X-mmu-ISA.elf (the MMU turned on before main)
 * against X-ISA.elf (the same program with the MMU off).
 */
export function mmuPairs(images: readonly ImageReport[]): MmuPair[] {
  const byName = new Map(images.map(i => [i.name, i]));
  const pairs: MmuPair[] = [];
  for (const on of images) {
    const m = /^(.*)-mmu-(arm|thumb)\.elf$/.exec(on.name);
    const off = m ? byName.get(`${m[1]}-${m[2]}.elf`) : undefined;
    if (!off) continue;
    const p: MmuPair = { on: on.name, off: off.name, ratio: {}, cpuRatio: {} };
    for (const t of TIERS) {
      const a = on.tiers[t], b = off.tiers[t];
      if (!a || !b || !a.available || !b.available) continue;
      p.ratio[t] = round(a.mips / b.mips, 3);
      p.cpuRatio[t] = round(a.cpuMips / b.cpuMips, 3);
    }
    pairs.push(p);
  }
  return pairs;
}

function firstDifference(a: string, b: string, an: string, bn: string): string {
  const al = a.split('\n'), bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}: ${an} ${JSON.stringify(al[i] ?? '<end>')}, ${bn} ${JSON.stringify(bl[i] ?? '<end>')}`;
  }
  return 'same lines';
}

// ---------------------------------------------------------------- presentation

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}
const x2 = (v: number | undefined) => v !== undefined ? v.toFixed(2) + 'x' : '-';
const mib = (b: number) => (b / (1024 * 1024)).toFixed(1) + ' MiB';

/** The tables printed to stdout. */
export function formatReport(rep: BenchReport): string {
  const lines: string[] = [];
  const t = rep.targets;
  lines.push(`armada benchmark  ${rep.date}  commit ${rep.commit}${rep.dirty ? ' (dirty)' : ''}  node ${rep.host.node}  ${rep.host.cpu} x${rep.host.cpus}`);
  lines.push(`${rep.options.runs} run(s) per engine, median shown; armada after one warm-up run per tier, in-process (run loop only); ` +
    (rep.qemuVersion ? `QEMU: ${rep.qemuVersion}, whole process (start-up included)` : 'QEMU: not run') +
    (rep.options.maxInsns !== undefined ? `; capped at ${rep.options.maxInsns} instructions` : ''));
  lines.push(`tiers: closure = ARMADA_HOT=off (closures only); hot = ARMADA_HOT=auto (hot tier for blocks that run often)`);
  const load = Math.max(rep.host.loadBefore ?? 0, rep.host.loadAfter ?? 0);
  if (load > rep.host.cpus * 0.75) {
    lines.push(`WARNING: the host is busy (load average ${load.toFixed(1)} on ${rep.host.cpus} CPUs): wall times are inflated; CPU-time figures and the ratios suffer least`);
  }
  lines.push('');
  const head = ['image', 'guest insns', 'tier', 'armada s', 'MIPS', 'CPU MIPS', 'QEMU s', 'QEMU MIPS*', 'armada/QEMU', 'output'];
  const w = [22, 11, 8, 9, 7, 8, 7, 10, 11, 8];
  const row = (cells: string[]) => cells.map((c, i) => pad(c, w[i]!, i === 1 || (i >= 3 && i <= 8))).join(' ').trimEnd();
  lines.push(row(head));
  for (const im of rep.images) {
    const q = im.qemu;
    const out = im.problems.length > 0 ? 'PROBLEM' : q && rep.options.maxInsns === undefined ? 'same' : '';
    let first = true;
    for (const tier of rep.options.tiers) {
      const a = im.tiers[tier];
      if (!a) continue;
      const status = out || (a.stop === 'exit' ? `exit ${a.exitCode}` : a.stop);
      if (!a.available) {
        lines.push(row([first ? im.name : '', first ? String(a.insns) : '', tier, 'hot tier: not available (no block compiled)']));
      } else {
        lines.push(row([
          first ? im.name : '', first ? String(a.insns) : '', tier, a.medianWallSec.toFixed(3), a.mips.toFixed(1), a.cpuMips.toFixed(1),
          first && q ? q.medianWallSec.toFixed(3) : '', first && q ? q.mipsEstimate.toFixed(0) : '',
          x2(im.ratioToQemu[tier]), status,
        ]));
      }
      first = false;
    }
  }
  lines.push('');
  if (rep.images.some(i => i.qemu)) {
    lines.push("* QEMU MIPS is an estimate: armada's instruction count for the image divided by QEMU's wall time (QEMU counts none).");
  }

  if (rep.cold.length > 0) {
    lines.push('');
    lines.push('cold start (a fresh process each, from spawn to exit: start-up, image load, translation and the run):');
    for (const c of rep.cold) {
      lines.push(`  ${c.name}${c.insns !== undefined ? ` (${(c.insns / 1e6).toFixed(1)} M insns)` : ''}: armada ${c.armada.medianWallSec.toFixed(3)} s` +
        (c.armadaStartup ? ` (start-up alone, armada --help: ${c.armadaStartup.medianWallSec.toFixed(3)} s)` : '') +
        (c.qemu ? `, QEMU ${c.qemu.medianWallSec.toFixed(3)} s, ratio ${x2(c.ratio)}` + (c.cpuRatio !== undefined ? ` (CPU time ${x2(c.cpuRatio)})` : '') : '') +
        (c.problems.length ? '  PROBLEM' : ''));
    }
  }

  if (rep.mmu.length > 0) {
    lines.push('');
    lines.push('MMU on / MMU off (the same program; speed with the MMU on as a fraction of the speed with it off):');
    for (const p of rep.mmu) {
      const parts = rep.options.tiers.filter(tr => p.ratio[tr] !== undefined)
        .map(tr => `${tr} ${p.ratio[tr]!.toFixed(3)} (CPU time ${p.cpuRatio[tr]!.toFixed(3)})`);
      lines.push(`  ${p.on} vs ${p.off}: ${parts.join(', ') || '-'}`);
    }
  }

  lines.push('');
  lines.push(`targets (reported, not enforced): closure tier >= ${t.closureTierMips} MIPS; hot tier >= ${t.hotTierMips} MIPS and <= ${t.maxQemuRatio}x QEMU's wall time; ` +
    `cold start <= ${t.maxColdRatio}x QEMU; MMU on >= ${t.minMmuRatio} of MMU off`);
  const vs = (ok: boolean) => ok ? 'met' : 'NOT met';
  for (const im of rep.images) {
    const c = im.tiers.closure, h = im.tiers.hot;
    const parts: string[] = [];
    if (c) parts.push(`closure ${c.mips.toFixed(1)} MIPS (${vs(c.mips >= t.closureTierMips)})`);
    if (h && h.available) {
      parts.push(`hot ${h.mips.toFixed(1)} MIPS (${vs(h.mips >= t.hotTierMips)})`);
      const r = im.ratioToQemu.hot;
      if (r !== undefined) parts.push(`hot ${r.toFixed(2)}x QEMU (${vs(r <= t.maxQemuRatio)})`);
    } else if (h) parts.push('hot tier: not available');
    lines.push(`  ${im.name}: ${parts.join(', ')}`);
  }
  for (const c of rep.cold) if (c.ratio !== undefined) lines.push(`  cold ${c.name}: ${c.ratio.toFixed(2)}x QEMU (${vs(c.ratio <= t.maxColdRatio)})`);
  for (const p of rep.mmu) {
    for (const tr of rep.options.tiers) {
      const r = p.ratio[tr];
      if (r !== undefined) lines.push(`  MMU ${p.on} (${tr}): ${r.toFixed(3)} (${vs(r >= t.minMmuRatio)})`);
    }
  }

  lines.push('');
  lines.push('translation (last run of each image and tier):');
  for (const im of rep.images) {
    for (const tier of rep.options.tiers) {
      const a = im.tiers[tier];
      if (!a) continue;
      const s = a.stats as Partial<BoardStats> & BoardStats;
      const opt = (k: keyof BoardStats, label: string) => typeof s[k] === 'number' ? `, ${s[k]} ${label}` : '';
      lines.push(`  ${im.name} ${tier}: ${s.translations} translations of ${s.translatedInsns} insns, ${s.blocks} blocks cached` +
        opt('cachedInsns', 'insns cached') + `, ${s.invalidations} invalidated` + opt('evictions', 'evicted') + opt('hotCompiles', 'hot compiles') +
        `; ${s.hits} block hits, ${s.misses} misses; ${a.insnsPerBlock} insns per block entered`);
    }
  }
  const heaps = rep.images.flatMap(im => rep.options.tiers.map(tr => [im, tr, im.tiers[tr]?.heap] as const)).filter(([, , h]) => h);
  if (heaps.length > 0) {
    lines.push('');
    lines.push(`host heap of the translation cache (after the warm-up run; V8 used heap with the cache minus without it, after full GCs)` +
      (rep.tbCacheInsns !== undefined ? `; cache bound ${rep.tbCacheInsns} insns` : '') + ':');
    for (const [im, tr, h] of heaps) {
      const projected = rep.tbCacheInsns !== undefined && h!.bytesPerCachedInsn > 0 ? `; at the bound, by that rate: ~${mib(h!.bytesPerCachedInsn * rep.tbCacheInsns)}` : '';
      lines.push(`  ${im.name} ${tr}: ${(h!.cacheBytes / 1024).toFixed(0)} KiB (${h!.bytesPerCachedInsn} bytes per cached insn${projected}); ` +
        `board heap ${mib(h!.heapUsedDelta)}, guest RAM ${mib(h!.ramHostBytes)} (off-heap)`);
    }
    const f = rep.hotFactories;
    if (f) {
      lines.push(`  not counted above: the hot tier's function factories, shared by all boards of the process: ${f.made} made, ` +
        `${f.reused} reused, ${mib(f.sourceBytes)} of generated source (bounded at ${mib(f.boundBytes)} of source)`);
    }
  }
  const problems = [
    ...rep.images.flatMap(im => im.problems.map(p => `${im.name}: ${p}`)),
    ...rep.cold.flatMap(c => c.problems.map(p => `cold ${c.name}: ${p}`)),
  ];
  if (problems.length > 0) {
    lines.push('');
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    lines.push('!!! PROBLEMS: these figures are not a valid comparison');
    for (const p of problems) lines.push(`!!! ${p}`);
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- comparing two results

/** The figures of one image and tier in a result file of any schema (1: closures only). */
interface Figures { mips: number; cpuMips: number; ratio?: number }

function figuresOf(rep: unknown): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const r = rep as { schema?: number; images?: unknown[] };
  for (const raw of r.images ?? []) {
    const im = raw as Record<string, unknown>;
    const name = String(im['name'] ?? path.basename(String(im['image'] ?? '?')));
    if (r.schema === 1) {
      const a = im['armada'] as { mips: number; cpuMips?: number } | undefined;
      if (a) out.set(`${name} closure`, { mips: a.mips, cpuMips: a.cpuMips ?? NaN, ...(typeof im['ratioToQemu'] === 'number' ? { ratio: im['ratioToQemu'] } : {}) });
      continue;
    }
    const tiers = (im['tiers'] ?? {}) as Partial<Record<Tier, TierSummary>>;
    const ratios = (im['ratioToQemu'] ?? {}) as Partial<Record<Tier, number>>;
    for (const t of TIERS) {
      const s = tiers[t];
      if (s && s.available) out.set(`${name} ${t}`, { mips: s.mips, cpuMips: s.cpuMips, ...(ratios[t] !== undefined ? { ratio: ratios[t] } : {}) });
    }
  }
  return out;
}

/** A table of MIPS and QEMU ratios, old result against new, for the images and tiers both have. */
export function formatComparison(oldRep: unknown, newRep: BenchReport, oldLabel: string): string {
  const o = oldRep as { commit?: string; date?: string; dirty?: boolean };
  const before = figuresOf(oldRep), after = figuresOf(newRep);
  const lines = [`compared with ${oldLabel} (commit ${o.commit ?? '?'}${o.dirty ? ' dirty' : ''}, ${o.date ?? '?'}):`];
  const w = [30, 9, 9, 8, 10, 10, 9, 9];
  const row = (cells: string[]) => cells.map((c, i) => pad(c, w[i]!, i > 0)).join(' ').trimEnd();
  lines.push(row(['image tier', 'old MIPS', 'new MIPS', 'change', 'old CPU', 'new CPU', 'old/QEMU', 'new/QEMU']));
  let any = false;
  for (const [key, n] of after) {
    const b = before.get(key);
    if (!b) continue;
    any = true;
    const pct = (a: number, z: number) => Number.isFinite(a) && Number.isFinite(z) && a > 0 ? `${z >= a ? '+' : ''}${((z / a - 1) * 100).toFixed(1)}%` : '-';
    lines.push(row([key, b.mips.toFixed(1), n.mips.toFixed(1), pct(b.mips, n.mips),
      Number.isFinite(b.cpuMips) ? b.cpuMips.toFixed(1) : '-', n.cpuMips.toFixed(1),
      b.ratio !== undefined ? b.ratio.toFixed(2) + 'x' : '-', n.ratio !== undefined ? n.ratio.toFixed(2) + 'x' : '-']));
  }
  if (!any) lines.push('  (no image and tier in common)');
  return lines.join('\n') + '\n';
}
