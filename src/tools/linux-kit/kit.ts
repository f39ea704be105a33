#!/usr/bin/env node
// The Linux test kit: Debian's armhf kernel (linux-image-*-armmp, the version the
// linux-image-armmp metapackage depends on), its vexpress-v2p-ca9.dtb, and an initramfs with
// busybox-static and an /init script. Used by the Linux boot tests, the benchmark and CI.
//
//   node dist/tools/linux-kit/kit.js [--refresh] [--quiet]    prints the kit directory
//
// Packages come from Debian's archive through `apt-get download`, with apt pointed at a private
// state directory (its own package lists, cache and an empty dpkg status) so the host's apt and
// dpkg state neither matter nor change. Everything lands in ~/.cache/armada-linux (or
// $ARMADA_LINUX_CACHE), outside the repository; kit.json there records the package versions, the
// sha256 of every input and output, and the sha256 the guest must print for /data.bin. A second
// run with the outputs in place does nothing (no network); --refresh asks apt for the current
// versions again.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpioNewc, type CpioEntry } from './cpio.js';
import { findNode, parseFdt, serializeFdt, setProp, ensureNode } from '../../soc/fdt.js';

export interface Kit {
  dir: string;
  zImage: string;
  dtb: string;
  /** Debian's DTB with a framebuffer panel (see framebufferDtb). */
  fbDtb: string;
  initrd: string;
  manifest: KitManifest;
}

export interface KitManifest {
  format: number;
  kernelPackage: string;
  kernelVersion: string;
  busyboxVersion: string;
  /** sha256 of the .deb files used. */
  debs: Record<string, string>;
  /** sha256 of the kit's outputs. */
  files: { zImage: string; dtb: string; fbDtb: string; initrd: string };
  /** sha256 of the init script inside the initrd. */
  init: string;
  /** What `sha256sum /data.bin` prints in the guest (computed here on the host). */
  dataSha256: string;
  dataBytes: number;
}

/** Bump when the initramfs layout or /init changes: cached kits of another format are rebuilt. */
const FORMAT = 2;
const DATA_BYTES = 4 * 1024 * 1024;

/** The line /init prints first; tests take the console from here on as "after boot". */
export const INIT_MARKER = 'armada-kit: init started';
export const SHELL_ARG = 'armada.shell=1';

// Runs with busybox applets made by `busybox --install -s`: the rootfs is the initramfs itself,
// writable, so the kit needs no list of applets. The checksum is over data the kit generated, so
// a test can compare it with the value computed on the host.
export const INIT_SCRIPT = `#!/bin/sh
/bin/busybox --install -s /bin
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo "${INIT_MARKER}"
echo "armada-kit: kernel $(uname -r) $(uname -m)"
echo "armada-kit: cmdline $(cat /proc/cmdline)"
echo "armada-kit: data $(wc -c < /data.bin) bytes"
echo "armada-kit: sha256 $(sha256sum /data.bin)"
echo "armada-kit: sha256 done"
if grep -q '${SHELL_ARG}' /proc/cmdline; then
  echo "armada-kit: shell (exit to power off)"
  setsid cttyhack sh
fi
echo "armada-kit: poweroff"
poweroff -f
`;

/** Deterministic pseudo-random data (xorshift32): incompressible, so the initrd's gzip stores it
 * and the guest's unpacking stays cheap, while sha256sum still has real work. */
export function kitData(bytes = DATA_BYTES): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  let x = 0x2545f491;
  for (let i = 0; i + 4 <= bytes; i += 4) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    view.setUint32(i, x, true);
  }
  return out;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function defaultKitDir(): string {
  return process.env['ARMADA_LINUX_CACHE'] ?? path.join(os.homedir(), '.cache', 'armada-linux');
}

/** The initramfs: busybox, /init, /data.bin and the few nodes the kernel needs before devtmpfs. */
export function buildInitramfs(busybox: Uint8Array): Uint8Array {
  const entries: CpioEntry[] = [
    { kind: 'dir', path: 'bin' },
    { kind: 'dir', path: 'dev' },
    // The kernel opens /dev/console for init before anything is mounted.
    { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
    { kind: 'dir', path: 'proc' },
    { kind: 'dir', path: 'sys' },
    { kind: 'dir', path: 'tmp', mode: 0o1777 },
    { kind: 'file', path: 'bin/busybox', data: busybox, mode: 0o755 },
    { kind: 'symlink', path: 'bin/sh', target: 'busybox' },
    { kind: 'file', path: 'init', data: new TextEncoder().encode(INIT_SCRIPT), mode: 0o755 },
    { kind: 'file', path: 'data.bin', data: kitData() },
  ];
  return gzipSync(cpioNewc(entries), { level: 9 });
}

/**
 * Debian's vexpress-v2p-ca9.dtb as it is gives no framebuffer, on QEMU either: the kernel's PL111
 * driver (CONFIG_FB_ARMCLCD) wants a "panel-dpi" node with a panel-timing at the far end of the
 * CLCD's port, and the DTB has the SiI9022 DVI bridge there ("probe of 1001f000.clcd failed with
 * error -2"). This copy turns the bridge node into a 640x480@60 DPI panel and disables the
 * motherboard CLCD, so the CoreTile CLCD at 0x10020000 (QEMU's first console) becomes fb0 and
 * carries the kernel's console. Checked on QEMU 7.2: "clcd@10020000 hardware, 640x480@59 display",
 * "Console: switching to colour frame buffer device 80x30".
 */
export function framebufferDtb(dtb: Uint8Array): Uint8Array {
  const f = parseFdt(dtb);
  const iofpga = '/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000';
  const panel = findNode(f.root, `${iofpga}/i2c@16000/dvi-transmitter@39`);
  const mbClcd = findNode(f.root, `${iofpga}/clcd@1f000`);
  if (!panel || !mbClcd) throw new Error('linux-kit: the DTB lacks the DVI transmitter or the motherboard CLCD node');
  setProp(panel, 'compatible', 'panel-dpi');
  const timing = ensureNode(panel, '/panel-timing');
  const vga: [string, number][] = [
    ['clock-frequency', 25175000], ['hactive', 640], ['vactive', 480], ['hfront-porch', 16], ['hback-porch', 48],
    ['hsync-len', 96], ['vfront-porch', 10], ['vback-porch', 33], ['vsync-len', 2],
  ];
  for (const [k, v] of vga) setProp(timing, k, [v]);
  setProp(mbClcd, 'status', 'disabled');
  return serializeFdt(f);
}

type Log = (line: string) => void;

function aptOptions(dir: string): string[] {
  return [
    '-oAPT::Architecture=armhf', '-oAPT::Architectures=armhf',
    `-oDir::State::Lists=${path.join(dir, 'lists')}`,
    `-oDir::Cache=${path.join(dir, 'cache')}`,
    `-oDir::State::status=${path.join(dir, 'status')}`,
    '-oDebug::NoLocking=1',
    // The private directories belong to whoever runs the kit; apt's _apt sandbox user may not read them.
    '-oAPT::Sandbox::User=root',
  ];
}

function run(cmd: string, args: string[], cwd?: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string; code?: string };
    if (err.code === 'ENOENT') throw new Error(`linux-kit: '${cmd}' is not installed (Debian's apt and dpkg are needed)`);
    throw new Error(`linux-kit: ${cmd} ${args.join(' ')} failed:\n${err.stderr ?? err.message}`);
  }
}

/** `apt-get update` into the private lists. A mirror caught mid-sync fails an index with a size or
 * hash mismatch: retry once after a pause; if an index still fails, go on when the packages we
 * need resolve anyway (apt keeps what it could fetch) and say so. */
function aptUpdate(aptDir: string, log: Log): void {
  for (const d of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(aptDir, d), { recursive: true });
  const status = path.join(aptDir, 'status');
  if (!fs.existsSync(status)) fs.writeFileSync(status, '');
  for (let attempt = 1; ; attempt++) {
    try {
      run('apt-get', [...aptOptions(aptDir), '-q', 'update']);
      return;
    } catch (e) {
      if (attempt === 1) {
        log('linux-kit: apt-get update failed (mirror sync?), retrying once in 10 s');
        execFileSync('sleep', ['10']);
        continue;
      }
      log(`linux-kit: apt-get update failed twice; going on with the indexes that were fetched:\n${(e as Error).message.split('\n').slice(0, 4).join('\n')}`);
      return;
    }
  }
}

function kernelPackage(aptDir: string): string {
  const out = run('apt-cache', [...aptOptions(aptDir), 'depends', 'linux-image-armmp']);
  const m = /Depends:\s*(linux-image-[0-9][^\s]*-armmp)\b/.exec(out);
  if (!m) throw new Error(`linux-kit: cannot find the kernel linux-image-armmp depends on:\n${out}`);
  return m[1]!;
}

function packageVersion(aptDir: string, pkg: string): string {
  const out = run('apt-cache', [...aptOptions(aptDir), 'policy', pkg]);
  const m = /Candidate:\s*(\S+)/.exec(out);
  if (!m || m[1] === '(none)') throw new Error(`linux-kit: no candidate version of ${pkg}:\n${out}`);
  return m[1]!;
}

function findOne(dir: string, test: (rel: string) => boolean): string | undefined {
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, ent.name);
      if (ent.isDirectory()) stack.push(r);
      else if (test(r)) return path.join(dir, r);
    }
  }
  return undefined;
}

function readManifest(dir: string): KitManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'kit.json'), 'utf8')) as KitManifest;
  } catch {
    return undefined;
  }
}

function kitFrom(dir: string, manifest: KitManifest): Kit {
  return {
    dir, manifest,
    zImage: path.join(dir, 'zImage'),
    dtb: path.join(dir, 'vexpress-v2p-ca9.dtb'),
    fbDtb: path.join(dir, 'vexpress-v2p-ca9-fb.dtb'),
    initrd: path.join(dir, 'initrd.gz'),
  };
}

/** The kit as it is on disk, if complete and intact (no network, no apt). */
export function cachedKit(dir = defaultKitDir()): Kit | undefined {
  const m = readManifest(dir);
  if (!m || m.format !== FORMAT || m.init !== sha256(INIT_SCRIPT)) return undefined;
  const kit = kitFrom(dir, m);
  try {
    if (sha256(fs.readFileSync(kit.zImage)) !== m.files.zImage) return undefined;
    if (sha256(fs.readFileSync(kit.dtb)) !== m.files.dtb) return undefined;
    if (sha256(fs.readFileSync(kit.fbDtb)) !== m.files.fbDtb) return undefined;
    if (sha256(fs.readFileSync(kit.initrd)) !== m.files.initrd) return undefined;
  } catch {
    return undefined;
  }
  return kit;
}

/** Build the kit if it is not already there (idempotent). */
export function ensureKit(opts: { dir?: string; refresh?: boolean; log?: Log } = {}): Kit {
  const dir = opts.dir ?? defaultKitDir();
  const log = opts.log ?? (() => {});
  if (!opts.refresh) {
    const k = cachedKit(dir);
    if (k) return k;
  }
  fs.mkdirSync(dir, { recursive: true });
  const aptDir = path.join(dir, 'apt');
  const debDir = path.join(dir, 'debs');
  fs.mkdirSync(debDir, { recursive: true });

  const old = readManifest(dir);
  const haveDebs = (m: KitManifest | undefined) => m && Object.keys(m.debs).every(f => fs.existsSync(path.join(debDir, f)));
  let kernelPkg: string, kernelVersion: string, busyboxVersion: string;
  if (!opts.refresh && old && haveDebs(old)) {
    // Only the initramfs format changed: rebuild from the debs we already have.
    ({ kernelPackage: kernelPkg, kernelVersion, busyboxVersion } = old);
  } else {
    log('linux-kit: apt-get update (armhf, private lists)');
    aptUpdate(aptDir, log);
    kernelPkg = kernelPackage(aptDir);
    kernelVersion = packageVersion(aptDir, kernelPkg);
    busyboxVersion = packageVersion(aptDir, 'busybox-static');
    log(`linux-kit: downloading ${kernelPkg} ${kernelVersion} and busybox-static ${busyboxVersion}`);
    run('apt-get', [...aptOptions(aptDir), '-q', 'download', `${kernelPkg}=${kernelVersion}`, `busybox-static=${busyboxVersion}`], debDir);
  }
  const debName = (pkg: string, version: string) => {
    // apt escapes the epoch's ':' as %3a in file names
    const v = version.replace(/:/g, '%3a');
    const f = fs.readdirSync(debDir).find(n => n.startsWith(`${pkg}_${v}_`) && n.endsWith('.deb'));
    if (!f) throw new Error(`linux-kit: ${pkg} ${version} was not downloaded into ${debDir}`);
    return f;
  };
  const kdeb = debName(kernelPkg, kernelVersion);
  const bdeb = debName('busybox-static', busyboxVersion);
  // Drop debs of other versions left by an earlier refresh.
  for (const n of fs.readdirSync(debDir)) if (n.endsWith('.deb') && n !== kdeb && n !== bdeb) fs.rmSync(path.join(debDir, n));

  const tmp = fs.mkdtempSync(path.join(dir, 'extract-'));
  try {
    run('dpkg-deb', ['-x', path.join(debDir, kdeb), tmp]);
    run('dpkg-deb', ['-x', path.join(debDir, bdeb), tmp]);
    const vmlinuz = findOne(tmp, r => /^boot\/vmlinuz-/.test(r));
    const dtb = findOne(tmp, r => r.endsWith('/vexpress-v2p-ca9.dtb'));
    const busybox = findOne(tmp, r => r === 'bin/busybox');
    if (!vmlinuz || !dtb || !busybox) throw new Error(`linux-kit: the packages lack ${!vmlinuz ? 'vmlinuz' : !dtb ? 'vexpress-v2p-ca9.dtb' : 'bin/busybox'}`);
    const zImage = fs.readFileSync(vmlinuz);
    const dtbBytes = fs.readFileSync(dtb);
    const initrd = buildInitramfs(fs.readFileSync(busybox));
    const fbDtb = framebufferDtb(dtbBytes);
    const manifest: KitManifest = {
      format: FORMAT,
      kernelPackage: kernelPkg, kernelVersion, busyboxVersion,
      debs: {
        [kdeb]: sha256(fs.readFileSync(path.join(debDir, kdeb))),
        [bdeb]: sha256(fs.readFileSync(path.join(debDir, bdeb))),
      },
      files: { zImage: sha256(zImage), dtb: sha256(dtbBytes), fbDtb: sha256(fbDtb), initrd: sha256(initrd) },
      init: sha256(INIT_SCRIPT),
      dataSha256: sha256(kitData()),
      dataBytes: DATA_BYTES,
    };
    const kit = kitFrom(dir, manifest);
    fs.writeFileSync(kit.zImage, zImage);
    fs.writeFileSync(kit.dtb, dtbBytes);
    fs.writeFileSync(kit.fbDtb, fbDtb);
    fs.writeFileSync(kit.initrd, initrd);
    fs.writeFileSync(path.join(dir, 'kit.json'), JSON.stringify(manifest, null, 2) + '\n');
    log(`linux-kit: kit ready in ${dir}`);
    return kit;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const refresh = argv.includes('--refresh');
  const quiet = argv.includes('--quiet');
  const bad = argv.find(a => a !== '--refresh' && a !== '--quiet');
  if (bad) {
    process.stderr.write(`usage: kit.js [--refresh] [--quiet]   (unknown argument ${bad})\n`);
    return 2;
  }
  try {
    const kit = ensureKit({ refresh, log: quiet ? undefined : l => process.stderr.write(l + '\n') });
    if (!quiet) {
      const m = kit.manifest;
      process.stderr.write(`linux-kit: ${m.kernelPackage} ${m.kernelVersion}, busybox-static ${m.busyboxVersion}\n`);
    }
    process.stdout.write(kit.dir + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
