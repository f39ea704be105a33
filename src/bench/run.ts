// `npm run bench [-- options]` (see USAGE)
//
// Benchmarks armada against QEMU on the CPU-bound firmware in bench/images (built by
// `make -C bench`): for each image and each engine tier (closures only; with the hot tier) a
// warm-up run and N measured runs on armada (in-process, through the board API), N runs of
// qemu-system-arm on the same image when it is installed, the medians, MIPS, the armada/QEMU
// wall-time ratios, the engine's translation statistics and the translation cache's host heap;
// cold starts (a fresh armada process and a fresh QEMU, spawn to exit) of a ~10 million
// instruction image; and the MMU-on/MMU-off ratio of the same program.
// Prints tables and writes a JSON result (default bench-results/<date>-<commit>.json) so runs
// can be compared across commits (--compare OLD.json). Exits 1 only when a result is wrong (a
// guest that does not exit 0, tiers or armada and QEMU printing different things); performance
// targets are only reported.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureArmada, qemuVersion, BOARD } from './measure.js';
import { benchImage, benchCold, mmuPairs, formatReport, formatComparison, TARGETS, TIERS, type BenchReport, type Tier } from './report.js';
import { createBoard } from '../soc/board.js';
import { BOARDS } from '../soc/vexpress.js';
import { HOT_FACTORY_SOURCE_BOUND, hotFactorySourceBytes, hotFactoryStats } from '../translator/hot/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_IMAGES = [
  'bench/images/intmix-arm.elf', 'bench/images/intmix-thumb.elf',
  'bench/images/intmix-mmu-arm.elf', 'bench/images/intmix-mmu-thumb.elf',
  'bench/images/fpmix-arm.elf', 'bench/images/fpmix-thumb.elf',
];
export const DEFAULT_COLD_IMAGES = ['bench/images/intmix-quick-arm.elf', 'bench/images/intmix-quick-thumb.elf'];

const USAGE = `usage: npm run bench [-- options]
  --runs N         measured runs per engine, tier and image (default 3), after one armada warm-up
                   run per tier
  --image PATH     benchmark this image (repeatable; default: ${DEFAULT_IMAGES.map(p => path.basename(p)).join(', ')})
  --tier T         closure, hot or both (default both): closure = ARMADA_HOT=off, hot = auto
  --cold PATH      time cold starts of this image (repeatable; default: ${DEFAULT_COLD_IMAGES.map(p => path.basename(p)).join(', ')})
  --no-cold        no cold starts
  --compare OLD    also print MIPS and QEMU ratios against an earlier result file
  --json OUT       write the JSON result here (default bench-results/<date>-<commit>.json)
  --no-qemu        do not run QEMU
  --max-insns N    stop each armada run after about N instructions (a quick smoke run; no QEMU,
                   no cold starts)
  --help`;

export interface BenchArgs {
  runs: number;
  images: string[];
  tiers: Tier[];
  cold: string[];
  json?: string;
  compare?: string;
  qemu: boolean;
  maxInsns?: number;
}

export function parseArgs(argv: string[]): BenchArgs {
  const a: BenchArgs = { runs: 3, images: [], tiers: [...TIERS], cold: [], qemu: true };
  let noCold = false;
  const num = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer >= ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    const str = () => { const v = value(); if (!v) throw new Error(`${flag} needs a value`); return v; };
    switch (flag) {
      case '--runs': a.runs = num(flag, value(), 1); break;
      case '--image': a.images.push(str()); break;
      case '--cold': a.cold.push(str()); break;
      case '--no-cold': noCold = true; break;
      case '--tier': {
        const v = str();
        if (v === 'both') a.tiers = [...TIERS];
        else if (v === 'closure' || v === 'hot') a.tiers = [v];
        else throw new Error(`--tier: expected closure, hot or both, not ${v}`);
        break;
      }
      case '--json': a.json = str(); break;
      case '--compare': a.compare = str(); break;
      case '--no-qemu': a.qemu = false; break;
      case '--max-insns': a.maxInsns = num(flag, value(), 1); break;
      case '--help': case '-h': throw new HelpRequested();
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  if (a.images.length === 0) a.images = DEFAULT_IMAGES.map(p => path.join(ROOT, p));
  if (a.cold.length === 0) a.cold = DEFAULT_COLD_IMAGES.map(p => path.join(ROOT, p));
  if (a.maxInsns !== undefined) { a.qemu = false; noCold = true; } // a capped run cannot be compared with a full one
  if (noCold) a.cold = [];
  return a;
}

class HelpRequested extends Error {}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { return undefined; }
}

/** The translation cache bound the engine uses by default (environment included). */
function tbCacheBound(): number | undefined {
  const engine = createBoard(BOARDS[BOARD]!, { ramMiB: 1 }).engine as { tbCacheInsns?: number };
  return engine.tbCacheInsns;
}

export function runBench(args: BenchArgs, log: (line: string) => void = () => {}): BenchReport {
  const loadBefore = os.loadavg()[0]!;
  const qv = args.qemu ? qemuVersion() : undefined;
  if (args.qemu && !qv) log('qemu-system-arm not found: armada only');
  const images = args.images.map(img => benchImage(img, {
    runs: args.runs, qemu: qv !== undefined, tiers: args.tiers, maxInsns: args.maxInsns, heap: true, log,
  }));
  const cold = args.cold.map(img => {
    // the instruction count of the image, from one in-process run (a cold start reports none)
    const r = measureArmada(new Uint8Array(fs.readFileSync(img)), { cmdline: path.basename(img) });
    return benchCold(img, { runs: args.runs, qemu: qv !== undefined, insns: r.insns, log });
  });
  const cpus = os.cpus();
  const bound = tbCacheBound();
  return {
    schema: 2,
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short=12', 'HEAD']) ?? 'unknown',
    dirty: (git(['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    host: { node: process.version, platform: process.platform, arch: process.arch, cpu: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length,
      loadBefore: Number(loadBefore.toFixed(2)), loadAfter: Number(os.loadavg()[0]!.toFixed(2)) },
    ...(qv ? { qemuVersion: qv } : {}),
    options: { runs: args.runs, qemu: qv !== undefined, tiers: args.tiers, ...(args.maxInsns !== undefined ? { maxInsns: args.maxInsns } : {}),
      ...(cold.length ? { coldRuns: args.runs } : {}) },
    ...(bound !== undefined ? { tbCacheInsns: bound } : {}),
    hotFactories: { ...hotFactoryStats, sourceBytes: hotFactorySourceBytes(), boundBytes: HOT_FACTORY_SOURCE_BOUND },
    targets: TARGETS,
    images,
    cold,
    mmu: mmuPairs(images),
  };
}

export function defaultJsonPath(rep: BenchReport): string {
  const stamp = rep.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  return path.join(ROOT, 'bench-results', `${stamp}-${rep.commit}${rep.dirty ? '-dirty' : ''}.json`);
}

function main(argv: string[]): number {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof HelpRequested) { process.stdout.write(USAGE + '\n'); return 0; }
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let old: unknown;
  if (args.compare) {
    try { old = JSON.parse(fs.readFileSync(args.compare, 'utf8')); } catch (err) {
      process.stderr.write(`bench: --compare ${args.compare}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  for (const img of [...args.images, ...args.cold]) {
    if (!fs.existsSync(img)) {
      process.stderr.write(`bench: ${img} not found (build the images with: make -C bench)\n`);
      return 2;
    }
  }
  const rep = runBench(args, line => process.stderr.write(`bench: ${line}\n`));
  process.stdout.write(formatReport(rep));
  if (old !== undefined) process.stdout.write('\n' + formatComparison(old, rep, args.compare!));
  const out = args.json ?? defaultJsonPath(rep);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rep, null, 2) + '\n');
  process.stdout.write(`results written to ${path.relative(process.cwd(), out) || out}\n`);
  return rep.images.some(im => im.problems.length > 0) || rep.cold.some(c => c.problems.length > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
