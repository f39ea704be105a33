// The Linux ARM boot protocol, as QEMU 7.2's `-kernel zImage -dtb X -initrd Y -append Z` does it on
// vexpress-a9 (checked on qemu-system-arm 7.2 with its monitor and `-M vexpress-a9,dumpdtb=F`):
//   - the kernel image at RAM base + 0x10000 (0x60010000);
//   - the initrd at RAM base + min(RAM size / 2, 128 MiB), page aligned;
//   - the DTB right after the initrd, 4 KiB aligned (or at the initrd's place when there is none),
//     with /memory set from -m and /chosen bootargs, linux,initrd-start and linux,initrd-end;
//   - at RAM base, QEMU's four-instruction boot stub (mov r0, #0; ldr r1, =board id;
//     ldr r2, =DTB; ldr pc, =kernel) followed by its three words; the CPU starts there in its
//     reset state (SVC, A/I/F masked, MMU and caches off). QEMU passes the vexpress board ID
//     0x8e0 in r1 even with a DTB (the kernel ignores r1 when r2 holds a DTB), and so do we.
// The vexpress-a9 machine has no EL3 by default on QEMU ("secure=off"), so there is no secure
// monitor stub to mirror.

import type { Board } from './board.js';
import { LoadError } from './loader.js';
import {
  FdtError, findNode, ensureNode, parseFdt, propCells, propString, serializeFdt, setProp, type FdtNode,
} from './fdt.js';

export interface LinuxBootOptions {
  kernel: Uint8Array;
  dtb: Uint8Array;
  initrd?: Uint8Array;
  /** Kernel command line (/chosen bootargs); left out when empty, as QEMU does. */
  append?: string;
  /** r1: the machine ID (QEMU's vexpress board ID by default). */
  boardId?: number;
}

export interface LinuxBootLayout {
  kernelAt: number;
  initrdStart: number;
  initrdEnd: number;
  dtbAt: number;
  dtbSize: number;
  stubAt: number;
}

/** zImage header: this magic at offset 0x24 (then start and end addresses). */
export const ZIMAGE_MAGIC = 0x016f2818;
export const VEXPRESS_BOARD_ID = 0x8e0;
const KERNEL_OFFSET = 0x10000;
const MiB = 1024 * 1024;

const hex = (v: number) => '0x' + (v >>> 0).toString(16);
const alignUp = (v: number, a: number) => Math.ceil(v / a) * a;

export function isZImage(bytes: Uint8Array): boolean {
  if (bytes.length < 0x30) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return dv.getUint32(0x24, true) === ZIMAGE_MAGIC;
}

/** The DTB with /memory and /chosen written as QEMU writes them. */
export function patchDtb(dtb: Uint8Array, o: { ramBase: number; ramSize: number; append?: string; initrd?: { start: number; end: number } }): Uint8Array {
  let fdt;
  try {
    fdt = parseFdt(dtb);
  } catch (e) {
    if (e instanceof FdtError) throw new LoadError(`--dtb: ${e.message}`);
    throw e;
  }
  const root = fdt.root;
  const acells = propCells(root, '#address-cells')?.[0] ?? 0;
  const scells = propCells(root, '#size-cells')?.[0] ?? 0;
  if (acells === 0 || scells === 0 || acells > 2 || scells > 2) {
    throw new LoadError(`--dtb: the root node's #address-cells/#size-cells (${acells}/${scells}) are missing or unsupported`);
  }
  // QEMU drops every memory node and adds one for the RAM it has, as the root's first child.
  const isMemory = (n: FdtNode) => n.name === 'memory' || n.name.startsWith('memory@') || propString(n, 'device_type') === 'memory';
  root.children = root.children.filter(n => !isMemory(n));
  const mem: FdtNode = { name: `memory@${o.ramBase.toString(16)}`, props: [], children: [] };
  const cellsOf = (v: number, n: number) => (n === 2 ? [Math.floor(v / 2 ** 32), v >>> 0] : [v >>> 0]);
  setProp(mem, 'reg', [...cellsOf(o.ramBase, acells), ...cellsOf(o.ramSize, scells)]);
  setProp(mem, 'device_type', 'memory');
  root.children.unshift(mem);
  const chosen = findNode(root, '/chosen') ?? ensureNode(root, '/chosen');
  if (o.append) setProp(chosen, 'bootargs', o.append);
  if (o.initrd) {
    setProp(chosen, 'linux,initrd-start', [o.initrd.start]);
    setProp(chosen, 'linux,initrd-end', [o.initrd.end]);
  }
  return serializeFdt(fdt);
}

/**
 * Place a Linux kernel, initrd and DTB in the board's RAM and point the CPU at the boot stub, as
 * QEMU does. Throws LoadError (one line, for the user) when something does not fit or is broken.
 * Call again after a board reset: RAM is not reloaded by Board.reset().
 */
export function loadLinux(board: Board, o: LinuxBootOptions): LinuxBootLayout {
  const base = board.ramBase, size = board.ramSize, end = base + size;
  if (o.kernel.length === 0) throw new LoadError('--kernel: the file is empty');
  if (o.kernel.length >= 4 && o.kernel[0] === 0x7f && o.kernel[1] === 0x45 && o.kernel[2] === 0x4c && o.kernel[3] === 0x46) {
    throw new LoadError('--kernel: this is an ELF file; give a zImage (an ELF image is run as `armada run IMAGE`)');
  }
  const kernelAt = base + KERNEL_OFFSET;
  if (kernelAt + o.kernel.length > end) {
    throw new LoadError(`--kernel: ${o.kernel.length} bytes do not fit in RAM at ${hex(kernelAt)} (RAM ends at ${hex(end)}; try a larger -m)`);
  }
  let initrdStart = base + Math.min(size / 2, 128 * MiB);
  initrdStart = alignUp(initrdStart, 4096);
  const initrdSize = o.initrd?.length ?? 0;
  if (o.initrd) {
    if (initrdSize === 0) throw new LoadError('--initrd: the file is empty');
    if (initrdStart < kernelAt + o.kernel.length) {
      throw new LoadError(`--initrd: RAM is too small: the kernel ends at ${hex(kernelAt + o.kernel.length)}, past the initrd's place ${hex(initrdStart)}`);
    }
    if (initrdStart + initrdSize > end) {
      throw new LoadError(`--initrd: ${initrdSize} bytes do not fit in RAM at ${hex(initrdStart)} (RAM ends at ${hex(end)}; try a larger -m)`);
    }
  }
  const dtbAt = alignUp(initrdStart + initrdSize, 4096);
  const dtb = patchDtb(o.dtb, {
    ramBase: base, ramSize: size, append: o.append,
    initrd: o.initrd ? { start: initrdStart, end: initrdStart + initrdSize } : undefined,
  });
  if (dtbAt + dtb.length > end) throw new LoadError(`--dtb: no room for the DTB at ${hex(dtbAt)} (RAM ends at ${hex(end)})`);

  const stub = new Uint8Array(7 * 4);
  const dv = new DataView(stub.buffer);
  [
    0xe3a00000, // mov r0, #0
    0xe59f1004, // ldr r1, [pc, #4]   -> board ID
    0xe59f2004, // ldr r2, [pc, #4]   -> DTB address
    0xe59ff004, // ldr pc, [pc, #4]   -> kernel entry
    o.boardId ?? VEXPRESS_BOARD_ID, dtbAt, kernelAt,
  ].forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));

  board.bus.writeBytes(kernelAt, o.kernel);
  if (o.initrd) board.bus.writeBytes(initrdStart, o.initrd);
  board.bus.writeBytes(dtbAt, dtb);
  // The stub goes in through the board's raw-image loader, which also puts the CPU in QEMU's
  // reset state at its first instruction and drops any translated code.
  board.load(stub, { loadAddr: base });
  return {
    kernelAt, initrdStart, initrdEnd: initrdStart + initrdSize, dtbAt, dtbSize: dtb.length, stubAt: base,
  };
}
