// The kernel's console on the PL111 framebuffer. Debian's DTB gives no framebuffer (on QEMU either),
// so this boots with the kit's vexpress-v2p-ca9-fb.dtb (a 640x480 DPI panel on the CoreTile CLCD,
// checked on QEMU 7.2), with the console on tty0 as well as ttyAMA0, and compares the --screenshot
// at poweroff with a golden PNG, within a small tolerance. The golden is armada's own output and is
// replaced only when ARMADA_UPDATE_GOLDEN=1 is set (look at it before committing it).
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodePng } from '../../src/soc/png.js';
import { ARMADA_CLI, armadaBuilt, kit, run, ROOT } from './linux.js';

const { kit: K } = kit();
const GOLDEN = path.join(ROOT, 'test', 'linux', 'golden', 'fb-console.png');

describe.skipIf(!K)('Linux console on the framebuffer', () => {
  it('shows the kernel log on the CLCD at poweroff, as the golden PNG', async () => {
    expect(armadaBuilt()).toBe(true);
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'armada-fb-')), 'screen.png');
    const r = await run(process.execPath, [ARMADA_CLI, 'run', '-m', '256', '--kernel', K!.zImage, '--dtb', K!.fbDtb,
      '--initrd', K!.initrd, '--append', 'console=tty0 console=ttyAMA0', '--screenshot', shot], 900_000);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('clcd@10020000 hardware, 640x480@59 display');
    expect(r.stdout).toContain('Console: switching to colour frame buffer device 80x30');
    const got = decodePng(fs.readFileSync(shot));
    expect([got.width, got.height]).toEqual([640, 480]);
    // the console draws text: a real share of the pixels are lit, not a blank screen
    let lit = 0;
    for (let i = 0; i < got.rgba.length; i += 4) if (got.rgba[i]! + got.rgba[i + 1]! + got.rgba[i + 2]! > 300) lit++;
    expect(lit / (640 * 480)).toBeGreaterThan(0.02);
    if (process.env['ARMADA_UPDATE_GOLDEN'] === '1' || !fs.existsSync(GOLDEN)) {
      if (process.env['ARMADA_UPDATE_GOLDEN'] !== '1') throw new Error(`no golden ${GOLDEN}: run with ARMADA_UPDATE_GOLDEN=1 to write it from ${shot}`);
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.copyFileSync(shot, GOLDEN);
    }
    const want = decodePng(fs.readFileSync(GOLDEN));
    expect([want.width, want.height]).toEqual([got.width, got.height]);
    let differ = 0;
    for (let i = 0; i < want.rgba.length; i += 4) {
      if (Math.abs(want.rgba[i]! - got.rgba[i]!) > 16 || Math.abs(want.rgba[i + 1]! - got.rgba[i + 1]!) > 16 ||
        Math.abs(want.rgba[i + 2]! - got.rgba[i + 2]!) > 16) differ++;
    }
    expect(differ / (640 * 480)).toBeLessThan(0.005);
  });
});
