// Shared helpers of the Linux boot suite: the kit (built on demand; the suite skips with a clear
// message only when it cannot be built), and runners for armada's CLI and QEMU with the kit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKit, INIT_MARKER, type Kit } from '../../src/tools/linux-kit/kit.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARMADA_CLI = join(ROOT, 'dist', 'cli', 'armada.js');
export const QEMU = process.env['QEMU_SYSTEM_ARM'] ?? 'qemu-system-arm';
export { INIT_MARKER };

let kitResult: { kit?: Kit; why?: string } | undefined;

/** The kit, building it if needed (apt-get download; a few seconds with the network). */
export function kit(): { kit?: Kit; why?: string } {
  if (!kitResult) {
    try {
      kitResult = { kit: ensureKit({ log: l => process.stderr.write(l + '\n') }) };
    } catch (e) {
      kitResult = { why: `the Linux kit could not be built, so the Linux boot suite is skipped: ${(e as Error).message}` };
    }
  }
  return kitResult;
}

export function qemuAvailable(): boolean {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return !r.error && r.status === 0;
}

export interface Run { stdout: string; stderr: string; status: number | null; timedOut: boolean; ms: number }

/** Run a command; `input` is fed to stdin step by step when stdout shows each `when` text. */
export function run(cmd: string, args: string[], timeoutMs: number, dialogue: { when: string; send: string }[] = []): Promise<Run> {
  const t0 = Date.now();
  return new Promise(resolve => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
    let out = '';
    let err = '';
    let timedOut = false;
    let step = 0;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('latin1');
      while (step < dialogue.length && out.includes(dialogue[step]!.when)) child.stdin.write(dialogue[step++]!.send);
    });
    child.stderr.on('data', (b: Buffer) => { if (err.length < 100_000) err += b.toString('utf8'); });
    if (dialogue.length === 0) child.stdin.end();
    child.stdin.on('error', () => { /* the child may exit first */ });
    child.on('close', status => {
      clearTimeout(timer);
      resolve({ stdout: out, stderr: err, status, timedOut, ms: Date.now() - t0 });
    });
  });
}

export function armadaArgs(k: Kit, append: string, extra: string[] = []): string[] {
  return [ARMADA_CLI, 'run', '--board', 'vexpress-a9', '-m', '256', '--kernel', k.zImage, '--dtb', k.dtb,
    '--initrd', k.initrd, '--append', append, ...extra];
}

export function qemuArgs(k: Kit, append: string): string[] {
  return ['-M', 'vexpress-a9', '-m', '256', '-kernel', k.zImage, '-dtb', k.dtb, '-initrd', k.initrd,
    '-append', append, '-nographic', '-monitor', 'none'];
}

/** The console from /init's first line on, kernel timestamps removed ("[    1.904460] "). */
export function afterInit(console: string): string[] {
  const at = console.indexOf(INIT_MARKER);
  if (at < 0) return [];
  return console.slice(at).replace(/\r/g, '').split('\n').map(l => l.replace(/^\[\s*\d+\.\d+\] /, ''));
}

export function armadaBuilt(): boolean { return existsSync(ARMADA_CLI); }
