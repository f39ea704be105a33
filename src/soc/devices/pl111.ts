// ARM PrimeCell Color LCD Controller (PL111), as QEMU 7.2 models it for vexpress (hw/display/pl110.c,
// the "pl111" variant): one 4 KiB register region and one interrupt output.
//
// The frame lives in guest memory at LCDUPBASE (video RAM at 0x4c000000 on vexpress, or RAM);
// readFrame() converts it to RGBA when asked, the way QEMU's display refresh does, and reports
// which rows changed since the previous read by comparing with the previous frame.
// Interrupts: as QEMU, only the vertical-compare and next-base bits ever rise, together, 60 times a
// (virtual) second while the controller is enabled and powered; the FIFO underflow and bus error
// sources never fire.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import { CHUNK_SIZE } from '../../armcore/bus.js';
import type { Timer } from '../clock.js';
import {
  primeCellId, registerDevice, type Device, type DeviceHost, type DeviceState, type Display, type Frame,
  type RegisterSpec,
} from '../device.js';

/** The PL111 registers (PrimeCell Color LCD Controller (PL111) TRM, table 3-1). */
export const PL111_REGS: readonly RegisterSpec[] = [
  { name: 'LCDTiming0', offset: 0x000, access: 'rw', reset: 0, doc: 'horizontal axis: PPL [7:2] = pixels per line / 16 - 1' },
  { name: 'LCDTiming1', offset: 0x004, access: 'rw', reset: 0, doc: 'vertical axis: LPP [9:0] = lines per panel - 1' },
  { name: 'LCDTiming2', offset: 0x008, access: 'rw', reset: 0, doc: 'clock and signal polarity' },
  { name: 'LCDTiming3', offset: 0x00c, access: 'rw', reset: 0, doc: 'line end control' },
  { name: 'LCDUPBASE', offset: 0x010, access: 'rw', reset: 0, doc: 'upper panel frame base address' },
  { name: 'LCDLPBASE', offset: 0x014, access: 'rw', reset: 0, doc: 'lower panel frame base address' },
  { name: 'LCDControl', offset: 0x018, access: 'rw', reset: 0, doc: 'LcdEn [0], LcdBpp [3:1], BGR [8], BEBO [9], BEPO [10], LcdPwr [11]' },
  { name: 'LCDIMSC', offset: 0x01c, access: 'rw', reset: 0, doc: 'interrupt mask set/clear' },
  { name: 'LCDRIS', offset: 0x020, access: 'ro', reset: 0, doc: 'raw interrupt status' },
  { name: 'LCDMIS', offset: 0x024, access: 'ro', reset: 0, doc: 'masked interrupt status' },
  { name: 'LCDICR', offset: 0x028, access: 'wo', reset: 0, doc: 'interrupt clear' },
  { name: 'LCDUPCURR', offset: 0x02c, access: 'ro', reset: 0, doc: 'upper panel current address (QEMU: LCDUPBASE)' },
  { name: 'LCDLPCURR', offset: 0x030, access: 'ro', reset: 0, doc: 'lower panel current address (QEMU: LCDLPBASE)' },
  { name: 'LCDPalette', offset: 0x200, access: 'rw', reset: 0, doc: '128 words, two 16-bit entries each (0x200-0x3fc)' },
];

/** PeriphID0-3 and CellID0-3 as QEMU's pl111 (part 0x111, designer 0x41, revision 2). */
export const PL111_ID = [0x11, 0x11, 0x24, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

// LCDControl bits
export const CR_EN = 1 << 0, CR_BGR = 1 << 8, CR_BEBO = 1 << 9, CR_BEPO = 1 << 10, CR_PWR = 1 << 11;
// Interrupt bits
export const INT_FUF = 1 << 1, INT_LNBU = 1 << 2, INT_VCOMP = 1 << 3, INT_MBERROR = 1 << 4;

/** LcdBpp field values. */
export const enum Bpp { B1 = 0, B2 = 1, B4 = 2, B8 = 3, B16_1555 = 4, B24 = 5, B16_565 = 6, B12_444 = 7 }
const BITS_PER_PIXEL = [1, 2, 4, 8, 16, 32, 16, 16];

const VBLANK_NS = 1e9 / 60;

interface Pl111State {
  timing: number[];
  upbase: number;
  lpbase: number;
  control: number;
  imsc: number;
  ris: number;
  palette: number[];
}

export class Pl111 implements MmioDevice, Device, Display {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  readonly display: Display = this;
  private timing = [0, 0, 0, 0];
  private upbase = 0;
  private lpbase = 0;
  private control = 0;
  private imsc = 0;
  private ris = 0;
  /** Raw palette words as written (two entries each). */
  private readonly palette = new Uint32Array(128);
  private readonly vblank: Timer;
  /** The previous frame returned by readFrame(), for the dirty rows. */
  private last: { width: number; height: number; rgba: Uint8Array } | null = null;
  private readonly warned = new Set<string>();

  constructor(readonly name: string, private readonly host: DeviceHost) {
    this.vblank = host.clock.timer(`${name}.vblank`, () => this.onVblank());
  }

  get width(): number { return ((this.timing[0]! & 0xfc) + 4) * 4; }
  get height(): number { return (this.timing[1]! & 0x3ff) + 1; }
  get enabled(): boolean { return (this.control & CR_EN) !== 0 && (this.control & CR_PWR) !== 0; }

  reset(): void {
    this.timing = [0, 0, 0, 0];
    this.upbase = 0; this.lpbase = 0; this.control = 0; this.imsc = 0; this.ris = 0;
    this.palette.fill(0);
    this.last = null;
    this.vblank.cancel();
    this.update();
  }

  private update(): void {
    this.host.irq(0).set((this.ris & this.imsc) !== 0);
  }

  private onVblank(): void {
    // QEMU raises both at once and re-arms for the next frame.
    this.ris |= INT_LNBU | INT_VCOMP;
    this.vblank.armIn(VBLANK_NS);
    this.update();
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.host.guestError(`${this.name}: ${msg}`);
  }

  read(offset: number, width: Width): number {
    const id = primeCellId(PL111_ID, offset);
    if (id !== undefined) return id;
    if (offset >= 0x200 && offset < 0x400) return this.palette[(offset - 0x200) >> 2]!;
    switch (offset & ~3) {
      case 0x000: case 0x004: case 0x008: case 0x00c: return this.timing[offset >> 2]! >>> 0;
      case 0x010: case 0x02c: return this.upbase;
      case 0x014: case 0x030: return this.lpbase;
      case 0x018: return this.control;
      case 0x01c: return this.imsc;
      case 0x020: return this.ris;
      case 0x024: return this.ris & this.imsc;
      default:
        this.guestError(`read of unknown register at offset 0x${offset.toString(16)} (size ${width}); reads as zero`);
        return 0;
    }
  }

  write(offset: number, width: Width, value: number): void {
    value >>>= 0;
    if (offset >= 0x200 && offset < 0x400) {
      this.palette[(offset - 0x200) >> 2] = value;
      return;
    }
    switch (offset & ~3) {
      case 0x000: case 0x004: case 0x008: case 0x00c: this.timing[offset >> 2] = value; break;
      case 0x010: this.upbase = value; break;
      case 0x014: this.lpbase = value; break;
      case 0x018:
        this.control = value;
        if (this.enabled) this.vblank.armIn(VBLANK_NS);
        else this.vblank.cancel();
        if ((value & (CR_BEBO | CR_BEPO)) !== 0) this.guestError('big-endian byte/pixel ordering (BEBO/BEPO) is not modelled; frames are read little-endian');
        break;
      case 0x01c: this.imsc = value; this.update(); break;
      case 0x028: this.ris &= ~value; this.update(); break;
      default:
        this.guestError(`write of unknown or read-only register at offset 0x${offset.toString(16)} (size ${width}, value 0x${value.toString(16)}); ignored`);
    }
  }

  /** Palette entry i as RGB (5 bits each, shifted to 8; the intensity bit is ignored, as QEMU). */
  private paletteRgb(i: number): [number, number, number] {
    const raw = (this.palette[i >> 1]! >>> ((i & 1) * 16)) & 0xffff;
    return [(raw & 0x1f) << 3, ((raw >> 5) & 0x1f) << 3, ((raw >> 10) & 0x1f) << 3];
  }

  /** Copy guest memory [pa, pa + n) with RAM read chunk by chunk (devices byte by byte). */
  private fetch(pa: number, n: number): Uint8Array {
    const out = new Uint8Array(n);
    const bus = this.host.bus;
    let i = 0;
    while (i < n) {
      const a = (pa + i) >>> 0;
      const r = bus.ramAt(a);
      if (r) {
        const off = (a - r.base) & (CHUNK_SIZE - 1);
        const len = Math.min(n - i, CHUNK_SIZE - off, r.base + r.size - a);
        const dv = r.chunk(a);
        out.set(new Uint8Array(dv.buffer, dv.byteOffset + off, len), i);
        i += len;
      } else {
        out[i] = bus.read(a, 1);
        i++;
      }
    }
    return out;
  }

  /** The frame as RGBA8888, as QEMU's pl110 draws it (little-endian byte and pixel order). */
  readFrame(): Frame {
    if (!this.enabled) {
      this.last = null;
      return { width: 0, height: 0, rgba: new Uint8Array(0), dirty: null, enabled: false };
    }
    const w = this.width, h = this.height;
    const bpp = (this.control >> 1) & 7;
    const bits = BITS_PER_PIXEL[bpp]!;
    const src = this.fetch(this.upbase, (w * h * bits) >> 3);
    const rgba = new Uint8Array(w * h * 4);
    // BGR clear: red is in the low bits of a pixel (QEMU's "rgb" draw functions); set: blue.
    const bgr = (this.control & CR_BGR) !== 0;
    let o = 0;
    const put = (lo: number, g: number, hi: number) => {
      rgba[o] = bgr ? hi : lo; rgba[o + 1] = g; rgba[o + 2] = bgr ? lo : hi; rgba[o + 3] = 255; o += 4;
    };
    const n = w * h;
    switch (bpp) {
      case Bpp.B1: case Bpp.B2: case Bpp.B4: case Bpp.B8: {
        // palette indices, least significant first within each byte (LBLP)
        const per = 8 / bits, mask = (1 << bits) - 1;
        for (let p = 0; p < n; p++) {
          const idx = (src[Math.floor(p / per)]! >> ((p % per) * bits)) & mask;
          const [r, g, b] = this.paletteRgb(idx);
          rgba[o] = r; rgba[o + 1] = g; rgba[o + 2] = b; rgba[o + 3] = 255; o += 4;
        }
        break;
      }
      case Bpp.B16_1555:
        // QEMU 7.2 takes the second pixel of each 32-bit word from bits [29:15], one bit lower
        // than the TRM's [30:16] (its draw loop shifts by 15, not 16, between the two pixels);
        // armada draws what QEMU draws (test/qemu/pl111.test.ts compares every pixel).
        for (let p = 0; p < n; p++) {
          let v: number;
          if ((p & 1) === 0) v = src[2 * p]! | (src[2 * p + 1]! << 8);
          else {
            const w = (src[2 * p - 2]! | (src[2 * p - 1]! << 8) | (src[2 * p]! << 16) | (src[2 * p + 1]! << 24)) >>> 0;
            v = w >>> 15;
          }
          put((v & 0x1f) << 3, ((v >> 5) & 0x1f) << 3, ((v >> 10) & 0x1f) << 3);
        }
        break;
      case Bpp.B16_565:
        for (let p = 0; p < n; p++) {
          const v = src[2 * p]! | (src[2 * p + 1]! << 8);
          put((v & 0x1f) << 3, ((v >> 5) & 0x3f) << 2, ((v >> 11) & 0x1f) << 3);
        }
        break;
      case Bpp.B12_444:
        for (let p = 0; p < n; p++) {
          const v = src[2 * p]! | (src[2 * p + 1]! << 8);
          put((v & 0xf) << 4, ((v >> 4) & 0xf) << 4, ((v >> 8) & 0xf) << 4);
        }
        break;
      case Bpp.B24:
        for (let p = 0; p < n; p++) put(src[4 * p]!, src[4 * p + 1]!, src[4 * p + 2]!);
        break;
    }
    const dirty = this.dirtyRows(w, h, rgba);
    this.last = { width: w, height: h, rgba };
    return { width: w, height: h, rgba, dirty, enabled: true };
  }

  private dirtyRows(w: number, h: number, rgba: Uint8Array): Frame['dirty'] {
    const prev = this.last;
    if (!prev || prev.width !== w || prev.height !== h) return { first: 0, last: h - 1 };
    const stride = w * 4;
    const a = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
    const b = new Uint32Array(prev.rgba.buffer, prev.rgba.byteOffset, prev.rgba.length >> 2);
    const rowDiffers = (y: number) => {
      for (let i = (y * stride) >> 2, e = ((y + 1) * stride) >> 2; i < e; i++) if (a[i] !== b[i]) return true;
      return false;
    };
    let first = -1;
    for (let y = 0; y < h; y++) if (rowDiffers(y)) { first = y; break; }
    if (first < 0) return null;
    let last = first;
    for (let y = h - 1; y > first; y--) if (rowDiffers(y)) { last = y; break; }
    return { first, last };
  }

  saveState(): DeviceState {
    const s: Pl111State = {
      timing: [...this.timing], upbase: this.upbase, lpbase: this.lpbase, control: this.control,
      imsc: this.imsc, ris: this.ris, palette: Array.from(this.palette),
    };
    return s as unknown as DeviceState;
  }

  loadState(state: DeviceState): void {
    const s = state as unknown as Pl111State;
    this.timing = [...s.timing];
    this.upbase = s.upbase; this.lpbase = s.lpbase; this.control = s.control;
    this.imsc = s.imsc; this.ris = s.ris;
    this.palette.set(s.palette);
    // The next read reports every row, as QEMU redraws everything after a restore.
    this.last = null;
    this.update();
  }
}

registerDevice('pl111', host => new Pl111(host.name, host));
