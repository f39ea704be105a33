// The physical address space: RAM regions and MMIO devices. All RAM regions of a bus live in one
// buffer, the arena, whose pages the operating system commits as they are touched; the regions
// hand out 64 KiB chunks of it as DataViews. The CPU reaches RAM through its software TLB, which
// holds each page's chunk DataView and offset (for the closure tier) and its offset in the arena
// (for generated code, which reads the arena as one typed array per width); everything else
// comes here.

export const CHUNK_SHIFT = 16; // 64 KiB lazily allocated RAM chunks
export const CHUNK_SIZE = 1 << CHUNK_SHIFT;
export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;

export type Width = 1 | 2 | 4;

/** A memory-mapped device. Offsets are relative to the device's base. */
export interface MmioDevice {
  readonly name: string;
  readonly size: number;
  read(offset: number, width: Width): number;
  write(offset: number, width: Width, value: number): void;
}

/** The host stores typed-array elements little-endian (as the guest's data): the flat fast paths apply. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Most bytes of RAM a bus holds: arena offsets are int32 (the software TLB keeps them so). */
export const MAX_RAM_BYTES = 0x7fff0000;

interface Arena { buf: ArrayBuffer; ram8: Uint8Array; ram16: Uint16Array; ram32: Int32Array }
/** Released arenas (all zero), for reuse by size (Bus.release). */
const arenaPool: Arena[] = [];
/** Arenas the pool keeps at most (a pooled arena keeps the pages its last board touched). */
const ARENA_POOL_MAX = 2;
function takeArena(bytes: number): Arena {
  const k = arenaPool.findIndex(a => a.buf.byteLength === bytes);
  if (k >= 0) return arenaPool.splice(k, 1)[0]!;
  const buf = new ArrayBuffer(bytes);
  return { buf, ram8: new Uint8Array(buf), ram16: new Uint16Array(buf), ram32: new Int32Array(buf) };
}
function giveArena(a: Arena): void {
  arenaPool.push(a);
  if (arenaPool.length > ARENA_POOL_MAX) arenaPool.shift();
}

export class RamRegion {
  readonly chunks: (DataView | null)[];
  /**
   * @param arena the bus's memory of all its RAM regions, made on first use
   * @param arenaOffset where this region starts in it
   */
  constructor(readonly name: string, readonly base: number, readonly size: number,
    private readonly arena: () => ArrayBuffer, readonly arenaOffset: number) {
    if (size % CHUNK_SIZE !== 0) throw new Error(`${name}: RAM size must be a multiple of ${CHUNK_SIZE}`);
    this.chunks = new Array(size >>> CHUNK_SHIFT).fill(null);
  }
  contains(pa: number): boolean {
    return pa - this.base >= 0 && pa - this.base < this.size;
  }
  /**
   * The DataView of the chunk holding pa (a window on the bus's arena, made on first touch: the
   * chunks touched are the RAM the host has committed). pa must be inside.
   */
  chunk(pa: number): DataView {
    const idx = (pa - this.base) >>> CHUNK_SHIFT;
    let dv = this.chunks[idx];
    if (!dv) { dv = new DataView(this.arena(), this.arenaOffset + idx * CHUNK_SIZE, CHUNK_SIZE); this.chunks[idx] = dv; }
    return dv;
  }
  /** Zero the region (its touched chunks: the rest is zero already) and count none touched. */
  reset(): void {
    for (const dv of this.chunks) if (dv) new Uint8Array(dv.buffer, dv.byteOffset, CHUNK_SIZE).fill(0);
    this.chunks.fill(null);
  }
  /** Bytes allocated on the host for this region so far. */
  get hostBytes(): number {
    let n = 0;
    for (const c of this.chunks) if (c) n += CHUNK_SIZE;
    return n;
  }
}

export interface Mapping {
  readonly base: number;
  readonly end: number; // exclusive
  readonly dev: MmioDevice;
}

/** Thrown by the bus for an access where nothing is mapped; the CPU turns it into an abort. */
export class BusError {
  constructor(readonly pa: number, readonly write: boolean) {}
}

export class Bus {
  readonly ram: RamRegion[] = [];
  private readonly mmio: Mapping[] = [];
  /** Called once per (device, offset) for accesses the board tags as unimplemented. */
  onGuestError: (msg: string) => void = () => {};
  /**
   * Pages holding translated code (set by the CPU, index pa >>> 12) and the callback for a write
   * into one: every write that reaches RAM through the bus (the CPU's slow path, semihosting, DMA,
   * the loader) is checked, so the translation cache never runs stale code.
   */
  codePages: Uint8Array | null = null;
  onCodeWrite: ((pa: number, len: number) => void) | null = null;

  /**
   * All RAM regions in one buffer (the arena), made when memory is first used: the operating
   * system commits its pages as they are touched. The CPU's software TLB holds each page's offset
   * in it, so that generated code reaches any RAM through one typed array per width (ram8, ram16,
   * ram32: all RAM, indexed by arena offset / width) instead of a view per page.
   */
  private arenaBuffer: ArrayBuffer | null = null;
  private arenaBytes = 0;
  private released = false;
  ram8: Uint8Array = new Uint8Array(0);
  ram16: Uint16Array = new Uint16Array(0);
  ram32: Int32Array = new Int32Array(0);
  /** The arena (made now if not yet, or taken from the pool). No RAM region can be added after this. */
  arena(): ArrayBuffer {
    if (this.arenaBuffer === null) {
      if (this.released) throw new Error('this machine was released (Board.dispose): its memory is gone');
      const a = takeArena(this.arenaBytes);
      this.arenaBuffer = a.buf;
      this.ram8 = a.ram8; this.ram16 = a.ram16; this.ram32 = a.ram32;
    }
    return this.arenaBuffer;
  }

  /**
   * The machine is done with its memory: zero what it touched and give the arena to the next bus
   * of the same RAM size in this process. V8 specializes generated code to the typed arrays it
   * reads, so a later machine on the same arrays keeps using that code instead of recompiling it.
   * Any later access throws.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    const buf = this.arenaBuffer;
    if (buf === null) return;
    for (const r of this.ram) r.reset();
    this.arenaBuffer = null;
    giveArena({ buf, ram8: this.ram8, ram16: this.ram16, ram32: this.ram32 });
    this.ram8 = new Uint8Array(0); this.ram16 = new Uint16Array(0); this.ram32 = new Int32Array(0);
  }

  addRam(name: string, base: number, size: number): RamRegion {
    if (this.arenaBuffer !== null) throw new Error(`${name}: RAM regions must all be added before memory is used`);
    if (this.arenaBytes + size > MAX_RAM_BYTES) throw new Error(`${name}: more than ${MAX_RAM_BYTES} bytes of RAM in all`);
    const r = new RamRegion(name, base >>> 0, size, () => this.arena(), this.arenaBytes);
    this.checkOverlap(name, r.base, r.base + size);
    this.arenaBytes += size;
    this.ram.push(r);
    return r;
  }

  addDevice(base: number, dev: MmioDevice): void {
    base = base >>> 0;
    this.checkOverlap(dev.name, base, base + dev.size);
    this.mmio.push({ base, end: base + dev.size, dev });
    this.mmio.sort((a, b) => a.base - b.base);
  }

  private checkOverlap(name: string, start: number, end: number): void {
    for (const r of this.ram) {
      if (start < r.base + r.size && r.base < end) throw new Error(`${name} overlaps RAM ${r.name}`);
    }
    for (const m of this.mmio) {
      if (start < m.end && m.base < end) throw new Error(`${name} overlaps device ${m.dev.name}`);
    }
  }

  /** The MMIO mappings, sorted by base. */
  mappings(): readonly Mapping[] { return this.mmio; }

  ramAt(pa: number): RamRegion | undefined {
    pa = pa >>> 0;
    for (const r of this.ram) if (r.contains(pa)) return r;
    return undefined;
  }

  deviceAt(pa: number): Mapping | undefined {
    pa = pa >>> 0;
    for (const m of this.mmio) if (pa >= m.base && pa < m.end) return m;
    return undefined;
  }

  /** Physical read; throws BusError where nothing is mapped. Little-endian. */
  read(pa: number, width: Width): number {
    pa = pa >>> 0;
    const r = this.ramAt(pa);
    if (r && r.contains(pa + width - 1)) {
      const dv = r.chunk(pa);
      const off = (pa - r.base) & (CHUNK_SIZE - 1);
      if (off + width <= CHUNK_SIZE) {
        return width === 4 ? dv.getInt32(off, true) : width === 2 ? dv.getUint16(off, true) : dv.getUint8(off);
      }
    }
    if (!r) {
      const m = this.deviceAt(pa);
      if (m) return m.dev.read(pa - m.base, width);
      throw new BusError(pa, false);
    }
    // crosses a chunk or region edge: bytewise
    let v = 0;
    for (let i = width - 1; i >= 0; i--) v = (v << 8) | this.read(pa + i, 1);
    return width === 4 ? v | 0 : v >>> 0;
  }

  write(pa: number, width: Width, value: number): void {
    pa = pa >>> 0;
    const r = this.ramAt(pa);
    if (r && r.contains(pa + width - 1)) {
      const dv = r.chunk(pa);
      const off = (pa - r.base) & (CHUNK_SIZE - 1);
      if (off + width <= CHUNK_SIZE) {
        const cp = this.codePages;
        if (cp !== null && (cp[pa >>> 12] !== 0 || cp[(pa + width - 1) >>> 12] !== 0)) this.onCodeWrite?.(pa, width);
        if (width === 4) dv.setInt32(off, value, true);
        else if (width === 2) dv.setUint16(off, value, true);
        else dv.setUint8(off, value);
        return;
      }
    }
    if (!r) {
      const m = this.deviceAt(pa);
      if (m) { m.dev.write(pa - m.base, width, width === 4 ? value | 0 : value & (width === 2 ? 0xffff : 0xff)); return; }
      throw new BusError(pa, true);
    }
    for (let i = 0; i < width; i++) this.write(pa + i, 1, (value >>> (8 * i)) & 0xff);
  }

  /**
   * Bytes [pa, pa + len) change by other means than write() (a device's own storage, such as a
   * flash being programmed or erased while code runs from it): drop translations of them.
   */
  contentChanged(pa: number, len: number): void {
    const cp = this.codePages;
    if (cp === null || len <= 0) return;
    pa = pa >>> 0;
    const last = Math.min(pa + len - 1, 0xffffffff);
    for (let p = pa >>> 12; p <= last >>> 12; p++) {
      if (cp[p] !== 0) { this.onCodeWrite?.(pa, len); return; }
    }
  }

  /** Loader access: copies bytes into RAM (only RAM; a device region is an error). */
  writeBytes(pa: number, bytes: Uint8Array): void {
    this.contentChanged(pa, bytes.length);
    // One region lookup and one copy per RAM chunk (image loading is part of a cold start).
    for (let i = 0; i < bytes.length;) {
      const a = (pa + i) >>> 0;
      const r = this.ramAt(a);
      if (!r) throw new Error(`address 0x${a.toString(16)} is not RAM`);
      const dv = r.chunk(a);
      const off = (a - r.base) & (CHUNK_SIZE - 1);
      const n = Math.min(bytes.length - i, CHUNK_SIZE - off, r.base + r.size - a);
      new Uint8Array(dv.buffer, dv.byteOffset + off, n).set(bytes.subarray(i, i + n));
      i += n;
    }
  }

  readBytes(pa: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.read(pa + i, 1);
    return out;
  }
}
