// A PNG writer (RGBA8888, no interlace) and a minimal reader for the same kind of file, for
// screenshots and golden-image tests. A PNG is the 8-byte signature and chunks (length, type, data,
// CRC-32 of type and data): IHDR (size, bit depth 8, colour type 6 = RGBA), IDAT (the zlib stream of
// rows, each prefixed by a filter byte), IEND. Compression is node:zlib's; the CRC is computed here.

import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xedb88320), as PNG and zlib's crc32 use. */
export function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encode width x height RGBA8888 pixels (row-major, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`png: bad size ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) throw new Error(`png: ${rgba.length} bytes of pixels for ${width}x${height} RGBA (need ${width * height * 4})`);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 6;  // colour type RGBA
  // compression 0, filter method 0, interlace 0
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // filter type 1 (Sub): each byte minus the one a pixel to its left; framebuffer rows are
    // mostly flat colour, so this compresses far better than no filter.
    const o = y * (stride + 1);
    raw[o] = 1;
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = (row[i]! - (i >= 4 ? row[i - 4]! : 0)) & 0xff;
  }
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Decode an 8-bit RGBA or RGB, non-interlaced PNG (what encodePng writes; golden files). */
export function decodePng(file: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  for (let i = 0; i < 8; i++) if (file[i] !== SIGNATURE[i]) throw new Error('png: not a PNG file');
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let width = 0, height = 0, ctype = 0;
  const idat: Uint8Array[] = [];
  for (let p = 8; p + 12 <= file.length;) {
    const len = dv.getUint32(p);
    const type = String.fromCharCode(...file.subarray(p + 4, p + 8));
    const data = file.subarray(p + 8, p + 8 + len);
    if (crc32(file.subarray(p + 4, p + 8 + len)) !== dv.getUint32(p + 8 + len)) throw new Error(`png: bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = dv.getUint32(p + 8); height = dv.getUint32(p + 12);
      ctype = data[9]!;
      if (data[8] !== 8 || (ctype !== 6 && ctype !== 2) || data[12] !== 0) throw new Error('png: only 8-bit RGB/RGBA, non-interlaced');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  const bpp = ctype === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0, b = prev[i]!, c = i >= bpp ? prev[i - bpp]! : 0;
      let pred = 0;
      switch (f) {
        case 0: pred = 0; break;
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) >> 1; break;
        case 4: {
          const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`png: bad filter type ${f}`);
      }
      cur[i] = (src[i]! + pred) & 0xff;
    }
  }
  if (bpp === 4) return { width, height, rgba: px };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < px.length; i += 3, j += 4) { rgba[j] = px[i]!; rgba[j + 1] = px[i + 1]!; rgba[j + 2] = px[i + 2]!; rgba[j + 3] = 255; }
  return { width, height, rgba };
}
