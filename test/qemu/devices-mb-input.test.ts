// Differential test of user input through the PL050 keyboard and mouse: firmware/devices
// mb_input prints every byte the PS/2 devices send after it says "ready". On QEMU the keys and
// mouse moves come from the monitor (sendkey, mouse_move, mouse_button); on armada the same
// events enter through the board's input API. The bytes must be the same.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, QEMU, qemuVersion, QEMU_MISSING_MESSAGE } from './qemu.js';
import { createBoard } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';
import type { InputEvent } from '../../src/soc/device.js';

const IMAGE = join(ROOT, 'firmware', 'devices', 'images', 'mb_input.elf');

/** Each step as a QEMU monitor command and as armada input events (QEMU's sendkey presses the
 * keys in order and releases them in reverse), with the number of bytes the guest then reads:
 * QEMU's steps are 400 ms apart, so the guest has read one step's bytes before the next. */
const STEPS: [string, InputEvent[], number][] = [
  ['sendkey a', [{ kind: 'key', code: 0x1c, down: true }, { kind: 'key', code: 0x1c, down: false }], 3],
  ['sendkey up', [{ kind: 'key', code: 0xe075, down: true }, { kind: 'key', code: 0xe075, down: false }], 5],
  ['sendkey shift-a', [
    { kind: 'key', code: 0x12, down: true }, { kind: 'key', code: 0x1c, down: true },
    { kind: 'key', code: 0x1c, down: false }, { kind: 'key', code: 0x12, down: false },
  ], 6],
  ['mouse_move 10 5', [{ kind: 'mouse', dx: 10, dy: 5, buttons: 0 }], 3],
  ['mouse_button 1', [{ kind: 'mouse', dx: 0, dy: 0, buttons: 1 }], 3],
  ['mouse_button 0', [{ kind: 'mouse', dx: 0, dy: 0, buttons: 0 }], 3],
];

function runQemuWithInput(timeoutMs = 60_000): Promise<{ stdout: string; status: number | null }> {
  const sock = join(tmpdir(), `armada-kmi-${process.pid}.sock`);
  rmSync(sock, { force: true });
  return new Promise((resolve, reject) => {
    const q = spawn(QEMU, ['-M', 'vexpress-a9', '-m', '1024', '-nographic', '-semihosting', '-kernel', IMAGE,
      '-monitor', `unix:${sock},server,nowait`], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
    const timer = setTimeout(() => q.kill('SIGKILL'), timeoutMs);
    let out = '';
    let sent = false;
    q.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      if (sent || !out.includes('ready\n')) return;
      sent = true;
      const c = connect(sock);
      c.on('error', reject);
      c.on('connect', async () => {
        // one command at a time, with time for QEMU's key hold delay (100 ms) to pass
        for (const [cmd] of STEPS) {
          c.write(`${cmd}\n`);
          await new Promise(r => setTimeout(r, 400));
        }
        c.end();
      });
    });
    q.on('error', reject);
    q.on('close', status => { clearTimeout(timer); rmSync(sock, { force: true }); resolve({ stdout: out, status }); });
  });
}

function runArmadaWithInput(): { stdout: string; status: number } {
  let out = '';
  const dec = new TextDecoder('latin1');
  const b = createBoard(vexpressA9, {
    ramMiB: 1024,
    semihosting: {
      io: { write: (_s, bytes) => { out += dec.decode(bytes); }, read: () => new Uint8Array(0), isatty: () => false },
      cmdline: IMAGE,
    },
  });
  b.load(new Uint8Array(readFileSync(IMAGE)));
  const bytesRead = () => (out.match(/^(kbd|mouse) /gm) ?? []).length;
  let step = 0;
  let waitFor = -1; // bytes the guest must have read before the next step
  for (let slice = 0; slice < 20_000; slice++) {
    const r = b.run({ maxInsns: 1_000_000 });
    if (r.kind === 'exit') return { stdout: out, status: r.code };
    if (r.kind !== 'budget') throw new Error(`armada stopped: ${JSON.stringify(r)}\n${out}`);
    if (!out.includes('ready\n') || step >= STEPS.length || bytesRead() < waitFor) continue;
    const [, events, n] = STEPS[step++]!;
    for (const ev of events) b.input(ev);
    waitFor = bytesRead() + n;
  }
  throw new Error(`armada did not finish:\n${out}`);
}

describe('QEMU differential: keyboard and mouse input', () => {
  it('the same events give the same PS/2 bytes', async () => {
    if (!qemuVersion()) throw new Error(QEMU_MISSING_MESSAGE);
    const q = await runQemuWithInput();
    expect(q.status, q.stdout).toBe(0);
    expect(q.stdout).toMatch(/^got 14 keyboard and 9 mouse bytes$/m);
    const a = runArmadaWithInput();
    expect(a.stdout).toBe(q.stdout);
    expect(a.status).toBe(0);
  });
});
