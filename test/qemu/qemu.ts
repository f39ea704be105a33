// Shared helpers of the QEMU differential suite: locate qemu-system-arm and the armada CLI, run an
// image on each with a timeout, capture stdout and the exit status.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARMADA_CLI = join(ROOT, 'dist', 'cli', 'armada.js');
export const QEMU = process.env['QEMU_SYSTEM_ARM'] ?? 'qemu-system-arm';

export interface RunResult { stdout: string; status: number | null; signal: string | null; timedOut: boolean; stderr: string }

/** Version line of qemu-system-arm, or null when it cannot be run. */
export function qemuVersion(): string | null {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return null;
  return r.stdout.split('\n')[0] ?? '';
}

export const QEMU_MISSING_MESSAGE =
  `qemu-system-arm was not found (tried '${QEMU}'). The QEMU differential suite needs it: ` +
  `install it (Debian: apt-get install qemu-system-arm) or set QEMU_SYSTEM_ARM. The suite fails rather than skipping.`;

export function armadaBuilt(): boolean { return existsSync(ARMADA_CLI); }

export const ARMADA_MISSING_MESSAGE =
  `armada CLI not built: ${ARMADA_CLI} is missing. Run \`npx tsc -p .\` first.`;

function collect(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise(resolve => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, QEMU_AUDIO_DRV: 'none' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => { if (err.length < 256) err.push(b); });
    child.on('error', e => {
      clearTimeout(timer);
      resolve({ stdout: '', status: null, signal: null, timedOut, stderr: String(e) });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('latin1'), status, signal: signal ?? null, timedOut,
        stderr: Buffer.concat(err).toString('utf8').slice(0, 4000),
      });
    });
  });
}

export function runQemu(image: string, timeoutMs = 60_000): Promise<RunResult> {
  return collect(QEMU, ['-M', 'vexpress-a9', '-m', '1024', '-nographic', '-semihosting', '-kernel', image], timeoutMs);
}

export function runArmada(image: string, timeoutMs = 60_000): Promise<RunResult> {
  return collect(process.execPath, [ARMADA_CLI, 'run', image, '-m', '1024', '--semihosting'], timeoutMs);
}

export function describeRun(r: RunResult): string {
  if (r.timedOut) return 'timed out';
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.status}`;
}
