// `armada disasm`: objdump-like listing from the table-driven disassembler.

import { isElf, parseElf, ElfError, SHF_EXECINSTR, SHF_ALLOC, type ElfImage } from '../armcore/elf.js';
import { decodeA32, decodeThumb } from '../translator/translate.js';
import { disassemble, objdumpStyle } from '../armcore/disasm/index.js';
import { isThumb32 } from '../armcore/isa/tables.js';
import { itAdvance } from '../translator/cond.js';
import { UsageError } from './args.js';

type Kind = 'a' | 't' | 'd';

export interface Region {
  name: string;
  addr: number;
  bytes: Uint8Array;
  /** Mapping symbols inside the region: address and kind, sorted. */
  maps: { addr: number; kind: Kind }[];
  labels: Map<number, string>;
  defaultKind: Kind;
}

const h8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

/** Symbolic name for an address, objdump style: <name> or <name+0xoff> (nearest label below). */
export type Symbolizer = (addr: number) => string | undefined;

export function makeSymbolizer(labels: Map<number, string>): Symbolizer {
  const sorted = [...labels.entries()].sort((a, b) => a[0] - b[0]);
  return addr => {
    let lo = 0, hi = sorted.length - 1, best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] <= addr) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (best < 0) return undefined;
    const [a, name] = sorted[best]!;
    return addr === a ? `<${name}>` : `<${name}+0x${(addr - a).toString(16)}>`;
  };
}

/** Branches print their target with its symbol, as objdump does. */
function annotate(text: string, sym: Symbolizer | undefined): string {
  if (!sym || !/^(b|bl|blx|cbz|cbnz)(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)?(\.[nw])?\t/.test(text)) return text;
  const m = /([0-9a-f]{8})$/.exec(text);
  if (!m) return text;
  const s = sym(Number.parseInt(m[1]!, 16));
  return s ? `${text} ${s}` : text;
}

/** Disassemble a region into objdump-like lines. */
export function disassembleRegion(r: Region, sym?: Symbolizer): string[] {
  const out: string[] = [];
  const dv = new DataView(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  let mi = 0;
  let kind: Kind = r.defaultKind;
  let it = 0;
  let off = 0;
  const end = r.bytes.length;
  while (off < end) {
    const addr = (r.addr + off) >>> 0;
    while (mi < r.maps.length && r.maps[mi]!.addr <= addr) { kind = r.maps[mi]!.kind; it = 0; mi++; }
    const nextMap = mi < r.maps.length ? r.maps[mi]!.addr - r.addr : end;
    const label = r.labels.get(addr);
    if (label !== undefined) out.push('', `${h8(addr)} <${label}>:`);
    const pad = addr.toString(16).padStart(8, ' ');
    if (kind === 'd' || (kind === 'a' && end - off < 4)) {
      if (end - off >= 4 && nextMap - off >= 4 && (addr & 3) === 0) {
        const w = dv.getUint32(off, true);
        out.push(`${pad}:\t${h8(w)}\t.word\t0x${h8(w)}`);
        off += 4;
      } else {
        const b = r.bytes[off]!;
        out.push(`${pad}:\t${b.toString(16).padStart(2, '0')}\t.byte\t0x${b.toString(16).padStart(2, '0')}`);
        off += 1;
      }
      continue;
    }
    if (kind === 'a') {
      const w = dv.getUint32(off, true);
      const d = decodeA32(w);
      const dis = d.encoding ? disassemble(d, addr) : 'undefined';
      const text = dis === 'undefined' ? `.word\t0x${h8(w)}\t@ undefined` : annotate(objdumpStyle(dis), sym);
      out.push(`${pad}:\t${h8(w)} \t${text}`);
      off += 4;
      continue;
    }
    // Thumb
    if (end - off < 2) { off = end; break; }
    const hw1 = dv.getUint16(off, true);
    if (isThumb32(hw1) && end - off >= 4) {
      const hw2 = dv.getUint16(off + 2, true);
      const d = decodeThumb(hw1, hw2);
      const text = d.encoding ? annotate(objdumpStyle(disassemble(d, addr, it)), sym) : `.word\t0x${h8(d.word)}\t@ undefined`;
      out.push(`${pad}:\t${hw1.toString(16).padStart(4, '0')} ${hw2.toString(16).padStart(4, '0')} \t${text}`);
      off += 4;
      it = it ? itAdvance(it) : 0;
    } else {
      const d = decodeThumb(hw1, -1);
      const text = d.encoding ? annotate(objdumpStyle(disassemble(d, addr, it)), sym) : `.short\t0x${hw1.toString(16).padStart(4, '0')}\t@ undefined`;
      out.push(`${pad}:\t${hw1.toString(16).padStart(4, '0')}      \t${text}`);
      off += 2;
      // IT (0xbfxy with a non-zero mask) starts a block; its own slot does not advance it.
      if ((hw1 & 0xff00) === 0xbf00 && (hw1 & 0xf) !== 0) it = hw1 & 0xff;
      else it = it ? itAdvance(it) : 0;
    }
  }
  return out;
}

/** Executable sections of an ELF, with mapping symbols and function/object labels. */
export function elfRegions(elf: ElfImage): Region[] {
  const regions: Region[] = [];
  elf.sections.forEach((s, idx) => {
    if (!(s.flags & SHF_EXECINSTR) || !(s.flags & SHF_ALLOC) || s.size === 0 || s.type === 8 /* NOBITS */) return;
    if (s.offset + s.size > elf.bytes.length) throw new ElfError(`section ${s.name} extends past the end of the file`);
    const maps: { addr: number; kind: Kind }[] = [];
    const labels = new Map<number, string>();
    for (const sym of elf.symbols) {
      if (sym.shndx !== idx) continue;
      const m = /^\$([atd])(\.|$)/.exec(sym.name);
      if (m) maps.push({ addr: sym.value >>> 0, kind: m[1] as Kind });
      else if (sym.name && (sym.type === 2 || sym.type === 0 || sym.type === 1) && !sym.name.startsWith('$')) {
        const a = (sym.type === 2 ? sym.value & ~1 : sym.value) >>> 0;
        if (!labels.has(a)) labels.set(a, sym.name);
      }
    }
    maps.sort((a, b) => a.addr - b.addr);
    regions.push({
      name: s.name, addr: s.addr, bytes: elf.bytes.subarray(s.offset, s.offset + s.size), maps, labels,
      defaultKind: (elf.entry & 1) && maps.length === 0 ? 't' : 'a',
    });
  });
  if (regions.length === 0) {
    // No section table: the executable segments, in the entry's state.
    elf.loads.forEach((seg, i) => {
      if (!(seg.flags & 1) || seg.filesz === 0) return;
      regions.push({ name: `segment ${i}`, addr: seg.paddr, bytes: seg.data, maps: [], labels: new Map(), defaultKind: (elf.entry & 1) ? 't' : 'a' });
    });
  }
  return regions;
}

export function disasmImage(bytes: Uint8Array, opts: { thumb: boolean; loadAddr?: number }, file: string): string[] {
  const out: string[] = [];
  if (opts.loadAddr === undefined && isElf(bytes)) {
    const elf = parseElf(bytes);
    out.push(`${file}:     file format elf32-littlearm`);
    const regions = elfRegions(elf);
    const all = new Map<number, string>();
    for (const r of regions) for (const [a, n] of r.labels) if (!all.has(a)) all.set(a, n);
    const sym = makeSymbolizer(all);
    for (const r of regions) {
      if (opts.thumb && r.maps.length === 0) r.defaultKind = 't';
      out.push('', `Disassembly of section ${r.name}:`);
      out.push(...disassembleRegion(r, sym));
    }
    return out;
  }
  if (opts.loadAddr === undefined && !isElf(bytes)) throw new UsageError(`${file}: not an ELF file (use --load-addr ADDR for a raw binary)`);
  out.push(`${file}:     raw binary at 0x${h8(opts.loadAddr!)}`, '');
  out.push(...disassembleRegion({ name: 'raw', addr: opts.loadAddr!, bytes, maps: [], labels: new Map(), defaultKind: opts.thumb ? 't' : 'a' }));
  return out;
}
