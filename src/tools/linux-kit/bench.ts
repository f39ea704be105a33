#!/usr/bin/env node
// `npm run bench:linux`: boot the Linux kit (to /init, the script, poweroff) on armada and on
// qemu-system-arm in the same run, one after the other, and print both wall times, their ratio and
// armada's guest instruction count. Options: --runs N (median of N, default 1), --no-qemu.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKit, INIT_MARKER } from './kit.js';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'armada.js');
const APPEND = 'console=ttyAMA0';

function timed(cmd: string, args: string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'latin1', timeout: 1_800_000, maxBuffer: 64 << 20, env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(argv: string[]): number {
  let runs = 1;
  let qemu = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--no-qemu') qemu = false;
    else { process.stderr.write(`usage: bench.js [--runs N] [--no-qemu]\n`); return 2; }
  }
  const k = ensureKit({ log: l => process.stderr.write(l + '\n') });
  const armadaMs: number[] = [], qemuMs: number[] = [];
  let insns = 'unknown';
  for (let i = 0; i < runs; i++) {
    const a = timed(process.execPath, [CLI, 'run', '-m', '256', '--kernel', k.zImage, '--dtb', k.dtb, '--initrd', k.initrd, '--append', APPEND, '--stats']);
    if (a.status !== 0 || !a.stdout.includes(INIT_MARKER)) { process.stderr.write(`armada failed (exit ${a.status}):\n${a.stderr}\n${a.stdout.slice(-2000)}\n`); return 1; }
    armadaMs.push(a.ms);
    insns = /armada: (\d+) instructions/.exec(a.stderr)?.[1] ?? insns;
    if (qemu) {
      const q = timed('qemu-system-arm', ['-M', 'vexpress-a9', '-m', '256', '-kernel', k.zImage, '-dtb', k.dtb, '-initrd', k.initrd, '-append', APPEND, '-nographic', '-monitor', 'none']);
      if (q.status !== 0 || !q.stdout.includes(INIT_MARKER)) { process.stderr.write(`qemu-system-arm failed (exit ${q.status}); run with --no-qemu to skip it\n`); return 1; }
      qemuMs.push(q.ms);
    }
  }
  const am = median(armadaMs) / 1000;
  console.log(`linux kit ${k.manifest.kernelPackage} ${k.manifest.kernelVersion}: boot to /init, sha256 of 4 MiB, poweroff (median of ${runs})`);
  console.log(`armada: ${am.toFixed(2)} s wall, ${insns} guest instructions`);
  if (qemu) {
    const qm = median(qemuMs) / 1000;
    console.log(`qemu-system-arm: ${qm.toFixed(2)} s wall`);
    console.log(`ratio armada/QEMU: ${(am / qm).toFixed(2)}x (target <= 2x)`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
