// Loading a guest image into a board's RAM, as QEMU's -kernel does for a non-Linux image:
// ELF PT_LOAD segments at their physical addresses (p_paddr), memsz beyond filesz zero-filled,
// entry at e_entry (bit 0 set: Thumb); a raw binary at the address the user gives, entered there.

import type { Bus } from '../armcore/bus.js';
import { ElfError, isElf, parseElf } from '../armcore/elf.js';

/** A bad image or one that does not fit the board: a user error with a one-line message. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
}

export interface LoadedImage {
  entry: number;
  thumb: boolean;
  /** [start, end) physical ranges the image occupies, memsz included, sorted. */
  extents: { start: number; end: number }[];
  format: 'elf' | 'raw';
}

export interface LoadOptions {
  /** Load a raw binary here (and enter it here). Without it the image must be an ELF file. */
  loadAddr?: number;
}

const hex = (v: number) => '0x' + (v >>> 0).toString(16);

export function loadImage(bus: Bus, bytes: Uint8Array, opts: LoadOptions = {}): LoadedImage {
  const inRam = (start: number, len: number, what: string) => {
    if (len === 0) return;
    const r = bus.ramAt(start);
    if (!r || !r.contains(start + len - 1)) {
      throw new LoadError(`${what} [${hex(start)}, ${hex(start + len)}) is not inside RAM` +
        (bus.ram.length ? ` (RAM is ${bus.ram.map(x => `[${hex(x.base)}, ${hex(x.base + x.size)})`).join(', ')})` : ''));
    }
  };
  if (opts.loadAddr !== undefined) {
    const at = opts.loadAddr >>> 0;
    if (bytes.length === 0) throw new LoadError('raw image is empty');
    inRam(at, bytes.length, 'raw image');
    bus.writeBytes(at, bytes);
    return { entry: at, thumb: false, extents: [{ start: at, end: at + bytes.length }], format: 'raw' };
  }
  if (!isElf(bytes)) throw new LoadError('not an ELF file (use --load-addr ADDR for a raw binary)');
  let elf;
  try { elf = parseElf(bytes); } catch (err) {
    if (err instanceof ElfError) throw new LoadError(err.message);
    throw err;
  }
  // check everything before writing anything
  elf.loads.forEach((s, i) => inRam(s.paddr, s.memsz, `segment ${i}`));
  const extents: { start: number; end: number }[] = [];
  for (const s of elf.loads) {
    bus.writeBytes(s.paddr, s.data);
    if (s.memsz > s.filesz) bus.writeBytes(s.paddr + s.filesz, new Uint8Array(s.memsz - s.filesz));
    extents.push({ start: s.paddr, end: s.paddr + s.memsz });
  }
  extents.sort((a, b) => a.start - b.start);
  return { entry: (elf.entry & ~1) >>> 0, thumb: (elf.entry & 1) === 1, extents, format: 'elf' };
}

/**
 * The largest gap between loaded blobs inside RAM [base, base+size): what QEMU's SYS_HEAPINFO
 * reports as heap base and limit (the first gap wins a tie).
 */
export function largestGap(extents: readonly { start: number; end: number }[], base: number, size: number): { base: number; limit: number } {
  let cur = base, bestBase = base, bestSize = -1;
  const end = base + size;
  for (const e of [...extents].sort((a, b) => a.start - b.start)) {
    if (e.end <= base || e.start >= end) continue;
    if (e.start > cur && e.start - cur > bestSize) { bestSize = e.start - cur; bestBase = cur; }
    if (e.end > cur) cur = e.end;
  }
  if (end - cur > bestSize) { bestSize = end - cur; bestBase = cur; }
  return { base: bestBase >>> 0, limit: (bestBase + Math.max(bestSize, 0)) >>> 0 };
}
