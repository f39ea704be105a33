// Build a risu image with arm-none-eabi-gcc, run it on QEMU and on armada, compare the dumps.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  firmwareSource, generateSequence, insnAddresses, loadDisassembler, formatInsn, hex8, REG_NAMES_DUMP, STATE_WORDS, WINDOW_START, WINDOW_WORDS,
  type RisuISet, type Sequence,
} from './generator.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ARMADA_CLI = join(ROOT, 'dist', 'cli', 'armada.js');
export const QEMU = process.env['QEMU_SYSTEM_ARM'] ?? 'qemu-system-arm';
export const GCC = process.env['ARM_GCC'] ?? 'arm-none-eabi-gcc';

export interface RisuOptions {
  iset: RisuISet;
  seed: number;
  seqs: number;
  length: number;
  /** Only this sequence index (regenerated exactly as in the full image). */
  only?: number;
  timeoutMs?: number;
  keep?: boolean;
  /** Run these sequences instead of generating them (regression replay). */
  sequences?: Sequence[];
  /** VFP mode: VFP instructions only, D0-D31/FPSCR seeded and dumped (src/tools/risu/vfp.ts). */
  vfp?: boolean;
  /** VFP mode with short vectors (FPSCR.LEN/STRIDE != 0 per sequence). */
  vector?: boolean;
}

export interface Mismatch {
  seq: Sequence;
  iset: RisuISet;
  imageSeed: number;
  qemu: string | undefined;
  armada: string | undefined;
  report: string;
}

export interface RisuResult {
  iset: RisuISet;
  seed: number;
  sequences: number;
  instructions: number;
  /** Instructions of the 'vfp' group among them. */
  vfpInstructions: number;
  mismatches: Mismatch[];
  /** Problems running either side (build failure, crash, timeout, missing output). */
  errors: string[];
  elf?: string;
}

/** Addresses of the insns_<i> labels of an image. */
export function sequenceLabels(elf: string): Map<number, number> {
  const nm = process.env['ARM_NM'] ?? GCC.replace(/gcc$/, 'nm');
  const r = spawnSync(nm, [elf], { encoding: 'utf8', timeout: 60_000 });
  const m = new Map<number, number>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const mm = /^([0-9a-f]+) \w insns_(\d+)$/.exec(line.trim());
    if (mm) m.set(Number(mm[2]), parseInt(mm[1]!, 16) & ~1);
  }
  return m;
}

export function buildImage(source: string, thumb: boolean, dir: string): string {
  const src = join(dir, 'risu.S');
  const elf = join(dir, 'risu.elf');
  writeFileSync(src, source);
  const r = spawnSync(GCC, ['-nostdlib', '-march=armv7-a', thumb ? '-mthumb' : '-marm', '-Wl,-Ttext=0x60010000',
    '-Wl,--build-id=none', '-o', elf, src], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw new Error(`risu: cannot run ${GCC}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`risu: assembling failed:\n${r.stderr.slice(0, 4000)}`);
  return elf;
}

/** Output kept per run; a dump is a few KiB per sequence, so this is far above any honest run. */
const OUTPUT_CAP = 64 * 1024 * 1024;

interface Out { stdout: string; status: number | null; timedOut: boolean; stderr: string }

function run(cmd: string, args: string[], timeoutMs: number): Promise<Out> {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
    const out: Buffer[] = [], err: Buffer[] = [];
    let timedOut = false;
    const t = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    // A guest that loops printing must not exhaust the runner: keep at most OUTPUT_CAP bytes.
    let outBytes = 0, errBytes = 0;
    child.stdout.on('data', (b: Buffer) => { if (outBytes < OUTPUT_CAP) { out.push(b); outBytes += b.length; } });
    child.stderr.on('data', (b: Buffer) => { if (errBytes < OUTPUT_CAP) { err.push(b); errBytes += b.length; } });
    child.on('error', e => { clearTimeout(t); resolve({ stdout: '', status: null, timedOut, stderr: String(e) }); });
    child.on('close', status => {
      clearTimeout(t);
      resolve({ stdout: Buffer.concat(out).toString('latin1'), status, timedOut, stderr: Buffer.concat(err).toString('latin1') });
    });
  });
}

function tail(s: string): string {
  return s.split('\n').filter(l => !/^S[0-9a-f]{8}:/.test(l) && !/ALSA|audio|alsa/.test(l)).join('\n').slice(-2000);
}

export function runQemu(elf: string, timeoutMs: number): Promise<Out> {
  return run(QEMU, ['-M', 'vexpress-a9', '-m', '1024', '-nographic', '-semihosting', '-kernel', elf], timeoutMs);
}
export function runArmada(elf: string, timeoutMs: number): Promise<Out> {
  return run(process.execPath, [ARMADA_CLI, 'run', elf, '-m', '1024', '--semihosting'], timeoutMs);
}

/** Sequence lines by index. */
export function parseDump(stdout: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of stdout.split('\n')) {
    const mm = /^S([0-9a-f]{8}):([0-9a-f]+):([0-9a-f]+)(?::([0-9a-f]+))?\r?$/.exec(line);
    if (mm) m.set(parseInt(mm[1]!, 16), `${mm[2]}:${mm[3]}` + (mm[4] !== undefined ? `:${mm[4]}` : ''));
  }
  return m;
}

function words(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 8 <= hex.length; i += 8) out.push(parseInt(hex.slice(i, i + 8), 16) >>> 0);
  return out;
}

/** Which instruction of the sequence a recorded fault belongs to (by the handler's LR). */
function faultSite(seq: Sequence, addrs: number[] | undefined, kind: number, lr: number): string {
  if (!addrs || kind === 0) return '';
  // abort: LR = insn + 8; undefined: LR = insn + 4 (ARM) or insn + 2 (Thumb)
  const thumb = seq.insns[0]?.encoding.iset !== 'A32';
  const site = kind === 2 ? lr - 8 : lr - (thumb ? 2 : 4);
  for (let i = 0; i < seq.insns.length; i++) {
    if (site === addrs[i]) return ` (instruction ${i}: ${formatInsn(seq.insns[i]!)})`;
  }
  return ' (not at a random instruction)';
}

export function describeDiff(q: string, a: string, seq?: Sequence, addrs?: number[]): string {
  const [qs, qm, qv] = q.split(':') as [string, string, string | undefined];
  const [as, am, av] = a.split(':') as [string, string | undefined, string | undefined];
  const qw = words(qs), aw = words(as);
  const lines: string[] = [];
  lines.push('  state        QEMU      armada');
  for (let i = 0; i < STATE_WORDS; i++) {
    const mark = qw[i] !== aw[i] ? '  <--' : '';
    lines.push(`  ${REG_NAMES_DUMP[i]!.padEnd(10)} ${hex8(qw[i] ?? 0)}  ${aw[i] === undefined ? '--------' : hex8(aw[i]!)}${mark}`);
  }
  for (const [who, w] of [['QEMU', qw], ['armada', aw]] as const) {
    if (w[16] && seq) {
      lines.push(`  ${who} last fault: ${w[17] === 1 ? 'UNDEFINED' : 'data abort'}${faultSite(seq, addrs, w[17]!, w[20]!)}`);
      if (w[16] > 1) lines.push(`  ${who} first fault at LR ${hex8(w[21]!)}${faultSite(seq, addrs, 1, w[21]!) || faultSite(seq, addrs, 2, w[21]!)}`);
    }
  }
  const qmw = words(qm), amw = words(am ?? '');
  let shown = 0;
  for (let i = 0; i < WINDOW_WORDS; i++) {
    if (qmw[i] !== amw[i]) {
      if (shown++ < 16) lines.push(`  mem[0x${hex8(WINDOW_START + 4 * i)}] ${hex8(qmw[i] ?? 0)}  ${amw[i] === undefined ? '--------' : hex8(amw[i]!)}  <--`);
    }
  }
  if (shown > 16) lines.push(`  ... ${shown - 16} more differing memory words`);
  if (shown === 0) lines.push('  memory window identical');
  if (qv !== undefined || av !== undefined) lines.push(...describeVfpDiff(words(qv ?? ''), words(av ?? '')));
  return lines.join('\n');
}

/** D registers (as hi:lo, with the S view for D0-D15) that differ, FPSCR and FPEXC. */
function describeVfpDiff(q: number[], a: number[]): string[] {
  const lines: string[] = [];
  const d = (w: number[], i: number) => w[2 * i + 1] === undefined ? '-----------------' : `${hex8(w[2 * i + 1]!)}_${hex8(w[2 * i]!)}`;
  for (let i = 0; i < 32; i++) {
    if (q[2 * i] === a[2 * i] && q[2 * i + 1] === a[2 * i + 1]) continue;
    const sv = i < 16 ? ` (s${2 * i + 1}:s${2 * i})` : '';
    lines.push(`  d${String(i).padEnd(9)} ${d(q, i)}  ${d(a, i)}  <--${sv}`);
  }
  if (lines.length === 0) lines.push('  D0-D31 identical');
  for (const [k, name] of [[64, 'fpscr'], [65, 'fpexc']] as const) {
    const mark = q[k] !== a[k] ? `  <--${name === 'fpscr' ? ` (differing bits ${hex8((q[k] ?? 0) ^ (a[k] ?? 0))})` : ''}` : '';
    lines.push(`  ${name.padEnd(10)} ${hex8(q[k] ?? 0)}  ${a[k] === undefined ? '--------' : hex8(a[k]!)}${mark}`);
  }
  // the FPSCR trace: FPSCR after instruction k
  let first = true;
  for (let k = 66; k < Math.max(q.length, a.length); k++) {
    if (q[k] === a[k]) continue;
    if (first) { lines.push('  FPSCR after instruction k (traced), where it differs:'); first = false; }
    lines.push(`  fpscr[${k - 66}]`.padEnd(13) + `${hex8(q[k] ?? 0)}  ${a[k] === undefined ? '--------' : hex8(a[k]!)}  <-- ` +
      `(differing bits ${hex8((q[k] ?? 0) ^ (a[k] ?? 0))})`);
  }
  return lines;
}

export function reproduceCommand(iset: RisuISet, seed: number, seqs: number, length: number, only?: number, vfp = false,
  vector = false): string {
  return `node dist/tools/risu/cli.js${vfp ? ' --vfp' : ''}${vector ? ' --vector' : ''} --iset ${iset} --seed ${seed} --seqs ${seqs} --len ${length}` +
    (only !== undefined ? ` --only ${only}` : '');
}

const RMODES = ['RN', 'RP', 'RM', 'RZ'];

/** FPSCR as its fields, for reports. */
export function describeFpscr(v: number): string {
  const bits = [['FZ', 24], ['DN', 25], ['AHP', 26], ['QC', 27]] as const;
  const on = bits.filter(([, b]) => (v >>> b) & 1).map(([n]) => n);
  const flags = [['IOC', 0], ['DZC', 1], ['OFC', 2], ['UFC', 3], ['IXC', 4], ['IDC', 7]] as const;
  const fl = flags.filter(([, b]) => (v >>> b) & 1).map(([n]) => n);
  const vec = (v >>> 16) & 0x37 ? ` LEN=${(v >>> 16) & 7} STRIDE=${(v >>> 20) & 3}` : '';
  return `${hex8(v)} (NZCV=${((v >>> 28) & 15).toString(2).padStart(4, '0')} ${RMODES[(v >>> 22) & 3]}${vec}` +
    `${on.length ? ' ' + on.join(' ') : ''}${fl.length ? ' flags ' + fl.join(' ') : ''})`;
}

export function sequenceReport(seq: Sequence, iset: RisuISet, seed: number, seqs: number, length: number): string {
  const vfp = seq.vfp !== undefined;
  const vector = vfp && ((seq.vfp!.fpscr >>> 16) & 0x37) !== 0;
  const lines = [`sequence ${seq.index} of image seed ${seed} (${iset}${vfp ? ', VFP' : ''}${vector ? ' short vectors' : ''}), ` +
    `sequence seed 0x${hex8(seq.seed)}`,
    `reproduce: ${reproduceCommand(iset, seed, seqs, length, seq.index, vfp, vector)}`, 'instructions:'];
  seq.insns.forEach((i, k) => lines.push(`  ${String(k).padStart(2)} ${i.pre ? `(${i.pre.map(x => x.trim()).join('; ')}) ` : ''}${formatInsn(i)}` +
    (i.trace ? ` {trace${i.trace === 'clear' ? ', clear flags' : ''}}` : '')));
  lines.push('initial: ' + seq.regs.slice(0, 13).map((v, i) => `r${i}=${hex8(v)}`).join(' ') +
    ` lr=${hex8(seq.regs[13]!)} cpsr.flags=${hex8(seq.regs[14]!)}`);
  if (seq.vfp) {
    const w = seq.vfp.dregs;
    const ds: string[] = [];
    for (let i = 0; i < 32; i++) ds.push(`d${i}=${hex8(w[2 * i + 1]!)}_${hex8(w[2 * i]!)}`);
    for (let i = 0; i < 32; i += 4) lines.push(`  ${ds.slice(i, i + 4).join(' ')}`);
    lines.push(`  fpscr=${describeFpscr(seq.vfp.fpscr)} sp=${hex8(seq.spValue ?? 0)}${seq.bigEndian ? ' CPSR.E=1 (big-endian)' : ''}`);
  }
  return lines.join('\n');
}

export async function runRisu(o: RisuOptions): Promise<RisuResult> {
  const thumb = o.iset !== 'A32';
  await loadDisassembler();
  const all: Sequence[] = o.sequences ? [...o.sequences] : [];
  for (let i = 0; !o.sequences && i < o.seqs; i++) {
    if (o.only !== undefined && i !== o.only) continue;
    all.push(generateSequence(o.iset, o.seed, i, o.length, o.vfp ?? false, o.vector ?? false));
  }
  const res: RisuResult = {
    iset: o.iset, seed: o.seed, sequences: all.length, instructions: all.reduce((n, s) => n + s.insns.length, 0),
    vfpInstructions: all.reduce((n, s) => n + s.insns.filter(i => i.encoding.group === 'vfp').length, 0), mismatches: [], errors: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'risu-'));
  try {
    let elf: string;
    try { elf = buildImage(firmwareSource(all, thumb), thumb, dir); } catch (e) { res.errors.push((e as Error).message); return res; }
    if (o.keep) res.elf = elf;
    const labels = sequenceLabels(elf);
    if (!existsSync(ARMADA_CLI)) { res.errors.push(`armada CLI not built (${ARMADA_CLI}); run npx tsc -p .`); return res; }
    const timeout = o.timeoutMs ?? 120_000;
    const [q, a] = await Promise.all([runQemu(elf, timeout), runArmada(elf, timeout)]);
    if (q.timedOut || q.status !== 0) res.errors.push(`QEMU: ${q.timedOut ? 'timed out' : `exit ${q.status}`} ${tail(q.stderr)}`);
    if (a.timedOut || a.status !== 0) res.errors.push(`armada: ${a.timedOut ? 'timed out' : `exit ${a.status}`} ${tail(a.stderr)}`);
    // SYS_WRITE0 goes to the semihosting console: stderr on QEMU (and armada mirrors it)
    const qd = parseDump(q.stdout + '\n' + q.stderr), ad = parseDump(a.stdout + '\n' + a.stderr);
    for (const s of all) {
      const qq = qd.get(s.index), aa = ad.get(s.index);
      if (qq === undefined && aa === undefined) { res.errors.push(`sequence ${s.index}: no output from either`); continue; }
      if (qq === aa) continue;
      let report = sequenceReport(s, o.iset, o.seed, o.seqs, o.length);
      if (qq === undefined) report += '\n  QEMU produced no dump for this sequence';
      else if (aa === undefined) report += '\n  armada produced no dump for this sequence';
      else {
        const start = labels.get(s.index);
        report += '\n' + describeDiff(qq, aa, s, start === undefined ? undefined : insnAddresses(s, start, thumb));
      }
      res.mismatches.push({ seq: s, iset: o.iset, imageSeed: o.seed, qemu: qq, armada: aa, report });
    }
    return res;
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}
