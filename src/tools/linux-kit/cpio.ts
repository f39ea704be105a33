// A writer for the cpio "newc" format (SVR4 without CRC, magic 070701), the format the Linux kernel
// unpacks as an initramfs. Each entry is a 110-byte ASCII header of 8-digit hex fields, the name
// with its NUL, padding to 4 bytes, then the data, padded to 4 bytes; the archive ends with an
// entry named TRAILER!!!. Times are fixed at 0 and inode numbers are assigned in order, so the
// same entries always give the same bytes.

export type CpioEntry =
  | { kind: 'dir'; path: string; mode?: number }
  | { kind: 'file'; path: string; data: Uint8Array; mode?: number }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'chardev'; path: string; major: number; minor: number; mode?: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

const enc = new TextEncoder();

function hex8(v: number): string {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`cpio: field value ${v} does not fit in 32 bits`);
  return v.toString(16).padStart(8, '0');
}

/** Serialise entries into a newc archive (uncompressed). Paths are relative ("bin/sh"). */
export function cpioNewc(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => { parts.push(b); size += b.length; };
  const pad4 = () => { const n = (4 - (size & 3)) & 3; if (n) push(new Uint8Array(n)); };
  let ino = 1;
  const seen = new Set<string>();
  const one = (name: string, mode: number, data: Uint8Array, rdevMajor = 0, rdevMinor = 0, nlink = 1) => {
    const nameBytes = enc.encode(name + '\0');
    const fields = [
      ino++, mode, 0 /* uid */, 0 /* gid */, nlink, 0 /* mtime */, data.length,
      0, 0 /* dev major/minor */, rdevMajor, rdevMinor, nameBytes.length, 0 /* check */,
    ];
    push(enc.encode('070701' + fields.map(hex8).join('')));
    push(nameBytes);
    pad4();
    push(data);
    pad4();
  };
  for (const e of entries) {
    const path = e.path.replace(/^\/+/, '');
    if (path === '' || path.split('/').some(s => s === '' || s === '.' || s === '..')) {
      throw new Error(`cpio: bad path '${e.path}'`);
    }
    if (seen.has(path)) throw new Error(`cpio: '${path}' appears twice`);
    seen.add(path);
    switch (e.kind) {
      case 'dir': one(path, S_IFDIR | (e.mode ?? 0o755), new Uint8Array(0), 0, 0, 2); break;
      case 'file': one(path, S_IFREG | (e.mode ?? 0o644), e.data); break;
      case 'symlink': one(path, S_IFLNK | 0o777, enc.encode(e.target)); break;
      case 'chardev': one(path, S_IFCHR | (e.mode ?? 0o600), new Uint8Array(0), e.major, e.minor); break;
    }
  }
  ino = 0; // the trailer carries zero fields, as GNU cpio writes it
  const trailer = enc.encode('TRAILER!!!\0');
  push(enc.encode('070701' + [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, trailer.length, 0].map(hex8).join('')));
  push(trailer);
  pad4();
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
