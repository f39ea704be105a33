// PL111 colour LCD controller, against QEMU 7.2's pl111 model (hw/display/pl110.c): register map
// (control at 0x18 and mask at 0x1c on the PL111), geometry from the timing registers, pixel
// formats with the BGR bit, the 60 Hz vertical interrupt, dirty rows, and snapshot state.
import { describe, expect, it } from 'vitest';
import { Bus } from '../../src/armcore/bus.js';
import { TestHost, make } from './mb-host.js';
import { CR_BGR, CR_EN, CR_PWR, INT_LNBU, INT_VCOMP, PL111_ID } from '../../src/soc/devices/pl111.js';
import type { Device } from '../../src/soc/device.js';

const VRAM = 0x4c000000;

class BusHost extends TestHost {
  readonly memory = new Bus();
  constructor() { super('clcd'); this.memory.addRam('vram', VRAM, 0x800000); }
  override get bus(): never { return this.memory as never; }
}

function clcd(w = 16, h = 4) {
  const host = new BusHost();
  const d = make('pl111', {}, host);
  d.wr(0x000, ((w / 16 - 1) << 2)); // PPL
  d.wr(0x004, h - 1);               // LPP
  d.wr(0x010, VRAM);
  return { ...d, host, frame: () => (d.dev as Device).display!.readFrame() };
}

const bpp = (n: number) => n << 1;

describe('PL111 registers', () => {
  it('has QEMU\'s pl111 ID and reads back what was written, with the PL111 control/mask placement', () => {
    const { rd, wr } = clcd();
    expect([0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => rd(o))).toEqual([...PL111_ID]);
    wr(0x008, 0x12345678); wr(0x00c, 0x1ff); wr(0x014, 0x4c100000);
    wr(0x018, 0x82b); wr(0x01c, 0x1e);
    expect([rd(0x000), rd(0x004), rd(0x008), rd(0x00c)]).toEqual([0x0, 3, 0x12345678, 0x1ff]);
    expect([rd(0x010), rd(0x014), rd(0x02c), rd(0x030)]).toEqual([VRAM, 0x4c100000, VRAM, 0x4c100000]);
    expect([rd(0x018), rd(0x01c)]).toEqual([0x82b, 0x1e]);
    wr(0x200, 0xabcd1234); wr(0x3fc, 0x7fff);
    expect([rd(0x200), rd(0x3fc)]).toEqual([0xabcd1234, 0x7fff]);
  });

  it('reports unknown offsets once and reads them as zero', () => {
    const { rd, host } = clcd();
    expect(rd(0x100)).toBe(0);
    expect(rd(0x100)).toBe(0);
    expect(host.errors).toHaveLength(1);
    expect(host.errors[0]).toMatch(/clcd: read of unknown register at offset 0x100/);
  });
});

describe('PL111 frame', () => {
  it('is off until both LcdEn and LcdPwr are set; geometry is ((PPL+1)*16) x (LPP+1)', () => {
    const { wr, frame } = clcd(32, 3);
    wr(0x018, CR_EN | bpp(5));
    expect(frame().enabled).toBe(false);
    wr(0x018, CR_EN | CR_PWR | bpp(5));
    const f = frame();
    expect([f.enabled, f.width, f.height, f.rgba.length]).toEqual([true, 32, 3, 32 * 3 * 4]);
  });

  it('converts 16 bpp 565 with red in the low bits when BGR is clear, blue when set', () => {
    const { wr, host, frame } = clcd();
    // pixel 0: low field all ones; pixel 1: middle; pixel 2: high field
    host.memory.write(VRAM, 2, 0x001f); host.memory.write(VRAM + 2, 2, 0x07e0); host.memory.write(VRAM + 4, 2, 0xf800);
    wr(0x018, CR_EN | CR_PWR | bpp(6));
    let px = frame().rgba;
    expect(Array.from(px.subarray(0, 12))).toEqual([248, 0, 0, 255, 0, 252, 0, 255, 0, 0, 248, 255]);
    wr(0x018, CR_EN | CR_PWR | CR_BGR | bpp(6));
    px = frame().rgba;
    expect(Array.from(px.subarray(0, 12))).toEqual([0, 0, 248, 255, 0, 252, 0, 255, 248, 0, 0, 255]);
  });

  it('converts 24 bpp (a 32-bit word per pixel), 16 bpp 1555, 12 bpp 444 and 8 bpp through the palette', () => {
    const { wr, host, frame } = clcd();
    host.memory.write(VRAM, 4, 0x00332211);
    wr(0x018, CR_EN | CR_PWR | bpp(5));
    expect(Array.from(frame().rgba.subarray(0, 4))).toEqual([0x11, 0x22, 0x33, 255]);
    host.memory.write(VRAM, 2, 0x7c00 | 0x8000); // 1555: top field all ones, bit 15 ignored
    wr(0x018, CR_EN | CR_PWR | bpp(4));
    expect(Array.from(frame().rgba.subarray(0, 4))).toEqual([0, 0, 248, 255]);
    host.memory.write(VRAM, 2, 0x0f21);            // 444
    wr(0x018, CR_EN | CR_PWR | bpp(7));
    expect(Array.from(frame().rgba.subarray(0, 4))).toEqual([0x10, 0x20, 0xf0, 255]);
    host.memory.write(VRAM, 2, 0x0301);            // 8 bpp: pixel 0 = index 1, pixel 1 = index 3
    wr(0x200, 0x001f << 16);                       // entry 1: red 31 (entry 0 in the low half)
    wr(0x204, (0x03e0 << 16) | 0x7c00);            // entry 2 blue, entry 3 green
    wr(0x018, CR_EN | CR_PWR | bpp(3));
    expect(Array.from(frame().rgba.subarray(0, 8))).toEqual([248, 0, 0, 255, 0, 248, 0, 255]);
  });

  // Regression (found by test/qemu/pl111.test.ts, clcd-bpp4-*.elf): QEMU 7.2 draws the second
  // 1555 pixel of a word from bits [29:15], not [30:16]; armada drew the TRM's layout.
  it('takes the second 16 bpp 1555 pixel of each word from bits [29:15], as QEMU 7.2 draws it', () => {
    const { wr, host, frame } = clcd();
    host.memory.write(VRAM, 4, 0x75432777);
    wr(0x018, CR_EN | CR_PWR | bpp(4));
    // pixel 0 from bits [14:0] = 0x2777; pixel 1 from (word >> 15) = 0xea86: 6, 20, 26 (<< 3)
    expect(Array.from(frame().rgba.subarray(0, 8))).toEqual([184, 216, 72, 255, 48, 160, 208, 255]);
  });

  it('reports the rows that changed since the last read', () => {
    const { wr, host, frame } = clcd(16, 8);
    wr(0x018, CR_EN | CR_PWR | bpp(6));
    expect(frame().dirty).toEqual({ first: 0, last: 7 });
    expect(frame().dirty).toBeNull();
    host.memory.write(VRAM + 3 * 32 + 6, 2, 0xffff);
    host.memory.write(VRAM + 5 * 32, 2, 0x1234);
    expect(frame().dirty).toEqual({ first: 3, last: 5 });
    expect(frame().dirty).toBeNull();
    wr(0x004, 3); // resize: everything is new
    expect(frame().dirty).toEqual({ first: 0, last: 3 });
  });
});

describe('PL111 interrupts', () => {
  it('raises vertical compare and next base together every 1/60 s while enabled, as QEMU', () => {
    const { wr, rd, host } = clcd();
    wr(0x01c, INT_VCOMP);
    host.advance(1e9);
    expect(rd(0x020)).toBe(0); // nothing while disabled
    wr(0x018, CR_EN | CR_PWR | bpp(6));
    host.advance(1e9 / 60 - 10);
    expect(rd(0x020)).toBe(0);
    host.advance(20);
    expect(rd(0x020)).toBe(INT_LNBU | INT_VCOMP);
    expect(rd(0x024)).toBe(INT_VCOMP);
    expect(host.levels[0]).toBe(true);
    wr(0x028, INT_VCOMP);
    expect(rd(0x020)).toBe(INT_LNBU);
    expect(host.levels[0]).toBe(false);
    host.advance(1e9 / 60);
    expect(host.levels[0]).toBe(true);
    wr(0x018, 0); // disable: no more frames
    wr(0x028, 0xff);
    host.advance(1e9);
    expect(rd(0x020)).toBe(0);
  });
});

describe('PL111 state', () => {
  it('survives saveState/loadState (JSON) onto a fresh device, and reset clears it', () => {
    const a = clcd();
    a.wr(0x018, CR_EN | CR_PWR | bpp(6)); a.wr(0x01c, INT_VCOMP); a.wr(0x208, 0x1234);
    a.host.advance(1e9 / 60 + 1);
    const json = JSON.parse(JSON.stringify(a.dev.saveState()));
    const b = clcd(16, 16);
    b.dev.loadState(json);
    for (const off of [0x000, 0x004, 0x010, 0x018, 0x01c, 0x020, 0x208]) expect(b.rd(off)).toBe(a.rd(off));
    expect(b.host.levels[0]).toBe(true);
    b.dev.reset();
    expect([b.rd(0x018), b.rd(0x020), b.rd(0x208)]).toEqual([0, 0, 0]);
    expect(b.host.levels[0]).toBe(false);
  });
});
