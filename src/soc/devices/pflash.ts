// NOR flash with the Intel/Sharp command set (CFI), as QEMU 7.2's pflash_cfi01 on -M vexpress-a9:
// two banks of 64 MiB (flash 0 at 0x40000000 and again at 0, flash 1 at 0x44000000), each a
// 32-bit bus over two interleaved x16 devices (manufacturer 0x89, device 0x18), 256 KiB erase
// blocks. Without a -pflash image QEMU's flash holds zeros. Every behaviour below was measured
// with firmware/probes/pflash (QEMU's output: pflash-probe.out; test/soc/pflash.test.ts replays
// it on armada):
// - Read array (the reset mode) returns the contents; commands are the low byte of a write.
// - 0x90 read identifier: word address (offset / 4) & 0xff: 0 manufacturer, 1 device, else 0.
// - 0x98 CFI query: the table below at offset / 4; any write except 0xff stays in query mode.
// - 0x70 status; 0x50 clears the status and returns to read array. Status starts at 0x80
//   (ready); erase, program, buffered program and lock set bit 7 again.
// - 0x40 / 0x10 word program: the next write is stored as written (QEMU does not AND), at its
//   own width; reads then return the status until another command.
// - 0x20 block erase: the 256 KiB block is erased at once (0xff), even when the 0xd0 confirm is
//   replaced by 0xff; a wrong confirm returns to read array.
// - 0xe8 buffered program: count (low 16 bits) + 1 bus writes are collected, then committed by
//   0xd0; any other confirm discards them and returns to read array.
// - 0x60 lock/unlock (0x01, 0xd0): accepted, nothing is locked.
// - 0x00, 0xf0, 0xff: read array. Any other command: a guest error, back to read array.
// Reads in the identifier, query and status modes return the one-device answer replicated on
// both 16-bit lanes, cut to the access width.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import { registerDevice, type Device, type DeviceHost, type DeviceState } from '../device.js';

const CHUNK = 0x10000;
const BLOCK = 0x40000;
const MANUFACTURER = 0x89, DEVICE = 0x18;
const STATUS_READY = 0x80;

/** CFI query answers of one device by word address (QEMU 7.2; all others read 0). */
const CFI: ReadonlyMap<number, number> = new Map([
  [0x10, 0x51], [0x11, 0x52], [0x12, 0x59],                 // "QRY"
  [0x13, 0x01], [0x15, 0x31],                               // Intel command set, extended table at 0x31
  [0x1b, 0x45], [0x1c, 0x55],                               // Vcc 4.5-5.5 V
  [0x1f, 0x07], [0x20, 0x07], [0x21, 0x0a],                 // typical program / buffer / erase times
  [0x23, 0x04], [0x24, 0x04], [0x25, 0x04],                 // maximum times
  [0x27, 0x19], [0x28, 0x02], [0x2a, 0x0b],                 // 32 MiB per device, x16, 2 KiB buffer
  [0x2c, 0x01], [0x2d, 0xff], [0x30, 0x02],                 // one region: 256 blocks of 128 KiB
  [0x31, 0x50], [0x32, 0x52], [0x33, 0x49], [0x34, 0x31], [0x35, 0x30], // "PRI" 1.0
  [0x3f, 0x01],
]);

const enum Cmd { ReadArray = 0, Program = 0x40, Erase = 0x20, ClearStatus = 0x50, Lock = 0x60, Status = 0x70, Id = 0x90, Query = 0x98, Buffer = 0xe8 }

export class Pflash implements Device {
  readonly regions: Record<string, MmioDevice>;
  /** Contents in 64 KiB chunks, created when first written; a missing chunk reads as zero. */
  private readonly chunks = new Map<number, Uint8Array>();
  private cmd: number = Cmd.ReadArray;
  private wcycle = 0;
  private status = STATUS_READY;
  private counter = 0;
  private buffered: [number, Width, number][] = [];

  constructor(readonly name: string, readonly size: number, private readonly host: Pick<DeviceHost, 'guestError'>) {
    const region: MmioDevice = {
      name, size,
      read: (off, w) => this.read(off, w),
      write: (off, w, v) => this.write(off, w, v),
    };
    // the same device answers at every base the board gives it (flash 0 at 0x40000000 and at 0)
    this.regions = { main: region, alias: region };
  }

  reset(): void {
    // the contents survive a reset, as QEMU's flash contents survive a system reset
    this.cmd = Cmd.ReadArray; this.wcycle = 0; this.status = STATUS_READY; this.counter = 0; this.buffered = [];
  }

  private byte(off: number): number {
    return this.chunks.get(Math.floor(off / CHUNK))?.[off % CHUNK] ?? 0;
  }

  private setByte(off: number, v: number): void {
    const i = Math.floor(off / CHUNK);
    let c = this.chunks.get(i);
    if (!c) { c = new Uint8Array(CHUNK); this.chunks.set(i, c); }
    c[off % CHUNK] = v;
  }

  private store(off: number, width: Width, v: number): void {
    for (let k = 0; k < width; k++) this.setByte(off + k, (v >>> (8 * k)) & 0xff);
  }

  private lanes(v: number, width: Width): number {
    const both = (v | (v << 16)) >>> 0;
    return width === 4 ? both : width === 2 ? both & 0xffff : both & 0xff;
  }

  read(off: number, width: Width): number {
    switch (this.cmd) {
      case Cmd.ReadArray: {
        let v = 0;
        for (let k = width - 1; k >= 0; k--) v = (v << 8) | this.byte(off + k);
        return width === 4 ? v | 0 : v;
      }
      case Cmd.Id: {
        const a = (off >>> 2) & 0xff;
        return this.lanes(a === 0 ? MANUFACTURER : a === 1 ? DEVICE : 0, width);
      }
      case Cmd.Query: return this.lanes(CFI.get(off >>> 2) ?? 0, width);
      default: return this.lanes(this.status, width);
    }
  }

  private readArray(): void { this.cmd = Cmd.ReadArray; this.wcycle = 0; this.buffered = []; }

  private error(off: number, value: number): void {
    this.host.guestError(`${this.name}: unimplemented flash command sequence (offset 0x${off.toString(16)}, ` +
      `cycle ${this.wcycle}, command 0x${this.cmd.toString(16)}, value 0x${(value >>> 0).toString(16)})`);
    this.readArray();
  }

  write(off: number, width: Width, value: number): void {
    const c = value & 0xff;
    switch (this.wcycle) {
      case 0:
        switch (c) {
          case 0x00: case 0xf0: case 0xff: this.readArray(); return;
          case 0x10: case 0x40: this.cmd = Cmd.Program; this.wcycle = 1; return;
          case 0x20: {
            const base = off - (off % BLOCK);
            for (let a = base; a < base + BLOCK; a += CHUNK) this.chunks.set(Math.floor(a / CHUNK), new Uint8Array(CHUNK).fill(0xff));
            this.status |= STATUS_READY; this.cmd = Cmd.Erase; this.wcycle = 1;
            return;
          }
          case 0x50: this.status = 0; this.readArray(); return;
          case 0x60: this.cmd = Cmd.Lock; this.wcycle = 1; return;
          case 0x70: this.cmd = Cmd.Status; return;
          case 0x90: this.cmd = Cmd.Id; return;
          case 0x98: this.cmd = Cmd.Query; this.wcycle = 1; return;
          case 0xe8: this.status |= STATUS_READY; this.cmd = Cmd.Buffer; this.wcycle = 1; return;
          default: this.error(off, value); return;
        }
      case 1:
        switch (this.cmd) {
          case Cmd.Program:
            this.store(off, width, value);
            this.status |= STATUS_READY; this.wcycle = 0;
            return;
          case Cmd.Erase:
          case Cmd.Lock:
            if (c === 0xff) { this.readArray(); return; }
            if (c === 0xd0 || (c === 0x01 && this.cmd === Cmd.Lock)) { this.status |= STATUS_READY; this.wcycle = 0; return; }
            if (this.cmd === Cmd.Lock) { this.readArray(); return; }
            this.error(off, value);
            return;
          case Cmd.Query:
            if (c === 0xff) this.readArray();
            return;
          case Cmd.Buffer:
            this.counter = value & 0xffff; this.buffered = []; this.wcycle = 2;
            return;
          default: this.error(off, value); return;
        }
      case 2:
        this.buffered.push([off, width, value]);
        if (this.counter === 0) this.wcycle = 3; else this.counter--;
        return;
      default: // 3: confirm a buffered program
        if (c === 0xd0) {
          for (const [o, w, v] of this.buffered) this.store(o, w, v);
          this.buffered = []; this.status |= STATUS_READY; this.wcycle = 0;
          return;
        }
        this.error(off, value);
    }
  }

  saveState(): DeviceState {
    const chunks: Record<string, string> = {};
    for (const [i, c] of this.chunks) chunks[String(i)] = Buffer.from(c).toString('base64');
    return { cmd: this.cmd, wcycle: this.wcycle, status: this.status, counter: this.counter, buffered: this.buffered, chunks };
  }

  loadState(st: DeviceState): void {
    const s = st as { cmd: number; wcycle: number; status: number; counter: number; buffered: [number, Width, number][]; chunks: Record<string, string> };
    this.cmd = s.cmd; this.wcycle = s.wcycle; this.status = s.status; this.counter = s.counter;
    this.buffered = s.buffered.map(b => [b[0], b[1], b[2]]);
    this.chunks.clear();
    for (const [i, b64] of Object.entries(s.chunks)) this.chunks.set(Number(i), new Uint8Array(Buffer.from(b64, 'base64')));
  }
}

registerDevice('pflash', (host, params) => new Pflash(host.name, Number(params['size'] ?? 0x4000000), host));
