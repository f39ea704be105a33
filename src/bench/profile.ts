// Summarise a V8 CPU profile (node --cpu-prof) by self time, with locations mapped back to the
// TypeScript sources through dist's source maps:
//
//   node --cpu-prof --cpu-prof-dir=prof dist/bench/run.js --runs 1 --no-qemu --image bench/images/intmix-arm.elf
//   node dist/bench/profile.js prof/*.cpuprofile [--top N]
//
// Add --max-inlined-bytecode-size=0 to the first command to see the run loop, block lookup and
// memory helpers separately (V8 otherwise inlines them into their callers).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface HotSpot { share: number; ms: number; name: string; where: string }

const maps = new Map<string, SourceMap | null>();
function sourceMapFor(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let sm: SourceMap | null = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const payload = JSON.parse(fs.readFileSync(file + '.map', 'utf8'));
    sm = new SourceMap(payload);
  } catch { sm = null; }
  maps.set(url, sm);
  return sm;
}

function locate(cf: CallFrame): string {
  if (!cf.url) return '(native)';
  const sm = sourceMapFor(cf.url);
  if (sm) {
    const e = sm.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (e && e.originalSource) {
      const src = e.originalSource.replace(/^.*?\/src\//, 'src/').replace(/^(\.\.\/)+/, 'src/');
      return `${src}:${e.originalLine! + 1}:${e.originalColumn! + 1}`;
    }
  }
  return `${cf.url.replace(/^.*\/dist\//, 'dist/')}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
}

/** Self time per function (location), largest first. */
export function hotSpots(profile: CpuProfile, top = 30): { totalMs: number; spots: HotSpot[] } {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const perNode = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const d = profile.timeDeltas[i] ?? 0;
    perNode.set(profile.samples[i]!, (perNode.get(profile.samples[i]!) ?? 0) + d);
    total += d;
  }
  const agg = new Map<string, HotSpot>();
  for (const [id, t] of perNode) {
    const cf = byId.get(id)!.callFrame;
    const where = locate(cf);
    const name = cf.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const h = agg.get(key) ?? { share: 0, ms: 0, name, where };
    h.ms += t / 1000;
    agg.set(key, h);
  }
  const spots = [...agg.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
  for (const s of spots) s.share = total > 0 ? (s.ms * 1000) / total : 0;
  return { totalMs: total / 1000, spots };
}

function main(argv: string[]): number {
  let top = 30;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') top = Number(argv[++i]);
    else files.push(argv[i]!);
  }
  if (files.length === 0) {
    process.stderr.write('usage: node dist/bench/profile.js FILE.cpuprofile... [--top N]\n');
    return 2;
  }
  for (const f of files) {
    const { totalMs, spots } = hotSpots(JSON.parse(fs.readFileSync(f, 'utf8')) as CpuProfile, top);
    process.stdout.write(`${path.basename(f)}: ${(totalMs / 1000).toFixed(2)} s sampled; self time:\n`);
    for (const s of spots) {
      process.stdout.write(`${(100 * s.share).toFixed(1).padStart(6)}%  ${s.ms.toFixed(0).padStart(7)} ms  ${s.name.padEnd(14)} ${s.where}\n`);
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
