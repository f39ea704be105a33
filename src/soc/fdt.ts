// A flattened device tree (DTB) reader and writer, enough for a boot loader: parse the blob into
// a tree of nodes and properties, edit it, serialise it back (format version 17).
//
// Blob layout (Devicetree Specification, chapter 5): a 40-byte big-endian header (magic
// 0xd00dfeed, total size, offsets of the structure block, the strings block and the memory
// reservation map, version, last compatible version, boot CPU, sizes of the strings and structure
// blocks); the reservation map is (address, size) pairs of 64-bit words ending with a zero pair;
// the structure block is a token stream: BEGIN_NODE + NUL-terminated name padded to 4 bytes,
// PROP + value length + offset of the name in the strings block + value padded to 4 bytes,
// END_NODE, NOP, and one END.

export class FdtError extends Error {
  override readonly name = 'FdtError';
}

export interface FdtProp {
  name: string;
  value: Uint8Array;
}

export interface FdtNode {
  /** Node name with its unit address ('uart@9000'); '' for the root. */
  name: string;
  props: FdtProp[];
  children: FdtNode[];
}

export interface Fdt {
  root: FdtNode;
  /** Memory reservation map entries. */
  reserve: { address: bigint; size: bigint }[];
  bootCpuid: number;
}

const MAGIC = 0xd00dfeed;
const BEGIN_NODE = 1, END_NODE = 2, PROP = 3, NOP = 4, END = 9;
const HEADER_SIZE = 40;

const dec = new TextDecoder('utf-8', { fatal: false });
const enc = new TextEncoder();

/** Parse a DTB. Anything malformed throws an FdtError saying what and where. */
export function parseFdt(bytes: Uint8Array): Fdt {
  if (bytes.length < HEADER_SIZE) throw new FdtError(`not a device tree blob: ${bytes.length} bytes is shorter than the header`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint32(0);
  if (magic !== MAGIC) throw new FdtError(`not a device tree blob: magic 0x${magic.toString(16).padStart(8, '0')}, expected 0xd00dfeed`);
  const totalsize = dv.getUint32(4);
  const offStruct = dv.getUint32(8);
  const offStrings = dv.getUint32(12);
  const offRsv = dv.getUint32(16);
  const version = dv.getUint32(20);
  const lastComp = dv.getUint32(24);
  const bootCpuid = dv.getUint32(28);
  const sizeStrings = dv.getUint32(32);
  const sizeStruct = version >= 17 ? dv.getUint32(36) : totalsize - offStruct;
  if (totalsize > bytes.length) throw new FdtError(`device tree blob truncated: header says ${totalsize} bytes, file has ${bytes.length}`);
  if (version < 16 || lastComp > 17) throw new FdtError(`device tree blob version ${version} (compatible with ${lastComp}) is not supported (need 16 or 17)`);
  const inside = (off: number, len: number, what: string) => {
    if (off > totalsize || len > totalsize - off) throw new FdtError(`device tree blob: ${what} [${off}, +${len}) lies outside its ${totalsize} bytes`);
  };
  inside(offStruct, sizeStruct, 'structure block');
  inside(offStrings, sizeStrings, 'strings block');
  inside(offRsv, 16, 'memory reservation map');

  const reserve: Fdt['reserve'] = [];
  for (let o = offRsv; ; o += 16) {
    inside(o, 16, 'memory reservation map');
    const address = dv.getBigUint64(o), size = dv.getBigUint64(o + 8);
    if (address === 0n && size === 0n) break;
    reserve.push({ address, size });
  }

  const structEnd = offStruct + sizeStruct;
  const cString = (start: number, limit: number, what: string): string => {
    let e = start;
    while (e < limit && bytes[e] !== 0) e++;
    if (e >= limit) throw new FdtError(`device tree blob: unterminated ${what} at offset ${start}`);
    return dec.decode(bytes.subarray(start, e));
  };
  let p = offStruct;
  const token = (): number => {
    if (p + 4 > structEnd) throw new FdtError(`device tree blob: structure block ends without an END token (offset ${p})`);
    const t = dv.getUint32(p);
    p += 4;
    return t;
  };
  let root: FdtNode | undefined;
  const stack: FdtNode[] = [];
  for (;;) {
    const at = p;
    const t = token();
    if (t === NOP) continue;
    if (t === BEGIN_NODE) {
      const name = cString(p, structEnd, 'node name');
      p = (p + enc.encode(name).length + 1 + 3) & ~3;
      const node: FdtNode = { name, props: [], children: [] };
      if (stack.length === 0) {
        if (root) throw new FdtError(`device tree blob: a second root node at offset ${at}`);
        root = node;
      } else {
        stack[stack.length - 1]!.children.push(node);
      }
      stack.push(node);
    } else if (t === PROP) {
      if (stack.length === 0) throw new FdtError(`device tree blob: property outside any node at offset ${at}`);
      if (p + 8 > structEnd) throw new FdtError(`device tree blob: truncated property at offset ${at}`);
      const len = dv.getUint32(p), nameOff = dv.getUint32(p + 4);
      p += 8;
      if (len > structEnd - p) throw new FdtError(`device tree blob: property value at offset ${p} (${len} bytes) runs past the structure block`);
      if (nameOff >= sizeStrings) throw new FdtError(`device tree blob: property name offset ${nameOff} is outside the strings block`);
      const name = cString(offStrings + nameOff, offStrings + sizeStrings, 'property name');
      stack[stack.length - 1]!.props.push({ name, value: bytes.slice(p, p + len) });
      p = (p + len + 3) & ~3;
    } else if (t === END_NODE) {
      if (stack.length === 0) throw new FdtError(`device tree blob: END_NODE without a node at offset ${at}`);
      stack.pop();
    } else if (t === END) {
      if (stack.length !== 0) throw new FdtError(`device tree blob: END with ${stack.length} node(s) still open at offset ${at}`);
      break;
    } else {
      throw new FdtError(`device tree blob: unknown token 0x${t.toString(16)} at offset ${at}`);
    }
  }
  if (!root) throw new FdtError('device tree blob has no root node');
  if (root.name !== '') throw new FdtError(`device tree blob: the root node is named '${root.name}', expected ''`);
  return { root, reserve, bootCpuid };
}

/** Serialise to a version-17 blob. `padding` extra zero bytes at the end leave room to grow. */
export function serializeFdt(fdt: Fdt, padding = 0): Uint8Array {
  const strings: number[] = [];
  const stringOff = new Map<string, number>();
  // As dtc does: a name that is the tail of a string already in the block ("names" inside
  // "clock-names") shares it, so an unedited dtc-built tree serialises to the same bytes.
  const nameOffset = (s: string): number => {
    let o = stringOff.get(s);
    if (o !== undefined) return o;
    const b = enc.encode(s);
    search: for (let i = 0; i + b.length < strings.length; i++) {
      for (let j = 0; j < b.length; j++) if (strings[i + j] !== b[j]) continue search;
      if (strings[i + b.length] !== 0) continue;
      o = i;
      break;
    }
    if (o === undefined) {
      o = strings.length;
      strings.push(...b, 0);
    }
    stringOff.set(s, o);
    return o;
  };
  const words: number[] = []; // the structure block as bytes
  const u32 = (v: number) => words.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  const bytesPadded = (b: Uint8Array) => { for (const x of b) words.push(x); while (words.length & 3) words.push(0); };
  const walk = (n: FdtNode) => {
    u32(BEGIN_NODE);
    bytesPadded(enc.encode(n.name + '\0'));
    for (const pr of n.props) {
      u32(PROP);
      u32(pr.value.length);
      u32(nameOffset(pr.name));
      bytesPadded(pr.value);
    }
    for (const c of n.children) walk(c);
    u32(END_NODE);
  };
  walk(fdt.root);
  u32(END);

  const offRsv = HEADER_SIZE; // already 8-byte aligned
  const rsvSize = (fdt.reserve.length + 1) * 16;
  const offStruct = offRsv + rsvSize;
  const offStrings = offStruct + words.length;
  const total = offStrings + strings.length + padding;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC);
  dv.setUint32(4, total);
  dv.setUint32(8, offStruct);
  dv.setUint32(12, offStrings);
  dv.setUint32(16, offRsv);
  dv.setUint32(20, 17);
  dv.setUint32(24, 16);
  dv.setUint32(28, fdt.bootCpuid >>> 0);
  dv.setUint32(32, strings.length);
  dv.setUint32(36, words.length);
  fdt.reserve.forEach((r, i) => {
    dv.setBigUint64(offRsv + i * 16, r.address);
    dv.setBigUint64(offRsv + i * 16 + 8, r.size);
  });
  out.set(words, offStruct);
  out.set(strings, offStrings);
  return out;
}

// ---- tree helpers ----

function splitPath(path: string): string[] {
  if (!path.startsWith('/')) throw new FdtError(`device tree path '${path}' is not absolute`);
  return path.split('/').filter(s => s !== '');
}

/** The node at an absolute path ('/chosen'); a component without '@' also matches 'name@unit'
 * when that is the only such child, as libfdt's lookups do. */
export function findNode(root: FdtNode, path: string): FdtNode | undefined {
  let n: FdtNode | undefined = root;
  for (const part of splitPath(path)) {
    if (!n) return undefined;
    const kids: FdtNode[] = n.children;
    n = kids.find(c => c.name === part)
      ?? (part.includes('@') ? undefined : kids.find(c => c.name.split('@')[0] === part));
  }
  return n;
}

/** The node at path, creating missing nodes (appended to their parent). */
export function ensureNode(root: FdtNode, path: string): FdtNode {
  let n = root;
  for (const part of splitPath(path)) {
    let c = n.children.find(k => k.name === part);
    if (!c) { c = { name: part, props: [], children: [] }; n.children.push(c); }
    n = c;
  }
  return n;
}

export function getProp(node: FdtNode, name: string): Uint8Array | undefined {
  return node.props.find(p => p.name === name)?.value;
}

/** Set a property: a string (NUL-terminated), a list of 32-bit cells, or raw bytes. */
export function setProp(node: FdtNode, name: string, value: string | readonly number[] | Uint8Array): void {
  let bytes: Uint8Array;
  if (typeof value === 'string') bytes = enc.encode(value + '\0');
  else if (value instanceof Uint8Array) bytes = value;
  else bytes = cells(value);
  const p = node.props.find(q => q.name === name);
  if (p) p.value = bytes;
  else node.props.push({ name, value: bytes });
}

export function cells(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setUint32(i * 4, v >>> 0));
  return out;
}

/** A property's value as 32-bit cells (undefined when absent or not a multiple of 4 bytes). */
export function propCells(node: FdtNode, name: string): number[] | undefined {
  const v = getProp(node, name);
  if (!v || v.length % 4 !== 0) return undefined;
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
  return Array.from({ length: v.length / 4 }, (_, i) => dv.getUint32(i * 4));
}

/** A property's value as a string (the first of a string list). */
export function propString(node: FdtNode, name: string): string | undefined {
  const v = getProp(node, name);
  if (!v) return undefined;
  const e = v.indexOf(0);
  return dec.decode(v.subarray(0, e < 0 ? v.length : e));
}
