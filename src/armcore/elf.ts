// ELF32 little-endian ARM executables: parsing and validation (the loader that copies segments
// into a board's RAM is src/soc/loader.ts). Every problem with the file is an ElfError with a
// one-line message; nothing else is thrown for bad input.

export class ElfError extends Error {
  override readonly name = 'ElfError';
}

export const EM_ARM = 40;
export const PT_LOAD = 1;
export const SHT_SYMTAB = 2;
export const SHF_EXECINSTR = 0x4;
export const SHF_ALLOC = 0x2;

export interface ElfSegment {
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: number;
  /** The file bytes of the segment (filesz long). */
  readonly data: Uint8Array;
}

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  /** STT_* (low 4 bits of st_info). */
  readonly type: number;
  readonly shndx: number;
}

export interface ElfImage {
  readonly entry: number;
  readonly type: number;
  readonly flags: number;
  /** PT_LOAD segments with a non-zero memsz, in file order. */
  readonly loads: ElfSegment[];
  readonly sections: ElfSection[];
  readonly symbols: ElfSymbol[];
  readonly bytes: Uint8Array;
}

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

const hex = (v: number) => '0x' + (v >>> 0).toString(16);

/** Parse and check an ELF32 LE ARM executable. */
export function parseElf(bytes: Uint8Array): ElfImage {
  if (!isElf(bytes)) throw new ElfError('not an ELF file (bad magic)');
  if (bytes.length < 16) throw new ElfError('truncated ELF identification');
  if (bytes[4] !== 1) throw new ElfError(bytes[4] === 2 ? 'ELF64 image: only 32-bit ELF is supported' : `bad ELF class ${bytes[4]}`);
  if (bytes[5] !== 1) throw new ElfError(bytes[5] === 2 ? 'big-endian ELF image: only little-endian is supported' : `bad ELF data encoding ${bytes[5]}`);
  if (bytes.length < 52) throw new ElfError('truncated ELF header');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => dv.getUint16(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  const type = u16(16);
  const machine = u16(18);
  if (machine !== EM_ARM) throw new ElfError(`ELF machine ${machine} is not ARM (${EM_ARM})`);
  if (type !== 2) throw new ElfError(`ELF type ${type} is not an executable (ET_EXEC)`);
  const entry = u32(24);
  const phoff = u32(28), shoff = u32(32), flags = u32(36);
  const phentsize = u16(42), phnum = u16(44), shentsize = u16(46), shnum = u16(48), shstrndx = u16(50);
  if (phnum === 0) throw new ElfError('ELF has no program headers');
  if (phentsize < 32) throw new ElfError(`bad program header size ${phentsize}`);
  if (phoff + phnum * phentsize > bytes.length) throw new ElfError('truncated ELF: program headers past the end of the file');

  const loads: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    const seg = {
      type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), paddr: u32(o + 12),
      filesz: u32(o + 16), memsz: u32(o + 20), flags: u32(o + 24),
    };
    if (seg.type !== PT_LOAD || seg.memsz === 0) continue;
    if (seg.filesz > seg.memsz) throw new ElfError(`segment ${i}: file size ${hex(seg.filesz)} exceeds memory size ${hex(seg.memsz)}`);
    if (seg.offset + seg.filesz > bytes.length) throw new ElfError(`truncated ELF: segment ${i} data past the end of the file`);
    if (seg.paddr + seg.memsz > 0x100000000) throw new ElfError(`segment ${i} wraps past the end of the address space`);
    loads.push({ ...seg, data: bytes.subarray(seg.offset, seg.offset + seg.filesz) });
  }
  if (loads.length === 0) throw new ElfError('ELF has no loadable segments');

  // Sections and symbols are optional (stripped images); a broken section table is ignored
  // rather than refused, as the loader only needs the program headers.
  const sections: ElfSection[] = [];
  const symbols: ElfSymbol[] = [];
  if (shoff !== 0 && shnum > 0 && shentsize >= 40 && shoff + shnum * shentsize <= bytes.length) {
    const raw: { name: number; type: number; flags: number; addr: number; offset: number; size: number; link: number; entsize: number }[] = [];
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      raw.push({ name: u32(o), type: u32(o + 4), flags: u32(o + 8), addr: u32(o + 12), offset: u32(o + 16),
        size: u32(o + 20), link: u32(o + 24), entsize: u32(o + 36) });
    }
    const strAt = (sec: { offset: number; size: number } | undefined, off: number): string => {
      if (!sec || off >= sec.size) return '';
      let end = sec.offset + off;
      const lim = Math.min(bytes.length, sec.offset + sec.size);
      while (end < lim && bytes[end] !== 0) end++;
      return new TextDecoder().decode(bytes.subarray(sec.offset + off, end));
    };
    const shstr = raw[shstrndx];
    for (const s of raw) {
      sections.push({ name: strAt(shstr, s.name), type: s.type, flags: s.flags, addr: s.addr, offset: s.offset, size: s.size });
    }
    for (const s of raw) {
      if (s.type !== SHT_SYMTAB || s.entsize < 16 || s.offset + s.size > bytes.length) continue;
      const strtab = raw[s.link];
      for (let o = s.offset; o + 16 <= s.offset + s.size; o += s.entsize) {
        symbols.push({ name: strAt(strtab, u32(o)), value: u32(o + 4), size: u32(o + 8), type: bytes[o + 12]! & 0xf, shndx: u16(o + 14) });
      }
    }
  }
  return { entry, type, flags, loads, sections, symbols, bytes };
}
