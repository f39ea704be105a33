// `npm run bench [-- --runs N --image PATH --json OUT --no-qemu --max-insns N]`
//
// Benchmarks armada against QEMU on the CPU-bound firmware in bench/images (built by
// `make -C bench`): for each image a warm-up run and N measured runs on armada (in-process,
// through the board API), N runs of qemu-system-arm on the same image when it is installed, the
// medians, MIPS, the armada/QEMU wall-time ratio and the engine's translation statistics.
// Prints a table and writes a JSON result (default bench-results/<date>-<commit>.json) so runs
// can be compared across commits. Exits 1 only when a result is wrong (a guest that does not exit
// 0, or armada and QEMU printing different things); performance targets are only reported.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { qemuVersion } from './measure.js';
import { benchImage, formatReport, TARGETS, type BenchReport } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_IMAGES = ['bench/images/intmix-arm.elf', 'bench/images/intmix-thumb.elf'];

const USAGE = `usage: npm run bench [-- options]
  --runs N         measured runs per engine and image (default 3), after one armada warm-up run
  --image PATH     benchmark this image (repeatable; default: ${DEFAULT_IMAGES.join(', ')})
  --json OUT       write the JSON result here (default bench-results/<date>-<commit>.json)
  --no-qemu        do not run QEMU
  --max-insns N    stop each armada run after about N instructions (a quick smoke run; no QEMU)
  --help`;

export interface BenchArgs {
  runs: number;
  images: string[];
  json?: string;
  qemu: boolean;
  maxInsns?: number;
}

export function parseArgs(argv: string[]): BenchArgs {
  const a: BenchArgs = { runs: 3, images: [], qemu: true };
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
    switch (flag) {
      case '--runs': a.runs = num(flag, value(), 1); break;
      case '--image': { const v = value(); if (!v) throw new Error('--image needs a path'); a.images.push(v); break; }
      case '--json': { const v = value(); if (!v) throw new Error('--json needs a path'); a.json = v; break; }
      case '--no-qemu': a.qemu = false; break;
      case '--max-insns': a.maxInsns = num(flag, value(), 1); break;
      case '--help': case '-h': throw new HelpRequested();
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  if (a.images.length === 0) a.images = DEFAULT_IMAGES.map(p => path.join(ROOT, p));
  if (a.maxInsns !== undefined) a.qemu = false; // a capped run cannot be compared with a full one
  return a;
}

class HelpRequested extends Error {}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { return undefined; }
}

export function runBench(args: BenchArgs, log: (line: string) => void = () => {}): BenchReport {
  const loadBefore = os.loadavg()[0]!;
  const qv = args.qemu ? qemuVersion() : undefined;
  if (args.qemu && !qv) log('qemu-system-arm not found: armada only');
  const images = args.images.map(img => benchImage(img, { runs: args.runs, qemu: qv !== undefined, maxInsns: args.maxInsns, log }));
  const cpus = os.cpus();
  return {
    schema: 1,
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short=12', 'HEAD']) ?? 'unknown',
    dirty: (git(['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    host: { node: process.version, platform: process.platform, arch: process.arch, cpu: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length,
      loadBefore: Number(loadBefore.toFixed(2)), loadAfter: Number(os.loadavg()[0]!.toFixed(2)) },
    ...(qv ? { qemuVersion: qv } : {}),
    options: { runs: args.runs, qemu: qv !== undefined, ...(args.maxInsns !== undefined ? { maxInsns: args.maxInsns } : {}) },
    targets: TARGETS,
    images,
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
  for (const img of args.images) {
    if (!fs.existsSync(img)) {
      process.stderr.write(`bench: ${img} not found (build the images with: make -C bench)\n`);
      return 2;
    }
  }
  const rep = runBench(args, line => process.stderr.write(`bench: ${line}\n`));
  process.stdout.write(formatReport(rep));
  const out = args.json ?? defaultJsonPath(rep);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rep, null, 2) + '\n');
  process.stdout.write(`results written to ${path.relative(process.cwd(), out) || out}\n`);
  return rep.images.some(im => im.problems.length > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
