// PL050 KMI with its PS/2 keyboard or mouse, driven through KMIDATA/KMISTAT and the input API.
// Command replies are as QEMU 7.2 gives them (firmware/devices/src/mb_kmi.c checks the same).
import { describe, it, expect } from 'vitest';
import { make } from './mb-host.js';
import type { InputSink } from '../../src/soc/device.js';

const CR = 0x00, STAT = 0x04, DATA = 0x08, CLKDIV = 0x0c, IR = 0x10;
const RXINTREN = 0x10, TXINTREN = 0x08, KMIEN = 0x04;
const RXFULL = 0x10;

function kbd() { return make('pl050', { kind: 'keyboard' }); }
function mouse() { return make('pl050', { kind: 'mouse' }); }

/** Everything the device has queued, read through KMIDATA. */
function drain(h: ReturnType<typeof make>): number[] {
  const out: number[] = [];
  while (h.rd(STAT) & RXFULL) out.push(h.rd(DATA));
  return out;
}
function send(h: ReturnType<typeof make>, ...bytes: number[]): number[] {
  for (const b of bytes) h.wr(DATA, b);
  return drain(h);
}
const sink = (h: ReturnType<typeof make>) => h.dev.inputSink as InputSink;

describe('pl050 keyboard', () => {
  it('has the PrimeCell IDs and QEMU\'s register values (TXEMPTY always, TX interrupt always)', () => {
    const h = kbd();
    expect([0xfe0, 0xfe4, 0xfe8, 0xfec, 0xff0, 0xff4, 0xff8, 0xffc].map(o => h.rd(o))).toEqual([0x50, 0x10, 0x04, 0, 0x0d, 0xf0, 0x05, 0xb1]);
    expect(h.rd(STAT)).toBe(0x40);
    expect(h.rd(IR)).toBe(2);
    h.wr(CR, 0xff);
    expect(h.rd(CR)).toBe(0xff);
    h.wr(CLKDIV, 0x12345678);
    expect(h.rd(CLKDIV)).toBe(0x12345678);
  });

  it('answers the atkbd probe: reset, get ID, LEDs, scan code set', () => {
    const h = kbd();
    expect(send(h, 0xff)).toEqual([0xfa, 0xaa]);
    expect(send(h, 0xf2)).toEqual([0xfa, 0xab, 0x83]);
    expect(send(h, 0xed)).toEqual([0xfa]);
    expect(send(h, 0x07)).toEqual([0xfa]);
    expect((h.dev as unknown as { leds: number }).leds).toBe(7);
    // 0xf0's ACK is unread when 0x00 arrives: the new reply replaces it
    expect(send(h, 0xf0, 0x00)).toEqual([0xfa, 0x02]);
    expect(send(h, 0xf0)).toEqual([0xfa]);
    expect(send(h, 0x09)).toEqual([0xfe]); // no such set
    expect(send(h, 0xf3)).toEqual([0xfa]);
    expect(send(h, 0x20)).toEqual([0xfa]);
    expect(send(h, 0xee)).toEqual([0xee]);
    expect(send(h, 0x05)).toEqual([0xfe]);
    expect(send(h, 0x77)).toEqual([0xfe]);
    expect(send(h, 0xfa)).toEqual([0xfa]);
    expect(send(h, 0xfc)).toEqual([0xfa]);
    expect(send(h, 0x11)).toEqual([0xfa]);
  });

  it('a new command drops unread replies to the previous one', () => {
    const h = kbd();
    h.wr(DATA, 0xf2);
    expect(h.rd(DATA)).toBe(0xfa);
    expect(send(h, 0xee)).toEqual([0xee]);
    // nothing queued: KMIDATA gives the last byte again, RXFULL clear
    expect(h.rd(DATA)).toBe(0xee);
    expect(h.rd(STAT)).toBe(0x40);
  });

  it('KMISTAT RXPARITY is the odd parity of the last byte read', () => {
    const h = kbd();
    send(h, 0xf2); // ... 0x83 read last: three bits set
    expect(h.rd(STAT)).toBe(0x44);
    send(h, 0xee); // six bits
    expect(h.rd(STAT)).toBe(0x40);
  });

  it('sends keys as set-2 make and break codes, extended keys with 0xe0', () => {
    const h = kbd();
    sink(h).input({ kind: 'key', code: 0x1c, down: true });  // A
    sink(h).input({ kind: 'key', code: 0x1c, down: false });
    sink(h).input({ kind: 'key', code: 0xe075, down: true }); // cursor up
    sink(h).input({ kind: 'key', code: 0xe075, down: false });
    expect(drain(h)).toEqual([0x1c, 0xf0, 0x1c, 0xe0, 0x75, 0xe0, 0xf0, 0x75]);
  });

  it('translates to set 1 when the guest selects it', () => {
    const h = kbd();
    send(h, 0xf0, 0x01);
    sink(h).input({ kind: 'key', code: 0x1c, down: true });
    sink(h).input({ kind: 'key', code: 0x1c, down: false });
    sink(h).input({ kind: 'key', code: 0xe075, down: true });
    sink(h).input({ kind: 'key', code: 0x83, down: true }); // F7
    expect(drain(h)).toEqual([0x1e, 0x9e, 0xe0, 0x48, 0x41]);
  });

  it('drops keys while scanning is disabled, and bad key codes with a guest error', () => {
    const h = kbd();
    send(h, 0xf5);
    sink(h).input({ kind: 'key', code: 0x1c, down: true });
    expect(drain(h)).toEqual([]);
    send(h, 0xf4);
    sink(h).input({ kind: 'key', code: 0x1234, down: true });
    expect(drain(h)).toEqual([]);
    expect(h.host.errors[0]).toMatch(/not a PS\/2 set-2 make code/);
  });

  it('holds at most 16 bytes; command replies still go in front of the keys', () => {
    const h = kbd();
    for (let i = 0; i < 10; i++) sink(h).input({ kind: 'key', code: 0xe075, down: false }); // 3 bytes each
    h.wr(DATA, 0xee);
    const got = drain(h);
    expect(got[0]).toBe(0xee);
    expect(got.length).toBe(17);
  });

  it('raises its interrupt while data waits and RXINTREN is set, or always with TXINTREN', () => {
    const h = kbd();
    h.wr(CR, KMIEN);
    sink(h).input({ kind: 'key', code: 0x1c, down: true });
    expect(h.host.levels[0]).toBe(false);
    expect(h.rd(IR)).toBe(3);
    h.wr(CR, KMIEN | RXINTREN);
    expect(h.host.levels[0]).toBe(true);
    h.rd(DATA);
    expect(h.host.levels[0]).toBe(false);
    expect(h.rd(IR)).toBe(2);
    h.wr(CR, KMIEN | TXINTREN);
    expect(h.host.levels[0]).toBe(true);
  });

  it('a reset empties the queue and returns to set 2 with scanning on; save/restore keeps the queue', () => {
    const h = kbd();
    send(h, 0xf0, 0x01, 0xf5);
    h.wr(DATA, 0xf2);
    const copy = kbd();
    copy.dev.loadState(JSON.parse(JSON.stringify(h.dev.saveState())));
    expect(drain(copy)).toEqual([0xfa, 0xab, 0x83]);
    h.dev.reset();
    expect(h.rd(STAT) & RXFULL).toBe(0);
    sink(h).input({ kind: 'key', code: 0x1c, down: false });
    expect(drain(h)).toEqual([0xf0, 0x1c]);
  });

  it('refuses mouse events', () => {
    expect(() => sink(kbd()).input({ kind: 'mouse', dx: 1, dy: 0, buttons: 0 })).toThrow(/keyboard/);
  });
});

describe('pl050 mouse', () => {
  it('answers the psmouse probe: reset, ID, status, IntelliMouse detection', () => {
    const h = mouse();
    expect(send(h, 0xff)).toEqual([0xfa, 0xaa, 0x00]);
    expect(send(h, 0xf2)).toEqual([0xfa, 0x00]);
    expect(send(h, 0xe9)).toEqual([0xfa, 0x00, 0x02, 0x64]);
    expect(send(h, 0xf3, 200, 0xf3, 100, 0xf3, 80, 0xf2)).toEqual([0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0x03]);
    expect(send(h, 0xf3, 200, 0xf3, 200, 0xf3, 80, 0xf2)).toEqual([0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0x04]);
    expect(send(h, 0xe8, 3, 0xe7, 0xf0, 0xf4, 0xe9)).toEqual([0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa, 0x70, 0x03, 0x50]);
    expect(send(h, 0xeb)).toEqual([0xfa, 0x08, 0x00, 0x00, 0x00]); // poll: a 4-byte packet (IMEX)
    expect(send(h, 0xf6, 0xe9)).toEqual([0xfa, 0xfa, 0x00, 0x02, 0x64]);
    expect(send(h, 0xee, 0x55, 0xf2, 0xec)).toEqual([0xfa, 0x55, 0xf2, 0xfa]); // wrap mode echoes
    expect(send(h, 0x77)).toEqual([]);
  });

  it('reports motion as 3-byte packets while enabled, y up, split when large', () => {
    const h = mouse();
    sink(h).input({ kind: 'mouse', dx: 5, dy: 5, buttons: 1 });
    expect(drain(h)).toEqual([]); // reporting disabled after power-on
    send(h, 0xf4);
    sink(h).input({ kind: 'mouse', dx: 5, dy: 3, buttons: 1 });
    expect(drain(h)).toEqual([0x08 | 0x20 | 1, 5, 0xfd]);
    sink(h).input({ kind: 'mouse', dx: -200, dy: 0, buttons: 2 });
    expect(drain(h)).toEqual([0x08 | 0x10 | 2, 0x81, 0, 0x08 | 0x10 | 2, 0xb7, 0]);
  });

  it('in remote mode motion waits for a poll', () => {
    const h = mouse();
    send(h, 0xf4, 0xf0);
    sink(h).input({ kind: 'mouse', dx: 3, dy: 0, buttons: 0 });
    expect(drain(h)).toEqual([]);
    expect(send(h, 0xeb)).toEqual([0xfa, 0x08, 3, 0]);
  });

  it('refuses key events', () => {
    expect(() => sink(mouse()).input({ kind: 'key', code: 0x1c, down: true })).toThrow(/mouse/);
  });

  it('needs params.kind', () => {
    expect(() => make('pl050')).toThrow(/params.kind/);
  });
});
