// PL111 pixel formats against QEMU 7.2: the firmware in firmware/devices/pl111 fills a 64x8 frame
// in video RAM with a pseudo-random pattern in each LcdBpp format, with BGR clear and set; QEMU's
// `screendump` of its first console (the CoreTile CLCD) and armada's --screenshot must give the same
// RGB values for every pixel.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { ARMADA_CLI, QEMU, ROOT, qemuVersion, QEMU_MISSING_MESSAGE, armadaBuilt, ARMADA_MISSING_MESSAGE } from './qemu.js';
import { decodePng } from '../../src/soc/png.js';

const IMAGES = join(ROOT, 'firmware', 'devices', 'pl111', 'images');
const tmp = fs.mkdtempSync(join(os.tmpdir(), 'armada-pl111-'));

/** Parse a binary PPM (P6) into RGB bytes. */
function readPpm(b: Buffer): { width: number; height: number; rgb: Uint8Array } {
  const head = b.toString('latin1', 0, 64).split(/\s+/);
  if (head[0] !== 'P6') throw new Error('not a P6 PPM');
  const width = Number(head[1]), height = Number(head[2]);
  const offset = b.length - width * height * 3;
  return { width, height, rgb: new Uint8Array(b.subarray(offset)) };
}

/** Run the image on QEMU, wait for the frame to be drawn, screendump it through the monitor. */
function qemuFrame(image: string, out: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const q = spawn(QEMU, ['-M', 'vexpress-a9', '-m', '128', '-semihosting', '-kernel', image, '-display', 'none',
      '-serial', 'null', '-monitor', 'stdio'], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, QEMU_AUDIO_DRV: 'none' } });
    const killer = setTimeout(() => { q.kill('SIGKILL'); reject(new Error('QEMU timed out')); }, 60_000);
    setTimeout(() => q.stdin.write(`screendump ${out}\n`), 1500);
    setTimeout(() => q.stdin.write('quit\n'), 2500);
    q.on('close', () => {
      clearTimeout(killer);
      try { resolve(fs.readFileSync(out)); } catch (e) { reject(e); }
    });
  });
}

const names = fs.existsSync(IMAGES) ? fs.readdirSync(IMAGES).filter(f => f.endsWith('.elf')).sort() : [];

describe('PL111 frames: armada against QEMU 7.2', () => {
  it('has its tools', () => {
    if (!qemuVersion()) throw new Error(QEMU_MISSING_MESSAGE);
    if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
    expect(names).toHaveLength(10);
  });
  for (const name of names) {
    it(`${name}: every pixel as QEMU draws it`, async () => {
      const image = join(IMAGES, name);
      const ppm = readPpm(await qemuFrame(image, join(tmp, `${name}.ppm`)));
      const png = join(tmp, `${name}.png`);
      const r = spawnSync(process.execPath, [ARMADA_CLI, 'run', image, '-m', '128', '--semihosting', '--max-insns', '3M', '--screenshot', png], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(124); // the firmware spins once the frame is drawn
      const got = decodePng(fs.readFileSync(png));
      expect([got.width, got.height]).toEqual([ppm.width, ppm.height]);
      expect([got.width, got.height]).toEqual([64, 8]);
      const rgb = new Uint8Array(64 * 8 * 3);
      for (let i = 0; i < 64 * 8; i++) rgb.set(got.rgba.subarray(i * 4, i * 4 + 3), i * 3);
      expect(Buffer.from(rgb).equals(Buffer.from(ppm.rgb))).toBe(true);
    });
  }
});
