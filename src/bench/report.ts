// The benchmark of one image (armada runs, QEMU runs, their comparison) and the whole report:
// its JSON form (kept under bench-results/ to compare commits) and the table printed for people.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { BoardStats } from '../soc/board.js';
import { measureArmada, measureQemu, median, qemuArgs, QEMU, type ArmadaRun, type QemuRun } from './measure.js';

/** The issue's performance targets. Reported next to the figures, never enforced. */
export const TARGETS = {
  closureTierMips: 100,
  hotTierMips: 500,
  maxQemuRatio: 2,
} as const;

export interface ImageOptions {
  /** Measured runs per engine (after one armada warm-up run). */
  runs: number;
  /** Also run QEMU (when installed). */
  qemu: boolean;
  /** Cap each armada run at this many instructions (tests); the guest then does not finish. */
  maxInsns?: number;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

export interface ArmadaSummary {
  runs: { insns: number; wallSec: number; cpuSec: number; mips: number }[];
  warmup: { insns: number; wallSec: number; cpuSec: number; mips: number };
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
  /** Guest instructions per executed block (insns / block executions). */
  insnsPerBlock: number;
  /** Instructions translated per instruction executed. */
  translatedPerExecuted: number;
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
  armada: ArmadaSummary;
  qemu?: QemuSummary;
  /** armada median wall / QEMU median wall (>1: armada is slower). */
  ratioToQemu?: number;
  /** The same with CPU times (Linux). */
  cpuRatioToQemu?: number;
  /** Both exited 0 with identical stdout (undefined without QEMU). */
  outputsMatch?: boolean;
  /** Anything that makes the figures suspect (bad exit, different output, varying counts). */
  problems: string[];
}

export interface BenchReport {
  schema: 1;
  date: string;
  commit: string;
  dirty: boolean;
  host: { node: string; platform: string; arch: string; cpu: string; cpus: number;
    /** 1-minute load average before and after the benchmark (timings are unreliable on a busy host). */
    loadBefore?: number; loadAfter?: number };
  qemuVersion?: string;
  options: { runs: number; qemu: boolean; maxInsns?: number };
  targets: typeof TARGETS;
  images: ImageReport[];
}

const round = (v: number, d = 4) => Number.isFinite(v) ? Number(v.toFixed(d)) : v;
const brief = (r: ArmadaRun) => ({ insns: r.insns, wallSec: round(r.wallSec), cpuSec: round(r.cpuSec), mips: round(r.mips, 2) });

/** Benchmark one image: a warm-up run and `runs` measured runs on armada, then `runs` on QEMU. */
export function benchImage(imagePath: string, opts: ImageOptions): ImageReport {
  const log = opts.log ?? (() => {});
  const bytes = new Uint8Array(fs.readFileSync(imagePath));
  const name = path.basename(imagePath);
  const problems: string[] = [];
  const aopts = { maxInsns: opts.maxInsns, cmdline: name };

  log(`${name}: armada warm-up`);
  const warm = measureArmada(bytes, aopts);
  // armada and QEMU runs alternate, so that a change in the host's load hits both alike
  const runs: ArmadaRun[] = [];
  const qruns: QemuRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = measureArmada(bytes, aopts);
    log(`${name}: armada run ${i + 1}/${opts.runs}: ${r.insns} insns, ${r.wallSec.toFixed(3)} s, ${r.mips.toFixed(1)} MIPS`);
    runs.push(r);
    if (opts.qemu) {
      const q = measureQemu(imagePath);
      log(`${name}: qemu run ${i + 1}/${opts.runs}: ${q.wallSec.toFixed(3)} s, exit ${q.exitCode ?? q.signal}`);
      qruns.push(q);
    }
  }
  const all = [warm, ...runs];
  if (new Set(all.map(r => r.insns)).size > 1) problems.push(`armada instruction counts differ between runs: ${all.map(r => r.insns).join(', ')}`);
  if (new Set(all.map(r => r.stdout)).size > 1) problems.push('armada output differs between runs');
  const med = median(runs.map(r => r.wallSec));
  const cmed = median(runs.map(r => r.cpuSec));
  const mid = [...runs].sort((a, b) => a.wallSec - b.wallSec)[runs.length >> 1]!;
  const last = runs[runs.length - 1]!;
  if (opts.maxInsns === undefined) {
    if (last.stop !== 'exit') problems.push(`armada did not exit: ${last.stop}${last.error ? ` (${last.error})` : ''}`);
    else if (last.exitCode !== 0) problems.push(`armada: guest exit status ${last.exitCode}`);
  }
  const blockRuns = last.stats.hits + last.stats.misses;
  const armada: ArmadaSummary = {
    runs: runs.map(brief), warmup: brief(warm),
    insns: mid.insns, medianWallSec: round(med), mips: round(mid.insns / med / 1e6, 2),
    medianCpuSec: round(cmed), cpuMips: round(mid.insns / cmed / 1e6, 2),
    exitCode: last.exitCode, stop: last.stop, ...(last.error ? { error: last.error } : {}),
    stdout: last.stdout, stats: last.stats,
    insnsPerBlock: round(blockRuns > 0 ? last.insns / blockRuns : 0, 2),
    translatedPerExecuted: round(last.insns > 0 ? last.stats.translatedInsns / last.insns : 0, 8),
  };

  const report: ImageReport = { name, image: imagePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, armada, problems };
  if (opts.qemu) {
    const qmed = median(qruns.map(q => q.wallSec));
    const q = qruns[qruns.length - 1]!;
    const qcmed = qruns.every(r => r.cpuSec !== undefined) ? median(qruns.map(r => r.cpuSec!)) : undefined;
    report.qemu = {
      command: [QEMU, ...qemuArgs(imagePath)].join(' '),
      runs: qruns.map(r => ({ wallSec: round(r.wallSec), ...(r.cpuSec !== undefined ? { cpuSec: round(r.cpuSec) } : {}), exitCode: r.exitCode })),
      medianWallSec: round(qmed), ...(qcmed !== undefined ? { medianCpuSec: round(qcmed) } : {}), exitCode: q.exitCode, stdout: q.stdout,
      stderrTail: q.stderr.split('\n').slice(-5).join('\n'),
      mipsEstimate: round(armada.insns / qmed / 1e6, 2),
    };
    report.ratioToQemu = round(med / qmed, 3);
    if (qcmed !== undefined && qcmed > 0) report.cpuRatioToQemu = round(cmed / qcmed, 3);
    if (qruns.some(r => r.exitCode !== 0)) problems.push(`QEMU exit status ${qruns.map(r => r.exitCode ?? r.signal).join(', ')}`);
    if (new Set(qruns.map(r => r.stdout)).size > 1) problems.push('QEMU output differs between runs');
    if (opts.maxInsns === undefined) {
      report.outputsMatch = armada.exitCode === 0 && q.exitCode === 0 && armada.stdout === q.stdout;
      if (armada.stdout !== q.stdout) problems.push(`armada and QEMU stdout differ: ${firstDifference(armada.stdout, q.stdout)}`);
    }
  }
  return report;
}

function firstDifference(a: string, b: string): string {
  const al = a.split('\n'), bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}: armada ${JSON.stringify(al[i] ?? '<end>')}, QEMU ${JSON.stringify(bl[i] ?? '<end>')}`;
  }
  return 'same lines';
}

// ---------------------------------------------------------------- presentation

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The table printed to stdout. */
export function formatReport(rep: BenchReport): string {
  const lines: string[] = [];
  const t = rep.targets;
  lines.push(`armada benchmark  ${rep.date}  commit ${rep.commit}${rep.dirty ? ' (dirty)' : ''}  node ${rep.host.node}  ${rep.host.cpu} x${rep.host.cpus}`);
  lines.push(`${rep.options.runs} run(s) per engine, median shown; armada after one warm-up run, in-process (run loop only); ` +
    (rep.qemuVersion ? `QEMU: ${rep.qemuVersion}, whole process (start-up included)` : 'QEMU: not run') +
    (rep.options.maxInsns !== undefined ? `; capped at ${rep.options.maxInsns} instructions` : ''));
  const load = Math.max(rep.host.loadBefore ?? 0, rep.host.loadAfter ?? 0);
  if (load > rep.host.cpus * 0.75) {
    lines.push(`WARNING: the host is busy (load average ${load.toFixed(1)} on ${rep.host.cpus} CPUs): wall times are inflated; the armada/QEMU ratio suffers least`);
  }
  lines.push('');
  const head = ['image', 'guest insns', 'armada s', 'armada MIPS', 'QEMU s', 'QEMU MIPS*', 'armada/QEMU', 'output'];
  const w = [22, 13, 10, 12, 8, 11, 12, 8];
  lines.push(head.map((h, i) => pad(h, w[i]!, i > 0 && i < 7)).join(' '));
  for (const im of rep.images) {
    const a = im.armada, q = im.qemu;
    const out = im.problems.length > 0 ? 'PROBLEM' : q && rep.options.maxInsns === undefined ? 'same' : a.stop === 'exit' ? `exit ${a.exitCode}` : a.stop;
    lines.push([
      pad(path.basename(im.image), w[0]!), pad(String(a.insns), w[1]!, true), pad(a.medianWallSec.toFixed(3), w[2]!, true),
      pad(a.mips.toFixed(1), w[3]!, true), pad(q ? q.medianWallSec.toFixed(3) : '-', w[4]!, true),
      pad(q ? q.mipsEstimate.toFixed(0) : '-', w[5]!, true), pad(im.ratioToQemu !== undefined ? im.ratioToQemu.toFixed(2) + 'x' : '-', w[6]!, true),
      pad(out, w[7]!),
    ].join(' '));
  }
  lines.push('');
  if (rep.images.some(i => i.qemu)) {
    lines.push("* QEMU MIPS is an estimate: armada's instruction count for the image divided by QEMU's wall time (QEMU counts none).");
  }
  lines.push(`targets (reported, not enforced): closure tier >= ${t.closureTierMips} MIPS; with the hot tier >= ${t.hotTierMips} MIPS and <= ${t.maxQemuRatio}x QEMU's wall time`);
  for (const im of rep.images) {
    const a = im.armada;
    const vs = (ok: boolean) => ok ? 'met' : 'not met';
    lines.push(`  ${path.basename(im.image)}: ${a.mips.toFixed(1)} MIPS (closure target ${vs(a.mips >= t.closureTierMips)}, hot-tier target ${vs(a.mips >= t.hotTierMips)})` +
      (im.ratioToQemu !== undefined ? `, ${im.ratioToQemu.toFixed(2)}x QEMU (target ${vs(im.ratioToQemu <= t.maxQemuRatio)})` : ''));
  }
  lines.push('');
  lines.push('translation (last armada run of each image):');
  for (const im of rep.images) {
    const s = im.armada.stats;
    lines.push(`  ${path.basename(im.image)}: ${s.translations} translations of ${s.translatedInsns} insns, ${s.blocks} blocks cached, ` +
      `${s.invalidations} invalidated; ${s.hits} block hits, ${s.misses} misses; ${im.armada.insnsPerBlock} insns per block executed`);
  }
  lines.push('');
  lines.push('CPU time (steadier than wall time on a busy host):');
  for (const im of rep.images) {
    const a = im.armada, q = im.qemu;
    lines.push(`  ${path.basename(im.image)}: armada ${a.medianCpuSec.toFixed(3)} s (${a.cpuMips.toFixed(1)} MIPS)` +
      (q?.medianCpuSec !== undefined ? `, QEMU ${q.medianCpuSec.toFixed(3)} s, ratio ${im.cpuRatioToQemu?.toFixed(2)}x` : ''));
  }
  const problems = rep.images.flatMap(im => im.problems.map(p => `${path.basename(im.image)}: ${p}`));
  if (problems.length > 0) {
    lines.push('');
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    lines.push('!!! PROBLEMS: these figures are not a valid comparison');
    for (const p of problems) lines.push(`!!! ${p}`);
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }
  return lines.join('\n') + '\n';
}
