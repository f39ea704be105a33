// PNG writer: CRC-32 against zlib's, and files that decode back to the same pixels.
import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { crc32, decodePng, encodePng } from '../../src/soc/png.js';

describe('crc32', () => {
  it('gives the standard check value and agrees with zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) & 0xff);
    expect(crc32(data)).toBe(zlib.crc32(data));
    expect(crc32(data.subarray(500), crc32(data.subarray(0, 500)))).toBe(zlib.crc32(data));
  });
});

describe('encodePng', () => {
  it('writes signature, IHDR (8-bit RGBA), IDAT, IEND with valid CRCs, and decodes back', () => {
    const w = 7, h = 5;
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 53) & 0xff);
    const png = encodePng(w, h, rgba);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
    const dv = new DataView(png.buffer, png.byteOffset);
    expect([dv.getUint32(16), dv.getUint32(20), png[24], png[25]]).toEqual([w, h, 8, 6]);
    expect(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
    const back = decodePng(png);
    expect([back.width, back.height]).toEqual([w, h]);
    expect(Buffer.from(back.rgba).equals(Buffer.from(rgba))).toBe(true);
  });

  it('rejects a size that does not match the pixels', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/15 bytes of pixels for 2x2/);
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(/bad size/);
  });

  it('detects a corrupted chunk when decoding', () => {
    const png = encodePng(2, 2, new Uint8Array(16).fill(200));
    png[30] ^= 1;
    expect(() => decodePng(png)).toThrow(/bad CRC/);
  });
});
