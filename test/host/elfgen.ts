// Builds small ELF32 images in memory for the loader tests.
export interface GenSegment { paddr: number; vaddr?: number; data: number[] | Uint8Array; memsz?: number; flags?: number }
export interface GenOptions {
  cls?: number; data?: number; machine?: number; type?: number; entry?: number; segments?: GenSegment[];
}

export function makeElf(o: GenOptions = {}): Uint8Array {
  const segs = o.segments ?? [{ paddr: 0x60010000, data: [0x01, 0x00, 0xa0, 0xe3] }];
  const ehsize = 52, phentsize = 32;
  const phoff = ehsize;
  let dataOff = phoff + phentsize * segs.length;
  const offsets: number[] = [];
  for (const s of segs) { offsets.push(dataOff); dataOff += s.data.length; }
  const buf = new Uint8Array(dataOff);
  const dv = new DataView(buf.buffer);
  buf.set([0x7f, 0x45, 0x4c, 0x46, o.cls ?? 1, o.data ?? 1, 1, 0]);
  dv.setUint16(16, o.type ?? 2, true);
  dv.setUint16(18, o.machine ?? 40, true);
  dv.setUint32(20, 1, true);
  dv.setUint32(24, o.entry ?? segs[0]!.paddr, true);
  dv.setUint32(28, phoff, true);
  dv.setUint32(32, 0, true);
  dv.setUint32(36, 0x05000200, true);
  dv.setUint16(40, ehsize, true);
  dv.setUint16(42, phentsize, true);
  dv.setUint16(44, segs.length, true);
  dv.setUint16(46, 40, true);
  segs.forEach((s, i) => {
    const p = phoff + i * phentsize;
    dv.setUint32(p, 1, true);
    dv.setUint32(p + 4, offsets[i]!, true);
    dv.setUint32(p + 8, s.vaddr ?? s.paddr, true);
    dv.setUint32(p + 12, s.paddr, true);
    dv.setUint32(p + 16, s.data.length, true);
    dv.setUint32(p + 20, s.memsz ?? s.data.length, true);
    dv.setUint32(p + 24, s.flags ?? 5, true);
    dv.setUint32(p + 28, 4, true);
    buf.set(s.data, offsets[i]!);
  });
  return buf;
}
