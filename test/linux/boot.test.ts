// Debian's armhf kernel with busybox (the Linux kit) on armada, compared with QEMU 7.2 on the same
// kit: boot to /init, the script's output, poweroff with exit status 0, determinism, a snapshot
// taken mid-boot and restored into a fresh board, the interactive shell, and clear failures.
// Run with `npm run test:linux` (vitest.linux.config.ts). Skips only when the kit cannot be built.
import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
import { createBoard, type Board } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';
import { loadLinux } from '../../src/soc/linux.js';
import { SHELL_ARG } from '../../src/tools/linux-kit/kit.js';
import { afterInit, armadaArgs, armadaBuilt, INIT_MARKER, kit, QEMU, qemuArgs, qemuAvailable, run, type Run } from './linux.js';

const { kit: K, why } = kit();
if (!K) console.warn(why);
const APPEND = 'console=ttyAMA0';
const BOOT_TIMEOUT = 600_000;

/** Boot in-process through the board API; stops at poweroff. `snapshotAt` saves the machine once
 * that many instructions have run. */
function bootInProcess(board: Board, opts: { snapshotAt?: number; maxInsns?: number } = {}) {
  let out = '';
  board.uart('uart0').onTransmit = b => { out += String.fromCharCode(b); };
  let snapshot: Uint8Array | undefined;
  let outAtSnapshot = 0;
  const limit = opts.maxInsns ?? 20e9;
  for (;;) {
    let budget = 10_000_000;
    if (opts.snapshotAt !== undefined && !snapshot) budget = Math.min(budget, opts.snapshotAt - board.cpu.icount);
    if (budget <= 0) {
      snapshot = board.saveSnapshot();
      outAtSnapshot = out.length;
      continue;
    }
    const r = board.run({ maxInsns: budget });
    if (r.kind === 'poweroff') return { out, snapshot, outAtSnapshot, insns: board.cpu.icount };
    if (r.kind !== 'budget') throw new Error(`boot stopped: ${JSON.stringify(r)} after ${board.cpu.icount} instructions\n${out.slice(-2000)}`);
    if (board.cpu.icount > limit) throw new Error(`no poweroff after ${limit} instructions\n${out.slice(-2000)}`);
  }
}

function newBoard(): Board {
  const b = createBoard(vexpressA9, { ramMiB: 256 });
  loadLinux(b, {
    kernel: fs.readFileSync(K!.zImage), dtb: fs.readFileSync(K!.dtb), initrd: fs.readFileSync(K!.initrd), append: APPEND,
  });
  return b;
}

describe.skipIf(!K)('Linux on armada (the kit)', () => {
  let cli: Run;
  let qemu: Run | undefined;
  beforeAll(async () => {
    if (!armadaBuilt()) throw new Error('armada is not built: run `npx tsc -p .` first (npm run test:linux does)');
    [cli, qemu] = await Promise.all([
      run(process.execPath, armadaArgs(K!, APPEND, ['--stats']), BOOT_TIMEOUT),
      qemuAvailable() ? run(QEMU, qemuArgs(K!, APPEND), BOOT_TIMEOUT) : Promise.resolve(undefined),
    ]);
    process.stderr.write(`linux boot: armada ${(cli.ms / 1000).toFixed(1)} s${qemu ? `, QEMU ${(qemu.ms / 1000).toFixed(1)} s` : ''}\n${cli.stderr}`);
  }, BOOT_TIMEOUT);

  it('boots to /init, runs the script (sha256 of /data.bin as on the host) and exits 0 on poweroff', () => {
    expect(cli.timedOut).toBe(false);
    expect(cli.stdout).toContain('Booting Linux on physical CPU 0x0');
    expect(cli.stdout).toContain(INIT_MARKER);
    expect(cli.stdout).toContain(`armada-kit: sha256 ${K!.manifest.dataSha256}  /data.bin`);
    expect(cli.stdout).toContain('reboot: Power down');
    expect(cli.status).toBe(0);
  });

  it.skipIf(!qemuAvailable())('prints the same lines after boot as QEMU 7.2 on the same kit', () => {
    expect(qemu!.status).toBe(0);
    const want = afterInit(qemu!.stdout);
    expect(want.length).toBeGreaterThan(5);
    expect(afterInit(cli.stdout)).toEqual(want);
  });

  it('gives byte-identical UART output run after run, and a snapshot taken mid-boot finishes the boot the same way', () => {
    const first = bootInProcess(newBoard(), { snapshotAt: 1_500_000_000 });
    // The CLI run and this in-process run are two runs of the same machine: the same bytes.
    expect(first.out).toBe(cli.stdout);
    expect(first.snapshot).toBeDefined();
    const restored = createBoard(vexpressA9, { ramMiB: 256 });
    restored.loadSnapshot(first.snapshot!);
    const second = bootInProcess(restored);
    expect(second.out).toBe(first.out.slice(first.outAtSnapshot));
    expect(second.insns).toBe(first.insns);
  }, BOOT_TIMEOUT * 2);

  it('answers shell commands typed on stdin (armada.shell=1), then powers off on exit', async () => {
    const r = await run(process.execPath, armadaArgs(K!, `${APPEND} ${SHELL_ARG}`), BOOT_TIMEOUT, [
      { when: 'armada-kit: shell', send: 'echo "answer-$((6*7))"; uname -s\n' },
      { when: 'answer-42', send: 'exit\n' },
    ]);
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toContain('answer-42');
    expect(r.stdout).toMatch(/\nLinux\r?\n/);
    expect(r.stdout).toContain('armada-kit: poweroff');
    expect(r.status).toBe(0);
  }, BOOT_TIMEOUT);

  it.skipIf(process.platform !== 'linux')('costs little host CPU while the shell waits, with --realtime, and still answers', async () => {
    const child = spawn(process.execPath, armadaArgs(K!, `${APPEND} ${SHELL_ARG}`, ['--realtime']), { stdio: ['pipe', 'pipe', 'pipe'] });
    const cpuSeconds = () => {
      const f = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 10 ms
    };
    let out = '';
    const seen = (text: string) => new Promise<void>(resolve => {
      const check = () => { if (out.includes(text)) { child.stdout.off('data', check); resolve(); } };
      child.stdout.on('data', check);
      check();
    });
    child.stdout.on('data', (b: Buffer) => { out += b.toString('latin1'); });
    const closed = new Promise<number | null>(resolve => child.on('close', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), BOOT_TIMEOUT);
    await seen('armada-kit: shell');
    await new Promise(r => setTimeout(r, 2000));
    const c0 = cpuSeconds(), t0 = Date.now();
    await new Promise(r => setTimeout(r, 5000));
    const share = (cpuSeconds() - c0) / ((Date.now() - t0) / 1000);
    process.stderr.write(`idle shell with --realtime: ${(100 * share).toFixed(1)}% of a host CPU\n`);
    child.stdin.write('echo "still-$((1+1))"\n');
    await seen('still-2');
    child.stdin.write('exit\n');
    const status = await closed;
    clearTimeout(killer);
    expect(share).toBeLessThan(0.25);
    expect(status).toBe(0);
  }, BOOT_TIMEOUT);

  it('stops with a clear message and exit 4 on a kernel panic (rdinit and init missing)', async () => {
    const r = await run(process.execPath, armadaArgs(K!, `${APPEND} rdinit=/nonexistent init=/nonexistent`, ['--timeout', '500']), BOOT_TIMEOUT);
    expect(r.stderr).toMatch(/armada: the guest kernel panicked \(Kernel panic - not syncing: .*\)/);
    expect(r.status).toBe(4);
  }, BOOT_TIMEOUT);

  it('rejects a wrong DTB and a missing file at once, with exit 2', async () => {
    const args = armadaArgs(K!, APPEND);
    const wrongDtb = args.slice();
    wrongDtb[wrongDtb.indexOf(K!.dtb)] = K!.zImage;
    let r = await run(process.execPath, wrongDtb, 60_000);
    expect(r.stderr).toMatch(/armada: --dtb: not a device tree blob: magic 0x[0-9a-f]{8}, expected 0xd00dfeed/);
    expect(r.status).toBe(2);
    const missing = args.slice();
    missing[missing.indexOf(K!.initrd)] = '/nonexistent/initrd.gz';
    r = await run(process.execPath, missing, 60_000);
    expect(r.stderr).toContain('armada: --initrd: cannot read /nonexistent/initrd.gz: no such file');
    expect(r.status).toBe(2);
  });
});
