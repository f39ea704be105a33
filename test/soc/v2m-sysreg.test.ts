// V2M motherboard system registers through their MMIO region (values as QEMU 7.2 vexpress-a9
// gives them; firmware/devices/src/mb_sysreg.c checks the same against QEMU), and the motherboard
// devices' places on armada's vexpress-a9 board.
import { describe, it, expect } from 'vitest';
import { make } from './mb-host.js';
import { createBoard } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';

const SYS_ID = 0x00, SYS_LED = 0x08, SYS_LOCK = 0x20, SYS_FLAGS = 0x30, SYS_FLAGSCLR = 0x34;
const SYS_NVFLAGS = 0x38, SYS_NVFLAGSCLR = 0x3c, SYS_MCI = 0x48, SYS_24MHZ = 0x5c;
const CFGDATA = 0xa0, CFGCTRL = 0xa4, CFGSTAT = 0xa8;
const START = 0x80000000, WRITE = 0x40000000;
const cfg = (fn: number, site: number, dev: number) => (fn << 20) | (site << 16) | dev;

function request(h: ReturnType<typeof make>, req: number, data = 0xdeadbeef): { stat: number; data: number } {
  h.wr(CFGSTAT, 0);
  h.wr(CFGDATA, data);
  h.wr(CFGCTRL, (START | req) >>> 0);
  return { stat: h.rd(CFGSTAT), data: h.rd(CFGDATA) };
}

describe('v2m-sysreg', () => {
  it('identifies the board as QEMU vexpress-a9 does', () => {
    const { rd } = make('v2m-sysreg');
    expect(rd(SYS_ID)).toBe(0x1190f500);
    expect(rd(0x84)).toBe(0x0c000191);
    expect(rd(0x88)).toBe(0xff000000);
    expect(rd(0x44)).toBe(1);
    expect(rd(SYS_MCI)).toBe(0); // no MMC card
    expect(make('v2m-sysreg', { mci: 1 }).rd(SYS_MCI)).toBe(1);
  });

  it('LEDs, flags and the lock register behave as QEMU', () => {
    const h = make('v2m-sysreg');
    h.wr(SYS_LED, 0xa5a5f00f);
    expect(h.rd(SYS_LED)).toBe(0xa5a5f00f);
    h.wr(SYS_LOCK, 0xa05f);
    expect(h.rd(SYS_LOCK)).toBe(0xa05f);
    h.wr(SYS_LOCK, 0x1234abcd);
    expect(h.rd(SYS_LOCK)).toBe(0x2bcd);
    h.wr(SYS_FLAGS, 0x80000003);
    h.wr(SYS_FLAGS, 0x00f00000);
    h.wr(SYS_FLAGSCLR, 0x80100001);
    expect(h.rd(SYS_FLAGS)).toBe(0x00e00002);
    h.wr(SYS_NVFLAGS, 0xc0de);
    h.wr(SYS_NVFLAGSCLR, 0xde);
    expect(h.rd(SYS_NVFLAGS)).toBe(0xc000);
  });

  it('reserved registers read as zero and ignore writes (RESETCTL, CLCD on vexpress)', () => {
    const h = make('v2m-sysreg');
    h.wr(0x40, 0x104);
    h.wr(0x50, 0x1f03);
    expect(h.rd(0x40)).toBe(0);
    expect(h.rd(0x50)).toBe(0);
    expect(h.host.errors).toEqual([]);
    h.wr(0x04, 1); // SYS_SW is not writable in QEMU: a guest error
    expect(h.rd(0x34)).toBe(0);
    expect(h.host.errors).toEqual(['dev: write at bad offset 0x4', 'dev: read at bad offset 0x34']);
  });

  it('SYS_24MHZ counts 24 MHz ticks of virtual time', () => {
    const h = make('v2m-sysreg');
    expect(h.rd(SYS_24MHZ)).toBe(0);
    h.host.advance(1_000_000); // 1 ms
    expect(h.rd(SYS_24MHZ)).toBe(24_000);
    h.host.advance(200_000_000_000); // wraps at 2^32 ticks (179 s)
    expect(h.rd(SYS_24MHZ)).toBe((24_000 + 4_800_000_000) % 2 ** 32);
  });

  it('reads the oscillators and voltages over the configuration bus', () => {
    const h = make('v2m-sysreg');
    expect(request(h, cfg(1, 0, 1))).toEqual({ stat: 1, data: 23_750_000 }); // CLCD pixel clock
    expect(request(h, cfg(1, 0, 0))).toEqual({ stat: 1, data: 50_000_000 });
    expect(request(h, cfg(1, 1, 0))).toEqual({ stat: 1, data: 45_000_000 });
    expect(request(h, cfg(1, 1, 2))).toEqual({ stat: 1, data: 66_670_000 });
    expect(request(h, cfg(2, 0, 0))).toEqual({ stat: 1, data: 3_300_000 });
    expect(request(h, cfg(2, 1, 3))).toEqual({ stat: 1, data: 1_800_000 });
    expect(request(h, cfg(2, 1, 4))).toEqual({ stat: 1, data: 900_000 });
  });

  it('completes what QEMU does not implement with the error bit, data untouched', () => {
    const h = make('v2m-sysreg');
    for (const req of [cfg(1, 0, 6), cfg(1, 1, 3), cfg(2, 0, 1), cfg(2, 1, 6), cfg(4, 1, 0), cfg(12, 1, 0), cfg(13, 1, 0),
      cfg(1, 2, 0), cfg(1, 0, 0) | (1 << 12), cfg(1, 0, 0) | (1 << 26)]) {
      expect(request(h, req)).toEqual({ stat: 3, data: 0xdeadbeef });
    }
    expect(h.host.errors[0]).toMatch(/unimplemented SYS_CFGCTRL read of function 1 DCC 0 site 0 position 0 device 6/);
  });

  it('oscillator writes stick until reset; the start bit and bits 19:18 are not kept', () => {
    const h = make('v2m-sysreg');
    expect(request(h, cfg(1, 0, 1) | WRITE, 25_175_000).stat).toBe(1);
    expect(request(h, cfg(1, 0, 1)).data).toBe(25_175_000);
    expect(request(h, cfg(1, 1, 3) | WRITE, 1).stat).toBe(3);
    expect(request(h, cfg(7, 0, 0) | WRITE).stat).toBe(1);
    expect(request(h, cfg(11, 0, 0) | WRITE).stat).toBe(1);
    h.wr(CFGCTRL, 0x7fffffff);
    expect(h.rd(CFGCTRL)).toBe(0x7ff3ffff);
    h.wr(CFGSTAT, 0xffffffff);
    expect(h.rd(CFGSTAT)).toBe(3);
    h.dev.reset();
    expect(request(h, cfg(1, 0, 1)).data).toBe(23_750_000);
  });

  it('shutdown and reboot (motherboard device 0) ask the board; elsewhere they are errors', () => {
    const h = make('v2m-sysreg');
    expect(request(h, cfg(8, 1, 0) | WRITE).stat).toBe(3);
    expect(request(h, cfg(9, 0, 1) | WRITE).stat).toBe(3);
    expect(h.host.requests).toEqual([]);
    expect(request(h, cfg(8, 0, 0) | WRITE).stat).toBe(1);
    expect(h.host.requests).toEqual(['poweroff']);
    expect(request(h, cfg(9, 0, 0) | WRITE).stat).toBe(1);
    expect(h.host.requests).toEqual(['poweroff', 'reboot']);
    // a read of those functions does nothing
    expect(request(h, cfg(8, 0, 0)).stat).toBe(3);
    expect(h.host.requests.length).toBe(2);
  });

  it('a reset keeps NVFLAGS and the configuration registers, clears the rest (as QEMU)', () => {
    const h = make('v2m-sysreg');
    h.wr(SYS_NVFLAGS, 0xb007);
    h.wr(SYS_FLAGS, 0x5a);
    h.wr(SYS_LED, 0xff);
    h.wr(0x28, 0x11);
    request(h, cfg(1, 0, 2));
    h.dev.reset();
    expect(h.rd(SYS_NVFLAGS)).toBe(0xb007);
    expect(h.rd(SYS_FLAGS)).toBe(0);
    expect(h.rd(SYS_LED)).toBe(0);
    expect(h.rd(0x28)).toBe(0);
    expect(h.rd(CFGDATA)).toBe(24_000_000);
    expect(h.rd(CFGSTAT)).toBe(1);
  });

  it('saves and restores its state', () => {
    const a = make('v2m-sysreg');
    a.wr(SYS_LED, 3);
    request(a, cfg(1, 1, 1) | WRITE, 65_000_000);
    const b = make('v2m-sysreg');
    b.dev.loadState(JSON.parse(JSON.stringify(a.dev.saveState())));
    expect(b.rd(SYS_LED)).toBe(3);
    expect(request(b, cfg(1, 1, 1)).data).toBe(65_000_000);
  });
});

describe('vexpress-a9 motherboard wiring', () => {
  it('maps the modelled devices at QEMU\'s addresses and tags what QEMU lacks', () => {
    const errors: string[] = [];
    const b = createBoard(vexpressA9, { onGuestError: m => errors.push(m) });
    const rd = (a: number) => b.bus.read(a, 4) >>> 0;
    expect(rd(0x10000000)).toBe(0x1190f500);                   // system registers
    expect(rd(0x10006fe0)).toBe(0x50);                         // KMI0
    expect(rd(0x10007fe0)).toBe(0x50);                         // KMI1
    expect(rd(0x10011fe0)).toBe(0x04);                         // SP804 timer01
    expect(rd(0x10012fe0)).toBe(0x04);                         // SP804 timer23
    expect(rd(0x100e4fe0)).toBe(0x04);                         // CoreTile SP804
    expect(rd(0x10017fe0)).toBe(0x31);                         // PL031
    expect(b.device('kmi0').inputSink?.accepts).toBe('key');
    expect(b.device('kmi1').inputSink?.accepts).toBe('mouse');
    // not in QEMU 7.2 either: read as zero, reported once by name
    expect(rd(0x10001000)).toBe(0);
    expect(rd(0x1000ffe0)).toBe(0);
    expect(errors.some(e => /sp810 is not modelled/.test(e))).toBe(true);
    expect(errors.some(e => /sp805-wdt is not modelled/.test(e))).toBe(true);
  });

  it('SYS_CFGCTRL shutdown stops the run with { kind: poweroff }', () => {
    const b = createBoard(vexpressA9);
    // MOVW r0,#0; MOVT r0,#0x1000; MOVW r1,#0; MOVT r1,#0xc080 (start|write|SHUTDOWN); STR r1,[r0,#0xa4]; B .
    const prog = [0xe3000000, 0xe3410000, 0xe3001000, 0xe34c1080, 0xe58010a4, 0xeafffffe];
    prog.forEach((w, i) => b.bus.write(0x60000000 + 4 * i, 4, w));
    expect(b.run({ maxInsns: 1000 })).toEqual({ kind: 'poweroff' });
  });
});
